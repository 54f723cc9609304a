import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/core/sample.js';
import type { ThresholdRule } from '../../../src/config/schema.js';
import { heldLevel, replayThreshold } from '../../../src/pipeline/detect/replay-threshold.js';

const rule: ThresholdRule = { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' };
const series = (target: string, values: number[]): Sample[] => values.map((value, k) => ({ target, metric: 'cpu', ts: k * 30_000, value }));

describe('threshold replay', () => {
  it('opens an episode after forSamples breaches and ends it after resolveAfter normal samples, as the live tracker does', () => {
    // Breach 3 (opens), a dip whose breaches hold again before 5 calm samples (same episode), 5 calm (resolves), breach 3 (open).
    const web = series('web-1', [50, 95, 96, 97, 80, 95, 96, 97, 50, 50, 50, 50, 50, 91, 92, 93]);
    // Never 3 in a row.
    const db = series('db-1', [95, 95, 50, 95, 95]);
    const r = replayThreshold(
      rule,
      new Map([
        ['web-1', web],
        ['db-1', db],
      ]),
      5,
    );
    expect(r).toEqual({ episodes: 2, byTarget: new Map([['web-1', 2]]), open: 1 });
    // With 3 calm samples to resolve, the dip and the 2 breaches still building end the first episode.
    expect(replayThreshold(rule, new Map([['web-1', web]]), 3).episodes).toBe(3);
    expect(replayThreshold({ ...rule, forSamples: 2 }, new Map([['db-1', db]]), 1)).toEqual({
      episodes: 2,
      byTarget: new Map([['db-1', 2]]),
      open: 1,
    });
    // A rule with its own target still replays on the series it is given; "below" rules count downward breaches.
    expect(replayThreshold({ ...rule, target: 'other' }, new Map([['web-1', web]]), 5).episodes).toBe(2);
    expect(replayThreshold({ metric: 'cpu', below: 60, forSamples: 3, severity: 'warning' }, new Map([['web-1', web]]), 3).episodes).toBe(
      1,
    );
  });

  it('finds the furthest level held for forSamples in a row, each way', () => {
    const s = series('web-1', [50, 95, 96, 97, 80, 99, 99, 10]);
    // Windows of 3: min 50, 95, 80, 80, 80, 10 → 95; of 2: 95, 96, 80, 80, 99, 10 → 99.
    expect(heldLevel(s, 3, 'above')).toBe(95);
    expect(heldLevel(s, 2, 'above')).toBe(99);
    expect(heldLevel(s, 1, 'above')).toBe(99);
    // Below: max of each window of 3: 96, 97, 97, 99, 99, 99 → 96.
    expect(heldLevel(s, 3, 'below')).toBe(96);
    expect(heldLevel(s, 9, 'above')).toBeUndefined();
    // At the held level the rule no longer fires; just under it, it does.
    const m = new Map([['web-1', s]]);
    expect(replayThreshold({ ...rule, above: 95 }, m, 3).episodes).toBe(0);
    expect(replayThreshold({ ...rule, above: 94.9 }, m, 3).episodes).toBe(1);
  });
});
