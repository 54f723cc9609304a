import type { Anomaly } from '../core/anomaly.js';
import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Ack } from '../core/chat-store.js';
import { METRIC_LABEL, anomalyLabel } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import { alertMembers } from './alert-keys.js';
import { FLEET_ALERT_PREFIX } from './fleet-events.js';
import { stamp } from './format-reply.js';
import { quoteUntrusted } from './text-tools.js';
import { whyNotAnnounced } from './why-not-announced.js';

export interface AlertAckOptions {
  store: Store;
  actor: (u: ChatUser) => string;
  record?: (kind: string, ts: number, data: Record<string, unknown>) => void;
  /** Alert messages acknowledged or handed back, so they can be re-rendered. */
  onAcknowledged?: (keys: string[], now: number) => void;
  /** How long from an alert's start to its acknowledgement (time to acknowledge), for /metrics. */
  onAckDelay?: (ms: number) => void;
}

/** Who says which alert: an anomaly id, or one target (every alert message with an open anomaly there). */
export interface AckRequest {
  id?: string;
  target?: string;
  unknownTarget?: string;
  several?: string[];
  /** Every open alert nobody has taken on (ack), or every one the asker has (unack). */
  all?: boolean;
  /** With `all`: only alerts with an open anomaly of this severity. */
  severity?: 'critical' | 'warning';
}

const LISTED = 5;

/**
 * Acknowledging an alert: "I have this". The message says who took it on and when, its reminders
 * stop, and anyone can hand it back. It acts on alert messages, the unit people see and reminders
 * are about, so a message with several anomalies is taken on as one.
 */
export function createAlertAcks(o: AlertAckOptions) {
  const { store } = o;
  const openOf = (key: string) => alertMembers(store, key).filter((a) => a.status === 'open');

  function describe(key: string, open: Anomaly[]): string {
    const ids = open.map((a) => a.id).join(', ');
    if (key.startsWith(FLEET_ALERT_PREFIX)) {
      const n = new Set(open.map((a) => a.target)).size;
      return `${METRIC_LABEL[open[0]!.metric] ?? open[0]!.metric} on ${n} target${n === 1 ? '' : 's'} (${ids})`;
    }
    return `${open[0]!.target} ${[...new Set(open.map(anomalyLabel))].join(', ')} (${ids})`;
  }

  /** The open alert messages on a target, oldest first. */
  function keysOnTarget(target: string): string[] {
    const keys = new Set<string>();
    for (const a of [...store.openAnomalies()].sort((x, y) => x.startTs - y.startTs)) {
      const key = a.target === target ? store.chat.alertKeyFor(a.id) : undefined;
      if (key) keys.add(key);
    }
    return [...keys];
  }

  function take(keys: string[], user: ChatUser, now: number, via: string): string[] {
    const done: string[] = [];
    const changed: string[] = [];
    for (const key of keys) {
      const open = openOf(key);
      const ack: Ack = { msgKey: key, by: o.actor(user), ts: now };
      if (open.length === 0 || !store.chat.acknowledge(ack)) continue;
      const afterMs = now - Math.min(...open.map((a) => a.startTs));
      o.record?.('alert_acknowledged', now, { key, anomalies: open.map((a) => a.id), actor: ack.by, afterMs, via });
      o.onAckDelay?.(afterMs);
      done.push(describe(key, open));
      changed.push(key);
    }
    if (changed.length > 0) o.onAcknowledged?.(changed, now);
    return done;
  }

  const taken = (done: string[], hint: string): ChatReply =>
    done.length === 0
      ? { text: 'Nothing open was left to acknowledge; nothing changed.', intent: 'ack', private: true }
      : {
          text: `Acknowledged ${done.join('; ')}: no reminders while ${done.length === 1 ? 'it is' : 'they are'} open. Say "unack ${hint}" to hand ${done.length === 1 ? 'it' : 'them'} back.`,
          intent: 'ack',
        };

  const already = (a: Ack): ChatReply => ({
    text: `Already acknowledged by ${a.by} at ${stamp(a.ts)}; nothing changed.`,
    intent: 'ack',
    private: true,
  });

  /** One alert, from its button or "ack an_…". */
  function ackAnomaly(anomalyId: string, user: ChatUser, now: number, via: string): ChatReply {
    const intent = 'ack';
    const a = store.getAnomaly(anomalyId);
    if (!a) return { text: `No alert ${anomalyId} (it may be older than the retention): nothing acknowledged.`, intent, private: true };
    const key = store.chat.alertKeyFor(anomalyId);
    if (!key)
      return {
        text: `${anomalyId} was not announced (${whyNotAnnounced(a, store)}), so there is no alert to acknowledge.`,
        intent,
        private: true,
      };
    if (openOf(key).length === 0)
      return { text: `That alert is resolved (${a.target} ${a.metric}); nothing to acknowledge.`, intent, private: true };
    const prior = store.chat.ackOf(key);
    if (prior) return already(prior);
    return taken(take([key], user, now, via), anomalyId);
  }

  /** "Ack web-1" with nothing posted there: open anomalies not yet alerted are named, not denied. */
  function nothingPosted(target: string): string {
    const open = store.openAnomalies().filter((a) => a.target === target);
    if (open.length === 0) return `Nothing is open on ${target}; nothing to acknowledge.`;
    const each = open.slice(0, LISTED).map((a) => `${a.id} ${anomalyLabel(a)}: ${whyNotAnnounced(a, store)}`);
    return `Nothing acknowledged: ${target} has ${open.length} open anomal${open.length === 1 ? 'y' : 'ies'} with no alert posted yet (${each.join('; ')}${open.length > LISTED ? `; and ${open.length - LISTED} more` : ''}). Acknowledge ${open.length === 1 ? 'it once it is' : 'them once they are'} posted, or say "snooze ${target} for 30m" to keep it from being posted.`;
  }

  function ack(i: AckRequest, user: ChatUser, now: number): ChatReply {
    const intent = 'ack';
    if (i.id) return ackAnomaly(i.id, user, now, 'chat');
    if (i.unknownTarget)
      return { text: `Nothing acknowledged: I don't know a target called ${quoteUntrusted(i.unknownTarget)}.`, intent, private: true };
    if (i.several) return { text: `Nothing acknowledged: name one target at a time (${i.several.join(', ')}).`, intent, private: true };
    if (!i.target) {
      const waiting = new Map<string, Anomaly[]>();
      // "Ack all critical alerts": only alerts with an open anomaly of that severity.
      for (const a of store.openAnomalies().filter((x) => !i.severity || x.severity === i.severity)) {
        const key = store.chat.alertKeyFor(a.id);
        if (key && !store.chat.ackOf(key)) (waiting.get(key) ?? waiting.set(key, []).get(key)!).push(a);
      }
      // "Ack all": every open alert nobody has taken on, each recorded as its own acknowledgement.
      if (i.all && waiting.size) return taken(take([...waiting.keys()], user, now, 'chat'), 'all');
      const list = [...waiting.entries()].slice(0, LISTED).map(([key, open]) => describe(key, open));
      return {
        text:
          list.length === 0
            ? i.severity
              ? `No open ${i.severity} alert waits to be taken on: nothing acknowledged.`
              : 'Every open alert is acknowledged (or none is open): nothing to take on.'
            : `Acknowledge which alert? Open and not acknowledged: ${list.join('; ')}${waiting.size > LISTED ? `; and ${waiting.size - LISTED} more` : ''}. Say "ack an_…" or "ack <target>".`,
        intent,
        private: true,
      };
    }
    const keys = keysOnTarget(i.target);
    if (keys.length === 0) return { text: nothingPosted(i.target), intent, private: true };
    const free = keys.filter((k) => !store.chat.ackOf(k));
    if (free.length === 0) return already(store.chat.ackOf(keys[0]!)!);
    return taken(take(free, user, now, 'chat'), i.target);
  }

  /** "unack an_…" / "unack web-1": hands alerts back; their reminders resume. */
  function unack(i: AckRequest, user: ChatUser, now: number): ChatReply {
    const intent = 'unack';
    if (i.unknownTarget)
      return { text: `Nothing handed back: I don't know a target called ${quoteUntrusted(i.unknownTarget)}.`, intent, private: true };
    const key = i.id ? store.chat.alertKeyFor(i.id) : undefined;
    // "Unack all": the open alerts the asker took on, not everyone's.
    const mine = () =>
      [...new Set(store.openAnomalies().flatMap((a) => store.chat.alertKeyFor(a.id) ?? []))].filter(
        (k) => store.chat.ackOf(k)?.by === o.actor(user),
      );
    const keys = i.id ? (key ? [key] : []) : i.target ? keysOnTarget(i.target) : i.all ? mine() : [];
    if (!i.id && !i.target && !i.all)
      return { text: 'Hand back which alert? Say "unack an_…" or "unack <target>".', intent, private: true };
    const back = keys.filter((k) => store.chat.ackOf(k) && store.chat.unacknowledge(k));
    if (back.length === 0) return { text: 'Nothing matching was acknowledged; nothing changed.', intent, private: true };
    o.record?.('alert_unacknowledged', now, { keys: back, actor: o.actor(user) });
    o.onAcknowledged?.(back, now);
    return {
      text: `Handed back ${back.length} alert${back.length === 1 ? '' : 's'}: ${back.length === 1 ? 'it shows' : 'they show'} Acknowledge again and reminders resume.`,
      intent,
    };
  }

  return { ackAnomaly, ack, unack };
}
