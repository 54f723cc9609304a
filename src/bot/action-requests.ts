import type { ChatReply, ChatUser, Platform } from '../core/chat.js';
import type { Destination } from '../core/chat-store.js';
import type { Logger, Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import type { RemediationService } from '../pipeline/remediate/remediation-service.js';
import { planRequest } from '../pipeline/remediate/plan-request.js';
import { approveEffect } from './approve-effect.js';
import { stamp } from './format-reply.js';
import { namedParams, type ActionRequestIntent } from './parse-action-request.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

export interface ActionRequestOptions {
  store: Store;
  remediation: Pick<RemediationService, 'submit'>;
  policy: Pick<FileConfig['remediation'], 'rules' | 'approvalTtlMinutes' | 'allowSelfApproval'>;
  actor: (u: ChatUser) => string;
  isApprover: (u: ChatUser) => boolean;
  /** Where the proposal's messages go: where it was asked, and the alert channels (notifier.routeRequest). */
  route?: (proposalId: string, from: Destination) => void;
  logger: Logger;
}

/** What the action does with its configured parameters, in a few words. */
function paramsText(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return parts.length ? parts.join(', ') : 'no parameters';
}

/**
 * "Restart app on web-1" in chat: a proposal like the pipeline's, by the rule that allows that action
 * on that target, with the rule's parameters and executor. It waits for an approver (never the asker
 * unless config allows), or runs at once as a dry run where the rule is one; it never runs for real
 * on the asker's word alone. `undefined`: the text names no allow-listed action, for the answer that
 * says which are.
 */
export function createActionRequests(o: ActionRequestOptions) {
  async function request(
    i: ActionRequestIntent,
    e: { platform: Platform; channel: string; user: ChatUser },
    now: number,
  ): Promise<ChatReply | undefined> {
    const intent = 'action_request';
    if (!i.action || i.question) return undefined;
    const refuse = (why: string): ChatReply => ({ text: `Nothing requested: ${why}.`, intent, private: true });
    if (i.several) return refuse(`name one target at a time (${i.several.join(', ')})`);
    if (!i.target)
      return refuse(
        i.unknownTarget
          ? `I don't know a target called ${quoteUntrusted(i.unknownTarget)}`
          : `say on which target ("${i.action === 'scale_up' ? 'scale up web-2' : i.action === 'cleanup_disk' ? 'clean up the disk on db-1' : 'restart app on web-1'}")`,
      );
    const actor = o.actor(e.user);
    const plan = planRequest({ action: i.action, target: i.target, ...namedParams(i) }, o.policy.rules, {
      now,
      ttlMs: o.policy.approvalTtlMinutes * 60_000,
      requestedBy: actor,
      ...(i.why ? { why: i.why } : {}),
    });
    if (!plan.ok) return refuse(plan.error);
    const waiting = o.store.listProposals({ states: ['proposed'], target: i.target, action: i.action, limit: 1 })[0];
    if (waiting)
      return {
        text: `Already waiting for approval: ${waiting.id} ${waiting.action} on ${waiting.target} (${waiting.reason}), until ${stamp(waiting.expiresTs)}. Nothing new was requested; "approve ${waiting.id}" decides it.`,
        intent,
        private: true,
      };
    const last = o.store.lastProposalTs(i.target, i.action);
    o.route?.(plan.proposal.id, { platform: e.platform, channel: e.channel });
    const p = await o.remediation.submit(plan.proposal, plan.rule.name, now);
    o.logger.info({ proposal: p.id, action: p.action, target: p.target, actor, rule: plan.rule.name }, 'action requested in chat');
    const on = i.group ? `auto scaling group ${i.group} (through ${p.target})` : p.target;
    const what = `${p.action} on ${on} (${paramsText(p.params)}; rule "${plan.rule.name}", executor ${p.executor})`;
    if (p.mode !== 'approval')
      return {
        text: `Ran ${what} as a dry run, as its rule says: ${p.state}.${p.result ? ` ${p.result.slice(0, 300)}` : ''}`,
        intent,
      };
    const approver = o.isApprover(e.user);
    const who = !approver
      ? 'An approver decides'
      : o.policy.allowSelfApproval
        ? 'You or another approver decide'
        : 'An approver other than you decides';
    const cooldownMs = plan.rule.cooldownSeconds * 1000;
    const recent =
      last !== undefined && now - last < cooldownMs
        ? ` The last ${p.action} on ${p.target} was proposed ${formatDuration(now - last)} ago, within its rule's ${formatDuration(cooldownMs)} cooldown, which holds the pipeline, not a request.`
        : '';
    return {
      text: [
        `Requested ${what}: ${p.id}, waiting for approval until ${stamp(p.expiresTs)}. ${approveEffect(p)}`,
        `${who} ("approve ${p.id}" or the buttons); "cancel ${p.id}" takes it back.${recent}`,
      ].join('\n'),
      intent,
    };
  }

  return { request };
}

export type ActionRequests = ReturnType<typeof createActionRequests>;
