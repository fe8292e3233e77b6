import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import type { FacetName } from '../../src/adapters/seam/facets.js';
import type { Capability } from '../../src/model/enums.js';
import type { Campaign, Touchpoint } from '../../src/model/unified.js';
import type { CreateCampaignInput, CreateTouchpointInput, ExecuteCampaignInput, UpdateCampaignInput, UpdateTouchpointInput } from '../../src/model/write-inputs.js';
import type { ReferenceBackend } from '../../src/reference-backends/shared/reference-backend.js';

/** A running adapter wired to its seeded reference backend. */
export interface ConformanceFixture {
  adapter: BackendAdapter;
  backend: ReferenceBackend;
}

/** What the write cases send: inputs this kind's backend accepts as they are. */
export interface ConformanceWrites {
  /** A campaign to create (`campaignCreate`); the update, delete and touchpoint-write cases write on one made from it. */
  createCampaign?: CreateCampaignInput;
  /** A change of that campaign (`campaignUpdate`); its `name`, if any, must read back. */
  updateCampaign?: UpdateCampaignInput;
  /** A touchpoint to append to that campaign and a change of it (`touchpointWrites`). */
  touchpoint?: { create: CreateTouchpointInput; update: UpdateTouchpointInput };
  /** Contacts to enroll into a campaign that takes enrollments (`enrollment`), the first of them not yet enrolled. */
  enroll?: { campaignNativeId: string; contactIds: string[] };
  /** A run the backend accepts (`execution`). */
  execute?: { campaignNativeId: string; input: ExecuteCampaignInput };
}

/** What the shared suite needs to know about one adapter kind. */
export interface ConformanceOptions {
  /** Starts a seeded reference backend (port 0) and an adapter configured for it. */
  setup(): Promise<ConformanceFixture>;
  /** A seeded campaign and the fields its normalized form must have (per the normalization table). */
  sample: { nativeId: string; expected: Partial<Campaign> };
  /** The normalized touchpoints of the sample campaign, in order (kinds with `touchpoints`). */
  sampleTouchpoints?: Partial<Touchpoint>[];
  /** A native id of the right form that the backend does not know. */
  unknownNativeId: string;
  /** Capabilities this kind must report (`Backend.capabilities`). */
  capabilities: Capability[];
  /**
   * The facets this kind has. The first case checks that the adapter has exactly
   * these; each facet's cases run where it is listed and are skipped, by name, where not.
   */
  facets: FacetName[];
  /** Inputs of the write cases. */
  writes?: ConformanceWrites;
  /** A seeded campaign with enrollments to list (`enrollmentList`); default the sample. */
  enrollmentsOf?: string;
  /** A seeded campaign with messages, one of them failed (`messages`, `resend`); default the sample. */
  messagesOf?: string;
}
