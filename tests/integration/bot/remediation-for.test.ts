import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig, SCALE_ON_CPU_RULE } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('a remediation rule with when.forSeconds in the running app', () => {
  it('proposes only once the anomaly has lasted that long, and the proposal is posted then', async () => {
    const slack = createFakeChatAdapter('slack');
    const rule = { ...SCALE_ON_CPU_RULE, when: { ...SCALE_ON_CPU_RULE.when, forSeconds: 90 } };
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } }, remediation: { rules: [rule] } } });
    const { app, tick } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    let sawOpenWithout = false;
    for (let i = 0; i < 14; i++) {
      await tick(1);
      const a = app.store.openAnomalies().find((x) => x.target === 'web-1' && x.detector === 'threshold');
      if (a && app.store.listProposals({ limit: 10 }).length === 0) sawOpenWithout = true;
    }
    const anomaly = app.store.recentAnomalies(50).find((x) => x.target === 'web-1' && x.detector === 'threshold')!;
    const [p] = app.store.listProposals({ limit: 10 });
    // The CPU spike was posted at once and waited, without a proposal, for 90 s.
    expect(sawOpenWithout).toBe(true);
    expect(p).toMatchObject({ anomalyId: anomaly.id, action: 'scale_up' });
    expect(p!.createdTs - anomaly.startTs).toBeGreaterThanOrEqual(90_000);
    expect(p!.createdTs - anomaly.startTs).toBeLessThan(90_000 + 60_000);
    expect([...slack.messages.values()].some((m) => JSON.stringify(m).includes(p!.id))).toBe(true);
  });
});
