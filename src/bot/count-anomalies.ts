import type { Anomaly } from '../core/anomaly.js';
import { groupEpisodes } from './episodes.js';
import type { FleetEvent } from './fleet-events.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import { repeatLines } from './anomaly-repeats.js';
import { tally } from './tally.js';
import { formatDuration, perDay } from './text-tools.js';

const UNIT_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

/**
 * "How many alerts this week?": the count, as episodes too, the rate, and the breakdowns by severity,
 * target, metric and detector, with `times` (posted, resolve and ack times) after them. `say.rate`
 * ("how many alerts per day on average?"): the rate in that unit leads. Pure.
 */
export function countAnomalies(
  list: Anomaly[],
  atLeast: string,
  what: string,
  say: { open: boolean; episodes?: boolean; rate?: 'hour' | 'day' | 'week' | undefined },
  events: FleetEvent[],
  times: string[],
  now: number,
  windowMs: number,
  zone: string | undefined,
): string[] {
  const grouped = groupEpisodes(list, now);
  const episodes = grouped.length;
  // "How many incidents?" asks for episodes first; "how many alerts?" for anomalies, with the episodes they make.
  const byEpisode = say.episodes && episodes < list.length;
  const open = byEpisode ? grouped.filter((e) => e.endTs === null).length : list.filter((a) => a.status === 'open').length;
  const units = byEpisode ? grouped.map((e) => e.members.find((a) => a.severity === 'critical') ?? e.members[0]!) : list;
  const lines = [
    `${atLeast}${byEpisode ? `${episodes} episode${episodes === 1 ? '' : 's'} of ` : ''}${list.length} ${what}${say.open ? `, ${open} open` : ''}.`,
    ...(episodes < list.length && !byEpisode
      ? [`As episodes: ${episodes} (anomalies on the same target and metric at overlapping times, from different detectors, counted once).`]
      : []),
    // A rate only where there is a span to spread them over: two or more, across an hour or more.
    ...(episodes >= 2 && windowMs >= 3_600_000
      ? [
          `About one ${episodes < list.length ? 'episode' : 'anomaly'} every ${formatDuration(windowMs / episodes)}${windowMs >= 86_400_000 ? `, ${perDay(episodes, windowMs)} a day` : ''} (${episodes} in the ${formatDuration(windowMs)} watched).`,
        ]
      : []),
    // Counted as asked: episodes by their most severe member; the detectors always by anomaly.
    `By severity: ${tally(units, (a) => a.severity)}`,
    `By target: ${tally(units, (a) => a.target)}`,
    `By metric: ${tally(units, (a) => METRIC_LABEL[a.metric] ?? a.metric)}`,
    `By detector${byEpisode ? ' (anomalies)' : ''}: ${tally(list, (a) => a.detector)}`,
    ...repeatLines(list, zone),
    ...(events.length
      ? [
          `Fleet-wide (one kind on many targets at once): ${events
            .slice(0, 5)
            .map((e) => `${METRIC_LABEL[e.metric] ?? e.metric} (${e.detector}) on ${e.targets} targets from ${stamp(e.startTs)}`)
            .join('; ')}${events.length > 5 ? `; and ${events.length - 5} more` : ''}`,
        ]
      : []),
    ...times,
    'Ask without "how many" for the list.',
  ];
  return say.rate && episodes >= 1 && windowMs >= 3_600_000 ? [rateLine(episodes, list.length, windowMs, say.rate), ...lines] : lines;
}

/** "On average 89 episodes a day (99 episodes, 153 anomalies, in the 26 h 47 min watched).": the rate asked for, first. */
function rateLine(episodes: number, anomalies: number, windowMs: number, unit: 'hour' | 'day' | 'week'): string {
  const x = (episodes * UNIT_MS[unit]) / windowMs;
  const said = x < 10 ? x.toFixed(1) : String(Math.round(x));
  const counted = episodes < anomalies ? `${episodes} episodes of ${anomalies} anomalies` : `${anomalies} anomalies`;
  const what = episodes < anomalies ? 'episodes' : 'anomalies';
  // Less watched than the unit: the rate is what was seen, scaled up, not a count of whole days.
  const short = windowMs < UNIT_MS[unit] ? `; less than a ${unit} watched, so that is the rate seen, scaled up` : '';
  return `On average ${said} ${what} ${unit === 'hour' ? 'an' : 'a'} ${unit} (${counted} in the ${formatDuration(windowMs)} watched${short}).`;
}
