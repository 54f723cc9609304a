import type { Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import type { DetectionEngine } from './detect/detection-engine.js';

export interface HousekeepingOptions {
  store: Pick<Store, 'compactSamples' | 'prune'>;
  engine: Pick<DetectionEngine, 'persist' | 'modelCount'>;
  detectors: Pick<FileConfig['detectors'], 'persistEverySeconds'>;
  retention: FileConfig['retention'];
  tickIntervalMs: number;
}

/**
 * What runs after each tick: a slice of the models saved, samples compacted every 15 minutes,
 * retention applied every 10. Spread out so no tick carries a whole-store job.
 */
export function createHousekeeping(o: HousekeepingOptions): (now: number) => void {
  let lastPrune = 0;
  let lastCompact = 0;
  return (now) => {
    // Every model is saved at least once per persistEverySeconds, a slice each tick.
    const every = o.detectors.persistEverySeconds * 1000;
    const slices = Math.max(1, Math.floor(every / o.tickIntervalMs));
    o.engine.persist(now, every === 0 ? Infinity : Math.ceil(o.engine.modelCount / slices));
    if (now - lastCompact >= 15 * 60_000) {
      // Keep the last few minutes raw: late samples still land before their hour is compacted.
      o.store.compactSamples(now - 5 * 60_000);
      lastCompact = now;
    }
    if (now - lastPrune >= 10 * 60_000) {
      o.store.prune(now, {
        samplesMs: o.retention.samplesHours * 3_600_000,
        recordsMs: o.retention.recordsDays * 86_400_000,
        anomaliesMs: o.retention.anomaliesDays * 86_400_000,
      });
      lastPrune = now;
    }
  };
}
