import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Logger, Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import type { Intent } from './intent.js';
import type { RemediationService } from '../pipeline/remediate/remediation-service.js';
import { describeProposal, stamp } from './format-reply.js';
import { quoteUntrusted } from './text-tools.js';

// What the CLI cannot do (it has no channel to answer in later, and no platform user to record).
export const CLI_REFUSED: Partial<Record<Intent['kind'], string>> = {
  silence: 'Silences are set',
  unsilence: 'Silences are lifted',
  escalate: 'Alerts are escalated',
  ack: 'Alerts are acknowledged',
  unack: 'Alerts are acknowledged',
  watch: 'Watches are set',
  unwatch: 'Watches are ended',
  feedback: 'Alerts are marked',
  // A deploy job on a host posts it to /api/query (docs/api.md).
  change: 'Changes are recorded',
  action_request: 'Actions are requested',
  test_alert: 'Test alerts are sent',
  subscribe: 'Subscriptions are made from Slack or Discord, where alerts can mention you.',
  unsubscribe: 'Subscriptions are ended from Slack or Discord.',
};

/**
 * Approve and deny, from a command or a button: only approvers (config `approvers`, by platform user
 * or role) decide; a refusal is recorded and logged; the remediation service does the rest.
 */
export function createDecisions(o: {
  store: Store;
  logger: Logger;
  approvers: FileConfig['approvers'];
  remediation?: (Pick<RemediationService, 'approve' | 'deny'> & Partial<Pick<RemediationService, 'cancel'>>) | undefined;
  record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  actor: (u: ChatUser) => string;
}) {
  function isApprover(u: ChatUser): boolean {
    const set = (o.approvers as Record<string, { users: string[]; roles: string[] } | undefined>)[u.platform];
    if (!set) return false;
    return set.users.includes(u.id) || u.roles.some((r) => set.roles.includes(r));
  }

  /**
   * "Deny all": every pending proposal, each decided as "deny rp_…" would be. "Approve all" is
   * refused: each action run on a host is its own decision.
   */
  async function decideAll(kind: 'approve' | 'deny', user: ChatUser, now: number): Promise<ChatReply> {
    const pending = o.store.listProposals({ states: ['proposed'], limit: 50 });
    const ids = pending.map((p) => p.id).join(', ');
    if (kind === 'approve')
      return {
        text: `I approve one proposal at a time, by its id, so that each action run on a host is its own decision. ${pending.length ? `Pending: ${ids}; "approve ${pending[0]!.id}".` : 'None is pending.'}`,
        intent: kind,
        private: true,
      };
    if (!pending.length) return { text: 'Nothing is waiting for approval, so there is nothing to deny.', intent: kind, private: true };
    if (!isApprover(user) && pending.some((p) => p.requestedBy !== o.actor(user))) {
      o.record?.('approval_refused', now, { proposalId: ids, decision: 'deny', actor: o.actor(user), name: user.name ?? null });
      return {
        text: `You are not an approver, so you cannot deny ${ids}; "cancel rp_…" takes back a request of yours. This attempt was recorded.`,
        intent: kind,
        private: true,
      };
    }
    const lines: string[] = [];
    for (const p of pending) lines.push(`• ${(await decide('deny', p.id, user, now)).text}`);
    return {
      text: [`Denied or withdrew ${pending.length} pending proposal${pending.length === 1 ? '' : 's'}:`, ...lines].join('\n'),
      intent: kind,
    };
  }

  async function decide(
    kind: 'approve' | 'deny',
    named: string | undefined,
    user: ChatUser,
    now: number,
    described: { target?: string; action?: string; unknownTarget?: string; all?: boolean; mine?: boolean } = {},
  ): Promise<ChatReply> {
    const intent = kind;
    if (!o.remediation) return { text: 'Decisions are not available here; use chat or the web console.', intent, private: true };
    // "Cancel all my requests": each of the asker's own, approver or not; never anyone else's.
    const ownWaiting = () => o.store.listProposals({ states: ['proposed'], limit: 500 }).filter((p) => p.requestedBy === o.actor(user));
    if (!named && described.mine && described.all && kind === 'deny') {
      const own = ownWaiting();
      if (!own.length)
        return { text: 'You have no request waiting for approval; "my requests" lists what you asked for.', intent, private: true };
      const lines: string[] = [];
      for (const p of own) lines.push(`• ${(await decide('deny', p.id, user, now)).text}`);
      return { text: [`Took back ${own.length} request${own.length === 1 ? '' : 's'} of yours:`, ...lines].join('\n'), intent };
    }
    if (!named && described.all) return decideAll(kind, user, now);
    // "Cancel my request": the asker's own one waiting, when there is one.
    if (!named && described.mine) {
      const own = ownWaiting();
      if (own.length !== 1)
        return {
          text: own.length
            ? `You have ${own.length} requests waiting: ${own.map((p) => `${p.id} (${p.action} on ${p.target})`).join(', ')}. Say which: "cancel ${own[0]!.id}", or "cancel all my requests".`
            : 'You have no request waiting for approval; "my requests" lists what you asked for.',
          intent,
          private: true,
        };
      return decide(kind, own[0]!.id, user, now);
    }
    // A target I do not know is no description at all: nothing is decided by the action alone.
    if (!named && described.unknownTarget)
      return {
        text: `I don't know a target called ${quoteUntrusted(described.unknownTarget)}; nothing was decided.`,
        intent,
        private: true,
      };
    let id = named;
    // "Approve the scale up on web-2": the one pending proposal it describes; none or several, it asks.
    if (!id && (described.target || described.action)) {
      const fits = o.store.listProposals({ states: ['proposed'], target: described.target, action: described.action, limit: 10 });
      const what = [described.action, described.target && `on ${described.target}`].filter(Boolean).join(' ');
      if (fits.length !== 1)
        return {
          text: fits.length
            ? `${fits.length} ${what} proposals are waiting: ${fits.map((p) => p.id).join(', ')}. Say which: "${kind} ${fits[0]!.id}".`
            : `Nothing ${what} is waiting for approval; "pending" lists what is.`,
          intent,
          private: true,
        };
      id = fits[0]!.id;
    }
    if (!id) {
      const pending = o.store.listProposals({ states: ['proposed'], limit: 5 });
      return {
        text: `Which proposal? ${pending.length ? `Pending: ${pending.map((p) => p.id).join(', ')}.` : 'None is pending.'}`,
        intent,
        private: true,
      };
    }
    // "Cancel rp_…" by whoever asked for it in chat: their request is taken back, approver or not.
    const mine = o.store.getProposal(id);
    if (kind === 'deny' && o.remediation.cancel && mine?.state === 'proposed' && mine.requestedBy === o.actor(user)) {
      const r = o.remediation.cancel(id, o.actor(user), now);
      return r.ok
        ? { text: `Cancelled your request ${id} (${r.proposal.action} on ${r.proposal.target}): withdrawn, nothing was run.`, intent }
        : { text: `${sentence(r.message)}.`, intent, private: true };
    }
    if (!isApprover(user)) {
      o.record?.('approval_refused', now, { proposalId: id, decision: kind, actor: o.actor(user), name: user.name ?? null });
      o.logger.warn({ proposal: id, actor: o.actor(user) }, 'decision refused: not an approver');
      return {
        text: `You are not an approver, so you cannot ${kind} ${id}. Approvers are listed in config (approvers.${user.platform}). This attempt was recorded.`,
        intent,
        private: true,
      };
    }
    const actor = o.actor(user);
    const r = kind === 'approve' ? await o.remediation.approve(id, actor, now) : o.remediation.deny(id, actor, now);
    if (!r.ok)
      return {
        text: `${sentence(r.message)}.${r.proposal ? ` (${describeProposal(r.proposal)})` : ''}`,
        intent,
        private: r.reason !== 'already_decided',
      };
    const p = r.proposal;
    const verb = kind === 'approve' ? 'Approved' : 'Denied';
    return {
      text: `${verb} by ${user.name ?? user.id} at ${stamp(now)}: ${describeProposal(p)}.${p.result ? ` Result: ${p.result.slice(0, 300)}` : ''}`,
      intent,
    };
  }

  return { isApprover, decide };
}

/** The service's reasons are phrases ("no proposal rp_…"); a reply leads with a capital. */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
