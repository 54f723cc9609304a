import type { Anomaly } from '../core/anomaly.js';
import { BACKFILL_UNTIL, type Store } from '../core/ports.js';
import type { RemediationRule } from '../config/schema.js';
import { planRemediation, ruleMatches } from '../pipeline/remediate/plan-remediation.js';
import { stamp } from './format-reply.js';

/**
 * Why an anomaly has no proposal, from the rules and the store as they are now: no rule matches,
 * its rule waits for the anomaly to last (and until when), the anomaly ended before that, or the
 * rule was in its cooldown for that target when the anomaly opened, or it opened in the history
 * replayed at the first start, which proposes nothing.
 */
export function whyNoProposal(a: Anomaly, rules: RemediationRule[], store: Pick<Store, 'listProposals' | 'getKv'>, now: number): string {
  const rule = rules.find((r) => ruleMatches(r, a));
  if (!rule) return `No remediation rule matches ${a.metric} from ${a.detector} at ${a.severity} on ${a.target}.`;
  const name = `Rule "${rule.name}" (${rule.action})`;
  const forMs = rule.when.forSeconds * 1000;
  const plan = planRemediation(a, [rule], { now, ttlMs: 0, lastProposalTs: () => undefined });
  if (plan?.kind === 'pending')
    return `${name} waits for it to last ${rule.when.forSeconds} s: it proposes if this is still open at ${stamp(plan.dueTs)}.`;
  if (forMs > 0 && a.status !== 'open' && (a.endTs ?? a.updatedTs) - a.startTs < forMs)
    return `${name} waits for an anomaly to last ${rule.when.forSeconds} s; this one ended sooner, so nothing was proposed.`;
  // The rule was planned when the anomaly opened, or once it had lasted forSeconds.
  const planned = a.startTs + forMs;
  const earlier = store
    .listProposals({ target: a.target, limit: 50 })
    .find((p) => p.action === rule.action && p.createdTs <= planned && planned - p.createdTs < rule.cooldownSeconds * 1000);
  if (earlier)
    return `${name} was in its cooldown on ${a.target} (${earlier.id} at ${stamp(earlier.createdTs)}, ${rule.cooldownSeconds} s), so nothing was proposed.`;
  const replayedUntil = Number(store.getKv(BACKFILL_UNTIL));
  if (a.startTs < replayedUntil)
    return `${name} matches, but this opened in the history replayed at the first start (until ${stamp(replayedUntil)}), which proposes nothing; an anomaly still open when it ended gets its proposal then.`;
  return `${name} matches, but made no proposal (its parameters may be invalid: see the log).`;
}
