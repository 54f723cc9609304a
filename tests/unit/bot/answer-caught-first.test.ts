import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const MIN = 60_000;
const T = NOW - 3 * 3_600_000; // 09:00
const targets = [{ name: 'db-1' }, { name: 'web-1' }];

/**
 * db-1 memory from 09:00: the robust detector at 09:00, the Isolation Forest (blaming memory) at
 * 09:02, the threshold rule at 09:06; memory peaks at 97% at 09:08. web-1 disk at 10:00: the threshold
 * rule alone. An older db-1 memory episode at 07:00 that the latest must not be mixed with.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const db = { target: 'db-1', metric: 'memory', endTs: T + 12 * MIN, expectedLow: 60, expectedHigh: 70, peak: 97 };
  store.upsertAnomaly(resolvedAnomaly('an_old', NOW, { ...db, detector: 'threshold', startTs: T - 2 * 3_600_000, endTs: T - 110 * MIN }));
  store.upsertAnomaly(resolvedAnomaly('an_rob', NOW, { ...db, detector: 'robust', startTs: T, summary: 'a gradual drift' }));
  store.upsertAnomaly(
    resolvedAnomaly('an_for', NOW, { ...db, metric: 'host', feature: 'memory', detector: 'iforest', startTs: T + 2 * MIN }),
  );
  store.upsertAnomaly(
    resolvedAnomaly('an_thr', NOW, { ...db, detector: 'threshold', startTs: T + 6 * MIN, summary: 'memory 97% above 90%' }),
  );
  store.upsertAnomaly(
    resolvedAnomaly('an_disk', NOW, { target: 'web-1', metric: 'disk', detector: 'threshold', startTs: T + 60 * MIN, endTs: T + 65 * MIN }),
  );
  const samples = [];
  for (let ts = T - 10 * MIN; ts <= T + 20 * MIN; ts += 30_000) {
    const v = ts === T + 8 * MIN ? 97 : ts >= T && ts <= T + 12 * MIN ? 92 : 65;
    samples.push({ target: 'db-1', metric: 'memory', ts, value: v });
  }
  store.saveSamples(samples);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('which detector caught it first', () => {
  it('reads the question, of what is named, an anomaly id, or "it"', () => {
    expect(parseIntent('which detector caught the db-1 memory issue first?', targets)).toMatchObject({
      kind: 'explain',
      first: true,
      target: 'db-1',
      metric: 'memory',
    });
    expect(parseIntent('how early did we catch it?', targets)).toMatchObject({ kind: 'explain', first: true, it: true });
    expect(parseIntent('did the forecast detector predict the disk alert?', targets)).toMatchObject({
      first: true,
      metric: 'disk',
      detector: 'forecast',
    });
    // Which host's alert came first is the first alert, not which detector led an episode (decision 0069).
    expect(parseIntent('which host alerted first?', targets)).toMatchObject({ kind: 'anomalies', first: true, limit: 1 });
    expect(parseIntent('which detector is noisiest?', targets)).not.toMatchObject({ first: true });
  });

  it('lists the episode’s detectors in the order they opened, the forest by the metric it blamed, with the lead and the peak', () => {
    expect(ask('which detector caught the db-1 memory issue first?').split('\n')).toEqual([
      'db-1 memory, from 2026-11-02 09:00:00 UTC for 12 min: 3 detectors opened on it, in this order:',
      '• the robust detector at 09:00:00 UTC (an_rob), first — a gradual drift',
      '• the Isolation Forest at 09:02:00 UTC (an_for), 2 min later — cpu 97 > 90',
      '• the threshold rule at 09:06:00 UTC (an_thr), 6 min later — memory 97% above 90%',
      'The robust detector opened 6 min before the threshold rule.',
      'The peak, 97.0% at 09:08:00 UTC, came 8 min after the first opened.',
    ]);
    // Named by id, any member gives the same episode.
    expect(ask('which detector caught an_thr first?').split('\n')[0]).toMatch(/^db-1 memory, from 2026-11-02 09:00:00 UTC/);
  });

  it('answers "did X predict it?" first, yes or no, and says when the rule was alone', () => {
    expect(ask('did the robust detector catch an_thr?').split('\n')[0]).toBe(
      'Yes: the robust detector opened at 09:00:00 UTC, 6 min before the threshold rule.',
    );
    expect(ask('did the forecast predict the db-1 memory alert?').split('\n')[0]).toBe(
      'No: the forecast detector did not open on this one.',
    );
    const disk = ask('how early did we catch the web-1 disk alert?').split('\n');
    expect(disk[0]).toBe('web-1 disk, from 2026-11-02 10:00:00 UTC for 5 min: only the threshold rule opened on it:');
    expect(disk).toContain('The threshold rule was first: no detector opened before it.');
    expect(disk.at(-1)).toBe('No samples of it are kept, so I cannot place its peak.');
    expect(ask('which detector caught the web-1 cpu issue first?')).toBe(
      'No anomaly on web-1 CPU is kept, so there is nothing to say which detector caught first.',
    );
    expect(ask('which detector caught an_nope first?')).toBe('No anomaly an_nope is kept, so I cannot say which detector caught it.');
  });
});
