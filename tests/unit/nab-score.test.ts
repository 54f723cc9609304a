import { describe, expect, it } from 'vitest';
import {
  eventMetrics,
  heldOutScore,
  normalise,
  optimiseThreshold,
  PROFILES,
  probation,
  rowCredits,
  scoreFile,
  sigma,
  windowRows,
  type LabelledFile,
} from '../../bench/nab/nab-score.js';

// 20 rows: probation floor(0.15 × 20) = 3; one window on rows 10–13 (width 4).
const FILE: LabelledFile = { key: 'a.csv', rows: 20, windows: [[10, 13]] };
const S = PROFILES.standard;
const at = (rows: number[], n = 20): number[] => Array.from({ length: n }, (_, i) => (rows.includes(i) ? 1 : 0));

describe('NAB scoring', () => {
  it('uses the scaled sigmoid and the probationary period of SCORING.md', () => {
    expect(sigma(-1)).toBeCloseTo(0.98661, 5);
    expect(sigma(-0.5)).toBeCloseTo(0.84828, 5);
    expect(sigma(0)).toBe(0);
    expect(sigma(3.01)).toBe(-1);
    expect(probation(20)).toBe(3);
    expect(probation(4032)).toBe(604);
    expect(probation(22_000)).toBe(750);
  });

  it('credits rows by hand-computed values', () => {
    const { start, credit, window } = rowCredits(FILE, S);
    expect(start).toBe(3);
    expect(credit[10]).toBeCloseTo(1, 10); // first row of the window: y = -1
    // last row: y = -1/4 → σ(-0.25)/σ(-1) = (2/(1+e^-1.25) - 1)/0.98661
    expect(credit[13]).toBeCloseTo((2 / (1 + Math.exp(-1.25)) - 1) / sigma(-1), 10);
    expect(credit[13]).toBeCloseTo(0.56214, 4);
    expect(credit[5]).toBe(-0.11); // before any window: a full false positive
    // two rows after the window: y = 2/(4-1) → 0.11 × σ(0.667) = -0.10242
    expect(credit[15]).toBeCloseTo(0.11 * (2 / (1 + Math.exp(10 / 3)) - 1), 10);
    expect(credit[15]).toBeCloseTo(-0.10242, 4);
    expect([...window].slice(9, 15)).toEqual([-1, 0, 0, 0, 0, -1]);
  });

  it('scores a file: best detection per window, every outside row a false positive, probation ignored', () => {
    expect(scoreFile(FILE, at([]), S, 0.5)).toBe(-1); // missed window
    expect(scoreFile(FILE, at([10]), S, 0.5)).toBeCloseTo(1, 10);
    expect(scoreFile(FILE, at([11, 10, 13]), S, 0.5)).toBeCloseTo(1, 10); // only the earliest counts
    expect(scoreFile(FILE, at([1, 2]), S, 0.5)).toBe(-1); // probation rows are neither TP nor FP
    expect(scoreFile(FILE, at([5, 6, 10]), S, 0.5)).toBeCloseTo(1 - 0.22, 10);
    expect(scoreFile(FILE, at([10, 15]), PROFILES.reward_low_FP_rate, 0.5)).toBeCloseTo(1 + 0.22 * sigma(2 / 3), 10);
    expect(scoreFile(FILE, at([]), PROFILES.reward_low_FN_rate, 0.5)).toBe(-2);
  });

  it('optimises one threshold over all files (ties to the highest) and normalises', () => {
    const other: LabelledFile = { key: 'b.csv', rows: 20, windows: [] };
    const files = [
      { file: FILE, scores: at([10]).map((v, i) => (i === 10 ? 0.9 : i === 5 ? 0.7 : 0.1)) },
      { file: other, scores: at([]).map((_, i) => (i === 8 ? 0.8 : 0.1)) },
    ];
    // Candidates: none → -1; ≥0.9 → +1; ≥0.8 → 1 - 0.11; ≥0.7 → 1 - 0.22; ≥0.1 → many FPs.
    expect(optimiseThreshold(files, S)).toEqual({ threshold: 0.9, raw: 1 });
    expect(normalise(1, 1, S)).toBe(100);
    expect(normalise(-1, 1, S)).toBe(0);
    expect(normalise(0, 2, PROFILES.reward_low_FN_rate)).toBeCloseTo((100 * 4) / 6, 10);
    // A constant detector has one candidate: every row. It beats "none" on FILE (the hit outweighs
    // seven early false positives) and loses to it on a file without windows.
    const flat = at([]).fill(0.5);
    const opt = optimiseThreshold([{ file: FILE, scores: flat }], S);
    expect(opt.threshold).toBe(0.5);
    expect(opt.raw).toBeCloseTo(scoreFile(FILE, flat, S, 0.5), 12);
    expect(scoreFile(FILE, flat, S, 0.5)).toBeCloseTo(
      1 - 7 * 0.11 + [14, 15, 16, 17, 18, 19].reduce((a, i) => a + 0.11 * sigma((i - 13) / 3), 0),
      10,
    );
    expect(optimiseThreshold([{ file: other, scores: flat }], S)).toEqual({ threshold: Infinity, raw: 0 });
  });

  it('holds each group out: its threshold is optimised on the other groups only', () => {
    const g: LabelledFile = { key: 'b/g.csv', rows: 20, windows: [[10, 13]] };
    const files = [
      { file: { ...FILE, key: 'a/f.csv' }, scores: at([]).map((_, i) => (i === 10 ? 0.9 : 0.1)) },
      { file: g, scores: at([]).map((_, i) => (i === 10 ? 0.6 : i === 5 ? 0.8 : 0.1)) },
    ];
    // Fitted on both files, 0.6 hits both windows for one false positive: 1 + 1 - 0.11.
    expect(optimiseThreshold(files, S)).toEqual({ threshold: 0.6, raw: 1.89 });
    // Held out: a's threshold comes from g alone (0.6: the hit outweighs the false positive at 0.8),
    // so a is hit (+1); g's comes from a alone (0.9), at which g's 0.6 misses its window (-1).
    const held = heldOutScore(files, S, (f) => f.key.split('/')[0]!);
    expect(held.groups).toEqual([
      { group: 'a', threshold: 0.6, raw: 1 },
      { group: 'b', threshold: 0.9, raw: -1 },
    ]);
    expect(held.score).toBe(50); // raw 0 over two windows: halfway between null (-2) and perfect (+2)
  });

  it('counts alarm events: merged within 12 rows, recounted every 48, hits by window', () => {
    const big: LabelledFile = { key: 'c.csv', rows: 1000, windows: [[500, 540]] };
    const det = [200, 205, 216, 300, 510, 512, 700, ...Array.from({ length: 100 }, (_, k) => 800 + k)];
    const m = eventMetrics([{ file: big, scores: at(det, 1000) }], 0.5);
    // Alarms: {200,205,216} one event; {300}; {510,512} inside the window (a hit); {700};
    // 800–899: 100 rows → pieces of 48 → 3 false alarms.
    expect(m).toMatchObject({ windows: 1, hit: 1, falseEvents: 6 });
    expect(m.precision).toBeCloseTo(1 / 7, 10);
    expect(m.recall).toBe(1);
    expect(m.f1).toBeCloseTo((2 * (1 / 7)) / (1 / 7 + 1), 10);
  });

  it('maps window timestamps to rows and refuses windows that are not on rows', () => {
    const ts = ['2014-04-10 07:15:00', '2014-04-10 07:20:00', '2014-04-10 07:25:00'];
    expect(windowRows(ts, [['2014-04-10 07:20:00.000000', '2014-04-10 07:25:00.000000']])).toEqual([[1, 2]]);
    expect(() => windowRows(ts, [['2014-04-10 07:21:00', '2014-04-10 07:25:00']])).toThrow(/not on rows/);
  });
});
