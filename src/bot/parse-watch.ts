import type { Intent, MetricKey } from './intent.js';
import { parseBound } from './parse-bound.js';
import { parseDuration } from './text-tools.js';

// "Tell me when web-1 recovers", "ping me when cpu on db-1 drops below 50%", "let me know once it's resolved".
// "Tell me when web-2 last reported", "…when it started", "…when db-1 will be full" ask about a time, not to be told.
const ASK =
  /^(?!.*\b(?:last|was|were|did|started|began|happened|will|would)\b)(?:please\s+|pls\s+|can you\s+|could you\s+)?(?:notify|tell|ping|alert|message|dm|remind|let)\s+(?:me|us)\b(?:\s+know)?.*?\b(?:when|once|if|as soon as)\b/;
const RECOVERS =
  /\b(?:recover(?:s|ed)?|resolve[sd]?|is resolved|back to normal|back up|is ok|is okay|is fine|is healthy|clears?|cleared|all clear|calms? down|settles?|stops? alerting|is quiet)\b/;
// "Tell me when everything is resolved", "ping me when all clear": nothing open on any target.
const EVERYTHING =
  /\b(?:everything|every(?:thing| alert| anomaly)|all (?:clear|good|alerts?|anomalies|targets|hosts)|the (?:whole )?fleet)\b/;
const FOR = /\b(?:for|within|in|over)\s+(?:the\s+)?(?:next\s+)?(\d+(?:\.\d+)?\s*(?:m|min|mins|minutes?|h|hrs?|hours?|d|days?))\b/;
// "Stop watching web-1", "cancel watch wt_…", "my watches", "what are you watching for me?"
const LIST = /\b(?:my|active|open|list(?: the)?|show(?: the)?)\s+watch(?:es)?\b|\bwhat are you watching\b|^watch(?:es)?\??$/;
const STOP = /^(?:please\s+)?(?:stop|cancel|remove|delete|drop|forget)\s+(?:watching|the watch|watch(?:es)?|that watch)\b|\bunwatch\b/;

export const WATCH_DEFAULT_MS = 24 * 3_600_000;
export const WATCH_MAX_MS = 7 * 86_400_000;

/**
 * A request to be told when something happens: when a target's (or a metric's) open anomalies have
 * all ended, or when a figure crosses a bound. Undefined when the text asks for none of that.
 */
export function watchCommand(
  text: string,
  o: { target?: string | undefined; metric?: MetricKey | undefined; unknownTarget?: string | undefined; wt?: string | undefined },
): Intent | undefined {
  if (STOP.test(text)) return { kind: 'unwatch', ...(o.wt ? { id: o.wt } : {}), ...(o.target ? { target: o.target } : {}) };
  if (LIST.test(text)) return { kind: 'watches' };
  if (!ASK.test(text)) return undefined;
  if (o.unknownTarget && !o.target) return { kind: 'watch', unknownTarget: o.unknownTarget, when: 'resolved', forMs: WATCH_DEFAULT_MS };
  const span = FOR.exec(text);
  const forMs = Math.min(WATCH_MAX_MS, (span ? parseDuration(span[1]!) : undefined) ?? WATCH_DEFAULT_MS);
  const where = { ...(o.target ? { target: o.target } : {}), ...(o.metric ? { metric: o.metric } : {}) };
  const bound = parseBound(text.replace(FOR, ' '));
  // "drops below 50", "goes above 80", "is under 30%": the bound, in the metric's unit.
  if (bound && o.metric) return { kind: 'watch', ...where, when: bound, forMs };
  if (RECOVERS.test(text) && (o.target || o.metric)) return { kind: 'watch', ...where, when: 'resolved', forMs };
  if (RECOVERS.test(text) && EVERYTHING.test(text)) return { kind: 'watch', when: 'resolved', forMs, all: true };
  // "Tell me when it recovers", "…when this drops below 50%": the alert whose thread it is (alert-thread.ts).
  if (bound || RECOVERS.test(text)) return { kind: 'watch', ...where, when: bound ?? 'resolved', forMs, it: true };
  return {
    kind: 'bad_input',
    reason:
      'I can tell you when a target recovers ("tell me when web-1 recovers") or when a figure crosses a line ("ping me when cpu on db-1 drops below 50%"), for up to a week ("… for the next 2h")',
  };
}
