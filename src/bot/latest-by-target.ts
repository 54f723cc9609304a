import type { Sample } from '../core/sample.js';
import type { Store } from '../core/ports.js';

/** The latest sample of each metric, by target. */
export function latestBy(store: Pick<Store, 'latestSamples'>): Map<string, Map<string, Sample>> {
  const m = new Map<string, Map<string, Sample>>();
  for (const s of store.latestSamples()) (m.get(s.target) ?? m.set(s.target, new Map()).get(s.target)!).set(s.metric, s);
  return m;
}

/** When a target last reported anything, 0 for never. */
export const newestOf = (latest: Map<string, Map<string, Sample>>, target: string) =>
  Math.max(0, ...[...(latest.get(target)?.values() ?? [])].map((s) => s.ts));
