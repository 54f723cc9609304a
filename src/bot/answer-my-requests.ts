import type { AnswerContext } from './answer-intent.js';
import { describeProposal, stamp } from './format-reply.js';
import type { Intent } from './intent.js';

const WEEK = 7 * 86_400_000;
const SHOWN = 10;

/**
 * "Show my requests", "what have I asked for?": the proposals the asker requested in chat over the
 * last 7 days, those still waiting first, with how each ended. From the store; nothing changes.
 */
export function answerMyRequests(i: Extract<Intent, { kind: 'my_requests' }>, c: AnswerContext): string {
  if (!c.asker) return 'I cannot tell who you are here, so I cannot list your requests; ask in chat or the web console.';
  // "What happened to my restart request?": only those of that action (and target), when one is named.
  const what = [i.action, i.target && `on ${i.target}`].filter(Boolean).join(' ');
  const mine = c.store
    .listProposals({ updatedSince: c.now - WEEK, limit: 5000 })
    .filter((p) => p.requestedBy === c.asker && p.createdTs >= c.now - WEEK)
    .filter((p) => (!i.action || p.action === i.action) && (!i.target || p.target === i.target))
    .sort((a, z) => Number(z.state === 'proposed') - Number(a.state === 'proposed') || z.createdTs - a.createdTs);
  if (!mine.length)
    return what
      ? `You have asked for no ${what} in the last 7 days.${i.action ? ` "Show my requests" lists every action you asked for.` : ''}`
      : 'You have asked for no action in the last 7 days. "Restart app on web-1" or "scale up web-2" asks for one, as remediation.rules allow it.';
  const waiting = mine.filter((p) => p.state === 'proposed').length;
  return [
    `Your requests ${what ? `for ${what} ` : ''}in the last 7 days: ${mine.length}${waiting ? `, ${waiting} waiting for approval` : ''}${mine.length > SHOWN ? ` (the latest ${SHOWN})` : ''}:`,
    ...mine.slice(0, SHOWN).map((p) => `• ${stamp(p.createdTs)} ${describeProposal(p)}${p.result ? ` — ${p.result.slice(0, 120)}` : ''}`),
    ...(waiting ? ['"Cancel my request" or "cancel rp_…" takes one back.'] : []),
  ].join('\n');
}
