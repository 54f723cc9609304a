import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const M = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/**
 * db-1 memory at 60% until 11:00, 80% from then; a db-1 disk episode 11:10–11:20 (robust from 11:10,
 * threshold from 11:12); web-1 CPU at 20%, 50% from 11:40 on, and a web-1 CPU anomaly 11:40–11:45.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let ts = NOW - 3 * 60 * M; ts <= NOW; ts += 30_000) {
    samples.push({ target: 'db-1', metric: 'memory', ts, value: ts < NOW - 60 * M ? 60 : 80 });
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: ts < NOW - 20 * M ? 20 : 50 });
  }
  store.saveSamples(samples);
  const at = (m: number) => NOW - 60 * M + m * M;
  store.upsertAnomaly(
    resolvedAnomaly('an_drob', NOW, { target: 'db-1', metric: 'disk', detector: 'robust', startTs: at(10), endTs: at(20) }),
  );
  store.upsertAnomaly(resolvedAnomaly('an_dthr', NOW, { target: 'db-1', metric: 'disk', startTs: at(12), endTs: at(18) }));
  store.upsertAnomaly(resolvedAnomaly('an_wcpu', NOW, { target: 'web-1', metric: 'cpu', startTs: at(40), endTs: at(45) }));
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('figures at a time an anomaly names', () => {
  it('reads the anomaly, the part of its time and the figure, and leaves questions about the alert alone', () => {
    expect(parseIntent('what did memory look like before the db-1 disk alert?', targets)).toEqual({
      kind: 'around',
      part: 'before',
      alertTarget: 'db-1',
      alertMetric: 'disk',
      metric: 'memory',
    });
    expect(parseIntent('show me the 10 minutes before an_abc123', targets)).toEqual({
      kind: 'around',
      part: 'before',
      id: 'an_abc123',
      ms: 600_000,
    });
    expect(parseIntent('what was cpu on web-1 at the time of the last alert?', targets)).toMatchObject({
      part: 'at',
      metric: 'cpu',
      target: 'web-1',
    });
    expect(parseIntent('when did the db-1 disk alert start?', targets).kind).not.toBe('around');
    expect(parseIntent('explain an_abc123', targets).kind).toBe('explain');
  });

  it('reads the window before the episode began, from its first detector, without the anomaly itself', () => {
    const lines = ask('what did memory look like before the db-1 disk alert?');
    expect(lines[0]).toBe('Figures over the 30 min before an_drob [warning] db-1 disk (2026-12-06 11:10:00 UTC for 10 min, with an_dthr):');
    // 10:40–11:10: 60% until 11:00, 80% after.
    expect(lines[1]).toMatch(/^db-1 memory between 2026-12-06 10:40:00 UTC and 11:10:00 UTC: peak 80\.0% .*lowest 60\.0%/);
  });

  it('gives the reading at its start, either side of it, over it and after it', () => {
    expect(ask('what was cpu on web-1 at the time of the last alert?')).toEqual([
      'At the start of an_wcpu [warning] web-1 CPU (2026-12-06 11:40:00 UTC for 5 min):',
      expect.stringMatching(/^web-1 CPU 20 min ago \(2026-12-06 11:40:00 UTC\): 50\.0%/),
    ]);
    expect(ask('cpu on web-1 around the last alert')[1]).toMatch(
      /between 2026-12-06 11:25:00 UTC and 11:55:00 UTC: peak 50\.0% .*lowest 20\.0%/,
    );
    expect(ask('cpu during an_wcpu')[1]).toMatch(/between 2026-12-06 11:40:00 UTC and 11:45:00 UTC: peak 50\.0% .*lowest 50\.0%/);
    expect(ask('memory after the db-1 disk alert')[1]).toMatch(
      /^db-1 memory between 2026-12-06 11:20:00 UTC and 11:50:00 UTC: peak 80\.0%/,
    );
  });

  it('says so when there is no such anomaly', () => {
    expect(ask('cpu before an_nope1')).toEqual(['No anomaly an_nope1 is kept ("anomalies" lists them).']);
    expect(ask('what did cpu look like before the db-1 latency alert?')).toEqual([
      'No db-1 latency anomaly is kept to read the figures around.',
    ]);
  });
});
