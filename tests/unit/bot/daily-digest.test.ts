import { describe, expect, it } from 'vitest';
import { createDailyDigest, dailyDigestOf } from '../../../src/bot/daily-digest.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';

const DAY = 86_400_000;
const NINE = Date.UTC(2026, 11, 7, 9, 0, 0);

function setup(o: { at?: string; timezone?: string; weeklyOn?: number; store?: ReturnType<typeof createSqliteStore> } = {}) {
  const store = o.store ?? createSqliteStore(':memory:');
  const composed: number[] = [];
  const spans: number[] = [];
  const digest = createDailyDigest({
    store,
    logger: captureLogger(),
    at: o.at ?? '09:00',
    ...(o.timezone ? { timezone: o.timezone } : {}),
    ...(o.weeklyOn !== undefined ? { weeklyOn: o.weeklyOn } : {}),
    destinations: () => [
      { platform: 'slack', channel: 'C-OPS' },
      { platform: 'web', channel: 'console' },
    ],
    compose: (now, days) => (composed.push(now), spans.push(days), `digest at ${now}`),
  });
  const queued = () => store.chat.pendingOutbox(100);
  return { store, digest, composed, spans, queued };
}

describe('the daily digest', () => {
  it('posts once when its hour comes, to every alert channel, and again the next day', () => {
    const { digest, queued, composed } = setup();
    // At 08:59:30 the latest 09:00 is yesterday's, long past: skipped, not posted.
    expect(digest.onTick(NINE - 30_000)).toBe(false);
    expect(composed).toEqual([]);
    expect(digest.onTick(NINE - 1)).toBe(false);
    expect(digest.onTick(NINE + 10_000)).toBe(true);
    expect(digest.onTick(NINE + 40_000)).toBe(false);
    expect(queued().map((q) => [q.platform, q.channel, q.msgKey, q.payload.title, q.payload.text])).toEqual([
      ['slack', 'C-OPS', `digest:${NINE}`, 'Daily digest: the last 24 h', `digest at ${NINE + 10_000}`],
      ['web', 'console', `digest:${NINE}`, 'Daily digest: the last 24 h', `digest at ${NINE + 10_000}`],
    ]);
    expect(digest.onTick(NINE + DAY + 5_000)).toBe(true);
    expect(composed).toEqual([NINE + 10_000, NINE + DAY + 5_000]);
  });

  it('says when the next one is due, what it covers and where it goes ("when is the next digest?")', () => {
    // NINE is a Monday; weekly on Mondays.
    const { digest } = setup({ weeklyOn: 1 });
    const where = [
      { platform: 'slack', channel: 'C-OPS' },
      { platform: 'web', channel: 'console' },
    ];
    expect(digest.next(NINE - 3_600_000)).toEqual({ ts: NINE, days: 7, at: '09:00', timezone: 'UTC', weeklyOn: 1, destinations: where });
    // Its hour has come but no tick has posted it yet: it is still the next one.
    expect(digest.next(NINE + 60_000).ts).toBe(NINE);
    digest.onTick(NINE + 60_000);
    expect(digest.next(NINE + 120_000)).toMatchObject({ ts: NINE + DAY, days: 1, lastTs: NINE });
    // Missed by more than an hour: the next day's.
    expect(setup().digest.next(NINE + 2 * 3_600_000).ts).toBe(NINE + DAY);
  });

  it('never posts a slot twice across a restart, and skips one missed by more than an hour', () => {
    const first = setup();
    first.digest.onTick(NINE + 10_000);
    const again = setup({ store: first.store });
    expect(again.digest.onTick(NINE + 20_000)).toBe(false);
    expect(again.composed).toEqual([]);
    // Down from 08:00 to 11:00 the next day: that day's digest is skipped, not posted at 11:00.
    expect(again.digest.onTick(NINE + DAY + 2 * 3_600_000)).toBe(false);
    expect(again.composed).toEqual([]);
    expect(again.digest.onTick(NINE + 2 * DAY + 60_000)).toBe(true);
  });

  it('reads the hour on the wall clock of its time zone', () => {
    // 09:00 in Berlin is 08:00 UTC in December.
    const { digest, composed } = setup({ timezone: 'Europe/Berlin' });
    digest.onTick(NINE - 3_600_000 - 60_000);
    expect(composed).toEqual([]);
    digest.onTick(NINE - 3_600_000 + 60_000);
    expect(composed).toEqual([NINE - 3_600_000 + 60_000]);
  });

  it('is off without `at`, and goes to the channels of the platforms running', () => {
    const store = createSqliteStore(':memory:');
    const base = { store, logger: captureLogger(), compose: () => 'x' };
    expect(dailyDigestOf(configSchema.parse({}).chat, { ...base, platforms: () => ['web'] })).toBeUndefined();
    const chat = configSchema.parse({ chat: { digest: { at: '09:00' }, channels: { slack: ['C-1', 'C-2'], discord: ['123456'] } } }).chat;
    dailyDigestOf(chat, { ...base, platforms: () => ['web', 'slack'] })!.onTick(NINE + 1000);
    expect(store.chat.pendingOutbox(100).map((q) => `${q.platform}:${q.channel}`)).toEqual(['web:console', 'slack:C-1', 'slack:C-2']);
  });

  it('covers the last 7 days on its weekly day, in its time zone, and the last day on the others', () => {
    // NINE is Monday 2026-12-07 09:00 UTC.
    const { digest, spans, queued } = setup({ weeklyOn: 1 });
    digest.onTick(NINE - DAY + 1000);
    digest.onTick(NINE + 1000);
    digest.onTick(NINE + DAY + 1000);
    expect(spans).toEqual([1, 7, 1]);
    expect([...new Set(queued().map((q) => q.payload.title))]).toEqual(['Daily digest: the last 24 h', 'Weekly digest: the last 7 days']);
    // 00:30 on Monday in Tokyo is still Sunday in UTC: the zone's weekday decides.
    const tokyo = setup({ at: '00:30', timezone: 'Asia/Tokyo', weeklyOn: 1 });
    tokyo.digest.onTick(Date.UTC(2026, 11, 6, 15, 31));
    expect(tokyo.spans).toEqual([7]);
  });

  it('goes to its own channels where it names them, else to the alert channels', () => {
    const store = createSqliteStore(':memory:');
    const base = { store, logger: captureLogger(), compose: () => 'x' };
    const chat = configSchema.parse({
      chat: { digest: { at: '09:00', weekly: 'mon', channels: { slack: ['C-DIGEST'] } }, channels: { slack: ['C-1'], web: ['console'] } },
    }).chat;
    dailyDigestOf(chat, { ...base, platforms: () => ['web', 'slack'] })!.onTick(NINE + 1000);
    expect(store.chat.pendingOutbox(100).map((q) => `${q.platform}:${q.channel} ${q.payload.title}`)).toEqual([
      'web:console Weekly digest: the last 7 days',
      'slack:C-DIGEST Weekly digest: the last 7 days',
    ]);
    expect(() => configSchema.parse({ chat: { digest: { at: '09:00', weekly: 'monday' } } })).toThrow();
  });

  it('refuses an hour that is not HH:MM and a zone that is not IANA', () => {
    expect(() => configSchema.parse({ chat: { digest: { at: '9am' } } })).toThrow(/HH:MM/);
    expect(() => configSchema.parse({ chat: { digest: { at: '09:00', timezone: 'Mars/Base' } } })).toThrow(/IANA/);
  });
});
