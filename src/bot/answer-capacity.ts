import { horizonOf } from './trend-projection.js';
import { formatValue } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { spanBounds, windowSpan } from './answer-metric-span.js';
import { estimateTrend, timeToReach } from './estimate-trend.js';
import { stamp, table, unknownTargetReply } from './format-reply.js';
import { nearestRank } from './tally.js';
import { formatDuration } from './text-tools.js';

import type { CapacityIntent } from './parse-capacity.js';

const DAY = 86_400_000;
/** A host whose 95th percentile CPU and memory are both under these has room to spare. */
export const IDLE = { cpu: 20, memory: 40 };
/** A host whose 95th percentile CPU or memory is at or over these is short of room. */
export const BUSY = { cpu: 80, memory: 85 };
/** How far ahead a filling disk is worth saying. */
const FILL_AHEAD_MS = 30 * DAY;
/** Samples read for one answer at most: a large fleet is read in part, and the reply says so. */
const READ_CAP = 2_000_000;

type Verdict = 'busy' | 'filling' | 'idle' | 'room' | 'unknown';
const ORDER: Verdict[] = ['busy', 'filling', 'idle', 'room', 'unknown'];

interface Row {
  target: string;
  cpu?: number;
  memory?: number;
  disk?: number;
  diskPerDay?: number;
  fillsIn?: number;
  verdict: Verdict;
  why: string;
  /** The disk reaches the limit within FILL_AHEAD_MS, whatever the verdict. */
  filling: boolean;
}

/**
 * "What's the capacity outlook?", "which hosts are idle?", "are we over-provisioned?": each host's
 * 95th percentile CPU and memory over the window (a spike is not a need), and where its disk is
 * heading. Busy, filling, idle or with room, by fixed lines said in the reply. Readings, not a
 * sizing: instance types and costs are not collected.
 */
export function answerCapacity(i: CapacityIntent, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const b = spanBounds(windowSpan(i.span, 7 * DAY), c);
  if (b.ahead) return b.ahead;
  const scope = i.target ? [i.target] : i.group;
  const names = c.targets.map((t) => t.name).filter((n) => !scope || scope.includes(n));
  const { rows, first, diskLimit } = capacityOf(names, b.from, b.until, c);
  const readAll = rows.length === names.length;
  if (!rows.length || rows.every((r) => r.verdict === 'unknown'))
    return `No CPU, memory or disk samples ${b.label}${i.target ? ` for ${i.target}` : ''}, so I cannot say how much room there is.`;
  const pct = (v: number | undefined) => (v === undefined ? '-' : formatValue('cpu', v));
  const kept =
    Number.isFinite(first) && first > b.from + 2 * c.staleAfterMs ? ` (samples from ${stamp(first)}: older ones are not kept)` : '';
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).map((r) => r.target);
  const busy = count('busy');
  const filling = rows.filter((r) => r.filling).map((r) => r.target);
  const idle = count('idle');
  // "If traffic doubles": CPU p95 scaled by the load asked; memory and disk are held, since they need not follow load.
  const f = i.load;
  const scaled = (r: Row) => (f && r.cpu !== undefined ? r.cpu * f : undefined);
  const times = f ? `${Number(f.toFixed(2))}×` : '';
  if (i.room) rows.splice(0, rows.length, ...byRoom(rows, i.room));
  return [
    // The load asked about leads: it is the question.
    ...(f ? loadLines(rows, scaled, times) : []),
    ...(i.room ? [roomLine(rows, i.room)] : []),
    // "How much headroom do we have?": the verdict over the fleet first, the table after.
    ...(!f && !i.room && rows.length > 1 ? [fleetRoomLine(rows)] : []),
    `Capacity ${b.label}${kept}, by each host's 95th percentile, so a short spike is not counted as need:`,
    table(
      ['target', 'CPU p95', ...(f ? [`CPU p95 at ${times}`] : []), 'memory p95', 'disk now', 'disk per day', 'verdict'],
      rows.map((r) => [
        r.target,
        pct(r.cpu),
        ...(f ? [scaled(r) === undefined ? '-' : scaled(r)! > 100 ? 'over 100%' : pct(scaled(r))] : []),
        pct(r.memory),
        pct(r.disk),
        r.diskPerDay === undefined ? '-' : `${r.diskPerDay >= 0 ? '+' : ''}${r.diskPerDay.toFixed(2)} pts`,
        r.why,
      ]),
    ),
    `Short of room (CPU p95 ≥ ${BUSY.cpu}% or memory p95 ≥ ${BUSY.memory}%): ${busy.length ? busy.join(', ') : 'none'}.`,
    `Disk reaching ${diskLimit}% within ${formatDuration(FILL_AHEAD_MS)} at its trend: ${filling.length ? filling.join(', ') : 'none'}.`,
    `Idle (CPU p95 < ${IDLE.cpu}% and memory p95 < ${IDLE.memory}%), candidates to downsize or consolidate: ${idle.length ? idle.join(', ') : 'none'}.`,
    ...(readAll
      ? []
      : [
          `Read in part: ${rows.length} of ${names.length} targets (at most ${READ_CAP.toLocaleString('en-US')} samples); name a role or a target.`,
        ]),
    'Readings, not a sizing: instance types, sizes and costs are not collected, so this says where there is room, not what to buy.',
  ].join('\n');
}

/** "5 of 7 hosts have room; short or filling: local-vm (busy: CPU p95 96.4%; …)." */
function fleetRoomLine(rows: readonly Row[]): string {
  const ok = rows.filter((r) => (r.verdict === 'room' || r.verdict === 'idle') && !r.filling);
  const tight = rows.filter((r) => r.verdict === 'busy' || r.filling);
  const unread = rows.length - ok.length - tight.length;
  return `${ok.length} of ${rows.length} hosts have room${tight.length ? `; short or filling: ${tight.map((r) => `${r.target} (${r.why})`).join('; ')}` : ''}${unread ? `; ${unread} without enough samples to say` : ''}.`;
}

type Room = NonNullable<CapacityIntent['room']>;
/** The figure a headroom ranking reads: the one named, or the tighter of CPU and memory (disk has its own trend). */
const used = (r: Row, room: Room): number | undefined =>
  room.metric === 'disk'
    ? r.disk
    : room.metric
      ? r[room.metric]
      : r.cpu === undefined && r.memory === undefined
        ? undefined
        : Math.max(r.cpu ?? 0, r.memory ?? 0);

/** The rows by room, most first (least used) unless the least is asked; hosts without the figure last. Pure. */
function byRoom(rows: Row[], room: Room): Row[] {
  const key = (r: Row) => used(r, room) ?? (room.most ? Infinity : -Infinity);
  return [...rows].sort((x, z) => (room.most ? key(x) - key(z) : key(z) - key(x)) || x.target.localeCompare(z.target));
}

/** "Most memory headroom": the answer first, the three at that end, with the points left to 100%. */
function roomLine(rows: Row[], room: Room): string {
  const what =
    room.metric === 'disk'
      ? 'disk (used now)'
      : room.metric
        ? `${room.metric === 'cpu' ? 'CPU' : 'memory'} (p95)`
        : 'CPU and memory (the higher p95 of the two)';
  const ends = rows.filter((r) => used(r, room) !== undefined).slice(0, 3);
  if (!ends.length) return `No ${what} samples to rank the hosts by.`;
  const said = ends.map(
    (r) => `${r.target} ${formatValue('cpu', used(r, room)!)} (${formatValue('cpu', Math.max(0, 100 - used(r, room)!))} free)`,
  );
  return `${room.most ? 'Most' : 'Least'} room by ${what}: ${said.join(', ')}.`;
}

/** "If traffic doubles": who would be short of room, and who would run out of CPU, if CPU grew with the load (a straight line). */
function loadLines(rows: Row[], scaled: (r: Row) => number | undefined, times: string): string[] {
  const over = (line: number) => rows.filter((r) => (scaled(r) ?? 0) >= line).map((r) => r.target);
  const [full, short] = [over(100), over(BUSY.cpu).filter((t) => !over(100).includes(t))];
  return [
    `At ${times} today's load, if CPU grows in step with it (a straight-line guess; memory and disk held as they are): out of CPU (p95 at 100% or more): ${full.length ? full.join(', ') : 'none'}; short of room (p95 ≥ ${BUSY.cpu}%): ${short.length ? short.join(', ') : 'none'}.`,
  ];
}

/** Each host's verdict over the window, read from the store (at most READ_CAP samples), busy first. */
export function capacityOf(
  names: readonly string[],
  from: number,
  until: number,
  c: Pick<AnswerContext, 'store' | 'thresholds'>,
): { rows: Row[]; first: number; diskLimit: number } {
  const diskLimit = (c.thresholds ?? []).find((r) => r.metric === 'disk' && !r.target && r.above !== undefined)?.above ?? 90;
  let budget = READ_CAP;
  let first = Infinity;
  const rows: Row[] = [];
  for (const target of names) {
    if (budget <= 0) break;
    const read = (metric: string) => {
      const s = c.store.series(target, metric, from, until);
      budget -= s.length;
      if (s.length) first = Math.min(first, s[0]!.ts);
      return s;
    };
    const p95 = (metric: string) => {
      const values = read(metric)
        .map((s) => s.value)
        .sort((x, z) => x - z);
      return values.length ? nearestRank(values, 0.95) : undefined;
    };
    const cpu = p95('cpu');
    const memory = p95('memory');
    const disk = read('disk');
    const trend = estimateTrend(disk.map((s) => ({ ts: s.ts, value: s.value })));
    // No further than the trend answer projects (4× the samples it stands on): a week's fill from 7 h is a guess.
    const reach = trend?.clear ? timeToReach(trend, diskLimit) : undefined;
    const fillsIn = trend && reach !== undefined && reach <= horizonOf(trend) ? reach : undefined;
    rows.push(
      judge({ target, cpu, memory, disk: disk.at(-1)?.value, diskPerDay: trend ? trend.perHour * 24 : undefined, fillsIn }, diskLimit),
    );
  }
  rows.sort((x, z) => ORDER.indexOf(x.verdict) - ORDER.indexOf(z.verdict) || x.target.localeCompare(z.target));
  return { rows, first, diskLimit };
}

/** A weekly digest's line: who is short of room, filling or idle ("capacity outlook" has the table). */
export function capacityLine(
  from: number,
  until: number,
  c: Pick<AnswerContext, 'store' | 'thresholds' | 'targets'>,
  target?: string,
): string[] {
  const names = target ? [target] : c.targets.map((t) => t.name);
  const { rows } = capacityOf(names, from, until, c);
  if (rows.every((r) => r.verdict === 'unknown')) return [];
  const part = rows.length < names.length ? ` Read for ${rows.length} of ${names.length} targets.` : '';
  const of = (f: (r: Row) => boolean) =>
    rows
      .filter(f)
      .map((r) => r.target)
      .join(', ') || 'none';
  return [
    `Capacity (95th percentiles): short of room: ${of((r) => r.verdict === 'busy')}; disk filling within 30 d: ${of((r) => r.filling)}; idle: ${of((r) => r.verdict === 'idle')} ("capacity outlook" has the table).${part}`,
  ];
}

/** The verdict for one host: short of room first, then a filling disk, then idle; `why` gives every reason that holds. Pure. */
export function judge(r: Omit<Row, 'verdict' | 'why' | 'filling'>, diskLimit: number): Row {
  const { cpu, memory, fillsIn } = r;
  if (cpu === undefined && memory === undefined && r.disk === undefined)
    return { ...r, verdict: 'unknown', why: 'no samples', filling: false };
  const hot = [
    ...(cpu !== undefined && cpu >= BUSY.cpu ? [`CPU p95 ${formatValue('cpu', cpu)}`] : []),
    ...(memory !== undefined && memory >= BUSY.memory ? [`memory p95 ${formatValue('memory', memory)}`] : []),
  ];
  const filling = fillsIn !== undefined && fillsIn <= FILL_AHEAD_MS;
  const fill = filling ? [`disk at ${diskLimit}% in about ${formatDuration(fillsIn)}`] : [];
  if (hot.length) return { ...r, verdict: 'busy', why: [`busy: ${hot.join(', ')}`, ...fill].join('; '), filling };
  if (filling) return { ...r, verdict: 'filling', why: fill[0]!, filling };
  if (cpu !== undefined && memory !== undefined && cpu < IDLE.cpu && memory < IDLE.memory)
    return { ...r, verdict: 'idle', why: 'idle', filling };
  return { ...r, verdict: 'room', why: 'room', filling };
}
