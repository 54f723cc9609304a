import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A port no scrape succeeds on, held for the test: a socket that drops every connection (a reset,
 * not a refusal). A port merely picked free (freePort) could be bound meanwhile by another test's
 * server, which would answer.
 */
export async function deadPort(): Promise<{ port: number; close(): void }> {
  const s = net.createServer((c) => c.destroy());
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', resolve);
  });
  return { port: (s.address() as net.AddressInfo).port, close: () => void s.close() };
}

export async function waitFor(url: string, ms = 20_000): Promise<void> {
  const t = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - t > ms) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A test that needs a binary fails (never skips) when it is missing, naming the package. */
export function requireBinary(bin: string, debianPackage: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  const p = r.stdout.trim();
  if (r.status !== 0 || !p) throw new Error(`${bin} is not installed: apt-get install ${debianPackage} (.ci/run does this)`);
  return p;
}

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP server whose handler sees the full body; records every request. */
export async function startServer(
  handler: (req: Recorded, res: http.ServerResponse) => void | Promise<void>,
): Promise<{ url: string; port: number; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(rec);
      Promise.resolve(handler(rec, res)).catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** Asks the side port's POST /api/query, as the web console does; the reply's JSON. */
export async function askApi(base: string, question: string): Promise<{ reply: string; intent: string }> {
  const r = await fetch(`${base}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  return (await r.json()) as { reply: string; intent: string };
}
