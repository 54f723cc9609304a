import type { Intent, MetricKey } from './intent.js';
import type { TargetRef } from './match-target.js';
import { boundAsked, highAsked, pairRank, parseBound, ruleBound, thisHighAsked } from './parse-bound.js';
import { alsoBound } from './parse-also-bound.js';
import { groupByOf } from './parse-group-by.js';
import { AVG_RANKED, avgLowFirst, parseStat, sdLowFirst, type TimeSpan } from './parse-time-span.js';
import { BYTES_MOVED, BYTES_SAID, FREE_OF, sizeAsked } from './free-figures.js';
import { FREE, HOW_MANY_BYTES, TOTAL } from './intent-words.js';
import { clamp } from './text-tools.js';

// "Which host has the highest average cpu?", "rank hosts by average memory", "highest p95": averages or percentiles
// ranked, not one for the fleet.
const RANKING =
  /\b(?:highest|lowest|worst|best|biggest|top)\s+(?:p\d{1,2}|median|\d{1,2}(?:st|nd|rd|th) percentile)\b|\b(?:which|what) (?:host|target|server|machine|instance|node|one)s?\b|\btop\b|\bbottom\b|\brank\w*\b|\bsort\w*\b|\border(?:ed)? by\b|\bper (?:host|target|server)\b|\bby (?:host|target|server)\b|\beach (?:host|target|server)\b/;

type Metrics = Extract<Intent, { kind: 'metrics' }>;

const EXACT =
  /\bto (\d) (?:decimal places|decimals|dp|places)\b|\b(?:exact(?:ly)?|precise(?:ly)?|unrounded|not rounded|full precision|rounded\?)/;
const BUSY = /\b(?:busiest|busier|quietest|quieter|idlest|(?:most|least) (?:loaded|busy)|hardest[- ]working|worked (?:the )?hardest)\b/;
// "Which hosts have no latency data?", "hosts without disk", "any servers missing memory?": who does not send it.
const MISSING =
  /\b(?:which|what|any)\s+(?:hosts?|targets?|servers?|machines?|nodes?)\s+(?:have|has|send|sends|report|reports|are)\s+(?:no|not)\b|\b(?:hosts?|targets?|servers?|machines?|nodes?)\s+(?:without|with no|missing|lacking)\b|\b(?:who|which)\s+(?:(?:hosts?|targets?|servers?|machines?|nodes?)\s+)?(?:doesn'?t|does not|don'?t|do not)\s+(?:send|report|have)\b/;
const BITS = /\b(?:[kmg]bps|[kmg]bits?(?:\/s)?|(?:kilo|mega|giga)bits?|bits? (?:per|a) second|bps)\b/;

/**
 * How a read of figures is asked: its span, statistic, bound, limit and grouping ("top 3 hosts by
 * memory", "free disk", "total bytes sent today", "cpu by tier"). Pure.
 */
export function readOptions(
  text: string,
  o: {
    metric?: MetricKey | undefined;
    target?: string | undefined;
    named: string[];
    span?: TimeSpan | undefined;
    number?: number | undefined;
    targets: TargetRef[];
  },
): Partial<Metrics> {
  const { metric, target, named, span, number, targets } = o;
  // "web-1 vs web-2 vs api-1 cpu": three or more set against each other are ranked, highest first.
  const against =
    metric && named.length > 2 && !groupByOf(text, targets) && /\b(?:vs\.?|versus|compared?|against)\b/.test(text) ? 'max' : undefined;
  const said = parseStat(text) ?? (named.length === 2 ? pairRank(text) : against);
  // "The busiest host this week": busy over a span is its average load; every host peaks near 100% some time.
  const stat = span && span.kind !== 'at' && span.kind !== 'clock' && (said === 'max' || said === 'min') && BUSY.test(text) ? 'avg' : said;
  const bound =
    metric && sizeAsked(metric, text)
      ? undefined
      : (parseBound(text) ??
        (metric ? (thisHighAsked(text) ?? ruleBound(text) ?? (span || stat ? undefined : highAsked(text))) : undefined));
  // "Top 3 hosts by memory": a count only limits a fleet ranking, never a bound's value.
  const limit =
    stat && (stat !== 'avg' || /\b(?:top|bottom)\s+\d/.test(text)) && number && !bound && !target ? { limit: clamp(number, 1, 50) } : {};
  const free = FREE.test(text) && (!metric || FREE_OF[metric]) ? { free: true } : {};
  const total =
    metric && (TOTAL.test(text) || (/^net/.test(metric) && (HOW_MANY_BYTES.test(text) || BYTES_MOVED.test(text) || BYTES_SAID.test(text))))
      ? { total: true }
      : {};
  const by = target ? undefined : groupByOf(text, targets);
  // "Has it ever been this high before?" asks when it last was, whatever the words.
  const ask = bound?.current ? 'last' : bound && boundAsked(text, Boolean(span && span.kind !== 'at' && span.kind !== 'clock'));
  const asked = ask && (ask !== 'list' || !span || (span.kind !== 'at' && span.kind !== 'clock')) ? { boundAsk: ask } : {};
  // "Which host sends the most data?": bytes moved need a window; with none said, today.
  const moved = !span && 'total' in total && !HOW_MANY_BYTES.test(text) && (BYTES_MOVED.test(text) || BYTES_SAID.test(text));
  // "Top 3 hosts by average memory": averages ranked need a window; with none said, the last hour.
  const averaged = !span && !target && stat === 'avg' && AVG_RANKED.test(text);
  // "Network in on web-1 in Mbps": the byte rates also as bit rates.
  const bits = metric && /^net/.test(metric) && BITS.test(text) ? { bits: true } : {};
  // "Exact cpu on web-1", "to 2 decimal places", "is it rounded?": the latest readings as stored, to the places said (4 by default).
  const places = EXACT.exec(text);
  const exact = places && !span && !stat ? { exact: Math.min(Number(places[1] ?? 4), 6) } : {};
  return {
    ...(metric && !bound && MISSING.test(text) ? { missing: true } : {}),
    ...bits,
    ...exact,
    ...(span
      ? { span }
      : moved
        ? { span: { kind: 'day', daysBack: 0 } as TimeSpan }
        : averaged
          ? { span: { kind: 'last', ms: 3_600_000 } as TimeSpan }
          : {}),
    ...(stat
      ? {
          stat,
          ...((stat === 'sd' && sdLowFirst(text)) || (stat === 'avg' && (avgLowFirst(text) || /\b(?:quiet|idl|least)/.test(text)))
            ? { lowFirst: true }
            : {}),
        }
      : {}),
    ...((stat === 'avg' || /^p\d/.test(stat ?? '')) && (AVG_RANKED.test(text) || RANKING.test(text) || said !== stat)
      ? { ranked: true }
      : {}),
    ...(bound ? { bound } : {}),
    ...(bound ? alsoOf(text, metric) : {}),
    ...asked,
    ...limit,
    ...free,
    ...total,
    ...by,
  };
}

/** "… and cpu above 30%": the second condition, as the metrics intent carries it. */
function alsoOf(text: string, metric: MetricKey | undefined): { also?: NonNullable<Metrics['also']> } {
  const also = alsoBound(text, metric);
  return also ? { also } : {};
}
