import { z } from 'zod';
import { metricName } from './metric-name.js';
import { obj } from './strict-object.js';

/** `sources`: where samples come from. */
export const sourcesSchema = obj({
  /** Hours of history fed to the detectors on a fresh data dir by each source that has it; 24 by default. */
  backfillHours: z.number().min(0).max(168).optional(),
  synthetic: obj({
    enabled: z.boolean().default(true),
    seed: z.number().int().default(42),
    /** Start one CPU spike shortly after boot so a newcomer sees the whole flow in minutes. */
    bootIncident: z.boolean().default(true),
    incidentEveryMinutes: z.number().positive().default(20),
    /** Where sources.backfillHours was until 2026-12-05 (it applies to every source); read when that is not set. */
    backfillHours: z.number().min(0).max(168).optional(),
    /** Extra generated targets ("synth-001" …) on top of the file's, for load tests. */
    extraTargets: z.number().int().min(0).max(10000).default(0),
  }).prefault({}),
  local: obj({
    enabled: z.boolean().default(true),
    name: z.string().optional(),
    diskPath: z.string().default('/'),
  }).prefault({}),
  file: obj({
    enabled: z.boolean().default(false),
    path: z.string().default('metrics.json'),
  }).prefault({}),
  prometheus: obj({
    enabled: z.boolean().default(false),
    url: z.string().url().default('http://127.0.0.1:9090'),
    timeoutMs: z.number().int().positive().max(120_000).default(5000),
    rateWindow: z
      .string()
      .regex(/^\d+[smh]$/)
      .default('1m'),
    /** Label that maps a node_exporter series to a target (matched against target.address). */
    instanceLabel: z.string().default('instance'),
    /**
     * PromQL per metric, on top of the node_exporter ones (which a key of the same name replaces,
     * and "" leaves out): one series per instance label, e.g. latency from a histogram.
     */
    queries: z.record(metricName, z.string().max(4000)).default({}),
  }).prefault({}),
  cloudwatch: obj({
    enabled: z.boolean().default(false),
    region: z.string().default('us-east-1'),
    // What GetMetricData accepts: 1, 5, 10, 30 (high resolution) or a multiple of 60, up to a day.
    periodSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .refine((p) => [1, 5, 10, 30].includes(p) || p % 60 === 0, 'CloudWatch periods are 1, 5, 10, 30 or a multiple of 60 seconds')
      .default(60),
    lookbackMinutes: z.number().int().min(1).max(1440).default(10),
    maxAttempts: z.number().int().min(1).max(10).default(4),
    /** Metrics that need the CloudWatch agent (mem_used_percent, disk_used_percent). */
    agentNamespace: z.string().default('CWAgent'),
  }).prefault({}),
})
  .transform(({ backfillHours, ...rest }) => ({ ...rest, backfillHours: backfillHours ?? rest.synthetic.backfillHours ?? 24 }))
  .prefault({});
