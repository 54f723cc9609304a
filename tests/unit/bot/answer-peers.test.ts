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
    expect(ask("what's different about db-1?")[0]).toMatch(
      /^db-1 has no other member in its role \(db\), so it has no peers to differ from/,
    );
  });
});
