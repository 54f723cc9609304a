/** V8's old generation may grow to this many percent above what the last full collection kept. */
export const DEFAULT_HEAP_GROWTH_PERCENT = 60;

/**
 * SCO_HEAP_GROWTH_PERCENT: how far the JavaScript heap may grow past its live size before V8
 * collects it again. 0 leaves V8's own choice, which lets a busy heap grow to several times its
 * live size; docs/performance.md has the trade of CPU against RSS this sets.
 */
export function parseHeapGrowth(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_HEAP_GROWTH_PERCENT;
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || n > 400) {
    problems.push(`SCO_HEAP_GROWTH_PERCENT: "${raw}" is not a whole number from 0 to 400; 0 leaves V8's own heap growth`);
    return DEFAULT_HEAP_GROWTH_PERCENT;
  }
  return n;
}
