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

/** One half of a shift swap both members agreed to: `member` holds `instead`'s shift (on-call-swaps.ts). */
export interface SwapCover extends Cover {
  swap: string;
  instead: string;
}

const HOUR = 3_600_000;
const COVER_KEY = 'oncall:cover:';
const SWAP_KEY = 'oncall:swaps:';
/** A swap is of shifts that start within this long: far-off turns change with the rotation itself. */
export const SWAP_HORIZON_MS = 30 * 24 * HOUR;
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

  function swapsOf(r: Named): SwapCover[] {
    try {
      const list = JSON.parse(o.store.getKv(SWAP_KEY + r.name) ?? '[]') as unknown;
      return Array.isArray(list)
        ? list.filter(
            (c): c is SwapCover =>
              typeof c?.member === 'string' &&
              typeof c.instead === 'string' &&
              typeof c.swap === 'string' &&
              typeof c.by === 'string' &&
              Number.isFinite(c.from) &&
              Number.isFinite(c.until) &&
              Boolean(byName(r, c.member)),
          )
        : [];
    } catch {
      return [];
    }
  }
  const swapAt = (r: Named, ts: number) => swapsOf(r).find((c) => c.from <= ts && ts < c.until);
  /** Who holds a rotation shift: the member a swap gave it to, else the rotation's. */
  const holder = (r: Named, s: Shift): { member: Member; swap?: SwapCover } => {
    const c = swapAt(r, s.from);
    return c ? { member: byName(r, c.member)!, swap: c } : { member: s.member };
  };

  // A cover set in chat ("I'm on call until 18:00") wins over a swap while it lasts.
  function coverAt(r: Named, ts: number): Cover | undefined {
    return chatCoverAt(r, ts) ?? swapAt(r, ts);
  }

  function chatCoverAt(r: Named, ts: number): Cover | undefined {
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
        now.cover
          ? 'swap' in now.cover
            ? `, in ${now.rotation.member.name}'s shift by swap ${(now.cover as SwapCover).swap}`
            : `, covering ${now.rotation.member.name}'s shift (set by ${now.cover.by})`
          : ''
      }.`,
    ];
    if (next === 0) return lines;
    lines.push(
      `Rotation${of}: ${r.shiftHours} h shifts from ${stamp(Date.parse(r.handoff))}, in this order: ${r.members.map((m) => m.name).join(', ')}.`,
    );
    const upcoming: Shift[] = [];
    for (let t = now.rotation.until; upcoming.length < next && r.members.length > 1; t += r.shiftHours * HOUR) upcoming.push(shiftAt(r, t));
    if (now.cover && now.cover.until < now.rotation.until) upcoming.unshift({ ...now.rotation, from: now.cover.until });
    const named = (s: Shift) => {
      const h = holder(r, s);
      return h.swap ? `${h.member.name} (swapped with ${s.member.name})` : s.member.name;
    };
    if (upcoming.length) lines.push(`Next: ${upcoming.map((s) => `${named(s)} from ${stamp(s.from)}`).join('; ')}.`);
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
          const on = isMember(now.member, user);
          const head = on
            ? `You are on call${of} now, until ${stamp(now.until)} (in ${formatDuration(now.until - ts)})`
            : `You are not on call${of} now`;
          // The next turn that is theirs after this one: their own unless swapped away, or one swapped to them
          // (a cover for someone else set in chat is not a shift of theirs). On call now, "when am I next?" asks it too.
          for (let t = now.rotation.until, k = 0; k < 2 * r.members.length; t += r.shiftHours * HOUR, k++) {
            const s = shiftAt(r, t);
            const h = holder(r, s);
            if (isMember(h.member, user) && !(on && s.from <= now.until))
              return `${head}; your next shift${on ? ' after this' : ''} is from ${stamp(s.from)} to ${stamp(s.until)} (in ${formatDuration(s.from - ts)})${h.swap ? `, ${s.member.name}'s by swap ${h.swap.swap}` : ''}.`;
          }
          return `${head}.`;
        })
        .join('\n');
    },
    /** A rotation member by name, any rotation ("page bob"): their mentions come from config, never from chat. */
    member: (name: string): Member | undefined =>
      rotations.flatMap((r) => r.members).find((m) => m.name.toLowerCase() === name.toLowerCase()),
    /** The rotations a chat user is a member of, with their member entry. */
    rotationsOf: (user: Pick<ChatUser, 'platform' | 'id'>): { name: string; member: Member; members: Member[] }[] =>
      rotations.flatMap((r) => {
        const m = r.members.find((x) => isMember(x, user));
        return m ? [{ name: r.name, member: m, members: r.members }] : [];
      }),
    /**
     * A member's next shift of their own in a rotation, starting after `ts` and within the swap
     * horizon, that no swap has already moved: what a swap can trade.
     */
    nextOwnShift(rotation: string, member: string, ts: number): Shift | undefined {
      const r = rotationOf(rotation);
      const first = shiftAt(r, ts);
      for (let t = first.until; t - ts <= SWAP_HORIZON_MS; t += r.shiftHours * HOUR) {
        const s = shiftAt(r, t);
        if (s.member.name === member && !swapAt(r, s.from)) return s;
      }
      return undefined;
    },
    /** Both halves of an agreed swap: each member holds the other's shift. Swaps already over are dropped. */
    addSwap(rotation: string, halves: readonly SwapCover[], ts: number): void {
      const r = rotationOf(rotation);
      o.store.setKv(SWAP_KEY + r.name, JSON.stringify([...swapsOf(r).filter((c) => c.until > ts), ...halves]));
    },
    /** An agreed swap's halves, by its id, in any rotation. */
    swapById: (id: string): { rotation: string; halves: SwapCover[] } | undefined => {
      for (const r of rotations) {
        const halves = swapsOf(r).filter((c) => c.swap === id);
        if (halves.length) return { rotation: r.name, halves };
      }
      return undefined;
    },
    /** Every agreed swap half in a rotation that has not ended. */
    swaps: (rotation: string, ts: number): SwapCover[] => swapsOf(rotationOf(rotation)).filter((c) => c.until > ts),
    removeSwap(rotation: string, id: string): void {
      const r = rotationOf(rotation);
      o.store.setKv(SWAP_KEY + r.name, JSON.stringify(swapsOf(r).filter((c) => c.swap !== id)));
    },
    /** Every rotation member's name, once each. */
    members: (): string[] => [...new Set(rotations.flatMap((r) => r.members.map((m) => m.name)))],

    /** "Who is on call?": every rotation, or the one named; `next` shifts ahead (0: only who is on call now). */
    lines(ts: number, next = 3, name?: string): string[] {
      const named = rotations.find((r) => r.name === name);
      return (named ? [named] : rotations).flatMap((r) => linesOf(r, ts, next));
    },

    /** "Who is on call next week?": who is on call now and every shift that starts in the next 7 days, per rotation. */
    week(ts: number, name?: string): string[] {
      const named = rotations.find((r) => r.name === name);
      return (named ? [named] : rotations).flatMap((r) => linesOf(r, ts, Math.min(28, Math.ceil((7 * 24) / r.shiftHours))));
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

    /**
     * "What did alice do?" on Slack: the actors ("slack:U2ALICE", "discord:…", "web:alice") of the member
     * named so in any rotation, since records name people by platform id and only the rotation knows both.
     */
    /** A rotation's member names, in its order (the first rotation's without a name). */
    memberNames: (name?: string): string[] => rotationOf(name).members.map((m) => m.name),
    actorsNamed(name: string): string[] {
      const wanted = name.toLowerCase();
      return rotations.flatMap((r) =>
        r.members
          .filter((m) => m.name.toLowerCase() === wanted)
          .flatMap((m) => [
            ...(m.slack ? [`slack:${m.slack.slice(2, -1)}`] : []),
            ...(m.discord ? [`discord:${m.discord.slice(2, -1)}`] : []),
            ...(m.web ? [`web:${m.web}`] : []),
          ]),
      );
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
