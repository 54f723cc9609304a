import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 12);
const M = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/** 09:00–12:00 every 30 s. web-1: CPU 40% 10:00–11:00, memory 60% 10:30–11:30 (a second later); db-1 past both all along. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const s: Sample[] = [];
  for (let ts = NOW - 180 * M; ts <= NOW; ts += 30_000) {
    s.push({ target: 'web-1', metric: 'cpu', ts, value: ts >= NOW - 120 * M && ts < NOW - 60 * M ? 40 : 20 });
    s.push({ target: 'web-1', metric: 'memory', ts: ts + 1000, value: ts >= NOW - 90 * M && ts < NOW - 30 * M ? 60 : 40 });
    s.push({ target: 'db-1', metric: 'cpu', ts, value: 50 }, { target: 'db-1', metric: 'memory', ts, value: 70 });
  }
  store.saveSamples(s);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('how long two conditions held at once', () => {
  it('pairs the two series on their sample times and gives the time both held, not the first alone', () => {
    expect(ask('how long was web-1 cpu above 30% and memory above 50% today?')).toEqual([
      'web-1 had CPU above 30.0% and memory above 50.0% at once for 30 min in all, in 1 stretch (60 of 360 paired readings) today (UTC).',
      'Longest: 10:30:00 UTC–11:00:00 UTC (30 min); the last ended 11:00:00 UTC.',
    ]);
    expect(ask('how long was web-1 cpu above 90% and memory above 50% today?')).toEqual([
      'web-1 never had CPU above 90.0% and memory above 50.0% at once today (UTC) (360 paired readings).',
    ]);
    // One condition alone is the time past it, as before.
    expect(ask('how long was web-1 cpu above 30% today?')[0]).toMatch(/^web-1 CPU was above 30\.0% for 60 min in all/);
  });

  it('ranks the targets by the time both held, for the fleet', () => {
    expect(ask('which hosts had cpu above 30% and memory above 50% today?')).toEqual([
      '2 targets of 2 had CPU above 30.0% and memory above 50.0% at once today (UTC), the longest first:',
      '```',
      'target  time    stretches',
      'db-1    3 h     1',
      'web-1   30 min  1',
      '```',
    ]);
  });
});
