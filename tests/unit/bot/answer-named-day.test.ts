import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { namedDayBack, namedDayOf } from '../../../src/bot/day-start.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
const D = 24 * H;
// A Saturday, noon.
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(hoursAgo: number[]): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setKv(WATCHING_SINCE, String(NOW - 30 * D));
  hoursAgo.forEach((h, k) => store.upsertAnomaly(resolvedAnomaly(`an_d${k}`, NOW, { startTs: NOW - h * H, endTs: NOW - h * H + 600_000 })));
  // web-1 CPU every hour for 10 days: 40% on Wednesday 2026-12-02, 20% on every other day.
  store.saveSamples(
    Array.from({ length: 240 }, (_, k) => NOW - k * H).map((ts) => ({
      target: 'web-1',
      metric: 'cpu',
      ts,
      value: new Date(ts).getUTCDate() === 2 ? 40 : 20,
    })),
  );
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('today against a day named', () => {
  it('reads a weekday or "the day before yesterday" as the day to set beside today, the latest before it', () => {
    expect(namedDayOf('compare today with friday')).toEqual({ weekday: 5 });
    expect(namedDayOf('today vs the day before yesterday')).toEqual({ daysBack: 2 });
    expect(namedDayOf('today vs yesterday')).toBeUndefined();
    const start = Date.UTC(2026, 11, 5);
    expect(namedDayBack({ weekday: 3 }, start)).toEqual({ days: 3, label: 'Wednesday 2026-12-02' });
    // Its own weekday is the week before, never today.
    expect(namedDayBack({ weekday: 6 }, start)).toEqual({ days: 7, label: 'Saturday 2026-11-28' });
    expect(namedDayBack({ daysBack: 2 }, start)).toEqual({ days: 2, label: 'Thursday 2026-12-03' });
  });

  it('counts anomalies today so far against that day to the same time, not against yesterday', () => {
    for (const q of [
      'compare today with wednesday',
      'are there more alerts today than on wednesday?',
      'how does today compare to last wednesday?',
    ])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'anomaly_change', period: 'day', against: { weekday: 3 } });
    expect(parseIntent('compare today with yesterday', targets)).toEqual({ kind: 'anomaly_change', period: 'day', ms: D });
    // Today to noon: 2. Wednesday to noon: 1 (80 h ago); Wednesday afternoon (70 h) and yesterday (30 h) are outside.
    const lines = ask('are there more alerts today than on wednesday?', ctx([1, 5, 30, 70, 80]));
    expect(lines[0]).toBe('Anomalies, today so far (to 12:00 UTC) against Wednesday 2026-12-02 to 12:00 UTC:');
    expect(lines).toContain('Up 100%: 2 episodes against 1.');
  });

  it('sets a metric today beside the same hours that day', () => {
    expect(parseIntent('cpu on web-1 today vs wednesday', targets)).toEqual({
      kind: 'compare',
      metric: 'cpu',
      target: 'web-1',
      against: 'yesterday',
      day: { weekday: 3 },
    });
    const lines = ask('is cpu on web-1 higher today than wednesday?', ctx([]));
    expect(lines[0]).toBe('web-1, today so far vs the same hours Wednesday 2026-12-02 (00:00–12:00 UTC):');
    expect(lines[3]).toMatch(/^CPU\s+20\.0%\s+40\.0%\s+−20\.0 pts\s+20\.0%\s+40\.0%$/);
    expect(ask('cpu on web-1 vs yesterday', ctx([]))[3]).toMatch(/^CPU\s+20\.0%\s+20\.0%\s+/);
  });
});

describe('before and after a time of day', () => {
  it('sets the time since then against as long just before it', () => {
    expect(parseIntent('did web-1 cpu go up after 10:00?', targets)).toEqual({
      kind: 'compare',
      against: 'previous',
      from: { minute: 600 },
      metric: 'cpu',
      target: 'web-1',
    });
    for (const q of ['compare cpu before and after 10:00', 'cpu before 10:00 vs after', 'how has cpu changed since 10:00?'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'compare', against: 'previous', from: { minute: 600 } });
    // A window alone is still its figures.
    expect(parseIntent('cpu since 10:00', targets)).toMatchObject({ kind: 'metrics', span: { kind: 'range' } });
    const store = createSqliteStore(':memory:');
    store.saveSamples(
      // Half a step off the hour, so no reading sits on 10:00, the edge both windows share.
      Array.from({ length: 48 }, (_, k) => NOW - 150_000 - k * 5 * 60_000).map((ts) => ({
        target: 'web-1',
        metric: 'cpu',
        ts,
        value: ts >= NOW - 2 * H ? 50 : 20,
      })),
    );
    const lines = answerIntent(parseIntent('did web-1 cpu go up after 10:00?', targets), {
      store,
      targets,
      now: NOW,
      staleAfterMs: 90_000,
    }).split('\n');
    expect(lines[0]).toBe('web-1, since 10:00 vs the 2 h before 10:00 (08:00–10:00–12:00 UTC):');
    expect(lines[3]).toMatch(/^CPU\s+50\.0%\s+20\.0%\s+\+30\.0 pts/);
  });
});
