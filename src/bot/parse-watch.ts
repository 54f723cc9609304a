import type { Intent, MetricKey } from './intent.js';
import { parseBound } from './parse-bound.js';
import { LENGTH, lengthMs } from './text-tools.js';
import { reminderCommand } from './parse-reminder.js';

// "Tell me when web-1 recovers", "ping me when cpu on db-1 drops below 50%", "let me know once it's resolved".
// "Tell me when web-2 last reported", "…when it started", "…when db-1 will be full" ask about a time, not to be told.
const ASK =
  /^(?!.*\b(?:last|was|were|did|started|began|happened|will|would)\b)(?:please\s+|pls\s+|can you\s+|could you\s+)?(?:notify|tell|ping|page|alert|message|dm|remind|let)\s+(?:me|us)\b(?:\s+know)?.*?\b(?:when|once|if|as soon as)\b/;
// "Watch web-1 cpu and tell me if it goes above 80", "keep an eye on db-1 disk above 70%": a watch
// led by its verb, with a line or a recovery to wait for (a bare "watch web-1" is not one). "Set up
// an alert for db-1 disk above 80%" is one for the asker, not a change to the rules.
const WATCH_VERB =
  /^(?!.*\b(?:last|was|were|did|started|began|happened)\b)(?:please\s+|pls\s+|can you\s+|could you\s+)?(?:watch|keep an eye on|keep watch on|keep watching|(?:set(?: up)?|create|add|make)\s+(?:me\s+)?an?\s+(?:alert|alarm|notification|watch)\b).*\b(?:when|once|if|as soon as|above|over|below|under|exceeds?|passes|crosses|reaches|hits|recovers?)\b/;
const RECOVERS =
  /\b(?:is back|comes? back|back online|reports? again|recover(?:s|ed)?|resolve[sd]?|is resolved|back to normal|back up|is ok|is okay|is fine|is healthy|clears?|cleared|all clear|calms? down|settles?|stops? alerting|is quiet)\b/;
// "Tell me when everything is resolved", "ping me when all clear": nothing open on any target.
const EVERYTHING =
  /\b(?:everything|every(?:thing| alert| anomaly)|all (?:clear|good|alerts?|anomalies|targets|hosts)|the (?:whole )?fleet)\b/;
const SPAN = String.raw`(${LENGTH})\b`;
// How long to keep watching: "for the next 2h", "within 3h"; and, said of a line only, how long it must hold: "for 10 min", "for at least 5m".
const FOR = new RegExp(String.raw`\b(?:(?:for|in|over)\s+the\s+next|within|in)\s+${SPAN}`);
const HOLDS = new RegExp(String.raw`\bfor\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?${SPAN}`);
/** A line held for longer than this is no longer a watch but a rule (thresholds' forSamples). */
export const SUSTAIN_MAX_MS = 12 * 3_600_000;
// "Stop watching web-1", "cancel watch wt_…", "my watches", "what are you watching for me?"
// "What reminders do I have?", "cancel my reminder": reminders are watches for a time.
const LIST =
  /\b(?:my|active|open|list(?: the)?|show(?: the)?)\s+(?:watch(?:es)?|reminders?)\b|\bwhat are you watching\b|\bwhat am i watching\b|^watch(?:es)?\??$|\b(?:what|which|any) reminders?\b/;
const STOP =
  /^(?:please\s+)?(?:stop|cancel|remove|delete|drop|forget|clear)\s+(?:all\s+)?(?:of\s+)?(?:my\s+|the\s+|that\s+|those\s+|these\s+)?(?:watching|watch(?:es)?|reminders?)\b|\bunwatch\b/;
// "Cancel the backups reminder", "delete my standup reminder": the reminder whose words include that.
const STOP_ABOUT =
  /^(?:please\s+)?(?:stop|cancel|remove|delete|drop|forget|clear)\s+(?:my\s+|the\s+|that\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+reminder\b/;

const BARE_WATCH = /^(?:please\s+|pls\s+|can you\s+|could you\s+)?(?:watch|keep an eye on|keep watch on|keep watching|monitor)\b/;
// How a watch on each metric is said, with a line in its unit.
const WATCH_EXAMPLE: Record<MetricKey, [string, string]> = {
  cpu: ['cpu', '80%'],
  memory: ['memory', '85%'],
  disk: ['disk', '90%'],
  network: ['network in', '10 MB/s'],
  net_in: ['network in', '10 MB/s'],
  net_out: ['network out', '10 MB/s'],
  latency: ['latency', '300 ms'],
};

export const WATCH_DEFAULT_MS = 24 * 3_600_000;
export const WATCH_MAX_MS = 7 * 86_400_000;

/**
 * A request to be told when something happens: when a target's (or a metric's) open anomalies have
 * all ended, or when a figure crosses a bound. Undefined when the text asks for none of that.
 */
export function watchCommand(
  text: string,
  o: {
    target?: string | undefined;
    group?: string[] | undefined;
    metric?: MetricKey | undefined;
    unknownTarget?: string | undefined;
    wt?: string | undefined;
  },
): Intent | undefined {
  const about = STOP.test(text) ? undefined : STOP_ABOUT.exec(text)?.[1];
  if (about) return { kind: 'unwatch', reminders: true, about: about.replace(/s$/, '') };
  if (STOP.test(text))
    return {
      kind: 'unwatch',
      ...(o.wt ? { id: o.wt } : {}),
      ...(o.target ? { target: o.target } : {}),
      ...(/\breminders?\b/.test(text) ? { reminders: true } : {}),
    };
  if (LIST.test(text)) return { kind: 'watches' };
  // "Watch db-1 memory", "keep an eye on web-1": a watch with nothing to wait for, which would never fire.
  if (BARE_WATCH.test(text) && (o.target || o.metric) && !WATCH_VERB.test(text))
    return { kind: 'bad_input', reason: bareWatch(o.target, o.metric) };
  if (!ASK.test(text) && !WATCH_VERB.test(text)) return reminderCommand(text);
  if (o.unknownTarget && !o.target) return { kind: 'watch', unknownTarget: o.unknownTarget, when: 'resolved', forMs: WATCH_DEFAULT_MS };
  // "For the next hour": one of them.
  const span = FOR.exec(text.replace(/\bthe next (hour|day|week)\b/, 'the next 1 $1'));
  // "Tell me when db-1 disk is full": a line at 100 %, ahead.
  const bound =
    parseBound(text.replace(FOR, ' ').replace(HOLDS, ' ')) ??
    (/\b(?:is|gets|becomes|goes) (?:completely )?full\b|\bfills up\b|\bruns out of\b/.test(text)
      ? { above: true, value: 100, orEqual: true }
      : undefined);
  // "Stays below 50% for 10 min": with a line, a plain "for" is how long it must hold; without one, how long to watch.
  const holds = bound ? HOLDS.exec(text.replace(FOR, ' ')) : undefined;
  const sustainMs = holds ? Math.min(SUSTAIN_MAX_MS, lengthMs(holds[1]!) ?? 0) : 0;
  const lifetime = span ?? (bound ? undefined : HOLDS.exec(text));
  const asked = (lifetime ? lengthMs(lifetime[1]!) : undefined) ?? WATCH_DEFAULT_MS;
  // The watch outlives what it waits for.
  const forMs = Math.min(WATCH_MAX_MS, Math.max(asked, 2 * sustainMs));
  const where = { ...(o.target ? { target: o.target } : o.group ? { group: o.group } : {}), ...(o.metric ? { metric: o.metric } : {}) };
  // "drops below 50", "goes above 80", "is under 30%": the bound, in the metric's unit.
  if (bound && o.metric) return { kind: 'watch', ...where, when: bound, forMs, ...(sustainMs ? { sustainMs } : {}) };
  if (RECOVERS.test(text) && (o.target || o.group || o.metric)) return { kind: 'watch', ...where, when: 'resolved', forMs };
  if (RECOVERS.test(text) && EVERYTHING.test(text)) return { kind: 'watch', when: 'resolved', forMs, all: true };
  // "Tell me when it recovers", "…when this drops below 50%": the alert whose thread it is (alert-thread.ts).
  if (bound || RECOVERS.test(text)) return { kind: 'watch', ...where, when: bound ?? 'resolved', forMs, it: true };
  // "Tell me when the restart finishes", "let me know if an approval is waiting": those are posted anyway.
  if (/\b(?:restarts?|remediations?|proposals?|approvals?|scale[- ]?ups?|clean[- ]?ups?|actions?|rp_[a-z0-9]+)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing set: a remediation\'s result is posted where it was asked and in the alert channels, and a proposal waiting for approval is posted there with its buttons; "pending approvals" lists those waiting now, and "status of rp_…" one of them',
    };
  // "Alert me if any host goes down": a silent host opens a critical alert, which a subscription follows.
  if (/\b(?:goes|go|went|is|are) (?:down|offline|silent|dark|unreachable)\b|\bstops? (?:reporting|responding|sending)\b/.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing set: a host that stops reporting opens a critical alert, and "subscribe me to critical alerts" (or "… on db-1") mentions you on it, with every other critical alert there, on Slack or Discord; "tell me when web-1 is back" waits for one host to report again',
    };
  return {
    kind: 'bad_input',
    reason:
      'I can tell you when a target recovers ("tell me when web-1 recovers") or when a figure crosses a line ("ping me when cpu on db-1 drops below 50%"), for up to a week ("… for the next 2h")',
  };
}

/** What a watch needs said, with the metric's own unit, and the subscription for every alert. */
function bareWatch(target: string | undefined, metric: MetricKey | undefined): string {
  const [word, line] = WATCH_EXAMPLE[metric ?? 'cpu'];
  const on = target ?? 'db-1';
  return `a watch waits for something: say what ("tell me when ${on} ${word} goes above ${line}"${target ? `, "tell me when ${target} recovers"` : ''}), or "subscribe to ${[target, metric ? word : undefined].filter(Boolean).join(' ')}" to be pinged on each of its alerts`;
}
