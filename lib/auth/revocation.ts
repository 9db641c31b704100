/** A session that began (epoch milliseconds) before the user's sessions_valid_after is void. */
export function isSessionRevoked(signedInAtMs: number, validAfter: Date | null): boolean {
  if (!validAfter) return false;
  if (!Number.isFinite(signedInAtMs)) return true;
  return signedInAtMs < validAfter.getTime();
}
