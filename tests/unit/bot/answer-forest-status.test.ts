import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { AboutFacts } from '../../../src/bot/answer-about.js';
import type { DetectorInspector, ForestStatus } from '../../../src/core/inspection.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { DetectionEngine } from '../../../src/pipeline/detect/detection-engine.js';
import { configSchema } from '../../../src/config/schema.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const TARGETS = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'new-1' }, { name: 'off-1' }];
const view = (score: number, open = false) => ({ ts: NOW, score, threshold: 0.74, warm: true, feature: 'memory', open });

function ctx(statuses: ForestStatus[] | undefined, iforest = true): AnswerContext {
  const detectors: DetectorInspector = {
    inspect: (target, metric) => ({ target, metric }),
    building: () => [],
    ...(statuses ? { forestStatus: () => statuses } : {}),
  };
  const about = { intervalMs: 30_000, iforest } as AboutFacts;
  return { store: createSqliteStore(':memory:'), targets: TARGETS, now: NOW, staleAfterMs: 90_000, detectors, about: () => about };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');

const FLEET: ForestStatus[] = [
  { target: 'web-1', seen: 3000, warmup: 2880, fitted: true, sinceFit: 120, refitEvery: 240, last: view(0.51) },
  { target: 'db-1', seen: 2760, warmup: 2880, fitted: true, last: view(0.6) },
  { target: 'new-1', seen: 40, warmup: 2880, fitted: false },
];

describe('"is the isolation forest trained?"', () => {
  it('reads the question, for the fleet or one host, and leaves "explain the isolation forest" to the glossary', () => {
    expect(parseIntent('is the isolation forest trained?', TARGETS)).toEqual({ kind: 'forest_status' });
    expect(parseIntent('is the forest ready for db-1?', TARGETS)).toEqual({ kind: 'forest_status', target: 'db-1' });
    expect(parseIntent('which hosts is the forest still learning?', TARGETS)).toEqual({ kind: 'forest_status' });
    expect(parseIntent('explain the isolation forest', TARGETS).kind).toBe('glossary');
  });

  it('says per host whether it alerts yet, how much of the warm-up it has seen and about when it may alert', () => {
    const lines = ask('is the isolation forest trained?', ctx(FLEET));
    expect(lines[0]).toBe(
      'The Isolation Forest (one per host, over CPU, memory, disk and network together): 1 of 4 hosts trained and alerting, 2 still learning.',
    );
    // Fitted 120 samples ago at 30 s: an hour.
    expect(lines[3]).toMatch(/^web-1 +ready +3000 of 2880 \(100 %\) +~60 min ago +score 0\.51, under its 0\.74$/);
    // 120 samples to go at 30 s: an hour.
    expect(lines[4]).toMatch(/^db-1 +learning +2760 of 2880 \(95 %\) +- +may alert in about 60 min$/);
    expect(lines[5]).toMatch(/^new-1 +fitting +40 of 2880 \(1 %\) +- +may alert in about 23 h 40 min$/);
    expect(lines[6]).toMatch(/^off-1 +no data +- +- +no CPU, memory, disk or network sample since I started/);
    expect(ask('is the forest trained for db-1?', ctx(FLEET))[0]).toBe("db-1's Isolation Forest: still learning.");
    // "When did the forest last retrain?" is this answer, with how often it refits.
    expect(parseIntent('when did the forest last retrain?', TARGETS)).toEqual({ kind: 'forest_status' });
    expect(ask('when was the isolation forest last refitted?', ctx(FLEET)).at(-1)).toContain(
      'It refits on its recent history as it goes, every 240 samples (about 2 h)',
    );
  });

  it('says when the forest is off, or when no detectors run in this process', () => {
    expect(ask('is the isolation forest trained?', ctx(FLEET, false))[0]).toMatch(
      /^The Isolation Forest is off \(detectors\.iforest\.enabled/,
    );
    expect(ask('is the isolation forest trained?', ctx(undefined))[0]).toMatch(/^The detectors do not run in this process/);
  });

  it('reports the live engine: a host forest is fitting after its first samples, and counts them', () => {
    const cfg = configSchema.parse({});
    const engine = new DetectionEngine(cfg.detectors, []);
    const samples = (ts: number) =>
      ['cpu', 'memory', 'disk', 'net_in', 'net_out'].map((metric) => ({ target: 'web-1', metric, ts, value: 10 + ((ts / 30_000) % 7) }));
    for (let k = 0; k < 50; k++) engine.process(samples(NOW + k * 30_000));
    const refitEvery = cfg.detectors.iforest.refitEvery;
    expect(engine.forestStatus()).toEqual([{ target: 'web-1', seen: 50, warmup: cfg.detectors.iforest.warmup, fitted: false, refitEvery }]);
    // Once fitted, how many samples ago: never more than a refit period.
    let k = 50;
    while (!engine.forestStatus()[0]!.fitted && k < 5000) engine.process(samples(NOW + k++ * 30_000));
    const first = engine.forestStatus()[0]!;
    expect(first.fitted).toBe(true);
    expect(first.sinceFit).toBeLessThanOrEqual(refitEvery);
    // It grows with each stored row and drops back at each refit.
    const seen: number[] = [];
    for (let j = 0; j < 2 * refitEvery; j++) {
      engine.process(samples(NOW + k++ * 30_000));
      seen.push(engine.forestStatus()[0]!.sinceFit!);
    }
    expect(Math.max(...seen)).toBeGreaterThan(refitEvery / 2);
    expect(Math.max(...seen)).toBeLessThanOrEqual(refitEvery);
    expect(seen.some((v, j) => j > 0 && v < seen[j - 1]!)).toBe(true);
  });
});
