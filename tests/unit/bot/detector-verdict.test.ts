import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { describeDetectors, firesAt, forecastLine, thresholdLine } from '../../../src/bot/describe-detectors.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import type { RobustView, SeriesInspection } from '../../../src/core/inspection.js';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import type { Sample } from '../../../src/core/sample.js';
import { DetectionEngine } from '../../../src/pipeline/detect/detection-engine.js';
import { ThresholdDetector } from '../../../src/pipeline/detect/threshold-detector.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const T0 = Date.UTC(2026, 11, 5, 0, 0, 0);
const STEP = 30_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

/**
 * The real engine and a store fed the same samples: web-1 CPU at 20 ± 2 % for 800 samples, 99 %
 * for 4, back for 300, then `repeat` for `repeatFor` samples; db-1 memory flat at 50 %. A repeat
 * close to 99 % can still be a new extreme: the spread it is measured in varies from window to window.
 */
function live(repeat: number, repeatFor: number) {
  const cfg = configSchema.parse({ detectors: { iforest: { enabled: false } } });
  const engine = new DetectionEngine(cfg.detectors, cfg.thresholds);
  const store = createSqliteStore(':memory:');
  const rng = createRng(7);
  const gauss = () => gaussianFrom(rng(), rng());
  const cpu = [
    ...Array.from({ length: 800 }, () => 20 + 2 * gauss()),
    ...Array(4).fill(99),
    ...Array.from({ length: 300 }, () => 20 + 2 * gauss()),
    ...Array(repeatFor).fill(repeat),
  ];
  const samples: Sample[] = cpu.flatMap((value, i) => [
    { target: 'web-1', metric: 'cpu', ts: T0 + i * STEP, value },
    { target: 'db-1', metric: 'memory', ts: T0 + i * STEP, value: 50 },
  ]);
  const opened: string[] = [];
  for (let i = 0; i < samples.length; i += 2) {
    for (const f of engine.process(samples.slice(i, i + 2))) if (f.anomalous) opened.push(`${f.detector}@${i / 2}`);
  }
  store.saveSamples(samples);
  for (const t of targets) store.setTargetState(t.name, 'up');
  const now = T0 + (cpu.length - 1) * STEP + 5_000;
  const c: AnswerContext = { store, targets, now, staleAfterMs: 90_000, thresholds: cfg.thresholds, detectors: engine };
  return { engine, c, opened, last: cpu.length - 1 };
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

describe('what each detector makes of a series', () => {
  it('says a repeat of an earlier incident is no new extreme for the robust detector, and that the threshold rule is one sample in', () => {
    const { engine, c, opened } = live(92, 1);
    // The first incident opened a robust anomaly; the repeat (one sample so far) opens nothing.
    expect(opened.some((o) => o.startsWith('robust@80'))).toBe(true);
    expect(opened.some((o) => Number(o.split('@')[1]) > 1104)).toBe(false);
    const view = engine.inspect('web-1', 'cpu');
    expect(view.threshold).toMatchObject({ above: 90, forSamples: 3, streak: 1, sinceTs: T0 + 1104 * STEP });
    expect(view.robust!.ratio).toBeGreaterThan(0);
    expect(view.robust!.ratio).toBeLessThan(1);
    expect(view.robust!.deviations).toBeGreaterThan(view.robust!.minDeviation);
    const reply = ask('why is there no alert for web-1 cpu?', c).split('\n');
    expect(reply[0]).toBe('Nothing is open for web-1 CPU: no detector finds it unusual now.');
    expect(reply[2]).toBe('What each detector makes of web-1 CPU at 09:12:00 UTC:');
    expect(reply[3]).toBe(
      '• threshold: above 90.0% for 1 of the 3 samples the rule asks since 09:12:00 UTC; it opens a warning anomaly if the next 2 samples stay there.',
    );
    expect(reply[4]).toMatch(
      /^• robust: 92\.0% is [\d.]+ robust deviations from its usual .* \(a spike\), but not a new extreme for this series: \d\d % of the largest it has seen\./,
    );
    expect(reply[4]).toContain("halves every 15,000 samples (about 5 d 5 h at this series' interval)");
    expect(reply[4]).toContain('The threshold rule is what catches a repeat.');
    // The same question in other words.
    expect(ask('is web-1 cpu unusual?', c).split('\n')[2]).toBe(reply[2]);
    expect(ask("why didn't web-1 cpu alert", c).split('\n')[2]).toBe(reply[2]);
  });

  it('gives the usual range when asked what is normal, even with an anomaly open there', () => {
    const { c, last } = live(95, 4);
    const ts = T0 + last * STEP;
    c.store.upsertAnomaly({
      id: 'an_hot',
      key: 'web-1|cpu|threshold',
      target: 'web-1',
      metric: 'cpu',
      detector: 'threshold',
      status: 'open',
      severity: 'warning',
      score: 1,
      observed: 95,
      expectedLow: 0,
      expectedHigh: 90,
      startTs: ts - 2 * STEP,
      endTs: null,
      updatedTs: ts,
      peak: 95,
      summary: 'CPU 95% above 90% for 3 samples',
    });
    const lines = ask("what's normal cpu for web-1?", c).split('\n');
    expect(lines[0]).toMatch(/^web-1 CPU 95\.0% \(at /);
    expect(lines[1]).toMatch(/^What each detector makes of web-1 CPU at /);
    expect(lines.find((l) => l.startsWith('• robust:'))).toMatch(/from its usual \d+\.\d%–\d+\.\d%/);
    expect(lines.at(-1)).toBe('Open now: an_hot (threshold, warning); "explain an_hot" for it.');
    // "Why is it high?" still explains the open anomaly.
    expect(ask('why is cpu high on web-1?', c)).toMatch(/^The open anomaly for web-1 CPU:\nan_hot /);
    expect(ask('what is the usual memory on db-1?', c).split('\n').at(-1)).toBe('Nothing is open for db-1 memory.');
  });

  it('times a building streak and lists it under "about to fire"', () => {
    const { c } = live(95, 2);
    const lines = ask('anything about to fire?', c).split('\n');
    expect(lines[0]).toBe('About to open, if it lasts (threshold rules partly met):');
    expect(lines[1]).toBe(
      '• web-1 CPU 95.0%: above 90.0% for 2 of the 3 samples the rule asks since 09:12:00 UTC; it opens a warning anomaly at about 09:13:00 UTC if the next sample stays there.',
    );
    expect(lines[2]).toMatch(/^Nothing needs attention: 2 of 2 targets reporting/);
    // "Anything wrong?" adds it after what is open; a rule on another metric is not asked about.
    expect(ask('anything wrong?', c).split('\n').slice(1)).toEqual(['About to open, if it lasts (threshold rules partly met):', lines[1]]);
    expect(ask('is any memory close to the threshold?', c)).toMatch(/^Nothing about to open: no threshold rule is partly met for memory\./);
    expect(ask('pending alerts on db-1', c).split('\n')[0]).toBe('Nothing about to open on db-1: no threshold rule is partly met.');
  });

  it('answers "why didn\'t web-1 alert" with the metric that is near a line in full and the rest in one line', () => {
    const { c } = live(92, 1);
    const lines = ask("why didn't web-1 alert?", c).split('\n');
    expect(lines[0]).toBe('Nothing is open on web-1: no detector finds any of its metrics unusual now.');
    expect(lines[1]).toBe('CPU 92.0% at 09:12:00 UTC:');
    expect(lines[2]).toMatch(/^• threshold: above 90\.0% for 1 of the 3/);
    const db = ask('why no alerts on db-1', c).split('\n');
    expect(db).toEqual([
      'Nothing is open on db-1: no detector finds any of its metrics unusual now.',
      'Within their rules and usual ranges: memory 50.0% (usual 50.0%–50.0%).',
    ]);
  });
});

describe('"how anomalous is db-1?"', () => {
  it("gives every metric's verdict there and the host's Isolation Forest score", () => {
    const { c } = live(92, 1);
    const forest = { ts: c.now, score: 0.45, threshold: 0.74, warm: true, feature: 'memory', open: false };
    const withForest: AnswerContext = {
      ...c,
      detectors: {
        inspect: (target: string, metric: string) => ({ ...c.detectors!.inspect(target, metric)!, forest }),
      } as AnswerContext['detectors'],
    };
    expect(parseIntent('what is the isolation forest score for db-1?', targets)).toEqual({
      kind: 'explain',
      target: 'db-1',
      verdict: true,
      quiet: true,
    });
    expect(ask('how anomalous is db-1 right now?', withForest).split('\n')).toEqual([
      'Nothing is open on db-1: no detector finds any of its metrics unusual now.',
      'Within their rules and usual ranges: memory 50.0% (usual 50.0%–50.0%).',
      "Isolation Forest (all of db-1's metrics together): score 0.45, under its 0.74.",
    ]);
    // Without a forest (disabled), no such line.
    expect(ask('anomaly score of db-1', c).split('\n')).toHaveLength(2);
  });
});

describe('the forecast in a verdict', () => {
  it('says how far off the limit a rising disk is, and when it is within the warning', () => {
    const cfg = configSchema.parse({ detectors: { iforest: { enabled: false } } });
    const engine = new DetectionEngine(cfg.detectors, cfg.thresholds, undefined, cfg.forecasts);
    const store = createSqliteStore(':memory:');
    // db-1's disk: 82 % rising 1.5 points an hour for two hours, so at 85 % it is 10 h from full.
    const samples: Sample[] = Array.from({ length: 240 }, (_, i) => ({
      target: 'db-1',
      metric: 'disk',
      ts: T0 + i * STEP,
      value: 82 + (1.5 * i) / 120,
    }));
    for (const s of samples) engine.process([s]);
    store.saveSamples(samples);
    const c: AnswerContext = {
      store,
      targets,
      now: T0 + 239 * STEP + 5_000,
      staleAfterMs: 90_000,
      thresholds: cfg.thresholds,
      detectors: engine,
    };
    const lines = ask('why is there no alert for db-1 disk?', c).split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^• forecast: \+1\.50 points\/h over the last 60 min: reaches 100\.0% in about 10 h( [01] min)?, beyond the 4 h it warns within\.$/,
      ),
    );
    expect(forecastLine('disk', { reaches: 100, withinMinutes: 240, fitMinutes: 60, spanMinutes: 12, minT: 4 })).toBe(
      'gathering its window: 12 of the 30 min it needs before it projects.',
    );
    expect(
      forecastLine('disk', {
        reaches: 100,
        withinMinutes: 240,
        fitMinutes: 60,
        from: 80,
        spanMinutes: 60,
        value: 50,
        perHour: 6,
        t: 30,
        etaMinutes: 500,
        minT: 4,
      }),
    ).toBe('+6.00 points/h over the last 60 min; it warns only from 80.0%.');
    expect(
      forecastLine('disk', {
        reaches: 100,
        withinMinutes: 240,
        fitMinutes: 60,
        spanMinutes: 60,
        value: 85,
        perHour: 1,
        t: 2.5,
        etaMinutes: 900,
        minT: 4,
      }),
    ).toBe('+1.00 points/h over the last 60 min: no rise clear of the scatter (it asks 4 standard errors; this is 2.5).');
  });
});

describe('detector lines', () => {
  const robust = (over: Partial<RobustView>): SeriesInspection => ({
    target: 'web-1',
    metric: 'cpu',
    robust: {
      ts: 0,
      value: 40,
      samples: 500,
      warmUp: 100,
      deviations: 8,
      minDeviation: 6,
      minChange: 5,
      ratio: 0,
      kind: 'spike',
      alarm: 0,
      alarmThreshold: 0.2809,
      sinceAlarm: 400,
      cooldown: 30,
      halfLife: 15_000,
      expectedLow: 20,
      expectedHigh: 30,
      open: false,
      ...over,
    },
  });
  const line = (over: Partial<RobustView>) => describeDetectors(robust(over))[1];

  it('gives each reason the robust detector can have', () => {
    expect(line({ samples: 40 })).toBe('• robust: still learning this series (40 of the 100 samples it needs before it may alarm).');
    expect(line({ deviations: 2.5 })).toBe('• robust: 40.0% is 2.5 robust deviations from its usual 20.0%–30.0%; it alarms from 6.');
    expect(line({})).toBe(
      '• robust: 40.0% is 8.0 robust deviations from its usual 20.0%–30.0%, but it has moved less than the 5 percentage points that CPU must move before it may alarm (detectors.robust.minChange).',
    );
    expect(line({ ratio: 1.4, alarm: 0, sinceAlarm: 12 })).toBe(
      '• robust: a spike, a new extreme, but 12 samples after its last alarm: it waits 30 unless the episode triples.',
    );
    expect(line({ ratio: 1.1, alarm: 0.27, sinceAlarm: 200 })).toBe(
      '• robust: a spike, a new extreme, scored 0.27: under the 0.28 that opens an anomaly, because the series alarmed 200 samples ago (an alarm soon after another counts for less).',
    );
    expect(line({ open: true })).toBe('• robust: its episode is open.');
    expect(describeDetectors({ target: 'web-1', metric: 'cpu' })).toEqual([
      '• threshold: no rule for CPU on web-1.',
      '• robust: no sample scored since the last start.',
    ]);
  });

  it('words a rule below a line and times a streak from its own samples', () => {
    const view = { below: 10, forSamples: 5, severity: 'critical' as const, streak: 3, sinceTs: 0, lastTs: 120_000 };
    expect(firesAt(view)).toBe(240_000);
    expect(thresholdLine('disk_free', view)).toBe(
      'below 10.0% for 3 of the 5 samples the rule asks since 00:00:00 UTC; it opens a critical anomaly at about 00:04:00 UTC if the next 2 samples stay there.',
    );
    // One sample gives no interval; a streak restored after a restart has no start.
    expect(firesAt({ ...view, streak: 1 })).toBeUndefined();
    expect(thresholdLine('cpu', { above: 90, forSamples: 3, severity: 'warning', streak: 2 })).toBe(
      'above 90.0% for 2 of the 3 samples the rule asks; it opens a warning anomaly if the next sample stays there.',
    );
    // A series with no sample ("why is db-1 slow?" where db-1 reports no latency) is not "within its rule".
    expect(thresholdLine('latency_ms', { above: 500, forSamples: 3, severity: 'warning', streak: 0 })).toBe(
      'no sample yet to hold against its rule (above 500 ms for 3 samples).',
    );
    expect(thresholdLine('latency_ms', { above: 500, forSamples: 3, severity: 'warning', streak: 0, lastTs: 1 })).toBe(
      'the latest sample is within its rule (above 500 ms for 3 samples).',
    );
  });

  it('keeps a streak per series and forgets its start when the series is back within the rule', () => {
    const d = new ThresholdDetector([{ metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' }]);
    d.observe({ target: 'a', metric: 'cpu', ts: 1, value: 95 });
    d.observe({ target: 'b|x', metric: 'cpu', ts: 1, value: 95 });
    d.observe({ target: 'a', metric: 'cpu', ts: 2, value: 96 });
    expect(d.building().map((b) => [b.target, b.view.streak, b.view.sinceTs])).toEqual([
      ['a', 2, 1],
      ['b|x', 1, 1],
    ]);
    d.observe({ target: 'a', metric: 'cpu', ts: 3, value: 97 });
    d.observe({ target: 'b|x', metric: 'cpu', ts: 2, value: 50 });
    // Met (an anomaly is open) or back within the rule: neither is building.
    expect(d.building()).toEqual([]);
    expect(d.inspect('b|x', 'cpu')).toEqual({ above: 90, forSamples: 3, severity: 'warning', streak: 0, lastTs: 2 });
    expect(d.inspect('a', 'memory')).toBeUndefined();
  });
});
