import { timingSafeEqual } from 'node:crypto';
import { json, type Handler, type HttpRequest } from './side-port.js';

/** Bearer token, `sco_token` cookie, or `?token=` (page loads only); constant-time compare. */
export function tokenOk(req: HttpRequest, token: string | undefined): boolean {
  if (!token) return true;
  const auth = req.headers.authorization ?? '';
  const cookie = /(?:^|;\s*)sco_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const given = auth.startsWith('Bearer ') ? auth.slice(7) : cookie ? decodeCookie(cookie) : (req.query.get('token') ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

// A cookie with broken %-escapes is a wrong token, not a server error.
function decodeCookie(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return '';
  }
}

export function guarded(token: string | undefined, h: Handler): Handler {
  return (req) =>
    tokenOk(req, token) ? h(req) : json(401, { error: 'missing or wrong token (SCO_WEB_TOKEN): send Authorization: Bearer <token>' });
}
