import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'web-3', role: 'web' },
  { name: 'db-1', role: 'db' },
];

/** A day of CPU at a flat level each: web-1 60 %, web-2 30 %, web-3 40 %, db-1 50 %. */
function ctx(levels: Record<string, number> = { 'web-1': 60, 'web-2': 30, 'web-3': 40, 'db-1': 50 }): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const [target, v] of Object.entries(levels))
    store.saveSamples(Array.from({ length: 100 }, (_, k) => ({ target, metric: 'cpu', ts: NOW - k * 600_000, value: v })));
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('losing a host', () => {
  it('reads the host lost, or the group, and leaves past outages and alert questions alone', () => {
    expect(parseIntent('what if web-1 goes down?', targets)).toEqual({ kind: 'capacity', lose: true, target: 'web-1' });
    expect(parseIntent('can we survive losing one web host?', targets)).toEqual({
      kind: 'capacity',
      lose: true,
      group: ['web-1', 'web-2', 'web-3'],
    });
    expect(parseIntent('if web-2 fails can web-1 take the load?', targets)).toMatchObject({ lose: true, target: 'web-2' });
    expect(parseIntent('is db-1 a single point of failure?', targets)).toMatchObject({ lose: true, target: 'db-1' });
    expect(parseIntent('when web-1 went down yesterday what happened?', targets)).not.toMatchObject({ lose: true });
    expect(parseIntent('what happens if nobody acks the web-1 alert?', targets)).not.toMatchObject({ lose: true });
  });

  it('spreads the lost host’s CPU p95 evenly over the rest of its role', () => {
    // web-1's 60 % over web-2 and web-3: 30 more each.
    expect(ask('what if web-1 goes down?')).toEqual([
      'If web-1 goes down and its load spreads evenly over the other 2 hosts: each stays under 80% CPU p95.',
      '```',
      'target  CPU p95 now  CPU p95 without web-1',
      'web-2   30.0%        60.0%',
      'web-3   40.0%        70.0%',
      '```',
      "A straight-line guess over the last 7 d: each gets 30.0% more CPU (web-1's p95 60.0% shared out; p95s added, so it errs high, as peaks need not coincide); memory and disk are held as they are, and a balancer may not spread load evenly.",
    ]);
    // Short of room at 80 % or more: web-1 at 90 lost over 50 and 30.
    expect(ask('what if web-1 goes down?', ctx({ 'web-1': 90, 'web-2': 50, 'web-3': 30 }))[0]).toBe(
      'If web-1 goes down and its load spreads evenly over the other 2 hosts: short of room (CPU p95 ≥ 80%): web-2.',
    );
    // With no host named, the busiest is lost; past 100 % is out of CPU.
    const hot = ask('can we survive losing one web host?', ctx({ 'web-1': 90, 'web-2': 70, 'web-3': 70 }));
    expect(hot[0]).toBe(
      'If web-1 goes down (the busiest, the worst case) and its load spreads evenly over the other 2 hosts: out of CPU: web-2, web-3.',
    );
    expect(hot[3]).toMatch(/^web-2 +70\.0% +over 100%$/);
  });

  it('says a host alone in its role has no one to take its load, with what depends on it', () => {
    const db = ask('what breaks if db-1 dies?');
    expect(db[0]).toBe('db-1 is the only db host, so no other host takes its load: losing it loses what it serves.');
    expect(db.some((l) => /chat\.inhibit/.test(l))).toBe(true);
    expect(ask('what if web-1 goes down?', ctx({ 'db-1': 50 }))[0]).toBe(
      'No CPU samples over the last 7 d for web-1, web-2, web-3, so I cannot say how the others would carry the load.',
    );
  });
});
