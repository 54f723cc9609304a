import type { MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

/** "Which alerts happen together?", "is the db-1 disk alert related to the api latency?" (answer-co-alerts.ts). */
export interface CoAlertsIntent {
  kind: 'co_alerts';
  /** Pairs whose two sides are both among these targets, when several are named; with one, pairs that involve it. */
  targets?: string[];
  metrics?: MetricKey[];
  span?: TimeSpan;
}

const ALERTS = String.raw`(?:alerts?|anomal(?:y|ies)|incidents?|pages|episodes?)`;
const MANY = String.raw`(?:alerts|anomalies|incidents|pages|episodes)`;
// "Which alerts happen together?", "correlate alerts", "do disk alerts cluster?", "are web-1 and web-2 alerts correlated?",
// "is the db-1 disk alert related to the api latency alert?", "alert correlation".
const CO = new RegExp(
  [
    String.raw`\b${ALERTS}\b.*\b(?:happen|fire|occur|come|go off|open|start|arrive|alert)\w* (?:together|at the same time|in pairs|in groups)\b`,
    // Plural: "what correlates with the api-2 disk alert?" is that alert and what was around it (parse-explain.ts).
    String.raw`\bcorrelat\w*\b.*\b${MANY}\b|\b${MANY}\b.*\bcorrelat\w*\b|\balert correlation\b`,
    String.raw`\b${ALERTS}\b.*\b(?:co-?occur\w*|cluster\w*)\b|\b(?:co-?occurr\w*|clusters?) of ${ALERTS}\b`,
    String.raw`\b(?:alert|anomaly|incident)\b.*\b(?:related|linked|connected|tied) to\b`,
  ].join('|'),
);

/** Pure; undefined when not asked. */
export function coAlertsQuestion(
  text: string,
  o: { named: string[]; metric?: MetricKey | undefined; more: MetricKey[]; span?: TimeSpan | undefined },
): CoAlertsIntent | undefined {
  if (!CO.test(text)) return undefined;
  const metrics = [o.metric, ...o.more].filter((m): m is MetricKey => Boolean(m));
  return {
    kind: 'co_alerts',
    ...(o.named.length ? { targets: o.named } : {}),
    ...(metrics.length ? { metrics } : {}),
    ...(o.span ? { span: o.span } : {}),
  };
}
