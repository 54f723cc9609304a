import type { DayPart, Intent, MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';

const PARTS: readonly (readonly [RegExp, DayPart])[] = [
  [/\b(?:business|working|office|work) hours\b|\b9 to 5\b|\bnine to five\b/, 'business'],
  [/\bweekends?\b|\bsaturdays? and sundays?\b/, 'weekend'],
  [
    /\bat night\b|\bovernight\b|\b(?:during|in) the night\b|\bnights\b|\bnight[- ]?time\b|\bnight (?:vs\.?|versus|or) day\b|\bday (?:vs\.?|versus|or) night\b/,
    'night',
  ],
];
// Said of a part of the day as against the rest: "higher at night?", "weekday vs weekend", "what's cpu like during business hours?".
const AGAINST =
  /\b(?:higher|lower|busier|quieter|more|less|worse|better|different|heavier|lighter|slower|faster)\b|\bvs\.?\b|\bversus\b|\bcompared?\b|\bagainst\b|\blike (?:during|at|on|in|over)\b|\bweekdays?\b/;

/**
 * "Is cpu higher at night?", "weekday vs weekend cpu", "what's latency like during business hours?":
 * a metric in one part of the week against the rest (answer-daypart.ts). "cpu during the night on
 * web-1" with nothing to set it against stays a read of last night. Pure.
 */
export function daypartQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[]; unknownTarget?: string | undefined },
): Intent | undefined {
  const part = PARTS.find(([re]) => re.test(text))?.[1];
  if (!part || !AGAINST.test(text)) return undefined;
  // Busy and quiet are CPU's words, as for "which host is busiest?".
  const metric = o.metric ?? (/\b(?:busier|quieter|busy|quiet|load(?:ed)?)\b/.test(text) ? 'cpu' : undefined);
  if (!metric) return undefined;
  return {
    kind: 'daypart',
    metric,
    part,
    ...scopeOf(o),
    ...(o.unknownTarget && !o.named.length ? { unknownTarget: o.unknownTarget } : {}),
  };
}
