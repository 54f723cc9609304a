import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { pairUp, pearson } from '../../../src/bot/answer-correlate.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const STEP = 30_000;
const N = 600;
const TARGETS = [{ name: 'api-1' }, { name: 'web-1' }];

/** api-1: cpu a random walk, latency following cpu's changes two samples later; web-1: cpu independent noise. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const u = createRng(7);
  const rnd = () => gaussianFrom(u(), u());
  const cpu: number[] = [];
  for (let k = 0; k < N; k++) cpu.push((cpu[k - 1] ?? 50) + rnd());
  const ts = (k: number) => NOW - (N - k) * STEP;
  store.saveSamples(cpu.map((value, k) => ({ target: 'api-1', metric: 'cpu', ts: ts(k), value })));
  store.saveSamples(
    cpu.map((_, k) => ({ target: 'api-1', metric: 'latency_ms', ts: ts(k), value: 100 + 5 * (cpu[k - 2] ?? 50) + 0.2 * rnd() })),
  );
  // A source a few seconds off the first: still paired on the same slots.
  store.saveSamples(cpu.map((_, k) => ({ target: 'web-1', metric: 'cpu', ts: ts(k) + 4_000, value: 40 + rnd() })));
  return { store, targets: TARGETS, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('pearson and pairUp', () => {
  it('computes r by hand-checked cases and refuses a series that does not vary', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
    // x = 1..4, y = 1,3,2,4: sxy = 4, sxx = syy = 5 → 0.8.
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeUndefined();
  });

  it('pairs samples on the first series’ spacing, and leaves out slots only one side has', () => {
    const s = (ts: number, value: number) => ({ target: 't', metric: 'm', ts, value });
    const { pairs, stepMs } = pairUp([s(0, 1), s(30_000, 2), s(60_000, 3)], [s(2_000, 10), s(61_000, 30)]);
    expect(stepMs).toBe(30_000);
    expect(pairs).toEqual([
      { slot: 0, x: 1, y: 10 },
      { slot: 2, x: 3, y: 30 },
    ]);
  });
});

describe('"does cpu correlate with latency on api-1?"', () => {
  it('gives r of the levels and of the changes, and finds the lag at which the changes agree', () => {
    const lines = ask('does cpu correlate with latency on api-1?');
    expect(lines[0]).toMatch(
      /^api-1 CPU and latency over the last 6 h \(600 paired samples\): levels r = 0\.9\d \(strong\), rising and falling together\.$/,
    );
    // Latency follows cpu two samples late, so unshifted changes barely agree.
    expect(lines[1]).toMatch(/^Their changes sample to sample: r = -?0\.\d\d \(weak\)\.$/);
    expect(lines[2]).toMatch(
      /^Shifted: the changes agree best with latency after CPU by 2 samples \(about 60 s\): r = (?:0\.9\d|1\.00)\.$/,
    );
    expect(lines[3]).toMatch(/^Levels that both drift/);
  });

  it('pairs one metric on two targets, ranks each target for a fleet question, and asks when two series are not named', () => {
    expect(ask('correlation between api-1 and web-1 cpu')[0]).toMatch(
      /^api-1 and web-1 CPU over the last 6 h \(600 paired samples\): levels r = -?0\.\d\d \(weak\)\.$/,
    );
    const fleet = ask('does cpu correlate with latency?');
    expect(fleet[0]).toBe("CPU against latency over the last 6 h, per target (Pearson's r; strongest agreement of changes first):");
    expect(fleet[3]).toMatch(/^api-1 +600 +0\.9\d +-?0\.\d\d$/);
    expect(fleet).toHaveLength(6);
    expect(ask('correlate')[0]).toMatch(/^Correlate which two\? /);
    // One metric alone is set against the others of each target (answer-cross-correlate.ts).
    expect(ask('correlate cpu')[0]).toMatch(/^Strongest: api-1 CPU and api-1 latency change together/);
    expect(ask('does cpu correlate with latency on db-9?')[0]).toMatch(/^I don't know a target called "db-9"/);
    expect(ask('correlate web-1 cpu and latency')[0]).toBe(
      'Too few paired samples for web-1 CPU and latency over the last 6 h (0; I need 20).',
    );
  });
});
