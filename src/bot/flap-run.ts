import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { REOPEN_MS } from './answer-flapping.js';
import { groupEpisodes } from './episodes.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

const DAY = 86_400_000;
// Fewer episodes than this in a row is a recurrence, not "on and off".
const RUN = 3;

/**
 * "How long has local-vm cpu been high?" when its anomaly keeps closing and re-opening: the open one
 * began seconds ago, but the run of episodes each within REOPEN_MS of the last goes back hours. That
 * run, and the share of it spent open, said first; nothing when the open episode stands alone.
 */
export function flapRunLine(open: Anomaly, c: AnswerContext): string[] {
  const eps = groupEpisodes(
    c.store.recentAnomalies(2000, open.startTs - DAY).filter((a) => a.target === open.target && a.metric === open.metric),
    c.now,
  ).sort((x, z) => z.startTs - x.startTs);
  let k = 0;
  while (k + 1 < eps.length && eps[k + 1]!.endTs !== null && eps[k]!.startTs - eps[k + 1]!.endTs! <= REOPEN_MS) k++;
  const run = eps.slice(0, k + 1);
  if (run.length < RUN) return [];
  const from = run.at(-1)!.startTs;
  const openMs = run.reduce((s, e) => s + ((e.endTs ?? c.now) - e.startTs), 0);
  const share = Math.round((100 * openMs) / Math.max(1, c.now - from));
  const series = `${open.target} ${METRIC_LABEL[open.metric] ?? open.metric}`;
  return [
    `${series} has been alerting on and off since ${stamp(from)} (${formatDuration(c.now - from)}): ${run.length} episodes, each within ${formatDuration(REOPEN_MS)} of the last, open ${share}% of that time. This one began ${formatDuration(c.now - open.startTs)} ago.`,
  ];
}
