import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import type { Dashboard } from '../../helpers/grafana.js';
import { deadPort, freePort, requireBinary, waitFor } from '../../helpers/net.js';
import { captureLogger, tempDir, testConfig } from '../../helpers/test-config.js';

// The shipped Prometheus, Alertmanager and Grafana files against the real programs: Prometheus
// scrapes the running bot and a real node_exporter through file_sd, evaluates the shipped rules
// (hold times cut to 0 s so the test need not wait minutes) and fires into a real Alertmanager,
// which delivers to the bot. Grafana itself is not packaged for Debian, so its panel queries are
// evaluated on the same Prometheus.
const INFRA = path.resolve(__dirname, '../../../infra');
const TOKEN = 'stack-am-token';
const procs: ChildProcess[] = [];
let dead: { port: number; close(): void } | undefined;
let app: App;
let bot: string;
let prom: string;
let nodeMetrics = '';

function start(bin: string, args: string[]): void {
  procs.push(spawn(bin, args, { stdio: 'ignore' }));
}

beforeAll(async () => {
  const prometheus = requireBinary('prometheus', 'prometheus');
  const alertmanager = requireBinary('prometheus-alertmanager', 'prometheus-alertmanager');
  const nodeExporter = requireBinary('prometheus-node-exporter', 'prometheus-node-exporter');
  app = createApp({
    config: testConfig({ env: { SCO_ALERTMANAGER_TOKEN: TOKEN }, overrides: { sources: { backfillHours: 0 } } }),
    logger: captureLogger(),
  });
  bot = `http://127.0.0.1:${(await app.start({ schedule: false })).port}`;
  const dir = tempDir('sco-stack-');
  const [nodePort, amPort, promPort] = [await freePort(), await freePort(), await freePort()];
  // Held for the whole test: a port merely picked free could be bound by another test's server,
  // answer the scrape, and keep HostDown quiet.
  dead = await deadPort();

  start(nodeExporter, [`--web.listen-address=127.0.0.1:${nodePort}`]);
  await waitFor(`http://127.0.0.1:${nodePort}/metrics`, 20_000);
  nodeMetrics = await (await fetch(`http://127.0.0.1:${nodePort}/metrics`)).text();

  writeFileSync(path.join(dir, 'am-token'), TOKEN);
  const amConfig = readFileSync(path.join(INFRA, 'alertmanager/alertmanager.yml'), 'utf8')
    .replace('http://smartcloudops:8080/alertmanager', `${bot}/alertmanager`)
    .replace('/run/secrets/alertmanager_token', path.join(dir, 'am-token'))
    .replace('group_wait: 30s', 'group_wait: 1s')
    .replace('group_interval: 5m', 'group_interval: 1s');
  writeFileSync(path.join(dir, 'alertmanager.yml'), amConfig);
  start(alertmanager, [
    `--config.file=${path.join(dir, 'alertmanager.yml')}`,
    `--storage.path=${path.join(dir, 'am-data')}`,
    `--web.listen-address=127.0.0.1:${amPort}`,
    '--cluster.listen-address=',
  ]);

  // Shipped rules with their hold times cut to zero.
  cpSync(path.join(INFRA, 'prometheus/rules'), path.join(dir, 'rules'), { recursive: true });
  for (const f of readdirSync(path.join(dir, 'rules'))) {
    const p = path.join(dir, 'rules', f);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/for: \d+[smh]/g, 'for: 0s'));
  }
  writeFileSync(path.join(dir, 'bot.json'), JSON.stringify([{ targets: [bot.slice(7)], labels: { service: 'smartcloudops' } }]));
  // One live node_exporter and one target that does not answer (web-9): HostDown must fire for it.
  writeFileSync(
    path.join(dir, 'node.json'),
    JSON.stringify([
      { targets: [`127.0.0.1:${nodePort}`], labels: { target: 'this-host' } },
      { targets: [`127.0.0.1:${dead.port}`], labels: { target: 'web-9' } },
    ]),
  );
  const config = readFileSync(path.join(INFRA, 'prometheus/prometheus.yml'), 'utf8')
    .replace('scrape_interval: 15s', 'scrape_interval: 1s')
    .replace('evaluation_interval: 15s', 'evaluation_interval: 1s')
    .replace('rules/*.yml', path.join(dir, 'rules/*.yml'))
    .replace("['file_sd/node.json']", `['${path.join(dir, 'node.json')}']`)
    .replace("['file_sd/bot.json']", `['${path.join(dir, 'bot.json')}']`)
    .replaceAll('refresh_interval: 1m', 'refresh_interval: 1s')
    .replace(/static_configs:\n\s+- targets: \['node-exporter:9100'\]\n\s+labels: .*\n/, '')
    .replaceAll('alertmanager:9093', `127.0.0.1:${amPort}`)
    .replace('localhost:9090', `127.0.0.1:${promPort}`);
  expect(config).not.toContain('node-exporter:9100');
  writeFileSync(path.join(dir, 'prometheus.yml'), config);
  prom = `http://127.0.0.1:${promPort}`;
  start(prometheus, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'prom-data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
  ]);
  await waitFor(`${prom}/-/ready`, 30_000);
  await waitFor(`http://127.0.0.1:${amPort}/-/ready`, 30_000);
}, 90_000);

afterAll(async () => {
  for (const p of procs) p.kill('SIGTERM');
  dead?.close();
  await app?.stop();
});

interface QueryResult {
  status: string;
  error?: string;
  data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
}
const query = async (expr: string) => (await (await fetch(`${prom}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as QueryResult;

describe('the shipped Prometheus / Alertmanager / Grafana files on the real programs', () => {
  it('scrape the bot and node_exporter through file_sd and load the shipped rules', async () => {
    await expect
      .poll(async () => (await query('sco_ticks_total{job="smartcloudops",outcome="ok"}')).data?.result[0]?.value[1], {
        timeout: 20_000,
        interval: 500,
      })
      .toBe('1');
    await expect
      .poll(async () => (await query('up{job="node",target="this-host"}')).data?.result[0]?.value[1], { timeout: 20_000 })
      .toBe('1');
    const rules = (await (await fetch(`${prom}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string }[] }[] } };
    expect(rules.data.groups.flatMap((g) => g.rules.map((r) => r.name))).toEqual(
      expect.arrayContaining([
        'HostDown',
        'HostDiskFullIn24h',
        'SmartCloudOpsTicksStalled',
        'SmartCloudOpsOutboxBacklog',
        'SmartCloudOpsLlmErrors',
      ]),
    );
  }, 45_000);

  it('fire HostDown for a dead target into Alertmanager, which delivers it to the bot and its console', async () => {
    await expect
      .poll(
        async () => {
          const c = (await (await fetch(`${bot}/api/console`)).json()) as {
            status: { openAnomalies: { target: string; detector: string; metric: string; summary: string }[] };
          };
          return c.status.openAnomalies.find((a) => a.detector === 'alertmanager' && a.metric === 'hostdown');
        },
        { timeout: 40_000, interval: 500 },
      )
      .toMatchObject({ target: 'web-9', metric: 'hostdown', summary: expect.stringContaining('web-9') });
    // The live host is not down (other rules may fire for it: this machine's CPU is busy running tests).
    expect(app.store.openAnomalies().filter((a) => a.metric === 'hostdown' && a.target === 'this-host')).toEqual([]);
  }, 60_000);

  it('every Grafana panel query is valid PromQL over metrics that exist, and the host panels show data', async () => {
    const botMetrics = await (await fetch(`${bot}/metrics`)).text();
    const exposed = new Set([...botMetrics.matchAll(/^# TYPE (\S+) (\w+)/gm)].map((m) => m[1]!));
    const fsCovered = /^node_filesystem_avail_bytes\{[^}]*fstype="(?!tmpfs|overlay|squashfs)/m.test(nodeMetrics);
    const dir = path.join(INFRA, 'grafana/dashboards');
    let checked = 0;
    for (const f of readdirSync(dir)) {
      const board = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Dashboard;
      for (const panel of board.panels)
        for (const t of panel.targets) {
          const expr = t.expr.replaceAll('$__rate_interval', '1m').replaceAll('$target', '.*');
          const r = await query(expr);
          expect(r.status, `${board.uid}/${panel.title}: ${r.error ?? ''}`).toBe('success');
          checked += 1;
          if (board.uid === 'sco-bot') {
            for (const name of expr.match(/\bsco_\w+/g) ?? [])
              expect(exposed, `${panel.title}: ${name}`).toContain(name.replace(/_(bucket|sum|count)$/, ''));
          } else if (fsCovered || !/node_filesystem|node_disk/.test(expr)) {
            await expect
              .poll(async () => (await query(expr)).data?.result.some((s) => s.metric.target === 'this-host'), {
                timeout: 15_000,
                interval: 500,
                message: `${panel.title}: ${expr}`,
              })
              .toBe(true);
          }
        }
    }
    // Annotations (recorded changes) query the bot's own metrics.
    for (const f of readdirSync(dir)) {
      const board = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Dashboard & { annotations: { list: { expr: string }[] } };
      for (const a of board.annotations.list) {
        expect((await query(a.expr)).status, `${board.uid} annotation: ${a.expr}`).toBe('success');
        for (const name of a.expr.match(/\bsco_\w+/g) ?? []) expect(exposed, `${board.uid} annotation: ${name}`).toContain(name);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  }, 90_000);
});
