import type { Intent } from './intent.js';

// "I'm going to reboot web-1", "we're about to deploy to api", "I'll patch db-1 tonight": work announced before it is done.
const ABOUT_TO =
  /^(?:(?:fyi|heads[\s-]up|btw|psa|ok|so)\b[\s,:;.!-]*)?(?:i'?m|i am|we'?re|we are|i'?ll|we'?ll|i will|we will|i'?m gonna|we'?re gonna)\s+(?:(?:going to|gonna|about to|planning to|planning on|starting to|just going to)\s+)?(?:reboot(?:ing)?|restart(?:ing)?|deploy(?:ing)?|redeploy(?:ing)?|patch(?:ing)?|upgrad(?:e|ing)|updat(?:e|ing)|migrat(?:e|ing)|drain(?:ing)?|bounc(?:e|ing)|take down|taking down|stop(?:ping)?|roll(?:ing)? out|do(?:ing)? (?:some )?maintenance|fail(?:ing)? over|resiz(?:e|ing))\b/;
// "Heads up: maintenance on db-1 at 22:00", "fyi, db-1 maintenance tonight".
const MAINTENANCE = /^(?:fyi|heads[\s-]up|btw|psa)\b.*\b(?:maintenance|downtime|outage window|work)\b/;
// "FYI db-1 backup is running": news, with nothing asked.
const COURTESY = /^(?:fyi|heads[\s-]up|btw|psa)\b[\s,:;.!-]*(.+)$/;

/**
 * Work announced ahead ("I'm going to reboot web-1", "heads up: maintenance on db-1 at 22:00") or
 * news said in passing ("FYI db-1 backup is running"), which a read of the host had answered as if
 * asked. Nothing is done or recorded; the reply says what would hold the alerts meanwhile and what
 * records it. Only in place of a read, never of a command or a note. Pure.
 */
export function headsUp(intent: Intent, text: string, said: readonly string[], example = 'web-1'): Intent | undefined {
  const reads = new Set<Intent['kind']>(['metrics', 'status', 'anomalies', 'attention', 'rules', 'silences', 'unknown', 'schedule']);
  if (!reads.has(intent.kind) || /\?\s*$/.test(text)) return undefined;
  // The hosts the read had named (a role word names several), else those said by name.
  const i = intent as { target?: string; group?: string[] };
  const named = i.target ? [i.target] : (i.group ?? said);
  // With no host named, the examples name the first target there is.
  const host = named[0] ?? example;
  if (ABOUT_TO.test(text) || MAINTENANCE.test(text))
    return {
      kind: 'bad_input',
      reason: `Nothing done or recorded. While the work is on, ${named.length > 1 ? `the alerts of ${named.join(', ')}` : named.length ? `${host}'s alerts` : 'alerts'} may fire: "silence ${host} for 30m: maintenance" holds them now, "silence ${host} from 22:00 to 23:00: maintenance" holds them for a window ahead; once it is done, "rebooted ${host}" (or "deployed v2.5 to ${host}") records the change beside its alerts`,
    };
  const news = COURTESY.exec(text)?.[1];
  // "Btw what's cpu on web-1" is still the question.
  if (
    news &&
    !/^(?:what|what's|whats|how|hows|how's|is|are|was|were|can|could|show|list|give|which|who|when|where|why|do|does|did|any|tell)\b/.test(
      news,
    )
  )
    return {
      kind: 'bad_input',
      reason: `Nothing recorded. "note: ${news.slice(0, 80)}" keeps it${named.length ? ` beside ${named.join(', ')}'s alerts` : ''}; a change done to the hosts ("deployed v2.5 to ${host}") is recorded as one`,
    };
  return undefined;
}
