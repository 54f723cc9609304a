import type { ChatReply, ChatUser } from '../core/chat.js';
import { silenceCovers, type Silence } from '../core/chat-store.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import { silenceLabel } from './alert-silence.js';
import { METRICS_OF } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration } from './text-tools.js';

/** The longest a silence may last from now, set from chat. */
export const MAX_SILENCE_MS = 7 * 86_400_000;

/**
 * "Extend the silence on web-1 by 1h", "extend sl_… until 18:00": each active silence asked about
 * and its new end (its own end plus the length, or the time named; at most a week from now). Pure.
 */
export function planExtension(
  active: readonly Silence[],
  ask: {
    id?: string;
    target?: string;
    metrics?: readonly string[];
    /** Asked in an alert's thread: the silences that cover its anomaly, whatever their scope. */
    anomaly?: { target: string; metric: string; severity?: string };
    byMs: number;
    untilTs?: number;
  },
  now: number,
): { error: string } | { items: { old: Silence; untilTs: number }[] } {
  const { anomaly } = ask;
  const picked = active.filter((s) =>
    ask.id
      ? s.id === ask.id
      : anomaly
        ? silenceCovers(s, anomaly.target, anomaly.metric, anomaly.severity)
        : (!ask.target || s.target === ask.target) && (!ask.metrics || ask.metrics.includes(s.metric)),
  );
  if (picked.length === 0) {
    const scope = anomaly ? `this alert (${anomaly.target} ${METRIC_LABEL[anomaly.metric] ?? anomaly.metric})` : undefined;
    const named = `${ask.target ?? 'all targets'}${ask.metrics ? ` ${METRIC_LABEL[ask.metrics[0]!] ?? ask.metrics[0]}` : ''}`;
    return { error: `no active silence ${ask.id ? `has the id ${ask.id}` : `covers ${scope ?? named}`}` };
  }
  // A week at most from when it holds: now, or a scheduled one's start.
  const items = picked.map((old) => ({
    old,
    untilTs: Math.min(Math.max(now, old.startsTs ?? now) + MAX_SILENCE_MS, ask.untilTs ?? old.untilTs + ask.byMs),
  }));
  if (items.every((x) => x.untilTs <= x.old.untilTs)) return { error: 'it already lasts that long' };
  return { items: items.filter((x) => x.untilTs > x.old.untilTs) };
}

export interface ExtendDeps {
  store: Store;
  record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  onSilencesChanged?: ((changed: Silence[], now: number) => void) | undefined;
  actor: (u: ChatUser) => string;
  /** The active silences as chat lists them, for a reply that did not find the one asked about. */
  listing: (now: number) => string;
}

/**
 * Pushes the end of each active silence asked about out, keeping its id so "unsnooze sl_…" and the
 * alert's status still name it; whoever extends it becomes who set it, and the record says from when.
 */
export function extendSilences(
  d: ExtendDeps,
  i: Extract<Intent, { kind: 'silence' }>,
  o: { id: string | undefined; untilTs: number | undefined; user: ChatUser; now: number },
): ChatReply {
  const intent = 'silence';
  const anomaly = i.anomalyId ? d.store.getAnomaly(i.anomalyId) : undefined;
  if (!o.id && !i.target && !i.metric && !i.all && !anomaly)
    return { text: `Extend which silence? Say e.g. "extend sl_… by 1h". ${d.listing(o.now)}`, intent, private: true };
  const metrics = i.metric ? [...METRICS_OF[i.metric], '*'] : undefined;
  // One scheduled ahead is extended by its id ("extend sl_… by 1h"); by target, those in force.
  const plan = planExtension(
    [...d.store.chat.silences(o.now), ...(o.id ? d.store.chat.scheduledSilences(o.now) : [])],
    { id: o.id, target: i.target, metrics, byMs: i.durationMs, untilTs: o.untilTs, ...(anomaly && !o.id ? { anomaly } : {}) },
    o.now,
  );
  if ('error' in plan) return { text: `Nothing extended: ${plan.error}. ${d.listing(o.now)}`, intent, private: true };
  const actor = d.actor(o.user);
  const lines = plan.items.map(({ old, untilTs }) => {
    const s: Silence = { ...old, untilTs, createdBy: actor };
    d.store.chat.addSilence(s);
    d.record?.('silence_extended', o.now, { id: s.id, target: s.target, metric: s.metric, fromTs: old.untilTs, untilTs, actor });
    if (!s.startsTs) d.onSilencesChanged?.([s], o.now);
    const begins = s.startsTs ? ` (it begins at ${stamp(s.startsTs)})` : '';
    return `Extended ${s.id} (${silenceLabel(s)}) from ${stamp(old.untilTs)} to ${stamp(untilTs)}, ${formatDuration(untilTs - o.now)} from now${begins}.`;
  });
  return { text: lines.join('\n'), intent };
}
