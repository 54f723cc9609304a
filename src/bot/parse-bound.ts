// "Over 12 hours" is a window, not a bound of 12.
const BOUND =
  /(\babove|\bover|\bgreater than|\bmore than|\bhigher than|\bexceeding|\bexceeds|\bbelow|\bunder|\bless than|\blower than)\s*(\d+(?:\.\d+)?)\s*(%|ms|kb|k|mb|m|gb|g)?(?![\w-])(?!\s*(?:hours?|hrs?|days?|minutes?|mins?|weeks?|wks?|seconds?|secs?)\b)/;
const SCALE: Record<string, number> = { k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9 };

/** "above 80%", "> 1.5 MB/s", "under 10": a bound in the metric's own unit (bytes per second for network). */
export function parseBound(text: string): { above: boolean; value: number } | undefined {
  const m = BOUND.exec(text);
  if (!m) return undefined;
  const value = Number(m[2]) * (SCALE[m[3] ?? ''] ?? 1);
  if (!Number.isFinite(value)) return undefined;
  return { above: !/^(below|under|less|lower)/.test(m[1]!), value };
}

/** "Which is higher, web-1 or web-2?", "what's the difference between web-1 and web-2 cpu": the pair ranked. */
export function pairRank(text: string): 'max' | 'min' | undefined {
  if (/\b(?:which|who)\b.*\b(?:lower|less|quieter|smaller|emptier|freer)\b/.test(text)) return 'min';
  if (/\b(?:which|who)\b.*\b(?:higher|more|busier|bigger|larger|worse|hotter|fuller)\b|\bdifference\b|\bgap\b/.test(text)) return 'max';
  return undefined;
}
