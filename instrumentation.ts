export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    // A wrong environment variable stops start-up here, with a message naming it;
    // the parsed values are kept for every later reader (lib/env.ts).
    const { loadEnv } = await import('./lib/env');
    loadEnv();
    // Fails start-up with a clear message when production lacks AUTH_SECRET.
    const { authSecret } = await import('./server/auth/secret');
    authSecret();
  } catch (error) {
    // Next logs a failed register() and serves 500s anyway: a misconfigured
    // server must not look alive to a load balancer, so it stops instead.
    console.error(`[khởi động] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { prepareDatabase } = await import('./server/startup');
  await prepareDatabase();
}
