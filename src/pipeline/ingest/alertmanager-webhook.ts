import { z } from 'zod';
import type { Anomaly, Severity } from '../../core/anomaly.js';
import { hashString } from '../../core/random.js';

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
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
    const startTs = Date.parse(a.startsAt);
    if (!Number.isFinite(startTs)) continue;
    const id = `an_am${hashString(`${a.fingerprint}@${startTs}`, 9).toString(36)}`;
    const prev = existing(id);
    const target = clean(a.labels.target ?? a.labels.instance ?? a.labels.job ?? 'alertmanager', 63);
    const metric = clean((a.labels.alertname ?? 'alert').toLowerCase().replace(/[^a-z0-9_]/g, '_'), 40);
    const endTs = a.status === 'resolved' ? Date.parse(a.endsAt ?? '') || now : null;
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
      summary: clean(a.annotations.summary ?? a.annotations.description ?? a.labels.alertname ?? 'Alertmanager alert', 300),
      ...(runbookOf(a.annotations.runbook_url) ? { runbookUrl: runbookOf(a.annotations.runbook_url) } : {}),
    };
    if (!prev) (record.status === 'open' ? opened : resolved).push(record);
    else if (record.status === 'resolved' && prev.status === 'open') resolved.push(record);
    else if (record.status === 'open') updated.push({ ...record, startTs: prev.startTs });
  }
  return { opened, updated, resolved };
}
