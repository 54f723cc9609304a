import type { AnswerContext } from './answer-intent.js';
import { CAVEAT, correlateWindow, fixed, headline, label, measure, MIN_PAIRS, seriesOf, type Measured } from './answer-correlate.js';
import { table } from './format-reply.js';
import type { Intent, MetricKey } from './intent.js';
import { formatDuration } from './text-tools.js';

type Correlate = Extract<Intent, { kind: 'correlate' }>;

/** A side said without a metric ("is db-1 the cause of api latency?") stands for each of these. */
const EVERY: readonly MetricKey[] = ['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency'];
const SHOWN = 10;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const sideName = (targets: readonly string[], metric: MetricKey | undefined) => `${targets.join(', ')}${metric ? ` ${label(metric)}` : ''}`;

/**
 * "Correlate api latency with db cpu", "does db-1 cpu drive api latency?", "is db-1 the cause of api
 * latency?": each series of one side against each of the other, paired on their sample times over
 * the span (6 h by default), the strongest agreement of changes first. One pair is said as a
 * sentence, as answer-correlate.ts says two series of one target. A side that named no metric is
 * every metric its targets have, so the question "which of db-1's figures moves with api latency?"
 * is answered in the ranking; a correlation says nothing of which drives which, and the reply says so.
 */
export function answerCrossCorrelate(i: Correlate, c: AnswerContext): string {
  const b = correlateWindow(i, c);
  if ('ahead' in b && b.ahead) return b.ahead;
  const [a, z] = i.cross as [{ targets: string[]; metric?: MetricKey }, { targets: string[]; metric?: MetricKey }];
  const read = (target: string, m: MetricKey) => c.store.series(target, seriesOf(m), b.from, b.until);
  const series = (s: typeof a) => s.targets.flatMap((t) => (s.metric ? [s.metric] : EVERY).map((m) => ({ t, m })));
  // "What moves with latency on api-1?": one side every metric of the same targets, so each target's own others.
  const within = !z.metric && a.targets.join() === z.targets.join();
  const rows: { x: string; y: string; r: Measured }[] = [];
  for (const p of series(a))
    for (const q of series(z)) {
      // "Network" reads network in: never a series against itself.
      if (within ? p.t !== q.t || seriesOf(p.m) === seriesOf(q.m) : p.t === q.t) continue;
      rows.push({ x: `${p.t} ${label(p.m)}`, y: `${q.t} ${label(q.m)}`, r: measure(read(p.t, p.m), read(q.t, q.m)) });
    }
  // A pair whose changes agree only shifted (latency a sample after cpu) is as tied as one that agrees at once.
  const tie = (r: Measured) => Math.max(Math.abs(r.change ?? 0), Math.abs(r.lag?.r ?? 0));
  const kept = rows.filter((x) => x.r.n >= MIN_PAIRS).sort((p, q) => tie(q.r) - tie(p.r));
  const what = within
    ? `${a.targets.length === 1 ? `${a.targets[0]} ${label(a.metric!)}` : capitalised(label(a.metric!))} against each other metric of the same target`
    : `${sideName(a.targets, a.metric)} against ${sideName(z.targets, z.metric)}`;
  if (!kept.length) return `No two series of ${what} have ${MIN_PAIRS} paired samples ${b.label}.`;
  if (rows.length === 1)
    return [headline(`${kept[0]!.x} and ${kept[0]!.y}`, b.label, kept[0]!.r, `${kept[0]!.y} after ${kept[0]!.x}`), CAVEAT].join('\n');
  const shift = (r: Measured) => formatDuration(Math.abs(r.lag?.slots ?? 0) * r.stepMs);
  const lag = (r: Measured) => (r.lag ? `${shift(r)} ${r.lag.slots < 0 ? 'before' : 'after'}` : '-');
  const top = kept[0]!;
  const shifted = top.r.lag && Math.abs(top.r.lag.r) > Math.abs(top.r.change ?? 0) ? top.r.lag : undefined;
  const r = shifted?.r ?? top.r.change;
  const when = shifted ? `, ${shifted.slots < 0 ? top.y : top.x} first by ${shift(top.r)}` : '';
  const verdict =
    r !== undefined && Math.abs(r) >= 0.3
      ? `Strongest: ${top.x} and ${top.y} change together${when} (r = ${fixed(r)}, ${r >= 0 ? 'the same way' : 'opposite ways'}).`
      : `No pair's changes agree more than weakly (the strongest, ${top.x} against ${top.y}: r = ${r === undefined ? '-' : fixed(r)}): nothing here ties one side's moves to the other's.`;
  return [
    verdict,
    `${what} ${b.label} (Pearson's r; strongest agreement of changes first${kept.length > SHOWN ? `, the first ${SHOWN} of ${kept.length}` : ''}):`,
    table(
      ['series', 'against', 'pairs', 'levels r', 'changes r', 'best lag'],
      kept
        .slice(0, SHOWN)
        .map((x) => [
          x.x,
          x.y,
          String(x.r.n),
          x.r.level === undefined ? '-' : fixed(x.r.level),
          x.r.change === undefined ? '-' : fixed(x.r.change),
          lag(x.r),
        ]),
    ),
    `"Best lag": the second series after the first (or before) by that much, where their changes agree clearly better shifted. ${CAVEAT}`,
  ].join('\n');
}
