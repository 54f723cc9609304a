import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { describeProposal, METRIC_LABEL, stamp } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { whyNoProposal } from './why-no-proposal.js';

/**
 * "Why wasn't the disk on api-1 cleaned up?", "why didn't you restart web-1?": the latest episode on
 * that target (and metric), and for each of its anomalies what remediation did — the proposal and
 * how it ended, or why there was none (no rule for that detector, a cooldown, the replayed history).
 * One disk fill is often three anomalies (forecast, threshold, robust) that rules treat apart.
 */
export function answerWhyNoAction(target: string | undefined, metric: MetricKey | undefined, c: AnswerContext): string {
  const metrics = metric ? METRICS_OF[metric] : undefined;
  const fits = (a: Anomaly) => (!target || a.target === target) && (!metrics || metrics.includes(figureMetric(a)));
  const recent = c.store.recentAnomalies(500).filter(fits);
  const where = [target, metrics && (METRIC_LABEL[metrics[0]!] ?? metric)].filter(Boolean).join(' ') || 'any target';
  // "Why wasn't db-1 disk cleaned up?": the disk series' own episode before a host-level one that blames disk.
  const latest = recent.find((a) => !metrics || metrics.includes(a.metric)) ?? recent[0];
  if (!latest) return `No anomaly on ${where} is recorded, so there was nothing to remediate.`;
  // The episode: the latest anomaly and those of the same target and metric that overlapped it.
  const endOf = (a: Anomaly) => a.endTs ?? c.now;
  const episode = recent
    .filter((a) => a.target === latest.target && a.metric === latest.metric && a.startTs <= endOf(latest) && endOf(a) >= latest.startTs)
    .sort((a, z) => a.startTs - z.startTs);
  const proposals = c.store.listProposals({ target: latest.target, limit: 500 });
  const lines = [
    `The latest episode on ${latest.target} ${METRIC_LABEL[latest.metric] ?? latest.metric}, from ${stamp(episode[0]!.startTs)}` +
      `${latest.status === 'open' ? ', still open' : ''}: ${episode.length} ${episode.length === 1 ? 'anomaly' : 'anomalies'}.`,
  ];
  for (const a of episode) {
    const own = proposals.filter((p) => p.anomalyId === a.id);
    const what = own.length
      ? own.map((p) => `proposed ${describeProposal(p)}${p.result ? `; result: ${p.result.slice(0, 160)}` : ''}`).join('; ')
      : c.remediationRules
        ? whyNoProposal(a, c.remediationRules, c.store, c.now)
        : 'no remediation was proposed.';
    lines.push(`• ${a.id} (${a.detector}, ${a.severity}): ${what}`);
  }
  lines.push('"Which rules propose restarts?" lists the remediation rules; "explain an_…" gives one anomaly in full.');
  return lines.join('\n');
}
