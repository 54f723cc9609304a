import type { NeutralMessage, Platform } from '../core/chat.js';
import type { Destination } from '../core/chat-store.js';
import type { Logger, Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import { clockTs } from './parse-clock.js';

export interface DailyDigestOptions {
  store: Store;
  logger: Logger;
  /** "HH:MM" on the wall clock of `timezone` (UTC when absent). */
  at: string;
  timezone?: string;
  /** The alert channels of the platforms running now. */
  destinations: () => Destination[];
  /** The digest's text at `now`: the last day's anomalies, open ones and remediations (answer-digest.ts). */
  compose: (now: number) => string;
}

const KEY = 'digest:last';
// A slot missed by longer than this (the bot was down at 09:00) is skipped, not posted at noon.
const LATE_MS = 3_600_000;

/**
 * A digest of the last day posted once a day to the alert channels, like the morning read of a
 * dashboard. Checked on every tick; the slot posted (or skipped) is kept in the store, so a restart
 * never posts it twice, and a first start after the hour waits for the next day.
 */
export function createDailyDigest(o: DailyDigestOptions) {
  const minute = Number(o.at.slice(0, 2)) * 60 + Number(o.at.slice(3, 5));
  return {
    /** Posts the digest when its slot has come and it has not been posted; returns whether it did. */
    onTick(now: number): boolean {
      const slot = clockTs({ minute, ...(o.timezone && o.timezone !== 'UTC' ? { zone: o.timezone } : {}) }, now);
      const last = Number(o.store.getKv(KEY) ?? 0);
      if (slot <= last) return false;
      o.store.setKv(KEY, String(slot));
      if (now - slot > LATE_MS) return false;
      const text = o.compose(now);
      const payload: NeutralMessage = { title: 'Daily digest: the last 24 h', severity: 'ok', text, fields: [], actions: [] };
      const to = o.destinations();
      for (const d of to)
        o.store.chat.enqueue(
          { platform: d.platform, channel: d.channel, op: 'post', msgKey: `digest:${slot}`, threadKey: null, payload },
          now,
        );
      o.logger.info({ slot, destinations: to.length }, 'daily digest queued');
      return to.length > 0;
    },
  };
}

export type DailyDigest = ReturnType<typeof createDailyDigest>;

/** The digest `chat.digest` asks for, to the default alert channels of the platforms running; undefined when off. */
export function dailyDigestOf(
  chat: Pick<FileConfig['chat'], 'digest' | 'channels'>,
  o: Pick<DailyDigestOptions, 'store' | 'logger' | 'compose'> & { platforms: () => Iterable<Platform> },
): DailyDigest | undefined {
  const { at, timezone } = chat.digest;
  if (!at) return undefined;
  const channels = chat.channels as Record<string, string[] | undefined>;
  return createDailyDigest({
    ...o,
    at,
    ...(timezone ? { timezone } : {}),
    destinations: () => [...o.platforms()].flatMap((platform) => (channels[platform] ?? []).map((channel) => ({ platform, channel }))),
  });
}
