import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { LENGTH, lengthMs } from './text-tools.js';

const NOT_REPORTING =
  /\b(?:not|never|stopped|hasn'?t|haven'?t|have not|has not)\s+(?:been\s+)?(?:report(?:ed|ing)?|sen[dt](?:ing)?|heard from|checked in)\b/;
// "Silent for 10 minutes" is a state; "silent hosts in the last 24 h" asks of the anomalies then.
const SILENT = /\b(?:silent|no data)\b/;
const FOR = new RegExp(String.raw`\b(?:in|for|within|over|(?:more|longer) than)\s+(?:the\s+(?:last|past)\s+)?(${LENGTH})\b`);
const FOR_ONLY = new RegExp(String.raw`\b(?:for|(?:for )?(?:more|longer) than)\s+(${LENGTH})\b`);
// "Was web-1 down for 10 minutes yesterday?" asks of the past: the silent-host anomalies, not the state now.
const PAST = /\b(?:was|were|did|had|yesterday|last night|today|this (?:morning|week))\b/;

/**
 * "Which hosts haven't reported in 5 minutes?", "anything not reporting for 10 min?", "hosts silent for
 * more than 10 minutes": the fleet's reporting state against the length said, not the stale limit.
 */
export function notReportingQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; named: string[]; unknownTarget?: string | undefined; span?: TimeSpan | undefined },
): Intent | undefined {
  if (o.metric || o.named.length === 1 || o.unknownTarget || PAST.test(text)) return undefined;
  if (o.span && o.span.kind !== 'last') return undefined;
  const said = NOT_REPORTING.test(text) ? FOR.exec(text) : SILENT.test(text) ? FOR_ONLY.exec(text) : null;
  const ms = said ? lengthMs(said[1]!) : undefined;
  if (!ms) return undefined;
  return { kind: 'status', silent: true, silentFor: ms, ...(o.named.length > 1 ? { group: o.named } : {}) };
}
