import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Clock, Store } from '../core/ports.js';
import { stamp } from '../core/stamp.js';
import { rotationsOf, type OnCallConfig, type Rotation } from '../config/on-call-schema.js';
import { formatDuration } from './text-tools.js';

type Member = Rotation['members'][number];
type Named = Rotation & { name: string };
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
const COVER_KEY = 'oncall:cover:';
/** A cover is for a gap (a sick day, a flight), not a new rotation. */
export const MAX_COVER_MS = 7 * 24 * HOUR;

/** The rotation's shift at `ts`: turns of shiftHours in member order, the first from the handoff, before it too. Pure. */
export function shiftAt(cfg: Rotation, ts: number): Shift {
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
 * The rotations (chat.onCall) with the covers set in chat (kept in the store, so a restart keeps
 * them): who is on call now in each, their mention per platform, and the commands that take or
 * hand back a pager. Without a name, the first rotation is meant.
 */
export function createOnCall(
  cfg: OnCallConfig,
  o: {
    store: Pick<Store, 'getKv' | 'setKv'>;
    clock: Clock;
    record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  },
) {
  const rotations = rotationsOf(cfg);
  const several = rotations.length > 1;
  const rotationOf = (name?: string): Named => rotations.find((r) => r.name === name) ?? rotations[0]!;
  const byName = (r: Named, name: string) => r.members.find((m) => m.name === name);

  function coverAt(r: Named, ts: number): Cover | undefined {
    try {
      const c = JSON.parse(o.store.getKv(COVER_KEY + r.name) ?? 'null') as Partial<Cover> | null;
      const ok = c && typeof c.member === 'string' && typeof c.from === 'number' && typeof c.until === 'number' && typeof c.by === 'string';
      return ok && byName(r, c.member!) && c.from! <= ts && ts < c.until! ? (c as Cover) : undefined;
    } catch {
      // A value that does not parse is no cover; the rotation decides.
      return undefined;
    }
  }

  /** Who has a rotation's pager at `ts`: the cover while it lasts, else the rotation's shift. */
  function at(ts: number, name?: string): Shift & { cover?: Cover; rotation: Shift; name: string } {
    const r = rotationOf(name);
    const rotation = shiftAt(r, ts);
    const c = coverAt(r, ts);
    const base = { rotation, name: r.name };
    return c ? { member: byName(r, c.member)!, from: c.from, until: c.until, cover: c, ...base } : { ...rotation, ...base };
  }

  /** "who is on call?" for one rotation: now, any cover, the order, and the next shifts. */
  function linesOf(r: Named, ts: number, next: number): string[] {
    const now = at(ts, r.name);
    const of = several ? ` for ${r.name}` : '';
    const lines = [
      `On call${of} now: ${who(now.member)}, until ${stamp(now.until)} (in ${formatDuration(now.until - ts)})${
        now.cover ? `, covering ${now.rotation.member.name}'s shift (set by ${now.cover.by})` : ''
      }.`,
    ];
    if (next === 0) return lines;
    lines.push(
      `Rotation${of}: ${r.shiftHours} h shifts from ${stamp(Date.parse(r.handoff))}, in this order: ${r.members.map((m) => m.name).join(', ')}.`,
    );
    const upcoming: Shift[] = [];
    for (let t = now.rotation.until; upcoming.length < next && r.members.length > 1; t += r.shiftHours * HOUR) upcoming.push(shiftAt(r, t));
    if (now.cover && now.cover.until < now.rotation.until) upcoming.unshift({ ...now.rotation, from: now.cover.until });
    if (upcoming.length) lines.push(`Next: ${upcoming.map((s) => `${s.member.name} from ${stamp(s.from)}`).join('; ')}.`);
    return lines;
  }

  return {
    at,
    /** The rotations' names, in config order. */
    names: rotations.map((r) => r.name),
    /** A rotation's on-call mention on a platform now (the first rotation's without a name), for alerts and escalations. */
    mention: (platform: Pinged, name?: string, ts = o.clock.now()): string | undefined => at(ts, name).member[platform],

    /** "Am I on call?", "when is my next shift?": the asker's shift now or next in each rotation they are in. */
    mine(user: Pick<ChatUser, 'platform' | 'id'>, ts: number): string {
      const theirs = rotations.filter((r) => r.members.some((m) => isMember(m, user)));
      if (!theirs.length) return 'You are in no on-call rotation (chat.onCall), so you have no shift.';
      return theirs
        .map((r) => {
          const of = several ? ` for ${r.name}` : '';
          const now = at(ts, r.name);
          if (isMember(now.member, user))
            return `You are on call${of} now, until ${stamp(now.until)} (in ${formatDuration(now.until - ts)}).`;
          // The next turn of theirs in the rotation (a cover for someone else is not a shift of theirs).
          for (let t = now.rotation.until, k = 0; k < r.members.length; t += r.shiftHours * HOUR, k++) {
            const s = shiftAt(r, t);
            if (isMember(s.member, user))
              return `You are not on call${of} now; your next shift is from ${stamp(s.from)} to ${stamp(s.until)} (in ${formatDuration(s.from - ts)}).`;
          }
          return `You are not on call${of} now.`;
        })
        .join('\n');
    },
    /** A rotation member by name, any rotation ("page bob"): their mentions come from config, never from chat. */
    member: (name: string): Member | undefined =>
      rotations.flatMap((r) => r.members).find((m) => m.name.toLowerCase() === name.toLowerCase()),
    /** Every rotation member's name, once each. */
    members: (): string[] => [...new Set(rotations.flatMap((r) => r.members.map((m) => m.name)))],

    /** "Who is on call?": every rotation, or the one named; `next` shifts ahead (0: only who is on call now). */
    lines(ts: number, next = 3, name?: string): string[] {
      const named = rotations.find((r) => r.name === name);
      return (named ? [named] : rotations).flatMap((r) => linesOf(r, ts, next));
    },

    /** "I'm on call until 18:00", "take on-call for db for 4h": the asker covers until then. */
    take(user: ChatUser, untilTs: number, ts: number, name?: string): ChatReply {
      const intent = 'on_call_cover';
      const theirs = rotations.filter((r) => r.members.some((m) => isMember(m, user)));
      const named = rotations.find((r) => r.name === name);
      const r = named && theirs.includes(named) ? named : theirs.length === 1 ? theirs[0] : undefined;
      if (!r) {
        const pool = named ? [named] : rotations;
        const which = named ? `the ${named.name} rotation` : several ? 'any on-call rotation' : 'the on-call rotation';
        return {
          text: theirs.length
            ? `You are in ${theirs.length} rotations (${theirs.map((x) => x.name).join(', ')}): say which, "I'm on call for ${theirs[0]!.name} until 18:00".`
            : `You are not in ${which} (members: ${[...new Set(pool.flatMap((x) => x.members.map((m) => m.name)))].join(', ')}), so I cannot put you on call.`,
          intent,
          private: true,
        };
      }
      if (untilTs <= ts || untilTs - ts > MAX_COVER_MS)
        return {
          text: 'A cover ends after now and within a week: "I\'m on call until 18:00", "take on-call for 4h".',
          intent,
          private: true,
        };
      const m = r.members.find((x) => isMember(x, user))!;
      const before = at(ts, r.name);
      const actor = `${user.platform}:${user.id}`;
      o.store.setKv(COVER_KEY + r.name, JSON.stringify({ member: m.name, from: ts, until: untilTs, by: actor } satisfies Cover));
      o.record?.('oncall_cover', ts, { rotation: r.name, member: m.name, until: untilTs, actor, instead: before.member.name });
      const instead = before.member.name === m.name ? '' : `, instead of ${before.member.name}`;
      return {
        text: `${m.name} is on call${several ? ` for ${r.name}` : ''} until ${stamp(untilTs)} (${formatDuration(untilTs - ts)})${instead}: alerts and escalations that ping the on-call ping ${m.name}. "End my on-call cover" hands it back.`,
        intent,
      };
    },

    /** "End my on-call cover", "hand on-call back": the rotation decides again, in each rotation the asker covers. */
    release(user: ChatUser, ts: number): ChatReply {
      const intent = 'on_call_cover';
      const running = rotations.flatMap((r) => {
        const c = coverAt(r, ts);
        return c ? [{ r, c }] : [];
      });
      const mine = running.filter(({ r, c }) => isMember(byName(r, c.member)!, user));
      if (!mine.length)
        return {
          text: running.length
            ? `The cover running is ${running[0]!.c.member}'s (until ${stamp(running[0]!.c.until)}); only they can end it.`
            : 'No on-call cover is running.',
          intent,
          private: true,
        };
      const back = mine.map(({ r, c }) => {
        o.store.setKv(COVER_KEY + r.name, 'null');
        o.record?.('oncall_cover_ended', ts, { rotation: r.name, member: c.member, actor: `${user.platform}:${user.id}` });
        const s = shiftAt(r, ts);
        return `${s.member.name} is on call${several ? ` for ${r.name}` : ''} again, until ${stamp(s.until)}`;
      });
      return { text: `Cover ended: ${back.join('; ')}.`, intent };
    },
  };
}

export type OnCall = ReturnType<typeof createOnCall>;

/**
 * Mention lists with `onCall` turned into whoever is on call (the first rotation for `true`, the
 * named one for a name), read each time a platform's list is read: a route's or the escalation's
 * ping goes to the person on call when the message is sent.
 */
export function withOnCall(
  lists: { slack?: string[] | undefined; discord?: string[] | undefined; onCall?: boolean | string | undefined },
  onCall: OnCall | undefined,
): Partial<Record<Pinged, string[]>> {
  const read = (p: Pinged) => {
    const asked = lists.onCall;
    const extra = asked ? onCall?.mention(p, typeof asked === 'string' ? asked : undefined) : undefined;
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
