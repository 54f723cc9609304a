import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { createFakeChatAdapter } from '../fakes/fake-chat-adapter.js';
import { startManualApp } from '../helpers/manual-app.js';
import { tempDir, testConfig } from '../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const METRICS = ['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency_ms'];
// The edges of what a number can be, and what a metrics file may hold instead of one.
const ODD = [
  0,
  -0,
  100,
  100.5,
  100.6,
  -1,
  5e-324,
  1e-300,
  1e15,
  1e300,
  Number.MAX_VALUE,
  'NaN',
  'Infinity',
  '1e309',
  '',
  ' 42 ',
  true,
  null,
  [],
  {},
  '0x10',
];

describe('the pipeline under metric values at every edge', () => {
  it('never fails a tick, stores only finite figures, and answers about them in plain numbers', async () => {
    const dir = tempDir('sco-values-');
    const file = path.join(dir, 'metrics.json');
    writeFileSync(file, '[]');
    const config = testConfig({
      targets: [
        { name: 'web-1', role: 'web' },
        { name: 'db-1', role: 'db' },
      ],
      overrides: { sources: { synthetic: { enabled: false }, file: { enabled: true, path: file } }, chat: { pendingFor: [] } },
    });
    const web = createFakeChatAdapter('web');
    const { app, tick, logger, now, address } = await startManualApp(config, { startTs: T0, adapters: [web] });
    const rnd = createRng(20261203);
    const records: Record<string, unknown>[] = [];
    const level: Record<string, number> = { cpu: 30, memory: 60, disk: 40, net_in: 2e6, net_out: 1e6, latency_ms: 40 };
    for (let i = 0; i < 240; i++) {
      for (const host of ['web-1', 'db-1']) {
        const rec: Record<string, unknown> = { timestamp: new Date(now() + 30_000).toISOString(), host };
        for (const m of METRICS) {
          const r = rnd();
          // Mostly a plausible figure with noise, so the detectors learn a normal; now and then an edge.
          rec[m] = r < 0.85 ? level[m]! * (1 + (rnd() - 0.5) * 0.1) : ODD[Math.floor(rnd() * ODD.length)];
        }
        records.push(rec);
      }
      // Now and then a record with a host no target has, or a time from the future or the past.
      if (rnd() < 0.05) records.push({ timestamp: new Date(now() + 86_400_000).toISOString(), host: 'web-1', cpu: 50 });
      if (rnd() < 0.05) records.push({ timestamp: '1970-01-01T00:00:01Z', host: 'db-1', cpu: 50 });
      writeFileSync(file, JSON.stringify(records.slice(-200)));
      await tick(1, 2);
    }
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    const failed = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
    expect(failed).toMatch(/^sco_ticks_total\{outcome="ok"\} 24\d$/m);
    expect(failed).not.toMatch(/^sco_ticks_total\{outcome="failed"\}/m);
    // The edges were seen and sorted: what no detector may see is rejected with its reason.
    expect(failed).toMatch(/^sco_samples_rejected_total\{reason="out_of_range"\} [1-9]/m);
    expect(failed).toMatch(/^sco_samples_rejected_total\{reason="implausible"\} [1-9]/m);

    const anomalies = app.store.recentAnomalies(1000);
    expect(anomalies.length).toBeGreaterThan(0);
    for (const a of anomalies) {
      for (const f of ['score', 'observed', 'expectedLow', 'expectedHigh', 'peak'] as const)
        expect(Number.isFinite(a[f]), `${a.id} ${f}`).toBe(true);
      expect(a.summary).not.toMatch(/NaN|Infinity|undefined|e\+\d{3}/);
    }
    const status = await (await fetch(`http://127.0.0.1:${address.port}/status`)).text();
    expect(status).not.toMatch(/NaN|Infinity/);
    for (const q of [
      'status',
      'net_in on web-1',
      'latency on db-1',
      'anomalies today',
      'anything wrong?',
      'peak cpu on web-1 over the last 2h',
      'is disk filling up on db-1?',
    ]) {
      const reply = await web.emit({
        kind: 'text',
        platform: 'web',
        user: { platform: 'web', id: 'operator', roles: [] },
        channel: 'console',
        text: q,
        source: 'console',
      });
      expect(reply.text, q).not.toMatch(/\bNaN\b|Infinity|\bundefined\b|e\+\d{3}/);
    }
  }, 120_000);

  it('keeps a garbage value from blinding the series: a real spike after one is still an anomaly', async () => {
    const dir = tempDir('sco-values-');
    const file = path.join(dir, 'metrics.json');
    writeFileSync(file, '[]');
    const config = testConfig({
      targets: [{ name: 'api-1', role: 'api' }],
      overrides: { sources: { synthetic: { enabled: false }, file: { enabled: true, path: file } }, thresholds: [] },
    });
    const { app, tick, now } = await startManualApp(config, { startTs: T0 });
    const rnd = createRng(7);
    const records: Record<string, unknown>[] = [];
    const feed = async (n: number, value: () => number) => {
      for (let i = 0; i < n; i++) {
        records.push({ timestamp: new Date(now() + 30_000).toISOString(), host: 'api-1', latency_ms: value() });
        writeFileSync(file, JSON.stringify(records.slice(-50)));
        await tick(1, 0);
      }
    };
    const normal = () => 40 * (1 + (rnd() - 0.5) * 0.2);
    await feed(300, normal);
    // 10^15 ms: a unit error upstream. Taken as a value, it would be the series' record for months.
    await feed(1, () => 1e15);
    await feed(100, normal);
    await feed(3, () => 400);
    // The garbage is no anomaly (it never reached a detector); the real spike is one.
    const latency = app.store.recentAnomalies(100).filter((a) => a.metric === 'latency_ms');
    expect(latency.map((a) => [a.detector, a.peak])).toEqual([['robust', 400]]);
  }, 60_000);
});
