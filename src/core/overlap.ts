/** How much of [from, until] the stretches cover, counting time two of them share once. Pure. */
export function overlapMs(from: number, until: number, stretches: readonly { from: number; until: number }[]): number {
  let total = 0;
  let reach = from;
  for (const s of [...stretches].sort((x, z) => x.from - z.from)) {
    const lo = Math.max(s.from, reach);
    const hi = Math.min(s.until, until);
    if (hi > lo) total += hi - lo;
    reach = Math.max(reach, hi);
  }
  return total;
}
