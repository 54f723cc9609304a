import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'db-1', role: 'db' },
];

/** web-1 and web-2 send cpu, memory and latency now; db-1 sends cpu now and stopped sending memory at 11:00. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const now = (target: string, metric: string) => ({ target, metric, ts: NOW - 30_000, value: 1 });
  store.saveSamples([
    ...['web-1', 'web-2'].flatMap((t) => ['latency_ms', 'memory', 'cpu'].map((m) => now(t, m))),
    now('db-1', 'cpu'),
    { target: 'db-1', metric: 'memory', ts: NOW - 3_600_000, value: 1 },
  ]);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('which metrics arrive from a host', () => {
  it("reads the question for the hosts named, and leaves the asker's watches and figures alone", () => {
    for (const q of [
      'what do you collect for db-1?',
      'what are you watching on db-1?',
      'why no latency for db-1?',
      'is latency collected for db-1?',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'about', collected: ['db-1'] });
    expect(parseIntent('what are you monitoring on the web hosts?', targets)).toEqual({ kind: 'about', collected: ['web-1', 'web-2'] });
    // "Which metrics does db-1 report?" stays its figures (each metric with its value); "why is there no alert …" the detectors' verdict.
    expect(parseIntent('which metrics does db-1 report?', targets)).toEqual({ kind: 'metrics', target: 'db-1' });
    expect(parseIntent('why is there no alert for db-1 cpu?', targets)).toMatchObject({ kind: 'explain' });
    expect(parseIntent('what am I watching?', targets)).toEqual({ kind: 'watches' });
    expect(parseIntent('latency on db-1', targets)).toMatchObject({ kind: 'metrics' });
  });

  it('says what arrives now, what stopped and when, and what others send that it does not', () => {
    expect(ask('why no latency for db-1?')[0]).toBe(
      'db-1: CPU (latest 11:59:30 UTC); stopped: memory (last 11:00:00 UTC); none from it: latency (2 other targets send it).',
    );
    expect(ask('what are you monitoring on the web hosts?').slice(0, 2)).toEqual([
      'web-1: CPU, memory, latency (latest 11:59:30 UTC).',
      'web-2: CPU, memory, latency (latest 11:59:30 UTC).',
    ]);
  });
});
