import type { MessageRef, NeutralMessage, Platform } from './chat.js';

export interface Silence {
  id: string;
  /** '*' matches every target / metric. */
  target: string;
  metric: string;
  untilTs: number;
  createdBy: string;
  createdTs: number;
  /** A silence scheduled ahead ("mute db-1 from 22:00 to 23:00") holds nothing before this. Absent: from its creation. */
  startsTs?: number;
  /** Why ("mute db-1 for 2h: db migration"), as Alertmanager's silences carry a comment. */
  reason?: string;
  /** Only alerts of this severity ("mute warnings for 1h"); absent: every severity. */
  severity?: 'warning' | 'critical';
}

/** Whether a silence covers a target's metric ('*' for either matches all; network silences cover both directions). */
/** How a platform's deliveries went ("is slack connected?", "how many alerts did you send today?"). */
export interface OutboxStats {
  platform: Platform;
  /** Delivered since the time asked: new messages, replies in a thread, in-place updates. */
  posts: number;
  /** The posts by what their message key starts with, before its first ':' ("alert", "digest", "watch"). */
  postsByKind: Record<string, number>;
  replies: number;
  updates: number;
  /** Waiting now, of which tried and failed at least once; the oldest waiting one, and the last error. */
  pending: number;
  retrying: number;
  oldestPendingTs?: number;
  lastError?: string;
}

export function silenceCovers(
  s: Pick<Silence, 'target' | 'metric' | 'severity'>,
  target: string,
  metric: string,
  severity?: string,
): boolean {
  return (
    (!s.severity || s.severity === severity) &&
    (s.target === '*' || s.target === target) &&
    (s.metric === '*' || s.metric === metric || (s.metric === 'net_in' && metric === 'net_out'))
  );
}

export interface OutboxItem {
  id: number;
  platform: Platform;
  channel: string;
  op: 'post' | 'update';
  msgKey: string;
  /** Post as a reply in the thread of this message key, when the platform has threads. */
  threadKey: string | null;
  payload: NeutralMessage;
  attempts: number;
  nextAttemptTs: number;
  createdTs: number;
}

/** One channel on one platform. */
export interface Destination {
  platform: Platform;
  channel: string;
  /** Who the alert pings there (platform syntax, from config routes only). */
  mentions?: string[];
}

export interface WebMessage {
  id: string;
  channel: string;
  thread: string | null;
  payload: NeutralMessage;
  createdTs: number;
  updatedTs: number;
}

/** Someone took an alert message on: reminders stop and the message says who, until it is handed back. */
export interface Ack {
  msgKey: string;
  by: string;
  ts: number;
}

/** Chat state that must survive restarts: silences, the outbox, message references, web messages. */
export interface ChatStore {
  /**
   * Drops what no longer hangs off a stored anomaly and is older than keepMs: alert links of pruned
   * anomalies, their reminder counts and acknowledgements, message references and console messages,
   * long-expired silences.
   */
  prune(now: number, keepMs: number): void;
  addSilence(s: Silence): void;
  /** The silences in force at `now`: begun and not yet over. */
  silences(now: number): Silence[];
  /** Those scheduled to begin after `now`, the soonest first. */
  scheduledSilences(now: number): Silence[];
  /** Lifts a silence in force, or cancels a scheduled one. */
  removeSilence(id: string): boolean;
  /** Lifts the silences in force on a target; those scheduled ahead stay (they are cancelled by id). */
  removeSilencesFor(target: string, now: number): number;

  enqueue(item: Omit<OutboxItem, 'id' | 'attempts' | 'nextAttemptTs' | 'createdTs'>, now: number): number;
  pendingOutbox(limit: number): OutboxItem[];
  /** Marks an item delivered and, for a post, remembers where it went (one transaction). */
  markSent(id: number, ref?: { msgKey: string; ref: MessageRef }): void;
  markRetry(id: number, nextAttemptTs: number, error: string): void;
  /** Superseded updates: a later update of the same message carries everything. */
  markSkipped(id: number): void;
  outboxBacklog(): number;
  /** Per platform: what was queued from `sinceTs` until `untilTs` and delivered, and what still waits (whenever queued). */
  outboxStats(sinceTs: number, untilTs?: number): OutboxStats[];
  messageRef(platform: Platform, channel: string, msgKey: string): MessageRef | undefined;
  /** The message key a platform message id was sent for (a Slack ts, a Discord message id). */
  keyOfMessage(platform: Platform, refId: string): string | undefined;

  /** Records where a message key was sent (a union: adding again is a no-op). */
  addDestinations(msgKey: string, list: Destination[], now: number): void;
  /** Where a message key was sent, in the order first recorded (empty: routed nowhere); undefined when never recorded. */
  destinationsOf(msgKey: string): Destination[] | undefined;

  /** Records an acknowledgement; false (and nothing changes) when the message already has one. */
  acknowledge(ack: Ack): boolean;
  ackOf(msgKey: string): Ack | undefined;
  /** The acknowledgement of the alert message an anomaly is in, if any. */
  ackOfAnomaly(anomalyId: string): Ack | undefined;
  unacknowledge(msgKey: string): boolean;

  linkAlert(anomalyId: string, msgKey: string): void;
  alertKeyFor(anomalyId: string): string | undefined;
  anomaliesForKey(msgKey: string): string[];

  webPost(channel: string, thread: string | null, payload: NeutralMessage, now: number): string;
  webUpdate(id: string, payload: NeutralMessage, now: number): boolean;
  webMessages(limit: number): WebMessage[];
}
