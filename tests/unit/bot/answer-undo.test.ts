import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { TargetRef } from '../../../src/bot/match-target.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const M = 60_000;
const TARGETS: TargetRef[] = [
  { name: 'web-1', role: 'web', autoScalingGroup: 'web-asg' },
  { name: 'db-1', role: 'db' },
];

const proposal = (over: Partial<Proposal>): Proposal => ({
  id: 'rp_x',
  anomalyId: 'an_x',
  anomalyKey: 'k',
  target: 'web-1',
  action: 'scale_up',
  params: { by: 2, max: 6 },
  mode: 'approval',
  executor: 'aws',
  state: 'succeeded',
  reason: 'r',
  createdTs: NOW - 30 * M,
  updatedTs: NOW - 20 * M,
  expiresTs: NOW + 30 * M,
  requestedBy: 'pipeline',
  decidedBy: 'slack:alice',
  decidedTs: NOW - 25 * M,
  result: 'ok',
  ...over,
});

function ctx(proposals: Proposal[] = []): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const p of proposals)
    store.insertProposal(p, { proposalId: p.id, from: null, to: p.state, actor: 'pipeline', ts: p.createdTs, note: 'test' });
  return { store, targets: TARGETS, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('undoing an action', () => {
  it('reads "roll back the scale up", "undo the restart" and "scale down web-1" as undoing, never as a request', () => {
    expect(parseIntent('roll back the scale up', TARGETS)).toMatchObject({ kind: 'action_request', undo: true, undoes: 'scale_up' });
    expect(parseIntent('undo the restart on db-1', TARGETS)).toMatchObject({ undo: true, undoes: 'restart_service', target: 'db-1' });
    expect(parseIntent('scale down web-1', TARGETS)).toMatchObject({ undo: true, undoes: 'scale_up', target: 'web-1' });
    expect(parseIntent('scale down web-1', TARGETS)).not.toHaveProperty('action');
    expect(parseIntent('roll back the deploy on db-1', TARGETS)).toMatchObject({ undo: true, undoes: 'change' });
    // Said as done, a rollback is a change to record; silences and swaps keep their own undo.
    expect(parseIntent('we rolled back web-1', TARGETS)).toMatchObject({ kind: 'change' });
    expect(parseIntent('undo the silence on web-1', TARGETS)).toMatchObject({ kind: 'unsilence' });
  });

  it('names the last scale-up that ran and how to reverse it in its auto scaling group, by the count it added', () => {
    const c = ctx([proposal({})]);
    expect(ask('roll back the scale up', c)).toEqual([
      "Nothing was done: I don't undo actions, and none in remediation.rules reverses another.",
      'The last scale-up: rp_x scale_up on web-1 (approval, aws): succeeded, approved by slack:alice at 2026-12-05 11:35:00 UTC, 2026-12-05 11:40:00 UTC (20 min ago).',
      'To scale back in, lower the desired capacity of web-asg (its auto scaling group in the targets file) by 2 in AWS; I have no scale-in action.',
    ]);
    expect(ask('scale down web-1', c)[0]).toBe(
      'Nothing was done: scaling down or in is not an action I run (remediation has scale_up only).',
    );
  });

  it('says a simulated run changed nothing, and what is still waiting can be denied', () => {
    const c = ctx([
      proposal({ id: 'rp_sim', action: 'restart_service', params: { service: 'app' }, executor: 'simulate', target: 'db-1' }),
      proposal({
        id: 'rp_wait',
        action: 'restart_service',
        params: { service: 'app' },
        state: 'proposed',
        target: 'db-1',
        decidedBy: null,
        decidedTs: null,
      }),
    ]);
    const lines = ask('undo the restart on db-1', c);
    expect(lines[1]).toMatch(/^The last restart on db-1: rp_sim restart_service on db-1 \(approval, simulate\): succeeded/);
    expect(lines[2]).toBe('It was simulated: nothing changed on db-1, so there is nothing to reverse.');
    expect(lines[3]).toBe(
      'Not run yet ("deny rp_…" stops one, and its asker may "cancel rp_…"): rp_wait restart_service on db-1 (proposed).',
    );
  });

  it('says when nothing ran, and sends a deploy back to the tool that made it', () => {
    const c = ctx();
    expect(ask('revert the cleanup on db-1', c)[1]).toBe('No disk clean-up on db-1 has run, so there is nothing of mine to reverse.');
    expect(ask('roll back the deploy on db-1', c)).toEqual([
      'Nothing was done: deploys and other changes are not run by me, so roll db-1 back with the tool that made the change.',
      'No change is recorded on db-1 in the last 30 days.',
      'Say "rolled back v2.4 on api-1" as you do it, so it is recorded beside the alerts.',
    ]);
  });
});
