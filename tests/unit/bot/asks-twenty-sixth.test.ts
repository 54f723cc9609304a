import { describe, expect, it } from 'vitest';
import { onCallContext, rotationIn as rotationAt } from '../../helpers/on-call-rotation.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { dayWindow } from '../../../src/bot/answer-on-call-day.js';
import { judgeLeak } from '../../../src/bot/leak-verdict.js';
import { createUserZones, localizeMessage } from '../../../src/bot/local-times.js';
import { createOutboxWorker } from '../../../src/bot/outbox-worker.js';
import { dailyDigestOf } from '../../../src/bot/daily-digest.js';
import { configSchema } from '../../../src/config/schema.js';
import type { ChatAdapter, NeutralMessage, Platform } from '../../../src/core/chat.js';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { captureLogger } from '../../helpers/test-config.js';
import { createAlertEscalation } from '../../../src/bot/alert-escalate.js';
import type { Intent } from '../../../src/bot/intent.js';
import { findCalendarSpan } from '../../../src/bot/parse-calendar.js';
import { rangeTs } from '../../../src/bot/range-ts.js';
import { inAskersZone } from '../../../src/bot/typed-zone.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import type { Proposal } from '../../../src/core/remediation.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const ask = (q: string, c: AnswerContext) => answerIntent(inAskersZone(parseIntent(q, c.targets), c.zone), c).split('\n');

/** 24 h shifts from 09:00 on 12-01, in the members' order. */
const rotationIn = (store: ReturnType<typeof createSqliteStore>, members: { name: string; web?: string; slack?: string }[]) =>
  rotationAt(store, members, NOW);

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

describe('who is on call on a day', () => {
  // 24 h shifts from 09:00 on 12-01: alice, bob, carol. NOW is Monday 12-07 12:00 (alice's shift).
  const onCallCtx = (asker: string, zone?: string) => onCallContext(targets, NOW, asker, zone);

  it('reads "tomorrow", a weekday, "this weekend" and "who has the pager" as the on-call, a time of day as that instant', () => {
    expect(parseIntent('who is on call tomorrow?', targets)).toEqual({ kind: 'routing', onCall: true, onDay: 'tomorrow' });
    expect(parseIntent("who's on call this weekend?", targets)).toEqual({ kind: 'routing', onCall: true, onDay: 'weekend' });
    expect(parseIntent('who has the pager over the weekend?', targets)).toEqual({ kind: 'routing', onCall: true, onDay: 'weekend' });
    expect(parseIntent('am I on call on friday?', targets)).toEqual({ kind: 'routing', onCall: true, me: true, onWeekday: 5 });
    for (const q of ['who has the pager?', "who's holding the pager?", 'who is on pager duty?', "who's got the pager?", "who's on duty?"])
      expect(parseIntent(q, targets)).toEqual({ kind: 'routing', onCall: true });
    expect(parseIntent('who is on call tomorrow at 3pm?', targets)).toMatchObject({ at: { minute: 900 } });
    // "Who's on it?" is still of an alert.
    expect(parseIntent("who's on it?", targets)).toMatchObject({ kind: 'ack_status' });
  });

  it('lists everyone who holds the pager at any time of the day, not only at this time of day', () => {
    const c = onCallCtx('web:carol');
    expect(answerIntent(parseIntent("who's on call on friday?", targets), c).split('\n')).toEqual([
      'On call on Friday 2026-12-11 (UTC):',
      '• alice, 2026-12-10 09:00:00 UTC to 2026-12-11 09:00:00 UTC',
      '• bob, 2026-12-11 09:00:00 UTC to 2026-12-12 09:00:00 UTC',
    ]);
    // On the day itself: the rest of it.
    expect(answerIntent(parseIntent('who is on call on monday?', targets), c)).toBe(
      'On call for the rest of today (Monday 2026-12-07, UTC): alice, 2026-12-07 09:00:00 UTC to 2026-12-08 09:00:00 UTC: the whole time.',
    );
    expect(answerIntent(parseIntent('am I on call this weekend?', targets), c).split('\n')).toEqual([
      'Yes: you are on call over the weekend (Saturday 2026-12-12 to Sunday 2026-12-13, UTC), 2026-12-12 09:00:00 UTC to 2026-12-13 09:00:00 UTC.',
      'On call over the weekend (Saturday 2026-12-12 to Sunday 2026-12-13, UTC):',
      '• bob, 2026-12-11 09:00:00 UTC to 2026-12-12 09:00:00 UTC',
      '• carol (you), 2026-12-12 09:00:00 UTC to 2026-12-13 09:00:00 UTC',
      '• alice, 2026-12-13 09:00:00 UTC to 2026-12-14 09:00:00 UTC',
    ]);
    expect(answerIntent(parseIntent('am I on call tomorrow?', targets), c).split('\n')[0]).toBe(
      'No: you are not on call tomorrow (Tuesday 2026-12-08, UTC).',
    );
    expect(answerIntent(parseIntent('am I on call tomorrow?', targets), onCallCtx('web:dave')).split('\n')[0]).toBe(
      'You are in no on-call rotation (chat.onCall), so you have no shift.',
    );
  });

  it("reads the day on the asker's calendar", () => {
    // Friday in Tokyo is 15:00 UTC Thursday to 15:00 UTC Friday: alice's shift from 09:00 UTC Thursday, then bob's.
    const lines = answerIntent(parseIntent("who's on call on friday?", targets), onCallCtx('web:alice', 'Asia/Tokyo')).split('\n');
    expect(lines[0]).toBe('On call on Friday 2026-12-11 (Asia/Tokyo):');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['• alice (you)', '• bob']);
    const sunday = Date.UTC(2026, 11, 13, 10);
    expect(dayWindow('weekend', sunday)).toEqual({
      from: sunday,
      until: Date.UTC(2026, 11, 14),
      label: 'for the rest of this weekend (Saturday 2026-12-12 to Sunday 2026-12-13, UTC)',
    });
    // Across a clock change a day is 23 h long: Sunday 2026-03-29 in Berlin.
    const w = dayWindow('tomorrow', Date.UTC(2026, 2, 28, 12), 'Europe/Berlin');
    expect([new Date(w.from).toISOString(), new Date(w.until).toISOString()]).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
  });
});

describe('"is web-1 leaking memory?"', () => {
  const STEP = 60_000;
  /** One sample a minute over `hours` ending at NOW, each `f(hours before now)` plus a small deterministic wobble. */
  const series = (hours: number, f: (h: number) => number) =>
    Array.from({ length: hours * 60 + 1 }, (_, k) => {
      const ts = NOW - hours * H + k * STEP;
      return { ts, value: f((NOW - ts) / H) + 0.6 * Math.sin(k * 1.7) };
    });
  // A daily cycle: 50% ± 8, lowest at 02:00 UTC (10 h before NOW), highest at 14:00.
  const cycle = (h: number) => 50 - 8 * Math.cos(((h - 10) / 24) * 2 * Math.PI);

  it('reads leak questions as a verdict on memory', () => {
    expect(parseIntent('is web-1 leaking memory?', targets)).toEqual({ kind: 'trend', metric: 'memory', target: 'web-1', leak: true });
    expect(parseIntent('does any host have a memory leak?', targets)).toEqual({ kind: 'trend', metric: 'memory', leak: true });
    // A forecast asked of a leak is still the line read ahead.
    expect(parseIntent('will the web-1 memory leak fill it by tomorrow?', targets)).not.toHaveProperty('leak');
  });

  it('calls a steady climb of a day or more a leak, and a climb of hours only a maybe', () => {
    expect(judgeLeak(series(30, (h) => 80 - h))).toMatchObject({ kind: 'leak', rising: 4 });
    // Flat for a day, then climbing for 10 h: a maybe, since nothing a day before can be set beside it.
    expect(judgeLeak(series(34, (h) => (h > 10 ? 40 : 40 + (10 - h) * 2)))).toMatchObject({ kind: 'young' });
    const young = judgeLeak(series(34, (h) => (h > 10 ? 40 : 40 + (10 - h) * 2)));
    expect(young.kind === 'young' && young.since >= NOW - 12 * H && young.since <= NOW - 6 * H).toBe(true);
    expect(judgeLeak(series(3, (h) => 80 - h))).toEqual({ kind: 'short', keptMs: 3 * H });
  });

  it('tells a daily cycle, the end of a spike and a saw-tooth of restarts apart', () => {
    // Two days of a daily cycle: the latest climb matches the same hours a day before.
    expect(judgeLeak(series(48, cycle))).toMatchObject({ kind: 'none', cycle: { yesterday: { clear: true } } });
    // Spikes to 97% that fall back within minutes are no resets.
    const spiky = series(30, (h) => (h % 6 < 0.1 ? 97 : 50));
    expect(judgeLeak(spiky)).toMatchObject({ kind: 'none', drops: 0 });
    // A climb from 40 to 85 over 8 h, then a restart back to 40, three times.
    expect(judgeLeak(series(30, (h) => 40 + ((30 - h) % 8) * 5.6))).toMatchObject({ kind: 'sawtooth' });
  });

  it('answers with the verdict per target and says when the whole fleet climbs at once', () => {
    const store = createSqliteStore(':memory:');
    const put = (target: string, pts: { ts: number; value: number }[]) =>
      store.saveSamples(pts.map((p) => ({ target, metric: 'memory', ts: p.ts, value: p.value })));
    put(
      'web-1',
      series(30, (h) => 80 - h),
    );
    put('db-1', series(48, cycle));
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    expect(answerIntent(parseIntent('is web-1 leaking memory?', targets), c)).toMatch(
      /^web-1: looks like a leak: memory has climbed steadily for 30 h \(since 2026-12-06 06:00:00 UTC\), \+1\.0\d* %\/h, from about 5\d\.\d% to 8\d\.\d%, rising in 4 of 4 quarters\./,
    );
    const fleet = answerIntent(parseIntent('any memory leaks?', targets), c).split('\n');
    expect(fleet[0]).toBe('Memory that looks like a leak: web-1 (of 2 targets).');
    expect(fleet[2]).toMatch(/^• db-1: no sign of a leak: the climb of the last .* matches the same hours a day before/);
  });
});

describe('what is about to break, and how a metric is going to look', () => {
  it('reads "about to break" as what is building toward an alert, and "going to look" as the line read ahead', () => {
    expect(parseIntent('is anything about to break?', targets)).toEqual({ kind: 'attention', building: true });
    expect(parseIntent('is web-1 about to fall over?', targets)).toEqual({ kind: 'attention', target: 'web-1', building: true });
    expect(parseIntent('how is disk on db-1 going to look next week?', targets)).toMatchObject({
      kind: 'trend',
      metric: 'disk',
      target: 'db-1',
      aheadMs: 7 * D,
    });
    expect(parseIntent('how will db-1 disk look tomorrow?', targets)).toMatchObject({ kind: 'trend', target: 'db-1', aheadMs: D });
  });
});

describe('"how many remediations ran?"', () => {
  it('counts those that ran, and says how many more were proposed and did not run', () => {
    expect(parseIntent('how many remediations ran this month?', targets)).toMatchObject({ kind: 'history', count: true, ran: true });
    expect(parseIntent('which remediations were executed today?', targets)).toMatchObject({ kind: 'history', ran: true });
    const c = ctx(NOW - 2 * D, []);
    const put = (id: string, state: Proposal['state']) => {
      const p = { ...PROPOSAL, id, state, createdTs: NOW - H, updatedTs: NOW - H / 2 };
      c.store.insertProposal(p, { proposalId: id, from: null, to: state, actor: 'pipeline', ts: p.updatedTs, note: '' });
    };
    put('rp_a', 'succeeded');
    put('rp_b', 'withdrawn');
    put('rp_c', 'withdrawn');
    const lines = ask('how many remediations ran this month?', c);
    expect(lines[0]).toBe('1 remediation that ran this month (since 2026-12-01, UTC).');
    expect(lines.at(-1)).toBe('Also proposed and not run: 2 (withdrawn 2); ask for the history to list them.');
    expect(ask('how many remediations this month?', c)[0]).toBe('3 remediations this month (since 2026-12-01, UTC).');
  });
});

describe('"the busiest day of the week"', () => {
  it("ranks weekdays, not dates, on the asker's calendar, and says when too few weeks were kept for a pattern", () => {
    for (const q of ["what's the busiest day of the week for alerts?", 'which weekday has the most alerts?', 'alerts by day of week'])
      expect(parseIntent(q, targets)).toMatchObject({ kind: 'anomalies', rank: 'weekday' });
    expect(parseIntent("what's the busiest day for alerts?", targets)).toMatchObject({ rank: 'day' });
    // NOW is Monday 12:00 UTC: three Mondays with two alerts each, one Friday at 22:00 UTC (Saturday in Tokyo).
    const mondays = [0, 7, 14].flatMap((d) => [NOW - d * D - 2 * H, NOW - d * D - 3 * H]);
    const friday = Date.UTC(2026, 11, 4, 22);
    const c = ctx(NOW - 20 * D, [...mondays, friday]);
    expect(ask("what's the busiest day of the week for alerts?", c)[0]).toBe(
      'Most episodes by day of the week (UTC, by start): Monday 6; then Friday 1.',
    );
    expect(ask('which weekday has the most alerts?', { ...c, zone: 'Asia/Tokyo' })[0]).toBe(
      'Most episodes by day of the week (Asia/Tokyo, by start): Monday 6; then Saturday 1.',
    );
    const young = ctx(NOW - 3 * D, [NOW - 2 * H, NOW - D - 2 * H]);
    expect(ask('which weekday has the most alerts?', young)[0]).toMatch(
      /^Monday and Sunday tie for the most episodes by day of the week \(UTC, by start\), 1 each\. Only 26 h of alerts kept, so each weekday was seen at most twice: no weekly pattern yet\.$/,
    );
  });
});

describe("the team's time zone (chat.timezone)", () => {
  const alert: NeutralMessage = {
    title: 'web-1 CPU 96% since 2026-12-07 12:00:00 UTC',
    severity: 'critical',
    text: 'Open 11:55–12:00 UTC; peak at 11:58 UTC',
    fields: [{ label: 'Since', value: '2026-12-07 12:00:00 UTC' }],
    context: 'an_1 · 12:00 UTC',
    actions: [{ action: 'ack', anomalyId: 'an_1', label: 'Ack' }],
  };

  it('shows the times of channel posts on the team clock, and leaves UTC alone', () => {
    const berlin = localizeMessage(alert, 'Europe/Berlin', NOW);
    expect(berlin.title).toBe('web-1 CPU 96% since 2026-12-07 13:00:00 +01:00');
    expect(berlin.text).toBe('Open 12:55–13:00 +01:00; peak at 12:58 +01:00');
    expect(berlin.fields).toEqual([{ label: 'Since', value: '2026-12-07 13:00:00 +01:00' }]);
    expect(berlin.context).toBe('an_1 · 13:00 +01:00');
    expect(berlin.actions).toEqual(alert.actions);
    expect(localizeMessage(alert, 'UTC', NOW)).toBe(alert);
    expect(localizeMessage(alert, undefined, NOW)).toBe(alert);
  });

  it('delivers posts on the team clock, as of when they were queued', async () => {
    const store = createSqliteStore(':memory:');
    const fake = createFakeChatAdapter();
    const worker = createOutboxWorker({
      store,
      adapters: () => new Map<Platform, ChatAdapter>([['fake', fake]]),
      clock: { now: () => NOW + 60_000 },
      logger: captureLogger(),
      zone: 'Asia/Tokyo',
    });
    store.chat.enqueue({ platform: 'fake', channel: 'C1', op: 'post', msgKey: 'a1', threadKey: null, payload: alert }, NOW);
    await worker.pumpOnce();
    expect([...fake.messages.values()][0]!.versions[0]!.title).toBe('web-1 CPU 96% since 2026-12-07 21:00:00 +09:00');
  });

  it("is each person's zone until they choose one, after the zone their client shows", () => {
    const store = createSqliteStore(':memory:');
    const zones = createUserZones(store, 'Europe/Berlin');
    const ann = { platform: 'slack' as const, id: 'UANN' };
    expect(zones.zoneOf(ann)).toBe('Europe/Berlin');
    expect(zones.zoneOf(ann, 'America/New_York')).toBe('America/New_York');
    expect(zones.handle({}, { ...ann, name: 'ann', roles: [] }, NOW).text).toBe(
      'Times in my replies to you are in the team\'s zone, Europe/Berlin (chat.timezone), as are alerts in channels. "Show times in Europe/Berlin" (an IANA zone name) changes it for you; "use UTC" too.',
    );
    zones.handle({ reset: true }, { ...ann, name: 'ann', roles: [] }, NOW);
    expect(zones.zoneOf(ann)).toBeUndefined();
    expect(zones.handle({ zone: 'asia/tokyo' }, { ...ann, name: 'ann', roles: [] }, NOW).text).toMatch(
      /Alerts in channels are in Europe\/Berlin\./,
    );
    expect(createUserZones(store).zoneOf({ platform: 'slack', id: 'UBOB' })).toBeUndefined();
  });

  it('is refused at boot when it is no IANA zone, and sets the digest clock when the digest names none', () => {
    expect(configSchema.safeParse({ chat: { timezone: 'Mars/Olympus_Mons' } }).success).toBe(false);
    expect(configSchema.safeParse({ chat: { timezone: 'Europe/Berlin' } }).success).toBe(true);
    const digest = dailyDigestOf(configSchema.parse({ chat: { timezone: 'Europe/Berlin', digest: { at: '09:00' } } }).chat, {
      store: createSqliteStore(':memory:'),
      compose: () => '',
      platforms: () => ['web'],
    } as unknown as Parameters<typeof dailyDigestOf>[1]);
    expect(digest!.next(NOW).timezone).toBe('Europe/Berlin');
    expect(new Date(digest!.next(NOW).ts).toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });
});

describe('"page the on-call"', () => {
  const user = { platform: 'slack' as const, id: 'UOPS', roles: [] };
  function setupPage(rotation: boolean, open: number) {
    const store = createSqliteStore(':memory:');
    for (let k = 0; k < open; k++) {
      const a = { ...resolvedAnomaly(`an_p${k}`, NOW, { startTs: NOW - (k + 1) * H }), status: 'open' as const, endTs: null };
      store.upsertAnomaly({ ...a, target: k ? 'db-1' : 'web-1' });
      store.chat.linkAlert(a.id, `alert:${a.id}`);
      store.chat.addDestinations(`alert:${a.id}`, [{ platform: 'slack', channel: 'C1' }], NOW);
    }
    const people = rotation
      ? rotationIn(store, [
          { name: 'alice', slack: '<@UALICE>' },
          { name: 'bob', slack: '<@UBOB>' },
        ])
      : undefined;
    const e = createAlertEscalation({ store, actor: (u) => `${u.platform}:${u.id}`, mentions: {}, people });
    return (q: string) => {
      const i = parseIntent(q, targets) as Extract<Intent, { kind: 'escalate' }>;
      return e.escalate(i, user, NOW).text;
    };
  }

  it('reads it as a page of whoever holds the pager, and pages about the one alert open when none is named', () => {
    for (const q of ['page the on-call', 'wake up on-call', 'escalate to the on-call', 'ping the oncall about web-1'])
      expect(parseIntent(q, targets)).toMatchObject({ kind: 'escalate', to: 'the on-call' });
    expect(parseIntent('who is on call?', targets)).toEqual({ kind: 'routing', onCall: true });
    // 12:00 on 2026-12-07 is in the seventh shift from 12-01: alice's.
    expect(setupPage(true, 1)('page the on-call')).toBe('Escalated the alert on web-1 to alice (on call now), pinging <@UALICE>.');
    expect(setupPage(true, 0)('page the on-call')).toBe(
      'Nothing escalated: no alert posted to chat is open, so there is nothing to page alice (on call now) about. Say "page the on-call about <target>" or "page the on-call about an_…".',
    );
    expect(setupPage(true, 2)('page the on-call')).toBe(
      'Page alice (on call now) about which alert? 2 are open: web-1 (an_p0), db-1 (an_p1). Say "page the on-call about <target>" or "page the on-call about an_…".',
    );
    expect(setupPage(false, 1)('page the on-call')).toBe(
      'Nothing escalated: no on-call rotation is configured (chat.onCall); "escalate <target>" pings chat.escalate.mentions.',
    );
    expect(setupPage(false, 1)('escalate')).toBe(
      'Escalated the alert on web-1, pinging nobody: chat.escalate.mentions is empty, so the reply only shows in the channel.',
    );
  });
});

describe('"how long do approvals take?" and "who approves restarts?"', () => {
  it('counts a cancel by the requester as undecided, and tells it from a withdrawal when the anomaly ended', () => {
    const c = ctx(NOW - 2 * D, []);
    const put = (id: string, state: Proposal['state'], by: string | null, took?: number) => {
      const p = {
        ...PROPOSAL,
        id,
        state,
        createdTs: NOW - H,
        updatedTs: NOW - H + (took ?? 0),
        decidedBy: by,
        decidedTs: took === undefined ? null : NOW - H + took,
      };
      c.store.insertProposal(p, { proposalId: id, from: null, to: state, actor: by ?? 'system', ts: p.updatedTs, note: '' });
    };
    put('rp_ok', 'succeeded', 'web:alice', 4 * 60_000);
    put('rp_gone', 'withdrawn', null);
    put('rp_gone2', 'withdrawn', null);
    put('rp_back', 'withdrawn', 'web:carol', 60_000);
    const lines = ask('how long do approvals usually take?', c);
    expect(lines[0]).toBe('Decision times in the last 7 d, of 4 proposals that needed a person:');
    expect(lines[1]).toMatch(/^• Decided: 1 \(approved 1, denied 0\): median 4 min, /);
    expect(lines).toContain('• Undecided: 2 withdrawn because their anomaly ended first, 1 cancelled by who asked.');
  });

  it('reads "who approves restarts?" as who may approve, not who approved', () => {
    for (const q of ['who approves restarts?', 'who approves?', 'who signs off on scale ups?'])
      expect(parseIntent(q, targets)).toEqual({ kind: 'policy', focus: 'approvers' });
    expect(parseIntent('who approved the last restart?', targets)).toMatchObject({ kind: 'history', outcome: 'approved' });
  });
});

describe('a request its requester cancelled', () => {
  it('is neither approved nor decided in the history', () => {
    const c = ctx(NOW - 2 * D, []);
    const p = { ...PROPOSAL, id: 'rp_back', state: 'withdrawn' as const, updatedTs: NOW - H, decidedBy: 'web:carol', decidedTs: NOW - H };
    c.store.insertProposal(p, { proposalId: p.id, from: null, to: 'withdrawn', actor: 'web:carol', ts: p.updatedTs, note: '' });
    expect(ask('how many remediations were approved today?', c)[0]).toBe('No remediation was approved today (UTC).');
    const counted = ask('how many remediations today?', c);
    expect(counted[0]).toBe('1 remediation today (UTC).');
    expect(counted.join('\n')).not.toMatch(/^Decided by:/m);
  });
});

describe('"which alerts fired more than 5 times today?"', () => {
  it('lists each target and metric with that many episodes, or says none did and the most any had', () => {
    expect(parseIntent('which alerts fired more than 5 times today?', targets)).toMatchObject({ rank: 'series', timesAtLeast: 6 });
    expect(parseIntent('alerts that went off at least 3 times this week', targets)).toMatchObject({ rank: 'series', timesAtLeast: 3 });
    expect(parseIntent('which alerts fired 3 or more times?', targets)).toMatchObject({ rank: 'series', timesAtLeast: 3 });
    // web-1 CPU 7 times today, 20 min apart; db-1 CPU twice.
    const c = ctx(
      NOW - D,
      Array.from({ length: 7 }, (_, k) => NOW - (k + 1) * 20 * 60_000),
    );
    for (const [k, ago] of [5, 6].entries())
      c.store.upsertAnomaly(resolvedAnomaly(`an_db${k}`, NOW, { target: 'db-1', startTs: NOW - ago * H, endTs: NOW - ago * H + 600_000 }));
    expect(ask('which alerts fired more than 5 times today?', c)[0]).toBe(
      'Fired 6 times or more (episodes of one target and metric): web-1 CPU 7 (1 of the 2 that fired).',
    );
    expect(ask('which alerts fired more than 10 times today?', c)[0]).toBe(
      'Nothing fired 11 times or more (episodes of one target and metric); the most: web-1 CPU 7.',
    );
  });
});

describe('"what\'s different about web-1 today compared to last week?"', () => {
  it('sets a target against its own past when a past is named, and against its peers when none is', () => {
    expect(parseIntent("what's different about web-1 today compared to last week?", targets)).toEqual({
      kind: 'compare',
      target: 'web-1',
      against: 'last_week',
    });
    expect(parseIntent('how is web-1 different from yesterday?', targets)).toEqual({
      kind: 'compare',
      target: 'web-1',
      against: 'yesterday',
    });
    expect(parseIntent("what's different about web-1?", targets)).toEqual({ kind: 'peers', target: 'web-1' });
  });
});
