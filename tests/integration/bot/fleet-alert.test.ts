import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { testConfig } from '../../helpers/test-config.js';

// The synthetic generator cleans every disk at Thursday 00:00 UTC: a fleet-wide drop.
const WEDNESDAY_LATE = Date.UTC(2026, 10, 4, 23, 50, 0);

describe('fleet alerts through the pipeline', () => {
  async function run(fleetGroup: { minTargets: number }) {
    const targets = Array.from({ length: 8 }, (_, i) => ({ name: `web-${i + 1}`, role: 'web' }));
    const config = testConfig({
      targets,
      overrides: {
        sources: { backfillHours: 24, synthetic: { incidentEveryMinutes: 100_000, bootIncident: false } },
        chat: { channels: { slack: ['C-ALERTS'] }, fleetGroup },
      },
    });
    const slack = createFakeChatAdapter('slack');
    const { tick } = await startManualApp(config, { startTs: WEDNESDAY_LATE, adapters: [slack] });
    await tick(40, 20);
    const alerts = [...slack.messages.values()].filter((m) => !m.thread);
    return {
      fleet: alerts.filter((m) => / at once$/.test(m.versions[0]!.title)),
      perHostDisk: alerts.filter((m) => /on web-\d$/.test(m.versions[0]!.title) && m.msg.fields.some((f) => f.label.startsWith('disk'))),
    };
  }

  it('announces a change on every host at once as one message', async () => {
    const grouped = await run({ minTargets: 5 });
    expect(grouped.fleet.length).toBeGreaterThanOrEqual(1);
    expect(grouped.fleet[0]!.versions[0]!.title).toMatch(/^(Warning|Critical): disk on \d of \d targets at once$/);
    expect(grouped.perHostDisk).toEqual([]);
    // Without grouping the same clean-up pages host by host.
    const apart = await run({ minTargets: 100 });
    expect(apart.fleet).toEqual([]);
    expect(apart.perHostDisk.length).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
