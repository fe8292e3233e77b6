import { CAPABILITIES, type Capability } from '../../model/enums.js';
import { unsupported } from '../../model/errors.js';
import type { BackendAdapter } from './backend-adapter.js';
import type { FacetName } from './facets.js';

/** A facet's capability (null: one the contract has no name for) and what an `UNSUPPORTED` answer calls it. */
interface FacetCapability {
  capability: Capability | null;
  does: string;
}

/** Each facet's capability: the one place where the two are tied. */
export const FACET_CAPABILITIES = {
  campaignCreate: { capability: 'CAMPAIGN_CREATE', does: 'creating campaigns' },
  campaignUpdate: { capability: 'CAMPAIGN_UPDATE', does: 'updating campaigns' },
  campaignDelete: { capability: 'CAMPAIGN_DELETE', does: 'deleting campaigns' },
  touchpoints: { capability: 'TOUCHPOINTS', does: 'touchpoints' },
  touchpointWrites: { capability: 'TOUCHPOINT_WRITE', does: 'editing touchpoints' },
  enrollment: { capability: 'ENROLLMENT', does: 'enrolling contacts' },
  enrollmentList: { capability: null, does: 'listing enrollments' },
  execution: { capability: 'EXECUTE', does: 'executing campaigns' },
  messages: { capability: 'MESSAGES', does: 'listing messages' },
  resend: { capability: 'RESEND', does: 'resending messages' },
  deliveryStats: { capability: 'DELIVERY_STATS', does: 'delivery counters' },
} as const satisfies Record<FacetName, FacetCapability>;

/** Every facet name, in the order of {@link FACET_CAPABILITIES}. */
export const FACET_NAMES = Object.keys(FACET_CAPABILITIES) as FacetName[];

/** The facets a backend has, in the order of {@link FACET_NAMES}. */
export function facetsOf(adapter: BackendAdapter): FacetName[] {
  return FACET_NAMES.filter((name) => adapter[name] !== undefined);
}

/**
 * What a backend can do (`Backend.capabilities`), in the GraphQL enum's order:
 * the capability of each facet it has, `SEARCH` when its list pushes filters
 * down and `SCHEDULING` when it sends at `scheduledAt`. Computed here only, so
 * what a backend says it can do and what it has cannot disagree.
 */
export function capabilitiesOf(adapter: BackendAdapter): Capability[] {
  const has = new Set<Capability | null>(facetsOf(adapter).map((name) => FACET_CAPABILITIES[name].capability));
  if (adapter.behaviours?.pushedDownSearch) has.add('SEARCH');
  if (adapter.behaviours?.scheduling) has.add('SCHEDULING');
  return CAPABILITIES.filter((capability) => has.has(capability));
}

/**
 * A backend's facet, typed, for a resolver to call; `UNSUPPORTED` naming the
 * backend and the capability when the backend does not have it (nothing is sent).
 */
export function facetOf<Name extends FacetName>(adapter: BackendAdapter, name: Name): NonNullable<BackendAdapter[Name]> {
  const facet = adapter[name];
  if (facet !== undefined) return facet as NonNullable<BackendAdapter[Name]>;
  const { capability, does } = FACET_CAPABILITIES[name] as FacetCapability;
  throw unsupported(adapter.name, capability ? `${does} (${capability})` : does);
}
