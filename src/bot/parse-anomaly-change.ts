import { rateAsked } from './parse-list-shape.js';
import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { QUIET_DAY } from './past-phrases.js';
import { namedDayOf } from './day-start.js';

const NOUN = String.raw`(?:alerts?|anomal(?:y|ies)|incidents?|pages|problems|issues|outages)`;
// "More alerts than yesterday?", "is the alert rate going up?", "an increase in incidents".
const MORE = new RegExp(
  String.raw`\b(?:more|fewer|less|busier|quieter|noisier) ${NOUN}\b|\b(?:alerting|paging|firing) (?:more|less)\b|\b${NOUN}(?: \w+){0,3}? (?:going (?:up|down)|increas\w*|decreas\w*|rising|on the rise|trends?|trending|up or down|dropp(?:ed|ing)|falling|climbing|growing|getting (?:worse|better)|worsening|improving)\b|\b(?:increase|rise|drop|decrease|change|jump|trend) (?:in|of) (?:the )?(?:number of )?${NOUN}\b|\b(?:normal|usual|typical|average|expected) (?:amount|number|count|level|volume|rate) of ${NOUN}\b`,
);
const NOUN_RE = new RegExp(String.raw`\b${NOUN}\b|\balert (?:rate|count|volume|numbers?)\b|\b(?:alerting|paging|firing) (?:more|less)\b`);
// "Fired more than once this week" is a count, not a comparison.
const VERSUS =
  /\b(?:vs\.?|versus|compared?|comparison|comparing|than(?! (?:once|twice|\d|an? |one|two|three|\w+ times))|against|relative to|diff|difference between|differences between|(?:week|day|month)[ -]over[ -](?:week|day|month))\b/;
const USUAL = /\b(?:usual|usually|normal|normally|average|typical|typically)\b/;
const DAY = 86_400_000;
const FLEET_DAY =
  /\b(?:quieter|busier|noisier|calmer|rougher|worse|better|healthier|unhealthier|(?:more|less) stable)\b.*\bthan\b.*\b(?:usual|normal|yesterday|last week|before|average|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/;
// "Alerts in the last 6 h vs the 6 h before", "compared to earlier".
const BEFORE = /\b(?:before|previous|prior|earlier|preceding)\b/;
// "Compare yesterday with the day before", "was yesterday worse than the day before?": two whole days, not today so far.
const YESTERDAY_BEFORE = /^(?!.*\btoday\b).*\byesterday\b.*\b(?:the )?(?:day before|previous day|prior day)\b(?! yesterday)/;
const PERIOD = /\b(?:today|yesterday|day before|previous day|daily|days?|weeks?|weekly|months?|monthly)\b/;

/**
 * "Alerts this week vs last week", "are we getting more alerts than yesterday?", "more incidents than
 * usual?": the counts of two periods side by side (answer-anomaly-change.ts), never one period's list.
 */
export function anomalyChangeQuestion(
  text: string,
  o: {
    target?: string;
    group?: string[];
    metric?: MetricKey;
    severity?: 'critical' | 'warning';
    unknownTarget?: string;
    span?: TimeSpan;
  },
): Intent | undefined {
  // "The average number of alerts per week" asks for a rate (parse-list-shape.ts), not a comparison.
  if (rateAsked(text) && !/\b(?:than|compar\w*|vs|versus|more|fewer|less|is (?:this|that|it|today))\b/.test(text)) return undefined;
  // "Is it quieter than usual?", "is today busier than yesterday?", "how does today compare to yesterday?":
  // the fleet's day (no host or metric named, which would ask for figures) is its alerts.
  const fleetDay =
    !o.target &&
    !o.group &&
    !o.metric &&
    !o.unknownTarget &&
    (FLEET_DAY.test(text) ||
      (/\btoday\b/.test(text) && VERSUS.test(text) && (/\byesterday\b/.test(text) || namedDayOf(text) !== undefined)) ||
      (/\bthis (?:week|month)\b/.test(text) && VERSUS.test(text) && /\b(?:last|previous) (?:week|month)\b/.test(text)) ||
      // "How does today compare to an average day?": today's alerts against the usual day's.
      (/\btoday\b/.test(text) && VERSUS.test(text) && /\b(?:an? )?(?:average|normal|typical|usual) day\b/.test(text)) ||
      // "How did last week compare to the week before?": the last seven days against the seven before.
      YESTERDAY_BEFORE.test(text) ||
      (/\blast (?:week|month)\b/.test(text) &&
        VERSUS.test(text) &&
        /\b(?:the )?(?:week|month) before\b|\b(?:week|month) before last\b/.test(text)));
  const quiet = !o.target && !o.group && !o.metric && !o.unknownTarget && QUIET_DAY.test(text);
  if (!NOUN_RE.test(text) && !fleetDay && !quiet) return undefined;
  const usual = USUAL.test(text) || (quiet && !/\b(?:yesterday|last week)\b/.test(text) && !VERSUS.test(text));
  if (!fleetDay && !quiet && !MORE.test(text) && !(VERSUS.test(text) && (PERIOD.test(text) || usual || BEFORE.test(text))))
    return undefined;
  // "Over the last 6 hours": that span against the one before; else the period the words name.
  const ms =
    o.span?.kind === 'last' && o.span.ms <= 90 * DAY
      ? o.span.ms
      : /\bmonths?\b|\bmonthly\b/.test(text)
        ? 30 * DAY
        : /\bweeks?\b|\bweekly\b/.test(text)
          ? 7 * DAY
          : DAY;
  const period =
    ms === DAY && o.span?.kind !== 'last' && YESTERDAY_BEFORE.test(text) && !usual
      ? 'yesterday'
      : ms === DAY && o.span?.kind !== 'last' && /\b(?:today|yesterday|daily)\b/.test(text)
        ? 'day'
        : 'last';
  // "Today vs friday", "more alerts today than the day before yesterday": that day, not yesterday.
  const against = period === 'day' && /\btoday\b/.test(text) ? namedDayOf(text) : undefined;
  return {
    kind: 'anomaly_change',
    period,
    ms,
    ...(against ? { against } : usual ? { usual: true } : {}),
    ...(o.target ? { target: o.target } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(o.severity ? { severity: o.severity } : {}),
    ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
  };
}
