import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Clock, Store } from '../core/ports.js';
import { stamp } from '../core/stamp.js';
import type { OnCallConfig } from '../config/on-call-schema.js';
import { formatDuration } from './text-tools.js';

type Member = OnCallConfig['members'][number];
type Pinged = 'slack' | 'discord';

export interface Shift {
  member: Member;
  from: number;
  until: number;
}

/** A member taking the pager before their turn, or for someone ("I'm on call until 18:00"). */
interface Cover {
  member: string;
  from: number;
  until: number;
  by: string;
}

const HOUR = 3_600_000;
const COVER_KEY = 'oncall:cover';
/** A cover is for a gap (a sick day, a flight), not a new rotation. */
export const MAX_COVER_MS = 7 * 24 * HOUR;

/** The rotation's shift at `ts`: turns of shiftHours in member order, the first from the handoff, before it too. Pure. */
export function shiftAt(cfg: OnCallConfig, ts: number): Shift {
  const len = cfg.shiftHours * HOUR;
  const start = Date.parse(cfg.handoff);
  const k = Math.floor((ts - start) / len);
  const n = cfg.members.length;
  return { member: cfg.members[((k % n) + n) % n]!, from: start + k * len, until: start + (k + 1) * len };
}

/** Whether a chat user is this member: their mention on Slack or Discord, their user name in the web console. */
export function isMember(m: Member, u: Pick<ChatUser, 'platform' | 'id'>): boolean {
  if (u.platform === 'slack' || u.platform === 'discord') return m[u.platform] === `<@${u.id}>`;
  return u.platform === 'web' && m.web === u.id;
}

const who = (m: Member) => {
  const at = [m.slack && `${m.slack} on Slack`, m.discord && `${m.discord} on Discord`, m.web && `${m.web} in the console`].filter(Boolean);
  return `${m.name}${at.length ? ` (${at.join(', ')})` : ''}`;
};

/**
 * The rotation with the covers set in chat (kept in the store, so a restart keeps them): who is on
 * call now, their mention per platform, and the commands that take or hand back the pager.
 */
export function createOnCall(
  cfg: OnCallConfig,
  o: {
    store: Pick<Store, 'getKv' | 'setKv'>;
    clock: Clock;
    record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  },
) {
  const byName = (name: string) => cfg.members.find((m) => m.name === name);

  function coverAt(ts: number): Cover | undefined {
    try {
      const c = JSON.parse(o.store.getKv(COVER_KEY) ?? 'null') as Partial<Cover> | null;
      const ok = c && typeof c.member === 'string' && typeof c.from === 'number' && typeof c.until === 'number' && typeof c.by === 'string';
      return ok && byName(c.member!) && c.from! <= ts && ts < c.until! ? (c as Cover) : undefined;
    } catch {
      // A value that does not parse is no cover; the rotation decides.
      return undefined;
    }
  }

  /** Who has the pager at `ts`: the cover while it lasts, else the rotation's shift. */
  function at(ts: number): Shift & { cover?: Cover; rotation: Shift } {
    const rotation = shiftAt(cfg, ts);
    const c = coverAt(ts);
    return c
      ? { member: byName(c.member)!, from: c.from, until: Math.min(c.until, Number.MAX_SAFE_INTEGER), cover: c, rotation }
      : { ...rotation, rotation };
  }

  return {
    at,
    /** The on-call's mention on a platform now, for alerts and escalations that ping the on-call. */
    mention: (platform: Pinged, ts = o.clock.now()): string | undefined => at(ts).member[platform],

    /** "Who is on call?": now, any cover, the rotation, and the next shifts. */
    lines(ts: number, next = 3): string[] {
      const now = at(ts);
      const lines = [
        `On call now: ${who(now.member)}, until ${stamp(now.until)} (in ${formatDuration(now.until - ts)})${
          now.cover ? `, covering ${now.rotation.member.name}'s shift (set by ${now.cover.by})` : ''
        }.`,
      ];
      lines.push(
        `Rotation: ${cfg.shiftHours} h shifts from ${stamp(Date.parse(cfg.handoff))}, in this order: ${cfg.members.map((m) => m.name).join(', ')}.`,
      );
      const upcoming: Shift[] = [];
      for (let t = now.rotation.until; upcoming.length < next && cfg.members.length > 1; t += cfg.shiftHours * HOUR)
        upcoming.push(shiftAt(cfg, t));
      if (now.cover && now.cover.until < now.rotation.until) upcoming.unshift({ ...now.rotation, from: now.cover.until });
      if (upcoming.length) lines.push(`Next: ${upcoming.map((s) => `${s.member.name} from ${stamp(s.from)}`).join('; ')}.`);
      return lines;
    },

    /** "I'm on call until 18:00", "take on-call for 4h": the asker covers until then. */
    take(user: ChatUser, untilTs: number, ts: number): ChatReply {
      const intent = 'on_call_cover';
      const m = cfg.members.find((x) => isMember(x, user));
      if (!m)
        return {
          text: `You are not in the on-call rotation (chat.onCall.members: ${cfg.members.map((x) => x.name).join(', ')}), so I cannot put you on call.`,
          intent,
          private: true,
        };
      if (untilTs <= ts || untilTs - ts > MAX_COVER_MS)
        return {
          text: 'A cover ends after now and within a week: "I\'m on call until 18:00", "take on-call for 4h".',
          intent,
          private: true,
        };
      const before = at(ts);
      const actor = `${user.platform}:${user.id}`;
      const c: Cover = { member: m.name, from: ts, until: untilTs, by: actor };
      o.store.setKv(COVER_KEY, JSON.stringify(c));
      o.record?.('oncall_cover', ts, { member: m.name, until: untilTs, actor, instead: before.member.name });
      const instead = before.member.name === m.name ? '' : `, instead of ${before.member.name}`;
      return {
        text: `${m.name} is on call until ${stamp(untilTs)} (${formatDuration(untilTs - ts)})${instead}: alerts and escalations that ping the on-call ping ${m.name}. "End my on-call cover" hands it back.`,
        intent,
      };
    },

    /** "End my on-call cover", "hand on-call back": the rotation decides again. */
    release(user: ChatUser, ts: number): ChatReply {
      const intent = 'on_call_cover';
      const c = coverAt(ts);
      const mine = c && isMember(byName(c.member)!, user);
      if (!c || !mine)
        return {
          text: c ? `The cover running is ${c.member}'s (until ${stamp(c.until)}); only they can end it.` : 'No on-call cover is running.',
          intent,
          private: true,
        };
      o.store.setKv(COVER_KEY, 'null');
      o.record?.('oncall_cover_ended', ts, { member: c.member, actor: `${user.platform}:${user.id}` });
      const back = shiftAt(cfg, ts);
      return { text: `Cover ended: ${back.member.name} is on call again, until ${stamp(back.until)}.`, intent };
    },
  };
}

export type OnCall = ReturnType<typeof createOnCall>;

/**
 * Mention lists with `onCall` turned into whoever is on call, read each time a platform's list is
 * read: a route's or the escalation's ping goes to the person on call when the message is sent.
 */
export function withOnCall(
  lists: { slack?: string[] | undefined; discord?: string[] | undefined; onCall?: boolean | undefined },
  onCall: OnCall | undefined,
): Partial<Record<Pinged, string[]>> {
  const read = (p: Pinged) => {
    const extra = lists.onCall ? onCall?.mention(p) : undefined;
    return extra && !(lists[p] ?? []).includes(extra) ? [...(lists[p] ?? []), extra] : lists[p];
  };
  return {
    get slack() {
      return read('slack');
    },
    get discord() {
      return read('discord');
    },
  };
}
