/**
 * The resume token of a listed campaign: the native cursor of the page where its
 * tie group (campaigns with the same `created_at`) begins, null meaning the first
 * page. Re-reading from that page never skips a campaign tied with the last one
 * handed out, whatever order the API gives ties in.
 */

interface Token {
  v: 1;
  cursor: string | null;
}

/** The token that resumes reading at the page `cursor` (null: the first page). */
export function encodeResumeToken(cursor: string | null): string {
  const token: Token = { v: 1, cursor };
  return JSON.stringify(token);
}

/**
 * The native cursor a token resumes at, null for the first page. A token this
 * adapter did not write also reads from the first page: slower, never wrong,
 * since the gateway drops what it already handed out.
 */
export function decodeResumeToken(token: string | null): string | null {
  if (token === null) return null;
  try {
    const parsed = JSON.parse(token) as Partial<Token> | null;
    return parsed?.v === 1 && typeof parsed.cursor === 'string' ? parsed.cursor : null;
  } catch {
    return null;
  }
}
