import type { TimeSpan } from './parse-time-span.js';
import { scopeOf } from './scope-of.js';
import type { Intent, MetricKey } from './intent.js';
import { detectorNamed } from './intent-words.js';

// "Mark an_… as a false positive", "this alert is noise", "that was a false alarm"; "real issue", "good alert".
const NOISE =
  /\b(?:false (?:positives?|alarms?)|(?:just |only )?noise|not (?:a )?real(?: (?:issue|problem|alert))?|not an issue|bogus|spurious|(?:is|was) (?:useless|unhelpful|pointless|not useful|wrong))\b/;
const USEFUL =
  /\b(?:true positive|real (?:issue|problem|alert|one)|(?:good|useful|valid|legit) (?:alert|one|page)|(?:is|was) (?:useful|helpful|valid|legit|real|actionable|spot on|right))\b/;
// Said of one alert: a verb that marks it, "this/that/it" (an alert's thread, or an id named), or
// "the last alert was useful", "the web-2 alert was noise" (the newest, there).
const OF_ONE =
  /^(?:please\s+)?(?:mark|flag|tag|label|rate|report)\b|\b(?:this|that|it)\s+(?:one\s+|alert\s+|page\s+)?(?:is|was)\b|\b(?:this|that|it)'s\b|\b(?:alert|anomaly|page)\s+(?:is|was)\b/;
// "How many alerts were false positives?" asks about them, never marks one.
const QUESTION = /^(?:how|what|which|were|was|are|is|did|do|show|list|count)\b|\?\s*$/;

// "Unmark an_…", "remove the noise mark from the web-2 alert", "clear my feedback on it": the mark taken back.
const UNMARK =
  /^(?:please\s+)?(?:un-?mark|(?:clear|remove|withdraw|take back|undo|delete) (?:the |my |that |this )?(?:noise |useful |false[- ]positive )?(?:mark(?:ing)?|verdict|feedback|rating))\b/;

/** Feedback on one alert from the people it reached; undefined when the text gives none. */
export function feedbackCommand(
  text: string,
  an: string | undefined,
  o: { target?: string | undefined; metric?: MetricKey | undefined } = {},
): Intent | undefined {
  const unmark = UNMARK.test(text);
  if (!unmark && (QUESTION.test(text) || !(OF_ONE.test(text) || an))) return undefined;
  const verdict = unmark ? 'none' : NOISE.test(text) ? 'noise' : USEFUL.test(text) ? 'useful' : undefined;
  const latest = !an && /\b(?:the )?(?:last|latest|previous|most recent) (?:alert|anomaly|page|one)\b/.test(text);
  // "Mark the web-2 disk alert as noise": the newest there, named in the reply so a wrong guess shows.
  const where = an ? {} : { ...(o.target ? { target: o.target } : {}), ...(o.metric ? { metric: o.metric } : {}) };
  return verdict ? { kind: 'feedback', verdict, ...(an ? { id: an } : {}), ...(latest ? { latest: true } : {}), ...where } : undefined;
}

/** "How many false positives this week?", "alerts marked as noise": only those people marked so. */
export const feedbackAsked = (text: string): { feedback?: 'noise' | 'useful' } =>
  /\b(?:false (?:positives?|alarms?)|marked (?:as )?noise|noise)\b/.test(text)
    ? { feedback: 'noise' }
    : /\b(?:true positives?|marked (?:as )?(?:useful|real)|useful alerts?|real (?:issues|alerts)|(?:were|was) (?:marked )?(?:useful|helpful|real|legit|valid))\b/.test(
          text,
        )
      ? { feedback: 'useful' }
      : {};

// "What's the false positive rate?", "how accurate are the alerts?", "how much noise do we get?".
const QUALITY =
  /\bfalse[- ]positive (?:rate|ratio|share|percentage)\b|\b(?:percentage|percent|share|proportion|fraction|ratio)\b.*\b(?:false (?:positives?|alarms?)|noise|noisy|useless)\b|\bhow (?:accurate|precise|reliable|good|noisy|trustworthy) (?:are|is) (?:the |our |my |your )?(?:alerts?|alerting|detectors?|detection|anomal\w*|pages?)\b|\b(?:alert|alerting|detection|detector) (?:precision|accuracy|quality)\b|\bhow much (?:of (?:the|our) alerts? is )?noise\b|\bsignal[- ]to[- ]noise\b|\bnoise (?:ratio|rate|level)\b|\bhow many (?:alerts?|anomal\w*|pages) (?:were|are) (?:real|genuine)\b|\b(?:can|could) you be wrong\b|\bactionable\b|\bare you (?:ever )?(?:wrong|right|accurate|reliable)\b|\bhow (?:confident|accurate|reliable|trustworthy|sure) are you\b(?!\s+(?:about|in|of|with|that|on)\b)|\b(?:can|should) (?:i|we) trust (?:you|the alerts?|your alerts?)\b|\b(?:real|genuine) (?:problems|issues|incidents)\b|\btrue positives?\b|\b(?:precision|recall|accuracy) of (?:the |our |your )?(?:detectors?|detection|alerts?|alerting|isolation forest|forest|forecasts?|robust)\b|\bis (?:the |your )?(?:isolation forest|forest|iforest|forecast|robust|threshold)(?: detector| rules?)? (?:any good|useful|accurate|reliable|worth it|working well)\b/;

/**
 * Alert quality as people marked it: a count of the span (a week by default) led by the share marked
 * noise among those marked, narrowed to the target, hosts, metric and detector named ("the false
 * positive rate of the disk rule" is the disk threshold rule's). Pure; undefined when not asked.
 */
export function qualityQuestion(
  text: string,
  span: TimeSpan | undefined,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named?: string[] } = {},
): Intent | undefined {
  if (!QUALITY.test(text)) return undefined;
  const detector = detectorNamed(text) ?? (o.metric && /\brules?\b/.test(text) ? { detector: 'threshold' } : undefined);
  return {
    kind: 'anomalies',
    limit: 50,
    today: false,
    count: true,
    quality: true,
    span: span ?? { kind: 'last', ms: 7 * 86_400_000 },
    ...scopeOf(o),
    ...(o.metric ? { metric: o.metric } : {}),
    ...detector,
  };
}
