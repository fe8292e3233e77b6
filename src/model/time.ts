/**
 * Normalizes the three time formats the backends write (ISO 8601 with `Z`,
 * RFC 3339 with a local offset, Unix milliseconds) to ISO 8601 UTC with
 * milliseconds. Empty strings, zero and unparseable values become null.
 */
export function toIsoUtc(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '' || value === 0) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
