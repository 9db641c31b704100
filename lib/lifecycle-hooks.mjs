// How the production server (scripts/serve.mjs) and the app's own modules, loaded inside Next's
// bundles, tell each other about shutdown. The server marks the process as draining on SIGTERM
// (the readiness check then answers 503, so a load balancer stops sending new readers here) and,
// once every accepted request has been answered, runs what the app registered: stop the timers,
// close the database. Registered symbols: the same in every bundle of the process.
export const DRAINING = Symbol.for('toa-soan.draining');
export const SHUTDOWN_HOOKS = Symbol.for('toa-soan.shutdown-hooks');

/** Called by the server when it stops accepting connections. */
export function markDraining() {
  globalThis[DRAINING] = true;
}

export function isDraining() {
  return globalThis[DRAINING] === true;
}

/** `hook` runs once at shutdown, after the last request; hooks run in the reverse order of registration. */
export function onShutdown(hook) {
  const hooks = (globalThis[SHUTDOWN_HOOKS] ??= []);
  hooks.push(hook);
}

/** Runs every registered hook, the last registered first; a failing hook is logged and does not stop the others. */
export async function runShutdownHooks() {
  const hooks = globalThis[SHUTDOWN_HOOKS] ?? [];
  globalThis[SHUTDOWN_HOOKS] = [];
  for (const hook of hooks.reverse()) {
    try {
      await hook();
    } catch (error) {
      console.error('[tắt máy] một bước dọn dẹp lỗi:', error);
    }
  }
}
