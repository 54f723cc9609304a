import { describe, expect, it } from 'vitest';
import { answerPolicy, policyFactsOf } from '../../../src/bot/answer-policy.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';

const config = configSchema.parse({
  remediation: {
    approvalTtlMinutes: 20,
    rules: [
      { name: 'scale on cpu', when: { metrics: ['cpu'] }, action: 'scale_up', mode: 'approval', executor: 'aws' },
      { name: 'clean disks', when: { metrics: ['disk'] }, action: 'cleanup_disk' },
    ],
  },
  approvers: { slack: { users: ['U1'], roles: [] }, web: { users: ['operator'] } },
});
// Whether they approve is the chat service's to say (decide-proposal.ts); here it is given.
const user = (platform: 'slack' | 'web' | 'discord', id: string, approver = false) => ({ platform, id, roles: [], approver });

describe('"who can approve?", "is auto-remediation on?"', () => {
  it('reads the policy questions as such, not as the remediation history', () => {
    const targets = [{ name: 'web-1' }];
    expect(parseIntent('which actions are allowed?', targets)).toEqual({ kind: 'policy' });
    // Whether anything runs for real leads (decision 0072).
    for (const q of ['is auto-remediation on?', 'are remediations dry run?'])
      expect(parseIntent(q, targets)).toEqual({ kind: 'policy', focus: 'modes' });
    // Who decides, or how long a proposal waits, leads when that is what was asked.
    for (const q of [
      'who can approve?',
      'am I an approver?',
      "why can't I approve?",
      'who has permission to approve?',
      "who's allowed to approve remediations?",
      'do I have permission to approve?',
      'what permissions do I have?',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'policy', focus: 'approvers' });
    for (const q of ['how long do proposals wait?', 'what happens if nobody approves?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'policy', focus: 'wait' });
    expect(parseIntent('what happens if I approve?', targets)).toEqual({ kind: 'pending' });
    expect(parseIntent('who approved the last restart?', targets).kind).toBe('history');
    expect(parseIntent('approve rp_abc123', targets).kind).toBe('approve');
  });

  it('gives the allowed actions, the rules by their effective mode, the wait, the approvers and where the asker stands', () => {
    const lines = answerPolicy(policyFactsOf(config), user('slack', 'U2')).split('\n');
    expect(lines).toEqual([
      'Remediation actions allowed (nothing else can run): restart_service, scale_up, cleanup_disk, notify_only.',
      '2 rules, by mode:',
      '• approval (run once an approver says yes): scale on cpu → scale_up (AWS (SSM, EC2, Auto Scaling))',
      // A simulated rule with no mode is a dry run (plan-remediation's effectiveMode).
      '• dry_run (dry run: proposed and recorded, never run): clean disks → cleanup_disk (simulated, nothing touches a host)',
      'Nothing runs without a person: no rule is in auto mode.',
      'Anyone may ask in chat for scale_up, cleanup_disk ("scale up <target>") on a target that a rule with the action allows, with that rule\'s parameters; an approver then decides.',
      'A proposal waits 20 min for a decision, then expires; it is withdrawn if its anomaly ends first. Nobody approves an action they asked for.',
      'Approvers (config approvers): slack: users U1 · discord: nobody · web: users operator.',
      'You (slack:U2) are not an approver here; approvers.slack lists who is.',
      '"which rules propose restarts?" gives each rule\'s match and cooldown.',
    ]);
    expect(answerPolicy(policyFactsOf(config), user('slack', 'U1', true))).toContain('You (slack:U1) can approve and deny.');
    expect(answerPolicy(policyFactsOf(config), user('slack', 'U2'), 'approvers').split('\n').slice(0, 2)).toEqual([
      'Approvers (config approvers): slack: users U1 · discord: nobody · web: users operator.',
      'You (slack:U2) are not an approver here; approvers.slack lists who is.',
    ]);
    expect(answerPolicy(policyFactsOf(config), user('slack', 'U2'), 'wait').split('\n')[0]).toMatch(/^A proposal waits 20 min /);
    const auto = configSchema.parse({ remediation: { rules: [{ name: 'r', action: 'restart_service', mode: 'auto' }] } });
    expect(answerPolicy(policyFactsOf(auto))).toMatch(/• auto \(run at once, no approval\): r → restart_service/);
    expect(answerPolicy(policyFactsOf(auto))).not.toMatch(/Nothing runs without a person/);
    expect(answerPolicy(policyFactsOf(configSchema.parse({})))).toMatch(/No remediation rule is configured/);
  });

  it('"can bob approve?" says whether that name is listed, and why a Slack name cannot be matched', () => {
    const targets = [{ name: 'web-1' }];
    expect(parseIntent('can bob approve?', targets)).toEqual({ kind: 'policy', focus: 'approvers', who: 'bob' });
    expect(parseIntent('is operator an approver?', targets)).toMatchObject({ who: 'operator' });
    expect(parseIntent('does bob have permission to approve?', targets)).toEqual({ kind: 'policy', focus: 'approvers', who: 'bob' });
    expect(parseIntent("what's in dry run mode?", targets)).toEqual({ kind: 'policy', focus: 'modes' });
    const yes = answerPolicy(policyFactsOf(config), user('web', 'alice'), 'approvers', 'operator').split('\n');
    expect(yes[1]).toBe('Of the names listed, "operator" is an approver on web.');
    const no = answerPolicy(policyFactsOf(config), user('web', 'alice'), 'approvers', 'bob');
    expect(no).toMatch(/Of the names listed, "bob" is none: .* on Slack and Discord by user id or role/);
  });
});
