import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { stretchesPast } from '../../../src/bot/stretches-past.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

// 11:49 UTC on 2026-12-03.
const NOW = Date.UTC(2026, 11, 3, 11, 49, 0);
const MIN = 60_000;
const STEP = 30_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'api-1' }];

/**
 * Every 30 s for the last 2 h. web-1 CPU is 20%, except 90% from 90 to 80 min ago (20 readings),
 * 95% from 30 to 25 min ago with one 99% at 27 min ago (10 readings), and 85% for the last five
 * readings (2 min ago to now). db-1 disk is 70% throughout, with no readings from 60 to 50 min ago
 * (the last before the gap 60.5 min ago, the first after it 49.5 min ago).
 * api-1 CPU is 10% throughout.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let ts = NOW - 120 * MIN; ts <= NOW; ts += STEP) {
    const ago = NOW - ts;
    const cpu =
      ago <= 2 * MIN ? 85 : ago === 27 * MIN ? 99 : ago <= 30 * MIN && ago > 25 * MIN ? 95 : ago <= 90 * MIN && ago > 80 * MIN ? 90 : 20;
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: cpu });
    samples.push({ target: 'api-1', metric: 'cpu', ts, value: 10 });
    if (ago > 60 * MIN || ago < 50 * MIN) samples.push({ target: 'db-1', metric: 'disk', ts, value: 70 });
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('stretchesPast', () => {
  const at = (i: number, value: number): Sample => ({ target: 't', metric: 'cpu', ts: i * STEP, value });
  const o = { now: 10 * STEP, freshMs: 90_000, breakAfterMs: 90_000 };

  it('runs from the first reading past the bound to the first one back, and counts the readings', () => {
    const got = stretchesPast([at(0, 1), at(1, 9), at(2, 7), at(3, 1), at(4, 9), at(5, 1)], { above: true, value: 5 }, o);
    expect(got.stretches.map((x) => [x.startTs, x.endTs, x.samples, x.peak.value])).toEqual([
      [1 * STEP, 3 * STEP, 2, 9],
      [4 * STEP, 5 * STEP, 1, 9],
    ]);
    expect([got.past, got.samples, got.stepMs, got.highest?.value, got.lowest?.value]).toEqual([3, 6, STEP, 9, 1]);
  });

  it('ends a stretch at a gap in the readings, one step after its last reading', () => {
    const got = stretchesPast([at(0, 9), at(1, 9), at(9, 9), at(10, 9)], { above: true, value: 5 }, o);
    expect(got.stretches.map((x) => [x.startTs, x.endTs, x.gap, x.ongoing])).toEqual([
      [0, 2 * STEP, { from: STEP, until: 9 * STEP }, false],
      [9 * STEP, 10 * STEP, undefined, true],
    ]);
  });

  it('counts the line itself as past it only for an "or equal" bound', () => {
    const points = [at(0, 5), at(1, 4)];
    expect(stretchesPast(points, { above: true, value: 5 }, o).past).toBe(0);
    expect(stretchesPast(points, { above: true, value: 5, orEqual: true }, o).past).toBe(1);
    expect(stretchesPast(points, { above: false, value: 4, orEqual: true }, o).past).toBe(1);
  });

  it('leaves a stretch that reaches the latest reading open only while that reading is fresh', () => {
    const points = [at(0, 1), at(1, 9)];
    expect(stretchesPast(points, { above: true, value: 5 }, { ...o, now: 2 * STEP }).stretches[0]).toMatchObject({
      ongoing: true,
      endTs: 2 * STEP,
    });
    expect(stretchesPast(points, { above: true, value: 5 }, { ...o, now: 20 * STEP }).stretches[0]).toMatchObject({
      ongoing: false,
      endTs: 2 * STEP,
    });
  });
});

describe('a bound asked of the past', () => {
  it('"when did … last exceed" gives the latest stretch, going on now, with the totals', () => {
    expect(ask('when did web-1 cpu last exceed 80%?')).toBe(
      'web-1 CPU is above 80.0% now (85.0% at 2026-12-03 11:49:00 UTC): 2026-12-03 11:47:00–now (2 min), peak 85.0% at 11:47:00 UTC.\n' +
        'Over all stored samples (since 2026-12-03 09:49:00 UTC): 17 min in all, in 3 stretches (35 of 241 samples, 14.5%).',
    );
    // Past 85% (not at it), the latest stretch is the 95% one, which ended 25 min ago.
    expect(ask('when did web-1 cpu last exceed 85%?')).toMatch(
      /^web-1 CPU was last above 85\.0% 25 min ago: 2026-12-03 11:19:00–11:24:00 UTC \(5 min\), peak 99\.0% at 11:22:00 UTC\./,
    );
    // Reaching 85% counts 85% itself.
    expect(ask('when did web-1 cpu last hit 85%?')).toMatch(/^web-1 CPU is at or above 85\.0% now/);
  });

  it('"how long was … above" sums the stretches in the time asked, listed latest first', () => {
    expect(ask('how long was web-1 cpu above 80% in the last 2 hours?')).toBe(
      [
        'web-1 CPU was above 80.0% for 17 min in all, in 3 stretches (35 of 241 samples, 14.5%) over the last 2 h; it still is (85.0% at 11:49:00 UTC).',
        '• 11:47:00–now (2 min), peak 85.0% at 11:47:00 UTC',
        '• 11:19:00–11:24:00 UTC (5 min), peak 99.0% at 11:22:00 UTC',
        '• 10:19:00–10:29:00 UTC (10 min), peak 90.0% at 10:19:00 UTC',
      ].join('\n'),
    );
  });

  it('"how many times" counts the stretches; "first" gives the earliest', () => {
    expect(ask('how many times did web-1 cpu go above 80% in the last hour?')).toMatch(
      /^web-1 CPU went above 80\.0% 2 times over the last 60 min: 7 min in all \(15 of 121 samples, 12.4%\); it still is/,
    );
    expect(ask('when did web-1 cpu first exceed 80%?')).toMatch(
      /^web-1 CPU was first above 80\.0% at 2026-12-03 10:19:00 UTC, for 10 min; peak 90\.0%/,
    );
  });

  it('"how long has … been above" says how long the current stretch has lasted, and that it was past the line before a gap too', () => {
    expect(ask('how long has db-1 disk been above 60%?')).toMatch(
      /^db-1 disk has been above 60\.0% since 2026-12-03 10:59:30 UTC: 50 min so far \(70\.0% at 2026-12-03 11:49:00 UTC\); peak 70\.0% at 10:59:30 UTC\. Before that, no readings for 11 min; every reading before was above 60\.0% too, back to 2026-12-03 09:49:00 UTC\./,
    );
    expect(ask('how long has web-1 cpu been above 90%?')).toMatch(
      /^web-1 CPU is not above 90\.0% now \(85\.0% at .*\)\. It was last above 90\.0% 25 min ago/,
    );
  });

  it('says so, with the closest reading, when the line was never crossed', () => {
    expect(ask('has api-1 cpu ever been above 50%?')).toBe(
      'No: api-1 CPU was not above 50.0% over all stored samples (since 2026-12-03 09:49:00 UTC); its peak was 10.0% at 2026-12-03 09:49:00 UTC (241 samples, 2026-12-03 09:49:00 UTC–2026-12-03 11:49:00 UTC).',
    );
    expect(ask('when did api-1 cpu last drop below 5%?')).toMatch(/^api-1 CPU was never below 5\.0% /);
  });

  it('answers "what percent of the time" with the time past the line and its share of the readings', () => {
    expect(parseIntent('what percent of the time was web-1 cpu over 80% in the last 2 hours?', targets)).toMatchObject({
      boundAsk: 'duration',
    });
    expect(ask('what percent of the time was web-1 cpu over 80% in the last 2 hours?').split('\n')[0]).toBe(
      'web-1 CPU was above 80.0% for 17 min in all, in 3 stretches (35 of 241 samples, 14.5%) over the last 2 h; it still is (85.0% at 11:49:00 UTC).',
    );
    // A time spent past a line is not money.
    expect(parseIntent('how much time did web-1 spend above 80% cpu?', targets)).toMatchObject({ kind: 'metrics', boundAsk: 'duration' });
    expect(ask('how much time did web-1 spend above 80% cpu in the last 2 hours?')).not.toMatch(/cost or billing/);
  });

  it('ranks the fleet by time past the line and names the targets that never crossed it', () => {
    expect(ask('which hosts had cpu above 80% in the last 2 hours?')).toBe(
      [
        '1 of 2 targets had CPU above 80.0% over the last 2 h:',
        '```',
        // The longest of the three is the 90% stretch from 90 to 80 min ago.
        'target  time above 80.0%  of readings  stretches  longest  last  peak',
        'web-1   17 min            14.5%        3          10 min   now   99.0%',
        '```',
        'Not above 80.0%: api-1.',
      ].join('\n'),
    );
    expect(ask('has any host had cpu above 99.5% in the last 2 hours?')).toBe(
      'No: no target had CPU above 99.5% over the last 2 h (2 targets read; highest: web-1 99.0% at 11:22:00 UTC).',
    );
  });

  it('leaves "is … above" about the latest reading', () => {
    expect(ask('is web-1 cpu above 80%?')).toBe('Yes: web-1 CPU is 85.0% (at 11:49:00 UTC), above 80.0%.');
  });
});

describe('a threshold rule line asked in words', () => {
  const rules = (c: AnswerContext): AnswerContext => ({
    ...c,
    thresholds: [
      { metric: 'cpu', above: 92, forSamples: 3, severity: 'critical' },
      { metric: 'cpu', above: 80, forSamples: 3, severity: 'warning' },
      { metric: 'cpu', above: 50, forSamples: 3, severity: 'critical', target: 'db-*' },
    ],
  });

  it('reads "critical", "in the red" and "the threshold" as the line a rule of that severity draws', () => {
    expect(parseIntent('how long was web-1 cpu critical?', targets)).toMatchObject({
      kind: 'metrics',
      bound: { rule: 'critical' },
      boundAsk: 'duration',
    });
    // The same stretches as the figure itself: the critical line is 92%, the lowest line 80%.
    const c = rules(ctx());
    expect(ask('how long was web-1 cpu critical today?', c)).toBe(ask('how long was web-1 cpu above 92% today?', c));
    expect(ask('when did web-1 cpu last cross the threshold?', c)).toBe(ask('when did web-1 cpu last exceed 80%?', c));
    expect(ask('how many times was web-1 cpu above the warning threshold today?', c)).toBe(
      ask('how many times was web-1 cpu above 80% today?', c),
    );
    // A rule for other targets does not apply to web-1.
    expect(ask('is web-1 cpu critical?', c)).toMatch(/^No: web-1 CPU is 85\.0% .*, not above 92\.0%\.$/);
  });

  it('says when no rule draws such a line, and leaves alerts of a severity alone', () => {
    expect(ask('how long was db-1 disk critical?', rules(ctx()))).toBe(
      'No critical threshold rule is set for disk on db-1 (thresholds in the config file), so there is no line to measure against; ask with a figure ("how long was it above 90%?").',
    );
    expect(parseIntent('how many critical alerts today?', targets)).toMatchObject({ kind: 'anomalies', severity: 'critical' });
    expect(parseIntent('was the web-1 cpu alert warning or critical?', targets)).not.toHaveProperty('bound');
  });
});
