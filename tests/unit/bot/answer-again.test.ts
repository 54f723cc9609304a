import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { recurrenceLines } from '../../../src/bot/recurrence-lines.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'web-2' }, { name: 'db-1' }];
const parse = (q: string) => parseIntent(q, targets);

/**
 * web-2 memory opened at 02:00, 06:00 (two detectors at once: one episode) and 09:00, each for 20 min;
 * web-2 CPU once, 3 days ago; db-1 disk 9 days ago, past the week asked.
 */
function anomalies() {
  const at = (id: string, target: string, metric: string, hoursAgo: number, detector: 'threshold' | 'robust' = 'threshold') =>
    resolvedAnomaly(id, NOW, { target, metric, detector, startTs: NOW - hoursAgo * H, endTs: NOW - hoursAgo * H + H / 3 });
  return [
    at('an_m1', 'web-2', 'memory', 10),
    at('an_m2', 'web-2', 'memory', 6),
    at('an_m2r', 'web-2', 'memory', 6, 'robust'),
    at('an_m3', 'web-2', 'memory', 3),
    at('an_c1', 'web-2', 'cpu', 72),
    at('an_d1', 'db-1', 'disk', 9 * 24),
  ];
}

function ctx(watchedHoursAgo?: number): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const a of anomalies()) store.upsertAnomaly(a);
  if (watchedHoursAgo !== undefined) store.setKv(WATCHING_SINCE, String(NOW - watchedHoursAgo * H));
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

describe('"will web-2 memory alert again?"', () => {
  it('is read as the outlook over the next 6 h with how often it came back; "did it alert again?" stays the past', () => {
    expect(parse('will web-2 memory alert again?')).toEqual({
      kind: 'attention',
      target: 'web-2',
      metric: 'memory',
      building: true,
      aheadMs: 6 * H,
      again: true,
    });
    expect(parse('is the db-1 disk alert going to come back?')).toMatchObject({ target: 'db-1', metric: 'disk', again: true });
    expect(parse('will this happen again tonight?')).toMatchObject({ kind: 'attention', aheadMs: 12 * H, again: true });
    // Coming back up is recovery, not recurrence; a question of the past lists what happened.
    expect(parse('will web-1 come back up?')).not.toMatchObject({ again: true });
    expect(parse('did web-2 alert again?').kind).toBe('anomalies');
  });

  it('reads "again this week", "this weekend" and "the next few days" as that far ahead, not as the week gone', () => {
    expect(parse('will web-2 alert again this week?')).toEqual({
      kind: 'attention',
      target: 'web-2',
      building: true,
      aheadMs: 7 * 24 * H,
      again: true,
    });
    expect(parse('will db-1 memory come back next week?')).toMatchObject({ metric: 'memory', aheadMs: 7 * 24 * H, again: true });
    expect(parse('will web-1 alert this weekend?')).toEqual({ kind: 'attention', target: 'web-1', building: true, aheadMs: 72 * H });
    expect(parse('anything likely to break over the next few days?')).toMatchObject({ kind: 'attention', aheadMs: 72 * H });
    expect(parse('will anything fire in the next 2 days?')).toMatchObject({ kind: 'attention', aheadMs: 48 * H });
    // The week gone is still the past.
    expect(parse('did web-2 alert again this week?')).toMatchObject({ kind: 'anomalies', span: { kind: 'last', ms: 7 * 24 * H } });
    const lines = answerIntent(parse('will web-2 memory alert again this week?'), ctx()).split('\n');
    expect(lines).toContain('Before, over the last 7 d (how often, not when next):');
    // The line is carried no further than four times its window, and says so.
    expect(lines.some((l) => l.includes('not the whole 7 d asked'))).toBe(true);
  });

  it('counts episodes over the week, the last day, when the last ended and the median gap, most first', () => {
    expect(recurrenceLines(['web-2'], anomalies(), { now: NOW, from: NOW - 7 * 24 * H })).toEqual([
      'Before, over the last 7 d (how often, not when next):',
      '• web-2 memory: 3 episodes, 3 in the last 24 h; the last ended 2 h 40 min ago (2026-12-07 09:20:00 UTC); a median 3 h between starts',
      '• web-2 CPU: 1 episode, 0 in the last 24 h; the last ended 3 d ago (2026-12-04 12:20:00 UTC)',
    ]);
    // Nine days ago is outside the week: no anomaly, said over the time asked.
    expect(recurrenceLines(['db-1'], anomalies(), { now: NOW, from: NOW - 7 * 24 * H, metrics: ['disk'] })).toEqual([
      'Before: no anomaly on db-1 disk over the last 7 d.',
    ]);
  });

  it('says since when it was watching when that is less than the week, and never counts before it', () => {
    const lines = answerIntent(parse('will web-2 alert again?'), ctx(5)).split('\n');
    const from = lines.findIndex((l) => l.startsWith('Before,'));
    expect(lines[from]).toBe('Before, since 2026-12-07 07:00:00 UTC, when I began watching (how often, not when next):');
    expect(lines[from + 1]).toMatch(/^• web-2 memory: 1 episode, 1 in the last 24 h; the last ended 2 h 40 min ago/);
    expect(lines.some((l) => l.includes('web-2 CPU'))).toBe(false);
    // The outlook over the next 6 h is there too.
    expect(lines.some((l) => /heads? for a threshold within 6 h/.test(l))).toBe(true);
  });
});

describe('other asks of the twenty-second session', () => {
  it('reads "let\'s …" before a command as the command, and "let us know when …" as a watch', () => {
    expect(parse("let's mute web-1 for 2h")).toEqual({ kind: 'silence', target: 'web-1', durationMs: 2 * H });
    expect(parse('let’s restart app on web-1')).toMatchObject({ kind: 'action_request', target: 'web-1', service: 'app' });
    expect(parse('lets ack web-1')).toEqual({ kind: 'ack', target: 'web-1' });
    expect(parse('let us know when web-1 recovers')).toMatchObject({ kind: 'watch', target: 'web-1', when: 'resolved' });
  });

  it('reads "restart durations", "restart run times" as how long they took, never as a restart of a service', () => {
    for (const q of ['restart durations', 'restart run times', 'restart timings', 'average restart time'])
      expect(parse(q), q).toMatchObject({ kind: 'history', action: 'restart_service', took: true });
    expect(parse('scale up durations')).toMatchObject({ kind: 'history', action: 'scale_up', took: true });
    // "Restart times" may be when they happened: the history, as before.
    expect(parse('restart times')).not.toHaveProperty('took');
  });

  it('reads "did anything break overnight?" as the night\'s anomalies, and "how was the night on db-1?" as db-1\'s digest of it', () => {
    const night = { kind: 'range', from: { minute: 22 * 60, day: { daysBack: 1 } }, until: { minute: 6 * 60, day: { daysBack: 0 } } };
    for (const q of ['did anything break overnight?', 'did anything fail last night?', 'has anything crashed overnight?'])
      expect(parse(q), q).toMatchObject({ kind: 'anomalies', span: night });
    expect(parse('has anything broken today?')).toMatchObject({ kind: 'anomalies', today: true });
    expect(parse('how did the night go for db-1?')).toMatchObject({ kind: 'anomalies', target: 'db-1', span: night, digest: true });
    expect(parse('how was the night on db-1?')).toMatchObject({ kind: 'anomalies', target: 'db-1', span: night, digest: true });
    // A remediation that failed is still the history's.
    expect(parse('did the restart fail?')).toMatchObject({ kind: 'history', outcome: 'failed' });
  });

  it('reads "the week" and "web-1\'s week" as the last seven days, but not "day of the week"', () => {
    const week = { kind: 'last', ms: 7 * 24 * H };
    expect(parse('summarise the week on web-1')).toMatchObject({ kind: 'anomalies', target: 'web-1', span: week, digest: true });
    expect(parse("summarise web-1's week")).toMatchObject({ target: 'web-1', span: week });
    expect(parse('busiest day of the week')).not.toHaveProperty('span');
    expect(parse('alerts the week before')).not.toHaveProperty('span');
  });

  it('reads a bare "2am" in a silence as when it starts, as "02:00" was', () => {
    const at2 = { minute: 120, day: { daysBack: -1 } };
    expect(parse('mute db-1 tomorrow 2am for 1h')).toEqual({ kind: 'silence', target: 'db-1', durationMs: H, from: at2 });
    expect(parse('schedule maintenance for db-1 tomorrow 2am for 1h')).toEqual({
      kind: 'silence',
      target: 'db-1',
      durationMs: H,
      from: at2,
    });
    expect(parse('mute db-1 tomorrow 2am-4am')).toMatchObject({ from: at2, until: { minute: 240, day: { daysBack: -1 } } });
    expect(parse('silence web-1 until 6pm')).toEqual({ kind: 'silence', target: 'web-1', durationMs: H, until: { minute: 18 * 60 } });
  });

  it('reads "has the web-1 alert cleared?" as its latest anomaly in whatever state, and "did api-1 latency recover?" as the verdict', () => {
    expect(parse('has the web-1 alert cleared?')).toEqual({ kind: 'anomalies', limit: 1, today: false, target: 'web-1' });
    expect(parse('is the db-1 memory alert resolved?')).toEqual({
      kind: 'anomalies',
      limit: 1,
      today: false,
      target: 'db-1',
      metric: 'memory',
    });
    expect(parse('when did the last spike happen?')).toMatchObject({ kind: 'anomalies', limit: 1 });
    // Plural, they are still the resolved ones.
    expect(parse('resolved alerts today')).toMatchObject({ resolved: true, limit: 50 });
    for (const q of ['did web-2 latency recover?', 'has web-1 cpu come down?'])
      expect(parse(q), q).toMatchObject({ kind: 'explain', usual: true, target: q.includes('web-2') ? 'web-2' : 'web-1' });
    // The host alone: its overview, which says what is open or when the last ended.
    expect(parse('did web-1 recover?')).toEqual({ kind: 'metrics', target: 'web-1' });
    // The reply names the latest as open or resolved.
    const c = ctx();
    expect(answerIntent(parse('has the web-2 alert cleared?'), c).split('\n')[1]).toMatch(/^• an_m3 .*web-2 memory.*resolved/);
  });

  it('reads "how many GB free on db-1?" as free disk, with the size said not to be read, never as traffic', () => {
    expect(parse('how many GB free on db-1?')).toMatchObject({ kind: 'metrics', metric: 'disk', target: 'db-1', free: true });
    expect(parse('how many GB did web-1 receive today?')).toMatchObject({ metric: 'net_in', total: true });
  });

  it('says how long a host stays silenced when several silences cover it, then lists each', () => {
    const c = ctx();
    const base = { createdBy: 'web:alice', createdTs: NOW };
    c.store.chat.addSilence({ ...base, id: 'sl_a', target: 'web-1', metric: '*', untilTs: NOW + H });
    c.store.chat.addSilence({ ...base, id: 'sl_b', target: 'web-1', metric: '*', untilTs: NOW + 3 * H });
    c.store.chat.addSilence({ ...base, id: 'sl_c', target: 'web-1', metric: 'cpu', untilTs: NOW + 6 * H });
    expect(parse('when does the web-1 silence end?')).toMatchObject({ kind: 'silences', target: 'web-1' });
    const lines = answerIntent(parse('how long is web-1 muted for?'), c).split('\n');
    expect(lines[0]).toBe(
      'Silencing web-1: every alert on web-1 held until 2026-12-07 15:00:00 UTC (3 h more, sl_b); web-1 / CPU until 2026-12-07 18:00:00 UTC (sl_c). 3 silences cover it:',
    );
    expect(lines.slice(1, 4).map((l) => l.slice(2, 6))).toEqual(['sl_a', 'sl_b', 'sl_c']);
    // Only a metric held: said so.
    const d = ctx();
    d.store.chat.addSilence({ ...base, id: 'sl_d', target: 'web-2', metric: 'memory', untilTs: NOW + H });
    expect(answerIntent(parse('is web-2 muted?'), d).split('\n')[0]).toBe(
      'Silencing web-2: no silence holds every alert on web-2; web-2 / memory until 2026-12-07 13:00:00 UTC (sl_d). 1 silence covers it:',
    );
  });

  it('reads "tl;dr for the last hour" as the digest of that hour, and "which host should I restart?" as what needs attention', () => {
    expect(parse('tl;dr for the last hour')).toMatchObject({ kind: 'anomalies', digest: true, span: { kind: 'last', ms: H } });
    expect(parse('tl;dr')).toEqual({ kind: 'one_line' });
    for (const q of ['which host should I restart?', 'which servers should we fix first?'])
      expect(parse(q), q).toEqual({ kind: 'attention' });
  });

  it('answers "how do I unsubscribe?" and the other un- verbs with the help lines of their topic', () => {
    expect(parse('how do I unsubscribe?')).toEqual({ kind: 'help', topic: 'unsubscribe' });
    expect(parse('how do I unfollow web-1?')).toEqual({ kind: 'help', topic: 'unfollow' });
    expect(parse('how can I unsnooze db-1?')).toEqual({ kind: 'help', topic: 'unsnooze' });
    const reply = answerIntent(parse('how do I unsubscribe?'), ctx()).split('\n');
    expect(reply[0]).toBe('About unsubscribe, try:');
    expect(reply.some((l) => l.includes('"unfollow db-1"'))).toBe(true);
  });
});
