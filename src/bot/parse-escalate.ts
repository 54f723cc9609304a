// Words that fill a person's place but name nobody who can be paged by name.
const NOT_PEOPLE = new Set(
  'me us the a an it this that them him her you everyone everybody anyone anybody someone somebody whoever nobody on-call oncall ops team bot ai llm gpt chatgpt all back up out in'.split(
    ' ',
  ),
);
const NAME = String.raw`([a-z][a-z0-9._-]{0,30})`;
// "Page bob", "ping alice about web-1", "wake up bob re an_…".
const PAGE = new RegExp(
  String.raw`^(?:please\s+)?(?:page|ping|call|wake(?:\s+up)?)\s+${NAME}(?:\s+(?:about|on|for|re|regarding|over|with)\b.*)?\s*[.!]?$`,
);
// "Get alice to look at web-1", "ask bob to check db-1", "tell alice about an_…".
const ASK = new RegExp(
  String.raw`^(?:please\s+)?(?:get|ask|tell)\s+${NAME}\s+(?:to\s+(?:look|check|help|take|handle|have a look|jump)|about)\b`,
);
// "Escalate web-1 to bob".
const TO = new RegExp(String.raw`\bescalate\b.*\bto\s+${NAME}\s*[.!]?$`);
// "Page the on-call", "wake up on-call about db-1", "escalate to the on-call": whoever holds the pager now.
const ON_CALL = new RegExp(
  String.raw`^(?:please\s+)?(?:(?:page|ping|call|wake(?:\s+up)?|get)\s+|escalate\b.*\bto\s+)(?:the\s+)?(?:on[\s-]?call|oncall)(?:\s+(?:person|engineer|human))?(?:\s+(?:about|on|for|re|regarding|over|with)\b.*)?\s*[.!]?$`,
);
/** The person "page the on-call" names: resolved to whoever holds the pager when it is asked. */
export const THE_ON_CALL = 'the on-call';

/**
 * The person an escalation is asked for by name ("page bob about web-1"), or undefined. Only a
 * name is read here: whether it is a member of an on-call rotation, and so has a mention to ping,
 * is for the escalation to check. Target and role names are hosts ("ping web-1"), not people. Pure.
 */
export function escalateTo(text: string, hosts: ReadonlySet<string>): string | undefined {
  if (ON_CALL.test(text)) return THE_ON_CALL;
  const name = (PAGE.exec(text) ?? ASK.exec(text) ?? TO.exec(text))?.[1];
  return name && !NOT_PEOPLE.has(name) && !hosts.has(name) && !/^(?:an|rp|sl|wt|su|in)_/.test(name) ? name : undefined;
}
