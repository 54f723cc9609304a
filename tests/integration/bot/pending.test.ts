import { describe, expect, it } from 'vitest';
import { postedAt } from '../../../src/bot/alert-keys.js';
import { configSchema } from '../../../src/config/schema.js';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('the shipped pending period', () => {
  it('holds the statistical detectors’ alerts until they have lasted a minute; the threshold rule posts at once', async () => {
    const shipped = configSchema.parse({}).chat.pendingFor;
    expect(shipped).toEqual([{ match: { detectors: ['robust', 'iforest'] }, minutes: 1 }]);
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] }, pendingFor: shipped } } });
    expect(config.chat.pendingFor).toEqual(shipped);
    const { app, tick, address } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    let heldSeen = 0;
    let postedSeen = 0;
    for (let i = 0; i < 8; i++) {
      await tick(1);
      for (const a of app.store.openAnomalies().filter((x) => x.target === 'web-1')) {
        const key = app.store.chat.alertKeyFor(a.id);
        if (a.detector === 'threshold') expect(key).toBeDefined();
        if (a.detector !== 'robust') continue;
        if (!key) {
          heldSeen++;
          expect(a.updatedTs - a.startTs).toBeLessThan(60_000);
        } else {
          postedSeen++;
          expect(postedAt(key) - a.startTs).toBeGreaterThanOrEqual(60_000);
        }
      }
    }
    expect(heldSeen).toBeGreaterThan(0);
    expect(postedSeen).toBeGreaterThan(0);
    const metrics = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
    expect(metrics).toMatch(/^sco_alerts_total\{outcome="held_pending"\} [1-9]/m);
    expect(metrics).not.toMatch(/outcome="late"/);
  });
});
