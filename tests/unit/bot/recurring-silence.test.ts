import { describe, expect, it } from 'vitest';
import { muteTime } from '../../../src/config/route-schema.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const targets = [{ name: 'db-1' }, { name: 'web-1' }];

/** The entry the refusal offers to paste, read back out of its reply. */
function entryOf(q: string): unknown {
  const i = parseIntent(q, targets);
  expect(i.kind, q).toBe('bad_input');
  const reason = (i as { reason: string }).reason;
  expect(reason).toMatch(/^Nothing silenced: a silence is one-off, and one that repeats is a maintenance window in the config/);
  return JSON.parse(/`(\{.*\})`/.exec(reason)![1]!);
}

describe('a silence asked to repeat', () => {
  it('silences nothing and gives the maintenance window to paste, which the config accepts', () => {
    const nightly = entryOf('mute db-1 every night from 1am to 3am');
    expect(nightly).toEqual({ name: 'db-1 nightly', match: { targets: ['db-1'] }, start: '01:00', end: '03:00', timezone: 'UTC' });
    expect(entryOf('silence web-1 every monday 02:00-04:00')).toMatchObject({ weekdays: ['mon'], start: '02:00', end: '04:00' });
    // A night with no times is 22:00 to 06:00, as "tonight" is; the metric and severity are the match.
    expect(entryOf('mute critical disk alerts on db-1 nightly')).toMatchObject({
      match: { targets: ['db-1'], metrics: ['disk'], severities: ['critical'] },
      start: '22:00',
      end: '06:00',
    });
    // A start and a length give the end; named days without times are the whole days.
    expect(entryOf('snooze web-1 daily at 23:00 for 2h')).toMatchObject({ start: '23:00', end: '01:00' });
    expect(entryOf('mute warnings on weekends')).toMatchObject({ weekdays: ['sat', 'sun'], start: '00:00', end: '23:59' });
    for (const q of ['mute db-1 every night from 1am to 3am', 'mute critical disk alerts on db-1 nightly', 'mute warnings on weekends'])
      expect(muteTime.safeParse(entryOf(q)).success, q).toBe(true);
  });

  it('says which times it could not read, and offers the next one only when it has them', () => {
    const r = (parseIntent('mute db-1 every day', targets) as { reason: string }).reason;
    expect(r).toContain('"start":"HH:MM","end":"HH:MM"');
    expect(r).toContain('Put in the start and end times, which I could not read.');
    expect(r).not.toContain('For the next one only');
    expect((parseIntent('mute db-1 every night from 1am to 3am', targets) as { reason: string }).reason).toMatch(
      /For the next one only: "mute db-1 from 01:00 to 03:00"$/,
    );
  });

  it('asks when a window it is not told of is, rather than silencing an hour', () => {
    for (const q of ['silence web-1 during the backup window', 'mute db-1 during the backups'])
      expect((parseIntent(q, targets) as { reason: string }).reason, q).toMatch(/^Nothing silenced: I don't know when that is\./);
    expect(parseIntent('mute db-1 for 1h during the backup', targets)).toMatchObject({ kind: 'silence', durationMs: 3_600_000 });
  });

  it('points "until it recovers" at an acknowledgement, which ends with the alert', () => {
    for (const q of ['snooze web-1 cpu until it recovers', 'mute web-1 till it is back to normal'])
      expect((parseIntent(q, targets) as { reason: string }).reason, q).toMatch(
        /^Nothing silenced: a silence ends at a time, not when an alert clears\. .*"ack web-1"/,
      );
    expect(parseIntent('mute web-1 until 15:00', targets)).toMatchObject({ kind: 'silence', until: { minute: 900 } });
  });

  it('refuses a target it does not watch rather than offer a window over everything', () => {
    expect(parseIntent('mute web-9 every night', targets)).toEqual({
      kind: 'bad_input',
      reason: 'Nothing silenced: no target is called "web-9" ("what do you monitor?" lists them)',
    });
  });

  it('offers the next one as a one-off silence of the same alerts, which reads back as such', () => {
    const r = (parseIntent('mute critical disk alerts on db-1 nightly', targets) as { reason: string }).reason;
    const said = /For the next one only: "([^"]+)"$/.exec(r)![1]!;
    expect(said).toBe('mute critical disk alerts on db-1 from 22:00 to 06:00');
    expect(parseIntent(said, targets)).toMatchObject({ kind: 'silence', target: 'db-1', metric: 'disk', severity: 'critical' });
  });

  it('leaves one-off silences alone', () => {
    expect(parseIntent('mute db-1 tonight from 1am to 3am', targets)).toMatchObject({ kind: 'silence', target: 'db-1' });
    expect(parseIntent('mute db-1 for 2h: daily backup', targets)).toMatchObject({ kind: 'silence', reason: 'daily backup' });
  });
});
