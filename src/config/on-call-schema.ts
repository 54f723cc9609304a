import { z } from 'zod';
import { obj } from './strict-object.js';

/**
 * chat.onCall: one rotation. Members take `shiftHours` turns in order, the first from `handoff`
 * (and so on, before and after it); a cover set in chat ("I'm on call until 18:00") wins while it
 * lasts. Mentions are the platform's own syntax for one person, since they are sent unescaped.
 */
export const onCallSchema = obj({
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

export type OnCallConfig = z.infer<typeof onCallSchema>;
