import { describe, expect, it } from 'vitest';
import { noiseAdvice } from '../../../src/bot/noise-advice.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;

function storeWith(marks: [anomaly: string, verdict: string, agoH: number, over?: Record<string, string>][]) {
  const store = createSqliteStore(':memory:');
  for (const [anomaly, verdict, agoH, over] of marks)
    store.appendRecord('alert_feedback', NOW - agoH * H, {
      anomaly,
      target: 'web-1',
      metric: 'cpu',
      detector: 'robust',
      verdict,
      actor: 'slack:U1',
      ...over,
    });
  return store;
}

const robustCpu = { target: 'web-1', metric: 'cpu', detector: 'robust' } as const;

describe('noiseAdvice', () => {
  it('says what would quiet a target, metric and detector marked noise twice in 7 days and never useful', () => {
    const store = storeWith([
      ['an_1', 'noise', 1],
      ['an_2', 'noise', 30],
    ]);
    expect(noiseAdvice(robustCpu, store, NOW)).toBe(
      'That is 2 noise marks on web-1 CPU (robust) in 7 days, and none useful. To hear less of it: "snooze web-1 cpu for 1d" now; for good, raise detectors.robust.minChange for this metric (the smallest change that may open one).',
    );
  });

  it('stays quiet after one mark, after a useful one, for marks older than a week, and for other sources', () => {
    expect(noiseAdvice(robustCpu, storeWith([['an_1', 'noise', 1]]), NOW)).toBeUndefined();
    const mixed = storeWith([
      ['an_1', 'noise', 1],
      ['an_2', 'noise', 2],
      ['an_3', 'useful', 3],
    ]);
    expect(noiseAdvice(robustCpu, mixed, NOW)).toBeUndefined();
    expect(
      noiseAdvice(
        robustCpu,
        storeWith([
          ['an_1', 'noise', 1],
          ['an_2', 'noise', 200],
        ]),
        NOW,
      ),
    ).toBeUndefined();
    const other = storeWith([
      ['an_1', 'noise', 1],
      ['an_2', 'noise', 2, { target: 'web-2' }],
      ['an_3', 'noise', 2, { detector: 'iforest' }],
    ]);
    expect(noiseAdvice(robustCpu, other, NOW)).toBeUndefined();
    // The latest word on one anomaly counts: marked noise, then useful, is useful.
    const changed = storeWith([
      ['an_1', 'noise', 1],
      ['an_2', 'noise', 3],
      ['an_2', 'useful', 2],
    ]);
    expect(noiseAdvice(robustCpu, changed, NOW)).toBeUndefined();
  });

  it('names the threshold rule for the threshold detector, and the whole host for a heartbeat', () => {
    const store = storeWith([
      ['an_1', 'noise', 1, { detector: 'threshold' }],
      ['an_2', 'noise', 2, { detector: 'threshold' }],
      ['an_3', 'noise', 1, { detector: 'silence', metric: 'heartbeat' }],
      ['an_4', 'noise', 2, { detector: 'silence', metric: 'heartbeat' }],
    ]);
    const rules = [
      { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' as const },
      { metric: 'cpu', target: 'db-1', above: 70, forSamples: 5, severity: 'warning' as const },
    ];
    expect(noiseAdvice({ ...robustCpu, detector: 'threshold' }, store, NOW, rules)).toMatch(
      /for good, raise its threshold rule in config \(above 90% for 3 samples\)\.$/,
    );
    expect(noiseAdvice({ target: 'web-1', metric: 'heartbeat', detector: 'silence' as const }, store, NOW)).toMatch(
      /"snooze web-1 for 1d" now; for good, raise detectors\.silence\.afterSeconds/,
    );
  });
});
