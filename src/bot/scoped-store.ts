import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';

/**
 * The store as one route's team sees it: only the anomalies `keep` accepts, and only the proposals
 * made for them. Everything else reads through. Answers built on it (a route's digest) then count,
 * list and rank just those, with no filter of their own.
 */
export function scopedStore(store: Store, keep: (a: Anomaly) => boolean): Store {
  const ours = (id: string) => {
    const a = store.getAnomaly(id);
    return a !== undefined && keep(a);
  };
  const scoped: Partial<Store> = {
    recentAnomalies: (limit, sinceTs, untilTs) => store.recentAnomalies(limit, sinceTs, untilTs).filter(keep),
    openAnomalies: () => store.openAnomalies().filter(keep),
    listProposals: (q) => store.listProposals(q).filter((p) => ours(p.anomalyId)),
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in scoped) return scoped[prop as keyof Store];
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
