import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { describeAnomaly, describeProposal, formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import type { MetricKey } from './parse-intent.js';
import { quoteUntrusted } from './text-tools.js';
import { whyNoProposal } from './why-no-proposal.js';

/** "explain an_…" / "explain rp_…": what an anomaly or a proposal is, and what came of it; the latest anomaly without an id. */
export function answerExplain(id: string | undefined, c: AnswerContext, target?: string, severity?: Anomaly['severity']): string {
  if (!id) {
    // "Why did web-1 alert?", "explain the last critical anomaly": the most recent one (on that target, of that severity).
    const latest = c.store.recentAnomalies(500).find((a) => (!target || a.target === target) && (!severity || a.severity === severity));
    const which = `${severity ? `${severity} ` : ''}anomal`;
    if (!latest) return `No ${which}ies${target ? ` on ${target}` : ''} to explain.`;
    return `The latest ${which}y${target ? ` on ${target}` : ''} (others: "anomalies", then "explain an_…"):\n${answerExplain(latest.id, c)}`;
  }
  if (id.startsWith('rp_')) {
    const p = c.store.getProposal(id);
    if (!p) return `No proposal ${quoteUntrusted(id)}.`;
    const a = c.store.getAnomaly(p.anomalyId);
    return [
      `${describeProposal(p)}. Reason: ${p.reason}.`,
      a ? `Because of: ${describeAnomaly(a, c.now)}` : '',
      p.state === 'proposed' ? `To decide, an approver says "approve ${p.id}" or "deny ${p.id}", or uses the buttons.` : '',
    ]
      .filter(Boolean)
      .join('\n');
  }
  const a = c.store.getAnomaly(id);
  if (!a || a.id !== id) return `No anomaly ${quoteUntrusted(id)}.`;
  const props = c.store.listProposals({ target: a.target, limit: 200 }).filter((p) => p.anomalyId === a.id);
  const lines = [describeAnomaly(a, c.now)];
  if (a.summary) lines.push(`What: ${a.summary}.`);
  lines.push(`Latest value ${formatValue(a.metric, a.observed)} at ${stamp(a.updatedTs)}.`);
  if (props.length === 0)
    lines.push(
      c.remediationRules
        ? whyNoProposal(a, c.remediationRules, c.store, c.now)
        : 'No remediation was proposed (no rule matched, a cooldown applied, or it is silenced).',
    );
  for (const p of props) {
    lines.push(`Proposed: ${describeProposal(p)}.${p.result ? ` Result: ${p.result.slice(0, 200)}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * "Why is cpu high on web-1?" asks about now: the open anomaly of that metric there, explained. With
 * none open, it says so, gives the figure now (`current`) and when the last one was, rather than
 * explaining yesterday's episode as if it were the answer.
 */
export function answerWhy(target: string | undefined, metric: MetricKey, c: AnswerContext, current: string): string {
  const metrics = METRICS_OF[metric];
  const fits = (a: Anomaly) => (!target || a.target === target) && metrics.includes(figureMetric(a));
  const label = METRIC_LABEL[metrics[0]!] ?? metric;
  const where = target ? `${target} ${label}` : `${label} on any target`;
  const open = c.store
    .openAnomalies()
    .filter(fits)
    .sort((a, z) => z.startTs - a.startTs);
  if (open[0]) {
    const others = open.length > 1 ? ` (${open.length - 1} more open: "anomalies open")` : '';
    return `The open anomaly for ${where}${others}:\n${answerExplain(open[0].id, c)}`;
  }
  const last = c.store.recentAnomalies(500).find(fits);
  return [
    `Nothing is open for ${where}: no detector finds it unusual now.`,
    current,
    last ? `The last anomaly there: ${describeAnomaly(last, c.now)}` : `No anomaly for ${where} is recorded.`,
  ].join('\n');
}
