import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-context.js';
import { groupEpisodes } from './episodes.js';
import { seriesLabel } from './format-reply.js';
import { nearestRank } from './tally.js';
import { formatDuration } from './text-tools.js';

/**
 * "MTTR this week": how long the anomalies stayed open, from their start to the detector's
 * all-clear (not a person closing them), and how soon someone acknowledged them in chat. "MTBF":
 * the time from one episode's start to the next one's, when asked.
 */
export function timeLines(
  list: Anomaly[],
  asked: 'resolve' | 'ack' | 'between' | 'open' | undefined,
  c: AnswerContext,
  /** "Acknowledged within 5 minutes?": how many were taken on that soon. */
  withinMs?: number,
  /** The time the count covers, for the share of it spent in alert; 0 or absent: none said. */
  windowMs?: number,
): string[] {
  const lines: string[] = [];
  const ended = list.filter((a) => a.endTs !== null);
  const took = ended.map((a) => a.endTs! - a.startTs).sort((a, z) => a - z);
  if (took.length) {
    const mean = took.reduce((s, d) => s + d, 0) / took.length;
    const longest = ended.reduce((m, a) => (a.endTs! - a.startTs > m.endTs! - m.startTs ? a : m));
    lines.push(
      `Time to resolve (start to the detector's all-clear, ${took.length} resolved): median ${formatDuration(nearestRank(took, 0.5))}, mean ${formatDuration(mean)}, 90th percentile ${formatDuration(nearestRank(took, 0.9))}, longest ${formatDuration(took.at(-1)!)} (${longest.id}, ${seriesLabel(longest.target, longest.metric)}).`,
    );
  } else if (asked === 'resolve') lines.push('Time to resolve: none of them has resolved yet.');
  const open = list.filter((a) => a.endTs === null);
  if (open.length && (took.length || asked)) {
    const oldest = open.reduce((m, a) => (a.startTs < m.startTs ? a : m));
    lines.push(`Still open: ${open.length}, the oldest for ${formatDuration(c.now - oldest.startTs)} (${oldest.id}).`);
  }
  const taken = list.flatMap((a) => {
    const ack = c.store.chat.ackOfAnomaly(a.id);
    return ack ? [{ a, after: Math.max(0, ack.ts - a.startTs), by: ack.by }] : [];
  });
  // Only an alert posted to chat could be acknowledged there: the share is of those, where asked.
  const posted = asked === 'ack' ? list.filter((a) => c.store.chat.alertKeyFor(a.id) !== undefined).length : list.length;
  const of =
    posted === list.length
      ? `${list.length}`
      : `${list.length} (${posted ? `${posted} of them` : list.length === 1 ? 'it was not' : 'none of them was'} posted to chat)`;
  taken.sort((x, z) => x.after - z.after);
  const acked = taken.map((t) => t.after);
  const slowest = taken.at(-1);
  if (slowest) {
    const soon = withinMs === undefined ? [] : [`${acked.filter((d) => d <= withinMs).length} of them within ${formatDuration(withinMs)}`];
    lines.push(
      `Acknowledged in chat: ${acked.length} of ${of}, a median ${formatDuration(nearestRank(acked, 0.5))} after the start (mean ${formatDuration(acked.reduce((s, d) => s + d, 0) / acked.length)}, longest ${formatDuration(slowest.after)}: ${slowest.a.id}, ${seriesLabel(slowest.a.target, slowest.a.metric)})${soon.length ? `; ${soon[0]}` : ''}.`,
    );
    // "Which alerts took longest to ack?": the slowest few, each with who took it on.
    if (asked === 'ack' && taken.length > 1)
      lines.push(
        `Slowest to be acknowledged: ${taken
          .slice(-5)
          .reverse()
          .map((t) => `${t.a.id} ${seriesLabel(t.a.target, t.a.metric)} after ${formatDuration(t.after)} (${t.by})`)
          .join('; ')}.`,
      );
  } else if (asked === 'ack') lines.push(`Acknowledged in chat: none of the ${of}.`);
  if (asked === 'between') lines.push(betweenLine(list, c.now));
  if (asked === 'open') lines.push(inAlertLine(list, c.now, windowMs));
  return lines;
}

/**
 * "Mean time between failures": the gaps from one episode's start to the next (detectors on one
 * episode count once), so a flapping series shows as short gaps. Needs two episodes.
 */
function betweenLine(list: readonly Anomaly[], now: number): string {
  const starts = groupEpisodes(list, now)
    .map((e) => e.startTs)
    .sort((a, z) => a - z);
  if (starts.length < 2)
    return `Time between episodes: ${starts.length ? 'only one episode' : 'no episode'} in that time, so no gap to measure.`;
  const gaps = starts
    .slice(1)
    .map((s, k) => s - starts[k]!)
    .sort((a, z) => a - z);
  const mean = gaps.reduce((s, d) => s + d, 0) / gaps.length;
  return `Time between episodes (one start to the next, ${gaps.length} gap${gaps.length === 1 ? '' : 's'}): median ${formatDuration(nearestRank(gaps, 0.5))}, mean ${formatDuration(mean)}, longest ${formatDuration(gaps.at(-1)!)}; the last began ${formatDuration(now - starts.at(-1)!)} ago.`;
}

/**
 * "How much time did we spend on alerts today?": the episodes' open time added up, and the time at least one
 * was open (overlaps counted once), as a share of the time the count covers. Open ones run to now.
 */
function inAlertLine(list: readonly Anomaly[], now: number, windowMs?: number): string {
  const eps = groupEpisodes(list, now).map((e) => ({ from: e.startTs, until: e.endTs ?? now }));
  if (!eps.length) return 'Time in alert: no episode in that time.';
  const total = eps.reduce((s, e) => s + (e.until - e.from), 0);
  let union = 0;
  let longest = 0;
  let run: { from: number; until: number } | undefined;
  for (const e of [...eps].sort((a, z) => a.from - z.from)) {
    if (run && e.from <= run.until) run.until = Math.max(run.until, e.until);
    else {
      if (run) [union, longest] = [union + run.until - run.from, Math.max(longest, run.until - run.from)];
      run = { ...e };
    }
  }
  [union, longest] = [union + run!.until - run!.from, Math.max(longest, run!.until - run!.from)];
  const share =
    windowMs && windowMs > 0
      ? ` of the ${formatDuration(windowMs)} counted (${Math.round((100 * Math.min(union, windowMs)) / windowMs)}%)`
      : '';
  return `Time in alert (${eps.length} episode${eps.length === 1 ? '' : 's'}, detectors on one counted once): ${formatDuration(total)} open in all; at least one open for ${formatDuration(union)}${share}, the longest unbroken stretch ${formatDuration(longest)}.`;
}

/** "Which host recovers fastest?": each target's median time from start to the detector's all-clear, ranked. */
export function resolveByTarget(list: readonly Anomaly[], fastFirst: boolean): string {
  const took = new Map<string, number[]>();
  for (const a of list) if (a.endTs !== null) took.set(a.target, [...(took.get(a.target) ?? []), a.endTs - a.startTs]);
  if (!took.size) return 'Time to resolve by target: none of them has resolved yet.';
  const rows = [...took].map(([target, d]) => ({
    target,
    median: nearestRank(
      [...d].sort((a, z) => a - z),
      0.5,
    ),
    n: d.length,
  }));
  rows.sort((a, z) => (fastFirst ? a.median - z.median : z.median - a.median) || a.target.localeCompare(z.target));
  const each = rows.map((r) => `${r.target} ${formatDuration(r.median)} (${r.n} resolved)`);
  return `Time to resolve by target (median, start to the detector's all-clear), ${fastFirst ? 'quickest' : 'slowest'} first: ${each.join(', ')}.`;
}
