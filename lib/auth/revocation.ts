/** Whole seconds, as the token stores them: a session begun in the second of the sign-out survives. */
export function isSessionRevoked(signedInAtSeconds: number, validAfter: Date | null): boolean {
  if (!validAfter) return false;
  if (!Number.isFinite(signedInAtSeconds)) return true;
  return signedInAtSeconds < Math.floor(validAfter.getTime() / 1000);
}
