/**
 * One tick over 1,000 series (250 synthetic targets × 4 metrics) with every detector on, repeated
 * over simulated hours on a fake clock. Prints CPU per tick, RSS, store size and detector state,
 * plus CloudWatch GetMetricData calls per tick for 1,000 series against a local endpoint.
 *
 *   npm run bench -- --hours 24 --targets 250
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { tuneHeap } from '../src/cli/tune-heap.js';
import { loadConfig } from '../src/config/load-config.js';
import type { Logger, MetricSource } from '../src/core/ports.js';
import { createCloudWatchSource } from '../src/pipeline/ingest/cloudwatch-source.js';
import { createSyntheticSource } from '../src/pipeline/ingest/synthetic-source.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const HOURS = arg('hours', 24);
const WARMUP = arg('warmup-hours', 24);
const TARGETS = arg('targets', 250);
const STEP = 30_000;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function tickBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sco-bench-'));
  writeFileSync(path.join(dir, 'targets.json'), JSON.stringify({ targets: [] }));
  const config = loadConfig({
    cwd: dir,
    // SCO_HEAP_GROWTH_PERCENT=0 measures V8's own heap growth for comparison.
    env: { SCO_DATA_DIR: path.join(dir, 'data'), SCO_HTTP_PORT: '0', SCO_HEAP_GROWTH_PERCENT: process.env.SCO_HEAP_GROWTH_PERCENT },
    overrides: {
      targetsFile: 'targets.json',
      sources: { local: { enabled: false }, backfillHours: 0, synthetic: { extraTargets: TARGETS } },
      // BENCH_DETECTORS='{"robust":{"minDeviation":5}}' compares detector settings on the same fleet.
      ...(process.env.BENCH_DETECTORS ? { detectors: JSON.parse(process.env.BENCH_DETECTORS) as Record<string, unknown> } : {}),
    },
  });
  // As `serve` does, so the RSS measured is the one a deployment gets.
  tuneHeap(config.heapGrowthPercent);
  const targets = Array.from({ length: TARGETS }, (_, i) => ({
    name: `synth-${String(i + 1).padStart(4, '0')}`,
    role: ['web', 'api', 'db'][i % 3],
    labels: {},
    source: 'synthetic',
  }));
  const T0 = Date.UTC(2026, 10, 2, 0, 0, 0);
  const synth = createSyntheticSource({ targets, seed: 42, incidentEveryMs: 20 * 60_000 });
  const keep = new Set(['cpu', 'memory', 'disk', 'net_in']);
  const fourMetrics: MetricSource = {
    name: 'synthetic',
    targets: synth.targets,
    async collect(now) {
      const r = await synth.collect(now);
      return { samples: r.samples.filter((s) => keep.has(s.metric)), gaps: r.gaps };
    },
  };
  let now = T0;
  const app = createApp({ config, logger: silent, clock: { now: () => now }, sources: [fourMetrics] });
  await app.start({ schedule: false });

  // A fresh data dir is backfilled with a day of history; the bench warms up the same way.
  const warm = Math.round((WARMUP * 3_600_000) / STEP);
  for (let i = 0; i < warm; i++) {
    now += STEP;
    await app.tick();
    if (i % 240 === 0) process.stderr.write(`\r  warming up ${((i * STEP) / 3_600_000).toFixed(1)} h of ${WARMUP} h`);
    if (process.env.BENCH_MEM && i % 480 === 0) {
      const m = process.memoryUsage();
      process.stderr.write(` rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}\n`);
    }
  }
  const anomaliesBefore = new Set(app.store.recentAnomalies(1_000_000).map((a) => a.id));
  const ticks = Math.round((HOURS * 3_600_000) / STEP);
  const cpuMs: number[] = [];
  let series = 0;
  let maxRss = 0;
  const started = Date.now();
  for (let i = 0; i < ticks; i++) {
    now += STEP;
    const before = process.cpuUsage();
    const s = await app.tick();
    const d = process.cpuUsage(before);
    cpuMs.push((d.user + d.system) / 1000);
    series = Math.max(series, s.samples);
    if (i % 60 === 0) maxRss = Math.max(maxRss, process.memoryUsage().rss);
    if (process.env.BENCH_MEM && i % 120 === 0) {
      const m = process.memoryUsage();
      process.stderr.write(` rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}\n`);
    }
    if (i % 240 === 0) process.stderr.write(`\r  simulated ${((i * STEP) / 3_600_000).toFixed(1)} h of ${HOURS} h`);
  }
  process.stderr.write('\n');
  const steady = cpuMs;
  const storeBytes = app.store.sizeBytes();
  const all = app.store.recentAnomalies(1_000_000).filter((a) => !anomaliesBefore.has(a.id));
  const anomalies = all.length;
  const byDetector: Record<string, number> = {};
  for (const a of all) byDetector[a.detector] = (byDetector[a.detector] ?? 0) + 1;
  await app.stop();
  return { ticks, series, steady, maxRss, storeBytes, anomalies, byDetector, wallS: (Date.now() - started) / 1000 };
}

async function cloudwatchCalls(series: number) {
  let calls = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls++;
      const q = JSON.parse(body) as { MetricDataQueries: { Id: string }[] };
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          MetricDataResults: q.MetricDataQueries.map((x) => ({
            Id: x.Id,
            Timestamps: [Date.now() / 1000],
            Values: [1],
            StatusCode: 'Complete',
          })),
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const instances = Math.ceil(series / 5);
  const src = createCloudWatchSource({
    targets: Array.from({ length: instances }, (_, i) => ({
      name: `h${i}`,
      instanceId: `i-${String(i).padStart(8, '0')}`,
      labels: {},
      source: 'cloudwatch',
    })),
    periodSeconds: 60,
    lookbackMinutes: 10,
    maxAttempts: 3,
    agentNamespace: 'CWAgent',
    client: new CloudWatchClient({
      region: 'us-east-1',
      endpoint: url,
      maxAttempts: 1,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    }),
  });
  const r = await src.collect(Date.now());
  server.close();
  return { queries: instances * 5, calls, samples: r.samples.length };
}

const t = await tickBench();
const cw = await cloudwatchCalls(1000);
const mean = t.steady.reduce((a, b) => a + b, 0) / t.steady.length;
console.log(`\nSmartCloudOps tick benchmark (Node ${process.version}, ${os.cpus().length} cores)`);
console.log(`series per tick           ${t.series} (${TARGETS} targets × 4 metrics), every detector on`);
console.log(
  `simulated                 ${WARMUP} h warm-up, then ${HOURS} h = ${t.ticks} measured ticks of 30 s (${t.wallS.toFixed(1)} s wall)`,
);
console.log(
  `CPU per tick (steady)     mean ${mean.toFixed(1)} ms, p50 ${pct(t.steady, 50).toFixed(1)} ms, p95 ${pct(t.steady, 95).toFixed(1)} ms, p99 ${pct(t.steady, 99).toFixed(1)} ms   (target ≤ 50 ms)`,
);
console.log(`RSS (max)                 ${mb(t.maxRss)}   (target ≤ 200 MB)`);
console.log(`store after ${WARMUP + HOURS} h          ${mb(t.storeBytes)} (samples kept 24 h by retention.samplesHours)`);
console.log(
  `anomalies in measured ${HOURS} h ${t.anomalies}: ${JSON.stringify(t.byDetector)} (the generator injects one incident per 20 min, ${HOURS * 3} in all)`,
);
console.log(
  `CloudWatch, ${cw.queries} queries   ${cw.calls} GetMetricData calls per tick (ceil(${cw.queries}/500) = ${Math.ceil(cw.queries / 500)}), ${cw.samples} samples`,
);
