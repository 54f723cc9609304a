import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { parseStat } from '../../../src/bot/parse-time-span.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'web-2' }];

// The last hour at one sample a minute: web-1 CPU cycles 10, 20, …, 100 (std dev √825 ≈ 28.7,
// mean 55); web-2 is flat at 40. web-1 latency is 100 ms but for three 400 ms readings: 5 %, so the
// nearest-rank p95 (the 57th of 60) is still 100 ms and the p99 400 ms.
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples = Array.from({ length: 60 }, (_, i) => {
    const ts = NOW - (59 - i) * 60_000;
    return [
      { target: 'web-1', metric: 'cpu', ts, value: 10 * ((i % 10) + 1) },
      { target: 'web-2', metric: 'cpu', ts, value: 40 },
      { target: 'web-1', metric: 'latency_ms', ts, value: i % 20 === 0 ? 400 : 100 },
    ];
  }).flat();
  store.saveSamples(samples);
  return { store, targets, now: NOW + 5_000, staleAfterMs: 90_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('spread statistics', () => {
  it('are read from how people ask', () => {
    expect(parseStat('how variable is db-1 memory?')).toBe('sd');
    expect(parseStat('standard deviation of cpu')).toBe('sd');
    expect(parseStat('is web-2 cpu stable?')).toBe('sd');
    expect(parseStat('latency jitter')).toBe('sd');
    expect(parseStat('which host has the most variable cpu')).toBe('sd');
    expect(parseStat('api-1 latency percentiles')).toBe('quantiles');
    expect(parseStat('p95 latency')).toBe('p95');
    expect(parseStat('peak cpu')).toBe('max');
  });

  it('give one target its standard deviation over the last hour, against its average', () => {
    expect(ask('how variable is web-1 cpu?')).toMatch(
      /^web-1 CPU over the last 60 min: std dev 28\.7% \(52% of its average\), peak 100\.0% at .*, average 55\.0%, lowest 10\.0% at /,
    );
    expect(ask('is web-2 cpu stable?')).toMatch(/^web-2 CPU over the last 60 min: std dev 0\.0% \(0% of its average\), /);
  });

  it('give percentiles together, said to be of the readings', () => {
    const r = ask('web-1 latency percentiles').split('\n');
    expect(r[0]).toMatch(/^web-1 latency over the last 60 min: p50 100 ms, p90 100 ms, p95 100 ms, p99 400 ms, peak 400 ms at /);
    expect(r[1]).toBe('(Percentiles of the stored latency readings, one per sample: not percentiles over individual requests.)');
  });

  it('rank the fleet by spread, the most variable first', () => {
    const r = ask('which host has the most variable cpu over the last hour?').split('\n');
    expect(r[0]).toBe('Most variable CPU over the last 60 min: web-1 std dev 28.7%.');
    expect(r.slice(3, 5).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['web-1', '28.7%'],
      ['web-2', '0.0%'],
    ]);
  });

  it('rank the most stable first when asked for the steadiest', () => {
    const r = ask('which host is the most stable?').split('\n');
    expect(r[0]).toBe('Least variable CPU over the last 60 min: web-2 std dev 0.0%.');
    expect(r.slice(3, 5).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['web-2', '0.0%'],
      ['web-1', '28.7%'],
    ]);
    expect(parseIntent('steadiest latency today', targets)).toMatchObject({ stat: 'sd', lowFirst: true });
    expect(parseIntent('is web-2 cpu stable?', targets)).not.toHaveProperty('lowFirst');
  });
});
