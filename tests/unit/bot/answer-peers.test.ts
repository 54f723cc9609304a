import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'web-3', role: 'web' },
  { name: 'db-1', role: 'db' },
];

/** The last hour: web-3's memory 80 % against 40 % on web-1 and 44 % on web-2; CPU alike. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const mem: Record<string, number> = { 'web-1': 40, 'web-2': 44, 'web-3': 80, 'db-1': 60 };
  for (let k = 1; k <= 20; k++)
    for (const [target, m] of Object.entries(mem))
      store.saveSamples([
        { target, metric: 'memory', ts: NOW - k * 60_000, value: m },
        { target, metric: 'cpu', ts: NOW - k * 60_000, value: 20 },
      ]);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('a host against the others in its role', () => {
  it('reads "what\'s different about web-3?" and "which host is the odd one out?"', () => {
    expect(parseIntent("what's different about web-3?", targets)).toEqual({ kind: 'peers', target: 'web-3' });
    expect(parseIntent('which host is the odd one out?', targets)).toEqual({ kind: 'peers' });
    for (const q of ['which host deviates most from the others?', 'outliers in the fleet', 'any outliers?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'peers' });
    expect(parseIntent('is web-3 an outlier?', targets)).toEqual({ kind: 'peers', target: 'web-3' });
    expect(parseIntent('is web-3 memory unusual?', targets).kind).toBe('explain');
  });

  it('sets each metric against the median of its peers, the largest gap first', () => {
    const lines = ask("what's different about web-3?");
    expect(lines[0]).toBe(
      'web-3 against the other web hosts (web-1, web-2; their median), averages over the last hour, the largest gap first:',
    );
    expect(lines[1]).toBe('• memory 80.0% against 42.0% (+38.0 pts)');
    expect(lines[2]).toBe('• CPU 20.0% against 20.0% (±0.0 pts)');
    expect(lines.at(-1)).toMatch(/^A gap is not a fault: "is web-3 memory unusual\?" asks the detectors/);
  });

  it('ranks each host by its largest gap, and says when a host has no peers', () => {
    const fleet = ask('which host is the odd one out?');
    expect(fleet[1]).toBe('• web-3 (web): memory 80.0% against 42.0% (+38.0 pts)');
    expect(fleet.some((l) => l.startsWith('• db-1'))).toBe(false);
    // Alone in its role: against the rest of the fleet, said as such (web-1 40, web-2 44, web-3 80: median 44).
    expect(ask("what's different about db-1?").slice(0, 2)).toEqual([
      'db-1 has no other member in its role (db), so against the rest of the fleet (3 targets; their median), averages over the last hour, the largest gap first:',
      '• memory 60.0% against 44.0% (+16.0 pts)',
    ]);
  });

  it('sets a host against the whole fleet when asked so', () => {
    expect(parseIntent('how does web-3 compare to the rest of the fleet?', targets)).toEqual({
      kind: 'peers',
      target: 'web-3',
      fleet: true,
    });
    expect(parseIntent('how does web-3 compare to the other web hosts?', targets)).toEqual({ kind: 'peers', target: 'web-3' });
    // web-1 40, web-2 44, db-1 60: median 44.
    expect(ask('how does web-3 stack up against everyone else?').slice(0, 2)).toEqual([
      'web-3 against the rest of the fleet (3 targets; their median), averages over the last hour, the largest gap first:',
      '• memory 80.0% against 44.0% (+36.0 pts)',
    ]);
  });

  it('says how evenly load lies over the hosts named, by a stated measure', () => {
    expect(parseIntent('are the web hosts balanced?', targets)).toEqual({ kind: 'peers', balance: ['web-1', 'web-2', 'web-3'] });
    // Memory 40, 44, 80: mean 54.7, web-3 46% above it; CPU 20 on each.
    expect(ask('are the web hosts balanced?')).toEqual([
      'Most uneven over the last hour: memory, web-3 46% above the mean of web-1, web-2, web-3.',
      '• memory: mean 54.7%; highest web-3 80.0%, lowest web-1 40.0%; furthest 46% from the mean',
      '• CPU: mean 20.0%; highest web-1 20.0%, lowest web-1 20.0%; furthest 0% from the mean',
      'Averages over the last hour; disk is left out (it fills on its own, not with load).',
    ]);
    // Memory 40 and 44: each 5% from their mean of 42.
    expect(ask('is load evenly spread across web-1 and web-2?')[0]).toBe(
      'Evenly spread over the last hour, by this measure: on every load metric each of web-1, web-2 is within 10% of their mean (the furthest, web-1 memory, 5% below).',
    );
  });
});
