import type { NeutralMessage, Platform } from '../core/chat.js';
import type { Destination } from '../core/chat-store.js';
import type { Logger, Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import { clockTs } from './parse-clock.js';
import { localTime } from './time-window.js';
import { WEEKDAYS } from '../core/weekday.js';

export interface DailyDigestOptions {
  store: Store;
  logger: Logger;
  /** "HH:MM" on the wall clock of `timezone` (UTC when absent). */
  at: string;
  timezone?: string;
  /** The alert channels of the platforms running now. */
  destinations: () => Destination[];
  /** On this weekday (0 = Sunday, in `timezone`) the digest covers the last 7 days instead of one. */
  weeklyOn?: number;
  /** The digest's text at `now` over the last `days`: anomalies, open ones and remediations (answer-digest.ts). */
  compose: (now: number, days: number) => string;
}

const KEY = 'digest:last';
// A slot missed by longer than this (the bot was down at 09:00) is skipped, not posted at noon.
const LATE_MS = 3_600_000;

/**
 * A digest of the last day (or, on the weekly day, the last week) posted once a day to the alert
 * channels, like the morning read of a dashboard. Checked on every tick; the slot posted (or skipped) is kept in the store, so a restart
 * never posts it twice, and a first start after the hour waits for the next day.
 */
export function createDailyDigest(o: DailyDigestOptions) {
  const minute = Number(o.at.slice(0, 2)) * 60 + Number(o.at.slice(3, 5));
  const zone = o.timezone && o.timezone !== 'UTC' ? { zone: o.timezone } : {};
  const daysOf = (slot: number) => (o.weeklyOn !== undefined && localTime(slot, o.timezone ?? 'UTC').day === o.weeklyOn ? 7 : 1);
  return {
    /** When the next digest is due, what it covers and where it goes ("when is the next digest?"). */
    next(now: number): {
      ts: number;
      days: number;
      at: string;
      timezone: string;
      weeklyOn?: number;
      destinations: Destination[];
      /** The slot last posted (or skipped as missed), when there was one. */
      lastTs?: number;
    } {
      const lastTs = Number(o.store.getKv(KEY) ?? 0);
      // The latest slot, if the next tick still posts it; else the one after (read a day on, so summer time is kept).
      const latest = clockTs({ minute, ...zone }, now);
      const due = latest > lastTs && now - latest <= LATE_MS;
      const ts = due ? latest : clockTs({ minute, ...zone }, now + 86_400_000);
      return {
        ts,
        days: daysOf(ts),
        at: o.at,
        timezone: o.timezone ?? 'UTC',
        ...(o.weeklyOn !== undefined ? { weeklyOn: o.weeklyOn } : {}),
        destinations: o.destinations(),
        ...(lastTs > 0 ? { lastTs } : {}),
      };
    },
    /** Posts the digest when its slot has come and it has not been posted; returns whether it did. */
    onTick(now: number): boolean {
      const slot = clockTs({ minute, ...zone }, now);
      const last = Number(o.store.getKv(KEY) ?? 0);
      if (slot <= last) return false;
      o.store.setKv(KEY, String(slot));
      if (now - slot > LATE_MS) return false;
      const days = daysOf(slot);
      const text = o.compose(now, days);
      const title = days === 7 ? 'Weekly digest: the last 7 days' : 'Daily digest: the last 24 h';
      const payload: NeutralMessage = { title, severity: 'ok', text, fields: [], actions: [] };
      const to = o.destinations();
      for (const d of to)
        o.store.chat.enqueue(
          { platform: d.platform, channel: d.channel, op: 'post', msgKey: `digest:${slot}`, threadKey: null, payload },
          now,
        );
      o.logger.info({ slot, days, destinations: to.length }, 'digest queued');
      return to.length > 0;
    },
  };
}

export type DailyDigest = ReturnType<typeof createDailyDigest>;

/**
 * The digest `chat.digest` asks for, to its own channels of each platform running where it names
 * them, else to that platform's default alert channels; undefined when off.
 */
export function dailyDigestOf(
  chat: Pick<FileConfig['chat'], 'digest' | 'channels'>,
  o: Pick<DailyDigestOptions, 'store' | 'logger' | 'compose'> & { platforms: () => Iterable<Platform> },
): DailyDigest | undefined {
  const { at, timezone, weekly } = chat.digest;
  if (!at) return undefined;
  const own = (chat.digest.channels ?? {}) as Record<string, string[] | undefined>;
  const alerts = chat.channels as Record<string, string[] | undefined>;
  return createDailyDigest({
    ...o,
    at,
    ...(timezone ? { timezone } : {}),
    ...(weekly ? { weeklyOn: WEEKDAYS.indexOf(weekly) } : {}),
    destinations: () =>
      [...o.platforms()].flatMap((platform) => (own[platform] ?? alerts[platform] ?? []).map((channel) => ({ platform, channel }))),
  });
}
