import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { approveEffect } from '../../../src/bot/approve-effect.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { renderProposal } from '../../../src/bot/render-message.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { NOW, PROPOSAL } from '../../fixtures/llm-fleet.js';

describe('what approving a proposal would run', () => {
  it('says it for each action and executor, from the proposal as stored', () => {
    expect(approveEffect(PROPOSAL)).toBe(
      'Approving runs it in simulation (executor "simulate"): the result is recorded as if it ran, and nothing on web-1 changes.',
    );
    expect(approveEffect({ ...PROPOSAL, executor: 'aws' })).toBe(
      'Approving restarts the service "nginx" on web-1 through an SSM Run Command on its instance.',
    );
    expect(approveEffect({ ...PROPOSAL, executor: 'aws', params: { service: 'instance' } })).toBe('Approving reboots web-1 through EC2.');
    expect(approveEffect({ ...PROPOSAL, executor: 'aws', action: 'scale_up', params: { by: 1, max: 6 } })).toBe(
      "Approving raises the Auto Scaling group's desired capacity of web-1 by 1, to 6 at most through Auto Scaling.",
    );
    expect(
      approveEffect({ ...PROPOSAL, executor: 'script', action: 'cleanup_disk', params: { paths: ['/var/log', '/tmp'], olderThanDays: 7 } }),
    ).toBe(
      'Approving deletes files older than 7 days under /var/log, /tmp on web-1 with the script configured for cleanup_disk (remediation.scripts), given the target and parameters.',
    );
    expect(approveEffect({ ...PROPOSAL, action: 'notify_only', executor: 'aws' })).toBe(
      'Approving only records and announces it: nothing runs.',
    );
  });

  it('answers "what would happen if I approve?" with what waits and what each runs, and "explain rp_…" too', () => {
    const store = createSqliteStore(':memory:');
    const p = { ...PROPOSAL, executor: 'aws' as const };
    store.insertProposal(p, { proposalId: p.id, from: null, to: 'proposed', actor: 'pipeline', ts: NOW - 60_000, note: '' });
    const c: AnswerContext = { store, targets: [{ name: 'web-1' }], now: NOW, staleAfterMs: 90_000 };
    const ask = (q: string) => answerIntent(parseIntent(q, c.targets), c);
    expect(ask('what would happen if I approve?').split('\n')[1]).toMatch(
      /^• rp_web1: restart_service on web-1 — CPU above 90% for 3 samples \(expires .*\)\. Approving restarts the service "nginx" on web-1 through an SSM Run Command on its instance\.$/,
    );
    expect(ask('what would happen if I approve rp_web1?')).toContain(
      'Approving restarts the service "nginx" on web-1 through an SSM Run Command on its instance. To decide, an approver says "approve rp_web1"',
    );
    // "Why was the restart proposed?" is that proposal explained, by its action and target, or by its id.
    const why = ask('why was the restart on web-1 proposed?').split('\n');
    expect(why[0]).toBe('The latest restart_service on web-1:');
    expect(why[1]).toMatch(/^rp_web1 restart_service on web-1 .*\. Reason: CPU above 90% for 3 samples\.$/);
    expect(ask('why is rp_web1 pending?')).toBe(ask('explain rp_web1'));
    expect(ask('why did you propose a scale up?')).toBe('No scale_up was proposed.');
  });

  it('answers "what happens if I deny it?" with what denying does, and "anything I need to approve?" with what waits', () => {
    const store = createSqliteStore(':memory:');
    const c: AnswerContext = { store, targets: [{ name: 'web-1' }], now: NOW, staleAfterMs: 90_000 };
    const ask = (q: string) => answerIntent(parseIntent(q, c.targets), c).split('\n');
    expect(ask('what happens if I deny it?')).toEqual([
      'No proposals are waiting for approval.',
      expect.stringMatching(
        /^Denying one runs nothing: it is recorded as denied, by whom and when\. Its anomaly stays open .* only after the rule's cooldown, counted from this proposal\.$/,
      ),
    ]);
    store.insertProposal(PROPOSAL, { proposalId: PROPOSAL.id, from: null, to: 'proposed', actor: 'pipeline', ts: NOW - 60_000, note: '' });
    const deny = ask('what happens if I deny it?');
    expect(deny[0]).toMatch(/^Denying one runs nothing/);
    expect(deny[1]).toBe('1 waiting for approval:');
    // Approving says what it runs and nothing of denying.
    expect(ask('what would happen if I approve?').some((l) => l.startsWith('Denying'))).toBe(false);
    for (const q of ['anything I need to approve?', 'anything for me to approve?', 'do I need to approve anything?'])
      expect(parseIntent(q, c.targets), q).toEqual({ kind: 'pending' });
    // "Anything for me?" alone is still what the detectors found.
    expect(parseIntent('anything for me?', c.targets).kind).toBe('anomalies');
  });

  it('is on the proposal message while it waits, and gone once decided', () => {
    expect(renderProposal(PROPOSAL).fields).toContainEqual({
      label: 'if approved',
      value: 'runs it in simulation (executor "simulate"): the result is recorded as if it ran, and nothing on web-1 changes.',
    });
    expect(renderProposal({ ...PROPOSAL, action: 'notify_only' }).fields).toContainEqual({
      label: 'if approved',
      value: 'only records and announces it: nothing runs.',
    });
    expect(renderProposal({ ...PROPOSAL, state: 'approved' }).fields.map((f) => f.label)).not.toContain('if approved');
  });
});
