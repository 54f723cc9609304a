import type { Sample } from '../core/sample.js';
import { isPast, type Bound } from './parse-bound.js';

/** A run of readings past a bound: from the first reading past it to the first one back (or the last one, plus a step). */
export interface Stretch {
  startTs: number;
  endTs: number;
  /** Its last reading is the series' latest and still fresh: the stretch goes on now. */
  ongoing: boolean;
  /** The reading furthest past the bound. */
  peak: Sample;
  samples: number;
  /** It ended because the readings stopped for a while (from its last reading until the next), not because one came back. */
  gap?: { from: number; until: number };
}

export interface StretchesPast {
  stretches: Stretch[];
  /** Readings past the bound, of `samples` in all. */
  past: number;
  samples: number;
  /** The typical time between readings (the median gap), 0 with fewer than two. */
  stepMs: number;
  /** The highest and lowest readings, and the latest; undefined with none. */
  highest?: Sample;
  lowest?: Sample;
  latest?: Sample;
}

function medianGap(points: Sample[]): number {
  if (points.length < 2) return 0;
  const gaps = points.slice(1).map((p, i) => p.ts - points[i]!.ts);
  gaps.sort((a, z) => a - z);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/**
 * Pure: the stretches of a series (oldest first) past a bound. A gap of more than `breakAfterMs` (or
 * three steps, whichever is longer) between readings ends a stretch, so a host that went silent
 * while past the line is not counted as past it for the whole silence. The latest reading counts as
 * now while it is at most `freshMs` old.
 */
export function stretchesPast(points: Sample[], bound: Bound, o: { now: number; freshMs: number; breakAfterMs: number }): StretchesPast {
  const stepMs = medianGap(points);
  const breakMs = Math.max(o.breakAfterMs, 3 * stepMs);
  const stretches: Stretch[] = [];
  let open: Stretch | undefined;
  let past = 0;
  let highest: Sample | undefined;
  let lowest: Sample | undefined;
  for (const [i, p] of points.entries()) {
    const prev = points[i - 1];
    if (!highest || p.value > highest.value) highest = p;
    if (!lowest || p.value < lowest.value) lowest = p;
    if (open && prev && p.ts - prev.ts > breakMs) {
      open.endTs = prev.ts + stepMs;
      open.gap = { from: prev.ts, until: p.ts };
      open = undefined;
    }
    if (!isPast(p.value, bound)) {
      if (open) open.endTs = p.ts;
      open = undefined;
      continue;
    }
    past++;
    if (!open) stretches.push((open = { startTs: p.ts, endTs: p.ts + stepMs, ongoing: false, peak: p, samples: 0 }));
    open.samples++;
    if (bound.above ? p.value > open.peak.value : p.value < open.peak.value) open.peak = p;
  }
  const last = points[points.length - 1];
  if (open && last) {
    open.ongoing = o.now - last.ts <= o.freshMs;
    open.endTs = open.ongoing ? Math.max(o.now, last.ts) : last.ts + stepMs;
  }
  return { stretches, past, samples: points.length, stepMs, ...(last ? { highest, lowest, latest: last } : {}) };
}
