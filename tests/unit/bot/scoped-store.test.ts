import { describe, expect, it } from 'vitest';
import { scopedStore } from '../../../src/bot/scoped-store.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { ANOMALIES, seedFleet } from '../../fixtures/llm-fleet.js';

describe('scopedStore', () => {
  it('reads only the anomalies kept and the proposals made for them; everything else reads through', () => {
    const store = createSqliteStore(':memory:');
    seedFleet(store);
    const webOnly = scopedStore(store, (a) => a.target === 'web-1');
    const dbOnly = scopedStore(store, (a) => a.target === 'db-1');
    const targetsOf = (list: { target: string }[]) => [...new Set(list.map((a) => a.target))];
    expect(targetsOf(webOnly.recentAnomalies(100))).toEqual(['web-1']);
    expect(targetsOf(webOnly.openAnomalies())).toEqual(targetsOf(store.openAnomalies().filter((a) => a.target === 'web-1')));
    expect(webOnly.listProposals({}).map((p) => p.id)).toEqual(['rp_web1']);
    expect(dbOnly.listProposals({})).toEqual([]);
    expect(dbOnly.recentAnomalies(100).every((a) => a.target === 'db-1')).toBe(true);
    expect(ANOMALIES.some((a) => a.target === 'db-1')).toBe(true);
    // Not filtered: samples, states, the chat store.
    expect(dbOnly.latestSamples()).toEqual(store.latestSamples());
    expect(dbOnly.chat.silences(0)).toEqual(store.chat.silences(0));
  });
});
