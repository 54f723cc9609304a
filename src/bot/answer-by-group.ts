import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { metricsOf } from './answer-metric-span.js';
import { formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { latestBy } from './latest-by-target.js';
import { groupValueOf } from './match-target.js';

const SHARES = ['cpu', 'memory', 'disk'];
const NONE = '(none)';

/**
 * "Average memory per role", "cpu by tier": each group's latest readings side by side — how many
 * report, their mean, and the highest and lowest with who has them; network also gets the group's
 * total, since rates add up. Groups are the targets' role or one label key.
 */
export function answerByGroup(i: { metric?: MetricKey; group?: string[]; groupBy: string; stat?: string }, c: AnswerContext): string {
  const latest = latestBy(c.store);
  const asked = c.targets.filter((t) => !i.group || i.group.includes(t.name));
  const valueOf = (t: (typeof asked)[number]) => groupValueOf(t, i.groupBy) ?? NONE;
  // "Which tier is busiest?": the groups ranked by their average, highest first (lowest for "quietest").
  const ranked = i.stat === 'max' || i.stat === 'min' ? i.stat : undefined;
  const groups = new Map<string, string[]>();
  for (const t of asked) groups.set(valueOf(t), [...(groups.get(valueOf(t)) ?? []), t.name]);
  const order = [...groups.keys()].sort((a, z) => (a === NONE ? 1 : z === NONE ? -1 : a.localeCompare(z)));
  const blocks = (metricsOf(i.metric) ?? SHARES).map((metric) => {
    const label = METRIC_LABEL[metric] ?? metric;
    const rate = metric.startsWith('net_');
    const means = new Map<string, number>();
    const rows = order.flatMap((g) => {
      const got = groups
        .get(g)!
        .map((n) => latest.get(n)?.get(metric))
        .filter((s): s is Sample => s !== undefined);
      if (got.length === 0) return [];
      const sum = got.reduce((a, s) => a + s.value, 0);
      means.set(g, sum / got.length);
      const hi = got.reduce((a, s) => (s.value > a.value ? s : a));
      const lo = got.reduce((a, s) => (s.value < a.value ? s : a));
      const of = (s: Sample) => `${formatValue(metric, s.value)} ${s.target}`;
      return [
        [
          g,
          `${got.length}/${groups.get(g)!.length}`,
          formatValue(metric, sum / got.length),
          ...(rate ? [formatValue(metric, sum)] : []),
          of(hi),
          of(lo),
        ],
      ];
    });
    if (rows.length === 0) return `No ${label} readings from any ${i.groupBy}.`;
    // Targets with no value for the grouping are listed last, never ranked first.
    const rank = (r: string[]) => (r[0] === NONE ? -Infinity : means.get(r[0]!)! * (ranked === 'max' ? 1 : -1));
    if (ranked) rows.sort((a, z) => rank(z) - rank(a));
    const top = ranked && rows.filter((r) => r[0] !== NONE).length > 1 ? rows[0]! : undefined;
    const lead = top
      ? `${ranked === 'max' ? 'Highest' : 'Lowest'} average ${label} by ${i.groupBy}: ${top[0]} ${top[2]} (${top[1]} reporting; ${rows
          .slice(1)
          .filter((r) => r[0] !== NONE)
          .map((r) => `${r[0]} ${r[2]}`)
          .join(', ')}).\n`
      : '';
    const newest = Math.max(...asked.map((t) => latest.get(t.name)?.get(metric)?.ts ?? 0));
    return `${lead}${label[0]!.toUpperCase()}${label.slice(1)} by ${i.groupBy}, the latest reading of each target (newest ${stamp(newest).slice(11)}):\n${table(
      [i.groupBy, 'reporting', 'average', ...(rate ? ['total'] : []), 'highest', 'lowest'],
      rows,
    )}`;
  });
  return blocks.join('\n');
}
