import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { findDayDate, resolveDayDate, unknownDayWord } from '../../../src/bot/parse-day-date.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import type { Sample } from '../../../src/core/sample.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'web-2' }, { name: 'db-1' }];
const day = (ts: number | undefined) => (ts === undefined ? undefined : new Date(ts).toISOString().slice(0, 10));
const TODAY = Date.UTC(2026, 11, 7);

describe('who is on call on a date', () => {
  // 24 h shifts from 09:00 on 12-01: alice, bob, carol. NOW is Monday 12-07 12:00 (alice's shift).
  function onCallCtx(asker: string, zone?: string): AnswerContext {
    const store = createSqliteStore(':memory:');
    const onCall = createOnCall(
      onCallSchema.parse({
        members: ['alice', 'bob', 'carol'].map((name) => ({ name, web: name })),
        shiftHours: 24,
        handoff: '2026-12-01T09:00:00Z',
      }),
      { store, clock: { now: () => NOW } },
    );
    return { store, targets, now: NOW, staleAfterMs: 90_000, onCall, asker, ...(zone ? { zone } : {}) };
  }

  it('reads a date said after "on" (ISO, "the 12th", a month and day either way round, a holiday), and a tense', () => {
    expect(findDayDate('who is on call on 2026-12-12?')).toEqual({ day: 12, month: 11, year: 2026 });
    expect(findDayDate("who's on call on the 12th?")).toEqual({ day: 12 });
    expect(findDayDate('on call on the 3rd of january')).toEqual({ day: 3, month: 0 });
    expect(findDayDate('who has the pager on dec 24')).toEqual({ day: 24, month: 11 });
    expect(findDayDate('was I on call on 3 dec')).toEqual({ day: 3, month: 11, past: true });
    expect(findDayDate("who's on call on christmas day?")).toEqual({ day: 25, month: 11 });
    expect(findDayDate("who's on call on new year's eve?")).toEqual({ day: 31, month: 11 });
    // A count, a time and a bare number are no dates.
    for (const q of ['on call for 12 hours', 'on call on 2026-12-12 at 10:00', 'who is on call at 3pm', 'on call on dec 12 at 3pm'])
      expect(findDayDate(q)).toBeUndefined();
    expect(unknownDayWord("who's on call on funday?")).toBe('funday');
    for (const q of ['on call on friday', 'on call on thursday', 'on call on my birthday', 'on call on payday'])
      expect(unknownDayWord(q)).toBeUndefined();
  });

  it('resolves a date to the next such day ahead, or the latest one gone when asked in the past tense', () => {
    expect(day(resolveDayDate({ day: 12 }, TODAY))).toBe('2026-12-12');
    expect(day(resolveDayDate({ day: 3 }, TODAY))).toBe('2027-01-03');
    expect(day(resolveDayDate({ day: 3, past: true }, TODAY))).toBe('2026-12-03');
    expect(day(resolveDayDate({ day: 12, past: true }, TODAY))).toBe('2026-11-12');
    expect(day(resolveDayDate({ day: 5, month: 0 }, TODAY))).toBe('2027-01-05');
    expect(day(resolveDayDate({ day: 5, month: 0, past: true }, TODAY))).toBe('2026-01-05');
    // The 31st skips the months without one; February 29 waits for a leap year; February 30 never comes.
    expect(day(resolveDayDate({ day: 31, past: true }, Date.UTC(2026, 3, 15)))).toBe('2026-03-31');
    expect(day(resolveDayDate({ day: 29, month: 1 }, TODAY))).toBe('2028-02-29');
    expect(resolveDayDate({ day: 30, month: 1 }, TODAY)).toBeUndefined();
    expect(resolveDayDate({ day: 31, month: 10, year: 2026 }, TODAY)).toBeUndefined();
    expect(day(resolveDayDate({ day: 7 }, TODAY))).toBe('2026-12-07');
  });

  it('lists who held or will hold the pager over that whole day', () => {
    const c = onCallCtx('web:carol');
    expect(answerIntent(parseIntent("who's on call on the 12th?", targets), c).split('\n')).toEqual([
      'On call on Saturday 2026-12-12 (UTC):',
      '• bob, 2026-12-11 09:00:00 UTC to 2026-12-12 09:00:00 UTC',
      '• carol (you), 2026-12-12 09:00:00 UTC to 2026-12-13 09:00:00 UTC',
    ]);
    expect(answerIntent(parseIntent('who was on call on december 3?', targets), c).split('\n')).toEqual([
      'On call on Thursday 2026-12-03 (UTC):',
      '• bob, 2026-12-02 09:00:00 UTC to 2026-12-03 09:00:00 UTC',
      '• carol (you), 2026-12-03 09:00:00 UTC to 2026-12-04 09:00:00 UTC',
    ]);
    expect(answerIntent(parseIntent('was I on call on the 3rd?', targets), c).split('\n')[0]).toBe(
      'Yes: you were on call on Thursday 2026-12-03 (UTC), 2026-12-03 09:00:00 UTC to 2026-12-04 09:00:00 UTC.',
    );
    expect(answerIntent(parseIntent('am I on call on christmas day?', targets), onCallCtx('web:alice')).split('\n')[0]).toBe(
      'Yes: you are on call on Friday 2026-12-25 (UTC), 2026-12-25 09:00:00 UTC to 2026-12-26 09:00:00 UTC.',
    );
    expect(answerIntent(parseIntent('am I on call on christmas day?', targets), onCallCtx('web:bob')).split('\n')[0]).toBe(
      'No: you are not on call on Friday 2026-12-25 (UTC).',
    );
  });

  it('says so of a day word that is none, and of a date that does not exist, rather than answering for now', () => {
    const c = onCallCtx('web:carol');
    expect(answerIntent(parseIntent("who's on call on funday?", targets), c)).toMatch(
      /^I don't know which day "funday" is\. Ask about a weekday/,
    );
    expect(answerIntent(parseIntent('who is on call on february 30?', targets), c)).toBe(
      'There is no February 30: ask about a day that exists ("on the 12th", "on 2026-12-24").',
    );
  });

  it("reads the date on the asker's calendar", () => {
    // The 12th in Tokyo is 15:00 UTC on the 11th to 15:00 UTC on the 12th: bob's shift, then carol's from 09:00 UTC.
    const lines = answerIntent(parseIntent("who's on call on the 12th?", targets), onCallCtx('web:bob', 'Asia/Tokyo')).split('\n');
    expect(lines[0]).toBe('On call on Saturday 2026-12-12 (Asia/Tokyo):');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['• bob (you)', '• carol']);
  });
});

describe('which of two hosts is higher, beyond the latest reading', () => {
  /** Two hosts' CPU every 30 s over the last hour: `a` and `b` give each reading by its index. */
  function pairCtx(a: (n: number) => number, b: (n: number) => number): AnswerContext {
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    for (let n = 0; n < 120; n++) {
      const ts = NOW - (119 - n) * 30_000;
      samples.push({ target: 'web-1', metric: 'cpu', ts, value: a(n) }, { target: 'web-2', metric: 'cpu', ts, value: b(n) });
    }
    store.saveSamples(samples);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }
  const ask = (c: AnswerContext) => answerIntent(parseIntent('which is busier, web-1 or web-2?', targets), c).split('\n').slice(0, 2);

  it('says when the leader now has led all hour', () => {
    expect(
      ask(
        pairCtx(
          () => 60,
          (n) => 40 + (n % 3),
        ),
      ),
    ).toEqual([
      'Highest CPU now: web-1 60.0% (18.0 points above web-2).',
      'Over the last hour too: web-1 was higher in 100% of the 120 readings both sent in the last 60 min (averages web-1 60.0%, web-2 41.0%).',
    ]);
  });

  it('says when the lead is only recent, and when they trade places', () => {
    const recent = ask(
      pairCtx(
        (n) => (n >= 115 ? 90 : 30),
        () => 50,
      ),
    );
    expect(recent[0]).toBe('Highest CPU now: web-1 90.0% (40.0 points above web-2).');
    expect(recent[1]).toBe(
      'But that is recent: web-2 was higher in 96% of the 120 readings both sent in the last 60 min (averages web-1 32.5%, web-2 50.0%).',
    );
    const even = ask(
      pairCtx(
        (n) => (n % 2 ? 52 : 48),
        () => 50,
      ),
    );
    expect(even[1]).toBe(
      'No steady difference: web-1 was higher in 50% of the 120 readings both sent in the last 60 min, web-2 in the rest (averages web-1 50.0%, web-2 50.0%).',
    );
  });

  it('says nothing of the hour when too few readings line up, and the lowest reads the other way', () => {
    const c = pairCtx(
      () => 60,
      () => 40,
    );
    c.now = NOW + 2 * H;
    c.staleAfterMs = 3 * H;
    expect(answerIntent(parseIntent('which is busier, web-1 or web-2?', targets), c).split('\n')[1]).toBe('Current CPU for 2 targets:');
    const low = answerIntent(
      parseIntent('which has the lowest cpu, web-1 or web-2?', targets),
      pairCtx(
        () => 60,
        () => 40,
      ),
    ).split('\n');
    expect(low[1]).toMatch(/^Over the last hour too: web-2 was lower in 100% /);
  });
});
