import type { Anomaly } from '../core/anomaly.js';
import type { ChatReply, ChatUser, Platform } from '../core/chat.js';
import { figureMetric, METRIC_LABEL } from '../core/metrics.js';
import { hashString } from '../core/random.js';
import type { Store } from '../core/ports.js';
import { METRICS_OF } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { Intent, MetricKey } from './intent.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

/** One person's standing request to be mentioned on new alerts that match, on their own platform. */
export interface Subscription {
  id: string;
  platform: 'slack' | 'discord';
  user: string;
  /** The platform's mention of the user, put on the alert message. */
  mention: string;
  targets?: string[];
  metric?: MetricKey;
  /** `critical`: critical alerts only; `warning`: warning or worse; absent: any. */
  severity?: 'critical' | 'warning';
  createdTs: number;
  /** Absent: until taken back. */
  untilTs?: number;
}

const KEY = 'subscriptions';
/** Per person; a runaway script cannot fill the store with them. */
const MAX_PER_USER = 20;
/** "For 8h" at most this long; without a length, a subscription lasts until it is taken back. */
const MAX_MS = 90 * 86_400_000;

const RANK = { info: 0, warning: 1, critical: 2 } as const;

/** Whether a new alert on this anomaly mentions the subscriber. Pure. */
export function subscriptionCovers(s: Pick<Subscription, 'targets' | 'metric' | 'severity'>, a: Anomaly): boolean {
  if (s.targets && !s.targets.includes(a.target)) return false;
  if (s.metric && !METRICS_OF[s.metric].includes(figureMetric(a))) return false;
  return RANK[a.severity] >= RANK[s.severity ?? 'info'];
}

const describe = (s: Pick<Subscription, 'targets' | 'metric' | 'severity'>) => {
  const sev = s.severity === 'critical' ? 'critical ' : s.severity === 'warning' ? 'warning and critical ' : '';
  const metric = s.metric ? `${METRIC_LABEL[METRICS_OF[s.metric][0]!] ?? s.metric} ` : '';
  return `${sev}${metric}alerts${s.targets ? ` on ${s.targets.join(', ')}` : ' on any target'}`;
};

const readable = (x: Partial<Subscription> | null): x is Subscription =>
  typeof x?.id === 'string' &&
  (x.platform === 'slack' || x.platform === 'discord') &&
  typeof x.user === 'string' &&
  typeof x.mention === 'string' &&
  Number.isFinite(x.createdTs) &&
  (x.untilTs === undefined || Number.isFinite(x.untilTs)) &&
  (x.targets === undefined || (Array.isArray(x.targets) && x.targets.every((t) => typeof t === 'string'))) &&
  (x.metric === undefined || x.metric in METRICS_OF) &&
  (x.severity === undefined || x.severity === 'critical' || x.severity === 'warning');

const sameMatch = (a: Pick<Subscription, 'targets' | 'metric' | 'severity'>, b: Pick<Subscription, 'targets' | 'metric' | 'severity'>) =>
  (a.targets ?? []).join(',') === (b.targets ?? []).join(',') && a.metric === b.metric && a.severity === b.severity;

/**
 * Subscriptions: "notify me about db-1 alerts" puts the asker's mention on every new alert that
 * matches, in the channels of their platform where the alert is posted (routes decide those; a
 * subscription adds a person, never a channel). Kept in the store across restarts; "unfollow",
 * "my subscriptions". Reminders mention them as they mention the route's; escalations do not.
 */
export function createSubscriptions(o: {
  store: Pick<Store, 'getKv' | 'setKv'>;
  record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
}) {
  function read(now: number): Subscription[] {
    let v: unknown;
    try {
      v = JSON.parse(o.store.getKv(KEY) ?? '[]');
    } catch {
      return [];
    }
    return (Array.isArray(v) ? (v as Partial<Subscription>[]).filter(readable) : []).filter(
      (s) => s.untilTs === undefined || s.untilTs > now,
    );
  }
  const write = (list: Subscription[]) => o.store.setKv(KEY, JSON.stringify(list));
  const until = (s: Subscription) => (s.untilTs === undefined ? 'until you unfollow' : `until ${stamp(s.untilTs)}`);

  function add(i: Extract<Intent, { kind: 'subscribe' }>, user: ChatUser, now: number): ChatReply {
    const intent = 'subscribe';
    const refuse = (text: string): ChatReply => ({ text, intent, private: true });
    if (user.platform !== 'slack' && user.platform !== 'discord')
      return refuse(
        'Nothing subscribed: a subscription is a mention on Slack or Discord alerts, so ask there. The web console shows every alert.',
      );
    if (i.unknownTarget) return refuse(`Nothing subscribed: I don't know a target called ${quoteUntrusted(i.unknownTarget)}.`);
    // The mention is built from the platform's user id: only one shaped as the platform makes them.
    if (!(user.platform === 'slack' ? /^[A-Z0-9]{2,30}$/ : /^\d{5,25}$/).test(user.id))
      return refuse('Nothing subscribed: I cannot mention that user id.');
    const list = read(now);
    const mine = list.filter((s) => s.platform === user.platform && s.user === user.id);
    const asked = {
      ...(i.targets ? { targets: i.targets } : {}),
      ...(i.metric ? { metric: i.metric } : {}),
      ...(i.severity ? { severity: i.severity } : {}),
    };
    const same = mine.find((s) => sameMatch(s, asked));
    if (same) return refuse(`You already follow ${describe(same)} (${same.id}), ${until(same)}; nothing changed.`);
    if (mine.length >= MAX_PER_USER)
      return refuse(`Nothing subscribed: you have ${MAX_PER_USER} subscriptions, the most one person may; "unfollow su_…" one first.`);
    const forMs = i.forMs === undefined ? undefined : Math.min(MAX_MS, i.forMs);
    const s: Subscription = {
      id: `su_${hashString(`${user.platform}:${user.id}/${JSON.stringify(asked)}/${now}`, 5).toString(36)}`,
      platform: user.platform,
      user: user.id,
      mention: `<@${user.id}>`,
      ...asked,
      createdTs: now,
      ...(forMs ? { untilTs: now + forMs } : {}),
    };
    write([...list, s]);
    o.record?.('subscription_added', now, { id: s.id, actor: `${s.platform}:${s.user}`, ...asked, untilTs: s.untilTs ?? null });
    const span = forMs ? ` for ${formatDuration(forMs)} (${until(s)})` : ', until you unfollow';
    return {
      text: `Following ${describe(s)}${span}: each new alert that matches mentions you where it is posted on ${user.platform === 'slack' ? 'Slack' : 'Discord'} (${s.id}). Routes decide the channels; a subscription adds you, not a channel. "Unfollow ${s.targets?.[0] ?? s.id}" ends it.`,
      intent,
    };
  }

  function remove(i: Extract<Intent, { kind: 'unsubscribe' }>, user: ChatUser, now: number): ChatReply {
    const intent = 'unsubscribe';
    const list = read(now);
    const mine = (s: Subscription) => s.platform === user.platform && s.user === user.id;
    const gone = list.filter(
      (s) => mine(s) && (i.id ? s.id === i.id : !i.targets || (s.targets ?? []).some((t) => i.targets!.includes(t))),
    );
    if (gone.length === 0)
      return {
        text: `You follow nothing${i.id ? ` called ${i.id}` : i.targets ? ` on ${i.targets.join(', ')}` : ''}; nothing changed. "My subscriptions" lists yours.`,
        intent,
        private: true,
      };
    write(list.filter((s) => !gone.includes(s)));
    o.record?.('subscription_removed', now, { ids: gone.map((s) => s.id), actor: `${user.platform}:${user.id}` });
    return {
      text: `Unfollowed ${gone.map((s) => `${describe(s)} (${s.id})`).join('; ')}: new alerts there no longer mention you.`,
      intent,
    };
  }

  function list(i: Extract<Intent, { kind: 'subscriptions' }>, user: ChatUser, now: number): ChatReply {
    const all = read(now);
    // "Who follows db-1?": everyone whose subscription covers it; otherwise the asker's own.
    const shown = i.targets
      ? all.filter((s) => !s.targets || s.targets.some((t) => i.targets!.includes(t)))
      : all.filter((s) => s.platform === user.platform && s.user === user.id);
    const whose = i.targets ? `covering ${i.targets.join(', ')}` : 'of yours';
    if (shown.length === 0)
      return {
        text: `No subscriptions ${whose}. "Notify me about db-1 alerts" or "subscribe me to critical alerts" adds one (Slack and Discord).`,
        intent: 'subscriptions',
      };
    return {
      text: [
        `${shown.length} subscription${shown.length === 1 ? '' : 's'} ${whose}:`,
        ...shown.map((s) => `• ${s.id}: ${describe(s)}, ${s.platform}:${s.user}, ${until(s)}`),
      ].join('\n'),
      intent: 'subscriptions',
    };
  }

  /** One person's subscriptions, for their Home tab: ids (its change key) and a line each. */
  function mine(user: ChatUser, now: number): { ids: string[]; lines: string[] } {
    const own = read(now).filter((s) => s.platform === user.platform && s.user === user.id);
    return { ids: own.map((s) => s.id), lines: own.map((s) => `• ${s.id}: ${describe(s)}, ${until(s)}`) };
  }

  /** The mentions a new alert on these anomalies gets on this platform: its subscribers'. */
  function mentionsFor(platform: Platform, anomalies: readonly Anomaly[], now: number): string[] {
    if (platform !== 'slack' && platform !== 'discord') return [];
    return [
      ...new Set(
        read(now)
          .filter((s) => s.platform === platform && anomalies.some((a) => subscriptionCovers(s, a)))
          .map((s) => s.mention),
      ),
    ];
  }

  return { add, remove, list, mine, mentionsFor };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;

/** "Subscribe me to …", "unfollow db-1", "my subscriptions", where subscriptions may not be kept (no store for them here). */
export function subscriptionReply(
  subs: Subscriptions | undefined,
  i: Extract<Intent, { kind: 'subscribe' | 'unsubscribe' | 'subscriptions' }>,
  user: ChatUser,
  now: number,
): ChatReply {
  if (!subs) return { text: 'Subscriptions are not kept here.', intent: i.kind, private: true };
  if (i.kind === 'subscribe') return subs.add(i, user, now);
  return i.kind === 'unsubscribe' ? subs.remove(i, user, now) : subs.list(i, user, now);
}
