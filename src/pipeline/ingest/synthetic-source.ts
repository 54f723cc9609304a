import type { MetricSource } from '../../core/ports.js';
import type { Sample } from '../../core/sample.js';
import type { Target } from '../../core/target.js';
import { generateSamples, incidentsAt, type SyntheticOptions, type SyntheticTargetSpec } from './synthetic-generator.js';

export interface SyntheticSourceOptions extends SyntheticOptions {
  targets: Target[];
}

/** The default source: a realistic, seeded demo fleet with injected incidents. */
export function createSyntheticSource(opts: SyntheticSourceOptions): MetricSource {
  const fleet: SyntheticTargetSpec[] = opts.targets.map((t) => ({ name: t.name, role: t.role }));
  const at = (ts: number, withBoot: boolean): Sample[] => {
    const incidents = incidentsAt(fleet, ts, withBoot ? opts : { ...opts, bootTs: undefined });
    return fleet.flatMap((t) => generateSamples(t, ts, opts.seed, incidents));
  };
  return {
    name: 'synthetic',
    targets: () => opts.targets,
    async collect(now) {
      return { samples: at(now, true), gaps: [] };
    },
    async backfill(from, until, stepMs) {
      const out: Sample[] = [];
      // The boot incident belongs to this run, not to the invented past.
      for (let ts = from; ts < until; ts += stepMs) out.push(...at(ts, false));
      return out;
    },
  };
}
