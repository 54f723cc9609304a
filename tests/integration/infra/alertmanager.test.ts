import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { createRng } from '../../../src/core/random.js';
import { startAlertmanager } from '../../helpers/alertmanager.js';
import { captureLogger, tempDir, testConfig } from '../../helpers/test-config.js';

const TOKEN = 'am-secret-token';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function bot() {
  const app: App = createApp({
    config: testConfig({ env: { SCO_ALERTMANAGER_TOKEN: TOKEN }, overrides: { sources: { backfillHours: 0 } } }),
    logger: captureLogger(),
  });
  const addr = await app.start({ schedule: false });
  cleanups.push(() => app.stop());
  return { app, base: `http://127.0.0.1:${addr.port}` };
}

const payload = (status: 'firing' | 'resolved') => ({
  receiver: 'bot',
  status,
  alerts: [
    {
      status,
      labels: { alertname: 'DiskFull', instance: '10.0.3.10:9100', target: 'db-1', severity: 'critical' },
      annotations: { summary: 'db-1 / is 97% full <@U1>', runbook_url: 'https://runbooks.example.com/DiskFull?host=db-1' },
      startsAt: '2026-11-22T02:10:07.019Z',
      endsAt: status === 'resolved' ? '2026-11-22T02:30:00.000Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: '177fadfd90721bf7',
    },
  ],
  groupLabels: { alertname: 'DiskFull' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  version: '4',
  groupKey: '{}:{alertname="DiskFull"}',
  truncatedAlerts: 0,
});

const send = (base: string, body: unknown, token = TOKEN) =>
  fetch(`${base}/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('Alertmanager webhook receiver', () => {
  it('turns firing alerts into anomalies, deduplicates by fingerprint, resolves in place', async () => {
    const { app, base } = await bot();
    expect(await (await send(base, payload('firing'))).json()).toEqual({ accepted: 1, opened: 1, updated: 0, resolved: 0 });
    expect(await (await send(base, payload('firing'))).json()).toMatchObject({ opened: 0, updated: 1 });
    const open = app.store.openAnomalies().filter((a) => a.detector === 'alertmanager');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      target: 'db-1',
      metric: 'diskfull',
      severity: 'critical',
      summary: 'db-1 / is 97% full <@U1>',
      runbookUrl: 'https://runbooks.example.com/DiskFull?host=db-1',
    });
    // The alert in the console carries it as a link button.
    await expect
      .poll(() => app.store.chat.webMessages(20).find((m) => m.payload.title.endsWith('on db-1'))?.payload.links, { timeout: 5000 })
      .toEqual([{ label: 'Runbook', url: 'https://runbooks.example.com/DiskFull?host=db-1' }]);
    expect(await (await send(base, payload('resolved'))).json()).toMatchObject({ resolved: 1 });
    expect(app.store.getAnomaly(open[0]!.id)).toMatchObject({ status: 'resolved', endTs: Date.parse('2026-11-22T02:30:00.000Z') });
  });

  it('requires the bearer token and a version 4 payload', async () => {
    const { base } = await bot();
    expect((await send(base, payload('firing'), 'wrong')).status).toBe(401);
    expect((await send(base, { ...payload('firing'), version: '3' })).status).toBe(400);
    const bad = await fetch(`${base}/alertmanager`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{oops' });
    expect(bad.status).toBe(400);
  });

  it('answers any mangled webhook with 200 or a 400 that says why, and keeps what it stored sane', async () => {
    const { app, base } = await bot();
    expect((await send(base, payload('firing'))).status).toBe(200);
    const first = app.store.openAnomalies().find((a) => a.detector === 'alertmanager')!;
    const rnd = createRng(4242);
    // Mostly strings, which the schema lets through to the mapping; now and then anything at all.
    const strings = [
      ...['', ' ', '\u0000', 'firing', 'resolved', 'FIRING', '4', 'abc', 'ffff', 'zz', 'web-1', 'ＷＥＢ', '\u202e\ud83d\udd25'],
      ...['not a date', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2026-11-22T02:05:00Z'],
      ...['2026-11-22T02:40:00+01:00', '2026-02-30T00:00:00Z', '<@U1> <!channel>', '../../etc/passwd', 'x'.repeat(5000)],
    ];
    const others: unknown[] = [null, true, 0, -1, 1e300, 4, [], {}, [{}], { a: 1 }];
    const paths = [
      ['version'],
      ['status'],
      ['alerts'],
      ['alerts', 0],
      ['alerts', 0, 'status'],
      ['alerts', 0, 'labels'],
      ['alerts', 0, 'labels', 'target'],
      ['alerts', 0, 'labels', 'alertname'],
      ['alerts', 0, 'labels', 'severity'],
      ['alerts', 0, 'annotations'],
      ['alerts', 0, 'annotations', 'summary'],
      ['alerts', 0, 'annotations', 'runbook_url'],
      ['alerts', 0, 'startsAt'],
      ['alerts', 0, 'endsAt'],
      ['alerts', 0, 'fingerprint'],
      ['truncatedAlerts'],
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 250; i++) {
      const body = payload(rnd() < 0.5 ? 'firing' : 'resolved') as unknown as Record<string, unknown>;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const p = paths[Math.floor(rnd() * paths.length)]!;
        let node = body as Record<string | number, unknown>;
        for (const key of p.slice(0, -1)) node = (node?.[key] ?? {}) as Record<string | number, unknown>;
        if (typeof node !== 'object' || node === null) continue;
        if (rnd() < 0.2) delete node[p.at(-1)!];
        else node[p.at(-1)!] = rnd() < 0.8 ? strings[Math.floor(rnd() * strings.length)] : others[Math.floor(rnd() * others.length)];
      }
      const r = await send(base, body);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      const what = JSON.stringify(body).slice(0, 400);
      expect([200, 400], what).toContain(r.status);
      const reply = (await r.json()) as { error?: string; accepted?: number; skipped?: number };
      if (r.status === 400) expect(reply.error, what).toMatch(/\w/);
      else expect(reply.accepted, what).toBe((body.alerts as unknown[]).length);
    }
    // Both kinds of answer came up, so the mutations reached past the schema.
    expect(statuses.get(200)).toBeGreaterThan(10);
    expect(statuses.get(400)).toBeGreaterThan(10);
    // Nothing already recorded was lost, and every stored alert reads as something a person can act on.
    expect(app.store.getAnomaly(first.id)).toBeDefined();
    const now = Date.now();
    console.log(
      JSON.stringify(
        app.store
          .recentAnomalies(1000)
          .filter((x) => x.detector === 'alertmanager')
          .map((a) => [a.target.slice(0, 20), a.metric.slice(0, 20), a.startTs, a.endTs, a.status]),
      ),
    );
    for (const a of app.store.recentAnomalies(1000).filter((x) => x.detector === 'alertmanager')) {
      expect(a.target.trim(), a.id).not.toBe('');
      expect(a.metric.trim(), a.id).not.toBe('');
      expect(a.startTs, a.id).toBeLessThanOrEqual(now + 1000);
      if (a.endTs !== null) expect(a.endTs, a.id).toBeGreaterThanOrEqual(a.startTs);
    }
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
  });

  it('receives an alert through a real Alertmanager and shows it in the web console', async () => {
    const { base } = await bot();
    const dir = tempDir('sco-am-token-');
    writeFileSync(path.join(dir, 'token'), TOKEN);
    const am = await startAlertmanager(
      `route: { receiver: bot, group_wait: 1s, group_interval: 1s, repeat_interval: 1h }\nreceivers:\n  - name: bot\n    webhook_configs:\n      - url: ${base}/alertmanager\n        send_resolved: true\n        http_config: { authorization: { type: Bearer, credentials_file: ${path.join(dir, 'token')} } }\n`,
      cleanups,
    );
    const r = await fetch(`${am}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { labels: { alertname: 'HostDown', target: 'web-7', severity: 'critical' }, annotations: { summary: 'web-7 is not answering' } },
      ]),
    });
    expect(r.status).toBe(200);
    await expect
      .poll(
        async () => {
          const c = (await (await fetch(`${base}/api/console`)).json()) as {
            status: { openAnomalies: { target: string; detector: string; summary: string }[] };
          };
          return c.status.openAnomalies.find((a) => a.detector === 'alertmanager');
        },
        { timeout: 20_000, interval: 250 },
      )
      .toMatchObject({ target: 'web-7', summary: 'web-7 is not answering' });
  }, 45_000);

  it("the shipped config's inhibit rules hold the symptom, not the cause, in a real Alertmanager", async () => {
    const dir = tempDir('sco-am-shipped-');
    writeFileSync(path.join(dir, 'token'), TOKEN);
    const shipped = readFileSync(path.resolve(__dirname, '../../../infra/alertmanager/alertmanager.yml'), 'utf8')
      .replace('http://smartcloudops:8080/alertmanager', 'http://127.0.0.1:9/alertmanager')
      .replace('/run/secrets/alertmanager_token', path.join(dir, 'token'));
    const am = await startAlertmanager(shipped, cleanups);
    const alert = (alertname: string, labels: Record<string, string>) => ({ labels: { alertname, severity: 'warning', ...labels } });
    const r = await fetch(`${am}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        alert('HostDiskAlmostFull', { target: 'db-1', mountpoint: '/data', severity: 'critical' }),
        alert('HostDiskFullIn24h', { target: 'db-1', mountpoint: '/data' }),
        alert('HostDiskFullIn24h', { target: 'db-1', mountpoint: '/var' }),
        alert('HostDown', { target: 'web-1', severity: 'critical' }),
        alert('HostHighCpu', { target: 'web-1' }),
        alert('HostHighCpu', { target: 'web-2' }),
      ]),
    });
    expect(r.status).toBe(200);
    type Listed = { labels: Record<string, string>; status: { inhibitedBy: string[] } };
    const inhibited = async () =>
      ((await (await fetch(`${am}/api/v2/alerts`)).json()) as Listed[])
        .filter((a) => a.status.inhibitedBy.length > 0)
        .map((a) => `${a.labels.alertname} ${a.labels.target}${a.labels.mountpoint ? ` ${a.labels.mountpoint}` : ''}`)
        .sort();
    // Inhibition is worked out as alerts arrive; poll until both holds show, then check nothing else is held.
    await expect.poll(inhibited, { timeout: 15_000, interval: 250 }).toEqual(['HostDiskFullIn24h db-1 /data', 'HostHighCpu web-1']);
  }, 45_000);
});
