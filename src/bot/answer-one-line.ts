import type { AnswerContext } from './answer-context.js';
import { pipelineHeadline } from './answer-pipeline.js';
import { dayStart, dayZone } from './day-start.js';
import { groupEpisodes } from './episodes.js';
import { formatDuration, plural } from './text-tools.js';

/** "Give me a one line summary", "tl;dr", "in one sentence": the fleet now and today, in one line. */
export const ONE_LINE =
  /\b(?:one[ -]line(?:r)?|one sentence|single line|a sentence|tl;? ?dr|short version|in a nutshell|quick (?:summary|status|update)|brief (?:summary|status|update))\b(?!\s+(?:of|on|for|about)\s+(?!(?:the\s+)?(?:fleet|everything|things|all|today|it all|us)\b))/;

/**
 * The fleet in one line: targets reporting, what is open (critical first), what waits for approval,
 * today's episodes and when the last ended, monitoring's own trouble, and who is on call. Each part a
 * figure from the store; "anything wrong?" and "summarise today" say more. Pure.
 */
export function answerOneLine(c: AnswerContext, target?: string): string {
  const names = new Set(target ? [target] : c.targets.map((t) => t.name));
  const states = c.store.targetStates().filter((t) => names.has(t.target));
  const up = states.filter((t) => t.state === 'up').length;
  const open = c.store.openAnomalies().filter((a) => names.has(a.target));
  const critical = open.filter((a) => a.severity === 'critical').length;
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100, ...(target ? { target } : {}) }).length;
  const from = dayStart(c.now, c.zone);
  const today = c.store.recentAnomalies(50_000, from).filter((a) => a.startTs >= from && names.has(a.target));
  const episodes = groupEpisodes(today, c.now);
  const ended = today.filter((a) => a.endTs !== null).reduce((m, a) => Math.max(m, a.endTs!), -Infinity);
  const self = c.about?.().self;
  const trouble = self?.ticks ? pipelineHeadline(self.ticks, c.now, c.about!().intervalMs).problems : [];
  const shift = c.onCall?.at(c.now);
  const state = states[0]?.state;
  const parts = [
    target
      ? `${target}: ${state === 'up' ? 'reporting' : state ? `${state}, not reporting` : 'not reported yet'}`
      : `${up} of ${c.targets.length} targets reporting`,
    open.length ? `${plural(open.length, 'anomaly', 'anomalies')} open${critical ? ` (${critical} critical)` : ''}` : 'nothing open',
    pending ? `${pending} waiting for approval` : 'nothing waiting for approval',
    `today (${dayZone(c.zone)}) ${plural(episodes.length, 'episode')}${Number.isFinite(ended) && !open.length ? `, the last ended ${formatDuration(c.now - ended)} ago` : ''}`,
    ...(trouble.length && !target ? [`monitoring: ${trouble[0]}`] : []),
    ...(shift && !target ? [`on call: ${shift.member.name}`] : []),
  ];
  return `${parts.join(' · ')}.`;
}
