import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createPrometheusSource } from '../../src/pipeline/ingest/prometheus-source.js';
import { captureLogger, testConfig } from '../helpers/test-config.js';
import { requireBinary, startPrometheus, tempDirFor } from './prometheus-helpers.js';

const MIN = 60_000;
const H = 3_600_000;
const SCRAPE_S = 15;

/**
 * Six hours of node_exporter history, written as OpenMetrics and turned into TSDB blocks by
 * promtool, so a real Prometheus serves a past that no test could wait for. h1 (web-1) runs at
 * 20 % CPU with 95 % from 3 h to 2 h 30 min ago; h2 (db-1) at 50 %; h3 stopped reporting 4 h ago.
 */
function writeHistory(file: string, now: number): void {
  const start = Math.floor((now - 6 * H) / 1000);
  const end = Math.floor((now - MIN) / 1000);
  const hosts = [
    { instance: 'h1:9100', busy: (ts: number) => (ts >= start + 3 * 3600 && ts < start + 3.5 * 3600 ? 0.95 : 0.2), until: end },
    { instance: 'h2:9100', busy: () => 0.5, until: end },
    { instance: 'h3:9100', busy: () => 0.1, until: start + 2 * 3600 },
  ];
  // OpenMetrics wants each family's samples together, after its TYPE; a counter's samples end in _total.
  const families: [string, 'counter' | 'gauge'][] = [
    ['node_cpu_seconds', 'counter'],
    ['node_memory_MemAvailable_bytes', 'gauge'],
    ['node_memory_MemTotal_bytes', 'gauge'],
    ['node_filesystem_avail_bytes', 'gauge'],
    ['node_filesystem_size_bytes', 'gauge'],
    ['node_network_receive_bytes', 'counter'],
    ['node_network_transmit_bytes', 'counter'],
  ];
  const rows = new Map<string, string[]>(families.map(([f]) => [f, []]));
  const add = (family: string, labels: string, value: number, ts: number) =>
    rows.get(family)!.push(`${family}${families.find(([f]) => f === family)![1] === 'counter' ? '_total' : ''}{${labels}} ${value} ${ts}`);
  for (const h of hosts) {
    let idle = 1000;
    let busy = 1000;
    const l = `instance="${h.instance}",job="node"`;
    const fs = `${l},device="/dev/xvda1",fstype="ext4",mountpoint="/"`;
    for (let ts = start; ts <= h.until; ts += SCRAPE_S) {
      idle += SCRAPE_S * (1 - h.busy(ts));
      busy += SCRAPE_S * h.busy(ts);
      add('node_cpu_seconds', `${l},cpu="0",mode="idle"`, Number(idle.toFixed(3)), ts);
      add('node_cpu_seconds', `${l},cpu="0",mode="user"`, Number(busy.toFixed(3)), ts);
      add('node_memory_MemAvailable_bytes', l, 6442450944, ts);
      add('node_memory_MemTotal_bytes', l, 8589934592, ts);
      add('node_filesystem_avail_bytes', fs, 40e9, ts);
      add('node_filesystem_size_bytes', fs, 100e9, ts);
      add('node_network_receive_bytes', `${l},device="eth0"`, (ts - start) * 1000, ts);
      add('node_network_transmit_bytes', `${l},device="eth0"`, (ts - start) * 2000, ts);
    }
  }
  const text = families.flatMap(([f, type]) => [`# TYPE ${f} ${type}`, ...rows.get(f)!]);
  writeFileSync(file, [...text, '# EOF', ''].join('\n'));
}

let stopProm: (() => void) | undefined;
let promUrl = '';
let dir = '';
const NOW = Date.now();

beforeAll(async () => {
  const promtool = requireBinary('promtool', 'prometheus');
  dir = tempDirFor('prom-history-');
  writeHistory(path.join(dir, 'history.om'), NOW);
  execFileSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'history.om'), path.join(dir, 'data')], {
    stdio: 'ignore',
  });
  const started = await startPrometheus(dir, 'global: { scrape_interval: 15s }\nscrape_configs: []\n');
  promUrl = started.url;
  stopProm = started.stop;
}, 60_000);

afterAll(() => {
  stopProm?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const target = (name: string, address: string) => ({ name, address, labels: {}, source: 'prometheus' as const });

describe('history from a real Prometheus', () => {
  it('reads each node_exporter metric per step over the span asked, and nothing outside it', async () => {
    const source = createPrometheusSource({
      url: promUrl,
      timeoutMs: 5000,
      rateWindow: '1m',
      instanceLabel: 'instance',
      targets: [target('web-1', 'h1:9100'), target('db-1', 'h2:9100')],
    });
    const until = NOW - (NOW % MIN);
    const from = until - 5 * H;
    const samples = await source.backfill!(from, until, MIN, until);
    const of = (t: string, m: string) => samples.filter((s) => s.target === t && s.metric === m);
    for (const t of ['web-1', 'db-1'])
      for (const m of ['cpu', 'memory', 'disk', 'net_in', 'net_out']) {
        const points = of(t, m);
        // One per minute; Prometheus leaves out a step whose rate() window is not yet full of data.
        expect(points.length, `${t} ${m}`).toBeGreaterThanOrEqual(298);
        expect(points.length, `${t} ${m}`).toBeLessThanOrEqual(300);
        expect(points.every((s) => s.ts >= from && s.ts < until && (s.ts - from) % MIN === 0)).toBe(true);
      }
    const cpu = of('web-1', 'cpu');
    const at = (ts: number) => cpu.find((s) => s.ts === ts)!.value;
    expect(at(until - 4 * H)).toBeCloseTo(20, 0);
    // The incident: 3 h to 2 h 30 min before the history's end (which is a minute before now).
    expect(at(until - 2.75 * H)).toBeCloseTo(95, 0);
    expect(at(until - H)).toBeCloseTo(20, 0);
    expect(of('db-1', 'cpu').every((s) => Math.abs(s.value - 50) < 1)).toBe(true);
    expect(of('web-1', 'memory')[0]!.value).toBeCloseTo(25, 1);
    expect(of('web-1', 'disk')[0]!.value).toBeCloseTo(60, 1);
    expect(of('web-1', 'net_in').at(-1)!.value).toBeCloseTo(1000, 0);
    expect(of('db-1', 'net_out').at(-1)!.value).toBeCloseTo(2000, 0);
  }, 30_000);

  it('with discovery, gives history only to the instances that report now', async () => {
    const source = createPrometheusSource({ url: promUrl, timeoutMs: 5000, rateWindow: '1m', instanceLabel: 'instance', targets: [] });
    const until = NOW - (NOW % MIN);
    const samples = await source.backfill!(until - 5 * H, until, MIN, NOW);
    expect(new Set(samples.map((s) => s.target))).toEqual(new Set(['h1_9100', 'h2_9100']));
    expect(
      source
        .targets()
        .map((t) => t.name)
        .sort(),
    ).toEqual(['h1_9100', 'h2_9100']);
  }, 30_000);

  it('warms the app on its first start: the past incident is recorded and the detectors have seen the history', async () => {
    const config = testConfig({
      targets: [
        { name: 'web-1', address: 'h1:9100', source: 'prometheus' },
        { name: 'db-1', address: 'h2:9100', source: 'prometheus' },
      ],
      overrides: {
        schedule: '0 * * * * *',
        sources: { backfillHours: 5, synthetic: { enabled: false }, prometheus: { enabled: true, url: promUrl } },
      },
    });
    const logger = captureLogger();
    const app = createApp({ config, logger });
    await app.start({ schedule: false });
    try {
      const past = app.store.recentAnomalies(50).filter((a) => a.target === 'web-1' && a.metric === 'cpu');
      expect(past.map((a) => a.detector).sort()).toEqual(['robust', 'threshold']);
      expect(past.every((a) => a.status === 'resolved' && a.startTs < NOW - 2 * H)).toBe(true);
      expect(app.store.getKv('backfill:prometheus')).toBeDefined();
      const line = logger.lines.find((l) => l.msg === 'backfilled history for the detectors');
      expect((line?.obj as { samples: number }).samples).toBeGreaterThan(2900);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it('starts without history, and says so, when Prometheus cannot give it', async () => {
    const config = testConfig({
      targets: [{ name: 'web-1', address: 'h1:9100', source: 'prometheus' }],
      overrides: {
        schedule: '0 * * * * *',
        sources: {
          backfillHours: 5,
          synthetic: { enabled: false },
          prometheus: { enabled: true, url: 'http://127.0.0.1:1', timeoutMs: 500 },
        },
      },
    });
    const logger = captureLogger();
    const app = createApp({ config, logger });
    await app.start({ schedule: false });
    try {
      const warn = logger.lines.find((l) => l.level === 'warn' && l.msg?.startsWith('could not read history'));
      expect(warn).toBeDefined();
      expect(String((warn!.obj as { err: Error }).err.message)).toMatch(/^prometheus: history of \w+: /);
      // Marked done: history fed on a later start would reach detectors that have seen newer samples.
      expect(app.store.getKv('backfill:prometheus')).toBeDefined();
      await app.tick();
    } finally {
      await app.stop();
    }
  }, 30_000);
});
