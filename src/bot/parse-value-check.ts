import type { MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';
import type { ClockTime } from './parse-clock.js';
import type { TimeSpan } from './parse-time-span.js';

/** "Is 40% cpu normal for web-1?" (answer-value-check.ts); `ofDay`: "at 3am", that part of every day kept. */
export interface ValueCheckIntent {
  kind: 'value_check';
  metric: MetricKey;
  value: number;
  target?: string;
  group?: string[];
  span?: TimeSpan;
  ofDay?: { from: ClockTime; until: ClockTime };
}

// "Is 40% cpu normal for web-1?", "is 300 ms high for api-1 latency?", "is 5 mb/s a lot for web-1 network in?".
const CHECK =
  /\bis (?:a |an )?(\d+(?:\.\d+)?)\s*(%|ms|[kmg]b?\/s|[kmg]b)?(?![\w.])(?!\s*(?:hours?|days?|minutes?|mins?|samples?|hosts?|targets?|alerts?))\b.*\b(?:normal|usual|typical|ok|okay|fine|high|low|expected|a lot|unusual|abnormal|too high|too low|bad|healthy|worrying|concerning)\b/;
// "Is it normal for web-1 cpu to be 40%?", "is it ok for api-1 latency to hit 300 ms?"
const CHECK_AFTER =
  /\bis (?:it|that|this) (?:normal|usual|typical|ok|okay|fine|expected)\b.*\b(?:to (?:be|hit|reach|sit at|run at)|at)\s+(\d+(?:\.\d+)?)\s*(%|ms|[kmg]b?\/s|[kmg]b)?(?![\w.])/;
const SCALE: Record<string, number> = { k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9 };

/** Where a value sits among a series' own readings (answer-value-check.ts); needs the metric. Pure. */
export function valueCheckQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; span?: TimeSpan | undefined },
): ValueCheckIntent | undefined {
  const m = CHECK.exec(text) ?? CHECK_AFTER.exec(text);
  if (!m) return undefined;
  const unit = m[2]?.replace(/\/s$/, '');
  const metric = o.metric ?? (unit === 'ms' ? 'latency' : undefined);
  if (!metric) return undefined;
  const value = Number(m[1]) * (SCALE[unit ?? ''] ?? 1);
  if (!Number.isFinite(value)) return undefined;
  const ofDay = clockOfDay(o.span);
  return {
    kind: 'value_check',
    metric,
    value,
    ...scopeOf(o),
    ...(ofDay ? { ofDay } : o.span ? { span: o.span } : {}),
  };
}

/**
 * "Normal at 3am?", "between 2 and 4am?": a time of day without a date asks about that part of every
 * day kept, not about one morning's readings; "at 3am" is the hour it falls in.
 */
function clockOfDay(span: TimeSpan | undefined): { from: ClockTime; until: ClockTime } | undefined {
  if (span?.kind === 'clock' && !span.at.day) {
    const start = span.at.minute - (span.at.minute % 60);
    const zone = span.at.zone ? { zone: span.at.zone } : {};
    return { from: { minute: start, ...zone }, until: { minute: (start + 60) % 1440, ...zone } };
  }
  if (span?.kind === 'range' && span.until && !span.from.day && !span.until.day) return { from: span.from, until: span.until };
  return undefined;
}
