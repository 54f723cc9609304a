import { z } from 'zod';
import type { Anomaly, Severity } from '../../core/anomaly.js';
import { hashString } from '../../core/random.js';

// Alertmanager writes RFC 3339 times; Date.parse alone would also take "4" (April 2001) or "abc" as one.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const rfc3339 = z
  .string()
  .refine((t) => RFC3339.test(t) && Number.isFinite(Date.parse(t)), 'an RFC 3339 time such as 2026-11-22T02:10:07.019Z');

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: rfc3339,
  // A firing alert carries the zero time (0001-01-01T00:00:00Z) or when it would time out.
  endsAt: rfc3339.optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{1,32}$/),
});

export const webhookSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(alertSchema).max(1000),
  truncatedAlerts: z.number().int().optional(),
});

const SEVERITY: Record<string, Severity> = {
  critical: 'critical',
  page: 'critical',
  error: 'critical',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
};

const clean = (s: string, max: number) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max); // eslint-disable-line no-control-regex

/** The first of these labels or annotations that says something, cleaned (an empty or blank one names nothing). */
const firstText = (from: Record<string, string>, names: string[], max: number): string | undefined =>
  names.map((n) => clean(from[n] ?? '', max).trim()).find((v) => v !== '');

/** A runbook URL from an annotation, only when it is a plain http(s) URL (it becomes a link button). */
const runbookOf = (u: string | undefined): string | undefined => (u && u.length <= 500 && /^https?:\/\/[^\s<>"]+$/.test(u) ? u : undefined);

/**
 * Alertmanager webhook (version 4) → anomaly records, deduplicated by fingerprint and start time:
 * the same firing alert sent again updates its record; a resolved one closes it in place. Pure.
 */
export function anomaliesFromWebhook(body: z.infer<typeof webhookSchema>, now: number, existing: (id: string) => Anomaly | undefined) {
  const opened: Anomaly[] = [];
  const updated: Anomaly[] = [];
  const resolved: Anomaly[] = [];
  for (const a of body.alerts) {
    const sentStart = Date.parse(a.startsAt);
    // The id keeps the time as sent, so a resend finds the same record whatever the clocks did.
    const id = `an_am${hashString(`${a.fingerprint}@${sentStart}`, 9).toString(36)}`;
    const prev = existing(id);
    // Alertmanager's clock may run ahead of ours: nothing starts or ends in our future.
    const startTs = Math.min(sentStart, now);
    const target = firstText(a.labels, ['target', 'instance', 'job'], 63) ?? 'alertmanager';
    const metric = (firstText(a.labels, ['alertname'], 40) ?? 'alert').toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const sentEnd = a.endsAt ? Date.parse(a.endsAt) : NaN;
    const endTs = a.status === 'resolved' ? (sentEnd >= startTs && sentEnd <= now ? sentEnd : now) : null;
    const record: Anomaly = {
      id,
      key: `${target}|${metric}|alertmanager|${a.fingerprint}`,
      target,
      metric,
      detector: 'alertmanager',
      status: a.status === 'resolved' ? 'resolved' : 'open',
      severity: SEVERITY[(a.labels.severity ?? '').toLowerCase()] ?? 'warning',
      score: 1,
      observed: 0,
      expectedLow: 0,
      expectedHigh: 0,
      startTs,
      endTs,
      updatedTs: now,
      peak: 0,
      summary: firstText(a.annotations, ['summary', 'description'], 300) ?? firstText(a.labels, ['alertname'], 300) ?? 'Alertmanager alert',
      ...(runbookOf(a.annotations.runbook_url) ? { runbookUrl: runbookOf(a.annotations.runbook_url) } : {}),
    };
    if (!prev) (record.status === 'open' ? opened : resolved).push(record);
    else if (record.status === 'resolved' && prev.status === 'open') resolved.push(record);
    else if (record.status === 'open') updated.push({ ...record, startTs: prev.startTs });
  }
  return { opened, updated, resolved };
}
