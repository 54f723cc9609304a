import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-context.js';
import { METRICS_OF } from './answer-metric-span.js';
import { describeAnomaly, METRIC_LABEL, stamp } from './format-reply.js';
import type { RecoveryIntent } from './parse-recovery.js';
import { formatDuration, plural } from './text-tools.js';

const LISTED = 3;

/**
 * "When did web-1 recover?": not recovered while anything is open there (since when, and what);
 * else when the last anomaly there ended, what it was and how long it lasted, and how long it has
 * been quiet since. Of the metric when one is named. Pure over the store.
 */
export function answerRecovery(i: RecoveryIntent, c: AnswerContext): string {
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const label = i.metric ? ` ${METRIC_LABEL[metrics![0]!] ?? i.metric}` : '';
  // A host's name leads as written ("web-1 recovered"); the fleet is named so.
  const who = `${i.target || i.group ? names.join(', ') : 'The fleet'}${label}`;
  const mine = (a: Anomaly) => names.includes(a.target) && (!metrics || metrics.includes(a.metric));
  const open = c.store
    .openAnomalies()
    .filter(mine)
    .sort((a, z) => a.startTs - z.startTs);
  if (open.length) {
    return [
      `${who} has not recovered: ${plural(open.length, 'anomaly', 'anomalies')} open, the first since ${stamp(open[0]!.startTs)} (${formatDuration(c.now - open[0]!.startTs)}):`,
      ...open.slice(0, LISTED).map((a) => `• ${describeAnomaly(a, c.now)}`),
      ...(open.length > LISTED ? [`…and ${open.length - LISTED} more ("open anomalies on ${names.join(', ')}").`] : []),
    ].join('\n');
  }
  const ended = c.store
    .recentAnomalies(5000)
    .filter((a) => mine(a) && a.endTs !== null)
    .sort((a, z) => z.endTs! - a.endTs!);
  const last = ended[0];
  if (!last)
    return `No anomaly on ${who.replace(/^The /, 'the ')} is kept, so there is nothing it recovered from; nothing is open there now.`;
  // The same episode's other detectors: the same series, ending after it began.
  const with_ = ended.filter((a) => a !== last && a.target === last.target && a.metric === last.metric && a.endTs! >= last.startTs);
  return [
    `${who} recovered at ${stamp(last.endTs!)} (${formatDuration(c.now - last.endTs!)} ago), when its last anomaly ended after ${formatDuration(last.endTs! - last.startTs)}; nothing is open there now.`,
    `• ${describeAnomaly(last, c.now)}`,
    ...with_.slice(0, LISTED - 1).map((a) => `• ${describeAnomaly(a, c.now)}`),
  ].join('\n');
}
