import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'api-1' }];

/** A day of web-1 CPU at 10–29% (each value 12 times an hour's worth), and api-1 latency at 100 ms with one 900 ms. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let k = 0; k < 2000; k++) {
    const ts = NOW - k * 30_000;
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: 10 + (k % 20) });
    samples.push({ target: 'api-1', metric: 'latency_ms', ts, value: k === 7 ? 900 : 100 });
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx());

describe('"is 40% cpu normal for web-1?"', () => {
  it('reads the value, the metric (or latency from "ms") and the target', () => {
    expect(parseIntent('is 40% cpu normal for web-1?', targets)).toEqual({
      kind: 'value_check',
      metric: 'cpu',
      value: 40,
      target: 'web-1',
    });
    expect(parseIntent('is 300 ms high for api-1?', targets)).toMatchObject({ kind: 'value_check', metric: 'latency', value: 300 });
    expect(parseIntent('is 5 mb/s a lot for web-1 network in?', targets)).toMatchObject({ metric: 'net_in', value: 5e6 });
    expect(parseIntent('is db-1 ok?', targets).kind).not.toBe('value_check');
    expect(parseIntent('is it normal for web-1 cpu to be 40%?', targets)).toEqual({
      kind: 'value_check',
      metric: 'cpu',
      value: 40,
      target: 'web-1',
    });
  });

  it('places it among the series own readings: high, low or within', () => {
    expect(ask('is 40% cpu normal for web-1?')).toBe(
      '40.0% CPU is unusually high for web-1: above all of its 2000 readings over the last 7 d (median 19.0%; the middle 90% 10.0%–28.0%; highest 29.0%).',
    );
    expect(ask('is 5% cpu ok for web-1?')).toMatch(/^5\.0% CPU is unusually low for web-1: below all of its 2000 readings/);
    expect(ask('is 20% cpu normal for web-1?')).toMatch(
      /^20\.0% CPU is within what web-1 usually shows: 50% of its 2000 readings over the last 7 d were lower /,
    );
    // One 900 ms reading does not make 900 ms usual.
    expect(ask('is 900 ms latency normal for api-1?')).toMatch(
      /^900 ms latency is unusually high for api-1: above all but 1 of its 2000 readings .*highest 900 ms\)\.$/,
    );
    expect(ask('is 40% cpu normal for api-1?')).toBe(
      'No CPU readings for api-1 over the last 7 d, so I cannot say whether 40.0% is usual there.',
    );
  });
});

describe('a value at this hour of the day', () => {
  it('is also placed among the same hour over the days kept, when there are three days or more', () => {
    // Four days of web-1 CPU, every 5 min: 80% from 12:00 to 13:00 UTC each day, 20% otherwise. NOW is 12:00.
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    for (let ts = NOW - 4 * 86_400_000; ts <= NOW; ts += 300_000)
      samples.push({ target: 'web-1', metric: 'cpu', ts, value: new Date(ts).getUTCHours() === 12 ? 80 : 20 });
    store.saveSamples(samples);
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const lines = answerIntent(parseIntent('is 80% cpu normal for web-1?', targets), c).split('\n');
    // Unusual for the week, usual for noon.
    expect(lines[0]).toMatch(/^80\.0% CPU is unusually high for web-1/);
    expect(lines[1]).toBe(
      'At this hour of the day (12:00–13:00 UTC, over 5 days) it runs a median 80.0%, the middle 90% 80.0%–80.0%: 80.0% is within that.',
    );
    // One day is not enough to speak of an hour of the day.
    expect(answerIntent(parseIntent('is 80% cpu normal for web-1?', targets), ctx())).not.toMatch(/At this hour/);
  });
});
