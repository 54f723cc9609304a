import { describe, expect, it } from 'vitest';
import { crossTab } from '../../../src/bot/anomaly-cross-tab.js';
import { repeatLines } from '../../../src/bot/anomaly-repeats.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { crossOf } from '../../../src/bot/parse-cross-tab.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const H = 3_600_000;
const D = 24 * H;
const targets = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'api-1' }];
const label = (m: string) => m;

type A = { target: string; metric: string; detector: string; severity: string; startTs: number; endTs: number | null };
const a = (target: string, startTs: number, over: Partial<A> = {}): A => ({
  target,
  metric: 'cpu',
  detector: 'threshold',
  severity: 'warning',
  startTs,
  endTs: startTs + 5 * 60_000,
  ...over,
});

describe('reading two keys to count by', () => {
  it('reads "per host per day", "by host and hour", "host by day" and "which host has the most each day"', () => {
    expect(crossOf('alerts per host per day')).toEqual(['target', 'day']);
    expect(crossOf('how many alerts per day for each host this week?')).toEqual(['target', 'day']);
    // The hour goes down the side, however it was said.
    expect(crossOf('show me a heatmap of alerts by host and hour')).toEqual(['hour', 'target']);
    expect(crossOf('host by day alert counts')).toEqual(['target', 'day']);
    expect(crossOf('incidents by day and severity')).toEqual(['day', 'severity']);
    expect(crossOf('which host has the most alerts each day?')).toEqual(['target', 'day']);
  });

  it('leaves one key, the same key twice, and sentences without alerts alone', () => {
    expect(crossOf('alerts per day')).toBeUndefined();
    expect(crossOf('alerts by host')).toBeUndefined();
    expect(crossOf('alerts today, hour by hour')).toBeUndefined();
    expect(crossOf('cpu per host per day')).toBeUndefined();
    expect(crossOf('anomalies in the last hour and day')).toBeUndefined();
    expect(crossOf('count anomalies by severity, target, metric and detector')).toBeUndefined();
  });

  it('keeps the metric, the hosts named and the time said', () => {
    expect(parseIntent('disk alerts per host per day this week', targets)).toMatchObject({
      kind: 'anomalies',
      count: true,
      rank: 'target',
      crossBy: 'day',
      metric: 'disk',
      span: { kind: 'last', ms: 7 * D },
    });
    expect(parseIntent('alerts on web-1 and db-1 per day by severity', targets)).toMatchObject({
      rank: 'day',
      crossBy: 'severity',
      group: ['web-1', 'db-1'],
    });
    expect(parseIntent('alerts per day', targets)).not.toHaveProperty('crossBy');
    // A host I do not watch is said so, not dropped.
    expect(parseIntent('alerts per host per day for web-9', targets)).toMatchObject({ crossBy: 'day', unknownTarget: 'web-9' });
  });
});

describe('the table', () => {
  it("counts episodes in the cell of their first anomaly, with totals, each column's leader and the busiest cell", () => {
    const day1 = Date.UTC(2026, 11, 5, 10);
    const day2 = Date.UTC(2026, 11, 6, 10);
    const list = [
      a('web-1', day1),
      // The robust detector on the same series at the same time: one episode with the one above.
      a('web-1', day1 + 60_000, { detector: 'robust' }),
      a('web-1', day1 + 2 * H),
      a('db-1', day1 + 3 * H, { metric: 'disk' }),
      a('db-1', day2),
      a('db-1', day2 + H),
    ];
    const out = crossTab(list, 'target', 'day', label, NOW).split('\n');
    expect(out[0]).toBe(
      'Episodes by target and day (UTC), by start (5 episodes of 6 anomalies; anomalies on the same target and metric at overlapping times count once):',
    );
    expect(out[2]).toMatch(/^target +12-05 +12-06 +total$/);
    // Ties in the row order fall back to the name.
    expect(out[3]).toMatch(/^db-1 +1 +2 +3$/);
    expect(out[4]).toMatch(/^web-1 +2 +- +2$/);
    expect(out[5]).toMatch(/^total +3 +2 +5$/);
    expect(out).toContain('Most in each day: 12-05 web-1 (2); 12-06 db-1 (2).');
    expect(out.at(-1)).toBe('The most in one cell: 2 episodes, in 2 cells.');
  });

  it('folds the earliest days beyond seven into one column and keeps the latest', () => {
    const list = Array.from({ length: 9 }, (_, k) => a('web-1', Date.UTC(2026, 10, 20 + k, 8)));
    const out = crossTab(list, 'target', 'day', label, NOW).split('\n');
    expect(out[2]).toMatch(/^target +11-23 +11-24 +11-25 +11-26 +11-27 +11-28 +3 other +total$/);
    expect(out[3]).toMatch(/^web-1 +1 +1 +1 +1 +1 +1 +3 +9$/);
  });

  it('counts anomalies, not episodes, by detector: one episode can hold several', () => {
    const t = Date.UTC(2026, 11, 6, 9);
    const out = crossTab([a('web-1', t), a('web-1', t + 60_000, { detector: 'robust' })], 'target', 'detector', label, NOW).split('\n');
    expect(out[0]).toBe('Anomalies by target and detector, by start (2):');
    expect(out[3]).toMatch(/^web-1 +1 +1 +2$/);
  });

  it("puts days and hours on the asker's clock: 23:30 UTC is the next morning in Tokyo", () => {
    const late = Date.UTC(2026, 11, 5, 23, 30);
    const list = [a('web-1', late), a('db-1', Date.UTC(2026, 11, 6, 2))];
    const utc = crossTab(list, 'target', 'day', label, NOW).split('\n');
    expect(utc[2]).toMatch(/^target +12-05 +12-06 +total$/);
    const tokyo = crossTab(list, 'target', 'day', label, NOW, 'Asia/Tokyo').split('\n');
    expect(tokyo[0]).toMatch(/^Episodes by target and day \(Asia\/Tokyo\), by start/);
    // Both began on 12-06 in Tokyo (08:30 and 11:00 there).
    expect(tokyo[2]).toMatch(/^target +12-06 +total$/);
    const hours = crossTab(list, 'hour', 'target', label, NOW, 'Asia/Tokyo').split('\n');
    expect(hours[0]).toMatch(/^Episodes by hour \(Asia\/Tokyo\) and target/);
    expect(hours.slice(3, 5).map((l) => l.split(/ +/)[0])).toEqual(['08:00', '11:00']);
  });

  it('is answered from the store, the table before the counts', () => {
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly(resolvedAnomaly('an_1', NOW, { target: 'web-1', startTs: NOW - 30 * H, endTs: NOW - 30 * H + 300_000 }));
    store.upsertAnomaly(resolvedAnomaly('an_2', NOW, { target: 'db-1', startTs: NOW - 2 * H, endTs: NOW - 2 * H + 300_000 }));
    store.upsertAnomaly(resolvedAnomaly('an_3', NOW, { target: 'db-1', startTs: NOW - H, endTs: NOW - H + 300_000 }));
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const lines = answerIntent(parseIntent('how many alerts per host per day this week?', targets), c).split('\n');
    expect(lines[0]).toMatch(/^Episodes by target and day \(UTC\), by start \(3 episodes of 3 anomalies/);
    expect(lines[2]).toMatch(/^target +12-06 +12-07 +total$/);
    expect(lines[3]).toMatch(/^db-1 +- +2 +2$/);
    expect(lines[4]).toMatch(/^web-1 +1 +- +1$/);
    expect(lines.some((l) => l.startsWith('3 anomalies in the last 7 d'))).toBe(true);
    // With a display zone, the ranking, the days and the busiest hours are all on that clock.
    const ny = answerIntent(parseIntent('which hour has the most alerts this week?', targets), { ...c, zone: 'America/New_York' });
    // 06:00 UTC on 12-06, 10:00 and 11:00 UTC on 12-07: 01:00, 05:00 and 06:00 in New York.
    expect(ny).toContain('01:00, 05:00 and 06:00 tie for the most episodes by hour of the day (America/New_York, by start), 1 each.');
    expect(ny).toContain('By day (America/New_York): 12-06 1, 12-07 2');
    // Five or more: the busiest hours of the day too, on the same clock.
    const more = Array.from({ length: 5 }, (_, k) => resolvedAnomaly(`an_${k}`, NOW, { startTs: Date.UTC(2026, 11, 6, 23, 20 * k) }));
    expect(repeatLines(more, 'Asia/Tokyo')).toContain('Busiest hours of the day (Asia/Tokyo, by start): 08:00 3, 09:00 2');
    expect(repeatLines(more)).toContain('Busiest hours of the day (UTC, by start): 23:00 3, 00:00 2');
  });
});
