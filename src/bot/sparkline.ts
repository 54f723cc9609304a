/**
 * Text sparklines: eight levels of bar, scaled between the line's own low and high (which every
 * caller prints beside it, so no bar is read as a figure). Each bar is the highest value of its
 * slice: an alert or a chart is usually about a spike, and an average would flatten it. Pure.
 */
const BARS = '▁▂▃▄▅▆▇█';

/** Bars for a list of slice values; a slice with none is a blank. */
function bars(slices: (number | undefined)[]): string {
  const seen = slices.filter((v): v is number => v !== undefined);
  if (seen.length === 0) return '';
  const lo = Math.min(...seen);
  const hi = Math.max(...seen);
  return slices
    .map((v) => (v === undefined ? ' ' : BARS[hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]!))
    .join('')
    .trimEnd();
}

/** At most `width` bars over evenly spaced readings (an alert's recent window). */
export function sparkline(values: number[], width = 24): string {
  const step = Math.max(1, Math.ceil(values.length / width));
  const slices: number[] = [];
  for (let i = 0; i < values.length; i += step) slices.push(Math.max(...values.slice(i, i + step)));
  return bars(slices);
}

/** `buckets` bars over [from, until] by time, so a gap in the readings shows as one. */
export function timeSparkline(points: { ts: number; value: number }[], from: number, until: number, buckets: number): string {
  const width = (until - from) / buckets;
  const top: (number | undefined)[] = Array.from({ length: buckets }, () => undefined);
  for (const p of points) {
    const k = Math.min(buckets - 1, Math.max(0, Math.floor((p.ts - from) / width)));
    top[k] = Math.max(top[k] ?? -Infinity, p.value);
  }
  return bars(top);
}
