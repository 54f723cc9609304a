import { lastShiftOf, watchedClause } from './answer-on-call-load.js';
import type { Anomaly } from '../core/anomaly.js';
import { anomalyLabel } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

/* Lines that lead an anomaly answer for what was asked of it: how long since the last, the share
   marked noise, and the on-call shift a handover covers. Pure. */

/** "The last anomaly began 12 min ago and ended 7 min ago." — "time since the last alert". */
export function sinceLastLine(list: readonly Anomaly[], now: number): string[] {
  const last = list.reduce<Anomaly | undefined>((m, a) => (!m || a.startTs > m.startTs ? a : m), undefined);
  if (!last) return [];
  const open = list.filter((a) => a.status === 'open').length;
  return [
    open
      ? `${open} ${open === 1 ? 'is' : 'are'} open now; the latest began ${formatDuration(now - last.startTs)} ago.`
      : `The last anomaly (${last.id}, ${last.target} ${anomalyLabel(last)}) began ${formatDuration(now - last.startTs)} ago${last.endTs !== null ? ` and ended ${formatDuration(now - last.endTs)} ago` : ''}.`,
  ];
}

/** "Of the 12 marked in chat, 3 were noise (25 %); 109 of 121 are unmarked." */
export function qualityLine(list: readonly Anomaly[], verdicts: ReadonlyMap<string, string>): string {
  const noise = list.filter((a) => verdicts.get(a.id) === 'noise').length;
  const useful = list.filter((a) => verdicts.get(a.id) === 'useful').length;
  if (!noise && !useful)
    return `None of the ${list.length} was marked noise or useful in chat, so there is no measured false-positive rate: "this alert is noise" or "it's a real issue" in an alert's thread marks one ("which rule fires most?" has each rule's record).`;
  return `Of the ${noise + useful} marked in chat, ${noise} ${noise === 1 ? 'was' : 'were'} noise (${Math.round((100 * noise) / (noise + useful))} % false positives) and ${useful} useful; ${list.length - noise - useful} of the ${list.length} are unmarked, so the rate is of those people judged.`;
}

/** "Next on call: bob from 09:00 (in 8 h 42 min)." — who a handover goes to. */
export function nextShift(c: AnswerContext): string[] {
  const shift = c.onCall?.at(c.now);
  if (!shift) return [];
  const next = c.onCall!.at(shift.until);
  return [
    `On call now: ${shift.member.name}, until ${stamp(shift.until)}; next: ${next.member.name} (in ${formatDuration(shift.until - c.now)}).`,
  ];
}

/**
 * The on-call shift a handover covers: the current one so far, or, within its first hour, the one
 * just handed over; the last 12 h where no rotation is set. [from, until, how it is said].
 */
export function shiftWindow(c: AnswerContext, mine = false): [number, number, string] {
  // "What happened during my last shift?": the asker's latest stretch on call that ended.
  if (mine) {
    const s = lastShiftOf(c);
    if (s) {
      const watched = watchedClause(s, c);
      return [s.from, s.until, ` in your last shift (${stamp(s.from)} to ${stamp(s.until)}${watched ? `; ${watched}` : ''})`];
    }
    return [c.now - 12 * 3_600_000, Infinity, ' in the last 12 h (you held no shift that ended in the last 30 days)'];
  }
  const shift = c.onCall?.at(c.now).rotation;
  if (!shift) return [c.now - 12 * 3_600_000, Infinity, ' in the last 12 h (no on-call rotation is set, so no shift)'];
  const name = (ts: number) => c.onCall!.at(ts).member.name;
  if (c.now - shift.from >= 3_600_000) return [shift.from, Infinity, ` in ${name(shift.from)}'s shift so far (since ${stamp(shift.from)})`];
  const from = shift.from - (shift.until - shift.from);
  return [from, shift.from, ` in ${name(from)}'s shift, just handed over (${stamp(from)} to ${stamp(shift.from)})`];
}
