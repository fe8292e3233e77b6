/**
 * Opaque page cursors. A cursor names the last item a page returned by its sort
 * key (never an offset), so items inserted between two page requests neither
 * shift nor repeat the items of later pages.
 */

/** Where the campaign list left off: the last campaign's sort key. */
export interface CampaignCursor {
  createdAt: number;
  id: string;
}

/**
 * Where the touchpoint list left off: the last touchpoint's id and the sort key it
 * had then (its campaign's key, then its position). The store resumes after the
 * touchpoint's current place while it exists, and at its recorded place once deleted.
 */
export interface TouchpointCursor {
  campaignCreatedAt: number;
  campaignId: string;
  position: number;
  id: string;
}

interface Envelope {
  /** Which list the cursor belongs to; a cursor of one list is refused by the other. */
  of: 'campaigns' | 'touchpoints';
  key: unknown;
}

function encode(envelope: Envelope): string {
  return Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url');
}

function decode(raw: string, of: Envelope['of']): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const envelope = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Envelope>;
    if (envelope?.of !== of || typeof envelope.key !== 'object' || envelope.key === null) return undefined;
    return envelope.key as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The cursor that resumes the campaign list after `key`. */
export function encodeCampaignCursor(key: CampaignCursor): string {
  return encode({ of: 'campaigns', key: { createdAt: key.createdAt, id: key.id } });
}

/** Reads a campaign-list cursor; undefined when it is not one this backend issued. */
export function decodeCampaignCursor(raw: string): CampaignCursor | undefined {
  const key = decode(raw, 'campaigns');
  if (!key || !isFiniteNumber(key.createdAt) || typeof key.id !== 'string') return undefined;
  return { createdAt: key.createdAt, id: key.id };
}

/** The cursor that resumes the touchpoint list after `key`. */
export function encodeTouchpointCursor(key: TouchpointCursor): string {
  const { campaignCreatedAt, campaignId, position, id } = key;
  return encode({ of: 'touchpoints', key: { campaignCreatedAt, campaignId, position, id } });
}

/** Reads a touchpoint-list cursor; undefined when it is not one this backend issued. */
export function decodeTouchpointCursor(raw: string): TouchpointCursor | undefined {
  const key = decode(raw, 'touchpoints');
  if (
    !key ||
    !isFiniteNumber(key.campaignCreatedAt) ||
    typeof key.campaignId !== 'string' ||
    !Number.isInteger(key.position) ||
    typeof key.id !== 'string'
  ) {
    return undefined;
  }
  return { campaignCreatedAt: key.campaignCreatedAt, campaignId: key.campaignId, position: key.position as number, id: key.id };
}
