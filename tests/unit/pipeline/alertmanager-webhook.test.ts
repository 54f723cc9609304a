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
