import type { NeutralMessage } from '../core/chat.js';
import type { ChatStore, Destination } from '../core/chat-store.js';
import type { Proposal, ProposalEvent } from '../core/remediation.js';
import { unionDestinations } from './alert-routes.js';
import { renderFollowUp, renderProposal } from './render-message.js';

type FanOut = (op: 'post' | 'update', msgKey: string, payload: NeutralMessage, threadKey?: string | null, routeKey?: string) => void;

/** Where a proposal asked for in chat goes: its own key, routed to where it was asked and the alert channels. */
export const requestKey = (proposalId: string) => `request:${proposalId}`;

/** Routes a requested proposal before it is made, so its first message goes out with it. */
export function routeRequest(chat: ChatStore, proposalId: string, from: Destination, defaults: Destination[], now: number): void {
  chat.addDestinations(requestKey(proposalId), unionDestinations([[from], defaults]), now);
}

/**
 * A proposal's messages: one that waits for approval is posted where its alert went (or, asked for in
 * chat, where it was asked and to the alert channels), updated in place on each move, with a
 * follow-up in its thread when decided and when done. Dry-run and automatic actions need no one: one
 * message when done, under the alert where there is one.
 */
export function proposalTransition(p: Proposal, e: ProposalEvent, chat: ChatStore, fanOut: FanOut): void {
  const alertKey = chat.alertKeyFor(p.anomalyId);
  const asked = alertKey ? undefined : chat.destinationsOf(requestKey(p.id)) ? requestKey(p.id) : undefined;
  const routeKey = alertKey ?? asked;
  if (!routeKey) return; // its anomaly was silenced or predates the notifier
  const key = `proposal:${p.id}`;
  if (p.mode === 'approval') {
    if (e.to === 'proposed') fanOut('post', key, renderProposal(p), null, routeKey);
    else {
      fanOut('update', key, renderProposal(p), null, routeKey);
      if (['approved', 'denied', 'expired', 'withdrawn', 'succeeded', 'failed'].includes(e.to)) {
        const who = e.actor.startsWith('executor:') || e.actor === 'system' ? '' : ` by ${e.actor}`;
        fanOut(
          'post',
          `${key}:${e.to}`,
          renderFollowUp(`${p.id} ${e.to}${who}`, e.note || e.to, e.to === 'failed' ? 'critical' : 'ok'),
          key,
          routeKey,
        );
      }
    }
    return;
  }
  if (e.to === 'succeeded' || e.to === 'failed') fanOut('post', key, renderProposal(p), alertKey ?? null, routeKey);
}
