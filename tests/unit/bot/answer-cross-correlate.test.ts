import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const STEP = 30_000;
const N = 600;
const TARGETS = [
  { name: 'api-1', role: 'api' },
  { name: 'api-2', role: 'api' },
  { name: 'db-1', role: 'db' },
];

/** db-1 cpu a random walk; api-1 latency follows its changes one sample later; api-2 latency and db-1 memory are noise. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const u = createRng(11);
  const rnd = () => gaussianFrom(u(), u());
  const cpu: number[] = [];
  for (let k = 0; k < N; k++) cpu.push((cpu[k - 1] ?? 50) + rnd());
  const ts = (k: number) => NOW - (N - k) * STEP;
  const save = (target: string, metric: string, value: (k: number) => number) =>
    store.saveSamples(cpu.map((_, k) => ({ target, metric, ts: ts(k), value: value(k) })));
  save('db-1', 'cpu', (k) => cpu[k]!);
  save('db-1', 'memory', () => 60 + rnd());
  save('api-1', 'latency_ms', (k) => 100 + 4 * (cpu[k - 1] ?? 50) + 0.2 * rnd());
  save('api-2', 'latency_ms', () => 120 + rnd());
  return { store, targets: TARGETS, now: NOW, staleAfterMs: 90_000 };
}
const parse = (q: string) => parseIntent(q, TARGETS);
const ask = (q: string, c = ctx()) => answerIntent(parse(q), c).split('\n');

describe('one metric on some targets against another on others', () => {
  it('reads the two sides from the words that join them', () => {
    expect(parse('correlate api latency with db cpu')).toMatchObject({
      kind: 'correlate',
      cross: [
        { targets: ['api-1', 'api-2'], metric: 'latency' },
        { targets: ['db-1'], metric: 'cpu' },
      ],
    });
    expect(parse('does db-1 cpu drive api-1 latency?')).toMatchObject({
      cross: [
        { targets: ['db-1'], metric: 'cpu' },
        { targets: ['api-1'], metric: 'latency' },
      ],
    });
    // Asked as a cause with no metric on one side: every metric there.
    expect(parse('is db-1 the cause of api latency?')).toMatchObject({ cross: [{ targets: ['db-1'] }, { metric: 'latency' }] });
    expect((parse('is db-1 the cause of api latency?') as { cross: object[] }).cross[0]).toEqual({ targets: ['db-1'] });
  });

  it('keeps what one target or one metric on two targets asks as before, and a cause on one host its explanation', () => {
    expect(parse('does cpu correlate with latency on api-1?')).toEqual({ kind: 'correlate', metrics: ['cpu', 'latency'], target: 'api-1' });
    expect(parse('correlation between api-1 and api-2 latency')).toEqual({
      kind: 'correlate',
      metrics: ['latency'],
      group: ['api-1', 'api-2'],
    });
    expect(parse("what's causing high cpu on db-1?")).toMatchObject({ kind: 'explain', target: 'db-1', metric: 'cpu' });
  });

  it('ranks each pair by how well their changes agree, with the lag, and says which pair leads', () => {
    const lines = ask('correlate api latency with db cpu');
    expect(lines[0]).toMatch(
      /^Strongest: api-1 latency and db-1 CPU change together, db-1 CPU first by 30 s \(r = (?:0\.9\d|1\.00), the same way\)\.$/,
    );
    expect(lines[1]).toBe("api-1, api-2 latency against db-1 CPU over the last 6 h (Pearson's r; strongest agreement of changes first):");
    const rows = lines.slice(4, 6);
    expect(rows[0]).toMatch(/^api-1 latency +db-1 CPU +600 +(?:0\.9\d|1\.00) +-?0\.\d\d +30 s before$/);
    expect(rows[1]).toMatch(/^api-2 latency +db-1 CPU +600 /);
  });

  it('answers a cause with every metric of the side that named none, and says when nothing ties them', () => {
    const lines = ask('is db-1 the cause of api-2 latency?');
    expect(lines[0]).toMatch(
      /^No pair's changes agree more than weakly \(the strongest, db-1 (?:CPU|memory) against api-2 latency: r = -?0\.\d\d\)/,
    );
    expect(lines.filter((l) => /^db-1 (?:CPU|memory) +api-2 latency/.test(l))).toHaveLength(2);
    const one = ask('is api-1 latency related to db-1 cpu?');
    expect(one[0]).toMatch(/^api-1 latency and db-1 CPU over the last 6 h \(600 paired samples\): levels r = (?:0\.9\d|1\.00) \(strong\)/);
    expect(one).toContainEqual(
      expect.stringMatching(
        /^Shifted: the changes agree best with db-1 CPU after api-1 latency by 1 sample \(about 30 s\), that is, the other way round: r = (?:0\.9\d|1\.00)\.$/,
      ),
    );
    expect(one.at(-1)).toMatch(/^Levels that both drift/);
  });

  it('says so when the two sides share too few samples', () => {
    const c = ctx();
    expect(ask('correlate api-1 latency with db-1 disk', c)).toEqual([
      'No two series of api-1 latency against db-1 disk have 20 paired samples over the last 6 h.',
    ]);
  });
});

describe('what moves with one metric', () => {
  it('ranks each other metric of the same target against it: "what correlates with cpu on db-1?"', () => {
    expect(parse('what correlates with cpu on db-1?')).toEqual({
      kind: 'correlate',
      metrics: ['cpu'],
      cross: [{ targets: ['db-1'], metric: 'cpu' }, { targets: ['db-1'] }],
    });
    expect(parse('which metric moves with latency?')).toMatchObject({
      cross: [{ targets: ['api-1', 'api-2', 'db-1'], metric: 'latency' }, {}],
    });
    // db-1's only other metric is memory, which is noise: nothing agrees, and api-1's latency (another target) is never paired.
    const lines = ask('what correlates with cpu on db-1?');
    expect(lines[0]).toMatch(/^No pair's changes agree more than weakly \(the strongest, db-1 CPU against db-1 memory: r = /);
    expect(lines[1]).toBe(
      "db-1 CPU against each other metric of the same target over the last 6 h (Pearson's r; strongest agreement of changes first):",
    );
    expect(lines.join('\n')).not.toMatch(/api-1/);
  });

  it('never sets a series against itself, when "network" stands for network in', () => {
    const c = ctx();
    const walk = (k: number) => 1000 + 10 * Math.sin(k / 7) + (k % 5);
    c.store.saveSamples(
      Array.from({ length: N }, (_, k) => ({ target: 'db-1', metric: 'net_in', ts: NOW - (N - k) * STEP, value: walk(k) })),
    );
    const lines = ask('what correlates with network on db-1?', c);
    expect(lines.filter((l) => /^db-1 network in +db-1 network in /.test(l))).toEqual([]);
    expect(lines.some((l) => /^db-1 network in +db-1 CPU /.test(l))).toBe(true);
  });
});
