import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig, tempDir } from '../../helpers/test-config.js';

// 09:58 UTC: the boot incident opens in the first minutes, and the digest's 10:00 comes four ticks in.
const T0 = Date.UTC(2026, 10, 2, 9, 58, 0);

describe('the daily digest in the running app', () => {
  it('posts the fleet state and the last day to the alert channels at its hour, once, across a restart', async () => {
    const dataDir = tempDir();
    const config = bootIncidentConfig({
      env: { SCO_DATA_DIR: dataDir },
      overrides: { chat: { channels: { slack: ['C-OPS'] }, digest: { at: '10:00' } } },
    });
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const digests = () => [...slack.messages.values()].filter((x) => x.msg.title === 'Daily digest: the last 24 h');
    await m.tick(3);
    expect(digests()).toHaveLength(0);
    await m.tick(2);
    expect(digests()).toHaveLength(1);
    const [d] = digests();
    expect(d!.channel).toBe('C-OPS');
    const lines = d!.msg.text.split('\n');
    expect(lines[0]).toMatch(/^2 targets, \d+ open anomal(y|ies), \d+ pending approvals?\. Latest data at /);
    // The backfilled history is in "the last 24 h"; its counts are the store's.
    const day = m.app.store.recentAnomalies(1000, m.now() - 86_400_000);
    expect(lines[1]).toBe(
      `${day.length} anomal${day.length === 1 ? 'y' : 'ies'} in the last 24 h, ${day.filter((a) => a.status === 'open').length} open.`,
    );
    expect(lines.at(-1)).toBe('Ask me "summarise today" or "alerts in the last 24 hours" for more.');

    await m.app.stop();
    const again = await startManualApp(config, { startTs: m.now() + 30_000, adapters: [slack] });
    await again.tick(3);
    expect(digests()).toHaveLength(1);
  });
});
