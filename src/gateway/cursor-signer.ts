import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Longest cursor accepted in `after`; anything longer is refused before it is decoded. */
export const MAX_CURSOR_LENGTH = 16 * 1024;

/** Bytes of HMAC-SHA256 kept in a cursor: 128 bits cannot be guessed. */
const TAG_BYTES = 16;

/** What a cursor continues; a cursor of one kind never verifies as another. */
export type CursorKind = 'campaigns' | 'child';

/**
 * Authenticates the cursors the gateway hands out. A cursor is
 * `<payload>.<tag>`, both base64url: the payload is the gateway's own JSON, the
 * tag an HMAC-SHA256 of kind and payload under the cursor key. A cursor that
 * comes back is trusted only when its tag verifies, so a client can neither
 * forge a position nor steer the resume offsets sent upstream.
 *
 * Replicas behind one load balancer must share the key (config `cursorSecret`):
 * with a random key per process, a cursor from one replica fails on another.
 */
export class CursorSigner {
  readonly #key: Buffer;

  /** @param secret the cursor key; default a random key for this process only. */
  constructor(secret?: string) {
    this.#key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  /** The signed cursor for a JSON-serializable payload. */
  sign(kind: CursorKind, payload: unknown): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.#tag(kind, body).toString('base64url')}`;
  }

  /** The payload of a cursor this key signed for `kind`; null for anything else. */
  verify(kind: CursorKind, cursor: string): unknown {
    if (cursor.length > MAX_CURSOR_LENGTH) return null;
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(cursor);
    if (!match) return null;
    const [, body, tag] = match as unknown as [string, string, string];
    const presented = Buffer.from(tag, 'base64url');
    const expected = this.#tag(kind, body);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    } catch {
      return null;
    }
  }

  #tag(kind: CursorKind, body: string): Buffer {
    return createHmac('sha256', this.#key).update(`${kind}\n${body}`).digest().subarray(0, TAG_BYTES);
  }
}
