import type { ChatAdapter, MessageRef, Platform } from '../core/chat.js';
import type { OutboxItem } from '../core/chat-store.js';
import { RateLimitedError } from '../core/errors.js';
import type { Clock, Logger, Store } from '../core/ports.js';
import { localizeMessage } from './local-times.js';

export interface OutboxWorkerOptions {
  store: Store;
  adapters: () => Map<Platform, ChatAdapter>;
  clock: Clock;
  logger: Logger;
  /** Minimum spacing between two sends to one channel (Slack allows about one per second). */
  minIntervalMs?: Partial<Record<Platform, number>>;
  pollMs?: number;
  onDelivered?: (item: OutboxItem, ok: boolean) => void;
  /** chat.timezone: the zone times in posts are shown in (UTC without one). */
  zone?: string;
}

/**
 * Delivers the persistent outbox: in order per channel, at most one send per channel per
 * interval, retries with backoff that honours retry-after, and every delivery recorded in the same
 * transaction as the message reference. An outage delays alerts; a restart resumes them.
 */
export function createOutboxWorker(o: OutboxWorkerOptions) {
  const lastSend = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let pumping: Promise<number> | undefined;
  let stopped = true;

  async function deliver(queued: OutboxItem, adapter: ChatAdapter): Promise<void> {
    const chat = o.store.chat;
    // Rendered in UTC when queued; shown on the team's clock, as of when it was queued.
    const item = { ...queued, payload: localizeMessage(queued.payload, o.zone, queued.createdTs) };
    if (item.op === 'update') {
      const ref = chat.messageRef(item.platform, item.channel, item.msgKey);
      if (ref) {
        await adapter.update(ref, item.payload);
        chat.markSent(item.id);
        return;
      }
      // Never posted (e.g. created before this channel existed): post it now instead.
    }
    let thread: string | undefined;
    if (item.threadKey) {
      const parent = chat.messageRef(item.platform, item.channel, item.threadKey);
      thread = parent?.thread ?? parent?.id;
    }
    const ref: MessageRef = await adapter.post(item.channel, item.payload, thread ? { thread } : undefined);
    chat.markSent(item.id, { msgKey: item.msgKey, ref });
  }

  async function pumpOnce(): Promise<number> {
    const now = o.clock.now();
    const items = o.store.chat.pendingOutbox(1000);
    const adapters = o.adapters();
    const seen = new Set<string>();
    let sent = 0;
    for (const [idx, item] of items.entries()) {
      const ch = `${item.platform}\u0000${item.channel}`;
      if (seen.has(ch)) continue;
      const adapter = adapters.get(item.platform);
      if (!adapter) continue;
      // A later update of the same message carries everything this one would.
      if (
        item.op === 'update' &&
        items
          .slice(idx + 1)
          .some((x) => x.op === 'update' && x.msgKey === item.msgKey && x.platform === item.platform && x.channel === item.channel)
      ) {
        o.store.chat.markSkipped(item.id);
        continue;
      }
      seen.add(ch); // one item per channel per pump, in order
      if (item.nextAttemptTs > now) continue;
      const gap = o.minIntervalMs?.[item.platform] ?? 1000;
      if (now - (lastSend.get(ch) ?? -Infinity) < gap) continue;
      lastSend.set(ch, now);
      try {
        await deliver(item, adapter);
        sent++;
        o.onDelivered?.(item, true);
      } catch (err) {
        const wait = err instanceof RateLimitedError ? err.retryAfterMs : Math.min(300_000, 1000 * 2 ** Math.min(item.attempts, 9));
        o.store.chat.markRetry(item.id, now + wait, (err as Error).message ?? String(err));
        o.logger.warn(
          { item: item.id, platform: item.platform, channel: item.channel, retryInMs: wait, err: (err as Error).message },
          'chat delivery failed; will retry',
        );
        o.onDelivered?.(item, false);
      }
    }
    return sent;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      pumping = pumpOnce().finally(() => {
        pumping = undefined;
        schedule();
      });
    }, o.pollMs ?? 250);
  };

  return {
    pumpOnce,
    start(): void {
      stopped = false;
      schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pumping;
    },
    backlog: () => o.store.chat.outboxBacklog(),
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
