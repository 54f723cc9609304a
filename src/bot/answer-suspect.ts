import type { AnswerContext } from './answer-context.js';
import { anomalyAround } from './answer-around.js';
import { fixed, measure } from './answer-correlate.js';
import { metricsOf } from './answer-metric-span.js';
import { formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import type { AroundIntent } from './parse-around.js';
import { formatDuration } from './text-tools.js';

/** The stretch before the anomaly its suspect is measured against. */
const BEFORE_MS = 30 * 60_000;
const MIN_BEFORE = 5;
/** How far the suspect's mean must move, in its own scatter before, to be said to have moved with it. */
const CLEAR = 3;
const SLIGHT = 1.5;

/**
 * "Is it the network?", "could it be memory?" after an anomaly is named: did that figure, on the
 * anomaly's target, move while the anomaly was open? Each of the metric's series: its mean in the
 * 30 min before the anomaly against its mean while it was open, the shift in the scatter it had
 * before, and how far its changes sample to sample agreed with the anomaly's own series then.
 * Moving together is a lead, never a cause; the reply says so. Pure over the store.
 */
export function answerSuspect(i: AroundIntent, c: AnswerContext): string {
  // The host named is the suspect's, not the anomaly's: "was it the db-1 memory?" about an api-1 alert.
  const found = anomalyAround({ ...i, target: undefined }, c);
  if (typeof found === 'string') return found;
  const { a, episode } = found;
  const suspect = i.metric;
  const series = suspect ? (metricsOf(suspect) ?? []) : [];
  const start = episode?.startTs ?? a.startTs;
  const endTs = episode ? episode.endTs : a.endTs;
  const end = endTs ?? c.now;
  const label = METRIC_LABEL[a.metric] ?? a.metric;
  const when = endTs === null ? `since ${stamp(start)}, still open` : `${stamp(start)} for ${formatDuration(endTs - start)}`;
  const lead = `${a.id} [${a.severity}] ${a.target} ${label} (${when})`;
  const where = i.target ?? a.target;
  if (!series.length || (series.includes(a.metric) && where === a.target))
    return `${lead} is itself a ${label} anomaly: "explain ${a.id}" says what its detector saw, and "is it the network?" or "could it be memory?" sets another figure beside it.`;
  const own = c.store.series(a.target, a.metric, start - BEFORE_MS, end + 1);
  const lines = series.map((s) => {
    const name = METRIC_LABEL[s] ?? s;
    const all = c.store.series(where, s, start - BEFORE_MS, end + 1);
    const before = all.filter((x) => x.ts < start).map((x) => x.value);
    const during = all.filter((x) => x.ts >= start).map((x) => x.value);
    if (before.length < MIN_BEFORE || !during.length)
      return `• ${name}: too few readings on ${where} around it (${before.length} before, ${during.length} while open) to say.`;
    const [mb, sb] = meanSd(before);
    const md = mean(during);
    // A flat series before has no scatter to measure against: a hundredth of its level stands in.
    const scale = Math.max(sb, Math.abs(mb) * 0.01, 1e-9);
    const z = (md - mb) / scale;
    const p = mb !== 0 ? Math.round(((md - mb) / Math.abs(mb)) * 100) : undefined;
    const pct = p === undefined ? '' : p === 0 ? ' (within 1%)' : ` (${p > 0 ? '+' : ''}${p}%)`;
    const moved =
      Math.abs(z) >= CLEAR
        ? `moved with it: ${md > mb ? 'up' : 'down'}`
        : Math.abs(z) >= SLIGHT
          ? `moved a little: ${md > mb ? 'up' : 'down'}`
          : 'did not move beyond its usual scatter:';
    const r = measure(own, all).change;
    return `• ${name} ${moved} ${formatValue(s, mb)} on average in the ${formatDuration(BEFORE_MS)} before, ${formatValue(s, md)} while it was open${pct}, ${Math.abs(z).toFixed(1)}× its scatter before${r === undefined ? '' : `; its changes against ${label}'s: r = ${fixed(r)}`}.`;
  });
  return [
    `Did ${METRIC_LABEL[series[0]!]?.replace(/ (?:in|out)$/, '') ?? suspect} on ${where} move with ${lead}?`,
    ...lines,
    'Moving together is a lead, not a cause: both may follow a third thing (traffic, a deploy, a job), and one that did not move can still matter elsewhere. "Explain ' +
      a.id +
      '" has what else opened around it and the changes recorded.',
  ].join('\n');
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function meanSd(xs: readonly number[]): [number, number] {
  const m = mean(xs);
  return [m, Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1))];
}
