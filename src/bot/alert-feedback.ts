import type { ChatReply, ChatUser } from '../core/chat.js';
import { METRIC_LABEL, figureMetric } from '../core/metrics.js';
import type { Anomaly } from '../core/anomaly.js';
import { METRICS_OF } from './answer-metric-span.js';
import type { Store } from '../core/ports.js';
import type { Intent } from './intent.js';
import { quoteUntrusted } from './text-tools.js';
import { noiseAdvice } from './noise-advice.js';
import type { ThresholdRule } from '../config/schema.js';

export type Verdict = 'noise' | 'useful';

/**
 * "This alert is noise", "mark an_… as a false positive": what the people an alert reached made of
 * it, recorded (alert_feedback) for the timeline, the counts and later tuning. The latest word per
 * anomaly counts; the detectors are not changed by it.
 */
export function markAlert(
  i: Extract<Intent, { kind: 'feedback' }>,
  user: ChatUser,
  now: number,
  o: {
    store: Store;
    record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
    thresholds?: readonly ThresholdRule[] | undefined;
  },
): ChatReply {
  const intent = 'feedback';
  // "Mark the last alert as noise", "the web-2 disk alert was noise": the newest anomaly (there),
  // named in the reply so a wrong guess shows.
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const where = i.target || metrics;
  const fits = (a: Anomaly) => (!i.target || a.target === i.target) && (!metrics || metrics.includes(figureMetric(a)));
  const id = i.id ?? (where ? o.store.recentAnomalies(500).find(fits)?.id : i.latest ? o.store.recentAnomalies(1)[0]?.id : undefined);
  if (!id)
    return {
      text:
        i.latest || where
          ? `There is no anomaly${i.metric ? ` of ${METRIC_LABEL[metrics![0]!] ?? i.metric}` : ''}${i.target ? ` on ${i.target}` : ''} to mark.`
          : 'Which alert? Say it in the alert\'s thread, or name it: "mark an_… as noise".',
      intent,
      private: true,
    };
  const a = o.store.getAnomaly(id);
  if (!a || a.id !== id) return { text: `No anomaly ${quoteUntrusted(id)}; nothing was marked.`, intent, private: true };
  const actor = `${user.platform}:${user.id}`;
  const what = `${a.id} (${a.target} ${METRIC_LABEL[a.metric] ?? a.metric}, ${a.detector})`;
  if (i.verdict === 'none') {
    const was = verdictsBetween(o.store, a.startTs, now + 1).get(a.id);
    if (!was) return { text: `${what} is not marked, so nothing changed.`, intent, private: true };
    o.record?.('alert_feedback', now, { anomaly: a.id, target: a.target, metric: a.metric, detector: a.detector, verdict: 'none', actor });
    return { text: `Unmarked: ${what} is no longer counted as ${was === 'noise' ? 'noise' : 'useful'} (by ${actor}).`, intent };
  }
  o.record?.('alert_feedback', now, { anomaly: a.id, target: a.target, metric: a.metric, detector: a.detector, verdict: i.verdict, actor });
  const advice = i.verdict === 'noise' ? noiseAdvice(a, o.store, now, o.thresholds) : undefined;
  return {
    text: `Noted${(i.latest || where) && !i.id ? ` (the latest ${metrics ? `${METRIC_LABEL[metrics[0]!] ?? i.metric} ` : ''}anomaly${i.target ? ` on ${i.target}` : ''})` : ''}: ${what} marked as ${i.verdict === 'noise' ? 'noise (a false positive)' : 'useful (a real problem)'} by ${actor}. "How many false positives this week?" counts them; nothing about detection changes by itself.${advice ? `\n${advice}` : ''}`,
    intent,
  };
}

/** The latest verdict on each anomaly marked between two times (from the records). */
export function verdictsBetween(store: Pick<Store, 'recordsBetween'>, fromTs: number, untilTs: number): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const r of store.recordsBetween(fromTs, untilTs, ['alert_feedback'], 100_000)) {
    const v = r.data.verdict;
    if (typeof r.data.anomaly !== 'string') continue;
    // A mark taken back ("unmark an_…") leaves the anomaly unmarked.
    if (v === 'noise' || v === 'useful') out.set(r.data.anomaly, v);
    else if (v === 'none') out.delete(r.data.anomaly);
  }
  return out;
}
