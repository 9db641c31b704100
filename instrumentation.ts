import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A wrong environment variable or a missing production AUTH_SECRET stops
  // start-up here, with a message naming it (server/startup.ts).
  const { checkConfigurationOrExit, prepareDatabaseOrExit } = await import('./server/startup');
  await checkConfigurationOrExit();
  await prepareDatabaseOrExit();
}

/**
 * Next calls this for every error it catches while serving (a page's render, a route handler, a
 * server action). One that means the database is away is noted, so scripts/serve.mjs answers
 * the page with a 503 and Retry-After rather than a 500 (scripts/service-unavailable-page.mjs).
 */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isDatabaseUnavailable } = await import('./lib/database-errors');
  if (!isDatabaseUnavailable(error)) return;
  const { noteDatabaseUnavailable } = await import('./lib/database-outage-hook.mjs');
  noteDatabaseUnavailable();
};
