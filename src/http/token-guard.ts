import { timingSafeEqual } from 'node:crypto';
import { json, type Handler, type HttpRequest } from './side-port.js';
import { plainAddress, WEB_USER, type TrustedHeader } from '../config/trusted-header.js';

/**
 * Who may use the side port's guarded routes: one shared token (SCO_WEB_TOKEN), and/or a token per
 * person (SCO_WEB_USERS), whose holder the console then acts as. Neither: open (loopback only).
 */
export interface Access {
  token?: string | undefined;
  /** token → user id. */
  users?: ReadonlyMap<string, string> | undefined;
  /** A single sign-on proxy's user header, believed from the proxy's addresses only (SCO_WEB_USER_HEADER). */
  header?: TrustedHeader | undefined;
}

const same = (given: string, want: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Bearer token, `sco_token` cookie, or `?token=` (page loads only). */
export function givenToken(req: HttpRequest): string {
  const auth = req.headers.authorization ?? '';
  const cookie = /(?:^|;\s*)sco_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  return auth.startsWith('Bearer ') ? auth.slice(7) : cookie ? decodeCookie(cookie) : (req.query.get('token') ?? '');
}

/**
 * Whether the request may pass, and as whom: the user the trusted proxy names, else the holder of a
 * personal token; constant-time compares. The header counts only on a request from a listed proxy:
 * from anywhere else it is whatever the sender wrote.
 */
export function identify(req: HttpRequest, access: Access | string | undefined): { ok: boolean; user?: string } {
  const h = typeof access === 'object' ? access.header : undefined;
  if (h && h.proxies.has(plainAddress(req.remoteAddress ?? ''))) {
    const v = req.headers[h.name];
    const user = typeof v === 'string' ? v.trim() : '';
    if (WEB_USER.test(user)) return { ok: true, user };
  }
  return identifyToken(givenToken(req), access);
}

/** The same for one token as given (the page's `?token=`, before it is kept in a cookie). */
export function identifyToken(given: string, access: Access | string | undefined): { ok: boolean; user?: string } {
  const a: Access = typeof access === 'string' ? { token: access } : (access ?? {});
  // Open only with nothing configured: behind a sign-on proxy, a request without its header is refused.
  if (!a.token && !a.users?.size) return { ok: !a.header };
  let user: string | undefined;
  // Every personal token is compared, so the time taken does not say which one matched.
  for (const [t, u] of a.users ?? []) if (same(given, t)) user = u;
  if (user) return { ok: true, user };
  return { ok: Boolean(a.token) && same(given, a.token!) };
}

export const tokenOk = (req: HttpRequest, access: Access | string | undefined): boolean => identify(req, access).ok;

// A cookie with broken %-escapes is a wrong token, not a server error.
function decodeCookie(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return '';
  }
}

export function guarded(access: Access | string | undefined, h: Handler): Handler {
  return (req) =>
    tokenOk(req, access)
      ? h(req)
      : json(401, {
          error:
            'missing or wrong token (SCO_WEB_TOKEN or your SCO_WEB_USERS token, or the sign-on proxy): send Authorization: Bearer <token>',
        });
}
