/**
 * A command word used as a noun at the head of a question: "silence status web-1", "ack rate",
 * "escalate history", "approve count", "page count". Said that way they had been read as the
 * command itself ("silence status web-1" silenced web-1); each becomes the question it stands for,
 * the rest of the text kept ("for web-1", "this week"). Pure.
 */
const PREFIX = String.raw`^(?:(?:the|our|show(?: me)?(?: the)?|what(?:'s| is)(?: the)?)\s+)?`;

const USES: [RegExp, string][] = [
  // "Silence count", "mute stats": how many there were.
  [
    new RegExp(`${PREFIX}(?:silence|mute|snooze)s?\\s+(?:count|counts|stats|statistics|totals?|number|tally|rate)(?![\\w-])`),
    'how many silences',
  ],
  // "Silence status web-1", "snooze list": the silences in force ("silence history" is read as such already).
  [new RegExp(`${PREFIX}(?:silence|mute|snooze)s?\\s+(?:status|state|list|overview)(?![\\w-])`), 'silences'],
  // "Ack status web-1": whether it is taken on; "ack rate", "ack time": how fast; "ack stats": who takes them.
  [new RegExp(`${PREFIX}(?:ack|acknowledge?ment)s?\\s+(?:status|state)(?![\\w-])`), 'is acknowledged'],
  [new RegExp(`${PREFIX}(?:ack|acknowledge?ment)s?\\s+(?:rate|times?|speed|latency|delay)(?![\\w-])`), 'how fast do we ack'],
  [
    new RegExp(
      `${PREFIX}(?:ack|acknowledge?ment)s?\\s+(?:count|counts|stats|statistics|totals?|number|tally|history|log|leaderboard)(?![\\w-])`,
    ),
    'who acked the most',
  ],
  // "Escalate policy", "escalation rules": where alerts go and who is paged; "escalate history": the escalations.
  [new RegExp(`${PREFIX}escalat(?:e|ion)s?\\s+(?:polic(?:y|ies)|rules?|settings|config)(?![\\w-])`), 'escalation policy'],
  [
    new RegExp(`${PREFIX}escalat(?:e|ion)s?\\s+(?:count|counts|stats|statistics|totals?|number|history|log|report)(?![\\w-])`),
    'how many escalations',
  ],
  // "Approve count", "approval rate", "deny stats": the decisions made.
  [
    new RegExp(
      `${PREFIX}(?:approve|approval|deny|denial)s?\\s+(?:count|counts|rate|stats|statistics|totals?|number|history|log)(?![\\w-])`,
    ),
    'remediation history how many decided',
  ],
  // "Page count", "page history": the pages sent.
  [new RegExp(`${PREFIX}pages?\\s+(?:count|counts|stats|statistics|totals?|number|history|log|report)(?![\\w-])`), 'pages'],
];

/** The question a command word used as a noun stands for, or the text as it was. */
export function nounUse(text: string): string {
  for (const [re, said] of USES) {
    const m = re.exec(text);
    if (m) return `${said}${text.slice(m[0].length)}`;
  }
  return text;
}
