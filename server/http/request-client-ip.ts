import 'server-only';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/http/client-ip';

/**
 * The client address of the request being served, as everything that needs
 * one (sign-in limits, the audit log, visits) must read it: one rule, set
 * by the deployment's proxy configuration (lib/http/client-ip.ts).
 */
export function requestClientIp(headers: Headers): string {
  return clientIp(headers, env().TRUSTED_PROXY_HOPS);
}
