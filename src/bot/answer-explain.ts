import type { AnswerContext } from './answer-intent.js';
import { describeAnomaly, describeProposal, formatValue, stamp } from './format-reply.js';
import { quoteUntrusted } from './text-tools.js';
import { whyNoProposal } from './why-no-proposal.js';

/** "explain an_…" / "explain rp_…": what an anomaly or a proposal is, and what came of it; the latest anomaly without an id. */
export function answerExplain(id: string | undefined, c: AnswerContext, target?: string): string {
  if (!id) {
    // "Why did web-1 alert?", "explain the last anomaly": the most recent one (on that target).
    const latest = c.store.recentAnomalies(500).find((a) => !target || a.target === target);
    if (!latest) return `No anomalies${target ? ` on ${target}` : ''} to explain.`;
    return `The latest anomaly${target ? ` on ${target}` : ''} (others: "anomalies", then "explain an_…"):\n${answerExplain(latest.id, c)}`;
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
