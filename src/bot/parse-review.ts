import type { Intent, MetricKey } from './intent.js';
import { crossOf } from './parse-cross-tab.js';
import { RESOLVED_ALONE } from './parse-history.js';
import { listSpan, rateAsked, workingOn } from './parse-list-shape.js';
import { findTimeSpan, type TimeSpan } from './parse-time-span.js';

const DAY = 86_400_000;

// "Weekly ops review", "what went well this week?": the digest of the period (a week unless said). The share of false positives is parse-feedback.ts.
const REVIEW =
  /\b(?:weekly|monthly|daily|ops|operations|on-?call|shift|incident) (?:review|retro(?:spective)?)\b|\bwhat went (?:well|badly|wrong|right)\b|\bhow did (?:the|this|last) (?:week|month) go\b/;
// "Top 5 alerts by time open", "alerts by duration": the longest first.
const BY_DURATION =
  /\b(?:by|sorted by|ranked by|ordered by) (?:time open|duration|how long|length|time to resolve)\b|\blongest[\s-]running\b/;
// "Which alerts took longest to ack?", "slowest acks", "acknowledged within 5 minutes".
const ACK_SPEED =
  /\b(?:took (?:the )?)?(?:longest|slowest|quickest|fastest) to (?:ack|acknowledge)\w*\b|\b(?:slowest|fastest|quickest) (?:acks?|acknowledg(?:e?ments?|ing))\b/;
const ACK_WITHIN =
  /\b(?:ack(?:ed|nowledged)?|taken on|picked up)\s+(?:with)?in\s+(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?)\b/;
// "Which host was the most trouble this week?": the targets ranked by their alerts.
const TROUBLE =
  /\b(?:which|what) (?:host|server|target|machine|box|node|instance)\b.*\b(?:most (?:trouble|troublesome|problems?|problematic|issues?|incidents?)|worst (?:behaved|offender))\b|\b(?:most (?:troublesome|problematic)|worst) (?:host|server|target|machine|box|node)\b/;
// "Alerts per day", "trend of alerts per hour": counts by day or hour of the day.
// "By day of the week" is the weekday ranking (parse-list-shape.ts), not the dates.
const PER = /\b(?:alerts?|anomal(?:y|ies)|incidents?|pages|episodes)\b.*\b(?:per|each|every|by) (day|hour)\b(?! of (?:the )?week)/;

const CALM_SINCE =
  /\bwhen (?:did|was|were) (?:the fleet|everything|things|we|it all)\b.*\b(?:normal|green|healthy|quiet|calm|fine|ok|okay)\b|\bwhen was the last time (?:everything|the fleet|things|we) (?:was|were|looked) (?:normal|green|healthy|quiet|calm|fine|ok|okay)\b|\b(?:alert|incident|anomaly)[\s-]free\b/;

const unitMs = (u: string) => (u.startsWith('h') ? 3_600_000 : u.startsWith('m') ? 60_000 : 1000);

/**
 * The questions of a weekly review, each read as the count that answers it rather than as the
 * words' first meaning: the review itself (the digest), alerts by how long they lasted, how fast
 * they were taken on, the most troublesome host, and counts per day or hour.
 * Pure; undefined when none fits.
 */
export function reviewQuestion(
  text: string,
  o: {
    target?: string | undefined;
    span?: TimeSpan | undefined;
    metric?: MetricKey | undefined;
    group?: string[] | undefined;
    unknownTarget?: string | undefined;
  },
): Intent | undefined {
  const scope = o.target ? { target: o.target } : {};
  if (REVIEW.test(text)) {
    const ms = /\bdaily|shift\b/.test(text) ? DAY : /\bmonthly|\bmonth\b/.test(text) ? 30 * DAY : 7 * DAY;
    return { kind: 'anomalies', limit: 50, today: false, count: true, digest: true, span: o.span ?? { kind: 'last', ms }, ...scope };
  }
  // "The longest running alert" (one said) is that one; "longest running alerts" the five.
  const one = /\blongest[\s-]running (?:(?:critical|warning|open) )?(?:alert|anomaly|incident|problem|issue)\b(?!s)/.test(text) ? 1 : 5;
  const limit = Number(/\b(?:top|first|last)\s+(\d{1,2})\b/.exec(text)?.[1] ?? one);
  const span = listSpan(o.span);
  if (BY_DURATION.test(text)) return { kind: 'anomalies', limit, longest: true, ...span, ...scope };
  const within = ACK_WITHIN.exec(text);
  if (within || ACK_SPEED.test(text)) {
    // "Within 5 minutes" is how soon, not when: the time asked is what else was said ("… this week").
    const rest = within ? findTimeSpan(text.replace(within[0], ' ')) : undefined;
    const when = listSpan(within ? (rest && 'span' in rest ? rest.span : undefined) : o.span);
    const ackWithinMs = within ? Number(within[1]) * unitMs(within[2]!) : undefined;
    return {
      kind: 'anomalies',
      limit: 5,
      count: true,
      timeTo: 'ack',
      ...(ackWithinMs ? { ackWithinMs } : {}),
      ...when,
      ...scope,
    };
  }
  if (TROUBLE.test(text) && !o.target) return { kind: 'anomalies', limit: 5, count: true, rank: 'target', ...span };
  // "When did the fleet last look normal?", "how long have we been alert-free?": how long since the last alert ended.
  if (CALM_SINCE.test(text)) return { kind: 'anomalies', limit: 1, today: false, sinceLast: true };
  // "What was the peak of the day?": the day's highest, CPU as "which host is busiest?" reads busy.
  if (/\bpeak of (?:the day|today)\b/.test(text) && !/\b(?:memory|disk|latency|network|mem|ram)\b/.test(text))
    return { kind: 'metrics', metric: 'cpu', span: { kind: 'day', daysBack: 0 }, stat: 'max' };
  // "What's bob working on?": the open alerts they took on.
  const who = workingOn(text);
  if (who)
    return { kind: 'anomalies', limit: 50, today: false, ackedBy: who, open: true, ...(/\bhow many\b/.test(text) ? { count: true } : {}) };
  // "Did anything resolve on its own?": the alerts that ended with nobody on them.
  if (RESOLVED_ALONE.test(text)) return { kind: 'anomalies', limit: 50, resolved: true, acked: false, ...span, ...scope };
  // "Alerts per host per day": both at once, as a table.
  const cross = crossOf(text);
  if (cross)
    return {
      kind: 'anomalies',
      limit: 50,
      count: true,
      rank: cross[0],
      crossBy: cross[1],
      ...span,
      ...scope,
      ...(o.group ? { group: o.group } : {}),
      ...(o.metric ? { metric: o.metric } : {}),
      ...(o.unknownTarget && !o.target ? { unknownTarget: o.unknownTarget } : {}),
    };
  const per = PER.exec(text)?.[1] as 'day' | 'hour' | undefined;
  // "How many alerts per day on average?" is the rate, which the count gives, not the days ranked.
  if (per && (/\b(?:on )?average\b|\btypical(?:ly)?\b|\busually\b/.test(text) || rateAsked(text)))
    return { kind: 'anomalies', limit: 50, count: true, rate: per, ...span, ...scope };
  if (per) return { kind: 'anomalies', limit: 50, count: true, rank: per, ...span, ...scope };
  return undefined;
}
