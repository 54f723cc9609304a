import { parseActionRef, type ChatAdapter, type ChatEvent, type ChatReply, type ChatUser, type MessageRef } from '../../core/chat.js';
import type { Clock, Store } from '../../core/ports.js';
import { json, type HttpRequest, type HttpResponse, type SidePort } from '../../http/side-port.js';
import { guarded, identify, identifyToken, type Access } from '../../http/token-guard.js';
import { MAX_INPUT } from '../text-tools.js';
import { InputError } from '../../core/errors.js';
import { exportAnomalies, exportQueryOf, type Exported, type ExportQuery } from '../anomaly-export.js';
import { exportRemediations } from '../remediation-export.js';
import { CONSOLE_CSS, CONSOLE_HTML, CONSOLE_JS } from './console-assets.js';

export interface WebAdapterOptions {
  store: Store;
  clock: Clock;
  /** Required for every request when set (a shared token and/or one per person); config makes one mandatory off loopback. */
  access?: Access;
  /** Extra data for the console page (status, pending proposals, silences). */
  snapshot: () => Record<string, unknown>;
}

const USER_RE = /^[A-Za-z0-9._@-]{1,64}$/;

function parseBody(req: HttpRequest): { ok: true; body: Record<string, unknown> } | { ok: false; res: HttpResponse } {
  if (!(req.headers['content-type'] ?? '').includes('application/json')) {
    return { ok: false, res: json(415, { error: 'send JSON with content-type: application/json' }) };
  }
  // A browser on another origin must not drive the console (CSRF): Origin, when sent, must match.
  const origin = req.headers.origin;
  if (origin && req.headers.host && new URL(origin).host !== req.headers.host)
    return { ok: false, res: json(403, { error: 'cross-origin request refused' }) };
  try {
    const body = JSON.parse(req.body.toString('utf8')) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return { ok: false, res: json(400, { error: 'the body must be a JSON object' }) };
    return { ok: true, body: body as Record<string, unknown> };
  } catch {
    return { ok: false, res: json(400, { error: 'the body is not valid JSON' }) };
  }
}

/**
 * Who is asking: with personal tokens (SCO_WEB_USERS) whoever holds the token sent, and "anonymous"
 * for the shared one, whatever the page says; without them the name the page gives (loopback, or
 * everyone holding the one shared token, is trusted to say who they are).
 */
function userFrom(req: HttpRequest, body: Record<string, unknown>, access: Access | undefined): ChatUser | undefined {
  if (access?.users?.size || access?.header) {
    const id = identify(req, access).user ?? 'anonymous';
    return { platform: 'web', id, name: id, roles: [] };
  }
  const raw = body.user ?? req.headers['x-sco-user'] ?? 'anonymous';
  if (typeof raw !== 'string' || !USER_RE.test(raw)) return undefined;
  return { platform: 'web', id: raw, name: raw, roles: [] };
}

/**
 * The built-in web console as a chat platform: messages live in the store (so alerts survive a
 * restart), the page polls them, and questions and button clicks come back over HTTP.
 */
export function createWebAdapter(o: WebAdapterOptions): ChatAdapter & { register(port: SidePort): void } {
  let handler: ((e: ChatEvent) => Promise<ChatReply>) | undefined;
  const guard = (h: (req: HttpRequest) => Promise<HttpResponse> | HttpResponse) => guarded(o.access, h);
  /** A GET export: the query from the URL, then the file, or a 400 naming the bad parameter. */
  const exporting =
    (name: string, run: (store: Store, q: ExportQuery) => Exported) =>
    (req: HttpRequest): HttpResponse => {
      const p = (k: string) => req.query.get(k) ?? undefined;
      try {
        const q = exportQueryOf({ since: p('since'), until: p('until'), target: p('target'), format: p('format') }, o.clock.now());
        const out = run(o.store, q);
        return {
          status: 200,
          headers: {
            'content-type': out.contentType,
            'x-sco-count': String(out.count),
            ...(out.capped ? { 'x-sco-capped': 'true' } : {}),
            ...(q.format === 'csv' ? { 'content-disposition': `attachment; filename="${name}.csv"` } : {}),
          },
          body: out.body,
        };
      } catch (err) {
        if (err instanceof InputError) return json(400, { error: err.message });
        throw err;
      }
    };

  async function ask(req: HttpRequest, source: 'console' | 'api'): Promise<HttpResponse> {
    const parsed = parseBody(req);
    if (!parsed.ok) return parsed.res;
    const q = parsed.body.question;
    if (typeof q !== 'string' || q.trim() === '') return json(400, { error: '"question" must be a non-empty string' });
    if (q.length > MAX_INPUT) return json(413, { error: `"question" is longer than ${MAX_INPUT} characters` });
    const user = userFrom(req, parsed.body, o.access);
    if (!user) return json(400, { error: '"user" must be 1-64 letters, digits, . _ @ -' });
    if (!handler) return json(503, { error: 'not ready' });
    // The browser's zone, sent by the console: replies use it unless the person chose a zone (or UTC).
    const zone = parsed.body.zone;
    const clientZone = typeof zone === 'string' && /^[A-Za-z0-9_+/-]{1,64}$/.test(zone) ? { clientZone: zone } : {};
    const reply = await handler({ kind: 'text', platform: 'web', user, channel: 'console', text: q, source, ...clientZone });
    return json(200, {
      reply: reply.text,
      intent: reply.intent,
      private: reply.private ?? false,
      at: new Date(o.clock.now()).toISOString(),
    });
  }

  async function act(req: HttpRequest): Promise<HttpResponse> {
    const parsed = parseBody(req);
    if (!parsed.ok) return parsed.res;
    const { action, proposalId, anomalyId } = parsed.body;
    const onAlert = action === 'silence' || action === 'ack';
    if (action !== 'approve' && action !== 'deny' && !onAlert)
      return json(400, { error: '"action" must be "approve", "deny", "silence" or "ack"' });
    const ref = parseActionRef(action, onAlert ? anomalyId : proposalId);
    if (!ref) return json(400, { error: onAlert ? '"anomalyId" must look like an_…' : '"proposalId" must look like rp_…' });
    const user = userFrom(req, parsed.body, o.access);
    if (!user) return json(400, { error: '"user" must be 1-64 letters, digits, . _ @ -' });
    if (!handler) return json(503, { error: 'not ready' });
    const reply = await handler({ kind: 'action', platform: 'web', user, channel: 'console', ...ref });
    if (!('proposalId' in ref)) return json(reply.private ? 400 : 200, { reply: reply.text });
    const p = o.store.getProposal(ref.proposalId);
    return json(reply.private ? 403 : 200, { reply: reply.text, proposal: p ?? null });
  }

  return {
    platform: 'web',
    async start() {},
    async stop() {},
    async post(channel, msg, opts): Promise<MessageRef> {
      const id = o.store.chat.webPost(channel, opts?.thread ?? null, msg, o.clock.now());
      return { platform: 'web', channel, id, thread: opts?.thread };
    },
    async update(ref, msg) {
      if (!o.store.chat.webUpdate(ref.id, msg, o.clock.now())) throw new Error(`no web message ${ref.id}`);
    },
    onEvent(h) {
      handler = h;
    },
    health: () => ({ ok: true }),
    register(port: SidePort) {
      const page = (body: string, type: string) => () => ({ status: 200, headers: { 'content-type': type }, body });
      port.route('GET', '/', (req) => {
        const who = identify(req, o.access);
        if (!who.ok)
          return {
            status: 401,
            headers: { 'content-type': 'text/plain' },
            body: 'token required: open /?token=<SCO_WEB_TOKEN or your SCO_WEB_USERS token>',
          };
        const headers: Record<string, string> = {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
          'x-frame-options': 'DENY',
        };
        // The token the page was opened with (the shared one, or the person's own) is kept for its API calls.
        const opened = req.query.get('token');
        if (opened && (o.access?.token || o.access?.users?.size) && identifyToken(opened, o.access).ok)
          headers['set-cookie'] = `sco_token=${encodeURIComponent(opened)}; HttpOnly; SameSite=Strict; Path=/`;
        return { status: 200, headers, body: CONSOLE_HTML };
      });
      port.route('GET', '/console.js', guard(page(CONSOLE_JS, 'text/javascript; charset=utf-8')));
      port.route('GET', '/console.css', guard(page(CONSOLE_CSS, 'text/css; charset=utf-8')));
      port.route(
        'GET',
        '/api/console',
        // `you`: the identity a personal token fixes, which the page shows instead of asking for a name.
        guard((req) =>
          json(200, {
            ...o.snapshot(),
            messages: o.store.chat.webMessages(50),
            ...(o.access?.users?.size || o.access?.header ? { you: identify(req, o.access).user ?? 'anonymous' } : {}),
          }),
        ),
      );
      port.route(
        'POST',
        '/api/query',
        guard((req) => ask(req, 'api')),
        { maxBody: 16_384 },
      );
      port.route('POST', '/api/actions', guard(act), { maxBody: 4096 });
      // Anomalies and remediations as CSV or JSON for a report, an audit or a spreadsheet; the console's token.
      port.route('GET', '/api/anomalies', guard(exporting('anomalies', exportAnomalies)));
      port.route('GET', '/api/remediations', guard(exporting('remediations', exportRemediations)));
    },
  };
}
