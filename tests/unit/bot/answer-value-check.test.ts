import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { inAskersZone } from '../../../src/bot/typed-zone.js';

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

describe('a value at a time of day that was asked', () => {
  // Four days of web-1 CPU, every 5 min: 80% from 03:00 to 04:00 UTC each day, 20% otherwise. NOW is 12:00.
  function fourDays(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    for (let ts = NOW - 4 * 86_400_000; ts <= NOW; ts += 300_000)
      samples.push({ target: 'web-1', metric: 'cpu', ts, value: new Date(ts).getUTCHours() === 3 ? 80 : 20 });
    store.saveSamples(samples);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }

  it('reads "at 3am" as that hour of every day, and a range without a date as that part of each day', () => {
    expect(parseIntent('is 40% cpu normal at 3am for web-1?', targets)).toEqual({
      kind: 'value_check',
      metric: 'cpu',
      value: 40,
      target: 'web-1',
      ofDay: { from: { minute: 180 }, until: { minute: 240 } },
    });
    expect(parseIntent('is 40% cpu ok on web-1 between 23:00 and 01:00?', targets)).toMatchObject({
      ofDay: { from: { minute: 1380 }, until: { minute: 60 } },
    });
    // A dated time is those readings, as before.
    expect(parseIntent('is 40% cpu normal at 3pm yesterday for web-1?', targets)).toMatchObject({ span: { kind: 'clock' } });
  });

  it("places the value among that part of the days only, and leaves out the detector's range of now", () => {
    const c = fourDays();
    c.detectors = {
      inspect: () => ({ robust: { samples: 500, warmUp: 60, expectedLow: 18, expectedHigh: 22, minDeviation: 6 } }),
    } as unknown as AnswerContext['detectors'];
    const at3 = answerIntent(parseIntent('is 80% cpu normal at 3am for web-1?', targets), c);
    // 80% is every 3am reading: usual then, while over the whole week it would be unusually high.
    expect(at3).toMatch(
      /^80\.0% CPU is within what web-1 usually shows: 0% of its 48 readings over the last 7 d between 03:00 and 04:00 UTC \(4 days\) were lower, 100% the same/,
    );
    expect(at3).not.toMatch(/robust detector/);
    expect(answerIntent(parseIntent('is 80% cpu normal at noon for web-1?', targets), c)).toMatch(
      /^80\.0% CPU is unusually high for web-1: above all of its \d+ readings over the last 7 d between 12:00 and 13:00 UTC/,
    );
    // Without a time asked the detector's range of now is given.
    expect(answerIntent(parseIntent('is 80% cpu normal for web-1?', targets), c)).toMatch(/robust detector takes 18\.0%–22\.0%/);
  });

  it("reads the time of day on the asker's clock, and the hour of now too", () => {
    const c = { ...fourDays(), zone: 'Asia/Kolkata' };
    // 03:00–04:00 UTC is 08:30–09:30 in Kolkata: "at 8:30" there is half busy (08:30–09:00 local = 03:00–03:30 UTC).
    const q = inAskersZone(parseIntent('is 80% cpu normal at 9am for web-1?', targets), 'Asia/Kolkata');
    const reply = answerIntent(q, c);
    expect(reply).toMatch(/between 09:00 and 10:00 Asia\/Kolkata \(\d days\)/);
    // 09:00–09:30 local is 03:30–04:00 UTC (80%), 09:30–10:00 is 04:00–04:30 UTC (20%): half the readings.
    expect(reply).toMatch(/within what web-1 usually shows: 50% of its \d+ readings/);
  });
});
