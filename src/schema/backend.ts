import type { BackendAdapter } from '../adapters/seam/backend-adapter.js';
import { capabilitiesOf } from '../adapters/seam/capabilities.js';
import { builder } from './builder.js';
import { BackendKindEnum, CapabilityEnum } from './enums.js';

/** A configured backend as GraphQL shows it. */
export const BackendRef = builder.objectRef<BackendAdapter>('Backend').implement({
  description: 'One configured campaign backend.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: BackendKindEnum, resolve: (backend) => backend.kind }),
    capabilities: t.field({
      type: [CapabilityEnum],
      description: 'What the backend can do; anything else answers UNSUPPORTED.',
      resolve: (backend) => capabilitiesOf(backend),
    }),
  }),
});

builder.queryField('backends', (t) =>
  t.field({
    type: [BackendRef],
    authScopes: { scope: 'campaigns:read' },
    resolve: (_root, _args, ctx) => [...ctx.backends.adapters],
  }),
);
