import { isIP } from 'node:net';

/** A user name as the console and the approver lists take it. */
export const WEB_USER = /^[A-Za-z0-9._@-]{1,64}$/;

/** Who the web console is: the user a single sign-on proxy names in a header, believed only from that proxy's address. */
export interface TrustedHeader {
  /** Lower case, as Node gives header names. */
  name: string;
  proxies: ReadonlySet<string>;
}

/**
 * SCO_WEB_USER_HEADER ("X-Forwarded-User", oauth2-proxy's "X-Auth-Request-User") with
 * SCO_WEB_TRUSTED_PROXIES (the proxy's addresses, comma-separated). The header alone would let anyone
 * who reaches the port say who they are, so it is refused without the proxies; problems are collected.
 */
export function parseTrustedHeader(header: string | undefined, proxies: string | undefined, problems: string[]): TrustedHeader | undefined {
  if (!header?.trim()) {
    if (proxies?.trim()) problems.push('SCO_WEB_TRUSTED_PROXIES: set SCO_WEB_USER_HEADER too, the header the proxy names the user in');
    return undefined;
  }
  const name = header.trim().toLowerCase();
  if (!/^[a-z0-9-]{1,64}$/.test(name) || ['authorization', 'cookie', 'host'].includes(name))
    problems.push(`SCO_WEB_USER_HEADER: "${header.trim()}" is not a header name to take a user from; e.g. X-Forwarded-User`);
  const list = (proxies ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!list.length)
    problems.push(
      'SCO_WEB_TRUSTED_PROXIES: SCO_WEB_USER_HEADER is set, so name the proxy addresses it is believed from (e.g. 127.0.0.1); from anywhere else it would let anyone say who they are',
    );
  for (const p of list) if (!isIP(p)) problems.push(`SCO_WEB_TRUSTED_PROXIES: "${p}" is not an IP address`);
  return { name, proxies: new Set(list.map(plainAddress)) };
}

/** "::ffff:127.0.0.1", as Node reports IPv4 on a dual-stack socket, is 127.0.0.1. */
export const plainAddress = (a: string) => a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
