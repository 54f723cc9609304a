import type { Anomaly } from '../core/anomaly.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { RecordEntry } from '../core/ports.js';
import type { AnswerContext } from './answer-context.js';
import { spanBounds } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { formatDuration } from './text-tools.js';

/** "Who was on call when db-1 disk alerted?", "who had the pager last night?", "who was on call at 03:00?". */
export interface OnCallPast {
  span?: TimeSpan;
  /** An anomaly named, or the latest on the target (and metric), or the latest at all ("when it alerted"). */
  id?: string;
  target?: string;
  metric?: MetricKey;
  alert?: boolean;
  rotation?: string;
}

export interface Held {
  name: string;
  from: number;
  until: number;
  how: string;
}

const DAY = 86_400_000;
// Covers are set at most a few days ahead; a month back reaches any that could still be running.
const LOOKBACK = 30 * DAY;
const MAX_SEGMENTS = 20;

/**
 * Who held each rotation's pager at a past time or over a past window: the rotation's shift, unless a
 * cover set in chat or an agreed swap gave it to someone else then. Covers and swaps come from the
 * records (the store keeps only the latest cover), so one replaced or ended since still counts for
 * its time. Pure over the store and the rotation.
 */
export function answerOnCallPast(p: OnCallPast, c: AnswerContext): string {
  const onCall = c.onCall;
  if (!onCall) return 'No on-call rotation is set (chat.onCall in the config file), so I cannot say who was on call.';
  const window = windowOf(p, c);
  if ('reply' in window) return window.reply;
  const { from, until, label } = window;
  const names = p.rotation && onCall.names.includes(p.rotation) ? [p.rotation] : onCall.names;
  const lines = [`On call ${label}:`];
  for (const rotation of names) {
    const held = heldOver(rotation, from, until, c, MAX_SEGMENTS);
    const of = names.length > 1 || p.rotation ? `${rotation}: ` : '';
    for (const h of held) lines.push(`• ${of}${h.name}, ${stamp(h.from)} to ${stamp(h.until)} (${h.how})`);
  }
  lines.push(
    'From the rotation, and the covers and swaps recorded in chat. Who an alert actually pinged is in its timeline ("timeline an_…").',
  );
  return lines.join('\n');
}

/**
 * Who held a rotation's pager from `from` to `until`, in order, `cap` stretches at most: each cover,
 * swap half or rotation shift as it was then. Pure over the store's records and the rotation.
 */
export function heldOver(rotation: string, from: number, until: number, c: Pick<AnswerContext, 'store' | 'onCall'>, cap: number): Held[] {
  const records = c.store.recordsBetween(
    from - LOOKBACK,
    until + 1,
    ['oncall_cover', 'oncall_cover_ended', 'oncall_swap', 'oncall_swap_cancelled'],
    10_000,
  );
  const held: Held[] = [];
  for (let t = from; held.length < cap;) {
    const h = heldAt(rotation, t, records, (ts) => c.onCall!.at(ts, rotation).rotation);
    held.push(h);
    if (from === until || h.until >= until || h.until <= t) break;
    t = h.until;
  }
  return held;
}

function windowOf(p: OnCallPast, c: AnswerContext): { from: number; until: number; label: string } | { reply: string } {
  if (p.id || p.target || p.alert) {
    const a = anomalyOf(p, c);
    if (!a)
      return {
        reply: p.id
          ? `No anomaly ${p.id} is kept, so there is no time to place.`
          : `No anomaly${p.target ? ` on ${p.target}${p.metric ? ` ${METRIC_LABEL[p.metric] ?? p.metric}` : ''}` : ''} is kept, so there is no time to place. Ask with a time ("who was on call at 03:00?").`,
      };
    const end = a.endTs ?? c.now;
    return {
      from: a.startTs,
      until: end,
      label: `while ${a.id} (${a.target} ${METRIC_LABEL[a.metric] ?? a.metric}, ${a.severity}) was open: ${stamp(a.startTs)} to ${a.endTs ? stamp(a.endTs) : 'now'} (${formatDuration(end - a.startTs)})`,
    };
  }
  if (!p.span) return { from: c.now, until: c.now, label: `now (${stamp(c.now)})` };
  const b = spanBounds(p.span, c);
  if (b.ahead) return { reply: b.ahead };
  return b.at !== undefined
    ? { from: b.at, until: b.at, label: b.label }
    : { from: b.from, until: Math.min(b.until, c.now), label: b.label };
}

function anomalyOf(p: OnCallPast, c: AnswerContext): Anomaly | undefined {
  if (p.id) return c.store.getAnomaly(p.id) ?? undefined;
  return c.store
    .recentAnomalies(500)
    .filter((a) => (!p.target || a.target === p.target) && (!p.metric || a.metric === p.metric) && a.startTs <= c.now)
    .sort((x, y) => y.startTs - x.startTs)[0];
}

/** The holder at `ts`: a cover recorded then (not ended or replaced), else a swap half, else the rotation's shift. */
function heldAt(
  rotation: string,
  ts: number,
  records: RecordEntry[],
  shift: (ts: number) => { member: { name: string }; from: number; until: number },
): Held {
  const mine = records.filter((r) => r.data.rotation === rotation);
  const s = shift(ts);
  // The next cover or end recorded after ts starts a new holder.
  const nextChange = mine.find((r) => (r.kind === 'oncall_cover' || r.kind === 'oncall_cover_ended') && r.ts > ts)?.ts ?? Infinity;
  const cover = mine.filter((r) => r.kind === 'oncall_cover' && r.ts <= ts).at(-1);
  const ended = cover && mine.some((r) => r.kind === 'oncall_cover_ended' && r.ts > cover.ts && r.ts <= ts);
  const coverUntil = Number(cover?.data.until);
  if (cover && !ended && ts < coverUntil)
    return {
      name: String(cover.data.member),
      from: cover.ts,
      until: Math.min(coverUntil, nextChange),
      how: `a cover set in chat by ${String(cover.data.actor)}${cover.data.instead ? `, for ${String(cover.data.instead)}` : ''}`,
    };
  const cancelled = new Set(mine.filter((r) => r.kind === 'oncall_swap_cancelled').map((r) => String(r.data.id)));
  for (const r of mine.filter((x) => x.kind === 'oncall_swap' && !cancelled.has(String(x.data.id)))) {
    const a = r.data.aShift as { from?: number; until?: number } | undefined;
    const b = r.data.bShift as { from?: number; until?: number } | undefined;
    const within = (x: typeof a) => x && Number(x.from) <= ts && ts < Number(x.until);
    const half = within(b)
      ? { name: String(r.data.a), x: b!, instead: String(r.data.b) }
      : within(a)
        ? { name: String(r.data.b), x: a!, instead: String(r.data.a) }
        : undefined;
    if (half)
      return {
        name: half.name,
        from: Number(half.x.from),
        until: Math.min(Number(half.x.until), nextChange),
        how: `${half.instead}'s shift, by swap ${String(r.data.id)}`,
      };
  }
  return { name: s.member.name, from: s.from, until: Math.min(s.until, nextChange), how: 'their rotation shift' };
}
