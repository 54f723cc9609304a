import { ACTIONS } from '../core/remediation.js';
import type { AnswerContext } from './answer-context.js';
import type { Intent } from './intent.js';
import { answerActionQuestion } from './answer-action-question.js';
import { answerUndo } from './answer-undo.js';
import { approveEffect } from './approve-effect.js';
import { describeProposal, stamp, unknownTargetReply } from './format-reply.js';
import { formatDuration } from './text-tools.js';
import { answerRules } from './answer-rules.js';

// How each action is asked about on a target, for the example in a reply.
const ACTION_WORD: Record<string, string> = {
  restart_service: 'restarting app on',
  scale_up: 'scaling up',
  cleanup_disk: 'cleaning up the disk on',
};

/** Under the pending list for someone who cannot decide them: "what needs my approval?" has its answer. */
export const NOT_APPROVER =
  '\nYou are not an approver here, so none of these is yours to decide: they wait for an approver ("who can approve?"). "Cancel rp_…" takes back one you requested.';

/** "What's pending?": the proposals waiting for an approver, each with what approving it runs. */
export function answerPending(c: AnswerContext, deny?: boolean): string {
  const pending = c.store.listProposals({ states: ['proposed'], limit: 50 });
  // Denying is a decision like approving: said plainly, as remediation-service.ts and plan-remediation.ts do it.
  const denying = deny
    ? [
        "Denying one runs nothing: it is recorded as denied, by whom and when. Its anomaly stays open and alerts as before until it ends or is silenced; that anomaly gets no second proposal, and a new anomaly on the target gets a proposal for the same action only after the rule's cooldown, counted from this proposal.",
      ]
    : [];
  if (pending.length === 0) return ['No proposals are waiting for approval.', ...denying].join('\n');
  return [
    ...denying,
    `${pending.length} waiting for approval:`,
    ...pending.map(
      (p) =>
        `• ${p.id}: ${p.action} on ${p.target} — ${p.reason} (expires ${stamp(p.expiresTs)}, in ${formatDuration(p.expiresTs - c.now)}). ${approveEffect(p)}`,
    ),
    `Answer with "approve <id>" or "deny <id>"${pending.length === 1 ? `, or in words ("approve the ${pending[0]!.action.replace('_', ' ')} on ${pending[0]!.target}")` : ''}.`,
  ].join('\n');
}

/**
 * A request that names no allow-listed action ("reboot web-1", "deploy v2", "roll back"), or one made
 * where nothing can be proposed: which actions may be asked for, and what is waiting for approval.
 * Parameters never come from chat (decision 0003); a request picks what remediation.rules allow.
 */
export function answerActionRequest(i: Extract<Intent, { kind: 'action_request' }>, c: AnswerContext): string {
  if (i.undo) return answerUndo(i, c);
  if (i.question && i.action && i.target) return answerActionQuestion({ ...i, action: i.action, target: i.target }, c);
  // "What does the cleanup do?": what each rule with the action sets, since no target is named; a target says more.
  if (i.question && i.action && !i.several)
    return `${answerRules({ action: i.action, only: 'remediation' }, c)}\nOn one target ("what would ${ACTION_WORD[i.action] ?? i.action} db-1 do?"), what asking would do there.`;
  if (i.question && i.action)
    return `Which target? Ask about one (of ${i.several!.join(', ')}): a request names one target, so what it would do depends on which.`;
  const allowed = [...new Set((c.remediationRules ?? []).map((r) => r.action))].filter((a) => a !== 'notify_only');
  const lines = [
    i.action
      ? `Nothing was done: actions are not requested here.`
      : `${i.question ? '' : 'Nothing was done: '}"${i.verb}" is not an action I run. ${
          allowed.length
            ? `A request may name ${allowed.join(', ')} on one target ("restart app on web-1", "scale up web-2"), as the rules in remediation.rules allow it; an approver then approves it.`
            : `No rule in remediation.rules names an action (of ${ACTIONS.join(', ')}) to ask for.`
        }`,
  ];
  if (i.unknownTarget && !i.target) lines.push(unknownTargetReply(i.unknownTarget, c.targets));
  const pending = c.store.listProposals({ states: ['proposed'], ...(i.target ? { target: i.target } : {}), limit: 10 });
  const where = i.target ? ` on ${i.target}` : '';
  lines.push(
    pending.length === 0
      ? `Nothing is waiting for approval${where}.`
      : [`Waiting for approval${where}:`, ...pending.map((p) => `• ${describeProposal(p)} — ${p.reason}`)].join('\n'),
  );
  return lines.join('\n');
}
