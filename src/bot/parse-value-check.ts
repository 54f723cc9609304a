import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

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
): Intent | undefined {
  const m = CHECK.exec(text) ?? CHECK_AFTER.exec(text);
  if (!m) return undefined;
  const unit = m[2]?.replace(/\/s$/, '');
  const metric = o.metric ?? (unit === 'ms' ? 'latency' : undefined);
  if (!metric) return undefined;
  const value = Number(m[1]) * (SCALE[unit ?? ''] ?? 1);
  if (!Number.isFinite(value)) return undefined;
  return {
    kind: 'value_check',
    metric,
    value,
    ...(o.target ? { target: o.target } : o.named.length > 1 ? { group: o.named } : {}),
    ...(o.span ? { span: o.span } : {}),
  };
}
