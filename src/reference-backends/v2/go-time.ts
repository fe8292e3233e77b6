/**
 * Times as the v2 server's Go code reads and writes them: `time.Parse(time.RFC3339, s)`
 * and `t.In(local).Format(time.RFC3339)`.
 */

const MINUTE = 60_000;

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Go's general parser (used whenever its strict fast path declines) accepts a
// one-digit hour, a comma before the fraction, and offsets up to 24:60.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses what Go's `time.Parse(time.RFC3339, s)` accepts, e.g.
 * `2025-03-03T14:32:25+03:00` or `2025-03-04T11:31:25.000Z`.
 * @returns epoch milliseconds, or undefined when Go would return an error
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHour = Number(m[10]);
    const offsetMinute = Number(m[11]);
    if (offsetHour > 24 || offsetMinute > 60) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  }
  const fraction = Number(`0.${(m[7] ?? '0').slice(0, 9)}`);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, Math.floor(fraction * 1000));
  return utc.getTime() - offsetMinutes * MINUTE;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Go's RFC 3339 layout in a fixed zone of `offsetMinutes` east of UTC:
 * `2025-03-03T14:32:25+03:00`, or `…Z` at offset 0. Sub-seconds are dropped.
 */
export function formatRfc3339(epochMs: number, offsetMinutes: number): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * MINUTE);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offsetMinutes === 0) return `${date}T${time}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
