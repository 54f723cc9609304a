import type { Platform } from '../core/chat.js';
import { watchingSince } from '../core/watching-since.js';
import type { AnswerContext } from './answer-context.js';
import { SAID } from './answer-daypart.js';
import { heldOver, type Held } from './answer-on-call-past.js';
import { spanBounds } from './answer-metric-span.js';
import { groupEpisodes } from './episodes.js';
import { stamp, table } from './format-reply.js';
import type { TimeSpan } from './parse-time-span.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

const DAY = 86_400_000;
// A month of 24 h shifts, covers and swaps between them, with room to spare.
const MAX_STRETCHES = 2_000;
const RATE_FROM = 6 * 3_600_000;

/** The window a load is read over: the span said, else the last 30 days; never before I began watching. */
function windowOf(span: TimeSpan | undefined, c: AnswerContext): { from: number; until: number; label: string } | { reply: string } {
  const b = span ? spanBounds(span, c) : { from: c.now - 30 * DAY, until: c.now, label: 'over the last 30 d' };
  if ('ahead' in b && b.ahead) return { reply: b.ahead };
  const since = watchingSince(c.store);
  const until = Math.min(b.until, c.now);
  const from = Math.max(b.from, since ?? b.from);
  if (from >= until) return { reply: `I was not watching ${b.label}, so I have no on-call time to count.` };
  return { from, until, label: from > b.from ? `${b.label} (since ${stamp(from)}, when I began watching)` : b.label };
}

/**
 * "Who has been on call the most?", "on-call hours this month", "is the rotation fair?": for each
 * member, the hours they held the pager over the window (the rotation, with the covers and swaps
 * recorded), the shifts, and the alert episodes that began while they held it, and of those how
 * many at night (22:00–06:00 UTC): PagerDuty's on-call load, from what I recorded. Only time I was
 * watching counts; who answered an alert is "who acknowledged the most alerts?". Pure over the store.
 */
export function answerOnCallLoad(span: TimeSpan | undefined, rotation: string | undefined, c: AnswerContext, mine = false): string {
  const onCall = c.onCall;
  if (!onCall) return 'No on-call rotation is set (chat.onCall in the config file), so there is no on-call time to count.';
  const w = windowOf(span, c);
  if ('reply' in w) return w.reply;
  const episodes = groupEpisodes(c.store.recentAnomalies(Number.MAX_SAFE_INTEGER, w.from, w.until + 1), c.now).filter(
    (e) => e.startTs >= w.from && e.startTs < w.until,
  );
  const names = rotation && onCall.names.includes(rotation) ? [rotation] : onCall.names;
  const out = [`On-call load ${w.label}, from the rotation and the covers and swaps recorded in chat:`];
  for (const r of names) {
    const held = heldOver(r, w.from, w.until, c, MAX_STRETCHES);
    // Every member has a row, those with no time on call too: a rotation's fairness is in them.
    const rows = new Map(onCall.memberNames(r).map((n) => [n, { ms: 0, shifts: 0, alerts: 0, night: 0 }]));
    let last: string | undefined;
    // A rotation shift resumed after a cover is given from its own start: only what follows the last stretch counts.
    let cursor = w.from;
    for (const h of held) {
      const from = Math.max(h.from, cursor);
      const until = Math.min(h.until, w.until);
      if (until <= from) continue;
      cursor = until;
      const row = rows.get(h.name) ?? { ms: 0, shifts: 0, alerts: 0, night: 0 };
      row.ms += until - from;
      // A cover that runs on into the holder's own shift is one stretch on call, not two.
      if (h.name !== last) row.shifts += 1;
      last = h.name;
      const mine = episodes.filter((e) => e.startTs >= from && e.startTs < until);
      row.alerts += mine.length;
      row.night += mine.filter((e) => SAID.night.test(e.startTs)).length;
      rows.set(h.name, row);
    }
    const total = [...rows.values()].reduce((n, x) => n + x.ms, 0);
    const sorted = [...rows].sort((a, z) => z[1].ms - a[1].ms || z[1].alerts - a[1].alerts || a[0].localeCompare(z[0]));
    if (names.length > 1) out.push(`${r}:`);
    out.push(
      table(
        ['member', 'on call', 'share', 'stretches', 'alert episodes', 'at night'],
        sorted.map(([name, x]) => [
          name,
          x.ms > 0 ? formatDuration(x.ms) : '-',
          `${Math.round((100 * x.ms) / Math.max(1, total))}%`,
          String(x.shifts),
          String(x.alerts),
          String(x.night),
        ]),
      ),
    );
    const busiest = [...rows].sort((a, z) => z[1].alerts - a[1].alerts)[0];
    // A rate from a few minutes on call says nothing (6 episodes in 24 min is not 360 a day): only from RATE_FROM up.
    const rated = sorted.filter(([, x]) => x.ms >= RATE_FROM);
    if (busiest && busiest[1].alerts > 0 && rated.length > 1) {
      const rates = rated.map(([n, x]) => `${n} ${((x.alerts * DAY) / x.ms).toFixed(1)}`).join(', ');
      const short = sorted.length - rated.length;
      out.push(
        `Alert episodes a day on call: ${rates}${short ? ` (${short} on call under ${formatDuration(RATE_FROM)}: too short for a rate)` : ''}.`,
      );
    }
    if (mine) out.push(...myLoad(r, rows, membersOf(c), names.length > 1));
  }
  out.push(
    'Episodes are counted by when they began (anomalies on one target and metric at overlapping times count once); night is 22:00–06:00 UTC. Who answered them: "who acknowledged the most alerts?".',
  );
  return out.join('\n');
}

/** "How many hours was I on call?": the asker's own row of a rotation, said first-hand, or why there is none. */
function myLoad(
  rotation: string,
  rows: ReadonlyMap<string, { ms: number; shifts: number; alerts: number; night: number }>,
  me: readonly { rotation: string; name: string }[],
  named: boolean,
): string[] {
  const m = me.find((x) => x.rotation === rotation);
  if (!m) return named ? [] : ['You are in no on-call rotation (chat.onCall), so you held no on-call time.'];
  const x = rows.get(m.name);
  const of = named ? ` for ${rotation}` : '';
  if (!x || x.ms === 0) return [`You (${m.name}) were not on call${of} in that time.`];
  return [
    `You (${m.name}) were on call${of} ${formatDuration(x.ms)} in ${x.shifts} stretch${x.shifts === 1 ? '' : 'es'}; ${x.alerts} alert episode${x.alerts === 1 ? '' : 's'} began then, ${x.night} at night.`,
  ];
}

/** The asker's member name in each rotation, from the chat id they asked with ("platform:id"). */
function membersOf(c: AnswerContext): { rotation: string; name: string }[] {
  const cut = c.asker?.indexOf(':') ?? -1;
  if (!c.onCall || !c.asker || cut <= 0) return [];
  return c.onCall
    .rotationsOf({ platform: c.asker.slice(0, cut) as Platform, id: c.asker.slice(cut + 1) })
    .map((r) => ({ rotation: r.name, name: r.member.name }));
}

/** The rotations a member is in, by name (any case), as membersOf gives the asker's. */
function namedMembers(c: AnswerContext, name: string): { rotation: string; name: string }[] {
  const onCall = c.onCall;
  if (!onCall) return [];
  return onCall.names.flatMap((r) =>
    onCall
      .memberNames(r)
      .filter((n) => n.toLowerCase() === name.toLowerCase())
      .map((n) => ({ rotation: r, name: n })),
  );
}

/** The asker's (or `member`'s) latest stretch on call that has ended, within the last 30 days; the current one with `current`. */
export function lastShiftOf(c: AnswerContext, current = false, member?: string): (Held & { rotation: string }) | undefined {
  const found = (member ? namedMembers(c, member) : membersOf(c)).flatMap((m) =>
    heldOver(m.rotation, c.now - 30 * DAY, c.now, c, MAX_STRETCHES)
      .filter((h) => h.name === m.name && (current || h.until <= c.now))
      .map((h) => ({ ...h, rotation: m.rotation })),
  );
  return found.sort((a, z) => z.until - a.until)[0];
}

/** "When was my last shift?": the asker's latest ended stretch on call, and how it came to be theirs. */
export function answerMyLastShift(c: AnswerContext): string {
  if (!c.onCall) return 'No on-call rotation is set (chat.onCall in the config file), so you have no shifts.';
  if (!membersOf(c).length) return 'You are in no on-call rotation (chat.onCall), so you have no shifts.';
  const s = lastShiftOf(c);
  if (!s) return 'You held no shift that ended in the last 30 days.';
  const of = c.onCall.names.length > 1 ? ` for ${s.rotation}` : '';
  const now = lastShiftOf(c, true);
  const on = now && now.until > c.now ? `You are on call${of} now, since ${stamp(now.from)}. ` : '';
  return `${on}Your last shift${of} that ended: ${stamp(s.from)} to ${stamp(s.until)} (${formatDuration(s.until - s.from)}, ended ${formatDuration(c.now - s.until)} ago; ${s.how.replace(/^their /, 'your ')}).${watchedClause(s, c) ? ` ${watchedClause(s, c)}.` : ''} "What happened during my last shift?" gives its digest.`;
}

/** "When was bob last on call?": that member's latest ended stretch on call, and whether they hold it now. */
export function answerMemberLastShift(member: string, c: AnswerContext): string {
  if (!c.onCall) return 'No on-call rotation is set (chat.onCall in the config file), so nobody has shifts.';
  const found = namedMembers(c, member);
  if (!found.length) {
    const all = [...new Set(c.onCall.names.flatMap((r) => c.onCall!.memberNames(r)))];
    return `${quoteUntrusted(member)} is in no on-call rotation (chat.onCall); the members are ${all.join(', ')}.`;
  }
  const name = found[0]!.name;
  const s = lastShiftOf(c, false, name);
  const now = lastShiftOf(c, true, name);
  const of = (r: string) => (c.onCall!.names.length > 1 ? ` for ${r}` : '');
  const on = now && now.until > c.now ? `${name} is on call${of(now.rotation)} now, since ${stamp(now.from)}. ` : '';
  if (!s) return `${on}${name} held no shift that ended in the last 30 days.`;
  const how = s.how.replace(/^their /, `${name}'s `);
  const watched = watchedClause(s, c);
  return `${on}${name}'s last shift${of(s.rotation)} that ended: ${stamp(s.from)} to ${stamp(s.until)} (${formatDuration(s.until - s.from)}, ended ${formatDuration(c.now - s.until)} ago; ${how}).${watched ? ` ${watched}.` : ''}`;
}

/** Whether I was watching during a shift, as a clause: nothing of it is recorded before I began. Empty when I was. */
export function watchedClause(s: { from: number; until: number }, c: Pick<AnswerContext, 'store'>): string {
  const since = watchingSince(c.store);
  if (since === undefined || since <= s.from) return '';
  return since >= s.until
    ? `I began watching at ${stamp(since)}, after it ended, so none of it is recorded`
    : `I began watching at ${stamp(since)}, part way through it`;
}
