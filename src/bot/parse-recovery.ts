import type { MetricKey } from './intent.js';

/** "When did web-1 recover?", "when did the disk alert clear?" (answer-recovery.ts). */
export interface RecoveryIntent {
  kind: 'recovery';
  target?: string;
  group?: string[];
  metric?: MetricKey;
}

// "When did web-1 recover?", "what time did the disk alert on web-1 clear?", "when was api-1 back to normal?". "Is db-1
// back to normal?" and "when was it last healthy?" are the host's headline, with its figures (target-headline.ts).
const RECOVERY =
  /\b(?:when|what time|at what time)\b.*\b(?:recover(?:ed)?|clear(?:ed)?|resolve[ds]?|come back|came back|settle[ds]?|calm(?:ed)? down|back to normal|stop(?:ped)? (?:alerting|firing))\b/;

const WATCH_ASK = /^(?:please\s+)?(?:tell|let|ping|notify|alert|message|dm|mention) (?:me|us)\b|^(?:please\s+)?let (?:me|us) know\b/;

/** Needs a host or a metric to be about; pure, undefined when not asked. */
export function recoveryQuestion(
  text: string,
  o: { target?: string | undefined; group?: string[] | undefined; metric?: MetricKey | undefined },
): RecoveryIntent | undefined {
  // "Tell me when the api hosts recover" asks to be told (a watch), not when they did.
  if (!(o.target || o.group?.length || o.metric) || !RECOVERY.test(text) || WATCH_ASK.test(text)) return undefined;
  return {
    kind: 'recovery',
    ...(o.target ? { target: o.target } : o.group?.length ? { group: o.group } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
  };
}
