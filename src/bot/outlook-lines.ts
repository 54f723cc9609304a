import type { ThresholdRule } from '../config/schema.js';
import type { Store } from '../core/ports.js';
import { globMatch } from '../pipeline/remediate/plan-remediation.js';
import { estimateTrend, timeToReach } from './estimate-trend.js';
import { formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

const HOUR = 3_600_000;
/** The line is fitted over the time asked ahead, from an hour to six. */
const MIN_WINDOW = HOUR;
const MAX_WINDOW = 6 * HOUR;
/** A line is carried at most four times its own window ahead, as the trend answer does. */
const REACH = 4;
const SHOWN = 5;

/**
 * "Will web-1 alert in the next hour?", "anything likely to break overnight?": each threshold rule's
 * figure on the targets asked, as a straight line over the recent past (as long as the time ahead,
 * from one hour to six), carried forward: those whose line clearly heads for the rule's line and
 * reaches it within the time ahead, soonest first. A line knows nothing of spikes or daily cycles,
 * and the reply says so. Pure over the store.
 */
export function outlookLines(
  names: readonly string[],
  rules: readonly ThresholdRule[],
  store: Pick<Store, 'series'>,
  now: number,
  aheadMs: number,
  metrics?: readonly string[],
): string[] {
  const window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, aheadMs));
  const ahead = Math.min(aheadMs, REACH * window);
  const rows = names.flatMap((target) =>
    rules
      .filter((r) => (!metrics || metrics.includes(r.metric)) && (!r.target || globMatch(r.target, target)))
      .flatMap((r) => {
        const t = estimateTrend(store.series(target, r.metric, now - window, now + 1));
        const line = r.above ?? r.below!;
        // Already past the line is the threshold rule's own business ("about to open" above).
        const past = r.above !== undefined ? (t?.level ?? 0) >= line : (t?.level ?? Infinity) <= line;
        const ms = t && t.clear && !past ? timeToReach(t, line) : undefined;
        // A host read for less than the window (one just added) is carried only four times what it has.
        return ms !== undefined && ms <= Math.min(ahead, REACH * (t!.until - t!.from)) ? [{ target, r, t: t!, ms, line }] : [];
      }),
  );
  const span = `within ${formatDuration(ahead)} (by ${stamp(now + ahead)})`;
  const capped =
    ahead < aheadMs ? ` A line is carried at most ${REACH}× its window, so not the whole ${formatDuration(aheadMs)} asked.` : '';
  const caveat = `On each figure's straight line over the last ${formatDuration(window)}: a line knows nothing of spikes or daily cycles.${capped}`;
  if (!rows.length) return [`No figure's line heads for a threshold ${span}. ${caveat}`];
  rows.sort((a, z) => a.ms - z.ms);
  return [
    `Heading for a threshold ${span}, if its line holds:`,
    ...rows.slice(0, SHOWN).map(({ target, r, t, ms, line }) => {
      const rate = /%$/.test(formatValue(r.metric, 0))
        ? `${Math.abs(t.perHour).toFixed(1)} points/h`
        : `${formatValue(r.metric, Math.abs(t.perHour))}/h`;
      return `• ${target} ${METRIC_LABEL[r.metric] ?? r.metric} ${formatValue(r.metric, t.level)}, ${t.perHour > 0 ? 'rising' : 'falling'} ${rate}: its ${r.severity} line (${r.above !== undefined ? 'above' : 'below'} ${formatValue(r.metric, line)}) in about ${formatDuration(ms)}`;
    }),
    ...(rows.length > SHOWN ? [`…and ${rows.length - SHOWN} more.`] : []),
    caveat,
  ];
}
