import type { Anomaly } from '../core/anomaly.js';
import type { ChatReply, ChatUser, NeutralMessage } from '../core/chat.js';
import { anomalyLabel } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import { alertMembers } from './alert-keys.js';
import { stamp } from './format-reply.js';
import type { OnCall } from './on-call.js';
import { quoteUntrusted } from './text-tools.js';
import { THE_ON_CALL } from './parse-escalate.js';

export interface AlertEscalateOptions {
  store: Store;
  actor: (u: ChatUser) => string;
  /** chat.escalate.mentions: who an escalation pings, per platform. */
  mentions: FileConfig['chat']['escalate']['mentions'];
  record?: (kind: string, ts: number, data: Record<string, unknown>) => void;
  /** chat.onCall's members: who "page bob" can ping, with their mentions from config. */
  people?: Pick<OnCall, 'member' | 'members' | 'at'> | undefined;
  /** The rotation a route pages for this alert (mentions.onCall): "page the on-call" pages its holder. */
  rotationOf?: (a: Anomaly, now: number) => string | undefined;
}

/**
 * "Escalate an_…", "escalate web-1": someone asks for help with an open alert now, without waiting
 * for chat.escalate.afterMinutes. A reply in the alert's thread, shown in the channel, pings the
 * escalation mentions where the alert was posted, and says who asked. Anyone may escalate, as anyone
 * may acknowledge: it pages people, it changes no system.
 */
export function createAlertEscalation(o: AlertEscalateOptions) {
  const { store } = o;
  const openOf = (key: string) => alertMembers(store, key).filter((a) => a.status === 'open');

  function keysOf(i: { id?: string; target?: string }): string[] {
    if (i.id) {
      const key = store.chat.alertKeyFor(i.id);
      return key ? [key] : [];
    }
    const keys = new Set<string>();
    for (const a of store.openAnomalies()) {
      const key = a.target === i.target ? store.chat.alertKeyFor(a.id) : undefined;
      if (key) keys.add(key);
    }
    return [...keys];
  }

  /** Alerts posted to chat with something still open, newest first. */
  function openKeys(): string[] {
    const keys = new Set<string>();
    for (const a of [...store.openAnomalies()].sort((x, z) => z.startTs - x.startTs)) {
      const key = store.chat.alertKeyFor(a.id);
      if (key) keys.add(key);
    }
    return [...keys];
  }

  function message(open: Anomaly[], by: string, now: number, to?: string): NeutralMessage {
    const targets = [...new Set(open.map((a) => a.target))];
    return {
      title: `Escalated by ${by}${to ? ` to ${to}` : ''}: ${targets.join(', ')}`,
      severity: open.some((a) => a.severity === 'critical') ? 'critical' : 'warning',
      text: `${by} asks ${to ?? 'for'} help with this alert. Press Acknowledge, or say "ack" in this thread, if you take it.`,
      fields: open.slice(0, 5).map((a) => ({ label: `${a.target} ${anomalyLabel(a)}`, value: a.summary || a.id })),
      context: stamp(now),
      surface: true,
      actions: [],
    };
  }

  return {
    escalate(
      i: { id?: string; target?: string; unknownTarget?: string; several?: string[]; to?: string },
      user: ChatUser,
      now: number,
    ): ChatReply {
      const intent = 'escalate';
      const no = (text: string): ChatReply => ({ text, intent, private: true });
      const onCall = i.to === THE_ON_CALL;
      if (onCall && !o.people)
        return no('Nothing escalated: no on-call rotation is configured (chat.onCall); "escalate <target>" pings chat.escalate.mentions.');
      let person = onCall ? o.people!.at(now).member : i.to ? o.people?.member(i.to) : undefined;
      if (i.to && !person)
        return no(
          o.people?.members().length
            ? `Nothing escalated: I page people by name only from the on-call rotations (chat.onCall), where their mentions are set: ${o.people.members().join(', ')}. ${quoteUntrusted(i.to)} is not one; "escalate <target>" pings chat.escalate.mentions.`
            : `Nothing escalated: no on-call rotation is configured (chat.onCall), so I have no mention for ${quoteUntrusted(i.to)}; "escalate <target>" pings chat.escalate.mentions.`,
        );
      if (i.unknownTarget && !i.target) return no(`Nothing escalated: I don't know a target called ${quoteUntrusted(i.unknownTarget)}.`);
      if (i.several) return no(`Nothing escalated: name one target at a time (${i.several.join(', ')}).`);
      // No alert named: the one alert open in chat, if there is only one; else which.
      const page = person ? `page ${onCall ? 'the on-call' : person.name} about` : 'escalate';
      const whom = person ? `${person.name}${onCall ? ' (on call now)' : ''}` : '';
      const named = i.id || i.target ? keysOf(i) : openKeys();
      const which = (n: number) =>
        n === 0
          ? `Nothing escalated: no alert posted to chat is open, so there is nothing to ${person ? `page ${whom} about` : 'escalate'}.`
          : `${person ? `Page ${whom} about` : 'Escalate'} which alert? ${n} are open: ${named
              .slice(0, 5)
              .map((k) => openOf(k)[0]!)
              .map((a) => `${a.target} (${a.id})`)
              .join(', ')}${n > 5 ? ', …' : ''}.`;
      if (!i.id && !i.target && named.length !== 1) return no(`${which(named.length)} Say "${page} <target>" or "${page} an_…".`);
      const keys = named.filter((k) => openOf(k).length > 0);
      // "Page the on-call about db-1" with nothing open there: who holds it, and how to raise it all the same.
      const raise = person
        ? `${onCall ? ` ${whom} is the one to reach.` : ''} To raise something no alert shows, "open an incident on ${i.target ?? '<target>'}: <what you see>" posts it to the alert channels.`
        : '';
      if (keys.length === 0)
        return no(`No open alert ${i.id ? quoteUntrusted(i.id) : `on ${i.target}`}: nothing ${person ? 'paged' : 'escalated'}.${raise}`);
      // "Page the on-call about db-1": the holder of the rotation db-1's alerts page, when a route names one.
      const rotation = onCall ? o.rotationOf?.(openOf(keys[0]!)[0]!, now) : undefined;
      if (rotation) person = o.people!.at(now, rotation).member;
      const to = person ? `${person.name}${onCall ? ` (on call now${rotation ? ` for ${rotation}` : ''})` : ''}` : '';
      const by = o.actor(user);
      const pinged = new Set<string>();
      for (const key of keys) {
        const open = openOf(key);
        const msg = message(open, by, now, person?.name);
        for (const { platform, channel } of store.chat.destinationsOf(key) ?? []) {
          const pingable = platform === 'slack' || platform === 'discord';
          const mentions = !pingable
            ? []
            : person
              ? [person[platform]].filter((m): m is string => Boolean(m))
              : (o.mentions[platform] ?? []);
          mentions.forEach((m) => pinged.add(m));
          const payload = mentions.length ? { ...msg, mentions } : msg;
          store.chat.enqueue({ platform, channel, op: 'post', msgKey: `escalate:${key}:${now}`, threadKey: key, payload }, now);
        }
        o.record?.('alert_escalated', now, { key, anomalies: open.map((a) => a.id), actor: by, ...(person ? { to: person.name } : {}) });
      }
      const who = pinged.size
        ? `pinging ${[...pinged].join(' ')}`
        : person
          ? `pinging nobody: ${person.name} has no mention on the platforms where it was posted (chat.onCall), so the reply only shows in the channel`
          : 'pinging nobody: chat.escalate.mentions is empty, so the reply only shows in the channel';
      return {
        text: `Escalated ${keys.length === 1 ? 'the alert' : `${keys.length} alerts`} ${i.id ?? `on ${i.target ?? openOf(keys[0]!)[0]!.target}`}${person ? ` to ${to}` : ''}, ${who}.`,
        intent,
      };
    },
  };
}
