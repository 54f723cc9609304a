import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Store } from '../core/ports.js';
import { hashString } from '../core/random.js';
import { stamp } from '../core/stamp.js';
import type { Intent } from './intent.js';
import { SWAP_HORIZON_MS, type OnCall, type SwapCover } from './on-call.js';
import { offsetMs } from './parse-clock.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

type Swap = Extract<Intent, { kind: 'on_call_swap' }>;

/** An offer waiting for the other member: `a` asked to trade their next shift for `b`'s. */
interface Offer {
  id: string;
  rotation: string;
  a: string;
  b: string;
  aShift: { from: number; until: number };
  bShift: { from: number; until: number };
  by: string;
  ts: number;
  expires: number;
}

const OFFERS = 'oncall:swap-offers';
/** An offer nobody answers lapses after a day, or when either shift is about to start. */
const OFFER_MS = 24 * 3_600_000;

const span = (s: { from: number; until: number }) => `${stamp(s.from)} to ${stamp(s.until)}`;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The weekday a time falls on where the asker reads times (UTC without a zone). */
const weekdayOf = (ts: number, zone: string | undefined) => new Date(ts + (zone ? offsetMs(zone, ts) : 0)).getUTCDay();

/**
 * "Swap shifts with bob": a shift moves only when the person taking it says so (decision 0032), so
 * a swap is an offer the other member accepts ("accept the swap") or declines. Accepted, each holds
 * the other's next shift (on-call.ts keeps the two halves; a cover set in chat still wins while it
 * lasts). Either may cancel it before the first of the two shifts starts. Offers and swaps are in
 * the store and recorded (`oncall_swap_*`).
 */
export function createOnCallSwaps(o: {
  onCall: OnCall;
  store: Pick<Store, 'getKv' | 'setKv'>;
  record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  actor: (u: ChatUser) => string;
}) {
  const intent = 'on_call_swap';
  const no = (text: string): ChatReply => ({ text, intent, private: true });
  const read = (ts: number): Offer[] => {
    try {
      const list = JSON.parse(o.store.getKv(OFFERS) ?? '[]') as unknown;
      return Array.isArray(list) ? (list as Offer[]).filter((x) => typeof x?.id === 'string' && x.expires > ts) : [];
    } catch {
      return [];
    }
  };
  const write = (list: Offer[]) => o.store.setKv(OFFERS, JSON.stringify(list));
  // Their mention from the config on the platform asked on, so the offer reaches them; never from the text.
  const mentionOf = (name: string, platform: string): string => {
    const m = o.onCall.member(name);
    const at = platform === 'slack' ? m?.slack : platform === 'discord' ? m?.discord : undefined;
    return at ? ` (${at})` : '';
  };

  /** "My friday shift": the member's first own shift starting on that weekday within the horizon. */
  function ownShiftOn(rotation: string, member: string, ts: number, day: number, zone: string | undefined) {
    for (
      let s = o.onCall.nextOwnShift(rotation, member, ts);
      s && s.from - ts <= SWAP_HORIZON_MS;
      s = o.onCall.nextOwnShift(rotation, member, s.from)
    )
      if (weekdayOf(s.from, zone) === day) return s;
    return undefined;
  }

  /** Whether the shift starting at `from` is still `member`'s own, not started and not swapped (not only their next). */
  function stillOwn(rotation: string, member: string, from: number, ts: number): boolean {
    for (let s = o.onCall.nextOwnShift(rotation, member, ts); s && s.from <= from; s = o.onCall.nextOwnShift(rotation, member, s.from))
      if (s.from === from) return true;
    return false;
  }

  function offer(i: Swap, user: ChatUser, ts: number, zone: string | undefined): ChatReply {
    const mine = o.onCall.rotationsOf(user);
    if (!mine.length) return no('You are in no on-call rotation (chat.onCall), so you have no shift to swap.');
    const wanted = i.with?.toLowerCase() ?? '';
    const shared = mine.filter((r) => r.members.some((m) => m.name.toLowerCase() === wanted) && (!i.rotation || r.name === i.rotation));
    if (!shared.length) {
      const names = [...new Set(mine.flatMap((r) => r.members.map((m) => m.name)))].filter((n) => n !== mine[0]!.member.name);
      return no(
        `${quoteUntrusted(i.with ?? '')} is not in your rotation${mine.length > 1 ? 's' : ''}; you can swap with ${names.join(', ') || 'nobody: you are its only member'}.`,
      );
    }
    if (shared.length > 1)
      return no(
        `You and ${i.with} share ${shared.length} rotations (${shared.map((r) => r.name).join(', ')}): say which, "swap with ${i.with} for ${shared[0]!.name}".`,
      );
    const r = shared[0]!;
    const b = r.members.find((m) => m.name.toLowerCase() === wanted)!;
    if (b.name === r.member.name) return no('That is you: name the member you want to swap with.');
    const aShift =
      i.day === undefined ? o.onCall.nextOwnShift(r.name, r.member.name, ts) : ownShiftOn(r.name, r.member.name, ts, i.day, zone);
    const bShift = o.onCall.nextOwnShift(r.name, b.name, ts);
    const within = formatDuration(SWAP_HORIZON_MS);
    if (!aShift && i.day !== undefined) {
      const next = o.onCall.nextOwnShift(r.name, r.member.name, ts);
      return no(
        `You have no shift of your own starting on a ${DAY_NAMES[i.day]} in the next ${within}${next ? ` (your next starts ${stamp(next.from)})` : ''}, so nothing was offered.`,
      );
    }
    if (!aShift)
      return no(
        `You have no shift of your own starting in the next ${within} to swap (a running shift is covered instead: "I'm on call until 18:00").`,
      );
    if (!bShift) return no(`${b.name} has no shift of their own starting in the next ${within} to swap.`);
    const id = `sw_${hashString(`${r.name}/${r.member.name}/${b.name}/${ts}`, 11).toString(36)}`;
    const made: Offer = {
      id,
      rotation: r.name,
      a: r.member.name,
      b: b.name,
      aShift: { from: aShift.from, until: aShift.until },
      bShift: { from: bShift.from, until: bShift.until },
      by: o.actor(user),
      ts,
      expires: Math.min(ts + OFFER_MS, aShift.from, bShift.from),
    };
    // A newer offer between the same two replaces the older.
    write([...read(ts).filter((x) => !(x.rotation === r.name && x.a === made.a && x.b === made.b)), made]);
    o.record?.('oncall_swap_offered', ts, { id, rotation: r.name, a: made.a, b: made.b, actor: made.by });
    return {
      text:
        `Asked ${b.name}${mentionOf(b.name, user.platform)} to swap (${id}): ${r.member.name} would take ${b.name}'s shift ${span(bShift)}, ` +
        `and ${b.name} ${r.member.name}'s ${span(aShift)}. Nothing changes until ${b.name} says "accept the swap" (or "decline the swap"), by ${stamp(made.expires)}.`,
      intent,
    };
  }

  /** The offers made to (or by) this user, newest first, narrowed to the id given. */
  const offersFor = (user: ChatUser, ts: number, side: 'a' | 'b', id?: string) =>
    read(ts)
      .filter((x) => (!id || x.id === id) && o.onCall.rotationsOf(user).some((r) => r.name === x.rotation && r.member.name === x[side]))
      .sort((x, z) => z.ts - x.ts);

  function accept(i: Swap, user: ChatUser, ts: number): ChatReply {
    const waiting = offersFor(user, ts, 'b', i.id);
    if (!waiting.length) return no(i.id ? `No swap ${i.id} waits for you.` : 'No swap waits for you to accept.');
    if (waiting.length > 1 && !i.id)
      return no(
        `${waiting.length} swaps wait for you: ${waiting.map((x) => `${x.id} from ${x.a}`).join(', ')}. Say which: "accept ${waiting[0]!.id}".`,
      );
    const x = waiting[0]!;
    // The rotation may have moved on (a reload, another swap): both shifts must still be theirs to trade.
    write(read(ts).filter((y) => y.id !== x.id));
    if (!stillOwn(x.rotation, x.a, x.aShift.from, ts) || !stillOwn(x.rotation, x.b, x.bShift.from, ts))
      return no(`Swap ${x.id} no longer fits the rotation (a shift in it has started or was swapped already); ${x.a} can offer it again.`);
    const by = o.actor(user);
    const halves: SwapCover[] = [
      { member: x.a, instead: x.b, ...x.bShift, by, swap: x.id },
      { member: x.b, instead: x.a, ...x.aShift, by, swap: x.id },
    ];
    o.onCall.addSwap(x.rotation, halves, ts);
    o.record?.('oncall_swap', ts, { id: x.id, rotation: x.rotation, a: x.a, b: x.b, aShift: x.aShift, bShift: x.bShift, actor: by });
    return {
      text: `Swapped (${x.id}): ${x.a} is on call ${span(x.bShift)} (${x.b}'s shift), and ${x.b} ${span(x.aShift)} (${x.a}'s). Alerts that ping the on-call ping whoever holds the shift. "Cancel the swap" undoes it before either starts.`,
      intent,
    };
  }

  function decline(i: Swap, user: ChatUser, ts: number): ChatReply {
    const waiting = offersFor(user, ts, 'b', i.id);
    if (!waiting.length) return no('No swap waits for you to decline.');
    const x = waiting[0]!;
    write(read(ts).filter((y) => y.id !== x.id));
    o.record?.('oncall_swap_declined', ts, { id: x.id, rotation: x.rotation, a: x.a, b: x.b, actor: o.actor(user) });
    return { text: `Declined ${x.a}'s swap (${x.id}): the rotation stays as it was.`, intent };
  }

  function cancel(i: Swap, user: ChatUser, ts: number): ChatReply {
    const asked = offersFor(user, ts, 'a', i.id);
    if (asked.length) {
      const x = asked[0]!;
      write(read(ts).filter((y) => y.id !== x.id));
      o.record?.('oncall_swap_cancelled', ts, { id: x.id, rotation: x.rotation, actor: o.actor(user) });
      return { text: `Withdrew the swap you offered ${x.b} (${x.id}); nothing had changed.`, intent };
    }
    // An agreed swap either member may undo, until the first of its shifts starts.
    const names = new Map(o.onCall.rotationsOf(user).map((r) => [r.name, r.member.name]));
    const agreed = [...names.keys()]
      .flatMap((r) => o.onCall.swaps(r, ts).map((c) => ({ r, c })))
      .filter(({ r, c }) => (!i.id || c.swap === i.id) && (c.member === names.get(r) || c.instead === names.get(r)));
    const ids = [...new Set(agreed.map(({ c }) => c.swap))];
    if (!ids.length) return no('You have no swap to cancel.');
    if (ids.length > 1) return no(`You are in ${ids.length} swaps: ${ids.join(', ')}. Say which: "cancel ${ids[0]}".`);
    const found = o.onCall.swapById(ids[0]!)!;
    const first = Math.min(...found.halves.map((h) => h.from));
    if (first <= ts) return no(`Swap ${ids[0]} has started (${stamp(first)}); "I'm on call until …" covers what is left of a shift.`);
    o.onCall.removeSwap(found.rotation, ids[0]!);
    o.record?.('oncall_swap_cancelled', ts, { id: ids[0], rotation: found.rotation, actor: o.actor(user) });
    return { text: `Cancelled swap ${ids[0]}: each shift is its own member's again.`, intent };
  }

  return {
    /** `zone`: where the asker reads times, for the weekday of "my friday shift". */
    handle(i: Swap, user: ChatUser, ts: number, zone?: string): ChatReply {
      if (i.action === 'offer') return offer(i, user, ts, zone);
      if (i.action === 'accept') return accept(i, user, ts);
      if (i.action === 'decline') return decline(i, user, ts);
      return cancel(i, user, ts);
    },
  };
}
