import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { startManualApp } from '../helpers/manual-app.js';
import { bootIncidentConfig } from '../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const TOKEN = 'fuzz-token-0123456789';

// Every route the side port serves, and near misses of them.
const PATHS = [
  ...['/', '/health', '/ready', '/metrics', '/status', '/aws-health', '/logs', '/console.js', '/console.css'],
  ...['/api/console', '/api/query', '/api/actions', '/alertmanager', '/slack/events', '/api', '/api/', '/status/'],
  ...['//status', '//x:99999', '//[::1', '/%', '/%zz', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/\u00e9', '*', 'http://[::1'],
  ...['http://127.0.0.1/health', '/logs?limit=', '/logs?limit=0', '/logs?limit=1e3', '/logs?before=-1', '/logs?before=9'.padEnd(40, '9')],
  ...['/logs?kind=%00', '/logs?limit=2&limit=3', '/?token=%', '/?token=' + TOKEN, '/status?token=' + TOKEN],
  ...['/api/anomalies', '/api/remediations', '/api/anomalies?since=%', '/api/anomalies?since=-1h', '/api/anomalies?since=1e400'],
  ...[
    '/api/anomalies?until=0&since=1',
    '/api/remediations?format=%00',
    '/api/anomalies?target=' + 'x'.repeat(300),
    '/api/anomalies?since=99999d',
  ],
];
const ROUTES = [
  ...[
    '/',
    '/health',
    '/ready',
    '/metrics',
    '/status',
    '/aws-health',
    '/logs',
    '/logs?limit=3&kind=anomaly_opened',
    '/api/console',
    '/api/anomalies',
    '/api/remediations?format=json',
  ].map((p) => ['GET', p]),
  ...['/api/query', '/api/actions', '/alertmanager'].map((p) => ['POST', p]),
] as const;
const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'get', 'BREW'];
const BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '{"question":"cpu on web-1"}',
  '{"question":"approve rp_000","user":"operator"}',
  '{"question":{"$gt":""}}',
  '{"action":"approve","proposalId":"rp_x","user":"operator"}',
  '{"payload":"a:b:c","user":"operator"}',
  '{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{},"startsAt":"x"}]}',
  '{"version":"4","alerts":"nope"}',
  ...(['firing', 'resolved'] as const).map((status) => webhook(status)),
  'payload=%7B%22type%22%3A%22block_actions%22%7D',
  '\u0000\u0001\u0002',
  '\ud800',
  '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
];
const WEBHOOK = webhook('firing');
const HEADERS = [
  [],
  ['content-type: application/json'],
  ['content-type: application/x-www-form-urlencoded'],
  ['content-type: text/plain; charset=utf-16'],
  [`authorization: Bearer ${TOKEN}`],
  ['authorization: Bearer wrong'],
  ['authorization: Basic Zm9vOmJhcg=='],
  [`cookie: sco_token=${TOKEN}`],
  ['cookie: sco_token=%E0%A4%A'],
  ['cookie: sco_token=%'],
  ['x-slack-signature: v0=00', 'x-slack-request-timestamp: 0'],
  ['x-slack-signature: v0=00', 'x-slack-request-timestamp: nope'],
];

function webhook(status: 'firing' | 'resolved'): string {
  return JSON.stringify({
    version: '4',
    status,
    receiver: 'bot',
    groupKey: '{}:{alertname="DiskFull"}',
    alerts: [
      {
        status,
        labels: { alertname: 'DiskFull', target: 'db-1', severity: 'critical' },
        annotations: { summary: 'db-1 / is 97% full' },
        startsAt: '2026-11-02T10:01:00Z',
        endsAt: status === 'resolved' ? '2026-11-02T10:02:00Z' : '0001-01-01T00:00:00Z',
        fingerprint: 'f0f0f0f0f0f0f0f0',
      },
    ],
  });
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function request(method: string, path: string, headers: string[], body: Buffer, chunked: boolean): Buffer {
  const head = [
    `${method} ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    ...headers,
    chunked ? 'transfer-encoding: chunked' : `content-length: ${body.length}`,
    'connection: close',
    '',
    '',
  ].join('\r\n');
  const payload = chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]) : body;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

/** One raw HTTP/1.1 request over its own socket, so paths and headers that fetch would refuse get through. */
function raw(port: number, request: Buffer): Promise<number | 'closed'> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error('no answer within 10 s'));
    }, 10_000);
    s.on('data', (c) => (data += c.toString('latin1')));
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      // Node's parser itself answers 400 and closes on a request it cannot read; no answer at all is 'closed'.
      resolve(m ? Number(m[1]) : 'closed');
    });
    s.end(request);
  });
}

describe('side port under random requests', () => {
  it('answers every request with a status below 500, logs no error, and keeps what was recorded', async () => {
    const config = bootIncidentConfig({
      approvalRule: true,
      env: { SCO_WEB_TOKEN: TOKEN, SCO_ALERTMANAGER_TOKEN: TOKEN },
      overrides: { approvers: { web: { users: ['operator'] } } },
    });
    const { app, tick, logger, address } = await startManualApp(config, { startTs: T0 });
    await tick(6);
    const before = app.store.recentAnomalies(500).map((a) => a.id);
    const records = app.store.records(500).length;
    expect(before.length).toBeGreaterThan(0);

    const rnd = createRng(20261203);
    const statuses = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      // Most requests are for a real route with the right method, so they get past routing to the handlers.
      const [method, path] = rnd() < 0.6 ? pick(rnd, ROUTES) : [pick(rnd, METHODS), pick(rnd, PATHS)];
      const body = Buffer.from(rnd() < 0.05 ? pick(rnd, BODIES).repeat(2000) : pick(rnd, BODIES), 'utf8');
      const headers = [
        ...(rnd() < 0.5 ? [`authorization: Bearer ${TOKEN}`] : []),
        ...pick(rnd, HEADERS),
        ...(rnd() < 0.3 ? pick(rnd, HEADERS) : []),
      ];
      const status = await raw(address.port, request(method, path, headers, body, rnd() < 0.2));
      const what = `${method} ${path} [${headers.join('; ')}] ${body.subarray(0, 80).toString()}`;
      expect(status === 'closed' || status < 500, what).toBe(true);
      statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
      if (i % 100 === 99) await tick(1);
      if (i === 250) {
        // A well-formed webhook amid the noise is taken as usual.
        const hook = request(
          'POST',
          '/alertmanager',
          [`authorization: Bearer ${TOKEN}`, 'content-type: application/json'],
          Buffer.from(WEBHOOK),
          false,
        );
        expect(await raw(address.port, hook)).toBe(200);
      }
    }
    // The requests reached the handlers: successes and each kind of refusal, not only parser errors.
    for (const s of ['200', '400', '401', '404', '405']) expect(statuses.get(s) ?? 0, s).toBeGreaterThan(0);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);

    const after = new Set(app.store.recentAnomalies(500).map((a) => a.id));
    for (const id of before) expect(after.has(id), id).toBe(true);
    // Among the noise, the well-formed webhook was taken.
    expect(app.store.recentAnomalies(500).some((a) => a.detector === 'alertmanager' && a.target === 'db-1')).toBe(true);
    expect(app.store.records(500).length).toBeGreaterThanOrEqual(records);
    const health = await fetch(`http://127.0.0.1:${address.port}/health`);
    expect(health.status).toBe(200);
  }, 120_000);
});
