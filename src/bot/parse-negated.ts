import type { Intent } from './intent.js';

// "Don't restart web-1", "we shouldn't scale up api-2", "please do not ack web-1": a command said not to be done.
// A question ("shouldn't we restart web-1?") asks for one and is left to the request parser.
const NEGATED = new RegExp(
  String.raw`^(?:(?:no|ok|okay|wait)[,.!]?\s+)?(?:please\s+)?(?:(?:we|i|you)\s+)?(?:don['’]?t|do not|never|should(?:n['’]?t| not)|won['’]?t|will not|must(?:n['’]?t| not)|no need to|let['’]?s not|not going to)\s+(?:(?:go\s+(?:and\s+)?|bother\s+(?:to\s+)?)?)(\w+)`,
);

const VERBS: [RegExp, string][] = [
  [
    /^(?:restart\w*|reboot\w*|bounce|scale\w*|clean\w*|clear|run|kill|stop|start|deploy\w*|rollback|remediate|fix)$/,
    'an action runs only when someone asks for it and an approver approves it, or when a remediation rule in auto mode fires on an alert ("which rules propose restarts?" lists the rules). To turn down a proposal that waits, deny it ("deny rp_…"); "pending" lists them',
  ],
  [/^(?:approve\w*)$/, 'a proposal waits until someone approves or denies it. To turn it down, "deny rp_…"'],
  [/^(?:deny|denied|reject\w*)$/, 'a proposal waits until someone approves or denies it'],
  [/^(?:ack\w*|acknowledge\w*|take)$/, 'an alert is only taken on when someone asks. To hand one back, "unack an_…"'],
  [
    /^(?:escalate\w*)$/,
    'I escalate an alert when asked, or on my own when chat.escalate.afterMinutes is set and nobody has acknowledged it by then; "ack an_…" stops that',
  ],
  [/^(?:silence\w*|mute\w*|snooze\w*|suppress\w*)$/, 'nothing is silenced unless someone asks'],
  [/^(?:unsilence\w*|unmute\w*|unsnooze\w*)$/, 'a silence lasts until it ends, unless someone lifts it'],
  [/^(?:resolve\w*|close\w*|declare\w*)$/, 'nothing is resolved or declared unless someone asks'],
];

// "Stop restarting web-1", "stop escalating db-1": what would run anyway, and how to stop it, as for "don't".
const STOP_DOING = /^(?:please\s+)?(?:stop|quit)\s+((?:restart|reboot|scal|clean|escalat|approv|deny|ack)\w*ing)\b/;

/** A command said not to be done: a reply that nothing was, and how to stop what would happen anyway. Pure. */
export function negatedCommand(text: string): Intent | undefined {
  if (/\?\s*$/.test(text)) return undefined;
  const m = NEGATED.exec(text.trim()) ?? STOP_DOING.exec(text.trim());
  const verb = m?.[1]?.replace(/ing$/, '').replace(/^(escalat|approv|scal)$/, '$1e');
  const said = verb && VERBS.find(([re]) => re.test(verb));
  return said ? { kind: 'bad_input', reason: `Nothing done: ${said[1]}` } : undefined;
}

// "Silence web-1?", "ack web-1?", "unsnooze db-1?": a bare command said as a question. "Can you silence web-1?" asks for it.
const ASKED_COMMAND = /^(silence|mute|snooze|quiet|unsnooze|unsilence|unmute|ack|acknowledge|escalate|page)\b[^?]*\?+\s*$/;
const SAY_IT: Record<string, string> = {
  silence:
    'Nothing silenced: that reads as a question. Say it without the question mark to silence ("silence web-1 for 1h"), or ask "is web-1 silenced?"',
  unsilence:
    'Nothing lifted: that reads as a question. Say it without the question mark to lift the silences ("unsnooze web-1"), or ask "is web-1 silenced?"',
  ack: 'Nothing acknowledged: that reads as a question. Say it without the question mark to take the alert on ("ack web-1"), or ask "is web-1 acked?"',
  escalate:
    'Nothing escalated: that reads as a question. Say it without the question mark to escalate ("escalate web-1"), or ask "who is on call?"',
};

/** A bare command word said with a question mark: nothing is done, and the reply says how to do it or ask about it. Pure. */
export function askedCommand(intent: Intent, text: string): Intent | undefined {
  // "Silence history?", "ack status web-1?" are read as the questions they are (noun-use.ts).
  // "Ack web-1?" was read as web-1's figures; "snooze or ack?" asks what the words mean.
  const command =
    ['silence', 'unsilence', 'ack', 'escalate'].includes(intent.kind) || (intent.kind === 'metrics' && intent.target !== undefined);
  if (!command || /\b(?:or|vs\.?|versus)\b/.test(text)) return undefined;
  const verb = ASKED_COMMAND.exec(text.trim())?.[1];
  if (!verb) return undefined;
  const family = /^un/.test(verb)
    ? 'unsilence'
    : /^(?:ack|acknowledge)$/.test(verb)
      ? 'ack'
      : /^(?:escalate|page)$/.test(verb)
        ? 'escalate'
        : 'silence';
  return { kind: 'bad_input', reason: SAY_IT[family]! };
}
