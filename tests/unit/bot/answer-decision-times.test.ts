import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Proposal, ProposalState } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const MIN = 60_000;
const targets = [{ name: 'web-1' }];

function proposal(id: string, o: { at: number; took?: number; state: ProposalState; by?: string; mode?: Proposal['mode'] }): Proposal {
  const decided = o.took !== undefined ? o.at + o.took : null;
  return {
    ...{ id, anomalyId: 'an_1', anomalyKey: 'k', target: 'web-1', action: 'restart_service', params: {}, executor: 'simulate' },
    ...{
      mode: o.mode ?? 'approval',
      state: o.state,
      reason: 'test',
      createdTs: o.at,
      updatedTs: decided ?? o.at,
      expiresTs: o.at + 30 * MIN,
    },
    ...{ requestedBy: 'web:carol', decidedBy: o.by ?? null, decidedTs: decided, result: null },
  };
}

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const add = (p: Proposal) =>
    store.insertProposal(p, { proposalId: p.id, from: null, to: p.state, actor: 'test', ts: p.updatedTs, note: '' });
  add(proposal('rp_a', { at: NOW - 60 * MIN, took: 2 * MIN, state: 'succeeded', by: 'web:alice' }));
  add(proposal('rp_b', { at: NOW - 50 * MIN, took: 4 * MIN, state: 'succeeded', by: 'web:alice' }));
  add(proposal('rp_c', { at: NOW - 40 * MIN, took: 20 * MIN, state: 'denied', by: 'web:bob' }));
  add(proposal('rp_d', { at: NOW - 35 * MIN, state: 'expired' }));
  // Ran by its rule: no person was needed, so it is not counted.
  add(proposal('rp_e', { at: NOW - 30 * MIN, took: 0, state: 'succeeded', by: 'policy:auto', mode: 'auto' }));
  add(proposal('rp_f', { at: NOW - 6 * MIN, state: 'proposed' }));
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

describe('"how long do approvals take?"', () => {
  it('reads it apart from the approval window and the pending list', () => {
    for (const q of ['how long do approvals take?', 'time to approve this week', 'approval latency', 'how fast do we approve?'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'decision_times' });
    expect(parseIntent('how long do proposals wait?', targets)).toMatchObject({ kind: 'policy', focus: 'wait' });
  });

  it('gives the time from proposed to decided for those that needed a person, by approver, with the undecided and what waits', () => {
    expect(answerIntent(parseIntent('how long do approvals take?', targets), ctx()).split('\n')).toEqual([
      'Decision times in the last 7 d, of 5 proposals that needed a person:',
      '• Decided: 3 (approved 2, denied 1): median 4 min, 90th percentile 20 min, longest 20 min (rp_c, restart_service on web-1).',
      '• By approver: web:alice 2 (median 2 min), web:bob 1 (median 20 min).',
      '• Undecided: 1 expired (no one decided within remediation.approvalTtlMinutes).',
      'Waiting now: 1, the oldest for 6 min (rp_f); "pending approvals" lists them.',
    ]);
  });
});
