import { figureMetric } from '../core/metrics.js';
import type { Intent } from './intent.js';
import { globMatch } from '../pipeline/remediate/plan-remediation.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { answerRules } from './answer-rules.js';
import { describeAnomaly, describeProposal, METRIC_LABEL, unknownTargetReply } from './format-reply.js';
import { runbookLinks } from './runbooks.js';
import { remediationOf } from './answer-why-no-action.js';

const LISTED = 5;

/**
 * "What should I do about web-1?", "how do I fix high cpu?", "next steps": what is open there, the
 * runbooks for it (filled in for what is open, as its alert links them), what waits for approval, and
 * the remediation rules that would propose something. A model's advice would be a guess about hosts
 * it cannot see; this is what the team wrote down and what the bot itself can do.
 */
export function answerAdvice(i: Extract<Intent, { kind: 'advice' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const metrics: readonly string[] | undefined = i.metric ? METRICS_OF[i.metric] : undefined;
  const what = i.metric ? ` about ${metrics!.length === 1 ? (METRIC_LABEL[metrics![0]!] ?? i.metric) : i.metric}` : '';
  const on = i.target ? ` on ${i.target}` : '';
  const open = c.store
    .openAnomalies()
    .filter((a) => (!i.target || a.target === i.target) && (!metrics || metrics.includes(figureMetric(a))))
    .sort((a, z) => z.startTs - a.startTs);
  const lines = open.length
    ? [
        `Open now${on}${what}:`,
        ...open.slice(0, LISTED).map((a) => `• ${describeAnomaly(a, c.now)}`),
        ...(open.length > LISTED ? [`…and ${open.length - LISTED} more.`] : []),
      ]
    : [`Nothing${what} is open${on} now.`];
  // What was already proposed for each (and how it ended), so the advice starts where the bot left off.
  if (open.length) {
    const proposals = c.store.listProposals({ limit: 500 });
    lines.push('What remediation did for them:', ...open.slice(0, LISTED).map((a) => `• ${a.id}: ${remediationOf(a, proposals, c)}`));
  }
  const refs = new Map(c.targets.map((t) => [t.name, { ...(t.role ? { role: t.role } : {}), labels: t.labels ?? {} }]));
  const links = open.length ? runbookLinks(c.runbooks ?? [], open, refs) : [];
  if (links.length) lines.push('Runbooks for what is open:', ...links.map((l) => `• ${l.label}: ${l.url}`));
  else lines.push(answerRules({ ...scope(i), only: 'runbooks' }, c));
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100 }).filter((p) => !i.target || p.target === i.target);
  if (pending.length)
    lines.push(
      'Waiting for approval (an approver says "approve rp_…" or "deny rp_…", or uses the buttons):',
      ...pending.slice(0, LISTED).map((p) => `• ${describeProposal(p)}`),
    );
  lines.push(answerRules({ ...scope(i), only: 'remediation' }, c));
  lines.push(
    [
      open.length ? `"explain ${open[0]!.id}" says why it opened and what else was anomalous around it.` : '',
      askFor(i.target ?? open[0]?.target, metrics ?? (open[0] ? [figureMetric(open[0])] : undefined), c),
    ]
      .filter(Boolean)
      .join(' '),
  );
  return lines.join('\n');
}

const scope = (i: Pick<Extract<Intent, { kind: 'advice' }>, 'target' | 'metric'>) => ({
  ...(i.target ? { target: i.target } : {}),
  ...(i.metric ? { metric: i.metric } : {}),
});

const ASK: Record<string, (t: string) => string> = {
  restart_service: (t) => `restart ${t}`,
  scale_up: (t) => `scale up ${t}`,
  cleanup_disk: (t) => `clean up the disk on ${t}`,
};

/** How to ask for what the rules allow on the target, as an action request (decision 0040); a rule for the metric asked first. */
function askFor(target: string | undefined, metrics: readonly string[] | undefined, c: AnswerContext): string {
  const allowed = (c.remediationRules ?? []).filter(
    (r) => ASK[r.action] && (!target || !r.when.targets || r.when.targets.some((p) => globMatch(p, target))),
  );
  const rule = allowed.find((r) => metrics && r.when.metrics?.some((m) => metrics.includes(m))) ?? allowed[0];
  if (!rule) return 'No rule in remediation.rules allows an action to be asked for here; nothing typed in chat runs on a host.';
  return `To ask for a rule's action: "${ASK[rule.action]!(target ?? c.targets[0]?.name ?? 'web-1')}"; it runs once an approver approves it.`;
}
