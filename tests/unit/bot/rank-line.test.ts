import { describe, expect, it } from 'vitest';
import { rankLine } from '../../../src/bot/tally.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const M = 60_000;
const a = (target: string, metric: string, detector: string, startMin: number, endMin: number | null) => ({
  target,
  metric,
  detector,
  severity: 'warning',
  startTs: startMin * M,
  endTs: endMin === null ? null : endMin * M,
});
const label = (m: string) => m.toUpperCase();

// db-1 disk: one episode seen by three detectors; web-1 cpu: two separate episodes; api-1 one.
const list = [
  a('db-1', 'disk', 'threshold', 0, 30),
  a('db-1', 'disk', 'forecast', 5, 25),
  a('db-1', 'disk', 'robust', 10, 20),
  a('web-1', 'cpu', 'threshold', 0, 5),
  a('web-1', 'cpu', 'threshold', 60, null),
  a('api-1', 'cpu', 'robust', 40, 45),
];

describe('rankLine', () => {
  it('ranks targets and metrics by episode, with their anomalies beside, and detectors by anomaly', () => {
    expect(rankLine(list, 'target', 5, label, 100 * M)).toBe('Most episodes by target: web-1 2; then db-1 1 (3 anomalies), api-1 1.');
    expect(rankLine(list, 'metric', 5, label, 100 * M)).toBe('Most episodes by metric: CPU 3; then DISK 1 (3 anomalies).');
    expect(rankLine(list, 'detector', 1, label, 100 * M)).toBe('Most anomalies by detector: threshold 3; 2 more below.');
  });

  it('ranks the UTC hours of the day the episodes began in, for "what time do alerts usually fire?"', () => {
    const H = 60 * M;
    const at = [
      a('web-1', 'cpu', 'threshold', 0, 5),
      a('db-1', 'disk', 'robust', (24 * H + 10 * M) / M, null),
      a('api-1', 'cpu', 'robust', (3 * H) / M, null),
    ];
    expect(rankLine(at, 'hour', 5, label, 30 * 60 * M)).toBe('Most episodes by hour of the day (UTC, by start): 00:00 2; then 03:00 1.');
    const targets = [{ name: 'web-1' }];
    for (const q of ['what time do alerts usually fire?', 'which hour has the most alerts?', 'alerts by hour of day'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'anomalies', rank: 'hour' });
    // A metric's busiest hour is still a figure.
    expect(parseIntent('the busiest hour yesterday', targets)).toMatchObject({ kind: 'metrics', byHour: 'max' });
  });

  it('ranks the UTC days the episodes began on', () => {
    const D = 24 * 60;
    const days = [
      a('web-1', 'cpu', 'threshold', 10, 15),
      a('db-1', 'disk', 'robust', D + 10, D + 20),
      a('api-1', 'cpu', 'robust', D + 100, D + 110),
    ];
    expect(rankLine(days, 'day', 5, label, 3 * D * M)).toBe('Most episodes by day (UTC, by start): 1970-01-02 2; then 1970-01-01 1.');
  });

  it('says a tie as one, and nothing for an empty list', () => {
    const tie = [a('web-1', 'cpu', 'threshold', 0, 5), a('web-2', 'cpu', 'threshold', 0, 5), a('db-1', 'disk', 'robust', 0, 5)];
    expect(rankLine(tie, 'target', 1, label, 100 * M)).toBe('db-1, web-1 and web-2 tie for the most episodes by target, 1 each.');
    expect(rankLine([], 'target', 3, label, 0)).toBe('');
  });

  it('is asked for by "which host has the most…", "top N noisiest metrics", "rank hosts by alerts"', () => {
    const targets = [{ name: 'web-1' }, { name: 'db-1' }];
    expect(parseIntent('which host has the most anomalies this week?', targets)).toMatchObject({
      kind: 'anomalies',
      count: true,
      rank: 'target',
    });
    expect(parseIntent('top 3 noisiest metrics this week', targets)).toMatchObject({
      kind: 'anomalies',
      count: true,
      rank: 'metric',
      limit: 3,
    });
    expect(parseIntent('rank hosts by alerts', targets)).toMatchObject({ kind: 'anomalies', count: true, rank: 'target' });
    expect(parseIntent('which detector fires the most?', targets)).toMatchObject({ kind: 'anomalies', count: true, rank: 'detector' });
    expect(parseIntent('how many alerts this week?', targets)).not.toHaveProperty('rank');
  });
});
