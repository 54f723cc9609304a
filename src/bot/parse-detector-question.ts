import type { Intent, MetricKey } from './intent.js';
import { actionNamed } from './parse-history.js';
import { BEFORE_SHIFT } from './parse-digest.js';
import { ABOUT_TO_FIRE, HABITUAL, NO_ACTION, NO_ALERT, PAST, UNUSUAL } from './intent-words.js';

/**
 * Questions about the detectors' verdict now, not about a figure or a past anomaly: "why is there no
 * alert for web-1 cpu?", "is db-1 memory unusual?" (each detector's reason for that series), "why
 * didn't web-1 alert?" (for every metric there), "anything about to fire?" (threshold rules partly met).
 * Called only without a time span or an anomaly id.
 */
const WORRY = /\b(?:worried|worry|worrying|concerned|concerning|alarmed|nervous)\b/;
const HOW_ANOMALOUS = /\bhow (?:anomalous|unusual|abnormal|normal|odd)\b|\b(?:anomaly|isolation forest|iforest|outlier) scores?\b/;

const THAN_USUAL =
  /\b(?:busier|quieter|calmer|higher|lower|slower|faster|fuller|more|less|bigger|smaller)\b.*\bthan (?:usual|normal|typical|expected|average for (?:this|the) time|it usually is|it normally is)\b/;

const FOREST = String.raw`(?:isolation[\s-]?forests?|iforests?|(?:the |its |host )forests?)`;
const FOREST_STATE = new RegExp(
  String.raw`\b${FOREST}\b.*\b(?:trained|training|re-?trained|re-?train(?:ing|s)?|re-?fit(?:ted|s|ting)?|ready|warm(?:ed)?[\s-]?up|warming|learn(?:ing|ed|t|s)?|fitted|status|state|working|running|active|progress|enabled|disabled|on|off|configured|turned on)\b|\b(?:re-?trained|re-?fit(?:ted)?|last (?:fit|trained|training))\b.*\b${FOREST}\b|\b(?:trained|ready|learning|fitted|warmed up)\b.*\b${FOREST}\b`,
);

export function detectorQuestion(
  text: string,
  o: { metric?: MetricKey; target?: string; group?: string[]; unknownTarget?: string; found?: boolean },
): Intent | undefined {
  // A time said is a read of then, except in "what should I watch today?", where it is how far ahead to look.
  if (o.found && !WATCH.test(text) && !WATCH_ANY.test(text) && !(WILL.test(text) && TODAY.test(text))) return undefined;
  // "Is the isolation forest trained?", "is the forest ready for db-1?": how far each host's forest is.
  if (FOREST_STATE.test(text) && !o.metric)
    return { kind: 'forest_status', ...(o.target ? { target: o.target } : o.group ? { group: o.group } : {}) };
  // Why no alert came is a question about our detectors' decisions, which a model cannot know: they
  // answer it (`verdict`). Whether a figure is unusual is theirs to answer too, but a model given
  // the data may add to it, so that one may still go to the LLM, with this answer as its fallback.
  // Asked before "no alert": "why didn't the alert restart anything?" is about the remediation.
  if (!o.group && NO_ACTION.test(text)) {
    const action = actionNamed(text);
    return {
      kind: 'explain',
      ...(o.target ? { target: o.target } : {}),
      ...(o.metric ? { metric: o.metric } : {}),
      remediation: true,
      ...(action ? { action } : {}),
    };
  }
  if (!o.group && NO_ALERT.test(text)) {
    if (o.metric) return { kind: 'explain', ...(o.target ? { target: o.target } : {}), metric: o.metric, verdict: true };
    if (o.target) return { kind: 'explain', target: o.target, verdict: true, quiet: true };
  }
  // "Is web-1 busier than usual?", "is db-1 memory higher than normal?": the figure against the detectors' usual range ("busier" is CPU).
  if (!o.group && THAN_USUAL.test(text) && (o.metric || /\bbusier\b/.test(text)))
    return { kind: 'explain', ...(o.target ? { target: o.target } : {}), metric: o.metric ?? 'cpu', usual: true };
  // "What's the usual memory on db-1?", "is cpu normal for this time?", "expected range for api-1 latency": the detectors' usual range.
  if (
    !o.group &&
    o.metric &&
    (/\b(?:usual|usually|typical|typically|normal|baseline|expected)\b/.test(text) || RECOVERED.test(text)) &&
    !/^\W*why\b|\bhow far\b/.test(text) &&
    // "When is cpu usually highest on web-1?" asks for the hours of the day, ranked (parse-ranking.ts).
    !HABITUAL.test(text)
  )
    return { kind: 'explain', ...(o.target ? { target: o.target } : {}), metric: o.metric, usual: true };
  // "How unusual is web-1 cpu?" is the verdict too. "Why is web-2 cpu odd?" asks for a cause, not a verdict: the explain path below takes it.
  if (!o.group && o.metric && (UNUSUAL.test(text) || HOW_ANOMALOUS.test(text)) && !/^\W*why\b/.test(text))
    return { kind: 'explain', ...(o.target ? { target: o.target } : {}), metric: o.metric };
  // "Should I be worried about db-1 disk?": the detectors' verdict on it, with the figure.
  if (!o.group && WORRY.test(text) && !/^\W*why\b/.test(text)) {
    if (o.metric) return { kind: 'explain', ...(o.target ? { target: o.target } : {}), metric: o.metric };
    if (o.target) return { kind: 'explain', target: o.target, verdict: true, quiet: true };
  }
  // "How anomalous is db-1?", "the isolation forest score for web-1": every metric's verdict there.
  if (!o.group && !o.metric && o.target && HOW_ANOMALOUS.test(text) && !/^\W*why\b/.test(text))
    return { kind: 'explain', target: o.target, verdict: true, quiet: true };
  // "Will web-1 alert in the next hour?", "is db-1 going to be ok tonight?", "what should I watch tonight?": what is
  // partly met now, and each figure's line carried that far ahead (outlook-lines.ts).
  // "What should I watch today?", "will web-1 alert today?": the next 12 h, as tonight is the night.
  const ahead = aheadOf(text) ?? (TODAY.test(text) ? 12 * HOUR : undefined);
  // "Will web-2 memory alert again?" names no time: how often it came back, and the lines over the next 6 h.
  const again = WILL.test(text) && AGAIN.test(text);
  // "Is anything trending toward a threshold?": the lines carried a day ahead.
  const trending = TRENDING.test(text) && !PAST.test(text);
  const will =
    (WILL.test(text) && (ahead !== undefined || again)) ||
    WATCH.test(text) ||
    (WATCH_ANY.test(text) && !BEFORE_SHIFT.test(text)) ||
    trending;
  if ((ABOUT_TO_FIRE.test(text) && !PAST.test(text)) || will)
    return {
      kind: 'attention',
      ...(o.target ? { target: o.target } : {}),
      ...(o.group ? { group: o.group } : {}),
      ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
      building: true,
      ...(o.metric ? { metric: o.metric } : {}),
      ...(ahead !== undefined || will ? { aheadMs: ahead ?? (trending ? 24 * HOUR : again ? 6 * HOUR : HOUR) } : {}),
      ...(again ? { again: true } : {}),
    };
  return undefined;
}

const HOUR = 3_600_000;
const TODAY = /\b(?:today|rest of (?:the )?day)\b/;
const TRENDING =
  /\b(?:trending|heading|headed|on course|on track|creeping|climbing|drifting|moving)\s+(?:up\s+)?(?:toward|towards|for|to)\s+(?:an?\s+|the\s+|its\s+|their\s+|any\s+)?(?:thresholds?|limits?|alerts?|alarms?|alerting)\b/;
// "Did api-1 latency recover?", "has db-1 memory settled down?": the figure against its usual range, as "back to normal?".
const RECOVERED =
  /^(?:so\s+)?(?:did|has|have|is|was)\b(?!.*\b(?:alerts?|anomal\w*|incidents?)\b).*\b(?:recover(?:ed)?|settled?(?: down)?|calm(?:ed)? down|c[oa]me (?:back )?down|dropped back)\b/;
const WILL =
  /^(?!.*\b(?:did|was|were|had|yesterday|last night)\b).*\b(?:will|going to|gonna|likely to|expected to|about to|anything likely)\b.*\b(?:alert|fire|page|break|trip|go off|fail|run out|be (?:ok|okay|fine|alright|safe|quiet)|come back(?! (?:up|online|to normal))|recur|reoccur|happen again)\b/;
const AGAIN = /\b(?:again|come back(?! (?:up|online|to normal))|recur|reoccur)\b/;
const WATCH = /\bwhat (?:should|do|must) (?:i|we) (?:watch|keep an eye on|worry about|look out for)\b/;
// "Anything I should worry about in the next hour?"; "… tonight" before a shift is the handover (parse-digest.ts).
const WATCH_ANY =
  /\b(?:anything|something) (?:else )?(?:i|we) (?:should|need to|must|ought to) (?:watch|keep an eye on|worry about|look out for|be worried about)\b/;

/**
 * "Anything likely to break overnight?", "will web-2 alert again this week?": how far ahead a question about what
 * will alert looks, and whether it asks about a return; undefined when it is not one.
 */
export function willAhead(text: string): { aheadMs: number; again?: true } | undefined {
  const ms = WILL.test(text) ? aheadOf(text) : undefined;
  return ms === undefined ? undefined : { aheadMs: ms, ...(AGAIN.test(text) ? { again: true } : {}) };
}

/** How far ahead a question looks: "in the next 2 hours", "tonight" (12 h), "soon" (1 h); undefined when it names no time ahead. */
export function aheadOf(text: string): number | undefined {
  const n = /\bnext (\d{1,2}) (hours?|hrs?|h|minutes?|mins?)\b/.exec(text);
  if (n) return Number(n[1]) * (/^h/.test(n[2]!) ? HOUR : 60_000);
  if (/\bnext (?:hour|60 minutes)\b|\bsoon\b|\bshortly\b|\bin a bit\b|\blater\b/.test(text)) return HOUR;
  if (/\bnext (?:few|couple of) hours\b/.test(text)) return 3 * HOUR;
  if (/\b(?:tonight|overnight|by (?:the )?morning|this evening|through the night|over ?night)\b/.test(text)) return 12 * HOUR;
  if (/\b(?:tomorrow|next (?:24 ?h(?:ours)?|day))\b/.test(text)) return 24 * HOUR;
  const days = /\bnext (\d{1,2}|few|couple of) days\b/.exec(text);
  if (days) return (days[1] === 'few' ? 3 : days[1] === 'couple of' ? 2 : Math.min(30, Number(days[1]))) * 24 * HOUR;
  if (/\b(?:this|the|over the) weekend\b/.test(text)) return 72 * HOUR;
  if (/\b(?:this|next|within a|in a) week\b|\bnext 7 days\b/.test(text)) return 7 * 24 * HOUR;
  return undefined;
}
