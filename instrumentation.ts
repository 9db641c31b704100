export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A wrong environment variable or a missing production AUTH_SECRET stops
  // start-up here, with a message naming it (server/startup.ts).
  const { checkConfigurationOrExit, prepareDatabase } = await import('./server/startup');
  await checkConfigurationOrExit();
  try {
    await prepareDatabase();
  } catch (error) {
    // As for the configuration: a server whose database could not be prepared would answer
    // 500 to everything while looking alive; stop, so a supervisor or the cluster restarts it.
    console.error('[khởi động] Không chuẩn bị được cơ sở dữ liệu:', error);
    process.exit(1);
  }
}
