export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Fails start-up with a clear message when production lacks AUTH_SECRET.
  const { authSecret } = await import('./server/auth/secret');
  authSecret();
  const { prepareDatabase } = await import('./server/startup');
  await prepareDatabase();
}
