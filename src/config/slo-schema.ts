import { z } from 'zod';
import { metricName } from './metric-name.js';
import { obj } from './strict-object.js';

/**
 * slos: service level objectives over a metric this bot collects. A sample is good when it is
 * within the bound (`goodBelow` for latency, `goodAbove` for a rate that should stay high); the
 * objective is the share of good samples over a rolling window of `windowDays`, and the error
 * budget is the share of bad samples that objective allows (decision 0067).
 */
export const sloSchema = obj({
  /** What chat calls it: "error budget for api-latency". */
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/, 'a lower-case name: letters, digits, - and _ (max 41)'),
  metric: metricName,
  /** The targets it covers; else those with `role`; else every target that reports the metric. */
  targets: z.array(z.string().min(1).max(63)).min(1).max(500).optional(),
  role: z.string().min(1).max(63).optional(),
  goodBelow: z.number().finite().optional(),
  goodAbove: z.number().finite().optional(),
  /** Percent of samples that must be good: 99, 99.9. */
  objective: z.number().min(50).max(99.999),
  windowDays: z.number().int().min(1).max(90).default(30),
}).refine((s) => (s.goodBelow === undefined) !== (s.goodAbove === undefined), {
  message: 'an SLO needs exactly one of "goodBelow" or "goodAbove"',
});

export const slosSchema = z
  .array(sloSchema)
  .max(50)
  .default([])
  .superRefine((slos, ctx) => {
    const seen = new Set<string>();
    slos.forEach((s, k) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: [k, 'name'], message: `"${s.name}" names another SLO too` });
      seen.add(s.name);
    });
  });

export type Slo = z.infer<typeof sloSchema>;
