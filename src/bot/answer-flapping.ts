import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF, spanBounds, windowSpan } from './answer-metric-span.js';
import { groupEpisodes, type Episode } from './episodes.js';
import { clock, METRIC_LABEL, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { medianGap, nearestRank } from './tally.js';
import { formatDuration } from './text-tools.js';

/** An episode that opens within this long of the one before it ending is a re-open. */
export const REOPEN_MS = 30 * 60_000;
/** A series that re-opened this many times in the window flaps; one that only recurs (hourly, daily) does not. */
export const FLAP_REOPENS = 2;
const SHOWN = 10;
const DAY = 86_400_000;

/** Episodes by start, and how many opened within REOPEN_MS of the previous one's end. */
function reopensOf(eps: Episode[]): number {
  const sorted = [...eps].sort((x, z) => x.startTs - z.startTs);
  return sorted.slice(1).filter((e, k) => sorted[k]!.endTs !== null && e.startTs - sorted[k]!.endTs! <= REOPEN_MS).length;
}

/**
 * "Show flapping alerts", "what keeps firing?": the target-and-metric series that opened as separate
 * episodes again and again (several detectors on one fill count once), most first, with how often,
 * for how long each time, and what makes them quieter. Pure over the store.
 */
export function answerFlapping(i: Extract<Intent, { kind: 'flapping' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const b = spanBounds(windowSpan(i.span, DAY), c);
  if (b.ahead) return b.ahead;
  const targets = i.target ? [i.target] : i.group;
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const list = c.store
    .recentAnomalies(20_000, b.from, b.until + 1)
    .filter((a) => (!targets || targets.includes(a.target)) && (!metrics || metrics.includes(a.feature ?? a.metric)));
  const ranked = seriesOf(list, c.now);
  const flapping = ranked.filter((r) => r.reopens >= FLAP_REOPENS);
  const where = `${i.target ? ` on ${i.target}` : i.group ? ` on ${i.group.join(', ')}` : ''}`;
  const rule = `a target and metric that re-opened ${FLAP_REOPENS} times or more within ${formatDuration(REOPEN_MS)} of ending; detectors on one episode count once`;
  if (flapping.length === 0) {
    const most = [...ranked].sort((x, z) => z.eps.length - x.eps.length)[0];
    const recurs =
      most && most.eps.length >= 3
        ? ` The most repeated, ${most.series}, opened ${most.eps.length} times, one every ${gapOf(most.eps)} (median): it recurs, it does not flap; "suggest better thresholds" replays the threshold rules at other bounds.`
        : '';
    return `Nothing flapped${where} ${b.label} (${rule}).${recurs}`;
  }
  const lines = flapping.slice(0, SHOWN).map(({ series, eps, reopens }) => {
    const took = eps.filter((e) => e.endTs !== null).map((e) => e.endTs! - e.startTs);
    const last = eps.reduce((m, e) => (e.startTs > m.startTs ? e : m));
    const each = took.length
      ? `, each ${formatDuration(
          nearestRank(
            [...took].sort((x, z) => x - z),
            0.5,
          ),
        )} (median)`
      : '';
    const state = last.endTs === null ? 'open now' : `ended ${clock(last.endTs)}`;
    return `• ${series}: re-opened ${reopens} times (${eps.length} episodes, one every ${gapOf(eps)}${each}); the last from ${stamp(last.startTs)}, ${state}`;
  });
  const more = flapping.length > SHOWN ? [`…and ${flapping.length - SHOWN} more.`] : [];
  const top = flapping[0]!.series;
  // "Noisiest alerts" also means the series that opened most, spaced out or not: a daily disk fill never flaps.
  const most = [...ranked]
    .sort((x, z) => z.eps.length - x.eps.length || x.series.localeCompare(z.series))
    .slice(0, 5)
    .map((r) => `${r.series} ${r.eps.length}`);
  return [
    `Flapping${where} ${b.label} (${rule}): ${flapping.length}.`,
    ...lines,
    ...more,
    `Most episodes${where} ${b.label}, flapping or not: ${most.join(', ')}.`,
    `Quieter: a pending period (chat.pendingFor) announces an anomaly only once it has lasted; "snooze ${top} for 4h" mutes it now; "this alert is noise" in an alert's thread counts it against its detector; "suggest better thresholds" replays the threshold rules at other bounds.`,
  ].join('\n');
}

/** Each target-and-metric series of a list as episodes, with its re-opens: most re-opened first. Pure. */
export function seriesOf(list: readonly Anomaly[], now: number): { series: string; eps: Episode[]; reopens: number }[] {
  const bySeries = new Map<string, Episode[]>();
  for (const e of groupEpisodes(list, now)) {
    const key = `${e.target} ${METRIC_LABEL[e.metric] ?? e.metric}`;
    (bySeries.get(key) ?? bySeries.set(key, []).get(key)!).push(e);
  }
  return [...bySeries]
    .map(([series, eps]) => ({ series, eps, reopens: reopensOf(eps) }))
    .sort((x, z) => z.reopens - x.reopens || z.eps.length - x.eps.length || x.series.localeCompare(z.series));
}

/** The median time from one episode's start to the next's. */
const gapOf = (eps: Episode[]): string => {
  const gap = medianGap(eps);
  return gap === undefined ? '-' : formatDuration(gap);
};
