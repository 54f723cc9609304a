import type { Anomaly } from '../core/anomaly.js';
import { seriesOf } from './answer-flapping.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import { medianGap } from './tally.js';
import { formatDuration } from './text-tools.js';

const DAY = 86_400_000;
/** How far back "again" looks, at most. */
export const RECURRENCE_SPAN = 7 * DAY;
const SHOWN = 5;

/**
 * "Will web-2 memory alert again?", "is web-1 going to come back?": how often each series asked about
 * has opened before — episodes over the week and the last day, when the last one ended, the median
 * time between starts — most episodes first. A frequency, never a forecast: the reply says so and
 * names no time for the next one. `list`: anomalies since `from`, the later of a week ago and when I began
 * watching (a count over time not watched would claim quiet that nobody saw). Pure.
 */
export function recurrenceLines(
  names: readonly string[],
  list: readonly Anomaly[],
  o: { now: number; from: number; metrics?: readonly string[] },
): string[] {
  const { now, from, metrics } = o;
  const mine = list.filter((a) => names.includes(a.target) && (!metrics || metrics.includes(a.metric)) && a.startTs >= from);
  const over =
    from > now - RECURRENCE_SPAN ? `since ${stamp(from)}, when I began watching` : `over the last ${formatDuration(RECURRENCE_SPAN)}`;
  const what = `${names.length === 1 ? names[0] : 'these targets'}${metrics ? ` ${METRIC_LABEL[metrics[0]!] ?? metrics[0]}` : ''}`;
  if (!mine.length) return [`Before: no anomaly on ${what} ${over}.`];
  const rows = seriesOf(mine, now).sort((x, z) => z.eps.length - x.eps.length || x.series.localeCompare(z.series));
  return [
    `Before, ${over} (how often, not when next):`,
    ...rows.slice(0, SHOWN).map(({ series, eps }) => {
      // Newest first, as the episodes come.
      const last = eps[0]!;
      const day = eps.filter((e) => e.startTs >= now - DAY).length;
      const gap = medianGap(eps);
      const state =
        last.endTs === null
          ? `open now, since ${stamp(last.startTs)}`
          : `the last ended ${formatDuration(now - last.endTs)} ago (${stamp(last.endTs)})`;
      return (
        `• ${series}: ${eps.length} episode${eps.length === 1 ? '' : 's'}, ${day} in the last 24 h; ${state}` +
        (gap !== undefined ? `; a median ${formatDuration(gap)} between starts` : '')
      );
    }),
    ...(rows.length > SHOWN ? [`…and ${rows.length - SHOWN} more series.`] : []),
  ];
}
