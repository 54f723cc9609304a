import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const STEP = 30_000;
const N = 240;
/** The anomaly: samples 200 to 219 (10 min), ended 10 min before now. */
const [FROM, TO] = [200, 220];
const ts = (k: number) => NOW - (N - k) * STEP;

/**
 * api-1: CPU near 30% that jumps to 95% for ten minutes; network in near 1 MB/s that doubles with it,
 * each step of it following CPU's; memory near 50% that does not move. db-1: memory near 70%.
 */
function ctx(): AnswerContext & { netIn: number[]; mem: number[] } {
  const store = createSqliteStore(':memory:');
  const u = createRng(11);
  const rnd = () => gaussianFrom(u(), u());
  const during = (k: number) => k >= FROM && k < TO;
  const cpu = Array.from({ length: N }, (_, k) => (during(k) ? 95 : 30) + rnd());
  const netIn = cpu.map((v) => 1e6 + (v - 30) * 16_000 + 2_000 * rnd());
  const mem = Array.from({ length: N }, () => 50 + 0.5 * rnd());
  const save = (target: string, metric: string, xs: number[]) =>
    store.saveSamples(xs.map((value, k) => ({ target, metric, ts: ts(k), value })));
  save('api-1', 'cpu', cpu);
  save('api-1', 'net_in', netIn);
  save('api-1', 'memory', mem);
  save(
    'db-1',
    'memory',
    Array.from({ length: N }, () => 70 + 0.5 * rnd()),
  );
  store.upsertAnomaly(
    resolvedAnomaly('an_cpu1', NOW, {
      target: 'api-1',
      metric: 'cpu',
      key: 'api-1|cpu|threshold',
      startTs: ts(FROM),
      endTs: ts(TO),
      peak: 97,
    }),
  );
  return {
    store,
    targets: [
      { name: 'api-1', role: 'api' },
      { name: 'db-1', role: 'db' },
    ],
    now: NOW,
    staleAfterMs: 90_000,
    netIn,
    mem,
  };
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('"is it the network?" about an anomaly', () => {
  it('says which figure moved with it, by how much against its scatter before, and that moving together is no cause', () => {
    const c = ctx();
    const lines = ask('is it the network?', c);
    expect(lines[0]).toBe('Did network on api-1 move with an_cpu1 [warning] api-1 CPU (2026-12-05 11:40:00 UTC for 10 min)?');
    // Network in doubled with it, and its steps followed CPU's.
    const [before, open] = [mean(c.netIn.slice(FROM - 60, FROM)), mean(c.netIn.slice(FROM, TO + 1))];
    expect(lines[1]).toMatch(/^• network in moved with it: up /);
    expect(lines[1]).toContain(`(+${Math.round(((open - before) / before) * 100)}%)`);
    expect(Number(/r = (-?[\d.]+)\.$/.exec(lines[1]!)![1])).toBeGreaterThan(0.9);
    // Network out has no readings there: said, not guessed.
    expect(lines[2]).toBe('• network out: too few readings on api-1 around it (0 before, 0 while open) to say.');
    expect(lines.at(-1)).toMatch(/^Moving together is a lead, not a cause: /);

    const memory = ask('could it be memory?', c);
    expect(memory[1]).toMatch(
      /^• memory did not move beyond its usual scatter: 5\d\.\d% on average in the 30 min before, 5\d\.\d% while it was open /,
    );
    expect(Number(/, ([\d.]+)× its scatter before/.exec(memory[1]!)![1])).toBeLessThan(1.5);
    // Another host's figure is read there, against the same anomaly.
    expect(ask('was it the db-1 memory?', c)[0]).toBe(
      'Did memory on db-1 move with an_cpu1 [warning] api-1 CPU (2026-12-05 11:40:00 UTC for 10 min)?',
    );
    // Its own metric is the anomaly itself.
    expect(ask('is it cpu?', c)[0]).toMatch(
      /^an_cpu1 \[warning\] api-1 CPU \(.*\) is itself a CPU anomaly: "explain an_cpu1" says what its detector saw/,
    );
    expect(ask('is an_nope related to memory?', c)).toEqual(['No anomaly an_nope is kept ("anomalies" lists them).']);
  });

  it('is asked only of a figure, and not of several hosts at once', () => {
    const targets = [{ name: 'web-1' }, { name: 'api-1' }];
    expect(parseIntent('is it the network?', targets)).toEqual({ kind: 'around', part: 'suspect', it: true, metric: 'network' });
    expect(parseIntent('is the network the cause?', targets)).toMatchObject({ kind: 'around', part: 'suspect' });
    expect(parseIntent('is it the network on web-1 or api-1?', targets)).toMatchObject({ kind: 'metrics' });
    expect(parseIntent('is it still open?', targets)).toMatchObject({ kind: 'explain', it: true });
  });
});
