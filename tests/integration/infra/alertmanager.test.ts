import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { freePort, requireBinary, waitFor } from '../../helpers/net.js';
import { captureLogger, tempDir, testConfig } from '../../helpers/test-config.js';

const TOKEN = 'am-secret-token';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function bot() {
  const app: App = createApp({
    config: testConfig({ env: { SCO_ALERTMANAGER_TOKEN: TOKEN }, overrides: { sources: { synthetic: { backfillHours: 0 } } } }),
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

  it('receives an alert through a real Alertmanager and shows it in the web console', async () => {
    const bin = requireBinary('prometheus-alertmanager', 'prometheus-alertmanager');
    const { base } = await bot();
    const dir = tempDir('sco-am-');
    writeFileSync(path.join(dir, 'token'), TOKEN);
    writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      `route: { receiver: bot, group_wait: 1s, group_interval: 1s, repeat_interval: 1h }\nreceivers:\n  - name: bot\n    webhook_configs:\n      - url: ${base}/alertmanager\n        send_resolved: true\n        http_config: { authorization: { type: Bearer, credentials_file: ${path.join(dir, 'token')} } }\n`,
    );
    const port = await freePort();
    const am: ChildProcess = spawn(
      bin,
      [
        `--config.file=${path.join(dir, 'alertmanager.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    cleanups.push(() => void am.kill('SIGTERM'));
    await waitFor(`http://127.0.0.1:${port}/-/ready`, 30_000);
    const r = await fetch(`http://127.0.0.1:${port}/api/v2/alerts`, {
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
});
