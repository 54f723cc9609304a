import type { Store } from './ports.js';
import { BURN_WINDOWS, countInto, noCounts, sloReport, sloTargets, type Slo, type SloCounts, type SloReport } from './slo-report.js';

const HOUR = 3_600_000;
// The samples read afresh on each report: the longest burn window and the hour under way (and the
// part of an hour the window starts in).
const LIVE_HOURS = Math.max(...BURN_WINDOWS.map((w) => w.hours)) + 1;

interface Kept {
  /** The SLO and the targets it covered when counted: a change starts the count again. */
  signature: string;
  /** Counts per whole hour (its start) before the live part. */
  hours: Map<number, SloCounts>;
}

/**
 * SLO reports without reading a 30-day window each time: whole hours older than the burn windows
 * are counted once and kept (a few numbers per hour and SLO), and only the last hours are read
 * again. Reading 30 days of 10 targets takes most of a second; a report after the first reads
 * about 7 h. A sample that arrives for an hour already counted (a late backfill) is not added.
 * Narrowed to some targets ("error budget on api-1"), a report reads them afresh.
 */
export function createSloTracker(o: { store: Pick<Store, 'series'>; targets: () => readonly { name: string; role?: string | null }[] }) {
  const kept = new Map<string, Kept>();

  function report(slo: Slo, now: number, only?: readonly string[]): SloReport {
    const covered = sloTargets(slo, o.targets());
    const on = only ? covered.filter((t) => only.includes(t)) : covered;
    const windowFrom = now - slo.windowDays * 24 * HOUR;
    if (only) return sloReport(slo, new Map(on.map((t) => [t, o.store.series(t, slo.metric, windowFrom, now)])), now);
    const liveFrom = Math.floor(now / HOUR) * HOUR - (LIVE_HOURS - 1) * HOUR;
    const firstHour = Math.ceil(windowFrom / HOUR) * HOUR;
    const signature = JSON.stringify([slo, on]);
    let k = kept.get(slo.name);
    if (!k || k.signature !== signature) kept.set(slo.name, (k = { signature, hours: new Map() }));
    for (const h of k.hours.keys()) if (h < firstHour) k.hours.delete(h);
    // The hours not yet counted, read in one stretch per run of them and target. An hour with no
    // sample is not kept: the first start's backfill may fill it after a report.
    for (const run of missingRuns(k.hours, firstHour, liveFrom)) {
      const series = new Map(on.map((t) => [t, o.store.series(t, slo.metric, run.from, run.until - 1)]));
      for (const [h, c] of countByHour(slo, series, run.from, run.until)) k.hours.set(h, c);
    }
    // The part of an hour the window starts in, read afresh so the window is exact.
    const head = new Map(on.map((t) => [t, firstHour > windowFrom ? o.store.series(t, slo.metric, windowFrom, firstHour - 1) : []]));
    const earlier = noCounts();
    countInto(slo, head, windowFrom, firstHour, earlier);
    for (const [h, c] of k.hours) {
      if (h < firstHour || h >= liveFrom) continue;
      earlier.good += c.good;
      earlier.bad += c.bad;
      if (c.firstTs !== undefined) earlier.firstTs = earlier.firstTs === undefined ? c.firstTs : Math.min(earlier.firstTs, c.firstTs);
      for (const [t, n] of c.badBy) earlier.badBy.set(t, (earlier.badBy.get(t) ?? 0) + n);
    }
    const from = Math.max(liveFrom, firstHour);
    const live = new Map(on.map((t) => [t, o.store.series(t, slo.metric, from, now)]));
    return sloReport(slo, live, now, { counts: earlier, until: from });
  }

  return { report };
}

/** Each whole hour's counts in [from, until), in one pass over the samples; hours with none are absent. */
function countByHour(slo: Slo, series: Map<string, { ts: number; value: number }[]>, from: number, until: number): Map<number, SloCounts> {
  const out = new Map<number, SloCounts>();
  countInto(slo, series, from, until, (ts) => {
    const h = Math.floor(ts / HOUR) * HOUR;
    let c = out.get(h);
    if (!c) out.set(h, (c = noCounts()));
    return c;
  });
  return out;
}

/** The stretches of whole hours in [from, until) that `hours` does not hold. */
function missingRuns(hours: ReadonlyMap<number, unknown>, from: number, until: number): { from: number; until: number }[] {
  const runs: { from: number; until: number }[] = [];
  for (let h = from; h < until; h += HOUR) {
    if (hours.has(h)) continue;
    const last = runs.at(-1);
    if (last && last.until === h) last.until = h + HOUR;
    else runs.push({ from: h, until: h + HOUR });
  }
  return runs;
}

export type SloTracker = ReturnType<typeof createSloTracker>;
