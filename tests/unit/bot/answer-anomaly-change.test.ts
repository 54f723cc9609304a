import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { markBackfilled, markWatching, watchingSince, WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
let n = 0;

/** Anomalies `hoursAgo`, each `minutes` long (10), watched since `watchedDaysAgo`. */
function ctx(list: (Partial<Anomaly> & { hoursAgo: number; minutes?: number })[], watchedDaysAgo = 30): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setKv(WATCHING_SINCE, String(NOW - watchedDaysAgo * D));
  for (const { hoursAgo, minutes = 10, ...a } of list) {
    const startTs = NOW - hoursAgo * H;
    store.upsertAnomaly(resolvedAnomaly(`an_c${n++}`, NOW, { startTs, endTs: startTs + minutes * 60_000, ...a }));
  }
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');
const db = { target: 'db-1', metric: 'disk', severity: 'critical' as const };

// This week: web-1 CPU 4 times (one with a robust anomaly on the same episode), db-1 disk once.
// The week before: web-1 CPU once, db-1 disk three times, for 30 min each.
const WEEKS = [
  ...[10, 30, 50, 70].map((h) => ({ hoursAgo: h })),
  { hoursAgo: 10, detector: 'robust' as const },
  { hoursAgo: 100, ...db },
  { hoursAgo: 200 },
  ...[210, 220, 230].map((h) => ({ hoursAgo: h, minutes: 30, ...db })),
];

describe('"alerts this week vs last week"', () => {
  it('counts episodes in each period side by side, says the change, and which targets and metrics moved', () => {
    const lines = ask('alerts this week vs last week', ctx(WEEKS));
    expect(lines.slice(0, 10)).toEqual([
      'Anomalies, the last 7 d against the 7 d before:',
      '```',
      '                   the last 7 d  the 7 d before',
      'episodes           5             4',
      'anomalies          6             4',
      'critical           1             3',
      'warning            5             1',
      'median to resolve  10 min        30 min',
      'watched            7.0 d         7.0 d',
      '```',
    ]);
    expect(lines[10]).toBe('Up 25%: 5 episodes against 4.');
    expect(lines[11]).toBe('By target: more on web-1 +3 (4, from 1); fewer on db-1 −2 (1, from 3).');
    expect(lines[12]).toBe('By metric: more on CPU +3 (4, from 1); fewer on disk −2 (1, from 3).');
    expect(lines.slice(13)).toEqual(['Episodes count the anomalies on one target and metric at overlapping times once.']);
  });

  it('keeps the target, metric and severity asked, and says an unknown target', () => {
    const c = ctx(WEEKS);
    const disk = ask('critical disk alerts on db-1 this week compared to last week', c);
    expect(disk[0]).toBe('Critical disk anomalies on db-1, the last 7 d against the 7 d before:');
    expect(disk).toContain('Down 67%: 1 episode against 3.');
    // One target: no line by target; one metric: none by metric; one severity: no severity rows.
    expect(disk.some((l) => l.startsWith('By '))).toBe(false);
    expect(disk.some((l) => /^(critical|warning) /.test(l))).toBe(false);
    expect(ask('are alerts on web-9 going up?', c)[0]).toMatch(/^I don't know a target called "?web-9/);
  });

  it('compares rates when the period before was only partly watched, and refuses one barely watched', () => {
    // Watched 11 d: the week before is 4 d of 7.
    const partly = ask('alerts this week vs last week', ctx(WEEKS, 11));
    expect(partly).toContain('episodes a day     0.7           1.0');
    expect(partly).toContain('Down 29%: 0.7 episodes a day watched against 1.0.');
    expect(partly.some((l) => l.startsWith('By target'))).toBe(false);
    expect(partly).toContain('I began counting at 2026-11-24 12:00:00 UTC, so the 7 d before is 4 d of 7 d: compare the rates.');
    // Watched 9 d: 2 d of the week before is too little to say anything of it.
    expect(ask('alerts this week vs last week', ctx(WEEKS, 9))).toEqual([
      'I have counted anomalies only since 2026-11-26 12:00:00 UTC (when I began watching, or as far back as they are kept), so I cannot compare anomalies with the 7 d before: too little of it was watched.',
      'The last 7 d: 5 episodes (6 anomalies).',
    ]);
  });

  it('leaves the time I was not running out of both periods', () => {
    const c = ctx(WEEKS);
    // Down 12 h in the last week: restarted 3 d ago, the tick before it 3.5 d ago.
    c.store.appendRecord('started', NOW - 3 * D, { lastTickBeforeTs: NOW - 3.5 * D });
    const lines = ask('alerts this week vs last week', c);
    expect(lines).toContain('watched            6.5 d         7.0 d');
    expect(lines).toContain('I was not running for 12 h of these periods, which counts in neither ("when were you last restarted?").');
  });
});

describe('"more alerts than yesterday?" and "than usual?"', () => {
  it('puts today so far against yesterday up to the same time', () => {
    // Today (to 12:00): 3 episodes. Yesterday to 12:00: 1; yesterday afternoon's 2 do not count.
    const c = ctx([{ hoursAgo: 1 }, { hoursAgo: 5 }, { hoursAgo: 11, ...db }, { hoursAgo: 30 }, { hoursAgo: 20 }, { hoursAgo: 16 }]);
    const lines = ask('are we getting more alerts than yesterday?', c);
    expect(lines[0]).toBe('Anomalies, today so far (to 12:00 UTC) against yesterday to 12:00 UTC:');
    expect(lines[3]).toBe('episodes           3                            1');
    expect(lines).toContain('Up 200%: 3 episodes against 1.');
    // The day's digest says the same in one line; yesterday's against the day before, which was not watched.
    expect(ask('summarise today', c)).toContain('Against yesterday to 12:00 UTC: Up 200%: 3 episodes against 1.');
    expect(ask('recap yesterday', c).some((l) => l.startsWith('Against '))).toBe(true);
    expect(ask('recap yesterday', ctx([{ hoursAgo: 20 }], 1.6)).some((l) => l.startsWith('Against '))).toBe(false);
  });

  it('says whether a period is within the range of the same periods before it', () => {
    // One episode in each of the 7 days before (same hours), four today.
    const days = [1, 2, 3, 4, 5, 6, 7].map((k) => ({ hoursAgo: k * 24 + 2 }));
    const c = ctx([...days, ...[1, 2, 3, 4].map((h) => ({ hoursAgo: h + 0.5 }))]);
    expect(ask('more alerts than usual today?', c).slice(0, 3)).toEqual([
      'Anomalies, today so far (to 12:00 UTC) against the same hours of the 7 days before that I watched whole:',
      'More than usual: 4 episodes against 1.0 on average (between 1 and 1).',
      'Today so far (to 12:00 UTC): 4 episodes (4 anomalies).',
    ]);
    // Watched 3 d: only 2 whole days before today.
    expect(ask('more alerts than usual today?', ctx([...days.slice(0, 2), { hoursAgo: 1 }], 3))[1]).toBe(
      'Within the usual range: 1 episode against 1.0 on average (between 1 and 1).',
    );
  });

  it('reads the ways of asking, and leaves counts, lists and metric comparisons alone', () => {
    const parse = (q: string) => parseIntent(q, targets);
    expect(parse('alerts this week vs last week')).toEqual({ kind: 'anomaly_change', period: 'last', ms: 7 * D });
    expect(parse('how many anomalies today compared to yesterday')).toEqual({ kind: 'anomaly_change', period: 'day', ms: D });
    expect(parse('is the alert rate going up?')).toEqual({ kind: 'anomaly_change', period: 'last', ms: D });
    expect(parse('more incidents than usual?')).toEqual({ kind: 'anomaly_change', period: 'last', ms: D, usual: true });
    expect(parse('disk alerts on db-1 in the last 6h vs the 6h before')).toEqual({
      kind: 'anomaly_change',
      period: 'last',
      ms: 6 * H,
      target: 'db-1',
      metric: 'disk',
    });
    expect(parse('are critical alerts increasing this month?')).toMatchObject({ period: 'last', ms: 30 * D, severity: 'critical' });
    expect(parse('is it quieter than usual?')).toEqual({ kind: 'anomaly_change', period: 'last', ms: D, usual: true });
    expect(parse('is today busier than yesterday?')).toEqual({ kind: 'anomaly_change', period: 'day', ms: D });
    expect(parse('how does today compare to yesterday?')).toEqual({ kind: 'anomaly_change', period: 'day', ms: D });
    expect(parse('trend of incidents this month')).toEqual({ kind: 'anomaly_change', period: 'last', ms: 30 * D });
    expect(parse('is web-1 busier than yesterday?')).toMatchObject({ kind: 'compare', target: 'web-1' });
    expect(parse('quiet web-1 for 1h')).toMatchObject({ kind: 'silence', target: 'web-1' });
    expect(parse('alert volume this week')).toMatchObject({ kind: 'anomalies', count: true });
    expect(parse('how many alerts last week')).toMatchObject({ kind: 'anomalies', count: true });
    expect(parse('alerts today')).toMatchObject({ kind: 'anomalies' });
    expect(parse('which alerts fired more than twice')).toMatchObject({ kind: 'anomalies' });
    expect(parse('cpu on web-1 vs yesterday')).toMatchObject({ kind: 'compare', against: 'yesterday' });
    expect(parse('is memory higher than last week?')).toMatchObject({ kind: 'compare', against: 'last_week' });
  });
});

describe('when watching began', () => {
  it('is the earliest history backfilled before the first tick, and never moves after it', () => {
    const store = createSqliteStore(':memory:');
    markBackfilled(store, 5000);
    markBackfilled(store, 3000);
    markBackfilled(store, 4000);
    expect(watchingSince(store)).toBe(3000);
    store.setKv('pipeline:last_tick', '{}');
    markBackfilled(store, 1000);
    markWatching(store, 9000);
    expect(watchingSince(store)).toBe(3000);
  });

  it('on a data dir from before it was kept, is the oldest anomaly or start recorded', () => {
    const store = createSqliteStore(':memory:');
    expect(watchingSince(store)).toBeUndefined();
    store.upsertAnomaly(resolvedAnomaly('an_old', NOW, { startTs: NOW - 5 * D, endTs: NOW - 5 * D + 60_000 }));
    store.upsertAnomaly(resolvedAnomaly('an_new', NOW, { startTs: NOW - D, endTs: NOW - D + 60_000 }));
    store.appendRecord('started', NOW - 3 * D, { lastTickBeforeTs: null });
    markWatching(store, NOW);
    expect(watchingSince(store)).toBe(NOW - 5 * D);
    const fresh = createSqliteStore(':memory:');
    markWatching(fresh, NOW);
    expect(watchingSince(fresh)).toBe(NOW);
  });
});
