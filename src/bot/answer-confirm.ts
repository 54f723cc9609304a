import type { AnswerContext } from './answer-intent.js';

/** "Yes", "do it", "go ahead", "no", "nope": a bare yes or no, which names nothing to do. */
export const CONFIRM =
  /^(?:yes|yep|yeah|yup|y|sure|yes please|do it|go ahead|go for it|proceed|please do|ok,? do it|ok,? go|make it so|ship it)[\s!.]*$/;
export const DECLINE = /^(?:no|nope|nah|n|no thanks|no,? thanks|don'?t|do not)[\s!.]*$/;

/**
 * A bare yes or no does nothing, so that no single word runs or refuses an action: the reply says
 * so, with what is waiting and the words that decide it. The buttons and "approve rp_…" act.
 */
export function answerConfirm(yes: boolean, c: AnswerContext): string {
  const waiting = c.store.listProposals({ states: ['proposed'], limit: 5 });
  const said = yes ? `"Yes" alone approves nothing` : `"No" alone denies nothing`;
  if (!waiting.length)
    return `Nothing done: ${said}, and nothing is waiting for approval. Say what to do in full ("restart app on web-1", "silence web-1 for 1h").`;
  const verb = yes ? 'approve' : 'deny';
  return [
    `Nothing done: ${said}, so that one word never ${yes ? 'runs' : 'refuses'} an action. Waiting for approval:`,
    ...waiting.map((p) => `• ${p.id}: ${p.action} on ${p.target} ("${verb} ${p.id}")`),
  ].join('\n');
}
