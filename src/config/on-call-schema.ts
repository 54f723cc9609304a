import { z } from 'zod';
import { obj } from './strict-object.js';

/**
 * chat.onCall: one rotation. Members take `shiftHours` turns in order, the first from `handoff`
 * (and so on, before and after it); a cover set in chat ("I'm on call until 18:00") wins while it
 * lasts. Mentions are the platform's own syntax for one person, since they are sent unescaped.
 */
const rotation = obj({
  /** The rotation's name ("db", "platform"): what `mentions.onCall` and "who is on call for db?" name. */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,30}$/, 'a lower-case name: letters, digits, - and _')
    .optional(),
  members: z
    .array(
      obj({
        name: z.string().min(1).max(60),
        slack: z
          .string()
          .regex(/^<@[UW][A-Z0-9]{2,20}>$/, 'a Slack user mention: <@U…>')
          .optional(),
        discord: z
          .string()
          .regex(/^<@\d{5,25}>$/, 'a Discord user mention: <@user id>')
          .optional(),
        /** The web console's user name (a personal token's or the sign-on proxy's). */
        web: z.string().min(1).max(60).optional(),
      }),
    )
    .min(1)
    .refine((ms) => new Set(ms.map((m) => m.name)).size === ms.length, 'member names must differ'),
  shiftHours: z
    .number()
    .int()
    .min(1)
    .max(28 * 24)
    .default(168),
  /** When the first member's shift begins: an ISO time with its zone, e.g. "2026-11-30T09:00:00Z". */
  handoff: z
    .string()
    .refine((s) => /(?:Z|[+-]\d\d:\d\d)$/.test(s) && Number.isFinite(Date.parse(s)), 'an ISO time with a zone, e.g. 2026-11-30T09:00:00Z'),
});

/**
 * One rotation, or several (one per team), each named. The first is the one `mentions.onCall: true`
 * pings; `mentions.onCall: "db"` pings the db rotation's. One given alone is read as a list of one,
 * so a mistake in it is reported with its own message, not as "no option matched".
 */
export const onCallSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v : [v]),
  z
    .array(rotation)
    .min(1)
    .refine((rs) => rs.length === 1 || rs.every((r) => r.name !== undefined), 'each of several rotations needs a name')
    .refine((rs) => new Set(rs.map((r) => r.name)).size === rs.length, 'rotation names must differ'),
);

export type Rotation = z.infer<typeof rotation>;
export type OnCallConfig = z.infer<typeof onCallSchema>;

/** The rotations, named: one given alone is called "on-call". */
export const rotationsOf = (c: OnCallConfig): (Rotation & { name: string })[] => c.map((r) => ({ ...r, name: r.name ?? 'on-call' }));

/** chat: a `mentions.onCall` needs a rotation, and one it names must exist. */
export function checkOnCallMentions(
  c: {
    onCall?: OnCallConfig | undefined;
    escalate: { mentions: { onCall?: boolean | string | undefined } };
    routes: { mentions?: { onCall?: boolean | string | undefined } | undefined }[];
  },
  ctx: z.RefinementCtx,
): void {
  const asked = [c.escalate.mentions, ...c.routes.map((r) => r.mentions)]
    .map((m) => m?.onCall)
    .filter((x) => x !== undefined && x !== false);
  if (!asked.length) return;
  if (!c.onCall) ctx.addIssue({ code: 'custom', message: 'mentions.onCall needs chat.onCall (the rotation) to say who is on call' });
  else if (asked.some((x) => typeof x === 'string' && !rotationsOf(c.onCall!).some((r) => r.name === x)))
    ctx.addIssue({ code: 'custom', message: 'mentions.onCall names a rotation that chat.onCall does not have' });
}
