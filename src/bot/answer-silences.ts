import type { AnswerContext } from './answer-intent.js';
import { maintenanceLines } from './answer-rules.js';
import { inhibitLines } from './inhibit-rules.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';
import { spanIn } from './answer-metric-span.js';
import type { TimeSpan } from './parse-time-span.js';
import { tally } from './tally.js';
import { answerSilenceStats, liftedIt } from './answer-silence-stats.js';
import { focusLead, type LastSet, type SilenceFocus } from './silence-focus.js';

const DAY = 86_400_000;
const ENDED_SHOWN = 5;
// "Silence history", "who silenced what this week?" ask for the list itself.
const ENDED_SHOWN_ASKED = 15;

const why = (s: { reason?: string }) => (s.reason ? `: ${s.reason}` : '');
const scope = (target: unknown, metric: unknown, severity?: unknown) =>
  `${target === '*' ? 'all targets' : String(target)} / ${metric === '*' ? 'all metrics' : (METRIC_LABEL[String(metric)] ?? String(metric))}${
    severity === 'warning' || severity === 'critical' ? `, ${severity} alerts only` : ''
  }`;

/**
 * "Silences", "who silenced web-1?": the silences in effect with who set them, the maintenance
 * windows, and the silences of the last 24 h that are over, with how each ended (it ran out, or
 * someone lifted it), from the records: "nothing is silenced" alone does not say who muted web-1
 * an hour ago. With a span ("silence history", "who silenced what this week?"), the ended ones are
 * those set in it, with a count by who set them.
 */
export function answerSilences(
  c: AnswerContext,
  o: {
    target?: string | undefined;
    span?: TimeSpan | undefined;
    stats?: boolean | undefined;
    focus?: SilenceFocus | undefined;
    mine?: boolean | undefined;
  } = {},
): string {
  const { target, span, stats, focus, mine } = o;
  if (mine && !c.asker) return 'I cannot tell who you are here, so I cannot pick out your silences; "silences" lists them all.';
  if (stats) return answerSilenceStats(c, target, span, mine ? c.asker : undefined);
  // "Is web-1 muted?", "who muted web-1?": the silences that cover it, in force or scheduled.
  // "My silences": only those the asker set (records name them as `actor`, silences as `createdBy`).
  const on = (s: { target: string; by?: string }) => (!target || s.target === '*' || s.target === target) && (!mine || s.by === c.asker);
  const list = c.store.chat.silences(c.now).filter((s) => on({ ...s, by: s.createdBy }));
  const ahead = c.store.chat.scheduledSilences(c.now).filter((s) => on({ ...s, by: s.createdBy }));
  const tail = [...maintenanceLines(c.muteTimes ?? [], c.now), ...inhibitLines(c.routing?.inhibit ?? [], c.store)];
  const ended = endedSilences(c, new Set([...list, ...ahead].map((s) => s.id)), on, span);
  const now = list.length
    ? [
        target ? heldUntil(target, list, c.now) : mine ? 'Silenced by you:' : 'Silenced:',
        ...list.map((s) => `• ${s.id}: ${scope(s.target, s.metric, s.severity)} until ${stamp(s.untilTs)} (by ${s.createdBy}${why(s)})`),
      ]
    : [
        mine
          ? `No silence you set holds${target ? ` ${target}` : ''} now.`
          : target
            ? `No silence covers ${target} now.`
            : 'Nothing is silenced.',
      ];
  const planned = ahead.length
    ? [
        'Scheduled:',
        ...ahead.map(
          (s) =>
            `• ${s.id}: ${scope(s.target, s.metric, s.severity)} from ${stamp(s.startsTs!)} to ${stamp(s.untilTs)}, in ${formatDuration(s.startsTs! - c.now)} (by ${s.createdBy}${why(s)})`,
        ),
      ]
    : [];
  const lead = focus
    ? [
        focusLead(focus, {
          target,
          active: list,
          ahead,
          now: c.now,
          lastSet: focus === 'who' && !list.length && !ahead.length ? lastSet(c, on) : undefined,
        }),
      ]
    : [];
  // The lead already says nothing holds: "No silence covers web-1 now" below it would say it twice.
  return [...lead, ...(lead.length && !list.length ? [] : now), ...planned, ...foreignLines(c), ...ended, ...tail].join('\n');
}

/**
 * "When does the web-1 silence end?", "how long is web-1 muted for?": how long its alerts stay held, when
 * overlapping silences cover it (each silence's end is on its own line below). Pure.
 */
function heldUntil(
  target: string,
  list: readonly { id: string; target: string; metric: string; severity?: string; untilTs: number }[],
  now: number,
) {
  const whole = list.filter((s) => s.metric === '*' && !s.severity);
  const end = (l: typeof list) => l.reduce((a, z) => (z.untilTs > a.untilTs ? z : a));
  const all = whole.length ? end(whole) : undefined;
  const last = end(list);
  const held = all
    ? `every alert on ${target} held until ${stamp(all.untilTs)} (${formatDuration(all.untilTs - now)} more, ${all.id})`
    : `no silence holds every alert on ${target}`;
  const more = last !== all ? `; ${scope(last.target, last.metric, last.severity)} until ${stamp(last.untilTs)} (${last.id})` : '';
  return `Silencing ${target}: ${held}${more}. ${list.length} silence${list.length === 1 ? ' covers' : 's cover'} it:`;
}

/** Silences someone made in Alertmanager itself: they hold its notifications, not what is posted here. */
function foreignLines(c: AnswerContext): string[] {
  const am = c.alertmanagerSilences?.();
  if (!am || am.checkedTs === undefined) return [];
  const asOf = `as read from ${am.url} at ${stamp(am.checkedTs)}${am.lastError ? `; the last read failed: ${am.lastError.slice(0, 120)}` : ''}`;
  if (!am.list.length) return [`No other silences in Alertmanager (${asOf}).`];
  return [
    `Made in Alertmanager by others (${asOf}): they hold its own notifications, not the alerts posted here, and are lifted there:`,
    ...am.list.map(
      (s) =>
        `• ${s.id.slice(0, 8)}: ${s.matchers} ${s.state === 'pending' ? `from ${stamp(s.startsTs)} ` : ''}until ${stamp(s.endsTs)} (by ${quoteUntrusted(s.createdBy)}${s.comment ? `: ${quoteUntrusted(s.comment)}` : ''})`,
    ),
  ];
}

function endedSilences(
  c: AnswerContext,
  active: Set<string>,
  on: (s: { target: string; by?: string }) => boolean,
  span?: TimeSpan,
): string[] {
  const b = span ? spanIn(span, c) : { from: c.now - DAY, until: c.now, label: '' };
  // Lifts and extensions after the span still say how a silence set in it ended.
  const recs = c.store.recordsBetween(b.from, c.now + 1, ['silence_added', 'silence_extended', 'silence_lifted'], 5_000);
  const added = recs.filter(
    (r) =>
      r.kind === 'silence_added' &&
      r.ts <= b.until &&
      typeof r.data.id === 'string' &&
      !active.has(r.data.id) &&
      on({ target: String(r.data.target), by: String(r.data.actor) }),
  );
  if (!added.length) return span ? [`No silence set ${b.label} has ended.`] : [];
  const shown = span ? ENDED_SHOWN_ASKED : ENDED_SHOWN;
  const lines = added
    .slice(-shown)
    .reverse()
    .map((r) => {
      const id = r.data.id as string;
      const until = recs
        .filter((x) => x.kind === 'silence_extended' && x.data.id === id)
        .reduce((u, x) => (typeof x.data.untilTs === 'number' ? x.data.untilTs : u), Number(r.data.untilTs));
      const lifted = recs.find((x) => x.kind === 'silence_lifted' && x.ts >= r.ts && liftedIt(x, r));
      const early = lifted && typeof r.data.startsTs === 'number' && lifted.ts < r.data.startsTs;
      const how = lifted
        ? `${early ? 'cancelled' : 'lifted'} by ${String(lifted.data.actor)} at ${stamp(lifted.ts)}${early ? ', before it began' : ''}`
        : `ran out at ${stamp(until)}`;
      return `• ${id}: ${scope(r.data.target, r.data.metric, r.data.severity)}, set by ${String(r.data.actor)} at ${stamp(r.ts)}; ${how}`;
    });
  const head = span ? `Set ${b.label}, now over` : 'Ended in the last 24 h';
  const by = tally(added, (r) => String(r.data.actor));
  return [
    `${head}${added.length > shown ? ` (the last ${shown} of ${added.length})` : ''}:`,
    ...lines,
    ...(span ? [`Set by: ${by}.`] : []),
  ];
}

/** The last silence set on what was asked about in the last 7 days, from the records. */
function lastSet(c: AnswerContext, on: (s: { target: string; by?: string }) => boolean): LastSet | undefined {
  const r = c.store
    .recordsBetween(c.now - 7 * DAY, c.now + 1, ['silence_added'], 5_000)
    .filter((x) => typeof x.data.id === 'string' && on({ target: String(x.data.target), by: String(x.data.actor) }))
    .at(-1);
  return r && { id: String(r.data.id), target: String(r.data.target), metric: String(r.data.metric), by: String(r.data.actor), ts: r.ts };
}
