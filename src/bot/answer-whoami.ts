import type { ChatUser } from '../core/chat.js';
import type { OnCall } from './on-call.js';

/**
 * "Who am I?": the identity the bot knows the asker by (what the audit log and approvals record),
 * whether they may approve, their on-call standing, and the clock replies use for them.
 */
export function answerWhoami(
  user: ChatUser,
  o: { approver: boolean; onCall?: OnCall | undefined; zone?: string | undefined; now: number },
): string {
  return [
    `You are ${user.platform}:${user.id}${user.name && user.name !== user.id ? ` (${user.name})` : ''}${user.roles.length ? `, with the roles ${user.roles.join(', ')}` : ''}; that is how the audit log and approvals record you.`,
    user.platform === 'cli'
      ? 'From the command line you read; approvals are made in chat by those approvers.<platform> lists.'
      : o.approver
        ? `You can approve and deny remediations (approvers.${user.platform}).`
        : `You are not an approver (approvers.${user.platform} lists who is).`,
    ...(o.onCall ? [o.onCall.mine(user, o.now)] : []),
    `Times in my replies are ${o.zone ? `in ${o.zone}` : 'in UTC'}; "show times in Europe/Berlin" or "use UTC" changes that.`,
  ].join('\n');
}
