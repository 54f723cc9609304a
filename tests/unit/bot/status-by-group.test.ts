import { describe, expect, it } from 'vitest';
import { answerIntent } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web', labels: { tier: 'frontend' } },
  { name: 'db-1', role: 'db', labels: { tier: 'data' } },
  { name: 'web-2', role: 'web', labels: { tier: 'frontend' } },
  { name: 'lab-1' },
];

describe('"hosts by role", "status per tier"', () => {
  it('adds that column to the status table and sorts by it, keeping the order within a group', () => {
    const store = createSqliteStore(':memory:');
    for (const t of targets) store.saveSamples([{ target: t.name, metric: 'cpu', ts: NOW - 10_000, value: 20 }]);
    const ask = (q: string) => answerIntent(parseIntent(q, targets), { store, targets, now: NOW, staleAfterMs: 90_000 }).split('\n');
    const byRole = ask('list hosts by role');
    expect(byRole[2]).toMatch(/^role +target +state +CPU/);
    expect(byRole.slice(3, 7).map((l) => l.split(/ +/).slice(0, 2).join(' '))).toEqual(['- lab-1', 'db db-1', 'web web-1', 'web web-2']);
    expect(ask('status per tier')[2]).toMatch(/^tier +target/);
    expect(ask('status')[2]).toMatch(/^target +state/);
  });
});
