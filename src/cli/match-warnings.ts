import type { Config } from '../config/load-config.js';
import type { Target } from '../core/target.js';
import { glob, type RouteMatch } from '../bot/alert-routes.js';

/**
 * The matches in `chat` (routes, inhibit rules, maintenance windows, pending periods, runbooks) that
 * name a target pattern, role or label no target in the config has: a typo there never errs, it
 * just never matches. Warnings, not errors: discovery (Prometheus, EC2) may add such targets later.
 */
export function matchWarnings(cfg: Config, targets: readonly Target[]): string[] {
  const out: string[] = [];
  const check = (where: string, m: RouteMatch | undefined) => {
    if (!m) return;
    for (const p of m.targets ?? []) if (!targets.some((t) => glob(p).test(t.name))) out.push(`${where}: target "${p}" matches no target`);
    for (const r of m.roles ?? []) if (!targets.some((t) => t.role === r)) out.push(`${where}: role "${r}" is no target's role`);
    for (const [k, v] of Object.entries(m.labels ?? {}))
      if (!targets.some((t) => t.labels[k] !== undefined && glob(v).test(t.labels[k]!)))
        out.push(`${where}: label ${k}=${v} is on no target`);
  };
  const c = cfg.chat;
  c.routes.forEach((r, i) => check(`chat.routes[${i}]${r.name ? ` (${r.name})` : ''}.match`, r.match));
  c.inhibit.forEach((r, i) => {
    check(`chat.inhibit[${i}]${r.name ? ` (${r.name})` : ''}.source`, r.source);
    check(`chat.inhibit[${i}]${r.name ? ` (${r.name})` : ''}.target`, r.target);
  });
  c.muteTimes.forEach((m, i) => check(`chat.muteTimes[${i}] (${m.name}).match`, m.match));
  c.pendingFor.forEach((p, i) => check(`chat.pendingFor[${i}].match`, p.match));
  c.runbooks.forEach((r, i) => check(`chat.runbooks[${i}].match`, r.match));
  return out;
}
