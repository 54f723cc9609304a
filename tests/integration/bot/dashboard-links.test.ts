import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const MIN = 60_000;

describe('dashboard links on alerts', () => {
  it('links each alert to its targets over its time, open-ended until it resolves, then to its end', async () => {
    const slack = createFakeChatAdapter('slack');
    const cfg = bootIncidentConfig({
      overrides: {
        chat: {
          channels: { slack: ['C-OPS'] },
          dashboard: { url: 'https://grafana.example.com/d/sco-hosts/hosts?var-target={target}&from={from}&to={to}', label: 'Grafana' },
        },
      },
    });
    const m = await startManualApp(cfg, { startTs: T0, adapters: [slack] });
    await m.tick(6);
    const alerts = () => [...slack.messages.values()].filter((x) => !x.thread && /web-1/.test(x.msg.title) && x.msg.links);
    expect(alerts().length).toBeGreaterThan(0);
    const from = Math.min(...m.app.store.openAnomalies().map((a) => a.startTs)) - 60 * MIN;
    for (const msg of alerts()) {
      expect(msg.msg.links).toEqual([
        {
          label: 'Grafana',
          url: expect.stringMatching(/^https:\/\/grafana\.example\.com\/d\/sco-hosts\/hosts\?var-target=web-1&from=\d+&to=now$/),
        },
      ]);
      expect(Number(/from=(\d+)/.exec(msg.msg.links![0]!.url)![1])).toBeGreaterThanOrEqual(from);
    }
    // The spike lasts 4 minutes; the redrawn alert's link ends 15 minutes after its anomalies did.
    await m.tick(12);
    for (const msg of alerts()) {
      expect(msg.msg.title).toMatch(/^Resolved: web-1/);
      const [, from, to] = /from=(\d+)&to=(\d+)$/.exec(msg.msg.links![0]!.url)!.map(Number);
      const ids = m.app.store.recentAnomalies(50).filter((a) => a.target === 'web-1' && a.startTs - 60 * MIN === from);
      expect(ids.length).toBeGreaterThan(0);
      expect(to).toBe(Math.max(...ids.map((a) => a.endTs!)) + 15 * MIN);
    }
  });
});
