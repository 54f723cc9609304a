/**
 * A robust straight-line trend through stored samples, for "is disk filling up on db-1?" and "when
 * will memory run out?". Pure: points in, trend out.
 *
 * The slope is Theil–Sen's (the median of the slopes between pairs of points), taken over block
 * medians so that a window of any length costs the same and one spike cannot tilt the line. Whether
 * the trend is clear is judged against the scatter around the line: the fitted change over the
 * window must exceed the typical distance of a sample from the line (1.4826 × its median absolute
 * residual, a standard deviation for normal noise). A daily cycle seen over part of a day does show as a trend
 * here; the answer names the window so that a reader can tell.
 */
export interface TrendPoint {
  ts: number;
  value: number;
}

export interface Trend {
  /** Samples used, and the times of the first and last. */
  n: number;
  from: number;
  until: number;
  /** Units per hour. */
  perHour: number;
  /** The line's value at `from` and at `until`. */
  start: number;
  level: number;
  /** 1.4826 × median absolute residual: how far a sample typically sits from the line. */
  scatter: number;
  /** The fitted change over the window is larger than the scatter. */
  clear: boolean;
}

/** Below these a line says little: 5 samples spanning 10 minutes. */
export const MIN_TREND_SAMPLES = 5;
export const MIN_TREND_MS = 10 * 60_000;
// 100 blocks: about 5,000 slope pairs, so a fleet table costs milliseconds, not seconds.
const BLOCKS = 100;
const HOUR = 3_600_000;

function median(xs: Float64Array | number[]): number {
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Block medians in time order: at most BLOCKS points, each the median time and value of its block. */
function blocks(points: TrendPoint[]): TrendPoint[] {
  if (points.length <= BLOCKS) return points;
  const out: TrendPoint[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const lo = Math.floor((b * points.length) / BLOCKS);
    const hi = Math.floor(((b + 1) * points.length) / BLOCKS);
    const part = points.slice(lo, hi);
    out.push({ ts: median(part.map((p) => p.ts)), value: median(part.map((p) => p.value)) });
  }
  return out;
}

/**
 * The trend of `points` (any order; non-finite values are ignored), or undefined when there are
 * fewer than MIN_TREND_SAMPLES or they span less than MIN_TREND_MS.
 */
export function estimateTrend(points: TrendPoint[]): Trend | undefined {
  const pts = points.filter((p) => Number.isFinite(p.ts) && Number.isFinite(p.value)).sort((a, z) => a.ts - z.ts);
  if (pts.length < MIN_TREND_SAMPLES) return undefined;
  const from = pts[0]!.ts;
  const until = pts[pts.length - 1]!.ts;
  if (until - from < MIN_TREND_MS) return undefined;

  const b = blocks(pts);
  const slopes: number[] = [];
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++) if (b[j]!.ts > b[i]!.ts) slopes.push((b[j]!.value - b[i]!.value) / (b[j]!.ts - b[i]!.ts));
  const perMs = slopes.length ? median(slopes) : 0;
  // The line passes through the median of (value − slope·t), with t measured from the window's end.
  const level = median(pts.map((p) => p.value - perMs * (p.ts - until)));
  const scatter = 1.4826 * median(pts.map((p) => Math.abs(p.value - (level + perMs * (p.ts - until)))));
  const change = perMs * (until - from);
  return {
    n: pts.length,
    from,
    until,
    perHour: perMs * HOUR,
    start: level - change,
    level,
    scatter,
    // A perfectly straight series has no scatter: any change is then clear, no change is not.
    clear: Math.abs(change) > scatter && Math.abs(change) > 1e-9 * (1 + Math.abs(level)),
  };
}

/**
 * When the line reaches `limit`, in ms from the window's end; undefined when it moves away from
 * it (or is flat), or is already past it.
 */
export function timeToReach(t: Trend, limit: number): number | undefined {
  const gap = limit - t.level;
  if (gap === 0 || t.perHour === 0 || Math.sign(gap) !== Math.sign(t.perHour)) return undefined;
  return (gap / t.perHour) * HOUR;
}

/** Where the latest samples have left a window's line: the stretch at its end that the line does not describe. */
export interface Departure {
  /** The first sample of the stretch, and the last. */
  from: TrendPoint;
  last: TrendPoint;
  /** The stretch's own line, when it is long enough for one. */
  trend?: Trend;
}

/**
 * The samples at the end of the window that sit far off its line (more than six scatters, and more
 * than 1 % of the level, so a flat disk's rounding does not count): a disk that filled in the last
 * ten minutes of six quiet hours. Undefined when the latest sample is on the line. Pure.
 */
export function departure(points: TrendPoint[], t: Trend): Departure | undefined {
  const pts = points.filter((p) => Number.isFinite(p.ts) && Number.isFinite(p.value)).sort((a, z) => a.ts - z.ts);
  const band = Math.max(6 * t.scatter, 0.01 * Math.abs(t.level), 1e-9);
  const off = (p: TrendPoint) => Math.abs(p.value - (t.level + (t.perHour / HOUR) * (p.ts - t.until))) > band;
  let k = pts.length;
  while (k > 0 && off(pts[k - 1]!)) k--;
  if (k === pts.length || k === 0) return undefined;
  const stretch = pts.slice(k);
  const trend = estimateTrend(stretch);
  return { from: stretch[0]!, last: stretch.at(-1)!, ...(trend ? { trend } : {}) };
}
