/** A line a figure is past: "above 80%", "reaches 100%" (or equal), "drops to 50%" (at or below). */
export interface Bound {
  above: boolean;
  value: number;
  /** "Reaches", "hits", "at least", ">=": the line itself counts as past it. */
  orEqual?: boolean;
  /** "How long was db-1 disk critical?": the line a threshold rule of that severity draws, which the answer reads from config (ruleBound). */
  rule?: 'critical' | 'warning' | 'any';
  /** "Between 40% and 60%": at or below this too (with `value` the range's foot, at or above). */
  upTo?: number;
  /** "Which hosts are above average cpu?": the line is the mean of the targets asked about, read when answered (wordLineOf). */
  mean?: true;
  /** "When was api-1 latency last this high?": the line is the series' latest reading, read when answered (wordLineOf). */
  current?: true;
}

// "Above average", "below the fleet mean": against the others, not a figure.
const VS_MEAN =
  /\b(above|over|higher than|more than|below|under|lower than|less than)\s+(?:the\s+)?(?:fleet(?:'s)?\s+|group\s+)?(?:average|mean|avg)\b/;

// "Was critical", "went into the red", "crossed the threshold", "above the warning threshold": a rule's line, not a figure.
const RULE_LINE =
  /\b(?:was|were|is|are|been|went|gone|go|goes|got|stay(?:ed|s)?|being|into|in)\s+(?:[\w-]+\s+){0,2}?(?:in(?:to)?\s+)?(?:the\s+)?(critical|warning|red)\b(?!\s+(?:alerts?|anomal\w*|incidents?|episodes?|ones?))|\b(?:above|past|over|cross(?:ed|es)?|exceed(?:ed|s)?|breach(?:ed|es)?|hit|reached)\s+(?:the\s+|its\s+|a\s+)?(?:(?:cpu|memory|mem|ram|disk|latency)\s+)?(critical\s+|warning\s+)?(?:threshold|alert line|alert level|line)\b/;

// "Any slow hosts?", "hosts with high latency?", "is cpu high on web-1?": high against the rules' line for the metric.
const HIGH = /\b(?:high|slow|hot)\b/;

/** "High" said of a metric now: past the lowest threshold line set for it (ruleLineOf reads it). Pure. */
export const highAsked = (text: string): Bound | undefined => (HIGH.test(text) ? { above: true, value: 0, rule: 'any' } : undefined);

// "When was latency last this high?", "has db-1 disk ever been this full?", "last time cpu was this low": the latest reading is the line.
const THIS_HIGH = /\b(?:this|that|so|as) (high|bad|busy|full|slow|hot|heavy|loaded|low|quiet|empty|fast)\b/;

/** The latest reading as the line, said as "this high" or "this low"; undefined for anything else. Pure. */
export function thisHighAsked(text: string): Bound | undefined {
  const m = /\blast\b|\bever\b|\bbefore\b|\bprevious(?:ly)?\b/.test(text) ? THIS_HIGH.exec(text) : null;
  if (!m) return undefined;
  return { above: !/^(?:low|quiet|empty|fast)$/.test(m[1]!), value: 0, orEqual: true, current: true };
}

/** A threshold rule's line asked about in words ("how long was db-1 disk critical?"); its value comes from config. Pure. */
export function ruleBound(text: string): Bound | undefined {
  const m = RULE_LINE.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? '').trim();
  return { above: true, value: 0, rule: word === 'critical' || word === 'red' ? 'critical' : word === 'warning' ? 'warning' : 'any' };
}

/**
 * "When did web-1 cpu last exceed 80%?" (last), "how long has it been above 80%?" (since: the stretch
 * going on now), "how long was db-1 above 50%?" (duration): the bound asked of the past.
 */
export type BoundAsk = 'last' | 'since' | 'first' | 'duration' | 'count' | 'list';

const ABOVE = String.raw`above|over|greater than|more than|higher than|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|cross(?:es|ed|ing)?|pass(?:es|ed|ing)?|breach(?:es|ed|ing)?|(?:go(?:es)?|went|gone|going) past`;
const AT_OR_ABOVE = String.raw`at least|reach(?:es|ed|ing)?|hit(?:s|ting)?`;
const BELOW = String.raw`below|under|less than|lower than`;
const AT_OR_BELOW = String.raw`at most|(?:drop(?:s|ped|ping)?|fall(?:s|ing)?|fell|(?:go(?:es)?|went|gone|going) down) to`;
const NOT = /(?:\bnot|\b(?:is|are|was|were|do|does|did|has|have|had)n'?t|\bno)\s+$/;
// "Over 12 hours" is a window, not a bound of 12.
const BOUND = new RegExp(
  String.raw`\b(${ABOVE}|${AT_OR_ABOVE}|${BELOW}|${AT_OR_BELOW})\s*(\d+(?:\.\d+)?)\s*([kmg]bps|[kmg]bit\/s|%|ms|kb|k|mb|m|gb|g)?(?![\w-]|\.\d)(?!\s*(?:hours?|hrs?|days?|minutes?|mins?|weeks?|wks?|seconds?|secs?)\b)`,
);
// "Was db-1's disk full?", "when did it fill up?", "has it ever run out of space?": at 100 %, asked of
// the past; "when will it run out?" and "will it be full by tomorrow?" are forecasts (no bound).
const FULL =
  /\b(?:was|were|got|became|went) (?:completely |totally |100% )?full\b|\bfilled up\b|\b(?:did|has|have|had)\b.*\bfill up\b|\bran out of (?:disk|space|storage|room|memory)\b|\b(?:has|have|had|ever)\b.*\brun out of (?:disk|space|storage|room|memory)\b/;
// "Above 100 mbps" is in bits: a byte rate of an eighth of it.
const SCALE: Record<string, number> = {
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kbps: 125,
  mbps: 125e3,
  gbps: 125e6,
  'kbit/s': 125,
  'mbit/s': 125e3,
  'gbit/s': 125e6,
};
// "Is any host at 100% disk?", "which hosts are running at 90%?", "90% or more": the share reached, or past.
const AT_SHARE =
  /\b(?:any|which|what|hosts?|servers?|targets?|anything|anyone)\b(?:\s+[\w-]+){0,3}?\s+(?:at|sitting at|running at)\s+(\d+(?:\.\d+)?)\s*%|\b(\d+(?:\.\d+)?)\s*%\s+or\s+(?:more|higher|above|over)\b/;

// "Between 40 and 60%", "between 1 mb and 2 mb": a range, which needs a unit on its top so "between 9 and 10" stays a time.
const BETWEEN = /\bbetween\s+(\d+(?:\.\d+)?)\s*(%|ms|kb|k|mb|m|gb|g)?\s+(?:and|to|-)\s+(\d+(?:\.\d+)?)\s*(%|ms|kb|k|mb|m|gb|g)(?![\w-])/;

/** "above 80%", "> 1.5 MB/s", "under 10", "reaches 100%", "between 40 and 60%": a bound in the metric's own unit (bytes per second for network). */
export function parseBound(text: string): Bound | undefined {
  const vsMean = VS_MEAN.exec(text);
  if (vsMean) return { above: !/^(?:below|under|lower|less)/.test(vsMean[1]!), value: 0, mean: true };
  const range = BETWEEN.exec(text);
  if (range) {
    const [lo, hi] = [Number(range[1]) * (SCALE[range[2] ?? range[4]!] ?? 1), Number(range[3]) * (SCALE[range[4]!] ?? 1)].sort(
      (a, z) => a - z,
    );
    return { above: true, value: lo!, orEqual: true, upTo: hi! };
  }
  const m = BOUND.exec(text);
  const share = m ? undefined : AT_SHARE.exec(text);
  if (share) return { above: true, value: Number(share[1] ?? share[2]), orEqual: true };
  if (!m) return FULL.test(text) ? { above: true, value: 100, orEqual: true } : undefined;
  const value = Number(m[2]) * (SCALE[m[3] ?? ''] ?? 1);
  if (!Number.isFinite(value)) return undefined;
  const verb = m[1]!;
  const above = !new RegExp(`^(?:${BELOW}|${AT_OR_BELOW})$`).test(verb);
  const orEqual = new RegExp(`^(?:${AT_OR_ABOVE}|${AT_OR_BELOW})$`).test(verb);
  // "Not above 30%", "aren't over 50%", "no more than 2 MB/s": the other side of the line, the line itself included when it was not.
  if (NOT.test(text.slice(0, m.index))) return { above: !above, value, ...(orEqual ? {} : { orEqual: true }) };
  return { above, value, ...(orEqual ? { orEqual: true } : {}) };
}

/** Whether a reading is past the bound. */
export const isPast = (value: number, b: Bound): boolean =>
  b.upTo !== undefined
    ? value >= b.value && value <= b.upTo
    : b.above
      ? b.orEqual
        ? value >= b.value
        : value > b.value
      : b.orEqual
        ? value <= b.value
        : value < b.value;

/** "above 80%", "at or above 80%", "between 40% and 60%": how a reply names the bound, its figures written by `fmt`. */
export const lineOf = (b: Bound, fmt: (v: number) => string): string =>
  b.upTo !== undefined
    ? `between ${fmt(b.value)} and ${fmt(b.upTo)}`
    : `${b.orEqual ? 'at or ' : ''}${b.above ? 'above' : 'below'} ${fmt(b.value)}`;

/**
 * What a bound asks of the past, or undefined for the latest reading ("is db-1 disk above 70%?").
 * `span`: the question names a time ("today", "ever"), which makes it a question about that time.
 */
export function boundAsked(text: string, span: boolean): BoundAsk | undefined {
  // "How long has web-1 been above 80%?": the stretch that goes on now, if it does.
  // "Since when is db-1 memory high?": the same stretch, asked by its start.
  if (/\bhow long (?:has|have)\b|\bsince when\b/.test(text)) return 'since';
  // "What percent of the time was web-2 cpu over 50%?": the time past it, with its share of the readings.
  if (
    /\b(?:how long|how much time|for how long|how many minutes|how many hours|how much of the time|percent(?:age)? of (?:the )?time|share of (?:the )?time|fraction of (?:the )?time)\b/.test(
      text,
    )
  )
    return 'duration';
  if (/\bhow (?:many times|often)\b|\bnumber of times\b/.test(text)) return 'count';
  if (/\bwhen\b.*\bfirst\b|\bfirst time\b/.test(text)) return 'first';
  if (/\bwhen (?:did|was|were|had|has)\b|\blast time\b|\bwhat time did\b/.test(text)) return 'last';
  if (span || /\b(?:ever|did|was|were|had|has (?:it |\S+ )?(?:been|gone|exceeded|crossed|hit|reached))\b/.test(text)) return 'list';
  return undefined;
}

/** "Which is higher, web-1 or web-2?", "what's the difference between web-1 and web-2 cpu": the pair ranked. */
export function pairRank(text: string): 'max' | 'min' | undefined {
  // "Is web-1 busier than web-2?" ranks the pair as "which is busier?" does.
  const LOWER = 'lower|less|quieter|smaller|emptier|freer|faster|quicker';
  const HIGHER = 'higher|more|busier|bigger|larger|worse|hotter|fuller|slower';
  if (new RegExp(`\\b(?:which|who)\\b.*\\b(?:${LOWER})\\b|^(?:is|are|was|were)\\b.*\\b(?:${LOWER}) than\\b`).test(text)) return 'min';
  if (
    new RegExp(
      `\\b(?:which|who)\\b.*\\b(?:${HIGHER})\\b|\\bdifference\\b|\\bgap\\b|\\bratio\\b|\\bhow much (?:more|less|higher|lower)\\b|^(?:is|are|was|were)\\b.*\\b(?:${HIGHER}) than\\b`,
    ).test(text)
  )
    return 'max';
  return undefined;
}
