import type { Anomaly } from '../core/anomaly.js';
import { watchingSince } from '../core/watching-since.js';
import type { AnswerContext } from './answer-context.js';
import { METRICS_OF, spanBounds, windowSpan } from './answer-metric-span.js';
import { groupEpisodes } from './episodes.js';
import { METRIC_LABEL, seriesLabel, table } from './format-reply.js';
import type { CoAlertsIntent } from './parse-co-alerts.js';
import { formatDuration } from './text-tools.js';

const WEEK = 7 * 86_400_000;
// Two episodes that start this close are "together": a tick or two of detection delay, and a knock-on effect.
const WINDOW_MS = 15 * 60_000;
const SHOWN = 8;

interface Pair {
  a: string;
  b: string;
  /** Episodes of `a` with an episode of `b` starting within the window. */
  together: number;
  na: number;
  nb: number;
  /** What two independent series with these counts would give over the time watched. */
  chance: number;
  /** The median time from `a`'s start to `b`'s, when together: `a` is the one that comes first. */
  lagMs: number;
}

const seriesName = (key: string) => {
  const [target, metric] = key.split('|') as [string, string];
  return seriesLabel(target, metric);
};

/**
 * "Which alerts happen together?": pairs of series (a target and metric) whose episodes started
 * within 15 min of each other, over the span (a week by default), against what chance would give
 * two independent series with those counts over the time watched (n_a × n_b × 2 × 15 min / time).
 * Only pairs seen together twice or more and at least twice as often as chance are listed. Narrowed
 * to the targets and metrics named. Pure over the store.
 */
export function answerCoAlerts(i: CoAlertsIntent, c: AnswerContext): string {
  const b = spanBounds(windowSpan(i.span ?? { kind: 'last', ms: WEEK }, WEEK), c);
  if (b.ahead) return b.ahead;
  const metrics = i.metrics?.flatMap((m) => METRICS_OF[m]);
  const list = c.store
    .recentAnomalies(50_000, b.from)
    .filter((a: Anomaly) => a.startTs >= b.from && a.startTs < b.until && a.detector !== 'iforest' && a.detector !== 'silence');
  const since = Math.max(b.from, watchingSince(c.store) ?? b.from);
  const watched = Math.max(1, Math.min(b.until, c.now) - since);
  const bySeries = new Map<string, number[]>();
  for (const e of groupEpisodes(list, c.now)) {
    const key = `${e.target}|${e.metric}`;
    (bySeries.get(key) ?? bySeries.set(key, []).get(key)!).push(e.startTs);
  }
  const keys = [...bySeries.keys()].sort();
  const wanted = (key: string) => {
    const [target, metric] = key.split('|') as [string, string];
    return (!i.targets || i.targets.includes(target)) && (!metrics || metrics.includes(metric));
  };
  // One target named: pairs that involve it; several: pairs within them.
  const keep = (x: string, y: string) => (i.targets?.length === 1 ? wanted(x) || wanted(y) : wanted(x) && wanted(y));
  const pairs: Pair[] = [];
  for (const [k, x] of keys.entries())
    for (const y of keys.slice(k + 1)) {
      if (!keep(x, y)) continue;
      const [sx, sy] = [bySeries.get(x)!, bySeries.get(y)!];
      // Each episode of x with the nearest episode of y within the window: how many, and which way round.
      const lags = sx.flatMap((t) => {
        const near = sy.filter((u) => Math.abs(u - t) <= WINDOW_MS).sort((u, v) => Math.abs(u - t) - Math.abs(v - t))[0];
        return near === undefined ? [] : [near - t];
      });
      const together = lags.length;
      const chance = (sx.length * sy.length * 2 * WINDOW_MS) / watched;
      if (together < 2 || together < 2 * chance) continue;
      const lag = lags.sort((u, v) => u - v)[Math.floor((lags.length - 1) / 2)]!;
      pairs.push(
        lag >= 0
          ? { a: x, b: y, together, na: sx.length, nb: sy.length, chance, lagMs: lag }
          : { a: y, b: x, together, na: sy.length, nb: sx.length, chance, lagMs: -lag },
      );
    }
  pairs.sort((p, q) => q.together / Math.max(q.chance, 0.01) - p.together / Math.max(p.chance, 0.01) || q.together - p.together);
  const scope = `${i.targets ? ` on ${i.targets.join(', ')}` : ''}${i.metrics ? ` of ${i.metrics.map((m) => METRIC_LABEL[METRICS_OF[m][0]!] ?? m).join(', ')}` : ''}`;
  const span = `${b.label}${since > b.from ? ` (watched ${formatDuration(watched)})` : ''}`;
  if (!pairs.length)
    return `No two series${scope} alerted together ${span} more than chance would give (episodes starting within ${formatDuration(WINDOW_MS)} of each other, twice or more, at least twice the chance rate; ${keys.filter(wanted).length} series${scope} had episodes).`;
  return [
    `Alerts that come together${scope} ${span}: episodes starting within ${formatDuration(WINDOW_MS)} of each other, against what two independent series with those counts would give by chance.`,
    table(
      ['first', 'then', 'together', 'after (median)', 'episodes each', 'by chance'],
      pairs
        .slice(0, SHOWN)
        .map((p) => [
          seriesName(p.a),
          seriesName(p.b),
          String(p.together),
          p.lagMs ? formatDuration(p.lagMs) : 'at once',
          `${p.na} / ${p.nb}`,
          p.chance.toFixed(1),
        ]),
    ),
    ...(pairs.length > SHOWN ? [`${pairs.length - SHOWN} more pairs; name a target or a metric to narrow it.`] : []),
    'Together is not cause: a pair that always comes together may be one problem, and an inhibit rule (chat.inhibit) holds the second alert while the first is open.',
  ].join('\n');
}
