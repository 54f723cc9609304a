import { describe, expect, it } from 'vitest';
import { muteTimeFor, type MuteTime } from '../../../src/bot/mute-times.js';
import { describeWindow, inWindow, nextOpening } from '../../../src/bot/time-window.js';

const at = (iso: string) => Date.parse(iso);
const window = (over: Partial<MuteTime> = {}): MuteTime => ({ name: 'w', start: '02:00', end: '04:00', match: {}, ...over });

describe('maintenance windows', () => {
  it('cover [start, end) of the listed weekdays in UTC by default', () => {
    const sunday = window({ weekdays: ['sun'] });
    expect(inWindow(sunday, at('2026-11-22T01:59:59Z'))).toBe(false); // a Sunday
    expect(inWindow(sunday, at('2026-11-22T02:00:00Z'))).toBe(true);
    expect(inWindow(sunday, at('2026-11-22T03:59:00Z'))).toBe(true);
    expect(inWindow(sunday, at('2026-11-22T04:00:00Z'))).toBe(false);
    expect(inWindow(sunday, at('2026-11-23T03:00:00Z'))).toBe(false); // Monday
    expect(inWindow(window(), at('2026-11-23T03:00:00Z'))).toBe(true); // daily
  });

  it('run past midnight as part of the day they start on', () => {
    const friNight = window({ weekdays: ['fri'], start: '23:00', end: '01:00' });
    expect(inWindow(friNight, at('2026-11-27T23:30:00Z'))).toBe(true); // Friday evening
    expect(inWindow(friNight, at('2026-11-28T00:30:00Z'))).toBe(true); // Saturday morning, Friday's window
    expect(inWindow(friNight, at('2026-11-28T23:30:00Z'))).toBe(false); // Saturday evening
    expect(inWindow(friNight, at('2026-11-27T00:30:00Z'))).toBe(false); // Friday morning is Thursday's
  });

  it('follow the time zone, across a daylight-saving change', () => {
    const berlin = window({ start: '02:30', end: '03:30', timezone: 'Europe/Berlin' });
    expect(inWindow(berlin, at('2026-01-15T01:45:00Z'))).toBe(true); // 02:45 CET
    expect(inWindow(berlin, at('2026-07-15T00:45:00Z'))).toBe(true); // 02:45 CEST
    expect(inWindow(berlin, at('2026-07-15T01:45:00Z'))).toBe(false); // 03:45 CEST
    const ny = window({ weekdays: ['mon'], start: '21:00', end: '22:00', timezone: 'America/New_York' });
    expect(inWindow(ny, at('2026-11-24T02:30:00Z'))).toBe(true); // Monday 21:30 EST, Tuesday in UTC
  });

  it('hold only alerts that match, and name the window', () => {
    const list: MuteTime[] = [
      window({ name: 'backups', match: { metrics: ['disk'], targets: ['db-*'] } }),
      window({ name: 'all web', match: { roles: ['web'] } }),
    ];
    const ts = at('2026-11-23T03:00:00Z');
    const disk = { target: 'db-1', metric: 'disk', detector: 'robust' as const, severity: 'warning' as const };
    expect(muteTimeFor(list, disk, { role: 'db', labels: {} }, ts)).toBe('backups');
    expect(muteTimeFor(list, { ...disk, metric: 'cpu' }, { role: 'db', labels: {} }, ts)).toBeUndefined();
    expect(muteTimeFor(list, { ...disk, target: 'web-1', metric: 'cpu' }, { role: 'web', labels: {} }, ts)).toBe('all web');
    expect(muteTimeFor(list, disk, { role: 'db', labels: {} }, at('2026-11-23T05:00:00Z'))).toBeUndefined();
    expect(describeWindow(window({ weekdays: ['sat', 'sun'], timezone: 'Europe/Berlin' }))).toBe('Sat, Sun 02:00–04:00 Europe/Berlin');
  });
});

describe('nextOpening', () => {
  const SAT_NOON = Date.UTC(2026, 11, 5, 12, 0);
  it('finds the next opening and its close, past midnight and in a zone, or none within the span', () => {
    expect(nextOpening({ weekdays: ['sun'], start: '02:00', end: '03:00' }, SAT_NOON, 7 * 86_400_000)).toEqual({
      start: Date.UTC(2026, 11, 6, 2),
      end: Date.UTC(2026, 11, 6, 3),
    });
    // 23:30–00:30 Berlin (+01:00) daily: 22:30 UTC today to 23:30 UTC.
    expect(nextOpening({ start: '23:30', end: '00:30', timezone: 'Europe/Berlin' }, SAT_NOON, 86_400_000)).toEqual({
      start: Date.UTC(2026, 11, 5, 22, 30),
      end: Date.UTC(2026, 11, 5, 23, 30),
    });
    // Open now: the next opening is the following one, not this one.
    expect(nextOpening({ start: '11:00', end: '13:00' }, SAT_NOON, 2 * 86_400_000)!.start).toBe(Date.UTC(2026, 11, 6, 11));
    expect(nextOpening({ weekdays: ['mon'], start: '02:00', end: '03:00' }, SAT_NOON, 86_400_000)).toBeUndefined();
  });
});
