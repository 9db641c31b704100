export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A wrong environment variable or a missing production AUTH_SECRET stops
  // start-up here, with a message naming it (server/startup.ts).
  const { checkConfigurationOrExit, prepareDatabaseOrExit } = await import('./server/startup');
  await checkConfigurationOrExit();
  await prepareDatabaseOrExit();
}
