import type { z } from 'zod';

/**
 * zod says "expected string, received undefined" for a field that is not there; people editing a
 * file read "missing; it is required (string)". Undefined when the issue is something else.
 */
export function missingField(issue: z.core.$ZodIssue): string | undefined {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
    ? `missing; it is required (${issue.expected})`
    : undefined;
}
