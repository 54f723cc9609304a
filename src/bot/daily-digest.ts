import type { NeutralMessage, Platform } from '../core/chat.js';
import type { Destination } from '../core/chat-store.js';
import type { Logger, Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';
import { clockTs } from './parse-clock.js';
import { localTime } from './time-window.js';
import { WEEKDAYS } from '../core/weekday.js';
import type { RouteMatch } from './alert-routes.js';

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
  /** Digests of their own for the routes (chat.digest.routes): each one's anomalies only, to its channels. */
  routes?: () => RouteDigest[];
}

export interface RouteDigest {
  name: string;
  destinations: Destination[];
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
      /** The routes that get a digest of their own (with a channel on a running platform). */
      routes?: string[];
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
        ...(o.routes
          ? {
              routes: o
                .routes()
                .filter((r) => r.destinations.length)
                .map((r) => r.name),
            }
          : {}),
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
      let queued = to.length;
      for (const [i, r] of (o.routes?.() ?? []).entries()) {
        if (!r.destinations.length) continue;
        const own: NeutralMessage = { ...payload, title: `${title} — ${r.name}`, text: r.compose(now, days) };
        for (const d of r.destinations)
          o.store.chat.enqueue(
            { platform: d.platform, channel: d.channel, op: 'post', msgKey: `digest:${slot}:${i}`, threadKey: null, payload: own },
            now,
          );
        queued += r.destinations.length;
      }
      o.logger.info({ slot, days, destinations: queued }, 'digest queued');
      return queued > 0;
    },
  };
}

export type DailyDigest = ReturnType<typeof createDailyDigest>;

/**
 * The digest `chat.digest` asks for, to its own channels of each platform running where it names
 * them, else to that platform's default alert channels; undefined when off.
 */
export function dailyDigestOf(
  chat: Pick<FileConfig['chat'], 'digest' | 'channels' | 'timezone'> & Partial<Pick<FileConfig['chat'], 'routes'>>,
  o: Pick<DailyDigestOptions, 'store' | 'logger' | 'compose'> & {
    platforms: () => Iterable<Platform>;
    /** A route's digest text (chat.digest.routes): the anomalies its match covers. */
    composeRoute?: (now: number, days: number, route: { name: string; match: RouteMatch }) => string;
  },
): DailyDigest | undefined {
  // The digest's own zone, else the team's (chat.timezone).
  const { at, weekly } = chat.digest;
  const timezone = chat.digest.timezone ?? chat.timezone;
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
    ...(chat.digest.routes && o.composeRoute ? { routes: () => routeDigests(chat.routes ?? [], [...o.platforms()], o.composeRoute!) } : {}),
  });
}

/** Each route with channels on a running platform, named by its name or its place in chat.routes. */
function routeDigests(
  routes: FileConfig['chat']['routes'],
  platforms: Platform[],
  compose: (now: number, days: number, route: { name: string; match: RouteMatch }) => string,
): RouteDigest[] {
  return routes.map((r, i) => {
    const route = namedRoutes(routes)[i]!;
    const channels = r as Partial<Record<Platform, string[]>>;
    return {
      name: route.name,
      destinations: platforms.flatMap((platform) => (channels[platform] ?? []).map((channel) => ({ platform, channel }))),
      compose: (now: number, days: number) => compose(now, days, route),
    };
  });
}

/** chat.routes by the names digests use: its own, or its place ("route 2"). */
export const namedRoutes = (routes: FileConfig['chat']['routes']): { name: string; match: RouteMatch }[] =>
  routes.map((r, i) => ({ name: r.name ?? `route ${i + 1}`, match: r.match as RouteMatch }));
