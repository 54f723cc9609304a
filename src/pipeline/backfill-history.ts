import type { Logger, MetricSource, Store } from '../core/ports.js';
import { markBackfilled } from '../core/watching-since.js';

/**
 * Feeds each source's history before `until` through `feed` on a fresh data dir, once per source
 * (a flag in the store), an hour at a time so a large fleet's day is never in memory at once.
 * Returns whether any source was fed. A source whose history fails is logged and marked done all
 * the same: history fed on a later start would reach detectors that have seen newer samples.
 */
export async function backfillHistory(o: {
  sources: MetricSource[];
  store: Pick<Store, 'getKv' | 'setKv'>;
  logger: Logger;
  hours: number;
  until: number;
  stepMs: number;
  feed: (source: MetricSource, from: number, until: number, stepMs: number, now: number) => Promise<number>;
}): Promise<boolean> {
  if (o.hours <= 0) return false;
  const slice = Math.max(1, Math.floor(3_600_000 / o.stepMs)) * o.stepMs;
  const from = o.until - Math.round((o.hours * 3_600_000) / o.stepMs) * o.stepMs;
  let ran = false;
  for (const src of o.sources) {
    const flag = `backfill:${src.name}`;
    if (!src.backfill || o.store.getKv(flag)) continue;
    let n = 0;
    try {
      for (let t = from; t < o.until; t += slice) {
        const fed = await o.feed(src, t, Math.min(o.until, t + slice), o.stepMs, o.until);
        // Watched from the first hour that had history: a source that keeps 3 h was not watched for 24.
        if (fed > 0 && n === 0) markBackfilled(o.store, t);
        n += fed;
      }
      o.logger.info({ source: src.name, samples: n, hours: o.hours }, 'backfilled history for the detectors');
    } catch (err) {
      o.logger.warn({ source: src.name, samples: n, err }, 'could not read history; the detectors start with what they have');
    }
    o.store.setKv(flag, String(o.until));
    ran = true;
  }
  return ran;
}
