import { describe, expect, it } from 'vitest';
import { localizeTimes } from '../../../src/bot/local-times.js';
import { inAskersZone } from '../../../src/bot/typed-zone.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

// 23:30 UTC on 2026-12-05: 00:30 the next day in Berlin, 18:30 in New York.
const NOW = Date.UTC(2026, 11, 5, 23, 30, 0);

describe("times on the asker's clock", () => {
  it('rewrites dated and undated UTC times with their offset, and leaves UTC days alone', () => {
    expect(localizeTimes('since 2026-12-05 23:20:00 UTC (10 min, ongoing); today (UTC)', 'Europe/Berlin', NOW)).toBe(
      'since 2026-12-06 00:20:00 +01:00 (10 min, ongoing); today (UTC)',
    );
    // An undated time is the one nearest now: 23:10 is tonight's, 00:05 tomorrow's.
    expect(localizeTimes('web-1 CPU 33% (at 23:10:00 UTC), next 00:05 UTC', 'America/New_York', NOW)).toBe(
      'web-1 CPU 33% (at 18:10:00 -05:00), next 19:05 -05:00',
    );
    // Summer time is the zone's own at that instant; half-hour offsets are kept.
    expect(localizeTimes('2026-07-01 12:00 UTC', 'Europe/Berlin', NOW)).toBe('2026-07-01 14:00 +02:00');
    expect(localizeTimes('2026-12-05 12:00:00 UTC', 'Asia/Kolkata', NOW)).toBe('2026-12-05 17:30:00 +05:30');
    expect(localizeTimes('no times here, an_abc123 and web-1', 'Europe/Berlin', NOW)).toBe('no times here, an_abc123 and web-1');
    // A range says UTC once, after its end; both ends move, and the offset is said once when they share it.
    expect(localizeTimes('at this time of day (22:45–23:45 UTC)', 'Europe/Berlin', NOW)).toBe('at this time of day (23:45–00:45 +01:00)');
    expect(localizeTimes('(22:45–23:45 UTC)', 'UTC', NOW)).toBe('(22:45–23:45 +00:00)');
  });

  it('writes them so that the parser reads them back as the same instant', () => {
    const local = localizeTimes('2026-12-05 14:05 UTC', 'America/New_York', NOW);
    expect(local).toBe('2026-12-05 09:05 -05:00');
    const targets = [{ name: 'web-1' }];
    expect(parseIntent(`cpu on web-1 at ${local}`, targets)).toEqual(parseIntent('cpu on web-1 at 2026-12-05 14:05 utc', targets));
    // Said with its offset, it is that instant for anyone: the asker's display zone does not move it.
    expect(inAskersZone(parseIntent(`cpu on web-1 at ${local}`, targets), 'Europe/Berlin')).toEqual(
      parseIntent('cpu on web-1 at 2026-12-05 14:05 utc', targets),
    );
  });
});
