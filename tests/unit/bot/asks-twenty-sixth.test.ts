import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { findCalendarSpan } from '../../../src/bot/parse-calendar.js';
import { rangeTs } from '../../../src/bot/parse-clock.js';
import { inAskersZone } from '../../../src/bot/typed-zone.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const ask = (q: string, c: AnswerContext) => answerIntent(inAskersZone(parseIntent(q, c.targets), c.zone), c).split('\n');

/** Watched since `watched`, with anomalies starting at each of `starts`. */
function ctx(watched: number, starts: number[], zone?: string): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setKv(WATCHING_SINCE, String(watched));
  starts.forEach((startTs, n) => store.upsertAnomaly(resolvedAnomaly(`an_m${n}`, NOW, { startTs, endTs: startTs + 10 * 60_000 })));
  return { store, targets, now: NOW, staleAfterMs: 90_000, ...(zone ? { zone } : {}) };
}

/** The two ends of what `q` asks about, answered at `now`. */
function ends(q: string, now = NOW): [string, string] {
  const found = findCalendarSpan(q);
  if (!found || found.span.kind !== 'range') throw new Error(`no calendar span in "${q}"`);
  const r = rangeTs(found.span.from, found.span.until, now);
  return [new Date(r.from).toISOString(), new Date(r.until).toISOString()];
}

describe('calendar months and years', () => {
  it('reads "last month" as the month before this one and "this month" as since its 1st, where "the past month" stays 30 days', () => {
    expect(ends('alerts last month')).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(ends('the previous month')).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(ends('alerts this month')).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-07T12:00:00.000Z']);
    expect(ends('month to date')[0]).toBe('2026-12-01T00:00:00.000Z');
    // January's "last month" is December of the year before.
    expect(ends('last month', Date.UTC(2027, 0, 15))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    for (const q of ['cpu on web-1 over the past month', 'alerts in the last month', 'how many alerts the past month?'])
      expect(parseIntent(q, targets)).toMatchObject({ span: { kind: 'last', ms: 30 * D } });
  });

  it('reads a named month as its latest one, a month with a year as that one, and years', () => {
    expect(ends('alerts in november')).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    // December asked in December is this one, up to now; February asked in December is the last one.
    expect(ends('alerts during december')).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-07T12:00:00.000Z']);
    expect(ends('alerts in feb')).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    expect(ends('march 2025 alerts')).toEqual(['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z']);
    expect(ends('alerts since october')).toEqual(['2026-10-01T00:00:00.000Z', '2026-12-07T12:00:00.000Z']);
    expect(ends('alerts this year')).toEqual(['2026-01-01T00:00:00.000Z', '2026-12-07T12:00:00.000Z']);
    expect(ends('alerts last year')).toEqual(['2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(ends('alerts in 2025')).toEqual(['2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    // "May", "march" and a person called June are no months without a word that makes them one.
    expect(findCalendarSpan('may i see the alerts')).toBeUndefined();
    expect(findCalendarSpan('march the fix to prod')).toBeUndefined();
    expect(parseIntent('swap shifts with june', targets)).toMatchObject({ kind: 'on_call_swap', with: 'june' });
    expect(findCalendarSpan('latency over 2025 ms')).toBeUndefined();
  });

  it('reads two dates as whole days from the first to the last, and "since" a date as up to now', () => {
    expect(ends('anomalies between 2026-11-01 and 2026-11-15')).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-16T00:00:00.000Z']);
    expect(ends('alerts from 2026-12-05 to 2026-12-02')).toEqual(['2026-12-02T00:00:00.000Z', '2026-12-06T00:00:00.000Z']);
    expect(ends('alerts since 2026-12-05')).toEqual(['2026-12-05T00:00:00.000Z', '2026-12-07T12:00:00.000Z']);
    // With a time, the clock reading keeps it (parse-clock.ts).
    expect(findCalendarSpan('since 2026-12-05 10:00')).toBeUndefined();
    expect(parseIntent('alerts since 2026-12-05 10:00', targets)).toMatchObject({ span: { kind: 'range', from: { minute: 600 } } });
  });

  it("counts on the asker's calendar and names the month", () => {
    // 23:30 UTC on 30 November is 1 December in Tokyo.
    const c = ctx(Date.UTC(2026, 10, 1), [Date.UTC(2026, 10, 30, 23, 30), Date.UTC(2026, 10, 10)], 'Asia/Tokyo');
    expect(ask('how many alerts last month?', c)[0]).toBe('1 anomaly last month (November 2026, Asia/Tokyo), 0 open.');
    expect(ask('how many alerts this month?', c)[0]).toBe('1 anomaly this month (since 2026-12-01, Asia/Tokyo), 0 open.');
    const utc = ctx(Date.UTC(2026, 10, 1), [Date.UTC(2026, 10, 30, 23, 30), Date.UTC(2026, 10, 10)]);
    expect(ask('how many alerts in november?', utc)[0]).toBe('2 anomalies in November 2026 (UTC), 0 open.');
  });
});

describe('a time asked about from before I began watching', () => {
  it('says that none seen there is no evidence, and that a count covers only the watched part', () => {
    const c = ctx(NOW - 1 * D, [NOW - 2 * H]);
    expect(ask('how many alerts last month?', c)).toEqual([
      'No anomalies last month (November 2026, UTC).',
      'I began watching at 2026-12-06 12:00:00 UTC, after that, so I saw nothing of that time: this count says nothing about it.',
    ]);
    expect(ask('alerts on 2026-12-04', c)[1]).toMatch(/^I began watching at 2026-12-06 12:00:00 UTC, after that/);
    const month = ask('how many alerts this month?', c);
    expect(month[0]).toBe('1 anomaly this month (since 2026-12-01, UTC), 0 open.');
    expect(month).toContain(
      'I began watching only at 2026-12-06 12:00:00 UTC: nothing before that was seen, so the counts cover only the time since.',
    );
    expect(month.at(-1)).toBe('Ask without "how many" for the list.');
    // A list says it too; a span inside the watched time says nothing of it.
    expect(ask('alerts this month', c).at(-1)).toMatch(/^I began watching only at/);
    expect(ask('how many alerts in the last 6 hours?', c).join('\n')).not.toMatch(/began watching/);
    expect(ask('how many alerts today?', c).join('\n')).not.toMatch(/began watching/);
  });
});
