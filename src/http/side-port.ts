import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';

export interface HttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Raw body, read up to the route's limit (default 1 MiB). */
  body: Buffer;
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Handler = (req: HttpRequest) => Promise<HttpResponse> | HttpResponse;

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

interface Route {
  method: string;
  path: string;
  prefix: boolean;
  handler: Handler;
  maxBody: number;
}

/**
 * The small HTTP side port: a route table over node:http. Other components (web console, Slack's
 * /slack/events, the Alertmanager receiver) add routes before start().
 */
export function createSidePort(opts: { host: string; port: number; logger: Logger }) {
  const routes: Route[] = [];
  let server: http.Server | undefined;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A request target such as `//host:99999` reaches us from Node's parser but is no URL we serve.
    const url = URL.parse(req.url ?? '/', 'http://localhost');
    if (!url) {
      send(res, json(400, { error: 'the request target is not a valid path' }));
      return;
    }
    const method = req.method ?? 'GET';
    const matching = routes.filter((r) => (r.prefix ? url.pathname.startsWith(r.path) : url.pathname === r.path));
    const route = matching.find((r) => r.method === method || (r.method === 'GET' && method === 'HEAD'));
    if (!route) {
      send(
        res,
        matching.length
          ? json(405, { error: 'method not allowed' }, { allow: matching.map((r) => r.method).join(', ') })
          : json(404, { error: 'not found' }),
      );
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > route.maxBody) {
        send(res, json(413, { error: `body larger than ${route.maxBody} bytes` }));
        req.destroy();
        return;
      }
      chunks.push(c as Buffer);
    }
    const r = await route.handler({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    send(res, r, method === 'HEAD');
  }

  function send(res: http.ServerResponse, r: HttpResponse, headOnly = false): void {
    if (res.headersSent) return;
    res.writeHead(r.status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...r.headers });
    res.end(headOnly ? undefined : r.body);
  }

  return {
    route(method: string, path: string, handler: Handler, o: { prefix?: boolean; maxBody?: number } = {}): void {
      routes.push({ method, path, handler, prefix: o.prefix ?? false, maxBody: o.maxBody ?? 1 << 20 });
    },
    async start(): Promise<AddressInfo> {
      server = http.createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          opts.logger.error({ err, url: req.url }, 'http handler failed');
          send(res, json(500, { error: 'internal error' }));
        });
      });
      server.keepAliveTimeout = 5000;
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(opts.port, opts.host, () => resolve());
      });
      return server.address() as AddressInfo;
    },
    async stop(): Promise<void> {
      if (!server) return;
      const s = server;
      server = undefined;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
  };
}

export type SidePort = ReturnType<typeof createSidePort>;
