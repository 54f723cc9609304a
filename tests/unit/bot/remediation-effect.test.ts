import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const RAN = NOW - 30 * MIN;

/** web-1's CPU at 97 % until a restart at 11:30 ran by a script, 40 % from 11:35; its anomaly ended 11:36. */
function ctx(over: Partial<Proposal> = {}): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.upsertAnomaly(resolvedAnomaly('an_cpu1', NOW, { startTs: RAN - 10 * MIN, endTs: RAN + 6 * MIN }));
  store.saveSamples(
    Array.from({ length: 80 }, (_, k) => {
      const ts = RAN - 20 * MIN + k * 30_000;
      return { target: 'web-1', metric: 'cpu', ts, value: ts < RAN + 5 * MIN ? 97 : 40 };
    }),
  );
  const p: Proposal = {
    ...PROPOSAL,
    mode: 'approval',
    executor: 'script',
    state: 'succeeded',
    updatedTs: RAN,
    decidedTs: RAN,
    decidedBy: 'slack:U1',
    ...over,
  };
  store.insertProposal(p, { proposalId: p.id, from: null, to: 'proposed', actor: 'pipeline', ts: RAN - MIN, note: '' });
  return { store, targets: [{ name: 'web-1' }], now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('"did the restart work on web-1?"', () => {
  it('says what its metric was when it ran and ten minutes after, and when its anomaly ended, as seen', () => {
    const lines = ask('did the restart work on web-1?', ctx());
    // A verdict leads (decision 0070), then the record.
    expect(lines[0]).toBe('It looks so: an_cpu1 ended 6 min after it ran (other things may have helped too).');
    expect(lines[1]).toBe('The last restart_service on web-1:');
    expect(lines[3]).toBe(
      '  web-1 CPU was 97.0% when it ran and 40.0% 10 min after; an_cpu1 ended 6 min after it ran (2026-12-05 11:36:00 UTC) (what was seen, not what the action alone did).',
    );
  });

  it('says a dry run or a simulation did nothing, and gives no effect for one that never ran', () => {
    expect(ask('did the restart work on web-1?', ctx({ executor: 'simulate' }))[3]).toMatch(
      /\(nothing was done: it was a dry run or a simulation, so this is not its effect\)\.$/,
    );
    expect(ask('remediation history', ctx({ state: 'denied' })).some((l) => l.startsWith('  web-1 CPU'))).toBe(false);
  });

  it('reads "did the cleanup help?" as the latest, and for one asked for in chat reads the figure its action is meant to move', () => {
    expect(parseIntent('did the cleanup help?', [])).toEqual({
      kind: 'history',
      limit: 1,
      action: 'cleanup_disk',
      ran: true,
      worked: true,
    });
    const c = ctx({ anomalyId: '', action: 'cleanup_disk' });
    c.store.saveSamples([
      { target: 'web-1', metric: 'disk', ts: RAN - MIN, value: 95 },
      { target: 'web-1', metric: 'disk', ts: RAN + 10 * MIN, value: 60 },
    ]);
    expect(ask('did the cleanup help?', c)[0]).toBe('It ran and succeeded; no alert was behind it, so the figure below is the only sign.');
    expect(ask('did the cleanup help?', c)[3]).toBe(
      '  web-1 disk was 95.0% when it ran and 60.0% 10 min after; no alert was behind it (asked for in chat) (what was seen, not what the action alone did).',
    );
  });
});
