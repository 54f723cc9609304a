import type { Anomaly } from '../core/anomaly.js';
import { silenceCovers } from '../core/chat-store.js';
import type { AnswerContext } from './answer-intent.js';
import { describeAnomaly, describeProposal, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

const RANK: Record<Anomaly['severity'], number> = { critical: 0, warning: 1, info: 2 };
const LISTED = 10;

/**
 * "Anything wrong?", "what needs my attention?": what is open now, worst first, and what waits for
 * a decision, on the named targets or the fleet. Not a history: those questions are about the present,
 * and a list of the last anomalies mixed resolved ones in.
 */
export function answerAttention(scope: { target?: string; group?: string[] }, c: AnswerContext): string {
  const names = scope.target ? [scope.target] : (scope.group ?? c.targets.map((t) => t.name));
  const where = scope.target || scope.group ? ` on ${names.join(', ')}` : '';
  const mine = (target: string) => names.includes(target);
  const open = c.store
    .openAnomalies()
    .filter((a) => mine(a.target))
    .sort((a, z) => RANK[a.severity] - RANK[z.severity] || z.startTs - a.startTs);
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100 }).filter((p) => mine(p.target));
  const silences = c.store.chat.silences(c.now);
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const reporting = names.filter((n) => states.get(n) === 'up').length;

  if (open.length === 0 && pending.length === 0)
    return `Nothing needs attention${where}: ${reporting} of ${names.length} target${names.length === 1 ? '' : 's'} reporting, no open anomalies, nothing waiting for approval.`;

  const lines = [`Needs attention${where} (${stamp(c.now)}):`];
  if (open.length > 0) {
    const critical = open.filter((a) => a.severity === 'critical').length;
    lines.push(`${open.length} open anomal${open.length === 1 ? 'y' : 'ies'}${critical ? `, ${critical} critical` : ''}:`);
    for (const a of open.slice(0, LISTED)) {
      const muted = silences.find((s) => silenceCovers(s, a.target, a.metric));
      const ack = c.store.chat.ackOfAnomaly(a.id);
      const notes = [ack && `acknowledged by ${ack.by}`, muted && `silenced until ${stamp(muted.untilTs)}`].filter(Boolean);
      lines.push(`• ${describeAnomaly(a, c.now)}${a.summary ? ` — ${a.summary}` : ''}${notes.length ? ` (${notes.join(', ')})` : ''}`);
    }
    if (open.length > LISTED) lines.push(`…and ${open.length - LISTED} more: ask for "open anomalies".`);
  } else lines.push('No open anomalies.');
  if (pending.length > 0) {
    lines.push(`${pending.length} waiting for approval:`);
    for (const p of pending.slice(0, LISTED))
      lines.push(`• ${describeProposal(p)} — ${p.reason} (expires in ${formatDuration(Math.max(0, p.expiresTs - c.now))})`);
    lines.push('Answer with "approve <id>" or "deny <id>".');
  } else lines.push('Nothing waiting for approval.');
  return lines.join('\n');
}
