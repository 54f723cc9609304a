import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-context.js';
import { METRICS_OF } from './answer-metric-span.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import type { Intent } from './intent.js';
import type { AroundIntent } from './parse-around.js';
import type { ClockTime } from './parse-clock.js';
import { formatDuration } from './text-tools.js';
import { groupEpisodes, type Episode } from './episodes.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const DEFAULT_MS = 30 * MINUTE;

/** An instant as a UTC clock time on its date, for a range span (to the minute: down for a start, up for an end). */
function clockAt(ts: number, up: boolean): ClockTime {
  const m = up ? Math.ceil(ts / MINUTE) * MINUTE : Math.floor(ts / MINUTE) * MINUTE;
  const date = m - (m % DAY);
  return { minute: (m - date) / MINUTE, day: { date }, zone: 'UTC' };
}

/** The anomaly a question about the time around one means: by id, else the latest episode on the target and metric said, else the latest. */
export function anomalyAround(i: AroundIntent, c: AnswerContext): { a: Anomaly; episode?: Episode } | string {
  const where = i.alertTarget ?? (i.id ? undefined : i.target);
  const metrics = i.alertMetric ? METRICS_OF[i.alertMetric] : undefined;
  // By id, that anomaly; said in words, the latest episode there, from its first detector's start.
  const named = i.id ? c.store.getAnomaly(i.id) : undefined;
  const episode = i.id
    ? undefined
    : groupEpisodes(
        c.store
          .recentAnomalies(5000)
          .filter(
            (x) => (!where || x.target === where) && (!metrics || metrics.includes(x.metric)) && (!i.silent || x.detector === 'silence'),
          ),
        c.now,
      ).sort((x, z) => z.startTs - x.startTs)[0];
  const a: Anomaly | undefined = named ?? episode?.members[0];
  if (!a) {
    const what =
      `${where ?? ''}${i.alertMetric ? ` ${METRIC_LABEL[metrics![0]!] ?? i.alertMetric}` : ''}${i.silent ? ' silent-host' : ''}`.trim();
    return i.id
      ? `No anomaly ${i.id} is kept ("anomalies" lists them).`
      : `No ${what ? `${what} ` : ''}anomaly is kept to read the figures around.`;
  }
  return { a, ...(episode ? { episode } : {}) };
}

/**
 * "What did memory look like before the db-1 disk alert?": the anomaly named (by id, else the latest
 * on the target and metric said, else the latest), and the window the question places against it:
 * the length asked (30 min by default) before its start or after its end, its whole span, or either
 * side of its start. Returns the figures' question over that window with a line naming the anomaly,
 * or a reply when there is no such anomaly. Pure over the store.
 */
export function resolveAround(i: AroundIntent, c: AnswerContext): { lead: string; metrics: Extract<Intent, { kind: 'metrics' }> } | string {
  const found = anomalyAround(i, c);
  if (typeof found === 'string') return found;
  const { a, episode } = found;
  const start = episode?.startTs ?? a.startTs;
  const endTs = episode ? episode.endTs : a.endTs;
  const ms = i.ms ?? DEFAULT_MS;
  const end = endTs ?? c.now;
  const [from, until] =
    i.part === 'before'
      ? [start - ms, start]
      : i.part === 'after'
        ? endTs === null
          ? [start, c.now]
          : [endTs, Math.min(c.now, endTs + ms)]
        : i.part === 'during'
          ? [start, end]
          : [start - ms / 2, Math.min(c.now, start + ms / 2)];
  const label = METRIC_LABEL[a.metric] ?? a.metric;
  const when = endTs === null ? `since ${stamp(start)}, still open` : `${stamp(start)} for ${formatDuration(endTs - start)}`;
  const others =
    episode && episode.members.length > 1
      ? `, with ${episode.members
          .slice(1)
          .map((m) => m.id)
          .join(', ')}`
      : '';
  const place =
    i.part === 'at'
      ? 'the start of'
      : i.part === 'before'
        ? `the ${formatDuration(ms)} before`
        : i.part === 'after'
          ? endTs === null
            ? 'the time since the start of (still open)'
            : `the ${formatDuration(until - from)} after`
          : i.part === 'during'
            ? 'the span of'
            : `${formatDuration(ms / 2)} either side of the start of`;
  return {
    lead: `${i.part === 'at' ? 'At' : 'Figures over'} ${place} ${a.id} [${a.severity}] ${a.target} ${label} (${when}${others}):`,
    metrics: {
      kind: 'metrics',
      target: i.target ?? a.target,
      ...(i.metric ? { metric: i.metric } : {}),
      // "Before" ends at the minute it began, so no reading of the anomaly itself is in it.
      span:
        i.part === 'at'
          ? { kind: 'at', agoMs: Math.max(0, c.now - start) }
          : { kind: 'range', from: clockAt(from, false), until: clockAt(until, i.part !== 'before') },
    },
  };
}
