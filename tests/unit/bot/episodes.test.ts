import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { describeEpisode, groupEpisodes } from '../../../src/bot/episodes.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 12 - 1, 5, 12, 0, 0);
const MIN = 60_000;
const a = (id: string, over: Partial<Anomaly>): Anomaly => resolvedAnomaly(id, NOW, { target: 'db-1', metric: 'disk', ...over });

/** One disk fill on db-1 seen by three detectors, a separate later one, and a CPU anomaly overlapping in time. */
const FILL = [
  a('an_fc', {
    detector: 'forecast',
    severity: 'critical',
    score: 0.8,
    startTs: NOW - 60 * MIN,
    endTs: NOW - 53 * MIN,
    peak: 98,
    summary: 'rising',
  }),
  a('an_th', { detector: 'threshold', severity: 'warning', startTs: NOW - 58 * MIN, endTs: NOW - 50 * MIN, peak: 97 }),
  a('an_rb', { detector: 'robust', severity: 'critical', score: 0.9, startTs: NOW - 51 * MIN, endTs: NOW - 45 * MIN, peak: 99 }),
  a('an_later', { detector: 'threshold', startTs: NOW - 30 * MIN, endTs: NOW - 25 * MIN }),
  a('an_cpu', { metric: 'cpu', startTs: NOW - 55 * MIN, endTs: NOW - 52 * MIN }),
];

describe('groupEpisodes', () => {
  it('joins anomalies on one target and metric whose times overlap, chained, newest episode first', () => {
    const eps = groupEpisodes(FILL, NOW);
    expect(eps.map((e) => e.members.map((m) => m.id))).toEqual([['an_later'], ['an_cpu'], ['an_fc', 'an_th', 'an_rb']]);
    const fill = eps[2]!;
    expect([fill.startTs, fill.endTs]).toEqual([NOW - 60 * MIN, NOW - 45 * MIN]);
  });

  it('runs an open anomaly to now, so a detector opening later joins it, and the episode stays open', () => {
    const open = a('an_open', { status: 'open', startTs: NOW - 20 * MIN, endTs: null });
    const late = a('an_late', { detector: 'robust', startTs: NOW - 2 * MIN, endTs: NOW - MIN });
    const [ep] = groupEpisodes([late, open], NOW);
    expect(ep!.members.map((m) => m.id)).toEqual(['an_open', 'an_late']);
    expect(ep!.endTs).toBeNull();
    // Touching ends join; a gap of a millisecond does not.
    expect(groupEpisodes([a('x', { startTs: 0, endTs: 10 }), a('y', { startTs: 10, endTs: 20 })], NOW)).toHaveLength(1);
    expect(groupEpisodes([a('x', { startTs: 0, endTs: 10 }), a('y', { startTs: 11, endTs: 20 })], NOW)).toHaveLength(2);
  });
});

describe('describeEpisode', () => {
  it('speaks with the most severe, highest-scored member, names every detector and id, and quotes the first finding', () => {
    const fill = groupEpisodes(FILL, NOW)[2]!;
    expect(describeEpisode(fill, NOW)).toBe(
      'db-1 disk [critical]: peak 99.0%; 2026-12-05 11:00:00 UTC for 15 min, resolved; 3 anomalies: ' +
        'forecast an_fc, threshold an_th, robust an_rb — rising',
    );
  });

  it('reads a one-anomaly episode as the anomaly, and says which members are open in an open one', () => {
    const [single] = groupEpisodes([FILL[3]!], NOW);
    expect(describeEpisode(single!, NOW)).toMatch(/^an_later \[warning\] db-1 disk: peak 97.0%/);
    const open = a('an_open', { status: 'open', startTs: NOW - 20 * MIN, endTs: null, severity: 'critical' });
    const done = a('an_done', { detector: 'robust', startTs: NOW - 15 * MIN, endTs: NOW - 5 * MIN });
    expect(describeEpisode(groupEpisodes([open, done], NOW)[0]!, NOW)).toBe(
      'db-1 disk [critical]: peak 97.0%; since 2026-12-05 11:40:00 UTC (20 min, ongoing); 2 anomalies (1 open): ' +
        'threshold an_open, robust an_done (resolved) — cpu 97 > 90',
    );
  });
});

describe('"incidents" and "episodes" in chat', () => {
  const ctx = (): AnswerContext => {
    const store = createSqliteStore(':memory:');
    for (const x of FILL) store.upsertAnomaly(x);
    return { store, targets: [{ name: 'db-1' }, { name: 'web-1' }], now: NOW, staleAfterMs: 90_000 };
  };
  const ask = (q: string) => answerIntent(parseIntent(q, ctx().targets), ctx());

  it('lists one line per episode, where "anomalies" lists each', () => {
    const eps = ask('the last 3 incidents').split('\n');
    expect(eps[0]).toBe('3 episodes of 5 anomalies, 0 open; all:');
    expect(eps.slice(1).map((l) => /^• (\S+ \S+)/.exec(l)?.[1])).toEqual(['an_later [warning]', 'an_cpu [warning]', 'db-1 disk']);
    const each = ask('the last 3 anomalies').split('\n');
    expect(each[0]).toBe('5 anomalies, in 3 episodes, 0 open; the last 3:');
    expect(each).toHaveLength(4);
  });

  it('counts episodes first when incidents are counted', () => {
    const counted = ask('how many incidents today?').split('\n');
    expect(counted[0]).toBe('3 episodes of 5 anomalies today (UTC), 0 open.');
    // The breakdown counts episodes (by their most severe member); the detectors count anomalies.
    expect(counted).toContain('By target: db-1 3');
    expect(counted).toContain('By metric: disk 2, CPU 1');
    expect(counted).toContain('By severity: warning 2, critical 1');
    expect(counted).toContain('By detector (anomalies): threshold 3, forecast 1, robust 1');
    expect(ask('how many alerts today?').split('\n').slice(0, 2)).toEqual([
      '5 anomalies today (UTC), 0 open.',
      'As episodes: 3 (anomalies on the same target and metric at overlapping times, from different detectors, counted once).',
    ]);
  });

  it('explains the latest anomaly of a metric when its cause is asked', () => {
    const lines = ask('what caused the db-1 disk alert?').split('\n');
    expect(lines[0]).toBe('The latest disk anomaly on db-1 (others: "anomalies", then "explain an_…"):');
    expect(lines[1]).toMatch(/^an_later /);
  });
});
