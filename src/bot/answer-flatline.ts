import type { AnswerContext } from './answer-context.js';
import { metricsOf, spanBounds } from './answer-metric-span.js';
import type { FlatlineIntent } from './parse-flatline.js';
import { formatValue, seriesLabel, stamp, table } from './format-reply.js';
import { latestBy } from './latest-by-target.js';
import { formatDuration, plural } from './text-tools.js';

// Unchanged this long (and over this many readings) is worth a look; shorter runs happen to steady series.
const FLAT_MS = 10 * 60_000;
const FLAT_SAMPLES = 5;
const SHOWN = 15;

/**
 * "Did anything flatline?", "is web-1 cpu stuck?", "did anything drop to zero?": the series whose
 * readings have not changed at all for 10 min or more (a stuck exporter sends the same value), and
 * those that read exactly zero in the window (the last 24 h by default) while their median over it
 * is not zero (a service that stopped). Pure over the store.
 */
export function answerFlatline(i: FlatlineIntent, c: AnswerContext): string {
  const b = i.span ? spanBounds(i.span, c) : { from: c.now - 86_400_000, until: c.now, label: 'in the last 24 h' };
  const names = new Set(i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name)));
  const wanted = metricsOf(i.metric);
  const flat: { series: string; metric: string; value: number; since: number; samples: number }[] = [];
  const zero: { series: string; from: number; until: number; samples: number; usual: number; metric: string }[] = [];
  const seen: string[] = [];
  for (const [target, metrics] of latestBy(c.store)) {
    if (!names.has(target)) continue;
    for (const metric of metrics.keys()) {
      if (wanted && !wanted.includes(metric)) continue;
      const points = c.store.series(target, metric, b.from, b.until);
      if (!points.length) continue;
      seen.push(seriesLabel(target, metric));
      // The current run of one value, back from the latest reading.
      const last = points[points.length - 1]!;
      let k = points.length - 1;
      while (k > 0 && points[k - 1]!.value === last.value) k--;
      const run = points.length - k;
      if (run >= FLAT_SAMPLES && last.ts - points[k]!.ts >= FLAT_MS)
        flat.push({ series: seriesLabel(target, metric), metric, value: last.value, since: points[k]!.ts, samples: run });
      const zeros = points.filter((p) => p.value === 0);
      const sorted = points.map((p) => p.value).sort((x, y) => x - y);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      if (zeros.length && median !== 0)
        zero.push({
          series: seriesLabel(target, metric),
          metric,
          from: zeros[0]!.ts,
          until: zeros.at(-1)!.ts,
          samples: zeros.length,
          usual: median,
        });
    }
  }
  const where = i.target ? ` on ${i.target}` : i.group ? ` on ${i.group.join(', ')}` : '';
  const read = seen.length;
  if (!read) return `No readings${where} ${b.label}${i.metric ? ` for ${i.metric}` : ''}.`;
  flat.sort((x, y) => x.since - y.since);
  const flatLines = [
    flat.length
      ? `Unchanged for ${formatDuration(FLAT_MS)} or more (the same reading every sample), longest first, of ${plural(read, 'series', 'series')} read${where}:`
      : read === 1
        ? `Not flat: ${seen[0]!} changed within its last ${formatDuration(FLAT_MS)} (or ${FLAT_SAMPLES} readings).`
        : `Nothing flat${where}: each of ${plural(read, 'series', 'series')} changed within its last ${formatDuration(FLAT_MS)} (or ${FLAT_SAMPLES} readings).`,
    ...(flat.length
      ? [
          table(
            ['series', 'reading', 'since', 'for', 'samples'],
            flat
              .slice(0, SHOWN)
              .map((f) => [f.series, formatValue(f.metric, f.value), stamp(f.since), formatDuration(c.now - f.since), String(f.samples)]),
          ),
          ...(flat.length > SHOWN ? [`…and ${flat.length - SHOWN} more.`] : []),
          'A reading that never moves can be a stuck exporter, or a figure that is truly steady (an idle disk, a host doing nothing): compare it with its peers.',
        ]
      : []),
  ];
  const zeroLines = [
    zero.length
      ? `Read exactly zero ${b.label}, though not usually zero:`
      : `Nothing dropped to zero ${b.label}${where} (a series that is always zero is not counted).`,
    ...zero
      .slice(0, SHOWN)
      .map(
        (z) =>
          `• ${z.series}: ${plural(z.samples, 'reading')} at 0, ${z.from === z.until ? `at ${stamp(z.from)}` : `between ${stamp(z.from)} and ${stamp(z.until)}`} (median ${formatValue(z.metric, z.usual)})`,
      ),
  ];
  return [
    ...(i.zero ? [...zeroLines, ...flatLines] : [...flatLines, ...zeroLines]),
    'A host that stopped sending anything is a silent host: "which hosts are down?".',
  ].join('\n');
}
