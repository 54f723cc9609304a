import { hashString } from '../../core/random.js';
import type { ActionId, Proposal, RemediationMode } from '../../core/remediation.js';
import type { RemediationRule } from '../../config/schema.js';
import { parseActionParams } from './action-params.js';
import { effectiveMode, globMatch } from './plan-remediation.js';

/** What a person asked for in chat: the action and target, and any parameter they named (only ever checked, never used). */
export interface ActionAsk {
  action: ActionId;
  target: string;
  /** "Restart nginx on web-1". */
  service?: string;
  /** "Scale web-2 by 2". */
  count?: number;
  /** "Scale web to 4": a size, which a scale-up rule does not set. */
  toSize?: number;
  /** "Clean /var/log on db-1". */
  paths?: string[];
}

export interface RequestContext {
  now: number;
  ttlMs: number;
  /** Who asked ("slack:U2"): the proposal's requester, who may not approve it unless config allows. */
  requestedBy: string;
  /** Why, in the asker's words ("restart app on web-1: memory leak"), already cleaned. */
  why?: string;
}

export type RequestPlan = { ok: true; proposal: Proposal; rule: RemediationRule } | { ok: false; error: string };

/** A chat request never runs without a second person: a rule's `auto` becomes `approval`; a dry run stays one. */
export function requestMode(rule: RemediationRule): RemediationMode {
  const mode = effectiveMode(rule);
  return mode === 'auto' ? 'approval' : mode;
}

const PARAMS_WORD: Record<ActionId, string> = {
  restart_service: 'service',
  scale_up: 'count',
  cleanup_disk: 'paths',
  notify_only: 'parameters',
};

/** Whether what the asker named agrees with the rule's parameters; the error says what the rule does instead. */
function namedMismatch(ask: ActionAsk, params: Record<string, unknown>): string | undefined {
  if (ask.service !== undefined && ask.service !== params.service) return `it restarts ${String(params.service)}, not ${ask.service}`;
  if (ask.toSize !== undefined) return `it adds ${String(params.by)} (up to ${String(params.max)}); a size (${ask.toSize}) cannot be set`;
  if (ask.count !== undefined && ask.count !== params.by)
    return `it adds ${String(params.by)} (up to ${String(params.max)}), not ${ask.count}`;
  const paths = params.paths as string[] | undefined;
  // Some of its paths named is no narrower clean-up: the rule cleans all of them, which the asker should know before it is proposed.
  if (ask.paths?.length && paths && (ask.paths.some((x) => !paths.includes(x)) || paths.some((x) => !ask.paths!.includes(x))))
    return `it cleans ${paths.join(', ')}, not ${ask.paths.join(', ')}${ask.paths.every((x) => paths.includes(x)) ? ' alone' : ''}`;
  return undefined;
}

/**
 * Pure: the proposal a chat request becomes. The allow-list is remediation.rules: the first rule with
 * that action whose `when.targets` (if any) match the target, of those whose parameters agree with
 * any the asker named. Its action, parameters and executor are used as configured; nothing typed in
 * chat becomes a parameter (decision 0003), it can only pick among what config allows. The rule's
 * metric, detector and severity conditions are about anomalies and do not apply; its cooldown is
 * for the pipeline, and a person asking is told of it rather than held by it.
 */
export function planRequest(ask: ActionAsk, rules: RemediationRule[], ctx: RequestContext): RequestPlan {
  const allowed = rules.filter((r) => r.action === ask.action && (!r.when.targets || r.when.targets.some((p) => globMatch(p, ask.target))));
  if (allowed.length === 0) {
    const elsewhere = rules.some((r) => r.action === ask.action);
    return {
      ok: false,
      error: elsewhere
        ? `no rule in remediation.rules allows ${ask.action} on ${ask.target} (the rules with it name other targets)`
        : `no rule in remediation.rules uses ${ask.action}, so it cannot be asked for`,
    };
  }
  let mismatch: string | undefined;
  for (const rule of allowed) {
    const parsed = parseActionParams(rule.action, rule.params);
    if (!parsed.ok) return { ok: false, error: `the rule "${rule.name}" has invalid parameters (${parsed.error})` };
    const wrong = namedMismatch(ask, parsed.params);
    if (wrong) {
      mismatch ??= `the ${PARAMS_WORD[ask.action]} comes from config, not chat: the rule "${rule.name}" allows ${ask.action} on ${ask.target}, but ${wrong}. Ask without the ${PARAMS_WORD[ask.action]} for what it does, or add a rule to remediation.rules`;
      continue;
    }
    const seed = `${ctx.requestedBy}/${ask.target}/${ask.action}/${ctx.now}`;
    const id = `rp_${hashString(seed, 3).toString(36)}${hashString(seed, 4).toString(36).slice(0, 3)}`;
    return {
      ok: true,
      rule,
      proposal: {
        id,
        // Asked for, not found: no anomaly, so ending one cannot withdraw it; the TTL does.
        anomalyId: '',
        anomalyKey: '',
        target: ask.target,
        action: ask.action,
        params: parsed.params,
        mode: requestMode(rule),
        executor: rule.executor,
        state: 'proposed',
        reason: `${rule.name}: requested by ${ctx.requestedBy}${ctx.why ? ` (${ctx.why})` : ''}`,
        createdTs: ctx.now,
        updatedTs: ctx.now,
        expiresTs: ctx.now + ctx.ttlMs,
        requestedBy: ctx.requestedBy,
        decidedBy: null,
        decidedTs: null,
        result: null,
      },
    };
  }
  return { ok: false, error: mismatch! };
}
