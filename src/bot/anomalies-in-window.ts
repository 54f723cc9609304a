import type { AnswerContext } from './answer-intent.js';
import { describeEpisode, groupEpisodes } from './episodes.js';
import { describeAnomaly } from './format-reply.js';

const DAY = 86_400_000;
const SHOWN = 5;

/**
 * "How was api-2 in the last hour?": after its figures, the anomalies open at any time in the
 * window (one that began the day before and ran into it counts), newest first. Pure over the store.
 */
export function anomaliesInWindow(target: string, from: number, until: number, c: AnswerContext): string[] {
  const list = c.store
    .recentAnomalies(1000, from - DAY, until)
    .filter((a) => a.target === target && (a.endTs ?? c.now) >= from)
    .sort((x, z) => z.startTs - x.startTs);
  if (list.length === 0) return [`No anomalies on ${target} then.`];
  const episodes = groupEpisodes(list, c.now).sort((x, z) => z.startTs - x.startTs);
  // Several detectors on one episode read as one line each episode, every id in it.
  const folded = episodes.length < list.length;
  const lines = folded ? episodes.map((e) => `• ${describeEpisode(e, c.now)}`) : list.map((a) => `• ${describeAnomaly(a, c.now)}`);
  const head = `Anomalies on ${target} then: ${list.length}${folded ? ` in ${episodes.length} episode${episodes.length === 1 ? '' : 's'}` : ''}${
    lines.length > SHOWN ? `; the last ${SHOWN}${folded ? ' episodes' : ''}` : ''
  }:`;
  return [head, ...lines.slice(0, SHOWN)];
}
