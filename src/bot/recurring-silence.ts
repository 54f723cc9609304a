import type { Weekday } from '../core/weekday.js';
import { METRICS_OF } from './answer-metric-span.js';
import type { MetricKey } from './intent.js';
import type { ClockTime } from './parse-clock.js';
import { parseDuration } from './text-tools.js';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const CODES: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "Every night", "nightly", "on weekdays", "every monday", "weekly": a silence asked to come back. */
export const REPEATS =
  /\b(?:every|each) (?:night|day|morning|evening|afternoon|weekday|weekend|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:nightly|daily|weekly|recurring|repeating)\b|\b(?:on )?(?:weekdays|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b/;

const hhmm = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function weekdaysOf(text: string): Weekday[] | undefined {
  if (/\bweekdays?\b/.test(text)) return ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (/\bweekends?\b/.test(text)) return ['sat', 'sun'];
  const named = DAY_NAMES.flatMap((d, k) => (new RegExp(String.raw`\b${d}s?\b`).test(text) ? [CODES[k]!] : []));
  return named.length ? named : undefined;
}

/**
 * "Mute db-1 every night from 1am to 3am": nothing is silenced, since a silence is one-off (as
 * Alertmanager's are) and a window that repeats is a maintenance window in the config
 * (chat.muteTimes), which chat does not change. The refusal carries the entry to paste, built from
 * what was said: the target, metric and severity as its match, the times read (a night is 22:00 to
 * 06:00, as "tonight" is; a start and a length give the end), and the weekdays named. Pure.
 */
export function recurringRefusal(
  text: string,
  o: { target?: string | undefined; metric?: MetricKey | undefined; severity?: 'warning' | 'critical' | undefined },
  times: { from?: ClockTime; until?: ClockTime } | undefined,
): string {
  const night = /\b(?:night|nightly|nights|overnight)\b/.test(text);
  const weekdays = weekdaysOf(text);
  // Named days with no times are those whole days, to their last minute: a window cannot be 24 h long.
  const whole = weekdays && !times?.from && !night;
  const start = times?.from ?? (night ? { minute: 22 * 60 } : whole ? { minute: 0 } : undefined);
  const length = parseDuration(text);
  const end =
    times?.until ??
    (start && length !== undefined
      ? { minute: start.minute + Math.round(length / 60_000) }
      : night
        ? { minute: 6 * 60 }
        : whole
          ? { minute: 24 * 60 - 1 }
          : undefined);
  const zone = start?.zone ?? end?.zone;
  const match = {
    ...(o.target ? { targets: [o.target] } : {}),
    ...(o.metric ? { metrics: METRICS_OF[o.metric] } : {}),
    ...(o.severity ? { severities: [o.severity] } : {}),
  };
  const entry = {
    name: `${o.target ?? (o.metric ? `${o.metric} alerts` : 'all alerts')} ${weekdays ? weekdays.join('-') : night ? 'nightly' : 'daily'}`,
    match,
    ...(weekdays ? { weekdays } : {}),
    start: start ? hhmm(start.minute) : 'HH:MM',
    end: end ? hhmm(end.minute) : 'HH:MM',
    timezone: zone ?? 'UTC',
  };
  const unsaid = !start || !end ? ' Put in the start and end times, which I could not read.' : '';
  const next = start && end && !whole ? `. For the next one only: "mute ${oneOff(o)} from ${entry.start} to ${entry.end}"` : '';
  return (
    'Nothing silenced: a silence is one-off, and one that repeats is a maintenance window in the config, which I do not change from chat. ' +
    `Add this to chat.muteTimes, check it with \`smartcloudops config check\` and reload me (SIGHUP): \`${JSON.stringify(entry)}\`.${unsaid}` +
    ` Alerts that open inside it are held and posted only if still open when it ends${Object.keys(match).length ? '' : ' (with an empty match it holds every alert)'}; "what maintenance windows are set?" lists them${next}`
  );
}

/** What a one-off silence says to hold the same: "critical disk alerts on db-1", "everything". */
function oneOff(o: { target?: string | undefined; metric?: MetricKey | undefined; severity?: 'warning' | 'critical' | undefined }): string {
  const what = [o.severity, o.metric].filter(Boolean).join(' ');
  return what ? `${what} alerts${o.target ? ` on ${o.target}` : ''}` : (o.target ?? 'everything');
}
