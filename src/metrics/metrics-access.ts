import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

export interface MetricsRequest {
  /** The TCP peer, never an address taken from a header. */
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

// A reverse proxy on the same machine connects from loopback too; these headers show that one is in between.
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host'];

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  return address === '::1';
}

/** Digests first, so that the comparison takes the same time whatever the lengths. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /metrics. With a token configured, only a request bearing it (from anywhere, loopback included);
 * without one, only a direct request from the machine itself, so that a default installation never shows its
 * metrics to the internet, even behind a reverse proxy on the same host.
 */
export function metricsAccess(token: string | null, request: MetricsRequest): MetricsAccess {
  if (token !== null) {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
    return match && sameToken(match[1], token) ? 'allowed' : 'unauthorized';
  }
  const proxied = PROXY_HEADERS.some((name) => request.headers[name] !== undefined);
  return isLoopback(request.remoteAddress) && !proxied ? 'allowed' : 'forbidden';
}
