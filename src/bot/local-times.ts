import type { ChatReply, ChatUser, NeutralMessage } from '../core/chat.js';
import type { Store } from '../core/ports.js';
import { ianaZone, offsetMs } from './parse-clock.js';
import { quoteUntrusted } from './text-tools.js';

const KEY = 'tz:';
// A client already on UTC changes nothing: replies are in UTC without a zone.
const notUtc = (z: string | undefined) => (z && !/^(?:Etc\/)?(?:UTC|UCT|GMT|Universal|Zulu)(?:[+-]0)?$/.test(z) ? z : undefined);
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "+01:00", "-05:00", "+05:30": an offset as the parser reads it back. */
function offsetText(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

function wall(ts: number, zone: string, seconds: boolean): { date: string; time: string } {
  const off = offsetMs(zone, ts);
  const d = new Date(ts + off);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ''} ${offsetText(off)}`,
  };
}

const STAMP = /\b(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(:\d\d)? UTC\b/g;
const CLOCK = /(?<!\d{4}-\d\d-\d\d )\b(\d\d):(\d\d)(:\d\d)? UTC\b/g;
const RANGE = /(?<!\d{4}-\d\d-\d\d )\b(\d\d):(\d\d)(:\d\d)?–(\d\d):(\d\d)(:\d\d)? UTC\b/g;

/**
 * A reply's times on the asker's clock: "2026-12-05 17:20:00 UTC" becomes "2026-12-05 18:20:00 +01:00",
 * in a form the parser reads back. A time without a date is taken as the one nearest `now`, as the
 * replies print those for times within a day. A day is named with its zone ("today (UTC)", "today
 * (Europe/Berlin)": day-start.ts), which is left as it is. Pure.
 */
export function localizeTimes(text: string, zone: string, now: number): string {
  const withDates = text.replace(STAMP, (_m, y: string, mo: string, d: string, h: string, mi: string, s: string | undefined) => {
    const ts = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s.slice(1) : 0);
    const w = wall(ts, zone, s !== undefined);
    return `${w.date} ${w.time}`;
  });
  const clock = (h: string, mi: string, s: string | undefined) => {
    const day = now - (now % DAY);
    const candidates = [day - DAY, day, day + DAY].map((base) => base + (+h * 60 + +mi) * 60_000 + (s ? +s.slice(1) * 1000 : 0));
    const ts = candidates.reduce((best, t) => (Math.abs(t - now) < Math.abs(best - now) ? t : best));
    return wall(ts, zone, s !== undefined).time;
  };
  // "09:19–10:19 UTC": the zone is said once, after the second, but both ends are UTC.
  return withDates
    .replace(RANGE, (_m, h1: string, m1: string, s1: string | undefined, h2: string, m2: string, s2: string | undefined) => {
      const [from, to] = [clock(h1, m1, s1), clock(h2, m2, s2)];
      const [fromTime, fromOffset] = from.split(' ');
      return to.endsWith(` ${fromOffset}`) ? `${fromTime}–${to}` : `${from}–${to}`;
    })
    .replace(CLOCK, (_m, h: string, mi: string, s: string | undefined) => clock(h, mi, s));
}

/** Each person's display zone ("show times in Europe/Berlin"), kept in the store. */
export function createUserZones(store: Pick<Store, 'getKv' | 'setKv'>, teamZone?: string) {
  const channels = notUtc(teamZone) ?? 'UTC';
  const keyOf = (u: Pick<ChatUser, 'platform' | 'id'>) => `${KEY}${u.platform}:${u.id}`;
  // The name as set ("Asia/Kolkata"), while it is still a zone this Node knows.
  const stored = (u: Pick<ChatUser, 'platform' | 'id'>) => {
    const v = store.getKv(keyOf(u));
    return v && ianaZone(v) ? v : undefined;
  };
  return {
    /**
     * The person's zone: the one they chose, else the zone their client shows (the console sends the
     * browser's), else the team's (chat.timezone), unless they chose UTC ("use UTC" is a choice too).
     */
    zoneOf: (u: Pick<ChatUser, 'platform' | 'id'>, clientZone?: string): string | undefined =>
      stored(u) ??
      (store.getKv(keyOf(u)) === undefined ? ((clientZone ? notUtc(ianaZone(clientZone)) : undefined) ?? notUtc(teamZone)) : undefined),
    /** "Show times in Europe/Berlin", "use UTC", "what's my time zone?". */
    handle(i: { zone?: string; reset?: boolean }, u: ChatUser, now: number): ChatReply {
      const intent = 'timezone';
      if (u.platform === 'cli') return { text: 'The CLI prints UTC; a display zone is set per person in chat.', intent, private: true };
      if (i.reset) {
        store.setKv(keyOf(u), '');
        return { text: 'Times in my replies to you are in UTC again.', intent, private: true };
      }
      if (i.zone === undefined) {
        const z = stored(u);
        return {
          text: z
            ? `Times in my replies to you are in ${z} (now ${wall(now, z, false).time}); alerts in channels are in ${channels}. "Use UTC" goes back.`
            : notUtc(teamZone) && store.getKv(keyOf(u)) === undefined
              ? `Times in my replies to you are in the team's zone, ${teamZone} (chat.timezone), as are alerts in channels. "Show times in Europe/Berlin" (an IANA zone name) changes it for you; "use UTC" too.`
              : 'Times in my replies to you are in UTC. "Show times in Europe/Berlin" (an IANA zone name) changes that for you.',
          intent,
          private: true,
        };
      }
      // "asia/kolkata" as the person wrote it, cased as zone names are; ICU's own name ("Asia/Calcutta") otherwise.
      const cased = i.zone.replace(/[^/_-]+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1));
      const z = ianaZone(cased) ? cased : ianaZone(i.zone);
      if (!z)
        return {
          text: `${quoteUntrusted(i.zone)} is not an IANA zone name; say one like "Europe/Berlin" or "America/New_York" (abbreviations such as PST are ambiguous).`,
          intent,
          private: true,
        };
      store.setKv(keyOf(u), z);
      return {
        text: `Times in my replies to you are now in ${z} (now ${wall(now, z, false).time}), written with their offset. "Today", "yesterday" and a time you type ("at 15:00", "overnight") are on your clock there; "at 15:00 utc" stays UTC. Alerts in channels are in ${channels}. "Use UTC" goes back.`,
        intent,
        private: true,
      };
    },
  };
}

/**
 * A channel post's times in the team's zone (chat.timezone): every text a platform shows. Buttons
 * and their ids are left alone; `now` is when the post was made, for times printed without a date.
 */
export function localizeMessage(msg: NeutralMessage, zone: string | undefined, now: number): NeutralMessage {
  const z = notUtc(zone);
  if (!z) return msg;
  const t = (s: string) => localizeTimes(s, z, now);
  return {
    ...msg,
    title: t(msg.title),
    text: t(msg.text),
    fields: msg.fields.map((f) => ({ ...f, value: t(f.value) })),
    ...(msg.context !== undefined ? { context: t(msg.context) } : {}),
    ...(msg.status !== undefined ? { status: t(msg.status) } : {}),
    ...(msg.sparkline ? { sparkline: { ...msg.sparkline, from: t(msg.sparkline.from), to: t(msg.sparkline.to) } } : {}),
  };
}

/** Slack's Home tab on the viewer's clock (their zone, else chat.timezone), as their replies are. */
export function localizeHome<T extends { text: string; messages: NeutralMessage[] }>(view: T, zone: string | undefined, now: number): T {
  const z = notUtc(zone);
  return z ? { ...view, text: localizeTimes(view.text, z, now), messages: view.messages.map((m) => localizeMessage(m, z, now)) } : view;
}
