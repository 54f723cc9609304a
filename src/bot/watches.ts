import type { ChatReply, ChatUser, NeutralMessage, Platform } from '../core/chat.js';
import { METRIC_LABEL, formatValue } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import { hashString } from '../core/random.js';
import { METRICS_OF } from './answer-metric-span.js';
import { stamp, unknownTargetReply } from './format-reply.js';
import type { Intent, MetricKey } from './intent.js';
import { latestBy } from './latest-by-target.js';
import { isPast, lineOf, type Bound } from './parse-bound.js';
import { formatDuration } from './text-tools.js';
import { untilTs } from './parse-clock.js';
import { WATCH_MAX_MS } from './parse-watch.js';

/** One "tell me when…": who asked where, about what, until when. Kept in the store (kv), so a restart keeps it. */
export interface Watch {
  id: string;
  platform: Platform;
  channel: string;
  user: string;
  target?: string;
  /** "Tell me when the api hosts' latency goes above 200 ms": any of these (no target). */
  group?: string[];
  metric?: MetricKey;
  when: 'resolved' | Bound | 'time';
  /** A reminder ('time'): when it is due, and what it is about (the asker's words). */
  dueTs?: number;
  note?: string;
  /** The line must hold this long ("stays below 50% for 10 min"). */
  sustainMs?: number;
  createdTs: number;
  untilTs: number;
  /** Asked in the thread of a message we posted (an alert's, a digest's): the met message goes there. */
  threadKey?: string;
}

const KEY = 'watches';
/** Per person; a runaway script cannot fill the store with them. */
const MAX_PER_USER = 20;

type WatchIntent = Extract<Intent, { kind: 'watch' }>;

const describe = (w: Pick<Watch, 'target' | 'group' | 'metric' | 'when' | 'sustainMs' | 'dueTs' | 'note'>) => {
  if (w.when === 'time') return `a reminder for ${stamp(w.dueTs ?? 0)}${w.note ? `: ${w.note}` : ''}`;
  const what = `${w.target ?? (w.group ? `any of ${w.group.join(', ')}` : 'any target')}${w.metric ? ` ${METRIC_LABEL[METRICS_OF[w.metric][0]!] ?? w.metric}` : ''}`;
  if (w.when === 'resolved') {
    const metric = w.metric ? ` ${METRIC_LABEL[METRICS_OF[w.metric][0]!] ?? w.metric}` : '';
    if (w.group && !w.target) return `${w.group.join(', ')}${metric} have nothing open`;
    return w.target || w.metric ? `${what} has nothing open` : 'nothing is open on any target';
  }
  const fmt = (v: number) => formatValue(METRICS_OF[w.metric!][0]!, v);
  // "Between 70% and 80%": is there, rather than goes past a line.
  if (w.when.upTo !== undefined) return `${what} is ${lineOf(w.when, fmt)}${w.sustainMs ? ` for ${formatDuration(w.sustainMs)}` : ''}`;
  const line = `${w.when.orEqual ? 'to or ' : ''}${w.when.above ? 'above' : 'below'} ${fmt(w.when.value)}`;
  return w.sustainMs ? `${what} stays ${line.replace(/^to or /, 'at or ')} for ${formatDuration(w.sustainMs)}` : `${what} goes ${line}`;
};

const readable = (w: unknown): w is Watch => {
  const x = w as Partial<Watch> | null;
  const when = x?.when;
  return (
    typeof x?.id === 'string' &&
    typeof x.channel === 'string' &&
    typeof x.user === 'string' &&
    typeof x.platform === 'string' &&
    Number.isFinite(x.untilTs) &&
    Number.isFinite(x.createdTs) &&
    (x.metric === undefined || x.metric in METRICS_OF) &&
    (x.threadKey === undefined || typeof x.threadKey === 'string') &&
    (x.sustainMs === undefined || (Number.isFinite(x.sustainMs) && x.sustainMs >= 0)) &&
    (x.note === undefined || typeof x.note === 'string') &&
    (x.group === undefined || (Array.isArray(x.group) && x.group.every((g) => typeof g === 'string'))) &&
    ((when === 'time' && Number.isFinite(x.dueTs)) ||
      when === 'resolved' ||
      (typeof when === 'object' &&
        when !== null &&
        typeof when.above === 'boolean' &&
        Number.isFinite(when.value) &&
        (when.orEqual === undefined || typeof when.orEqual === 'boolean') &&
        (when.upTo === undefined || Number.isFinite(when.upTo)) &&
        x.metric !== undefined))
  );
};

/** The watches and reminders in effect, as the console lists them: what each waits for, for whom, where, until when. */
export function listWatches(store: Pick<Store, 'getKv'>, now: number) {
  let v: unknown;
  try {
    v = JSON.parse(store.getKv(KEY) ?? '[]');
  } catch {
    return [];
  }
  return (Array.isArray(v) ? v.filter(readable) : [])
    .filter((w) => w.untilTs > now)
    .map((w) => ({
      id: w.id,
      what: describe(w),
      user: w.user,
      where: `${w.platform} ${w.channel}`,
      untilTs: w.untilTs,
      ...(w.dueTs !== undefined ? { dueTs: w.dueTs, note: w.note ?? '' } : {}),
    }));
}

/** When the run of readings past the line that ends with the latest began (the series is oldest first). */
function heldSince(points: { ts: number; value: number }[], bound: Bound): number {
  let since = Infinity;
  for (let i = points.length - 1; i >= 0 && isPast(points[i]!.value, bound); i--) since = points[i]!.ts;
  return since;
}

/** Whether a watch is met now, and the line that says so; undefined while it is not. Reads the store only. */
export function watchMet(
  w: Watch,
  store: Pick<Store, 'openAnomalies' | 'latestSamples' | 'series'>,
  targets: readonly string[],
): string | undefined {
  const metrics = w.metric ? METRICS_OF[w.metric] : undefined;
  if (w.when === 'time') return undefined;
  if (w.when === 'resolved') {
    const on = w.target ? [w.target] : w.group;
    const open = store.openAnomalies().filter((a) => (!on || on.includes(a.target)) && (!metrics || metrics.includes(a.metric)));
    return open.length ? undefined : `${describe(w)} now: every anomaly there has ended.`;
  }
  const bound = w.when;
  const latest = latestBy(store);
  for (const t of w.target ? [w.target] : (w.group ?? targets))
    for (const m of metrics ?? [])
      for (const s of [latest.get(t)?.get(m)].filter((x) => x !== undefined))
        if (s.ts >= w.createdTs && isPast(s.value, bound)) {
          const since = w.sustainMs ? heldSince(store.series(t, m, s.ts - w.sustainMs - 600_000), bound) : s.ts;
          if (s.ts - since < (w.sustainMs ?? 0)) continue;
          const held = w.sustainMs ? `, and has been since ${stamp(since).slice(11)}` : '';
          return `${t} ${METRIC_LABEL[m] ?? m} is ${formatValue(m, s.value)} at ${stamp(s.ts).slice(11)}, ${lineOf(bound, (v) => formatValue(m, v))}${held}.`;
        }
  return undefined;
}

/**
 * "Tell me when web-1 recovers": watches kept in the store, checked after every tick; a met one is
 * posted where it was asked, pinging who asked (Slack and Discord), and dropped, as is an expired one.
 */
export function createWatches(o: {
  store: Store;
  targets: () => string[];
  record?: (kind: string, ts: number, data: Record<string, unknown>) => void;
}) {
  const load = (): Watch[] => {
    try {
      const v = JSON.parse(o.store.getKv(KEY) ?? '[]') as unknown;
      // What the store holds is checked as any input: an entry this code cannot read is dropped, not thrown on every tick.
      return Array.isArray(v) ? v.filter(readable) : [];
    } catch {
      return [];
    }
  };
  const save = (ws: Watch[]) => o.store.setKv(KEY, JSON.stringify(ws));
  const actor = (u: ChatUser) => `${u.platform}:${u.id}`;

  // A thread under a message we posted is found again by that message's key; one under someone else's is not ours to reply in.
  const threadOf = (e: { platform: Platform; thread?: string | undefined }) => {
    const key = e.thread ? o.store.chat.keyOfMessage(e.platform, e.thread) : undefined;
    return key ? { threadKey: key } : {};
  };

  return {
    add(i: WatchIntent, e: { platform: Platform; channel: string; user: ChatUser; thread?: string | undefined }, now: number): ChatReply {
      const intent = 'watch';
      // "It" outside an alert's thread, or a line with no figure: ask rather than guess.
      if (i.it)
        return {
          text: i.target
            ? `Which figure on ${i.target}? For example "tell me when cpu on ${i.target} drops below 50%".`
            : 'Which target? Say "tell me when web-1 recovers", or ask in the alert\'s thread, where "it" is that alert.',
          intent,
          private: true,
        };
      if (i.unknownTarget && !i.target)
        return {
          text: unknownTargetReply(
            i.unknownTarget,
            o.targets().map((name) => ({ name })),
          ),
          intent,
          private: true,
        };
      if (e.platform === 'cli') return { text: 'Watches post to chat: ask in Slack, Discord or the web console.', intent, private: true };
      // "Below 0%", "reaches 150%": a share never gets there, so the watch would only expire.
      const share = i.metric === 'cpu' || i.metric === 'memory' || i.metric === 'disk';
      if (share && typeof i.when === 'object' && outsideShare(i.when))
        return {
          text: `${METRIC_LABEL[i.metric!] ?? i.metric} is a share from 0% to 100%: it never goes ${i.when.above ? 'above' : 'below'} ${i.when.value}%, so nothing was set. Pick a line inside it ("drops below 50%", "reaches 90%").`,
          intent,
          private: true,
        };
      const ws = load().filter((w) => w.untilTs > now);
      if (ws.filter((w) => w.user === actor(e.user)).length >= MAX_PER_USER)
        return { text: `You have ${MAX_PER_USER} watches already; "stop watching …" ends one.`, intent, private: true };
      const w: Watch = {
        id: `wt_${hashString(`${actor(e.user)}/${i.target}/${i.metric}/${now}`, 7).toString(36)}`,
        platform: e.platform,
        channel: e.channel,
        user: actor(e.user),
        ...(i.target ? { target: i.target } : i.group ? { group: i.group } : {}),
        ...(i.metric ? { metric: i.metric } : {}),
        when: i.when,
        ...(i.sustainMs ? { sustainMs: i.sustainMs } : {}),
        createdTs: now,
        untilTs: now + i.forMs,
        ...threadOf(e),
      };
      // Already true: said now, not kept (a watch for what is already so would fire on the next tick).
      const already = i.when === 'resolved' ? watchMet({ ...w, createdTs: 0 }, o.store, o.targets()) : undefined;
      if (already) return { text: `Nothing to wait for: ${already}`, intent };
      save([...ws, w]);
      o.record?.('watch_added', now, { ...w });
      return {
        text: `I'll post here when ${describe(w)}, until ${stamp(w.untilTs)} (${formatDuration(i.forMs)}; ${w.id}). "stop watching ${w.target ?? w.id}" ends it.`,
        intent,
      };
    },
    /** "Remind me in 30 min to check web-1": a message here when it is due, kept with the watches (a restart keeps it). */
    remind(
      i: Extract<Intent, { kind: 'remind' }>,
      e: { platform: Platform; channel: string; user: ChatUser; thread?: string | undefined },
      now: number,
    ): ChatReply {
      const intent = 'remind';
      if (e.platform === 'cli') return { text: 'Reminders post to chat: ask in Slack, Discord or the web console.', intent, private: true };
      const dueTs = i.at ? untilTs(i.at, now) : now + (i.inMs ?? 0);
      if (!(dueTs > now) || dueTs - now > WATCH_MAX_MS)
        return { text: 'A reminder must be due after now and within a week ("remind me in 30m to …").', intent, private: true };
      const ws = load().filter((w) => w.untilTs > now);
      if (ws.filter((w) => w.user === actor(e.user)).length >= MAX_PER_USER)
        return { text: `You have ${MAX_PER_USER} watches and reminders already; "stop watching …" ends one.`, intent, private: true };
      const w: Watch = {
        id: `wt_${hashString(`${actor(e.user)}/remind/${dueTs}/${now}`, 7).toString(36)}`,
        platform: e.platform,
        channel: e.channel,
        user: actor(e.user),
        when: 'time',
        dueTs,
        ...(i.note ? { note: i.note } : {}),
        createdTs: now,
        // Posted on the first tick after it is due; one the bot was down for is dropped after 15 min.
        untilTs: dueTs + 15 * 60_000,
        ...threadOf(e),
      };
      save([...ws, w]);
      o.record?.('watch_added', now, { ...w });
      return {
        text: `I'll remind you here at ${stamp(dueTs)} (in ${formatDuration(dueTs - now)})${i.note ? `: ${i.note}` : ''} (${w.id}). "stop watching ${w.id}" cancels it.`,
        intent,
      };
    },
    /** One person's watches and reminders (their platform:id), with their ids: what their Home tab lists. */
    mine(who: string, now: number): { ids: string[]; lines: string[] } {
      const ws = load().filter((w) => w.untilTs > now && w.user === who);
      return {
        ids: ws.map((w) => w.id),
        lines: ws.map((w) => `• ${w.id}: ${describe(w)}${w.when === 'time' ? '' : `, until ${stamp(w.untilTs)}`}`),
      };
    },
    list(now: number): string {
      const ws = load().filter((w) => w.untilTs > now);
      if (!ws.length) return 'No watches. "Tell me when web-1 recovers" sets one.';
      return [
        'Watching:',
        ...ws.map(
          (w) =>
            `• ${w.id}: ${describe(w)}, for ${w.user} in ${w.platform} ${w.channel}${w.when === 'time' ? '' : `, until ${stamp(w.untilTs)}`}`,
        ),
      ].join('\n');
    },
    remove(i: Extract<Intent, { kind: 'unwatch' }>, user: ChatUser, now: number): ChatReply {
      const ws = load();
      // Your own, unless named by id: "stop watching web-1" never ends someone else's.
      const gone = ws.filter((w) =>
        i.id
          ? w.id === i.id
          : w.user === actor(user) &&
            (!i.target || w.target === i.target) &&
            (!i.reminders || w.when === 'time') &&
            (!i.about || (w.note ?? '').toLowerCase().includes(i.about)),
      );
      if (!gone.length) return { text: `No watch to stop. ${this.list(now)}`, intent: 'unwatch', private: true };
      save(ws.filter((w) => !gone.includes(w)));
      o.record?.('watch_removed', now, { ids: gone.map((w) => w.id), actor: actor(user) });
      return { text: `Stopped watching: ${gone.map((w) => `${w.id} (${describe(w)})`).join('; ')}.`, intent: 'unwatch' };
    },
    /** After each tick: posts and drops the watches that are met, drops the expired. Returns how many were posted. */
    onTick(now: number): number {
      const ws = load();
      if (!ws.length) return 0;
      const keep: Watch[] = [];
      let posted = 0;
      for (const w of ws) {
        const due = w.when === 'time' && now >= (w.dueTs ?? Infinity);
        const reminder = due
          ? `Reminder${w.note ? `: ${w.note}` : ''} (asked ${formatDuration(now - w.createdTs)} ago, ${w.id}).`
          : undefined;
        const met = w.untilTs > now ? (reminder ?? watchMet(w, o.store, o.targets())) : undefined;
        if (!met) {
          if (w.untilTs > now) keep.push(w);
          continue;
        }
        const id = w.user.slice(w.user.indexOf(':') + 1);
        const ping =
          w.platform === 'slack' && /^[UW][A-Z0-9]{1,20}$/.test(id)
            ? `<@${id}>`
            : w.platform === 'discord' && /^\d{5,25}$/.test(id)
              ? `<@${id}>`
              : undefined;
        const payload: NeutralMessage = {
          title: w.when === 'time' ? 'Reminder' : `Watch met: ${describe(w)}`,
          severity: 'ok',
          text: `${met}${ping ? '' : ` (asked by ${id})`}`,
          fields: [],
          actions: [],
          ...(ping ? { mentions: [ping] } : {}),
        };
        o.store.chat.enqueue(
          { platform: w.platform, channel: w.channel, op: 'post', msgKey: `watch:${w.id}`, threadKey: w.threadKey ?? null, payload },
          now,
        );
        o.record?.('watch_met', now, { id: w.id, met });
        posted++;
      }
      if (keep.length !== ws.length) save(keep);
      return posted;
    },
  };
}

export type Watches = ReturnType<typeof createWatches>;

/** A line a share (0–100 %) can never cross: above 100 %, below 0 %, or strictly past either end. */
const outsideShare = (b: { above: boolean; value: number; orEqual?: boolean }) =>
  b.above ? b.value > 100 || (b.value === 100 && !b.orEqual) : b.value < 0 || (b.value === 0 && !b.orEqual);
