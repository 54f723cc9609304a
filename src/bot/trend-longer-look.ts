import type { AnswerContext } from './answer-intent.js';
import { estimateTrend, type Trend } from './estimate-trend.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';
import { awayFrom, describeProjections, project, towards } from './trend-projection.js';
import { formatRate } from './trend-rate.js';

const WEEK = 7 * 86_400_000;
// A line over barely more than the first says nothing new.
const LONGER = 2;

/**
 * "When will db-1 run out of space?" read over the default 6 h: a slow leak's line there may reach
 * no limit within four times the window, which is no answer. The longest stretch kept (a week at
 * most) is then fitted too, and where that line gets said beside it, carried no further than four
 * times its own length. Undefined where the short line already reaches a limit, heads for none,
 * or no longer stretch is kept.
 */
export function longerLook(target: string, metric: string, short: Trend | undefined, c: AnswerContext, level?: number): string | undefined {
  if (!short?.clear) return undefined;
  const near = project(target, metric, short, c, level);
  if (near.length === 0 || near.some((x) => x.ms !== undefined)) return undefined;
  const t = estimateTrend(c.store.series(target, metric, c.now - WEEK, c.now));
  if (!t || t.until - t.from < LONGER * (short.until - short.from)) return undefined;
  // Read to the week's edge, more may be kept than was read: that is no "all kept".
  const capped = t.from < c.now - WEEK + 3_600_000;
  const over = `${target} ${METRIC_LABEL[metric] ?? metric} over the ${capped ? 'last ' : ''}${formatDuration(t.until - t.from)}${capped ? '' : ' kept'} (since ${stamp(t.from)})`;
  if (!t.clear) return `${over}: no clear trend, so no time to a limit from it either.`;
  const away = level === undefined ? awayFrom(target, metric, t, c) : towards(metric, t, level);
  return `${over}: ${t.perHour > 0 ? 'rising' : 'falling'} ${formatRate(metric, t.perHour, 'hour')}.${describeProjections(project(target, metric, t, c, level), t, away, capped ? 'ask' : 'kept')}`;
}
