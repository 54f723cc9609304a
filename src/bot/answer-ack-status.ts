import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { describeAnomaly, stamp } from './format-reply.js';
import type { MetricKey } from './parse-intent.js';
import { formatDuration } from './text-tools.js';

const LISTED = 5;

/**
 * "Who acked the last alert?", "is anyone on the web-2 alert?": who has taken on each open alert
 * asked about (or, with none open, the latest), and which nobody has. An anomaly that was never
 * posted (held by its pending period, a silence or a route to nowhere) is said to be so: nobody
 * could have acknowledged it.
 */
export function answerAckStatus(i: { id?: string; target?: string; metric?: MetricKey }, c: AnswerContext): string {
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const fits = (a: Anomaly) => (!i.target || a.target === i.target) && (!metrics || metrics.includes(a.feature ?? a.metric));
  const byId = i.id ? c.store.getAnomaly(i.id) : undefined;
  if (i.id && !byId) return `I have no anomaly ${i.id}.`;
  const open = byId
    ? []
    : c.store
        .openAnomalies()
        .filter(fits)
        .sort((a, z) => z.startTs - a.startTs);
  const latest = byId ? [byId] : open.length ? open : c.store.recentAnomalies(200).filter(fits).slice(0, 1);
  const scope = [i.target, i.metric].filter(Boolean).join(' ');
  if (latest.length === 0) return `No anomalies${scope ? ` for ${scope}` : ''} to acknowledge.`;
  const line = (a: Anomaly) => {
    const ack = c.store.chat.ackOfAnomaly(a.id);
    const who = ack
      ? `acknowledged by ${ack.by} at ${stamp(ack.ts)} (${formatDuration(Math.max(0, ack.ts - a.startTs))} after it opened)`
      : c.store.chat.alertKeyFor(a.id)
        ? a.status === 'open'
          ? 'nobody has acknowledged it'
          : 'nobody acknowledged it'
        : 'never posted as an alert (held, silenced or routed nowhere), so nobody could acknowledge it';
    return `• ${describeAnomaly(a, c.now)}: ${who}`;
  };
  const head = byId
    ? ''
    : open.length
      ? `${open.length} open alert${open.length === 1 ? '' : 's'}${scope ? ` for ${scope}` : ''}${open.length > LISTED ? `; the newest ${LISTED}` : ''}:`
      : `Nothing is open${scope ? ` for ${scope}` : ''}; the latest:`;
  return [head, ...latest.slice(0, LISTED).map(line)].filter(Boolean).join('\n');
}
