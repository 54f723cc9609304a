import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

// 03:20 UTC on 2026-12-04: today has three hours and a bit; yesterday is whole.
const NOW = Date.UTC(2026, 11, 4, 3, 20, 0);
const DAY0 = Date.UTC(2026, 11, 4);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'web-2' }, { name: 'db-1' }];
const s = (target: string, metric: string, ts: number, value: number): Sample => ({ target, metric, ts, value });

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  // Every 5 min from yesterday 00:00. CPU: web-1 at 10 + the hour of day, web-2 at 20 with a spike to
  // 90 at 14:05 yesterday; db-1 reports nothing before 02:00 today. Network in: web-1 1 MB/s, 3 MB/s
  // from 01:00 to 02:00 today.
  for (let ts = DAY0 - 86_400_000; ts <= NOW; ts += 300_000) {
    const hour = new Date(ts).getUTCHours();
    samples.push(s('web-1', 'cpu', ts, 10 + hour), s('web-2', 'cpu', ts, ts === DAY0 - 10 * H + 300_000 ? 90 : 20));
    samples.push(s('web-1', 'net_in', ts, ts >= DAY0 + H && ts < DAY0 + 2 * H ? 3e6 : 1e6));
    if (ts >= DAY0 + 2 * H) samples.push(s('db-1', 'cpu', ts, 70));
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 600_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('busiest and quietest hours', () => {
  it('reads the questions as hours ranked, CPU unless a metric is named', () => {
    expect(parseIntent('what was the busiest hour yesterday', targets)).toMatchObject({
      kind: 'metrics',
      metric: 'cpu',
      byHour: 'max',
      span: { kind: 'day', daysBack: 1 },
    });
    expect(parseIntent('quietest hour for network on web-1 today', targets)).toMatchObject({
      metric: 'network',
      target: 'web-1',
      byHour: 'min',
    });
    expect(parseIntent('which hour had the highest memory', targets)).toMatchObject({ metric: 'memory', byHour: 'max' });
    // Counting anomalies by hour is not a metric's hours.
    expect(parseIntent('which hour had the most anomalies today', targets).kind).toBe('anomalies');
  });

  it('ranks yesterday’s UTC hours by the mean across targets, with the hour’s highest reading', () => {
    // 23:00 yesterday: web-1 at 33, web-2 at 20, mean 26.5. At 14:00 web-2's spike to 90 lifts its hour
    // to 25.83 and the pair to 24.9, above 19:00's 24.5.
    expect(ask('what was the busiest hour yesterday')).toBe(
      [
        'Busiest hour for CPU yesterday (2026-12-03 UTC), the fleet (hourly mean across targets): 23:00–00:00 at 26.5%; its highest reading 33.0% on web-1 at 23:00:00 UTC.',
        '```',
        'hour (UTC)   CPU    highest reading  targets',
        '23:00–00:00  26.5%  33.0% web-1      2',
        '22:00–23:00  26.0%  32.0% web-1      2',
        '21:00–22:00  25.5%  31.0% web-1      2',
        '20:00–21:00  25.0%  30.0% web-1      2',
        '14:00–15:00  24.9%  90.0% web-2      2',
        '```',
        '24 hours with samples; the 5 highest shown.',
      ].join('\n'),
    );
  });

  it('says which targets are missing from some hours, and which hour is still running', () => {
    const r = ask('busiest hour today');
    // db-1 at 70 lifts 02:00 and 03:00 (so far), which it alone reported in.
    expect(r.split('\n')[0]).toBe(
      'Busiest hour for CPU today (UTC), the fleet (hourly mean across targets): 03:00–04:00 (so far) at 34.3%; its highest reading 70.0% on db-1 at 03:00:00 UTC.',
    );
    expect(r).toContain('Not in every hour, so those hours average fewer targets: db-1 (2 of 4).');
  });

  it('sums network rates for the fleet, takes one target’s own, and finds the quietest hour', () => {
    expect(ask('busiest hour for network in today').split('\n')[0]).toBe(
      'Busiest hour for network in today (UTC), the fleet (hourly mean, summed over targets): 01:00–02:00 at 3.00 MB/s; its highest reading 3.00 MB/s on web-1 at 01:00:00 UTC.',
    );
    expect(ask('quietest hour for cpu on web-1 yesterday').split('\n')[0]).toBe(
      'Quietest hour for CPU yesterday (2026-12-03 UTC), web-1 (hourly mean): 00:00–01:00 at 10.0%.',
    );
    expect(ask('busiest hour for latency today')).toBe('No latency samples today (UTC) for the fleet.');
  });
});

describe('the hours of the day over several days', () => {
  // Three days of web-1 CPU, one reading an hour: 80% at 14:00 each day, 20% otherwise, and a lone 95% at 03:00 on the first day.
  function week(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const start = DAY0 - 3 * 24 * H;
    const samples: Sample[] = [];
    for (let ts = start; ts < DAY0; ts += H) {
      const hour = new Date(ts).getUTCHours();
      samples.push(s('web-1', 'cpu', ts, hour === 14 ? 80 : ts === start + 3 * H ? 95 : 20));
    }
    store.saveSamples(samples);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }

  it('"when is web-1 cpu highest?" ranks hours of the day by their mean over the days, not single hours', () => {
    expect(parseIntent('when is web-1 cpu highest?', targets)).toMatchObject({ byHour: 'max', hourOfDay: true, span: { kind: 'last' } });
    expect(parseIntent("what's the busiest time of day?", targets)).toMatchObject({ metric: 'cpu', byHour: 'max', hourOfDay: true });
    expect(parseIntent('quietest time of day for web-1', targets)).toMatchObject({ byHour: 'min', hourOfDay: true });
    const lines = ask('when is web-1 cpu highest?', week()).split('\n');
    expect(lines[0]).toMatch(
      /^Busiest hour of the day \(UTC; each hour's mean over the 3 days with samples\) for CPU over the last 7 d, web-1 \(hourly mean\): 14:00–15:00 at 80\.0%\.$/,
    );
    // 03:00 averages its one 95% with two 20%s: 45%, second, never the top.
    expect(lines[4]).toMatch(/^03:00–04:00 +45\.0% +95\.0%$/);
  });

  it('dates each hour when a window of single hours spans more than a day', () => {
    const lines = ask('busiest hour for web-1 cpu over the last 4 days', week()).split('\n');
    expect(lines[0]).toMatch(/: 2026-12-01 03:00–04:00 at 95\.0%\.$/);
    expect(lines[4]).toMatch(/^2026-12-01 14:00–15:00 +80\.0%/);
  });
});

describe("the busiest hour on the asker's clock", () => {
  it('ranks the hours of the display zone, and says which zone', () => {
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    // Three days of web-1 CPU every 5 min: 80% from 14:00 to 15:00 UTC, 20% otherwise.
    for (let ts = NOW - 3 * 86_400_000; ts <= NOW; ts += 300_000)
      samples.push({ target: 'web-1', metric: 'cpu', ts, value: new Date(ts).getUTCHours() === 14 ? 80 : 20 });
    store.saveSamples(samples);
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000, zone: 'Asia/Tokyo' };
    // 14:00 UTC is 23:00 in Tokyo.
    expect(answerIntent(parseIntent('when is web-1 cpu highest?', targets), c).split('\n')[0]).toMatch(
      /^Busiest hour of the day \(Asia\/Tokyo; each hour's mean over the \d days with samples\) .*: 23:00–00:00 at 80\.0%\.$/,
    );
  });
});
