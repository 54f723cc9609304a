import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
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

describe('a digest per route (chat.digest.routes)', () => {
  it('gives each route its own anomalies, in its own channels, beside the fleet digest', async () => {
    const config = bootIncidentConfig({
      overrides: {
        chat: {
          channels: { slack: ['C-OPS'] },
          digest: { at: '10:00', routes: true },
          routes: [
            { name: 'db team', match: { roles: ['db'] }, slack: ['C-DB'] },
            { match: { targets: ['web-*'] }, slack: ['C-WEB'] },
            { name: 'no channel here', match: {}, discord: ['123456789012345678'] },
          ],
        },
      },
    });
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
    await m.tick(5);
    const digests = [...slack.messages.values()].filter((x) => x.msg.title.startsWith('Daily digest'));
    expect(digests.map((d) => [d.channel, d.msg.title])).toEqual([
      ['C-OPS', 'Daily digest: the last 24 h'],
      ['C-DB', 'Daily digest: the last 24 h — db team'],
      ['C-WEB', 'Daily digest: the last 24 h — route 2'],
    ]);
    const text = (channel: string) => digests.find((d) => d.channel === channel)!.msg.text.split('\n');
    expect(text('C-DB')[0]).toBe('For db team (role db):');
    expect(text('C-WEB')[0]).toBe('For route 2 (target web-*):');
    // Each counts only its own: the web route's anomalies are web-1's, the db route's db-1's.
    const day = m.app.store.recentAnomalies(1000, m.now() - 86_400_000);
    const on = (t: string) => day.filter((a) => a.target === t).length;
    const count = (n: number) => `${n} anomal${n === 1 ? 'y' : 'ies'} in the last 24 h`;
    expect(text('C-WEB')[1]).toMatch(new RegExp(`^${on('web-1') ? count(on('web-1')) : 'No anomalies'}`));
    expect(text('C-DB')[1]).toMatch(new RegExp(`^${on('db-1') ? count(on('db-1')) : 'No anomalies'}`));
    expect(on('web-1')).toBeGreaterThan(0);
    expect(text('C-DB').join('\n')).not.toContain('web-1');
    // A route with no channel on a running platform gets none, and "when is the next digest?" names those that do.
    expect((await slashCommand(slack, 'when is the next digest?')).text).toMatch(
      /\. At the same time each route gets one of its own anomalies, in its channels: db team, route 2\.\nNext: 2026-11-03 10:00:00 UTC/,
    );
  });
});
