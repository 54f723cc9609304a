import type { Anomaly } from '../core/anomaly.js';
import type { Platform } from '../core/chat.js';
import type { Store } from '../core/ports.js';
import { alertMembers, isAlertKey } from './alert-keys.js';
import { figureMetric } from '../core/metrics.js';
import type { Intent, MetricKey } from './parse-intent.js';

/** The alert a chat message was written under, and its anomalies. */
export interface ThreadAlert {
  key: string;
  members: Anomaly[];
}

const REMINDER = /^remind:(.+):\d+$/;

// Stored metric names as the words chat answers by; a silent host's heartbeat has none.
export const METRIC_KEY: Record<string, MetricKey> = {
  cpu: 'cpu',
  memory: 'memory',
  disk: 'disk',
  net_in: 'net_in',
  net_out: 'net_out',
  latency_ms: 'latency',
};

/**
 * The alert whose thread (Slack) or reply chain (Discord: a reply to it, or its thread) a message
 * was written in; a reply to one of its reminders counts as the alert's.
 */
export function alertOfThread(store: Store, platform: Platform, thread: string | undefined): ThreadAlert | undefined {
  if (!thread) return undefined;
  let key = store.chat.keyOfMessage(platform, thread);
  key = key?.replace(REMINDER, '$1');
  if (!key || !isAlertKey(key)) return undefined;
  const members = alertMembers(store, key);
  return members.length > 0 ? { key, members } : undefined;
}

/**
 * Fills in what an intent left open with the alert it was asked under: "ack", "explain" or
 * "snooze for 2h" in an alert's thread mean that alert. Anything the text names wins. Pure.
 */
export function inAlertThread(intent: Intent, alert: ThreadAlert): Intent {
  const pick = (alert.members.find((a) => a.status === 'open') ?? alert.members[0]!).id;
  switch (intent.kind) {
    case 'ack':
    case 'unack':
      return intent.id || intent.target || intent.unknownTarget || intent.several ? intent : { ...intent, id: pick };
    case 'explain':
    case 'timeline':
    case 'precedent':
      return intent.id || intent.target ? intent : { ...intent, id: pick };
    case 'feedback':
      return intent.id || intent.target || intent.metric ? intent : { ...intent, id: pick };
    case 'note':
      return intent.id ? intent : { ...intent, id: pick };
    // "Approve" under web-1's alert: the one proposal waiting on web-1 (decide-proposal.ts asks if several).
    case 'approve':
    case 'deny':
      return intent.id || intent.target || intent.unknownTarget
        ? intent
        : { ...intent, target: alert.members.find((m) => m.id === pick)!.target };
    case 'silence':
      return intent.target || intent.metric || intent.unknownTarget || intent.several ? intent : { ...intent, anomalyId: pick };
    // "Scale up", "restart app" under web-1's alert: on web-1.
    case 'action_request':
      return intent.target || intent.unknownTarget || intent.several
        ? intent
        : { ...intent, target: alert.members.find((m) => m.id === pick)!.target };
    // "Tell me when it recovers", "…when it drops below 50%": its target (and metric, for a line).
    case 'watch': {
      const a = alert.members.find((m) => m.id === pick)!;
      // Another target named ("…when web-2 drops below 50%" under web-1's alert) is not this alert's: asked as said.
      if (!intent.it || (intent.target && intent.target !== a.target)) return intent;
      const { it: _it, ...rest } = intent;
      const metric = intent.metric ?? (intent.when === 'resolved' ? undefined : METRIC_KEY[figureMetric(a)]);
      return { ...rest, target: a.target, ...(metric ? { metric } : {}) };
    }
    // "graph", "trend", "what should I do?" under an alert: its target, and its metric unless another was named.
    case 'chart':
    case 'trend':
    case 'advice': {
      if (intent.target || ('group' in intent && intent.group) || intent.unknownTarget) return intent;
      const a = alert.members.find((m) => m.id === pick)!;
      const metric = intent.metric ?? METRIC_KEY[figureMetric(a)];
      return { ...intent, target: a.target, ...(metric ? { metric } : {}) };
    }
    default:
      return intent;
  }
}

/** What an LLM needs to know about where a free-form question was asked. */
export function threadNote(alert: ThreadAlert): string {
  const targets = [...new Set(alert.members.map((a) => a.target))];
  return `(Asked in the thread of the alert on ${targets.slice(0, 5).join(', ')}${targets.length > 5 ? ', …' : ''}: ${alert.members
    .slice(0, 5)
    .map((a) => a.id)
    .join(', ')}.)`;
}
