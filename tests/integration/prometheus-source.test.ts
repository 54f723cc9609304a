import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusSource } from '../../src/pipeline/ingest/prometheus-source.js';
import { startPrometheus, startServer, tempDirFor } from './prometheus-helpers.js';

/**
 * A local exporter speaking node_exporter's metric names, with counters that grow at known rates,
 * so the PromQL the source sends must yield known figures.
 */
function exporterText(startedMs: number, cpuBusy: number, rxPerSec: number): string {
  const secs = (Date.now() - startedMs) / 1000 + 1000;
  return [
    '# TYPE node_cpu_seconds_total counter',
    `node_cpu_seconds_total{cpu="0",mode="idle"} ${(secs * (1 - cpuBusy)).toFixed(3)}`,
    `node_cpu_seconds_total{cpu="0",mode="user"} ${(secs * cpuBusy).toFixed(3)}`,
    `node_cpu_seconds_total{cpu="1",mode="idle"} ${(secs * (1 - cpuBusy)).toFixed(3)}`,
    `node_cpu_seconds_total{cpu="1",mode="user"} ${(secs * cpuBusy).toFixed(3)}`,
    '# TYPE node_memory_MemAvailable_bytes gauge',
    'node_memory_MemAvailable_bytes 6442450944',
    '# TYPE node_memory_MemTotal_bytes gauge',
    'node_memory_MemTotal_bytes 8589934592',
    '# TYPE node_filesystem_avail_bytes gauge',
    'node_filesystem_avail_bytes{device="/dev/xvda1",fstype="ext4",mountpoint="/"} 40000000000',
    'node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 1',
    '# TYPE node_filesystem_size_bytes gauge',
    'node_filesystem_size_bytes{device="/dev/xvda1",fstype="ext4",mountpoint="/"} 100000000000',
    'node_filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 100',
    '# TYPE node_network_receive_bytes_total counter',
    `node_network_receive_bytes_total{device="eth0"} ${Math.round(secs * rxPerSec)}`,
    `node_network_receive_bytes_total{device="lo"} ${Math.round(secs * 1e9)}`,
    '# TYPE node_network_transmit_bytes_total counter',
    `node_network_transmit_bytes_total{device="eth0"} ${Math.round(secs * rxPerSec * 2)}`,
    '# TYPE app_request_seconds gauge',
    `app_request_seconds{quantile="0.95"} ${cpuBusy / 2}`,
    '',
  ].join('\n');
}

let stopProm: (() => void) | undefined;
let promUrl = '';
let dir = '';
const exporters: { url: string; close(): Promise<void> }[] = [];

beforeAll(async () => {
  const started = Date.now();
  for (const [busy, rx] of [
    [0.25, 1000],
    [0.8, 50_000],
  ] as const) {
    exporters.push(
      await startServer(
        (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(exporterText(started, busy, rx)),
      ),
    );
  }
  dir = tempDirFor('prom-');
  const hosts = exporters.map((e) => e.url.replace('http://', ''));
  writeFileSync(path.join(dir, 'targets.json'), JSON.stringify([{ targets: hosts, labels: { env: 'test' } }]));
  const started2 = await startPrometheus(
    dir,
    `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: node\n    file_sd_configs: [ { files: [ '${path.join(dir, 'targets.json')}' ], refresh_interval: 1s } ]\n`,
  );
  promUrl = started2.url;
  stopProm = started2.stop;
}, 60_000);

afterAll(async () => {
  stopProm?.();
  await Promise.all(exporters.map((e) => e.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('prometheus source against a real Prometheus', () => {
  it('turns node_exporter series into cpu, memory, disk and network samples per target', async () => {
    const [a, b] = exporters.map((e) => e.url.replace('http://', ''));
    const source = createPrometheusSource({
      url: promUrl,
      timeoutMs: 5000,
      // rate() over a window longer than the data it has underestimates; keep the window short.
      rateWindow: '4s',
      instanceLabel: 'instance',
      // An application's own metric beside node_exporter's, and one of those left out.
      queries: { latency_ms: '1000 * max by (instance) (app_request_seconds{quantile="0.95"})', net_out: '' },
      targets: [
        { name: 'web-1', address: a, labels: {}, source: 'prometheus' },
        { name: 'db-1', address: b, labels: {}, source: 'prometheus' },
        { name: 'ghost', address: '127.0.0.1:1', labels: {}, source: 'prometheus' },
      ],
    });
    let result = await source.collect(Date.now());
    const v = (t: string, m: string) => result.samples.find((s) => s.target === t && s.metric === m)?.value ?? NaN;
    // Wait until every series exists and the rate window is full of scrapes.
    await expect
      .poll(
        async () => {
          result = await source.collect(Date.now());
          return (
            new Set(result.samples.map((s) => `${s.target}/${s.metric}`)).size === 10 &&
            Math.abs(v('web-1', 'cpu') - 25) < 2 &&
            Math.abs(v('db-1', 'cpu') - 80) < 2
          );
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    // Scrape timing jitter moves a 4 s rate by a point or two.
    expect(Math.abs(v('web-1', 'cpu') - 25)).toBeLessThan(2);
    expect(Math.abs(v('db-1', 'cpu') - 80)).toBeLessThan(2);
    expect(v('web-1', 'memory')).toBeCloseTo(25, 1);
    expect(v('web-1', 'disk')).toBeCloseTo(60, 1);
    expect(v('web-1', 'net_in')).toBeGreaterThan(900);
    expect(v('web-1', 'net_in')).toBeLessThan(1100);
    expect(v('web-1', 'latency_ms')).toBe(125);
    expect(v('db-1', 'latency_ms')).toBe(400);
    expect(result.samples.some((s) => s.metric === 'net_out')).toBe(false);
    expect(result.gaps).toEqual([expect.objectContaining({ target: 'ghost', reason: expect.stringMatching(/no series/) })]);
  }, 45_000);

  it('reports an unreachable Prometheus as gaps, not an exception', async () => {
    const source = createPrometheusSource({
      url: 'http://127.0.0.1:1',
      timeoutMs: 1000,
      rateWindow: '1m',
      instanceLabel: 'instance',
      targets: [],
    });
    const r = await source.collect(Date.now());
    expect(r.samples).toEqual([]);
    expect(r.gaps).toHaveLength(5);
  });
});
