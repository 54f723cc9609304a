import { resolveDayDate, noSuchDate, type DayDate } from './parse-day-date.js';
import { dayDate, dayStart } from './day-start.js';
import { answerOnCallDay } from './answer-on-call-day.js';
import type { Platform } from '../core/chat.js';
import type { FileConfig } from '../config/schema.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import { renderRoutes, renderRouteTest } from './describe-routes.js';
import type { MetricKey } from './intent.js';
import { answerOnCallPast } from './answer-on-call-past.js';
import { answerMemberLastShift, answerMyLastShift, answerOnCallLoad } from './answer-on-call-load.js';
import type { TimeSpan } from './parse-time-span.js';
import { untilTs, type ClockTime } from './parse-clock.js';
import { formatDuration } from './text-tools.js';
import { stamp } from '../core/stamp.js';
import { METRIC_LABEL } from '../core/metrics.js';

/** The alerting part of `chat` config that "where do alerts go?" reads. */
export type RoutingFacts = Pick<FileConfig['chat'], 'routes' | 'channels' | 'muteTimes' | 'pendingFor' | 'inhibit' | 'escalate' | 'remind'>;

/**
 * "Where do alerts go?", "which channel gets critical alerts?", "who gets paged for db-1?", "who is
 * on call?": the routing table (`config routes` in chat), or where an alert on the target named would
 * go now, then who is pinged later (escalation) and how often open alerts are repeated. With a
 * rotation (chat.onCall), "who is on call?" names the person; without one it says so rather than naming someone.
 */
export function answerRouting(
  asked: {
    target?: string;
    metric?: MetricKey;
    severity?: 'critical' | 'warning';
    onCall?: boolean;
    me?: boolean;
    how?: boolean;
    rotation?: string;
    aheadMs?: number;
    onWeekday?: number;
    onDay?: 'tomorrow' | 'weekend' | 'next_week';
    onDate?: DayDate;
    unknownDay?: string;
    week?: boolean;
    at?: ClockTime;
    past?: { span?: TimeSpan; id?: string; alert?: boolean; load?: boolean; mine?: boolean; member?: string };
  },
  c: AnswerContext,
): string {
  // "Saturday at noon": the next such time on the asker's clock.
  const at = asked.at && untilTs(c.zone && !asked.at.zone ? { ...asked.at, zone: c.zone } : asked.at, c.now);
  const i = at ? { ...asked, aheadMs: at - c.now } : asked;
  // "On monday", "tomorrow", "this weekend": the whole of it, on the asker's calendar.
  if (i.onCall && c.onCall && i.unknownDay)
    return `I don't know which day "${i.unknownDay}" is. Ask about a weekday ("on friday"), "tomorrow", "this weekend", a date ("on the 12th", "on 2026-12-24") or "next week".`;
  const date = i.onDate && resolveDayDate(i.onDate, Date.parse(`${dayDate(dayStart(c.now, c.zone), c.zone)}T00:00:00Z`));
  if (i.onCall && c.onCall && i.onDate && date === undefined) return noSuchDate(i.onDate);
  const day = date !== undefined ? { date } : (asked.onDay ?? asked.onWeekday);
  if (i.onCall && c.onCall && !at && !i.past && day !== undefined) return answerOnCallDay(day, i.rotation, c, i.me === true);
  // "Who has been on call the most?", "when was my last shift?": the time held, counted or the asker's.
  if (i.onCall && i.past?.load) return answerOnCallLoad(i.past.span, i.rotation, c, i.past.mine === true);
  if (i.onCall && i.past?.mine) return answerMyLastShift(c);
  if (i.onCall && i.past?.member) return answerMemberLastShift(i.past.member, c);
  if (i.onCall && i.past) return answerOnCallPast({ ...i.past, target: i.target, metric: i.metric, rotation: i.rotation }, c);
  const r = c.routing;
  if (!r) return 'Alert routing is not known to this process.';
  if (i.onCall && c.onCall && i.week) return ['Shifts over the next 7 days:', ...c.onCall.week(c.now, i.rotation)].join('\n');
  if (i.onCall && c.onCall && i.aheadMs)
    return c.onCall
      .lines(c.now + i.aheadMs, 0, i.rotation)
      .map((l) => l.replace(/^On call( for \S+)? now:/, `On call$1 at ${stamp(c.now + i.aheadMs!)}:`).replace(/ \(in [^)]*\)/, ''))
      .join('\n');
  if (i.onCall && c.onCall) {
    // "Am I on call?": the asker's own shift first ("platform:id", as chat records who asked).
    const cut = c.asker?.indexOf(':') ?? -1;
    const me =
      i.me && c.asker && cut > 0 ? [c.onCall.mine({ platform: c.asker.slice(0, cut) as Platform, id: c.asker.slice(cut + 1) }, c.now)] : [];
    return [...me, ...onCallLines(r, c.onCall.lines(c.now, 3, i.rotation))].join('\n');
  }
  const lines: string[] = i.how ? [ESCALATE_NOW] : [];
  if (i.target) {
    const metric = i.metric ? METRICS_OF[i.metric][0]! : 'cpu';
    const t = c.targets.find((x) => x.name === i.target);
    const facts = t ? { role: t.role ?? undefined, labels: t.labels ?? {} } : undefined;
    const q = { target: i.target, metric, detector: 'threshold' as const, severity: i.severity ?? 'critical', at: c.now };
    // The CLI's header line gives the instant in ISO form; the chat header says "now".
    const test = renderRouteTest(r.routes, r.channels, q, facts, r.pendingFor).split('\n').slice(1);
    lines.push(`A ${q.severity} ${METRIC_LABEL[metric] ?? metric} alert on ${i.target} (threshold rule) now would go to:`, ...test);
  } else lines.push(renderRoutes(r.routes, r.channels, r.muteTimes, r.pendingFor, r.inhibit));
  const e = r.escalate;
  const pinged = [...(e.mentions.slack ?? []), ...(e.mentions.discord ?? []), ...(e.mentions.onCall ? ['the on-call'] : [])];
  lines.push(
    e.afterMinutes > 0
      ? `Escalation: a ${e.severities.join(' or ')} alert nobody has acknowledged or silenced after ${formatDuration(e.afterMinutes * 60_000)} gets one reply${pinged.length ? ` pinging ${pinged.join(' ')}` : ''}${e.then
          .map((l) => {
            const who = [...(l.mentions.slack ?? []), ...(l.mentions.discord ?? []), ...(l.mentions.onCall ? ['the on-call'] : [])];
            return `; still unhandled after ${formatDuration(l.afterMinutes * 60_000)}, another${who.length ? ` pinging ${who.join(' ')}` : ''}`;
          })
          .join('')}.`
      : 'No escalation is set (chat.escalate.afterMinutes is 0).',
    r.remind.afterMinutes > 0
      ? `Reminders: open ${r.remind.severities.join(' and ')} alerts are repeated in their thread every ${formatDuration(r.remind.afterMinutes * 60_000)}.`
      : 'No reminders (chat.remind.afterMinutes is 0).',
  );
  if (i.onCall)
    lines.push(
      'No on-call rotation is set (chat.onCall): the people pinged are the mentions above, from chat.routes and chat.escalate in the config.',
    );
  return lines.join('\n');
}

const ESCALATE_NOW =
  'To escalate an open alert now: "escalate web-1" or "escalate an_…" (in the alert\'s thread, "escalate") replies in its thread pinging chat.escalate.mentions; "page bob about web-1" pings one on-call member. Anyone may: it pages people and changes no system.';

/** "Who is on call?" with a rotation: who now and next, and which alerts ping them. */
function onCallLines(r: RoutingFacts, schedule: string[]): string[] {
  const uses = [
    ...r.routes.flatMap((x, k) =>
      x.mentions?.onCall ? [`route ${x.name ?? `#${k + 1}`}${typeof x.mentions.onCall === 'string' ? ` (${x.mentions.onCall})` : ''}`] : [],
    ),
    ...(r.escalate.mentions.onCall
      ? [
          r.escalate.afterMinutes > 0
            ? `the escalation after ${formatDuration(r.escalate.afterMinutes * 60_000)}`
            : 'an escalation asked for ("escalate web-1"; none is automatic, as chat.escalate.afterMinutes is 0)',
        ]
      : []),
  ];
  return [
    ...schedule,
    uses.length
      ? `Pinging the on-call: ${uses.join(', ')}.`
      : 'Nothing pings the on-call yet: set mentions.onCall on a route (chat.routes) or on chat.escalate.',
    '"I\'m on call until 18:00" covers a shift; "end my on-call cover" hands it back; "swap shifts with bob" offers bob a swap of your next shifts.',
  ];
}
