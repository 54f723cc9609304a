import { METRIC_LABEL, formatValue } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { changeInAverage, size, type CompareQuestion } from './answer-compare.js';
import { ALL_METRICS, metricsOf, nearest, spanBounds, summarise, type Summary } from './answer-metric-span.js';
import { clock, stamp, table } from './format-reply.js';
import type { SaidSpan } from './parse-two-spans.js';

const FLEET_ROWS = 20;
// A window whose first sample comes this long after it opens is only partly covered.
const LATE = 15 * 60_000;

interface Side {
  /** The instant asked, for a point ("at 09:00", "now"); absent for a window. */
  at?: number;
  from: number;
  until: number;
  /** Column title: the words the time was said in ("this morning", "9am", "now"). */
  title: string;
  /** The head's wording, with dates. */
  said: string;
}

const hhmm = (ts: number) => clock(ts).slice(0, 5);

// "2026-12-06 06:00 UTC": a form the asker's zone rewrites (local-times.ts).
const at = (ts: number) => `${stamp(ts).slice(0, 16)} UTC`;

function sideOf({ span, said }: SaidSpan, c: AnswerContext): Side | { ahead: string } {
  const b = spanBounds(span, c);
  if (b.ahead) return { ahead: b.ahead };
  if (b.at !== undefined) {
    const now = span.kind === 'at' && span.agoMs === 0;
    return { ...b, at: b.at, title: said, said: now ? `now (${at(c.now)})` : `${said} (${at(b.at)})` };
  }
  const until = Math.min(b.until, c.now);
  // A window still open ("this afternoon" at 17:45) is read so far.
  const open = b.until >= c.now - 60_000;
  return { from: b.from, until, title: said, said: `${said} (${at(b.from)} to ${open ? 'now' : `${hhmm(until)} UTC`})` };
}

type Cell = { value: number; peak?: number; first?: number } | undefined;

function read(c: AnswerContext, target: string, metric: string, s: Side): Cell {
  const points = c.store.series(target, metric, s.from, s.until);
  if (s.at !== undefined) {
    const p = nearest(points, s.at);
    return p && { value: p.value };
  }
  const sum: Summary | undefined = summarise(points);
  return sum && { value: sum.avg, peak: sum.max.value, first: sum.first };
}

/**
 * A metric at two times said, each its own window (its average and peak) or instant (the sample
 * nearest it), side by side with the change from the earlier to the later. Only stored samples; a
 * side not yet begun is refused, and a window whose samples start late says so.
 */
export function answerCompareSpans(i: CompareQuestion & { spans: [SaidSpan, SaidSpan] }, c: AnswerContext): string {
  const sides: Side[] = [];
  for (const span of i.spans) {
    const s = sideOf(span, c);
    if ('ahead' in s) return s.ahead;
    sides.push(s);
  }
  const [a, b] = sides as [Side, Side];
  // The change runs forward in time, whichever side was said first.
  const later = (a.at ?? a.from) > (b.at ?? b.from) ? 0 : 1;
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const metrics = metricsOf(i.metric) ?? (i.target ? ALL_METRICS : ['cpu']);
  const label = (m: string) => METRIC_LABEL[m] ?? m;
  const rows: { target: string; metric: string; cells: [Cell, Cell] }[] = [];
  for (const target of names)
    for (const metric of metrics) {
      const cells: [Cell, Cell] = [read(c, target, metric, a), read(c, target, metric, b)];
      if (cells[0] || cells[1]) rows.push({ target, metric, cells });
    }
  const what = i.target ? i.target : metrics.length > 1 ? 'network' : label(metrics[0]!);
  if (!rows.length) return `No ${i.target ? '' : `${what} `}samples for ${names.join(', ')} ${a.said} or ${b.said}.`;
  const windows = sides.filter((s) => s.at === undefined);
  const title = (s: Side) => (s.at === undefined ? `${s.title} avg` : s.title);
  const cols = [i.target ? 'metric' : 'target', title(a), title(b), 'change', ...windows.map((s) => `${s.title} peak`)];
  type Row = (typeof rows)[number];
  const summary = (cell: Cell): Summary | undefined => cell && ({ avg: cell.value } as Summary);
  const change = (r: Row) => changeInAverage(r.metric, summary(r.cells[later]), summary(r.cells[1 - later]));
  const who = (r: Row) => (i.target ? label(r.metric) : metrics.length > 1 ? `${r.target} ${label(r.metric)}` : r.target);
  const line = (r: Row) => [
    who(r),
    ...r.cells.map((x) => (x ? formatValue(r.metric, x.value) : 'no samples')),
    change(r),
    ...sides.flatMap((s, k) =>
      s.at === undefined ? [r.cells[k]?.peak !== undefined ? formatValue(r.metric, r.cells[k]!.peak!) : 'no samples'] : [],
    ),
  ];
  // Busiest at the later time first, so what grew stands out.
  const ordered = i.target ? rows : [...rows].sort((x, z) => (z.cells[later]?.value ?? -Infinity) - (x.cells[later]?.value ?? -Infinity));
  const mixed = windows.length === 1 ? ` (a window is its average, an instant the sample nearest it)` : '';
  // "Is cpu higher now than this morning?": how many rose, and the largest move (comparable across units), before the table.
  const both = rows.filter((r) => r.cells[0] && r.cells[1]);
  const rise = (r: Row) => Math.sign(r.cells[later]!.value - r.cells[1 - later]!.value);
  const moved = (r: Row) => size(r.metric, summary(r.cells[later]), summary(r.cells[1 - later]));
  const top = both.reduce<Row | undefined>((m, r) => (!m || moved(r) > moved(m) ? r : m), undefined);
  const when = (t: string) => (/^(?:\d|noon|midnight)/.test(t) ? `at ${t}` : /^last (?!night)/.test(t) ? `in the ${t}` : t);
  const from = sides[1 - later]!.title;
  const to = sides[later]!.title;
  // One figure on both sides ("memory on web-1 3 hours ago vs now"): the two values, not a count of one.
  const one = both.length === 1 && top ? top : undefined;
  const lines = one
    ? [
        `${one.target} ${label(one.metric)}: ${formatValue(one.metric, one.cells[later]!.value)} ${when(to)} against ${formatValue(one.metric, one.cells[1 - later]!.value)} ${when(from)} (${change(one)}).`,
      ]
    : top
      ? [
          `Higher ${when(to)} than ${when(from)}: ${both.filter((r) => rise(r) > 0).length} of ${both.length}; lower: ${both.filter((r) => rise(r) < 0).length}. Largest change: ${who(top)} ${change(top)}.`,
        ]
      : [];
  lines.push(
    `${i.target ? what : what[0]!.toUpperCase() + what.slice(1)}, ${a.said} vs ${b.said}; change from ${from} to ${to}${mixed}:`,
    table(cols, ordered.slice(0, FLEET_ROWS).map(line)),
  );
  if (ordered.length > FLEET_ROWS) lines.push(`…and ${ordered.length - FLEET_ROWS} more lines; name a target to compare it.`);
  // One side with nothing at all is said first, so a column of "no samples" is not read as a calm one.
  sides.forEach((s, k) => {
    if (rows.every((r) => !r.cells[k]))
      lines.push(`No ${i.target ? '' : `${what} `}samples at all ${s.said}: that is before my first sample, or a gap.`);
  });
  windows.forEach((s) => {
    const k = sides.indexOf(s);
    const late = rows.filter((r) => r.cells[k]?.first !== undefined && r.cells[k]!.first! - s.from > LATE);
    if (late.length)
      lines.push(
        `${s.title}: samples begin only at ${hhmm(Math.min(...late.map((r) => r.cells[k]!.first!)))} UTC for ${[...new Set(late.map((r) => (i.target ? label(r.metric) : r.target)))].slice(0, 3).join(', ')}; compare with care.`,
      );
  });
  return lines.join('\n');
}
