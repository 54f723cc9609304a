import type { Intent, MetricKey } from './intent.js';
import { AGAINST, BY_HOUR, CHANGED_MOST, HABITUAL, LOW_HOUR, NOISY } from './intent-words.js';
import { IMPROVED, WORSENED } from './past-phrases.js';
import { parseStat, type TimeSpan } from './parse-time-span.js';

type Metrics = Extract<Intent, { kind: 'metrics' }>;

const HOUR = 3_600_000;
const EVERY_HOUR = /\b(?:hourly|every hour|each hour|per hour|by hour|hour by hour|hour-by-hour)\b/;
const EVERY_DAY = /\b(?:daily|every day|each day|per day|by day|day by day|day-by-day)\b/;
// "Every 10 minutes", "at 5 minute resolution", "in 15-min buckets": a row that many minutes.
const EVERY_MINUTES =
  /\bevery (\d{1,3})\s*(?:minutes?|mins?|m)\b|\b(?:at|in) (\d{1,3})[\s-]?min(?:ute)?s? (?:resolution|intervals?|granularity|steps?|buckets?)\b/;
// "Raw samples", "the last 5 readings", "every reading": the readings themselves.
const READINGS =
  /\braw (?:samples?|readings?|data|values?|data points?)\b|\b(?:last|latest|recent|most recent) (\d{1,2}) (?:samples?|readings?|values?|data points?|points?)\b|\b(?:each|every|all(?: the)?) (?:samples?|readings?|data points?)\b/;

/**
 * Rankings of figures, not of anomalies: "which host changed the most since yesterday?", "the
 * busiest hour yesterday", "which host is busiest?". Pure; undefined when the text is none of these.
 */
export function rankingQuestion(
  text: string,
  o: {
    metric?: MetricKey | undefined;
    target?: string | undefined;
    named: string[];
    unknownTarget?: string | undefined;
    span?: TimeSpan | undefined;
    /** An anomaly word was said: "which host had the most alerts" is a count of anomalies, not this. */
    anomalies: boolean;
    /** The span, statistic, bound and limit the text gives, as a metrics read takes them. */
    when: () => Partial<Metrics>;
  },
): Intent | undefined {
  const { metric, target, named, unknownTarget, span, when } = o;
  const group = named.length > 1 ? { group: named } : {};
  // "Which host changed the most since yesterday?": today against then, ranked by the change.
  const direction = IMPROVED.test(text) ? 'better' : WORSENED.test(text) ? 'worse' : undefined;
  // "Which host improved the most?" with no time named: against yesterday, as "changed since yesterday" is.
  // "Which host changed the most today?": today so far against the same hours yesterday.
  const today = span?.kind === 'day' && span.daysBack === 0;
  const ranked =
    (direction && /\b(?:most|best|biggest|largest|worst)\b/.test(text)) || (today && CHANGED_MOST.test(text)) ? 'yesterday' : undefined;
  const rankAgainst = (CHANGED_MOST.test(text) || direction) && !o.anomalies ? (AGAINST.exec(text)?.[0] ?? ranked) : undefined;
  // "What changed the most in the last hour?", "biggest movers": that long against the same length before it.
  const window =
    CHANGED_MOST.test(text) && !o.anomalies && !rankAgainst && (!span || span.kind === 'last') ? (span?.ms ?? HOUR) : undefined;
  if (window)
    return { kind: 'compare', metric, target, ...group, against: 'previous', windowMs: Math.min(window, 7 * 86_400_000), ranked: true };
  if (rankAgainst)
    return {
      kind: 'compare',
      metric,
      target,
      ...group,
      against: rankAgainst === 'yesterday' ? 'yesterday' : 'last_week',
      ranked: true,
      ...(direction ? { direction } : {}),
    };
  // "Hourly cpu for web-1", "cpu every hour today", "daily average memory this week": a row an hour or a day, in time order.
  const minutes = EVERY_MINUTES.exec(text);
  const readings = READINGS.exec(text);
  const step = minutes ? Math.min(720, Math.max(1, Number(minutes[1] ?? minutes[2]))) : undefined;
  const every = step ? 'minutes' : readings ? 'sample' : EVERY_HOUR.test(text) ? 'hour' : EVERY_DAY.test(text) ? 'day' : undefined;
  const rows = step ? { stepMs: step * 60_000 } : readings?.[1] ? { readings: Math.min(50, Math.max(1, Number(readings[1]))) } : {};
  if (every && metric && !o.anomalies && !BY_HOUR.test(text) && !HABITUAL.test(text))
    return { kind: 'metrics', metric, target, ...group, unknownTarget, ...(span ? { span } : {}), every, ...rows, ...percentileOf(text) };
  // "What was the busiest hour yesterday?": hours ranked, CPU unless a metric is named.
  const habitual = HABITUAL.test(text);
  if ((BY_HOUR.test(text) || habitual) && !o.anomalies)
    return {
      kind: 'metrics',
      metric: metric ?? 'cpu',
      target,
      ...group,
      unknownTarget,
      // "When was the fleet busiest?" looks back over the stored day, not at today's hours so far.
      // "When is it highest?", "is there a pattern?": over the stored week, as a habit is.
      ...(span
        ? { span }
        : /\bwhen (?:was|were)\b/.test(text)
          ? { span: { kind: 'last', ms: 86_400_000 } as TimeSpan }
          : habitual
            ? { span: { kind: 'last', ms: 7 * 86_400_000 } as TimeSpan }
            : {}),
      byHour: LOW_HOUR.test(text) ? 'min' : 'max',
      ...(habitual ? { hourOfDay: true } : {}),
    };
  // "Which host is busiest?" ranks by CPU, the usual meaning of busy; "which tier is busiest?" its groups.
  // "Which host flaps the most?" ranks flapping (parse-flapping.ts), not a figure.
  if (metric || target || o.anomalies || NOISY.test(text) || /\bflap/.test(text)) return undefined;
  const read = when();
  if (
    (parseStat(text) && (/\b(hosts?|servers?|targets?|machines?|nodes?|boxes|instances?)\b/.test(text) || 'groupBy' in read)) ||
    (named.length === 2 && /\bbusier\b/.test(text))
  )
    return { kind: 'metrics', metric: 'cpu', ...group, ...read };
  return undefined;
}

/** "P95 cpu by hour": each row's percentile too, beside its mean. */
function percentileOf(text: string): { stat?: `p${number}` } {
  const stat = parseStat(text);
  return stat && /^p\d/.test(stat) ? { stat: stat as `p${number}` } : {};
}
