import type { Anomaly, Severity } from '../core/anomaly.js';
import type { NeutralMessage, Platform } from '../core/chat.js';
import { silenceCovers, type Destination, type Silence } from '../core/chat-store.js';
import { silenceOver } from './alert-silence.js';
import type { Link } from './runbooks.js';
import type { Clock, Logger, Store } from '../core/ports.js';
import type { Proposal, ProposalEvent } from '../core/remediation.js';
import type { TrackerChanges } from '../pipeline/detect/anomaly-tracker.js';
import { DEFAULT_FLEET_GROUPING, FLEET_ALERT_PREFIX, fleetKind, type FleetGrouping } from './fleet-events.js';
import { formatDuration } from './text-tools.js';
import { alertKey, alertMembers, openAlertOf, postedAt } from './alert-keys.js';
import { unionDestinations } from './alert-routes.js';
import { METRIC_LABEL } from '../core/metrics.js';
import { heldOutcome, type AlertOutcome } from './alert-outcome.js';
import { proposalTransition, routeRequest } from './proposal-messages.js';
import { createAlertRenderer } from './alert-render.js';
import { renderFollowUp, renderJoined, renderProposal, renderEscalation, renderReminder, worstSeverity } from './render-message.js';

export interface NotifierOptions {
  store: Store;
  /** The default channels per platform; only platforms with a running adapter are included. */
  channels: () => Partial<Record<Platform, string[]>>;
  /**
   * Where each anomaly's alert goes (alert routing); without it every alert goes to `channels`.
   * A message goes wherever any of its anomalies is routed; updates and replies follow it there.
   */
  route?: (anomalies: Anomaly[], now: number) => Destination[][];
  clock: Clock;
  logger: Logger;
  /** Chart window before the anomaly. */
  chartMs?: number;
  /**
   * Anomalies of one kind (metric and detector) opening on at least `minTargets` targets in one
   * tick become one fleet message; more of that kind within `windowMs` of its start join it.
   */
  fleetGroup?: FleetGrouping;
  /** New anomalies on a target alerted this recently, still open, join that alert (chat.joinMinutes). */
  joinWithinMs?: number;
  /** Runbook links for a message's anomalies (chat.runbooks). */
  links?: (anomalies: Anomaly[]) => Link[];
  /** What holds this anomaly's alert now besides a silence: a maintenance window's name (chat.muteTimes) or an inhibit rule (chat.inhibit). */
  muted?: (a: Anomaly, now: number) => string | undefined;
  /** Whether an anomaly is still within its pending period (chat.pendingFor): not announced yet. */
  pending?: (a: Anomaly) => boolean;
  /** Reminders for alerts open and unsilenced this long whose worst open severity is listed. */
  remind?: { everyMs: number; severities: Severity[] };
  /** One ping to `mentions` for alerts nobody acknowledged or silenced this long after they were posted. */
  escalate?: {
    afterMs: number;
    severities: Severity[];
    mentions: Partial<Record<'slack' | 'discord', string[]>>;
    /** Further levels, later each: each pings its own mentions once if the alert is still unhandled. */
    then?: { afterMs: number; mentions: Partial<Record<'slack' | 'discord', string[]>> }[];
  };
  onEnqueued?: () => void;
  /** The people subscribed to these anomalies on a platform (subscriptions.ts): their mentions go on the alert with the route's. */
  subscribers?: (platform: Platform, anomalies: Anomaly[], now: number) => string[];
  /** One count per alert decision, for /metrics. */
  onAlert?: (outcome: AlertOutcome) => void;
}

export type { AlertOutcome } from './alert-outcome.js';

export function isSilenced(store: Store, a: { target: string; metric: string; severity?: string }, now: number): boolean {
  return store.chat.silences(now).some((s) => silenceCovers(s, a.target, a.metric, a.severity));
}

/**
 * Turns pipeline events into outbox items: new anomalies grouped per target per tick (dedup by
 * anomaly: each is linked to exactly one message), updates in place on resolve and on every
 * proposal transition, follow-ups in the thread. Delivery is the outbox worker's job.
 */
export function createNotifier(o: NotifierOptions) {
  const { store } = o;
  const chartMs = o.chartMs ?? 2 * 3_600_000;

  const defaults = (): Destination[] =>
    (Object.entries(o.channels()) as [Platform, string[]][]).flatMap(([platform, channels]) =>
      channels.map((channel) => ({ platform, channel })),
    );

  /** Records where a new message (or a message gaining members) goes: the union of its anomalies' routes. */
  function routeTo(key: string, anomalies: Anomaly[]): void {
    const list = o.route ? unionDestinations(o.route(anomalies, o.clock.now())) : defaults();
    if (list.length === 0) {
      o.logger.info({ key, anomalies: anomalies.map((a) => a.id) }, 'alert routed nowhere');
      o.onAlert?.('routed_nowhere');
    }
    store.chat.addDestinations(key, list, o.clock.now());
  }

  /** Where a key's messages go: where it was routed, or the defaults for keys from before routes were recorded. */
  const whereIs = (key: string): Destination[] => store.chat.destinationsOf(key) ?? defaults();

  /**
   * Sends to where `routeKey` was routed (the message itself, or the alert a proposal or reply
   * belongs to). The route's mentions go on the alert itself (its edits keep them, which platforms
   * do not notify again) and on reminders; nothing else pings.
   */
  function fanOut(
    op: 'post' | 'update',
    msgKey: string,
    payload: NeutralMessage,
    threadKey: string | null = null,
    routeKey = threadKey ?? msgKey,
    ping = routeKey === msgKey,
    /** Mentions a thread reply carries although it does not ping the route: subscribers new to the alert. */
    also?: (platform: Platform) => string[],
  ): void {
    const now = o.clock.now();
    const members = ping && o.subscribers ? alertMembers(store, routeKey) : [];
    for (const { platform, channel, mentions } of whereIs(routeKey)) {
      const all = ping
        ? [...new Set([...(mentions ?? []), ...(members.length ? o.subscribers!(platform, members, now) : [])])]
        : (also?.(platform) ?? []);
      const body = all.length ? { ...payload, mentions: all } : payload;
      store.chat.enqueue({ platform, channel, op, msgKey, threadKey, payload: body }, now);
    }
    o.onEnqueued?.();
  }

  const fleet = o.fleetGroup ?? DEFAULT_FLEET_GROUPING;
  /**
   * Remembers (in the store, so across restarts) that a silence or a maintenance window held an
   * anomaly: announced afterwards, it is a late alert; held only by its pending period, it is not.
   */
  const markHeld = (a: Anomaly, why: string) => {
    if (!store.getKv(`held:${a.id}`)) store.setKv(`held:${a.id}`, why);
  };
  /** The latest fleet message of each kind (`metric|detector`) and when it started. */
  const fleetOf = new Map<string, { key: string; startTs: number }>();
  const FLEET = FLEET_ALERT_PREFIX;

  /** Takes the anomalies that go to a fleet message out of `fresh`, posting or updating those messages. */
  function groupAcrossTargets(fresh: Anomaly[], now: number): Anomaly[] {
    const byKind = new Map<string, Anomaly[]>();
    for (const a of fresh) {
      const kind = fleetKind(a);
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(a);
    }
    const rest: Anomaly[] = [];
    for (const [kind, list] of byKind) {
      const prev = fleetOf.get(kind);
      const joinable = prev !== undefined && now - prev.startTs <= fleet.windowMs && group(prev.key).some((a) => a.status === 'open');
      if (!joinable && new Set(list.map((a) => a.target)).size < fleet.minTargets) {
        rest.push(...list);
        continue;
      }
      const key = joinable ? prev.key : `${FLEET}${kind}:${now}`;
      for (const a of list) store.chat.linkAlert(a.id, key);
      if (!joinable) {
        fleetOf.set(kind, { key, startTs: now });
        o.onAlert?.('fleet');
      }
      // Members joining later may widen the audience; the worker posts where the message is not yet.
      routeTo(key, list);
      fanOut(joinable ? 'update' : 'post', key, renderAlert(key, group(key), now));
    }
    return rest;
  }

  const { renderAlert, withLinks } = createAlertRenderer({ store, clock: o.clock, chartMs, links: o.links });

  const group = (key: string): Anomaly[] => alertMembers(store, key);

  /**
   * Alert messages nobody is handling: open, unacknowledged and unsilenced, whose worst open
   * severity is listed, with an anomaly for which `due` holds.
   */
  function unattended(now: number, severities: Severity[], due: (a: Anomaly, key: string) => boolean) {
    const keys = new Set<string>();
    for (const a of store.openAnomalies()) {
      const key = store.chat.alertKeyFor(a.id);
      if (key && due(a, key)) keys.add(key);
    }
    const silences = store.chat.silences(now);
    return [...keys].flatMap((key) => {
      const open = group(key).filter((a) => a.status === 'open');
      const handled = open.length === 0 || store.chat.ackOf(key) || silenceOver(silences, open);
      return handled || !severities.includes(worstSeverity(open)) ? [] : [{ key, open }];
    });
  }

  /**
   * Reminds of alerts nobody is handling; the n-th reminder is due n intervals after the start
   * (so handing an alert back resumes at the next one due).
   */
  function remind(now: number): void {
    const r = o.remind;
    if (!r || r.everyMs <= 0) return;
    for (const { key, open } of unattended(now, r.severities, (a) => now - a.startTs >= r.everyMs)) {
      const due = Math.floor((now - Math.min(...open.map((a) => a.startTs))) / r.everyMs);
      // Persisted, so a restart neither repeats a reminder nor skips the next.
      const done = Number(store.getKv(`remind:${key}`) ?? 0);
      if (due <= done) continue;
      store.setKv(`remind:${key}`, String(due));
      fanOut('post', `remind:${key}:${due}`, withLinks(renderReminder(open, now), open), key, key, true);
      o.onAlert?.('reminder');
    }
  }

  /**
   * Escalates, once, alerts nobody is handling `afterMs` after they were posted: a reply shown in
   * the channel that pings the escalation mentions of each platform.
   */
  function escalate(now: number): void {
    const e = o.escalate;
    if (!e || e.afterMs <= 0) return;
    const levels = [{ afterMs: e.afterMs, mentions: e.mentions }, ...(e.then ?? [])];
    for (const { key, open } of unattended(now, e.severities, (_, key) => now - postedAt(key) >= e.afterMs)) {
      // The last level due; one skipped over (after a restart, say) is not posted late.
      const age = now - postedAt(key);
      const level = levels.findLastIndex((l) => age >= l.afterMs);
      const done = store.getKv(`escalate:${key}`) ? Number(store.getKv(`escalate-level:${key}`) ?? 1) : 0;
      if (level < done) continue;
      // Persisted first: a restart never pages twice for one level.
      if (level === 0) store.setKv(`escalate:${key}`, String(now));
      store.setKv(`escalate-level:${key}`, String(level + 1));
      const msg = withLinks(renderEscalation(open, age, now, level), open);
      for (const { platform, channel } of whereIs(key)) {
        const mentions = platform === 'slack' || platform === 'discord' ? levels[level]!.mentions[platform] : undefined;
        const payload = mentions?.length ? { ...msg, mentions } : msg;
        const msgKey = level === 0 ? `escalate:${key}` : `escalate:${key}:${level}`;
        store.chat.enqueue({ platform, channel, op: 'post', msgKey, threadKey: key, payload }, now);
      }
      o.onEnqueued?.();
      o.onAlert?.('escalated');
    }
  }

  return {
    onAnomalies(changes: TrackerChanges): void {
      const now = o.clock.now();
      const held = (a: Anomaly): string | undefined =>
        isSilenced(store, a, now) ? 'silenced' : (o.muted?.(a, now) ?? (o.pending?.(a) ? 'pending' : undefined));
      const fresh: Anomaly[] = [];
      for (const a of changes.opened) {
        if (store.chat.alertKeyFor(a.id)) continue;
        const why = held(a);
        if (why === 'pending') {
          o.onAlert?.('held_pending');
          continue;
        }
        if (why) {
          markHeld(a, why);
          o.logger.info({ anomaly: a.id, target: a.target, held: why }, 'alert held');
          o.onAlert?.(heldOutcome(why));
          continue;
        }
        fresh.push(a);
      }
      // Alerts held by a silence or a maintenance window that ended while they are still open are
      // announced now, as Alertmanager notifies once a silence expires on a firing alert.
      const openedNow = new Set(changes.opened.map((a) => a.id));
      const late = new Set<string>();
      for (const a of store.openAnomalies()) {
        if (openedNow.has(a.id) || store.chat.alertKeyFor(a.id)) continue;
        const why = held(a);
        if (why && why !== 'pending') markHeld(a, why);
        if (why) continue;
        fresh.push(a);
        late.add(a.id);
      }
      const byTarget = new Map<string, Anomaly[]>();
      for (const a of groupAcrossTargets(fresh, now)) (byTarget.get(a.target) ?? byTarget.set(a.target, []).get(a.target)!).push(a);
      for (const [target, list] of byTarget) {
        const open = o.joinWithinMs ? openAlertOf(store, target, now, o.joinWithinMs) : undefined;
        if (open) {
          // Subscribers the alert's first members did not cover are pinged on the reply that names what joined.
          const before = alertMembers(store, open);
          const newSubscribers = (p: Platform) => {
            if (!o.subscribers) return [];
            const had = new Set(o.subscribers(p, before, now));
            return o.subscribers(p, list, now).filter((m) => !had.has(m));
          };
          for (const a of list) store.chat.linkAlert(a.id, open);
          // Members joining later may widen the audience; the worker posts where the message is not yet.
          routeTo(open, list);
          fanOut('update', open, renderAlert(open, group(open), now));
          fanOut('post', `joined:${open}:${now}`, renderJoined(list), open, open, false, newSubscribers);
          o.onAlert?.('joined');
          continue;
        }
        // The tick, not the start: an alert held earlier may share its start with one already sent.
        const key = alertKey(target, now);
        for (const a of list) store.chat.linkAlert(a.id, key);
        routeTo(key, list);
        fanOut('post', key, renderAlert(key, list, now));
        o.onAlert?.(list.some((a) => late.has(a.id) && store.getKv(`held:${a.id}`)) ? 'late' : 'posted');
      }
      // Proposals made while their alert was held were never shown: show those still waiting.
      if (late.size > 0)
        for (const p of store.listProposals({ states: ['proposed'], limit: 500 }))
          if (p.mode === 'approval' && late.has(p.anomalyId))
            fanOut('post', `proposal:${p.id}`, renderProposal(p), null, store.chat.alertKeyFor(p.anomalyId)!);
      const fleetDone = new Set<string>();
      for (const a of changes.resolved) {
        const key = store.chat.alertKeyFor(a.id);
        if (!key) continue;
        const members = group(key);
        if (key.startsWith(FLEET)) {
          // One update per fleet message per tick, and one follow-up when the last member resolves.
          if (fleetDone.has(key)) continue;
          fleetDone.add(key);
          fanOut('update', key, renderAlert(key, members, now));
          if (members.every((m) => m.status === 'resolved')) {
            const last = Math.max(...members.map((m) => m.endTs ?? now));
            fanOut(
              'post',
              `resolved:${key}`,
              renderFollowUp(
                `Resolved: ${METRIC_LABEL[a.metric] ?? a.metric} on ${new Set(members.map((m) => m.target)).size} targets`,
                `All back to normal; the last after ${formatDuration(last - Math.min(...members.map((m) => m.startTs)))}.`,
              ),
              key,
            );
          }
          continue;
        }
        fanOut('update', key, renderAlert(key, members.length > 0 ? members : [a], now));
        fanOut(
          'post',
          `resolved:${a.id}`,
          renderFollowUp(
            `Resolved: ${a.target} ${METRIC_LABEL[a.metric] ?? a.metric}`,
            `${a.id} back to normal after ${formatDuration((a.endTs ?? now) - a.startTs)}.`,
          ),
          key,
        );
      }
      remind(now);
      escalate(now);
    },

    remind,

    /** Re-renders the open alerts a set or lifted silence covers, so they show it (or their button again). */
    onSilencesChanged(changed: Silence[], now: number): void {
      const keys = new Set<string>();
      for (const a of store.openAnomalies()) {
        if (!changed.some((s) => silenceCovers(s, a.target, a.metric, a.severity))) continue;
        const key = store.chat.alertKeyFor(a.id);
        if (key) keys.add(key);
      }
      for (const key of keys) {
        const members = group(key);
        if (members.length > 0) fanOut('update', key, renderAlert(key, members, now));
      }
    },

    /** Re-renders alert messages acknowledged or handed back, so they show who has them (or the button again). */
    onAcknowledged(keys: string[], now: number): void {
      for (const key of keys) {
        const members = group(key);
        if (members.length > 0) fanOut('update', key, renderAlert(key, members, now));
      }
    },

    onProposalTransition(p: Proposal, e: ProposalEvent): void {
      proposalTransition(p, e, store.chat, fanOut);
    },

    /**
     * A message of the team's own (a declared incident) in the alert channels, updated in place; with
     * `thread`, in that message's thread.
     */
    announce(
      op: 'post' | 'update',
      msgKey: string,
      msg: NeutralMessage,
      thread?: string,
      mentions?: Partial<Record<Platform, string[]>>,
    ): void {
      if (op === 'post' && !thread) store.chat.addDestinations(msgKey, defaults(), o.clock.now());
      fanOut(op, msgKey, msg, thread ?? null, thread ?? msgKey, false, (p) => mentions?.[p] ?? []);
    },

    /** A proposal asked for in chat: its messages go where it was asked and to the alert channels. */
    routeRequest(proposalId: string, from: Destination): void {
      routeRequest(store.chat, proposalId, from, defaults(), o.clock.now());
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
