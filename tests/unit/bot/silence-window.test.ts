import { describe, expect, it } from 'vitest';
import { silenceWindow } from '../../../src/bot/silence-window.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const H = 3_600_000;
const DAY = 24 * H;
// 08:00 UTC.
const NOW = Date.UTC(2026, 11, 5, 8, 0, 0);
const MIDNIGHT = NOW - 8 * H;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/** The window the parser and the resolver make of a command, as hours after today's midnight. */
function window(text: string, now = NOW) {
  const i = parseIntent(text, targets);
  if (i.kind !== 'silence') throw new Error(`${text}: ${i.kind}`);
  const w = silenceWindow(i, now);
  return 'error' in w ? w.error : [(w.startTs - MIDNIGHT) / H, (w.endTs - MIDNIGHT) / H];
}

describe('silenceWindow', () => {
  it('begins now without a start, for the length or until the time said', () => {
    expect(window('snooze web-1 for 30m')).toEqual([8, 8.5]);
    expect(window('mute web-1 until 15:00')).toEqual([8, 15]);
    // The next 07:00 is tomorrow's.
    expect(window('mute web-1 until 07:00')).toEqual([8, 31]);
  });

  it('never begins now when a later start is said without a time: it asks when', () => {
    for (const q of ['silence web-1 tomorrow', 'snooze web-1 later', 'silence web-1 tomorrow for 2h', 'mute db-1 next week'])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/^Nothing silenced: say when it starts and ends/),
      });
    // A time said for the start, or an end, is read as before.
    expect(window('silence web-1 tomorrow 02:00-04:00')).toEqual([26, 28]);
    expect(window('mute web-1 until tomorrow 09:00')).toEqual([8, 33]);
  });

  it('never acts now on any command said for later', () => {
    for (const q of [
      'approve rp_abc123 later',
      'deny rp_abc123 tomorrow',
      'escalate web-1 later',
      'unsnooze web-1 later',
      'ack web-1 later',
    ])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'bad_input',
        reason: expect.stringMatching(/^Nothing done: I act when asked, not later\./),
      });
    expect(parseIntent('approve rp_abc123', targets)).toEqual({ kind: 'approve', id: 'rp_abc123' });
    // A reason's words are the reason's.
    expect(parseIntent('escalate web-1: it will get worse later', targets)).toMatchObject({ kind: 'escalate', target: 'web-1' });
  });

  it('schedules the next window of the clock times said, on the day said', () => {
    expect(window('silence db-1 from 22:00 to 23:00')).toEqual([22, 23]);
    expect(window('create a maintenance window for db-1 tomorrow 02:00-04:00')).toEqual([26, 28]);
    expect(window('snooze web-1 at 14:00 for 30m')).toEqual([14, 14.5]);
    // A window already over today is tomorrow's; "until" before the start is on the next day.
    expect(window('silence db-1 from 06:00 to 07:00')).toEqual([30, 31]);
    expect(window('silence db-1 from 22:00 to 01:00')).toEqual([22, 25]);
    expect(window('silence db-1 from 22:00 until tomorrow 01:00')).toEqual([22, 25]);
    // Said of a silence, the night is the coming one.
    expect(window('mute web-1 overnight')).toEqual([22, 30]);
    // A time said with "tonight" is the window, and a length runs from 22:00.
    expect(window('schedule maintenance for db-1 tonight 22:00-23:00')).toEqual([22, 23]);
    expect(window('mute db-1 tonight 10pm-11pm')).toEqual([22, 23]);
    expect(window('mute db-1 tonight for 2h')).toEqual([22, 24]);
    expect(window('mute web-1 from 22:00')).toEqual([22, 23]);
  });

  it('takes a bare clock time as the start, and each end of a range on its own day', () => {
    // Before, these began now: a maintenance asked for 02:00 silenced the hour after the question.
    expect(window('schedule maintenance on db-1 tomorrow 02:00 for 1h')).toEqual([26, 27]);
    expect(window('mute db-1 14:00 for 30m')).toEqual([14, 14.5]);
    expect(window('mute web-1 14:00 to 15:00')).toEqual([14, 15]);
    expect(window('mute web-1 tomorrow 02:00 until 03:00')).toEqual([26, 27]);
    expect(window('mute db-1 02:00–04:00 tomorrow')).toEqual([26, 28]);
    // An end said with a day stays the end: now until tomorrow 09:00.
    expect(window('mute db-1 until tomorrow 09:00')).toEqual([8, 33]);
    // Saturday 08:00 now: Monday 10:00 to Tuesday 18:00.
    expect(window('mute everything from monday 10:00 to tuesday 18:00')).toEqual([58, 90]);
    expect(window('mute db-1 from today 22:00 to tomorrow 06:00')).toEqual([22, 30]);
  });

  it('holds the weekend, Saturday 00:00 to Monday 00:00, from now when it is under way', () => {
    // NOW is a Saturday.
    expect(window('mute monitoring-1 alerts during the weekend')).toEqual([8, 48]);
    expect(window('mute web-1 over the weekend', NOW + DAY)).toEqual([32, 48]);
    expect(window('silence db-1 this weekend: migration', NOW - 3 * DAY)).toEqual([0, 48]);
    // An end on a weekday already past today is next week's, not an error.
    expect(window('silence db-1 until monday 09:00', NOW + 2 * DAY + 2 * H)).toEqual([58, 225]);
    expect(window('silence db-1 until monday 09:00')).toEqual([8, 57]);
  });

  it('begins at once when the window is under way, and refuses one that has passed or is too far ahead', () => {
    expect(window('mute db-1 from 07:30 to 09:00')).toEqual([8, 9]);
    expect(window('mute db-1 yesterday from 2 to 3')).toBe('2026-12-04 02:00:00 UTC to 2026-12-04 03:00:00 UTC has already passed.');
    const far = silenceWindow({ from: { minute: 60, day: { date: MIDNIGHT + 40 * DAY } }, durationMs: H }, NOW);
    expect(far).toEqual({
      error: '2027-01-14 01:00:00 UTC is more than 30 days ahead; a regular window is set in chat.muteTimes in the config.',
    });
    // A week at most, as for a silence from now.
    const long = silenceWindow({ from: { minute: 22 * 60 }, durationMs: 30 * DAY }, NOW);
    expect('error' in long ? long : (long.endTs - long.startTs) / DAY).toBe(7);
  });
});
