import { describe, expect, it } from 'vitest';
import { anomaliesFromWebhook, webhookSchema } from '../../../src/pipeline/ingest/alertmanager-webhook.js';

const body = (annotations: Record<string, string>) =>
  webhookSchema.parse({
    receiver: 'bot',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'HighLoad', target: 'web-1', severity: 'warning' },
        annotations,
        startsAt: '2026-11-22T02:10:07.019Z',
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: 'abc123',
      },
    ],
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}',
  });

describe('Alertmanager runbook_url', () => {
  it('is kept when it is a plain http(s) URL, and dropped otherwise (it becomes a link button)', () => {
    const keep = (u: string) => anomaliesFromWebhook(body({ summary: 's', runbook_url: u }), 0, () => undefined).opened[0]!.runbookUrl;
    expect(keep('https://runbooks.example.com/HighLoad')).toBe('https://runbooks.example.com/HighLoad');
    expect(keep('javascript:alert(1)')).toBeUndefined();
    expect(keep('https://x.example/a b')).toBeUndefined();
    expect(keep('https://x.example/"><script>')).toBeUndefined();
    expect(keep(`https://x.example/${'a'.repeat(600)}`)).toBeUndefined();
    expect(anomaliesFromWebhook(body({ summary: 's' }), 0, () => undefined).opened[0]).not.toHaveProperty('runbookUrl');
  });
});

describe('Alertmanager alerts that say too little or disagree with our clock', () => {
  const NOW = Date.parse('2026-11-22T03:00:00Z');
  const parse = (alert: Record<string, unknown>) =>
    webhookSchema.safeParse({ version: '4', status: 'firing', alerts: [{ status: 'firing', fingerprint: 'ab12', ...alert }] });
  const issuesOf = (alert: Record<string, unknown>) => parse(alert).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  const anomalyOf = (alert: Record<string, unknown>) => {
    const r = anomaliesFromWebhook(parse(alert).data!, NOW, () => undefined);
    return [...r.opened, ...r.resolved][0]!;
  };

  it('refuses times that are not RFC 3339, which Date.parse alone would read as some other date', () => {
    expect(issuesOf({ startsAt: '4' })).toEqual(['alerts.0.startsAt: an RFC 3339 time such as 2026-11-22T02:10:07.019Z']);
    expect(issuesOf({ startsAt: 'abc' })).toHaveLength(1);
    expect(issuesOf({ startsAt: '2026-13-01T00:00:00Z' })).toHaveLength(1);
    expect(issuesOf({ startsAt: '2026-11-22T02:10:07Z', endsAt: 'soon' })).toHaveLength(1);
    expect(anomalyOf({ startsAt: '2026-11-22T02:10:07+01:00' }).startTs).toBe(Date.parse('2026-11-22T01:10:07Z'));
  });

  it('falls back past empty or blank labels and annotations to the next that names something', () => {
    const a = anomalyOf({
      startsAt: '2026-11-22T02:10:07Z',
      labels: { target: '', instance: ' \u0000 ', job: 'node', alertname: '' },
      annotations: { summary: '' },
    });
    expect(a).toMatchObject({ target: 'node', metric: 'alert', summary: 'Alertmanager alert' });
    const b = anomalyOf({
      startsAt: '2026-11-22T02:10:07Z',
      labels: { alertname: 'Disk Full!' },
      annotations: { summary: '  ', description: 'db-1 / at 97%' },
    });
    expect(b).toMatchObject({ target: 'alertmanager', metric: 'disk_full_', summary: 'db-1 / at 97%' });
  });

  it('never starts or ends an alert in our future, and never ends one before it started', () => {
    expect(anomalyOf({ startsAt: '2026-11-22T03:05:00Z' }).startTs).toBe(NOW);
    const resolved = (endsAt: string) => anomalyOf({ status: 'resolved', startsAt: '2026-11-22T02:10:00Z', endsAt });
    expect(resolved('2026-11-22T02:30:00Z')).toMatchObject({ status: 'resolved', endTs: Date.parse('2026-11-22T02:30:00Z') });
    // The zero time Alertmanager sends for "no end", an end before the start, and one after our now.
    expect(resolved('0001-01-01T00:00:00Z').endTs).toBe(NOW);
    expect(resolved('2026-11-22T02:00:00Z').endTs).toBe(NOW);
    expect(resolved('2026-11-22T03:00:05Z').endTs).toBe(NOW);
  });
});
