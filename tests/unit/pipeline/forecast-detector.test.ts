import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { describeAnomaly } from '../../../src/bot/format-reply.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { AnomalyTracker } from '../../../src/pipeline/detect/anomaly-tracker.js';
import { DetectionEngine } from '../../../src/pipeline/detect/detection-engine.js';
import { fitLine, ForecastDetector } from '../../../src/pipeline/detect/forecast-detector.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 5, 0, 0, 0);
const DISK = { metric: 'disk', reaches: 100, withinMinutes: 240, fitMinutes: 60, from: 80, severity: 'critical' as const };

describe('line fit', () => {
  it('fits a line by least squares, hand-computed', () => {
    // y = 2 + 3x at x = 0, 1, 2, 3 with residuals +1, -1, -1, +1: the slope stays 3, the level at x = 3 is 11.
    const f = fitLine([0, 1, 2, 3], [3, 4, 7, 12])!;
    expect(f.slope).toBeCloseTo(3, 10);
    expect(f.at).toBeCloseTo(11, 10);
    // SSE 4 over n − 2 = 2, Sxx 5: se = √(2/5), t = 3 / √0.4.
    expect(f.t).toBeCloseTo(3 / Math.sqrt(0.4), 10);
    expect(fitLine([0, 1], [1, 2])).toBeUndefined();
    expect(fitLine([5, 5, 5], [1, 2, 3])).toBeUndefined();
  });
});

describe('forecast detector', () => {
  const run = (values: (i: number) => number, minutes: number, rules = [DISK]) => {
    const d = new ForecastDetector(rules);
    const out = [];
    for (let i = 0; i < minutes; i++) out.push(d.observe({ target: 'db-1', metric: 'disk', ts: T0 + i * MIN, value: values(i) }));
    return { d, out };
  };

  it('opens when a disk past 80 % is on course to fill within 4 h, long before the 90 % rule', () => {
    // 70 % growing 3 points an hour, with noise: 80 % at 3 h 20 min, 100 % at 10 h.
    const rng = createRng(5);
    const { out } = run((i) => 70 + (3 * i) / 60 + 0.2 * gaussianFrom(rng(), rng()), 600);
    const first = out.findIndex((f) => f?.anomalous);
    // At 3 points/h the limit is within 4 h from 88 % on: about 6 h in, when the 90 % rule is 40 min away.
    expect(first / 60).toBeGreaterThan(5.7);
    expect(first / 60).toBeLessThan(6.2);
    expect(out[first]).toMatchObject({ detector: 'forecast', severity: 'critical', expectedHigh: 100 });
    expect(out[first]!.summary).toMatch(
      /^disk 8[78]\.\d+%, rising [23]\.\d points\/h over the last 60 min: at that rate it reaches 100% in about (3\.[89]|4\.[01]) h$/,
    );
  });

  it('times a fill of minutes from the value, not from the lagging line', () => {
    // 40 % for 50 min, then 6 points a minute: 98 % 10 minutes later (the demo's disk fill).
    const { out } = run((i) => (i < 50 ? 40 : Math.min(98, 40 + 6 * (i - 49))), 60);
    const last = out[59]!;
    expect(last.anomalous).toBe(true);
    // The line's own projection is about half an hour away; the value is 2 points from full.
    const m = /reaches 100% (now|in about (\d+) min)$/.exec(last.summary)!;
    expect(m).not.toBeNull();
    expect(m[1] === 'now' || Number(m[2]) <= 5).toBe(true);
  });

  it('stays calm on a flat noisy disk, on one below "from", and on a rise lost in its scatter', () => {
    const rng = createRng(9);
    const g = () => gaussianFrom(rng(), rng());
    expect(run(() => 85 + 0.5 * g(), 600).out.some((f) => f?.anomalous)).toBe(false);
    // Filling fast, but at 50–70 %: not yet worth a page.
    expect(run((i) => 50 + i / 30, 600).out.some((f) => f?.anomalous)).toBe(false);
    // 1 point an hour under 5 points of noise: over an hour the slope is not clear of the scatter.
    expect(run((i) => 90 + i / 60 + 5 * g(), 120).out.some((f) => f?.anomalous)).toBe(false);
  });

  it('waits for half its window, ends the episode when the growth stops, and restores its window', () => {
    const values = (i: number) => (i < 90 ? 85 + i / 10 : 94);
    const { d, out } = run(values, 150);
    expect(out.slice(0, 29).every((f) => f === undefined)).toBe(true);
    expect(out[40]?.anomalous).toBe(true);
    // Flat from 90 min on: the fitted slope falls, and within the hour the projection is past 4 h.
    expect(out[149]?.anomalous).toBe(false);
    const copy = new ForecastDetector([DISK]);
    copy.restore(JSON.parse(JSON.stringify(d.snapshot())) as Record<string, unknown>);
    copy.restore({ bad: 'x', worse: [[1], [1, 2]] });
    const next = { target: 'db-1', metric: 'disk', ts: T0 + 150 * MIN, value: 94 };
    expect(copy.observe(next)).toEqual(d.observe(next));
  });

  it('gives its episode the highest value as the peak, and reads as a projection', () => {
    const { out } = run((i) => 82 + i / 10, 120);
    const tracker = new AnomalyTracker([], 3);
    let a: Anomaly | undefined;
    for (const f of out) {
      if (!f) continue;
      const ch = tracker.apply([f]);
      a = ch.opened[0] ?? ch.updated[0] ?? a;
    }
    expect(a).toMatchObject({ detector: 'forecast', peak: 93.9, observed: 93.9 });
    expect(describeAnomaly(a!, T0 + 120 * MIN)).toMatch(
      /^an_\w+ \[critical\] db-1 disk: peak 93\.9% \(projected to reach 100\.0%\); since /,
    );
  });

  it('runs in the engine from config: a target rule wins, and a torn saved state starts over', () => {
    const cfg = configSchema.parse({ forecasts: [DISK, { ...DISK, target: 'db-1', from: 95 }] });
    const store = {
      getKv: (k: string) => (k === 'detector:forecast' ? '{"torn' : undefined),
      setKv: () => {},
      loadDetectorState: () => undefined,
      saveDetectorStates: () => {},
    };
    const e = new DetectionEngine(
      { ...cfg.detectors, robust: { ...cfg.detectors.robust, enabled: false }, iforest: { ...cfg.detectors.iforest, enabled: false } },
      [],
      store,
      cfg.forecasts,
    );
    const opened = (target: string) => {
      for (let i = 0; i < 60; i++) {
        const f = e.process([{ target, metric: 'disk', ts: T0 + i * MIN, value: 85 + i / 10 }]).find((x) => x.detector === 'forecast');
        if (f?.anomalous) return true;
      }
      return false;
    };
    expect(opened('web-1')).toBe(true);
    expect(opened('db-1')).toBe(false);
    expect(configSchema.safeParse({ forecasts: [{ ...DISK, from: 100 }] }).success).toBe(false);
  });
});
