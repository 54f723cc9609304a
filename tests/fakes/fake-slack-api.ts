import type http from 'node:http';
import { startServer, type Recorded } from '../helpers/net.js';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  auth?: string;
}

/**
 * A local stand-in for the Slack Web API (auth.test, chat.postMessage, chat.update, views.publish,
 * apps.connections.open) and a response_url sink, on 127.0.0.1. Records every call.
 */
export async function startFakeSlackApi(opts: { socketUrl?: string } = {}) {
  const calls: SlackCall[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  let rateLimits: number[] = [];
  let seq = 0;
  const server = await startServer((req: Recorded, res: http.ServerResponse) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.url.startsWith('/respond/')) {
      responses.push({ path: req.url, body: JSON.parse(req.body || '{}') as Record<string, unknown> });
      return send(200, { ok: true });
    }
    const method = req.url.replace(/^\/api\//, '').split('?')[0]!;
    const ct = String(req.headers['content-type'] ?? '');
    const args = ct.includes('json')
      ? (JSON.parse(req.body || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(req.body));
    if (typeof args.blocks === 'string') args.blocks = JSON.parse(args.blocks);
    if (typeof args.view === 'string') args.view = JSON.parse(args.view);
    if ((method === 'chat.postMessage' || method === 'chat.update') && rateLimits.length) {
      const after = rateLimits.shift()!;
      calls.push({ method: `${method}#429`, args, auth: req.headers.authorization });
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(after) });
    }
    calls.push({ method, args, auth: req.headers.authorization });
    switch (method) {
      case 'auth.test':
        return send(200, { ok: true, url: 'https://t.slack.com/', team: 'T', user: 'bot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' });
      case 'apps.connections.open':
        return send(200, { ok: true, url: opts.socketUrl });
      case 'chat.postMessage':
        return send(200, {
          ok: true,
          channel: args.channel,
          ts: `1700000000.${String(++seq).padStart(6, '0')}`,
          message: { text: args.text },
        });
      case 'chat.update':
        return send(200, { ok: true, channel: args.channel, ts: args.ts });
      case 'views.publish':
        return send(200, { ok: true, view: { id: `V${++seq}` } });
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  });
  return {
    url: `${server.url}/api/`,
    responseUrl: (id: string) => `${server.url}/respond/${id}`,
    calls,
    responses,
    rateLimitNext: (seconds: number) => void (rateLimits = rateLimits.concat(seconds)),
    close: server.close,
  };
}
