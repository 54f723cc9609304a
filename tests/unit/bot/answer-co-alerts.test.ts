import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const M = 60_000;
const H = 60 * M;
const targets = [{ name: 'db-1' }, { name: 'api-1' }, { name: 'web-1' }];

/**
 * Over two days: db-1 disk four times, each followed 5 min later by api-1 latency; web-1 CPU four
 * times at other hours, once (by chance) 10 min after a db-1 disk episode.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  let n = 0;
  const add = (target: string, metric: string, at: number) =>
    store.upsertAnomaly(
      resolvedAnomaly(`an_${n++}x`, NOW, { target, metric, key: `${target}|${metric}|${n}`, startTs: at, endTs: at + 4 * M }),
    );
  for (const h of [40, 30, 20, 10]) {
    add('db-1', 'disk', NOW - h * H);
    add('api-1', 'latency_ms', NOW - h * H + 5 * M);
  }
  add('web-1', 'cpu', NOW - 40 * H + 10 * M);
  for (const h of [35, 25, 15]) add('web-1', 'cpu', NOW - h * H);
  store.setKv('pipeline:watching_since', String(NOW - 48 * H));
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('"which alerts happen together?"', () => {
  it('reads alert co-occurrence, and leaves the correlation of two metrics alone', () => {
    expect(parseIntent('which alerts happen together?', targets)).toEqual({ kind: 'co_alerts' });
    expect(parseIntent('is the db-1 disk alert related to the api-1 latency?', targets)).toEqual({
      kind: 'co_alerts',
      targets: ['db-1', 'api-1'],
      metrics: ['disk', 'latency'],
    });
    expect(parseIntent('does cpu correlate with latency on api-1?', targets).kind).toBe('correlate');
  });

  it('lists pairs seen together more than chance gives, and leaves out a single coincidence', () => {
    const lines = ask('which alerts happen together?');
    expect(lines[0]).toBe(
      'Alerts that come together over the last 7 d (watched 2 d): episodes starting within 15 min of each other, against what two independent series with those counts would give by chance.',
    );
    // 4 × 4 × 30 min / 48 h = 0.17 by chance.
    expect(lines.slice(3, -2).map((l) => l.split(/ {2,}/))).toEqual([['db-1 disk', 'api-1 latency', '4', '5 min', '4 / 4', '0.2']]);
    expect(lines.at(-1)).toMatch(/^Together is not cause/);
  });

  it('narrows to the targets named, and says when nothing comes together', () => {
    expect(ask('are web-1 and db-1 alerts correlated?')[0]).toBe(
      'No two series on web-1, db-1 alerted together over the last 7 d (watched 2 d) more than chance would give (episodes starting within 15 min of each other, twice or more, at least twice the chance rate; 2 series on web-1, db-1 had episodes).',
    );
    expect(ask('is the db-1 disk alert related to the api-1 latency?')[3]).toMatch(/^db-1 disk +api-1 latency +4 /);
  });
});
