import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { parseSeriesCsv } from '../../../src/cli/csv.js';
import { InputError } from '../../../src/core/errors.js';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { createLogger } from '../../../src/observability/logger.js';
import { DetectionEngine } from '../../../src/pipeline/detect/detection-engine.js';
import { generateSamples } from '../../../src/pipeline/ingest/synthetic-generator.js';
import { createScheduler, intervalMsOf } from '../../../src/pipeline/scheduler.js';
import { sanitizeSamples } from '../../../src/pipeline/sanitize-samples.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger, tempDir } from '../../helpers/test-config.js';

describe('sanitizeSamples', () => {
  it('drops invalid, future and out-of-order samples and keeps the rest in time order', () => {
    const last = new Map([['a|cpu', 100]]);
    const r = sanitizeSamples(
      [
        { target: 'a', metric: 'cpu', ts: 300, value: 5 },
        { target: 'a', metric: 'cpu', ts: 200, value: 4 },
        { target: 'a', metric: 'cpu', ts: 50, value: 3 },
        { target: 'a', metric: 'cpu', ts: 400, value: 101 },
        { target: 'a', metric: 'memory', ts: 400, value: Number.POSITIVE_INFINITY },
        { target: 'a', metric: 'net_in', ts: 400, value: -1 },
        { target: 'a', metric: 'disk', ts: 10_000_000, value: 5 },
        { target: 'a', metric: 'custom', ts: 400, value: -7 },
        { target: 'a', metric: 'net_out', ts: 400, value: 2e12 },
        { target: 'a', metric: 'latency_ms', ts: 400, value: 1e15 },
        { target: 'a', metric: 'latency_ms', ts: 500, value: 86_400_000 },
      ],
      1000,
      last,
    );
    expect(r.accepted.map((s) => [s.metric, s.ts])).toEqual([
      ['cpu', 200],
      ['cpu', 300],
      ['custom', 400],
      ['latency_ms', 500],
    ]);
    expect(r.rejected.map((x) => x.reason).sort()).toEqual([
      'future',
      'implausible',
      'implausible',
      'negative',
      'not_finite',
      'not_newer',
      'out_of_range',
    ]);
    expect(last.get('a|cpu')).toBe(300);
  });
});

describe('parseSeriesCsv', () => {
  it('reads NAB-style files and rejects bad ones with the line number', () => {
    expect(parseSeriesCsv('timestamp,value\n2014-04-01 00:00:00,1.5\n\n2014-04-01 00:05:00,2\n')).toEqual([
      { timestamp: '2014-04-01 00:00:00', value: 1.5, rawValue: '1.5' },
      { timestamp: '2014-04-01 00:05:00', value: 2, rawValue: '2' },
    ]);
    expect(() => parseSeriesCsv('time,val\n1,2')).toThrow(InputError);
    expect(() => parseSeriesCsv('timestamp,value\n,2')).toThrow(/line 2: missing timestamp/);
    expect(() => parseSeriesCsv('timestamp,value\nx,NaN')).toThrow(/line 2/);
  });
});

describe('scheduler', () => {
  it('never overlaps ticks, counts skips, survives a failing tick, and stop() waits for the running one', async () => {
    let running = 0;
    let maxRunning = 0;
    let calls = 0;
    let release: () => void = () => undefined;
    const skips = vi.fn();
    const log = captureLogger();
    const s = createScheduler({
      expression: '* * * * * *',
      logger: log,
      onSkip: skips,
      run: async () => {
        calls++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        if (calls === 1) throw new Error('boom');
        await new Promise<void>((r) => (release = r));
        running--;
      },
    });
    await s.trigger();
    expect(log.lines.some((l) => l.level === 'error' && l.msg === 'tick failed')).toBe(true);
    running = 0;
    const second = s.trigger();
    await s.trigger();
    expect(skips).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await Promise.all([second, stopping]);
    expect(stopped).toBe(true);
    expect(maxRunning).toBe(1);
  });

  it('derives the tick interval from the cron expression', () => {
    expect(intervalMsOf('*/30 * * * * *')).toBe(30_000);
    expect(intervalMsOf('*/5 * * * *')).toBe(300_000);
    expect(intervalMsOf('0 */2 * * * *')).toBe(120_000);
    expect(intervalMsOf('15 3 * * *')).toBe(60_000);
  });
});

describe('logger', () => {
  it('redacts secrets wherever they appear', () => {
    let out = '';
    const dest = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const log = createLogger({ level: 'info', destination: dest });
    log.info(
      {
        token: 'xoxb-secret-1',
        slack: { token: 'xoxb-secret-2' },
        headers: { authorization: 'Bearer sk-3' },
        apiKey: 'sk-4',
        safe: 'visible',
      },
      'hello',
    );
    expect(out).toContain('visible');
    expect(out).toContain('[redacted]');
    for (const s of ['xoxb-secret-1', 'xoxb-secret-2', 'sk-3', 'sk-4']) expect(out).not.toContain(s);
  });
});

describe('detection engine episodes', () => {
  it('holds a robust episode while the level is off and lets it go when the value is back', () => {
    const cfg = configSchema.parse({ detectors: { iforest: { enabled: false } } });
    const e = new DetectionEngine(cfg.detectors, cfg.thresholds);
    const T0 = 1_800_000_000_000;
    const rng = createRng(3);
    const value = (i: number) => (i >= 300 && i < 320 ? 80 : 30) + 2 * gaussianFrom(rng(), rng());
    const robust: boolean[] = [];
    for (let i = 0; i < 360; i++)
      robust.push(
        e.process([{ target: 'h', metric: 'memory', ts: T0 + i * 30_000, value: value(i) }]).find((f) => f.detector === 'robust')!
          .anomalous,
      );
    expect(robust.slice(0, 300).some(Boolean)).toBe(false);
    expect(robust.slice(300, 320).every(Boolean)).toBe(true);
    // Back at 30 the recent windows still hold the step, but the value is usual again: the
    // episode ends at once (at most the recent level's few samples later), not minutes after.
    expect(robust.slice(323, 360).some(Boolean)).toBe(false);
  });
});

describe('detection engine minimum change', () => {
  // A near-flat series with a 0.4-point bump, fed as disk and as a metric with no floor.
  const anomalousAt = (overrides: Record<string, unknown>, metric: string) => {
    const cfg = configSchema.parse({ detectors: { iforest: { enabled: false }, robust: overrides } });
    const e = new DetectionEngine(cfg.detectors, cfg.thresholds);
    const rng = createRng(17);
    const hits: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const value = 60 + 0.02 * gaussianFrom(rng(), rng()) + (i >= 1200 && i < 1210 ? 0.4 : 0);
      const f = e.process([{ target: 'h', metric, ts: 1_800_000_000_000 + i * 30_000, value }]).find((x) => x.detector === 'robust')!;
      if (f.anomalous) hits.push(i);
    }
    return hits.filter((i) => i >= 1200 && i < 1210);
  };

  it('holds a metric to its floor in its own unit, and a metric without one to none', () => {
    expect(anomalousAt({}, 'disk')).toEqual([]);
    expect(anomalousAt({}, 'queue_depth').length).toBeGreaterThan(0);
    expect(anomalousAt({ minChange: { disk: 0 } }, 'disk').length).toBeGreaterThan(0);
    // Naming one metric keeps the others' defaults.
    const cfg = configSchema.parse({ detectors: { robust: { minChange: { queue_depth: 0.5 } } } });
    expect(cfg.detectors.robust.minChange).toEqual({ cpu: 5, memory: 2, disk: 1, latency_ms: 20, queue_depth: 0.5 });
    expect(anomalousAt({ minChange: { queue_depth: 0.5 } }, 'queue_depth')).toEqual([]);
    // A source's metric named like an Object property has no floor, not Object's.
    expect(anomalousAt({}, 'constructor').length).toBeGreaterThan(0);
  });
});

describe('detection engine host episodes', () => {
  // A host whose memory jumps and then eases back: the score falls through the threshold gradually.
  const run = (holdThreshold: number) => {
    const cfg = configSchema.parse({
      detectors: {
        robust: { enabled: false },
        iforest: { window: 200, stride: 1, refitEvery: 50, minHistory: 100, warmup: 180, threshold: 0.7, holdThreshold },
      },
    });
    const e = new DetectionEngine(cfg.detectors, cfg.thresholds);
    const rng = createRng(11);
    const out: { anomalous: boolean; score: number }[] = [];
    for (let i = 0; i < 260; i++) {
      const memory = i < 240 ? 50 + gaussianFrom(rng(), rng()) : 95 - 2.5 * (i - 240);
      const ts = 1_800_000_000_000 + i * 30_000;
      const samples = [
        { metric: 'cpu', value: 30 + 3 * gaussianFrom(rng(), rng()) },
        { metric: 'memory', value: memory },
        { metric: 'disk', value: 40 },
        { metric: 'net_in', value: 1e6 },
        { metric: 'net_out', value: 5e5 },
      ].map((s) => ({ target: 'h', ts, ...s }));
      const f = e.process(samples).find((x) => x.detector === 'iforest');
      if (i >= 240) out.push({ anomalous: f!.anomalous, score: f!.score });
    }
    return out;
  };

  it('holds an open host episode down to holdThreshold', () => {
    const plain = run(0.7);
    const held = run(0.5);
    expect(plain[0]!.anomalous).toBe(true);
    // Scores are the same; only the verdict differs once the score dips below 0.7 but not 0.5.
    expect(held.map((x) => x.score)).toEqual(plain.map((x) => x.score));
    const dip = plain.findIndex((x) => x.score < 0.7);
    expect(dip).toBeGreaterThan(0);
    expect(plain[dip]!.anomalous).toBe(false);
    expect(held[dip]!.score).toBeGreaterThanOrEqual(0.5);
    expect(held[dip]!.anomalous).toBe(true);
    expect(held.slice(0, dip).every((x) => x.anomalous)).toBe(true);
    // Below the hold the episode ends, and it takes the full threshold to open again.
    const end = held.findIndex((x) => x.score < 0.5);
    expect(end).toBeGreaterThan(dip);
    expect(held[end]!.anomalous).toBe(false);
    expect(held.slice(end).every((x) => x.anomalous === x.score >= 0.7)).toBe(true);
  });
});

describe('detection engine weekly pattern', () => {
  // A quiet synthetic host through a week, reporting four metrics (no network out, as from some
  // sources): weekends run at 70 % load, and Monday's morning is back at full load. A forest that
  // only remembers a day (the weekend) finds Monday novel (311 false host alerts on the 100-host fleet
  // bench, when the weekend still ended in a step at midnight).
  const mondayAlarms = (iforest: Record<string, number>) => {
    const cfg = configSchema.parse({ detectors: { robust: { enabled: false }, iforest } });
    const e = new DetectionEngine(cfg.detectors, cfg.thresholds);
    const host = { name: 'synth-0035', role: 'api' };
    const T0 = Date.UTC(2026, 10, 2); // a Monday
    const monday = T0 + 7 * 86_400_000;
    let alarms = 0;
    for (let ts = T0; ts < monday + 24 * 3_600_000; ts += 30_000) {
      const samples = generateSamples(host, ts, 42, []).filter((x) => x.metric !== 'net_out');
      const f = e.process(samples).find((x) => x.detector === 'iforest');
      if (ts >= monday && f?.anomalous) alarms++;
    }
    return alarms;
  };

  it('remembers a week, so Monday after a quiet weekend is not an anomaly', () => {
    // Over Monday (0 and 8 alarms on this host as measured).
    expect(mondayAlarms({})).toBe(0);
    expect(mondayAlarms({ window: 720, stride: 4 })).toBeGreaterThan(0);
  }, 60_000);
});

describe('detection engine persistence', () => {
  it('a restarted engine is not blind: it flags a spike on its first sample', () => {
    const store = createSqliteStore(path.join(tempDir(), 'db.sqlite'));
    const cfg = configSchema.parse({});
    const a = new DetectionEngine(cfg.detectors, cfg.thresholds, store);
    const T0 = 1_800_000_000_000;
    for (let i = 0; i < 300; i++) a.process([{ target: 'h', metric: 'cpu', ts: T0 + i * 30_000, value: 30 + (i % 7) }]);
    a.persist(T0);
    const fresh = new DetectionEngine(cfg.detectors, cfg.thresholds, createSqliteStore(':memory:'));
    const restored = new DetectionEngine(cfg.detectors, cfg.thresholds, store);
    const spike = { target: 'h', metric: 'cpu', ts: T0 + 301 * 30_000, value: 80 };
    const robust = (e: DetectionEngine) => e.process([spike]).find((f) => f.detector === 'robust')!;
    expect(robust(restored).anomalous).toBe(true);
    expect(robust(fresh).anomalous).toBe(false);
    store.close();
  });
});
