import type { BackendKindDefinition } from '../../src/backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../../src/backend-kinds/registry.js';
import { bulletinAdapter } from './adapter/index.js';
import { bulletinReference, type BulletinReferenceBackend } from './reference/index.js';

/** The fifth kind's registry entry, made the way a real kind's is: its adapter factory and its reference backend. */
export const BULLETIN_KIND: BackendKindDefinition<BulletinReferenceBackend> = { adapter: bulletinAdapter, reference: bulletinReference };

/** The registry with the fifth kind: the real list and one line more. */
export const FIVE_KINDS = [...BACKEND_KIND_REGISTRY, BULLETIN_KIND] as const;
