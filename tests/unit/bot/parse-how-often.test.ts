import { describe, expect, it } from 'vitest';
import { answerIntent } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const targets = [{ name: 'db-1' }, { name: 'web-1' }];
const NOW = Date.UTC(2026, 11, 6, 12);

describe('"how often does it go wrong?"', () => {
  it('counts the anomalies the words mean: a disk filling, a host going down, or any of a host', () => {
    const parse = (q: string) => parseIntent(q, targets);
    expect(parse('how often does db-1 disk fill up?')).toEqual({
      kind: 'anomalies',
      limit: 5,
      today: false,
      count: true,
      target: 'db-1',
      metric: 'disk',
    });
    // Filling up names the disk, running out of memory the memory, going down the silent-host detector.
    expect(parse('how many times did db-1 fill up this week?')).toMatchObject({ count: true, metric: 'disk', span: { kind: 'last' } });
    expect(parse('how often does db-1 run out of memory?')).toMatchObject({ count: true, target: 'db-1', metric: 'memory' });
    expect(parse('how often does db-1 go down?')).toEqual({
      kind: 'anomalies',
      limit: 5,
      today: false,
      count: true,
      target: 'db-1',
      silent: true,
    });
    expect(parse('how often does web-1 max out?')).toEqual({ kind: 'anomalies', limit: 5, today: false, count: true, target: 'web-1' });
    // A line said is still the count of readings past it; the poll interval is still the pipeline's.
    expect(parse('how many times did db-1 disk go above 60% this week?')).toMatchObject({ kind: 'metrics', boundAsk: 'count' });
    expect(parse('how often do you poll?').kind).toBe('pipeline');
    expect(parse('how often does db-1 disk change?').kind).not.toBe('anomalies');
  });

  it('answers with the count and how often, from the anomalies of that kind only', () => {
    const store = createSqliteStore(':memory:');
    const disk = (id: string, h: number) =>
      resolvedAnomaly(id, NOW, {
        target: 'db-1',
        metric: 'disk',
        key: `db-1|disk|${id}`,
        startTs: NOW - h * 3_600_000,
        endTs: NOW - h * 3_600_000 + 600_000,
      });
    store.upsertAnomaly(disk('an_d1', 30));
    store.upsertAnomaly(disk('an_d2', 6));
    store.upsertAnomaly(resolvedAnomaly('an_c1', NOW, { target: 'db-1', startTs: NOW - 3_600_000, endTs: NOW - 3_000_000 }));
    const lines = answerIntent(parseIntent('how often does db-1 disk fill up?', targets), {
      store,
      targets,
      now: NOW,
      staleAfterMs: 90_000,
    }).split('\n');
    expect(lines[0]).toMatch(/^2 disk anomalies on db-1 since /);
    expect(answerIntent(parseIntent('how often does db-1 go down?', targets), { store, targets, now: NOW, staleAfterMs: 90_000 })).toBe(
      'No silent-host anomalies on db-1.',
    );
  });
});
