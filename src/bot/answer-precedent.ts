import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import { watchingSince } from '../core/watching-since.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { groupEpisodes } from './episodes.js';
import { describeAnomaly, METRIC_LABEL, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { nearestRank } from './tally.js';
import { pastFixLines } from './answer-past-fixes.js';
import { formatDuration, plural } from './text-tools.js';

const READ_CAP = 100_000;
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/** The anomaly asked about: by id, the open (else latest) one on the target and metric named, else the worst open one. */
function subjectOf(i: Extract<Intent, { kind: 'precedent' }>, c: AnswerContext): Anomaly | undefined {
  if (i.id) return c.store.getAnomaly(i.id)?.id === i.id ? c.store.getAnomaly(i.id) : undefined;
  const metrics: readonly string[] | undefined = i.metric ? METRICS_OF[i.metric] : undefined;
  const fits = (a: Anomaly) => (!i.target || a.target === i.target) && (!metrics || metrics.includes(figureMetric(a)));
  const open = c.store
    .openAnomalies()
    .filter(fits)
    .sort((x, z) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[z.severity] || x.startTs - z.startTs);
  if (open[0] || (!i.target && !i.metric)) return open[0];
  return c.store.recentAnomalies(500).find(fits);
}

/**
 * "Has this happened before?", "how long will it take to recover?": the earlier episodes of the same
 * target and metric, when the last one was, and how long they lasted, beside how long this one has
 * been open. History, said as history: not a forecast of this one.
 */
export function answerPrecedent(i: Extract<Intent, { kind: 'precedent' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const a = subjectOf(i, c);
  if (!a)
    return i.id
      ? `No anomaly ${i.id}.`
      : `${i.target || i.metric ? 'No anomaly fits that' : 'Nothing is open'}: name the alert ("has an_… happened before?") or its target and metric ("has web-1 cpu alerted before?").`;
  const metric = figureMetric(a);
  const label = `${a.target} ${METRIC_LABEL[metric] ?? metric}`;
  const since = c.about ? c.now - c.about().anomaliesDays * 86_400_000 : 0;
  const series = c.store.recentAnomalies(READ_CAP, since, c.now).filter((x) => x.target === a.target && figureMetric(x) === metric);
  const episodes = groupEpisodes(series, c.now);
  const mine = episodes.find((e) => e.members.some((m) => m.id === a.id));
  const earlier = episodes.filter((e) => e !== mine && e.startTs < a.startTs);
  // How far back "the first" can be said: since I began watching (and what is kept), else the series' oldest.
  const watched = watchingSince(c.store);
  const kept = watched === undefined ? Math.min(a.startTs, ...series.map((x) => x.startTs)) : Math.max(since, watched);
  const now =
    a.endTs === null
      ? `been open ${formatDuration(c.now - (mine?.startTs ?? a.startTs))} so far`
      : `lasted ${formatDuration(a.endTs - a.startTs)}`;
  const head = `• ${describeAnomaly(a, c.now)}`;
  // "What did we do last time?": an ended episode asked about is itself the last time.
  const fixes = i.fixed ? pastFixLines([...(a.endTs !== null && mine ? [mine] : []), ...earlier].slice(0, 3), c) : [];
  if (!earlier.length && fixes.length)
    return [`No earlier episode on ${label} in what is kept (since ${stamp(kept)}).`, ...fixes, head].join('\n');
  if (!earlier.length)
    return [`This is the first anomaly on ${label} in what is kept (since ${stamp(kept)}); it has ${now}:`, head].join('\n');
  const lengths = earlier.flatMap((e) => (e.endTs === null ? [] : [e.endTs - e.startTs])).sort((x, z) => x - z);
  const last = earlier[0]!;
  const lines = [
    `${label} has had ${plural(earlier.length, 'earlier episode')}, the first at ${stamp(earlier.at(-1)!.startTs)}; the last began ${stamp(last.startTs)}${
      last.endTs !== null
        ? ` and ended ${formatDuration(Math.max(0, (mine?.startTs ?? a.startTs) - last.endTs))} before this one began`
        : ''
    }.`,
  ];
  if (lengths.length) {
    const median = nearestRank(lengths, 0.5);
    const longest = lengths.at(-1)!;
    const open = a.endTs === null ? c.now - (mine?.startTs ?? a.startTs) : undefined;
    const against =
      open === undefined
        ? ''
        : open > longest
          ? ' This one is already longer than any of them.'
          : open > median
            ? ' This one is already past their median.'
            : ` If it runs like them, it ends within about ${formatDuration(median - open)} (their median; their longest is ${formatDuration(longest - open)} from now).`;
    lines.push(`They lasted ${formatDuration(median)} (median), ${formatDuration(longest)} at most; this one has ${now}.${against}`);
  }
  // "How was this fixed before?": what was done the last few times leads, after the count.
  if (i.fixed) lines.splice(1, 0, ...fixes);
  lines.push(head, `That is its history, not a forecast: "explain ${a.id}" gives what was open around it.`);
  return lines.join('\n');
}
