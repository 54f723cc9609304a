import type { AnswerContext } from './answer-intent.js';
import { groupEpisodes } from './episodes.js';
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
  const episodes = groupEpisodes(list, c.now).length;
  const head = `Anomalies on ${target} then: ${list.length}${episodes < list.length ? ` in ${episodes} episode${episodes === 1 ? '' : 's'}` : ''}${
    list.length > SHOWN ? `; the last ${SHOWN}` : ''
  }:`;
  return [head, ...list.slice(0, SHOWN).map((a) => `• ${describeAnomaly(a, c.now)}`)];
}
