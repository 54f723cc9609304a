import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 3, 30, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'web-2' }];

/** Three days, every 10 min: web-1 CPU is the UTC hour + 5 (5% at 00:xx to 28% at 23:xx), web-2 50%; network in 1 and 3 kB/s. */
function ctx(zone?: string): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let ts = NOW - 3 * 24 * H; ts <= NOW; ts += 600_000) {
    const hour = new Date(ts).getUTCHours();
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: hour + 5 });
    samples.push({ target: 'web-2', metric: 'cpu', ts, value: 50 });
    samples.push({ target: 'web-1', metric: 'net_in', ts, value: 1000 });
    samples.push({ target: 'web-2', metric: 'net_in', ts, value: 3000 });
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000, ...(zone ? { zone } : {}) };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('"hourly cpu for web-1", "daily average cpu this week"', () => {
  it('reads a row an hour or a day, with a metric named, and leaves rankings and digests alone', () => {
    expect(parseIntent('hourly cpu for web-1', targets)).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-1', every: 'hour' });
    expect(parseIntent('cpu per day this week on web-1', targets)).toMatchObject({ every: 'day', span: { kind: 'last' } });
    expect(parseIntent('the busiest hour yesterday', targets)).toMatchObject({ byHour: 'max' });
    expect(parseIntent('daily digest', targets).kind).toBe('anomalies');
    expect(parseIntent('alerts per day', targets).kind).toBe('anomalies');
  });

  it('lists the hours in time order with the mean, the highest and the lowest reading', () => {
    const lines = ask('cpu on web-1 every hour today');
    expect(lines[0]).toBe('CPU today (UTC), web-1, hour by hour (UTC): the mean, and the highest and lowest reading.');
    expect(lines.slice(3, 7).map((l) => l.split(/ {2,}/))).toEqual([
      ['00:00', '5.0%', '5.0%', '5.0%'],
      ['01:00', '6.0%', '6.0%', '6.0%'],
      ['02:00', '7.0%', '7.0%', '7.0%'],
      ['03:00 (so far)', '8.0%', '8.0%', '8.0%'],
    ]);
  });

  it('averages across targets, or sums network rates, and names whose reading was highest and lowest', () => {
    const days = ask('daily average cpu this week');
    expect(days[0]).toBe(
      'CPU over the last 7 d, the fleet, day by day (UTC): the mean across targets, and the highest and lowest reading.',
    );
    // 2026-12-04: web-1 averages 16.5% (5..28), web-2 50%: 33.3%.
    expect(days.find((l) => l.startsWith('2026-12-04'))!.split(/ {2,}/)).toEqual(['2026-12-04', '33.3%', '50.0% web-2', '5.0% web-1']);
    expect(
      ask('daily network in this week')
        .find((l) => l.startsWith('2026-12-04'))!
        .split(/ {2,}/)[1],
    ).toBe('4.0 kB/s');
  });

  it("cuts days on the asker's clock, and keeps the latest rows of a long window", () => {
    const zoned = ask('daily cpu for web-1 this week', ctx('Asia/Kolkata'));
    expect(zoned[0]).toMatch(/day by day \(Asia\/Kolkata\)/);
    expect(zoned.at(-2)).toMatch(/^2026-12-06 \(so far\)/);
    // Kolkata is 5 h 30 min ahead: its 05:00 hour is 23:30–00:30 UTC, half 28% (23:xx) and half 5% (00:xx).
    const kolkata = ask('hourly cpu for web-1 today', ctx('Asia/Kolkata'));
    expect(kolkata[0]).toMatch(/hour by hour \(Asia\/Kolkata\)/);
    expect(kolkata.find((l) => l.startsWith('05:00'))!.split(/ {2,}/)).toEqual(['05:00', '16.5%', '28.0%', '5.0%']);
    const hours = ask('hourly cpu on web-1 this week');
    expect(hours.at(-1)).toMatch(/^The last 48 of \d+ hours shown; ask for a shorter time for the rest\.$/);
  });
});
