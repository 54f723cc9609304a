import { z } from 'zod';
import { WEEKDAYS } from '../core/weekday.js';
import { metricName } from './metric-name.js';
import { obj } from './strict-object.js';

/** The shapes that say which alerts go where and when: channels, time windows, matches, mentions, routes. */
export const severity = z.enum(['info', 'warning', 'critical']);
export const detectorName = z.enum(['threshold', 'forecast', 'robust', 'iforest', 'silence', 'alertmanager']);
export const discordChannel = z.string().regex(/^\d{5,25}$/, 'a Discord channel id (digits; Developer Mode → Copy Channel ID)');
export const channelList = z.array(z.string().min(1, 'a channel name or id')).optional();
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day "HH:MM" (00:00-23:59)');
export const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as "UTC" or "Europe/Berlin"' },
);
export const windowShape = {
  weekdays: z.array(z.enum(WEEKDAYS)).min(1).optional(),
  start: hhmm,
  end: hhmm,
  timezone: timeZone.optional(),
};
export const distinctEnds = [
  (w: { start: string; end: string }) => w.start !== w.end,
  { message: 'a window needs "end" different from "start"' },
] as const;
export const timeWindow = obj(windowShape).refine(...distinctEnds);

export const routeMatch = obj({
  severities: z.array(severity).min(1).optional(),
  targets: z.array(z.string().min(1)).min(1).optional(),
  roles: z.array(z.string().min(1)).min(1).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  metrics: z.array(metricName).min(1).optional(),
  detectors: z.array(detectorName).min(1).optional(),
});
/** Alertmanager's inhibit_rules (bot/inhibit-rules.ts). A source matching every alert would hold every target while anything is open. */
export const inhibitRule = obj({
  name: z.string().min(1).max(80).optional(),
  source: routeMatch,
  target: routeMatch,
  equal: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_./-]{0,62}$/, 'target, metric, role, severity, detector or a label key'))
    .default([]),
}).refine((r) => Object.keys(r.source).length > 0, {
  message: 'an inhibit rule needs a "source" match: an empty one would hold its targets while any alert is open',
});
export const muteTime = obj({ name: z.string().min(1).max(80), ...windowShape, match: routeMatch.prefault({}) }).refine(...distinctEnds);
/** Who to ping, in platform syntax; checked here since it is the only text sent unescaped. */
export const mentionLists = obj({
  slack: z
    .array(
      z
        .string()
        .regex(
          /^<(@[UW][A-Z0-9]{2,20}|!subteam\^[A-Z0-9]{2,20}|!here|!channel)>$/,
          'a Slack mention: <@U…>, <!subteam^S…>, <!here> or <!channel>',
        ),
    )
    .optional(),
  discord: z
    .array(z.string().regex(/^(<@&?\d{5,25}>|@here|@everyone)$/, 'a Discord mention: <@user id>, <@&role id>, @here or @everyone'))
    .optional(),
  /** Whoever is on call then (chat.onCall): true for the first rotation, or a rotation's name. */
  onCall: z.union([z.boolean(), z.string().min(1)]).optional(),
});
export const alertRoute = obj({
  name: z.string().min(1).optional(),
  match: routeMatch.prefault({}),
  during: z.array(timeWindow).min(1).optional(),
  outside: z.array(timeWindow).min(1).optional(),
  slack: channelList,
  discord: z.array(discordChannel).optional(),
  web: channelList,
  /** Pinged when the route's alerts are posted. */
  mentions: mentionLists.optional(),
  continue: z.boolean().default(false),
}).refine((r) => r.slack !== undefined || r.discord !== undefined || r.web !== undefined, {
  message: 'a route needs "slack", "discord" or "web" channels (an empty list sends that match nowhere)',
});
