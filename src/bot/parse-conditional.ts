import type { Intent } from './intent.js';

// "Restart web-1 if cpu is above 90%", "escalate web-1 unless someone acks in 10 minutes", "approve rp_… if the tests pass":
// a command said to wait on a condition. "If needed" leaves the judging to the approver, as any request does.
const CONDITION =
  /\b(?:if|when|whenever|once|unless|as soon as|in case|should it|the moment)\s+(?!(?:needed|necessary|required|possible|appropriate|you can|you could|it(?:'s| is) (?:still )?(?:open|firing)|still open)\b)\S/;

const WHAT_INSTEAD: Partial<Record<Intent['kind'], string>> = {
  action_request:
    'I act when asked, not on a condition I would watch for. A remediation rule proposes an action when an alert matches it ("which rules propose restarts?" lists them), and "tell me when web-1 cpu goes above 90%" pings you, so you can ask then',
  escalate:
    'I escalate when asked. Escalating when nobody acknowledges an alert in time is chat.escalate.afterMinutes; "escalate web-1" pings now',
  approve: 'a decision is made when it is asked for; approve once the condition holds',
  deny: 'a decision is made when it is asked for; deny once the condition holds',
  unsilence:
    'a silence lasts until its end, or until someone lifts it; lift it once the condition holds, or "extend sl_… by 1h" to move its end',
  unack: 'an alert is handed back when asked; hand it back once the condition holds',
};

/** A command that changes something, said with a condition: nothing is done, and the reply says what does that. Pure. */
export function conditionalCommand(intent: Intent, head: string): Intent | undefined {
  const instead = WHAT_INSTEAD[intent.kind];
  // "What if we restart web-1?" asks what a request would do (`question`), which does nothing either way.
  if (intent.kind === 'action_request' && intent.question) return undefined;
  return instead && CONDITION.test(head) ? { kind: 'bad_input', reason: `Nothing done: ${instead}` } : undefined;
}
