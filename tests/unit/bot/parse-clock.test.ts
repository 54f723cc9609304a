import { findTimeSpan } from '../../../src/bot/parse-time-span.js';
import { silenceWindow } from '../../../src/bot/silence-window.js';
import { describe, expect, it } from 'vitest';
import { clockTs, findClock, findUntil, untilTs } from '../../../src/bot/parse-clock.js';
import { rangeTs } from '../../../src/bot/range-ts.js';

// Asked at 11:49 UTC on Thursday 2026-12-03.
const NOW = Date.UTC(2026, 11, 3, 11, 49, 0);
const iso = (ts: number) => new Date(ts).toISOString().slice(0, 16);

/** What a phrase resolves to at NOW: an instant, a window, a refused zone, or nothing. */
function resolve(text: string): string | undefined {
  const f = findClock(text);
  if (!f) return undefined;
  if ('zone' in f) return `zone ${f.zone}`;
  if (f.span.kind === 'clock') return iso(clockTs(f.span.at, NOW));
  const r = rangeTs(f.span.from, f.span.until, NOW);
  return `${iso(r.from)}..${iso(r.until)}`;
}

describe('clock times in questions', () => {
  it.each([
    // An instant, on the latest day it has passed.
    ['cpu on web-1 at 10:00', '2026-12-03T10:00'],
    ['at 11:49', '2026-12-03T11:49'],
    ['at 15:00', '2026-12-02T15:00'],
    ['at 3pm', '2026-12-02T15:00'],
    ['at 12am', '2026-12-03T00:00'],
    ['at 12pm', '2026-12-02T12:00'],
    ['at noon', '2026-12-02T12:00'],
    ['at midnight', '2026-12-03T00:00'],
    ['around 4:15 p.m.', '2026-12-02T16:15'],
    ['at 10:00:30', '2026-12-03T10:00'],
    // A day named beside it.
    ['cpu yesterday at 3pm', '2026-12-02T15:00'],
    ['at 3pm yesterday', '2026-12-02T15:00'],
    ['today at 11:00', '2026-12-03T11:00'],
    ['today at 23:00', '2026-12-03T23:00'],
    ['2026-12-01 14:05', '2026-12-01T14:05'],
    ['2026-12-01 at 14:05', '2026-12-01T14:05'],
    ['2026-12-03t10:00:00z', '2026-12-03T10:00'],
    // Zones: UTC by default and when said; offsets are honoured.
    ['at 11:00 utc', '2026-12-03T11:00'],
    ['at 11:00 gmt', '2026-12-03T11:00'],
    ['at 9 utc', '2026-12-03T09:00'],
    ['at 10:00 +01:00', '2026-12-03T09:00'],
    ['at 10:00 utc+1', '2026-12-03T09:00'],
    ['at 6:30 -0500', '2026-12-03T11:30'],
    ['at 01:00 +02:00 today', '2026-12-02T23:00'],
  ])('%s → %s', (text, want) => {
    expect(resolve(text)).toBe(want);
  });

  it.each([
    ['anomalies since 09:30', '2026-12-03T09:30..2026-12-03T11:49'],
    ['since 2026-12-02 10:00', '2026-12-02T10:00..2026-12-03T11:49'],
    ['between 9 and 10am', '2026-12-03T09:00..2026-12-03T10:00'],
    ['cpu between 9 and 10 on web-1', '2026-12-03T09:00..2026-12-03T10:00'],
    ['between 09:00 and 10:30', '2026-12-03T09:00..2026-12-03T10:30'],
    ['from 1 to 3pm', '2026-12-02T13:00..2026-12-02T15:00'],
    // "11 to 1pm" is 11:00 to 13:00, not 23:00; the window is cut at now.
    ['between 11 and 1pm', '2026-12-03T11:00..2026-12-03T11:49'],
    ['from 22:00 to 02:00', '2026-12-02T22:00..2026-12-03T02:00'],
    ['yesterday between 22:00 and 02:00', '2026-12-02T22:00..2026-12-03T02:00'],
    ['10:00-11:00', '2026-12-03T10:00..2026-12-03T11:00'],
    ['at 10:00-11:00', '2026-12-03T10:00..2026-12-03T11:00'],
    ['anomalies on 2026-12-01', '2026-12-01T00:00..2026-12-02T00:00'],
    ['alerts from 9am', '2026-12-03T09:00..2026-12-03T11:49'],
    ['anomalies before 10:00', '2026-12-03T00:00..2026-12-03T10:00'],
    ['anomalies before 3pm', '2026-12-03T00:00..2026-12-03T11:49'],
    ['yesterday before 10:00', '2026-12-02T00:00..2026-12-02T10:00'],
  ])('%s → %s', (text, want) => {
    expect(resolve(text)).toBe(want);
  });

  it('refuses zone abbreviations instead of guessing their offset', () => {
    expect(resolve('cpu at 3pm pst')).toBe('zone pst');
    expect(resolve('at 10:00 cet')).toBe('zone cet');
    expect(resolve('at 10:00 CEST'.toLowerCase())).toBe('zone cest');
  });

  it('reads a time in a named zone on that zone’s clock and calendar, summer time included', () => {
    // 11:49 UTC is 12:49 in Berlin (winter, +1) and 06:49 in New York (−5); 20:49 in Tokyo.
    expect(resolve('cpu at 09:00 europe/berlin')).toBe('2026-12-03T08:00');
    expect(resolve('cpu at 9am in america/new_york')).toBe('2026-12-02T14:00');
    expect(resolve('yesterday at 3pm europe/berlin')).toBe('2026-12-02T14:00');
    expect(resolve('between 9 and 10am europe/london')).toBe('2026-12-03T09:00..2026-12-03T10:00');
    expect(resolve('since 08:00 asia/tokyo')).toBe('2026-12-02T23:00..2026-12-03T11:49');
    // In July Berlin is +2: the same words name another UTC hour.
    const july = findClock('on 2026-07-01 at 09:00 europe/berlin');
    expect(july && 'span' in july && july.span.kind === 'clock' ? iso(clockTs(july.span.at, NOW)) : undefined).toBe('2026-07-01T07:00');
    // The "am" of "america" is no meridiem. Etc/GMT+5 is five hours behind UTC, as IANA has it:
    // 06:49 there now, so 10:00 is yesterday's.
    expect(resolve('at 03:00 america/argentina/buenos_aires')).toBe('2026-12-03T06:00');
    expect(resolve('at 10:00 etc/gmt+5')).toBe('2026-12-02T15:00');
    // A name that is no zone is refused, never read as UTC.
    expect(resolve('at 10:00 mars/olympus')).toBe('zone mars/olympus');
    // A silence's end in a zone.
    const until = findUntil('snooze web-1 until 17:00 europe/berlin')!;
    expect(iso(untilTs(until, NOW))).toBe('2026-12-03T16:00');
  });

  it.each([
    'cpu at 90%',
    'at 9',
    'top 3 hosts',
    'web 1-2',
    'at 25:00',
    'at 10:61',
    'at 13pm',
    '2026-02-30 10:00',
    'cpu on web-1 an hour ago',
    'from 50 to 80',
    'us-west-2 at 5',
    'hosts with cpu between 5 and 10%',
    'show alerts from 2 to 5 alerts',
    'between 2 and 5 anomalies',
  ])('reads no clock time in "%s"', (text) => {
    expect(resolve(text)).toBeUndefined();
  });

  it('gives the phrase it read, so that its numbers are not read again as a count', () => {
    const f = findClock('last 3 anomalies since 09:30 utc');
    expect(f && 'span' in f ? f.match : undefined).toBe('since 09:30 utc');
  });
});

describe('the end of a silence', () => {
  it.each([
    ['snooze web-1 until 15:00', '2026-12-03T15:00'],
    ['snooze web-1 until 11:00', '2026-12-04T11:00'],
    ['mute everything till 9am', '2026-12-04T09:00'],
    ['mute everything until tomorrow 08:30', '2026-12-04T08:30'],
    ['mute everything until 8:30 tomorrow', '2026-12-04T08:30'],
    ['mute everything until today 23:00', '2026-12-03T23:00'],
    ['snooze until 12:00 +01:00', '2026-12-04T11:00'],
  ])('%s → %s', (text, want) => {
    const t = findUntil(text);
    expect(t && iso(untilTs(t, NOW))).toBe(want);
  });

  it.each(['snooze web-1 for 2h', 'until 3', 'snooze until further notice'])('reads no end in "%s"', (text) => {
    expect(findUntil(text)).toBeUndefined();
  });
});

describe('weekdays', () => {
  // Saturday 2026-12-05, 12:00 UTC.
  const SAT = Date.UTC(2026, 11, 5, 12, 0, 0);
  const DAY = 86_400_000;
  const midnight = (ts: number) => ts - (ts % DAY);

  it('reads "on friday", "last tuesday", "monday" as that whole UTC day, the latest one', () => {
    const day = (q: string) => {
      const f = findTimeSpan(q);
      if (!f || !('span' in f) || f.span.kind !== 'range') throw new Error(`no range in ${q}`);
      return [clockTs(f.span.from, SAT), clockTs(f.span.until!, SAT)];
    };
    expect(day('memory on db-1 on friday')).toEqual([Date.UTC(2026, 11, 4), Date.UTC(2026, 11, 5)]);
    expect(day('anomalies last tuesday')).toEqual([Date.UTC(2026, 11, 1), Date.UTC(2026, 11, 2)]);
    expect(day('what happened monday')).toEqual([Date.UTC(2026, 10, 30), Date.UTC(2026, 11, 1)]);
    // Today's own name is today; "last" with it is a week back.
    expect(day('alerts on saturday')[0]).toBe(midnight(SAT));
    expect(day('alerts last saturday')[0]).toBe(midnight(SAT) - 7 * DAY);
    expect(findTimeSpan('the mon-1 host')).toBeUndefined();
    expect(findTimeSpan('a sat dish')).toBeUndefined();
    expect(day('cpu on the mon-1 host on friday')).toEqual([Date.UTC(2026, 11, 4), Date.UTC(2026, 11, 5)]);
  });

  it('schedules a silence on the next such day, not the last', () => {
    const w = silenceWindow(
      { from: { minute: 0, day: { weekday: 1 } }, until: { minute: 1440, day: { weekday: 1 } }, durationMs: 3_600_000 },
      SAT,
    );
    expect(w).toEqual({ startTs: Date.UTC(2026, 11, 7), endTs: Date.UTC(2026, 11, 8), askedEndTs: Date.UTC(2026, 11, 8) });
  });
});

describe('a silence until a weekday', () => {
  it('ends at that time on the next such day; a bare day is its 09:00', async () => {
    const { parseIntent } = await import('../../../src/bot/parse-intent.js');
    const t = [{ name: 'db-1' }];
    const i = parseIntent('snooze db-1 until monday 09:00', t);
    expect(i).toMatchObject({ kind: 'silence', target: 'db-1', until: { minute: 540, day: { weekday: 1 } } });
    // Saturday 12:00 → Monday 09:00.
    const SAT = Date.UTC(2026, 11, 5, 12, 0, 0);
    expect(silenceWindow(i as { until: { minute: number; day: { weekday: number } }; durationMs: number }, SAT)).toEqual({
      startTs: SAT,
      endTs: Date.UTC(2026, 11, 7, 9, 0, 0),
      askedEndTs: Date.UTC(2026, 11, 7, 9, 0, 0),
    });
    expect(parseIntent('snooze db-1 till monday', t)).toMatchObject({ kind: 'silence', until: { minute: 540, day: { weekday: 1 } } });
  });
});

describe('a clock time that is none', () => {
  it('is refused with what to write, not read as now', async () => {
    const { parseIntent } = await import('../../../src/bot/parse-intent.js');
    const t = [{ name: 'web-1' }];
    for (const [q, bad] of [
      ['cpu on web-1 at 25:00', '25:00'],
      ['cpu since 10:75', '10:75'],
    ])
      expect(parseIntent(q!, t)).toEqual({
        kind: 'bad_input',
        reason: `${bad} is not a time of day; write one from 00:00 to 23:59 (UTC, or with a zone), e.g. "at 15:00"`,
      });
    expect(parseIntent('cpu on web-1 at 23:59', t)).toMatchObject({ kind: 'metrics', span: { kind: 'clock', at: { minute: 1439 } } });
  });
});
