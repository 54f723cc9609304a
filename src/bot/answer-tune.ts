import type { Sample } from '../core/sample.js';
import type { ThresholdRule } from '../config/schema.js';
import { formatExact } from '../core/metrics.js';
import { heldLevel, replayThreshold, type ReplayResult } from '../pipeline/detect/replay-threshold.js';
import { ruleFor } from '../pipeline/detect/threshold-detector.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF, spanBounds, windowSpan } from './answer-metric-span.js';
import { METRIC_LABEL, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { nearestRank } from './tally.js';
import { formatDuration, plural } from './text-tools.js';

export type TuneIntent = Extract<Intent, { kind: 'tune' }>;

const DAY = 86_400_000;
/** Samples read for one answer at most: a large fleet is replayed in part, and the reply says so. */
const READ_CAP = 2_000_000;
/** How far the furthest held level is split into candidate bounds. */
const STEPS = 3;

/**
 * "Suggest better thresholds", "is the cpu threshold too low?", "what if memory alerted at 95?":
 * each threshold rule in scope replayed over the stored samples as it is, at a few bounds between
 * it and the furthest level a series held for the rule's sample count, at the bound asked, and
 * for twice the samples. Advice only: nothing here changes the config.
 */
export function answerTune(i: TuneIntent, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const all = c.thresholds ?? [];
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const rules = all.filter((r) => !metrics || metrics.includes(r.metric));
  if (!rules.length)
    return `No threshold rule is set${i.metric ? ` for ${METRIC_LABEL[i.metric] ?? i.metric}` : ''} (thresholds in config), so there is nothing to replay. "What thresholds are set?" lists the rules.`;
  const b = spanBounds(windowSpan(i.span, DAY), c);
  if (b.ahead) return b.ahead;
  const scope = i.target ? [i.target] : i.group;
  const names = c.targets.map((t) => t.name).filter((n) => !scope || scope.includes(n));
  const resolveAfter = c.resolveAfterSamples ?? 3;
  let budget = READ_CAP;
  let cut = false;
  let first = Infinity;
  const blocks: string[][] = [];
  // "How many alerts would a 95% cpu threshold have saved?": the bound asked, against the rule as set, leads.
  const leads: string[] = [];
  for (const rule of rules) {
    const series = new Map<string, Sample[]>();
    for (const n of names.filter((x) => ruleFor(all, x, rule.metric) === rule)) {
      if (budget <= 0) {
        cut = true;
        break;
      }
      const s = c.store.series(n, rule.metric, b.from, b.until);
      if (!s.length) continue;
      series.set(n, s);
      budget -= s.length;
      first = Math.min(first, s[0]!.ts);
    }
    blocks.push(ruleBlock(rule, series, resolveAfter, i.bound, leads));
  }
  const kept =
    Number.isFinite(first) && first > b.from + 2 * c.staleAfterMs ? ` (samples from ${stamp(first)}: older ones are not kept)` : '';
  return [
    ...leads,
    `Threshold rules replayed on the stored samples ${b.label}${kept}, through the live detector and tracker (an episode ends after ${resolveAfter} normal samples):`,
    ...blocks.flat(),
    ...(cut
      ? [`Replayed in part: at most ${READ_CAP.toLocaleString('en-US')} samples are read for one answer; name a target or a metric.`]
      : []),
    'These are episodes, not posts: silences, pending periods and grouping post fewer. Only threshold rules replay: the robust, forecast and Isolation Forest detectors learn from history (docs/detection.md).',
    'Nothing was changed: a new bound goes in config (thresholds), then `smartcloudops config check` and a reload.',
  ].join('\n');
}

function ruleBlock(
  rule: ThresholdRule,
  series: Map<string, Sample[]>,
  resolveAfter: number,
  asked: number | undefined,
  leads: string[],
): string[] {
  const dir = rule.above !== undefined ? 'above' : 'below';
  const bound = rule[dir]!;
  const label = METRIC_LABEL[rule.metric] ?? rule.metric;
  const fmt = (v: number) => formatExact(rule.metric, v);
  const n = rule.forSamples;
  const head = `${label}${rule.target ? ` on ${rule.target}` : ''} ${dir} ${fmt(bound)} for ${n} sample${n === 1 ? '' : 's'} (${rule.severity})`;
  if (!series.size) return [`${head}: no samples of it in that time.`];
  const at = (v: number, forSamples = n) => replayThreshold({ ...rule, [dir]: v, forSamples }, series, resolveAfter);
  const now = at(bound);
  const held = furthest(series, n, dir);
  const lines = [`${head}, ${series.size} target${series.size === 1 ? '' : 's'}: ${episodes(now)}.`];
  if (asked !== undefined && asked !== bound) {
    const then = at(asked).episodes;
    const diff = then - now.episodes;
    const by =
      diff === 0
        ? 'the same'
        : `${Math.abs(diff)} ${diff < 0 ? 'fewer' : 'more'}${now.episodes ? ` (${Math.round((100 * Math.abs(diff)) / now.episodes)}%)` : ''}`;
    leads.push(`${label} ${dir} ${fmt(asked)} instead of ${fmt(bound)}: ${plural(then, 'episode')} against ${now.episodes} as set, ${by}.`);
  }
  if (held === undefined) return lines;
  const beyond = dir === 'above' ? held.value > bound : held.value < bound;
  if (!beyond)
    lines.push(
      `• The furthest any target held for ${n} samples: ${fmt(held.value)} (${held.target}), ${fmt(Math.abs(bound - held.value))} short of the bound.`,
    );
  const candidates = beyond ? stepsTo(bound, held.value, dir) : [];
  const past = candidates.at(-1);
  if (asked !== undefined && asked !== bound && !candidates.includes(asked)) candidates.push(asked);
  candidates.sort((x, z) => (dir === 'above' ? x - z : z - x));
  for (const v of candidates) {
    const r = at(v);
    const note = v === asked ? ' (asked)' : v === past ? ` (the furthest held for ${n} samples: ${fmt(held.value)}, ${held.target})` : '';
    // A bound nearer the peaks can cut one long episode into two where the values dip between the bounds.
    const split = r.episodes > now.episodes ? ' (more: a dip below it splits an episode)' : '';
    lines.push(`• ${dir} ${fmt(v)}: ${episodes(r)}${note}${split}`);
  }
  if (now.episodes && n * 2 <= 1000) {
    const gap = medianGap(series);
    lines.push(
      `• ${dir} ${fmt(bound)} for ${n * 2} samples${gap ? ` (about ${formatDuration(gap * n * 2)})` : ''}: ${episodes(at(bound, n * 2))}`,
    );
  }
  return lines;
}

const episodes = (r: ReplayResult) => {
  const top = [...r.byTarget]
    .sort((x, z) => z[1] - x[1] || x[0].localeCompare(z[0]))
    .slice(0, 3)
    .map(([t, k]) => `${t} ${k}`);
  const more = r.byTarget.size > 3 ? ', …' : '';
  return `${r.episodes} episode${r.episodes === 1 ? '' : 's'}${top.length ? ` (${top.join(', ')}${more})` : ''}${r.open ? `, ${r.open} still open` : ''}`;
};

function furthest(series: Map<string, Sample[]>, n: number, dir: 'above' | 'below'): { value: number; target: string } | undefined {
  let best: { value: number; target: string } | undefined;
  for (const [target, s] of series) {
    const v = heldLevel(s, n, dir);
    if (v !== undefined && (!best || (dir === 'above' ? v > best.value : v < best.value))) best = { value: v, target };
  }
  return best;
}

/** Round bounds between the rule's and the furthest held level, the last one past it (so nothing fires there). */
function stepsTo(bound: number, held: number, dir: 'above' | 'below'): number[] {
  const span = Math.abs(held - bound);
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  const round = (v: number, how: (x: number) => number) => Number((how(v / step) * step).toFixed(10));
  const sign = dir === 'above' ? 1 : -1;
  const out = Array.from({ length: STEPS - 1 }, (_, k) => round(bound + (sign * span * (k + 1)) / STEPS, Math.round));
  out.push(round(held, dir === 'above' ? (x) => Math.ceil(x - 1e-9) : (x) => Math.floor(x + 1e-9)));
  return [...new Set(out)].filter((v) => v !== bound);
}

function medianGap(series: Map<string, Sample[]>): number | undefined {
  const gaps = [...series.values()]
    .slice(0, 5)
    .flatMap((s) => s.slice(1).map((x, k) => x.ts - s[k]!.ts))
    .sort((x, z) => x - z);
  return gaps.length ? nearestRank(gaps, 0.5) : undefined;
}
