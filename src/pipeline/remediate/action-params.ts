import { z } from 'zod';
import type { ActionId } from '../../core/remediation.js';
import { missingField } from '../../config/missing-field.js';

/** Service names as systemd accepts them: nothing that a shell or SSM document could misread. */
const serviceName = z.string().regex(/^[A-Za-z0-9@._-]{1,64}$/, 'a service name is letters, digits, @ . _ - (max 64)');

export const ACTION_PARAM_SCHEMAS = {
  restart_service: z.strictObject({ service: serviceName }),
  scale_up: z.strictObject({ by: z.number().int().min(1).max(10).default(1), max: z.number().int().min(1).max(1000).default(10) }),
  cleanup_disk: z.strictObject({
    paths: z
      .array(z.string().regex(/^\/[A-Za-z0-9._/-]{0,200}$/, 'absolute paths of safe characters only'))
      .min(1)
      .default(['/var/log', '/tmp']),
    olderThanDays: z.number().int().min(1).max(365).default(7),
  }),
  notify_only: z.strictObject({}),
} satisfies Record<ActionId, z.ZodType>;

export function parseActionParams(
  action: ActionId,
  params: unknown,
): { ok: true; params: Record<string, unknown> } | { ok: false; error: string } {
  const r = ACTION_PARAM_SCHEMAS[action].safeParse(params ?? {});
  if (r.success) return { ok: true, params: r.data as Record<string, unknown> };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${missingField(i) ?? i.message}`).join('; ') };
}

/** The fixed argv for a script executor: the target, then typed params only, never free text. */
export function scriptArgs(action: ActionId, target: string, params: Record<string, unknown>): string[] {
  switch (action) {
    case 'restart_service':
      return [target, String(params.service)];
    case 'scale_up':
      return [target, String(params.by), String(params.max)];
    case 'cleanup_disk':
      return [target, String(params.olderThanDays), ...(params.paths as string[])];
    case 'notify_only':
      return [target];
  }
}
