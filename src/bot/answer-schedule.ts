import type { AnswerContext } from './answer-intent.js';
import { silenceLabel } from './alert-silence.js';
import { stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';
import { listWatches } from './watches.js';
import { describeWindow, nextOpening } from './time-window.js';

const DAY = 86_400_000;
const SHOWN = 20;

/**
 * "What's scheduled?", "what's coming up?": the next week of what is already set, soonest first:
 * silences that begin or end, maintenance windows that open, reminders due, the next digest,
 * on-call hand-overs, and proposals that expire undecided. From the store and the config; nothing is guessed.
 */
export function answerSchedule(c: AnswerContext, aheadMs?: number): string {
  // Everything of the week is gathered; a shorter time asked ("in the next hour") shows its part, and what comes next.
  const until = c.now + Math.max(7 * DAY, aheadMs ?? 0);
  const within = c.now + (aheadMs ?? 7 * DAY);
  const span = aheadMs && aheadMs !== 7 * DAY ? `the next ${formatDuration(aheadMs)}` : 'the next 7 days';
  const items: { ts: number; text: string }[] = [];
  for (const s of c.store.chat.scheduledSilences(c.now))
    items.push({ ts: s.startsTs ?? s.createdTs, text: `silence ${s.id} on ${silenceLabel(s)} begins, until ${stamp(s.untilTs)}` });
  for (const s of c.store.chat.silences(c.now)) items.push({ ts: s.untilTs, text: `silence ${s.id} on ${silenceLabel(s)} ends` });
  for (const w of listWatches(c.store, c.now))
    if (w.dueTs !== undefined)
      items.push({ ts: w.dueTs, text: `reminder ${w.id} for ${w.user} in ${w.where}${w.note ? `: ${w.note}` : ''}` });
  const digest = c.about?.()?.digest;
  if (digest) items.push({ ts: digest.ts, text: `the ${digest.days === 7 ? 'weekly' : 'daily'} digest` });
  // Each time the pager changes hands, covers and swaps included (a swapped turn can keep it with one person).
  for (const name of c.onCall?.names ?? []) {
    let held = c.onCall!.at(c.now, name);
    // The next two hand-overs: a daily rotation would fill the week otherwise ("who is on call next week?" has more).
    for (let k = 0, shown = 0; k < 14 && shown < 2 && held.until <= until; k++) {
      const next = c.onCall!.at(held.until, name);
      if (next.member.name !== held.member.name) {
        items.push({
          ts: held.until,
          text: `on call${c.onCall!.names.length > 1 ? ` for ${name}` : ''}: ${next.member.name} takes over from ${held.member.name}`,
        });
        shown++;
      }
      held = next;
    }
  }
  // Maintenance windows of the config: each one's next opening, with its scope.
  for (const m of c.muteTimes ?? []) {
    const next = nextOpening(m, c.now, until - c.now);
    if (next) items.push({ ts: next.start, text: `maintenance window "${m.name}" (${describeWindow(m)}) opens, until ${stamp(next.end)}` });
  }
  for (const p of c.store.listProposals({ states: ['proposed'], limit: 200 }))
    items.push({ ts: p.expiresTs, text: `${p.id} ${p.action} on ${p.target} expires unless decided` });
  const all = items.filter((x) => x.ts > c.now && x.ts <= until).sort((a, z) => a.ts - z.ts);
  const ahead = all.filter((x) => x.ts <= within);
  const later = all.find((x) => x.ts > within);
  const next = later ? ` The next after it: ${later.text}, ${stamp(later.ts)} (in ${formatDuration(later.ts - c.now)}).` : '';
  if (!ahead.length)
    return `Nothing is scheduled in ${span}: no silence begins or ends, no reminder is due, no digest, on-call hand-over or proposal expiry is set.${next}`;
  return [
    `Coming up in ${span} (${ahead.length}${ahead.length > SHOWN ? `; the first ${SHOWN}` : ''}):`,
    ...ahead.slice(0, SHOWN).map((x) => `• ${stamp(x.ts)} (in ${formatDuration(x.ts - c.now)}): ${x.text}`),
    '"Silences" lists what each silence and maintenance window holds.',
  ].join('\n');
}
