import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { describeProposal, METRIC_LABEL, stamp } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { whyNoProposal } from './why-no-proposal.js';
import type { Proposal } from '../core/remediation.js';
import type { RemediationRule } from '../config/schema.js';
import { ruleMatches } from '../pipeline/remediate/plan-remediation.js';
import { ruleScope } from './answer-rules.js';

/**
 * "Why wasn't the disk on api-1 cleaned up?", "why didn't you restart web-1?": the latest episode on
 * that target (and metric), and for each of its anomalies what remediation did — the proposal and
 * how it ended, or why there was none (no rule for that detector, a cooldown, the replayed history).
 * One disk fill is often three anomalies (forecast, threshold, robust) that rules treat apart.
 */
export function answerWhyNoAction(target: string | undefined, metric: MetricKey | undefined, c: AnswerContext, action?: string): string {
  const metrics = metric ? METRICS_OF[metric] : undefined;
  const fits = (a: Anomaly) => (!target || a.target === target) && (!metrics || metrics.includes(figureMetric(a)));
  const recent = c.store.recentAnomalies(500).filter(fits);
  const where = [target, metrics && (METRIC_LABEL[metrics[0]!] ?? metric)].filter(Boolean).join(' ') || 'any target';
  // "Why wasn't db-1 disk cleaned up?": the disk series' own episode before a host-level one that blames disk.
  const latest = recent.find((a) => !metrics || metrics.includes(a.metric)) ?? recent[0];
  if (!latest)
    return [
      `No anomaly on ${where} is recorded, so there was nothing to remediate.`,
      ...(action && c.remediationRules ? notThisAction(action, [], [], c.remediationRules) : []),
    ].join('\n');
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
  if (action && c.remediationRules) lines.push(...notThisAction(action, episode, proposals, c.remediationRules));
  for (const a of episode) lines.push(`• ${a.id} (${a.detector}, ${a.severity}): ${remediationOf(a, proposals, c)}`);
  lines.push('"Which rules propose restarts?" lists the remediation rules; "explain an_…" gives one anomaly in full.');
  return lines.join('\n');
}

/** What remediation did for one anomaly: its proposals and how they ended, or why there was none. */
export function remediationOf(a: Anomaly, proposals: readonly Proposal[], c: AnswerContext): string {
  const own = proposals.filter((p) => p.anomalyId === a.id);
  if (own.length)
    return own.map((p) => `proposed ${describeProposal(p)}${p.result ? `; result: ${p.result.slice(0, 160)}` : ''}`).join('; ');
  return c.remediationRules ? whyNoProposal(a, c.remediationRules, c.store, c.now) : 'no remediation was proposed.';
}

/**
 * "Why didn't you restart local-vm?" when its episode was CPU: no rule with that action matches it,
 * so the question's premise is answered first: which rules propose the action, and on what.
 */
function notThisAction(
  action: string,
  episode: readonly Anomaly[],
  proposals: readonly Proposal[],
  rules: readonly RemediationRule[],
): string[] {
  const ids = new Set(episode.map((a) => a.id));
  if (proposals.some((p) => p.action === action && ids.has(p.anomalyId ?? ''))) return [];
  const withIt = rules.filter((r) => r.action === action);
  if (!withIt.length) {
    const others = [...new Set(rules.map((r) => r.action))];
    return [`No rule proposes ${action} at all${others.length ? `; the remediation rules propose ${others.join(', ')}` : ''}.`];
  }
  if (!episode.length || withIt.some((r) => episode.some((a) => ruleMatches(r, a)))) return [];
  const a = episode.find((e) => e.severity === 'critical') ?? episode.at(-1)!;
  const rulesSaid = withIt.map((r) => `"${r.name}" proposes it on ${ruleScope(r)}`).join('; ');
  return [
    `No ${action} for it: ${rulesSaid}; this is ${METRIC_LABEL[a.metric] ?? a.metric} from ${[...new Set(episode.map((e) => e.detector))].join(', ')} at ${a.severity}.`,
  ];
}
