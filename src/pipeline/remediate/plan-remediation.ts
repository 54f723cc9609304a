import type { Anomaly, Severity } from '../../core/anomaly.js';
import { hashString } from '../../core/random.js';
import type { Proposal, RemediationMode } from '../../core/remediation.js';
import type { RemediationRule } from '../../config/schema.js';
import { parseActionParams } from './action-params.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

export function ruleMatches(rule: RemediationRule, a: Anomaly): boolean {
  const w = rule.when;
  if (w.metrics && !w.metrics.includes(a.metric)) return false;
  if (w.detectors && !w.detectors.includes(a.detector)) return false;
  if (RANK[a.severity] < RANK[w.minSeverity]) return false;
  if (w.targets && !w.targets.some((p) => globMatch(p, a.target))) return false;
  return true;
}

/** Anything that touches a real system needs a human unless the rule says otherwise. */
export function effectiveMode(rule: RemediationRule): RemediationMode {
  return rule.mode ?? (rule.executor === 'simulate' ? 'dry_run' : 'approval');
}

export interface PlanContext {
  now: number;
  ttlMs: number;
  lastProposalTs: (target: string, action: string) => number | undefined;
}

export type PlanOutcome =
  | { kind: 'proposal'; proposal: Proposal; rule: string }
  | { kind: 'pending'; rule: string; dueTs: number }
  | { kind: 'cooldown'; rule: string; until: number }
  | { kind: 'invalid'; rule: string; error: string };

/**
 * Pure: which rule (the first that matches) turns this anomaly into which proposal. At most one
 * proposal per anomaly; a target inside its cooldown for that action gets none. A rule with
 * `when.forSeconds` waits until the anomaly has lasted that long, and one that ended sooner gets
 * nothing: a one-sample blip neither restarts a service nor asks anyone to approve a restart.
 */
export function planRemediation(a: Anomaly, rules: RemediationRule[], ctx: PlanContext): PlanOutcome | undefined {
  const rule = rules.find((r) => ruleMatches(r, a));
  if (!rule) return undefined;
  const forMs = rule.when.forSeconds * 1000;
  if (forMs > 0) {
    if (a.status !== 'open') return undefined;
    if (ctx.now - a.startTs < forMs) return { kind: 'pending', rule: rule.name, dueTs: a.startTs + forMs };
  }
  const last = ctx.lastProposalTs(a.target, rule.action);
  if (last !== undefined && ctx.now - last < rule.cooldownSeconds * 1000) {
    return { kind: 'cooldown', rule: rule.name, until: last + rule.cooldownSeconds * 1000 };
  }
  const parsed = parseActionParams(rule.action, rule.params);
  if (!parsed.ok) return { kind: 'invalid', rule: rule.name, error: parsed.error };
  const id = `rp_${hashString(`${a.id}/${rule.name}`, 3).toString(36)}${hashString(`${a.id}/${rule.name}`, 4).toString(36).slice(0, 3)}`;
  return {
    kind: 'proposal',
    rule: rule.name,
    proposal: {
      id,
      anomalyId: a.id,
      anomalyKey: a.key,
      target: a.target,
      action: rule.action,
      params: parsed.params,
      mode: effectiveMode(rule),
      executor: rule.executor,
      state: 'proposed',
      reason: `${rule.name}: ${a.summary || `${a.metric} anomaly on ${a.target}`}`,
      createdTs: ctx.now,
      updatedTs: ctx.now,
      expiresTs: ctx.now + ctx.ttlMs,
      requestedBy: 'pipeline',
      decidedBy: null,
      decidedTs: null,
      result: null,
    },
  };
}
