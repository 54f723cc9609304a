import type { Anomaly } from '../core/anomaly.js';
import type { ChatReply, ChatUser, NeutralMessage } from '../core/chat.js';
import { anomalyLabel } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import { alertMembers } from './alert-keys.js';
import { stamp } from './format-reply.js';
import { quoteUntrusted } from './text-tools.js';

export interface AlertEscalateOptions {
  store: Store;
  actor: (u: ChatUser) => string;
  /** chat.escalate.mentions: who an escalation pings, per platform. */
  mentions: FileConfig['chat']['escalate']['mentions'];
  record?: (kind: string, ts: number, data: Record<string, unknown>) => void;
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

  function message(open: Anomaly[], by: string, now: number): NeutralMessage {
    const targets = [...new Set(open.map((a) => a.target))];
    return {
      title: `Escalated by ${by}: ${targets.join(', ')}`,
      severity: open.some((a) => a.severity === 'critical') ? 'critical' : 'warning',
      text: `${by} asks for help with this alert. Press Acknowledge, or say "ack" in this thread, if you take it.`,
      fields: open.slice(0, 5).map((a) => ({ label: `${a.target} ${anomalyLabel(a)}`, value: a.summary || a.id })),
      context: stamp(now),
      surface: true,
      actions: [],
    };
  }

  return {
    escalate(i: { id?: string; target?: string; unknownTarget?: string; several?: string[] }, user: ChatUser, now: number): ChatReply {
      const intent = 'escalate';
      const no = (text: string): ChatReply => ({ text, intent, private: true });
      if (i.unknownTarget && !i.target) return no(`Nothing escalated: I don't know a target called ${quoteUntrusted(i.unknownTarget)}.`);
      if (i.several) return no(`Nothing escalated: name one target at a time (${i.several.join(', ')}).`);
      if (!i.id && !i.target) return no('Escalate which alert? Say "escalate an_…" or "escalate <target>".');
      const keys = keysOf(i).filter((k) => openOf(k).length > 0);
      if (keys.length === 0) return no(`No open alert ${i.id ? quoteUntrusted(i.id) : `on ${i.target}`}: nothing escalated.`);
      const by = o.actor(user);
      const pinged = new Set<string>();
      for (const key of keys) {
        const open = openOf(key);
        const msg = message(open, by, now);
        for (const { platform, channel } of store.chat.destinationsOf(key) ?? []) {
          const mentions = platform === 'slack' || platform === 'discord' ? (o.mentions[platform] ?? []) : [];
          mentions.forEach((m) => pinged.add(m));
          const payload = mentions.length ? { ...msg, mentions } : msg;
          store.chat.enqueue({ platform, channel, op: 'post', msgKey: `escalate:${key}:${now}`, threadKey: key, payload }, now);
        }
        o.record?.('alert_escalated', now, { key, anomalies: open.map((a) => a.id), actor: by });
      }
      const who = pinged.size
        ? `pinging ${[...pinged].join(' ')}`
        : 'pinging nobody: chat.escalate.mentions is empty, so the reply only shows in the channel';
      return {
        text: `Escalated ${keys.length === 1 ? 'the alert' : `${keys.length} alerts`} ${i.id ?? `on ${i.target}`}, ${who}.`,
        intent,
      };
    },
  };
}
