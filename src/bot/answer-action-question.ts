import type { ActionId } from '../core/remediation.js';
import { planRequest } from '../pipeline/remediate/plan-request.js';
import type { AnswerContext } from './answer-intent.js';
import { approveEffect } from './approve-effect.js';
import { describeAnomaly, stamp } from './format-reply.js';
import { namedParams, type ActionRequestIntent } from './parse-action-request.js';
import { formatDuration } from './text-tools.js';

const SAY: Record<ActionId, (t: string, service?: string) => string> = {
  restart_service: (t, service) => `restart ${service ?? '<service>'} on ${t}`,
  scale_up: (t) => `scale up ${t}`,
  cleanup_disk: (t) => `clean up the disk on ${t}`,
  notify_only: (t) => `notify about ${t}`,
};

/**
 * "Should I restart app on web-1?", "what would happen if I scale up web-2?": what asking for it
 * would do (the rule that allows it, its parameters and executor, who decides), what is open there
 * now and when that action was last proposed. Nothing is proposed; the judgement stays the asker's.
 */
export function answerActionQuestion(i: ActionRequestIntent & { action: ActionId; target: string }, c: AnswerContext): string {
  const plan = planRequest({ action: i.action, target: i.target, ...namedParams(i) }, c.remediationRules ?? [], {
    now: c.now,
    ttlMs: 0,
    requestedBy: c.asker ?? 'you',
  });
  const lines: string[] = [];
  if (!plan.ok) lines.push(`Asked for, ${i.action} on ${i.target} would not be proposed: ${plan.error}.`);
  else {
    const p = plan.proposal;
    const service = typeof p.params.service === 'string' ? p.params.service : undefined;
    lines.push(
      `Asked for ("${SAY[i.action](i.group ?? i.target, service)}"${i.group ? `, a scale-up of auto scaling group ${i.group} through ${i.target}` : ''}), it is proposed by the rule "${plan.rule.name}": ${p.action} ${JSON.stringify(p.params)} via ${p.executor}, ${p.mode === 'dry_run' ? 'run at once as a dry run' : 'waiting for an approver to decide'}. ${approveEffect(p)}`,
    );
  }
  const open = c.store.openAnomalies().filter((a) => a.target === i.target);
  lines.push(
    open.length
      ? `Open on ${i.target} now: ${open.length}:\n${open
          .slice(0, 3)
          .map((a) => `• ${describeAnomaly(a, c.now)}`)
          .join('\n')}`
      : `Nothing is open on ${i.target} now.`,
  );
  const last = c.store.lastProposalTs(i.target, i.action);
  // One already waiting is the answer to "should I?": deciding it, not asking again.
  const waiting = c.store.listProposals({ states: ['proposed'], target: i.target, action: i.action, limit: 1 })[0];
  lines.push(
    waiting
      ? `One is already waiting for approval: ${waiting.id}, proposed ${stamp(waiting.createdTs)} (${waiting.anomalyId ? `for ${waiting.anomalyId}: ${waiting.reason}` : `asked for by ${waiting.requestedBy}`}), until ${stamp(waiting.expiresTs)}; asking again would point at it.`
      : last === undefined
        ? `No ${i.action} was proposed for ${i.target} before.`
        : `The last ${i.action} proposed for ${i.target} was at ${stamp(last)}, ${formatDuration(c.now - last)} ago ("remediation history" for how it ended).`,
  );
  lines.push('Whether to do it is your call: I only say what asking would do.');
  return lines.join('\n');
}
