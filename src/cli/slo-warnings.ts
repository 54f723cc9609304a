import type { Config } from '../config/load-config.js';
import type { Target } from '../core/target.js';

/**
 * SLOs (config slos) that judge less than they say: a window longer than the samples kept, so the
 * budget is read over retention.samplesHours only; targets or a role that no configured target
 * has. Warnings, not errors: the reply says what it judged, and discovery may add targets.
 */
export function sloWarnings(cfg: Config, targets: readonly Target[]): string[] {
  const out: string[] = [];
  cfg.slos.forEach((s, i) => {
    const where = `slos[${i}] (${s.name})`;
    if (s.windowDays * 24 > cfg.retention.samplesHours)
      out.push(
        `${where}: windowDays ${s.windowDays} is longer than the ${cfg.retention.samplesHours} h of samples kept (retention.samplesHours), so its budget is judged on those only`,
      );
    for (const t of s.targets ?? []) if (!targets.some((x) => x.name === t)) out.push(`${where}: target "${t}" is no configured target`);
    if (s.role && !targets.some((x) => x.role === s.role)) out.push(`${where}: role "${s.role}" is no configured target's role`);
  });
  return out;
}
