/** A v2 campaign id from a native id: decimal digits within the safe integer range, else null. */
export function toCampaignId(nativeId: string): number | null {
  if (!/^\d{1,15}$/.test(nativeId)) return null;
  const id = Number(nativeId);
  return Number.isSafeInteger(id) ? id : null;
}
