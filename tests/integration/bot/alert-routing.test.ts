import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load-config.js';
import { createFakeChatAdapter, type FakeChatAdapter, type FakeMessage } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

// The boot incident, with labels for the routes and a runbook for CPU.
function config(routes: unknown[], dataDir?: string): Config {
  return bootIncidentConfig({
    approvalRule: true,
    env: dataDir ? { SCO_DATA_DIR: dataDir } : {},
    targets: [
      { name: 'web-1', role: 'web', labels: { team: 'frontend' } },
      { name: 'db-1', role: 'db', labels: { team: 'storage' } },
    ],
    overrides: {
      chat: {
        channels: { slack: ['C-DEFAULT'] },
        routes,
        runbooks: [{ match: { metrics: ['cpu'] }, url: 'https://wiki.example.com/rb/{metric}?host={target}' }],
      },
      approvers: { slack: { users: ['U1'] } },
    },
  });
}

async function boot(cfg: Config, slack: FakeChatAdapter, startTs = T0) {
  const m = await startManualApp(cfg, { startTs, adapters: [slack] });
  return m;
}

const topLevel = (slack: FakeChatAdapter): FakeMessage[] => [...slack.messages.values()].filter((m) => !m.thread);
const channelsOf = (list: FakeMessage[]) => [...new Set(list.map((m) => m.channel))].sort();

describe('alert routing', () => {
  it('sends each alert where its routes say, proposals and replies with it, and keeps them there across a restart and a config change', async () => {
    const routes = [
      { name: 'storage team', match: { labels: { team: 'storage' } }, slack: ['C-STORAGE'] },
      { name: 'web cpu', match: { targets: ['web-*'], metrics: ['cpu'] }, slack: ['C-WEB'], continue: true },
      {
        name: 'page on rules',
        match: { detectors: ['threshold'], severities: ['warning', 'critical'] },
        slack: ['C-PAGE'],
        mentions: { slack: ['<!subteam^S0ONCALL>'] },
      },
    ];
    const slack = createFakeChatAdapter('slack');
    const cfg = config(routes);
    const first = await boot(cfg, slack);
    await first.tick(6);

    const anomalies = first.app.store.openAnomalies().filter((a) => a.target === 'web-1' && a.metric === 'cpu');
    const threshold = anomalies.find((a) => a.detector === 'threshold')!;
    const robust = anomalies.find((a) => a.detector === 'robust')!;
    expect(threshold).toBeDefined();
    // The robust detector sees the spike a tick before the rule's third sample: two messages.
    expect(first.app.store.chat.alertKeyFor(robust.id)).not.toBe(first.app.store.chat.alertKeyFor(threshold.id));
    const alerts = topLevel(slack).filter((m) => /on web-1$/.test(m.versions[0]!.title));
    // The threshold anomaly matches "web cpu" (which continues) and "page on rules"; nothing reaches the default.
    const withThreshold = alerts.filter((m) => m.versions[0]!.fields.some((f) => f.label === 'CPU · threshold'));
    expect(channelsOf(withThreshold)).toEqual(['C-PAGE', 'C-WEB']);
    // Alone in its message: "web cpu" only, as the robust detector is no rule.
    const robustOnly = alerts.filter((m) => m.versions[0]!.fields.some((f) => f.label === 'CPU · robust'));
    expect(channelsOf(robustOnly)).toEqual(['C-WEB']);
    expect(topLevel(slack).some((m) => m.channel === 'C-DEFAULT' || m.channel === 'C-STORAGE')).toBe(false);
    // Alerts carry the runbook with its placeholders filled in; proposals do not.
    for (const m of alerts.filter((x) => /anomal/.test(x.msg.title)))
      expect(m.msg.links).toEqual([{ label: 'Runbook', url: 'https://wiki.example.com/rb/cpu?host=web-1' }]);
    // The proposal follows its alert.
    const proposals = topLevel(slack).filter((m) => m.msg.actions.some((a) => a.action === 'approve'));
    expect(channelsOf(proposals)).toEqual(['C-PAGE', 'C-WEB']);
    for (const m of proposals) expect(m.msg.links).toBeUndefined();
    // Only the alert in the paging route's channel pings, and nothing else does.
    const pinging = [...slack.messages.values()].filter((m) => m.versions[0]!.mentions);
    expect(pinging.map((m) => [m.channel, m.versions[0]!.mentions])).toEqual([['C-PAGE', ['<!subteam^S0ONCALL>']]]);
    expect(pinging[0]).toBe(withThreshold.find((m) => m.channel === 'C-PAGE'));

    // Restart with routes that would send everything elsewhere: messages already out stay where they are.
    await first.app.stop();
    const second = await boot(config([{ match: {}, slack: ['C-ELSEWHERE'] }], cfg.dataDir), slack, first.now());
    await second.tick(14);
    expect(second.app.store.getAnomaly(threshold.id)!.status).toBe('resolved');
    for (const m of withThreshold) expect(m.msg.title).toMatch(/^Resolved: web-1/);
    // Edits keep the mention where it was (platforms do not ping again on an edit); replies carry none.
    expect(withThreshold.find((m) => m.channel === 'C-PAGE')!.msg.mentions).toEqual(['<!subteam^S0ONCALL>']);
    expect(withThreshold.find((m) => m.channel === 'C-WEB')!.msg.mentions).toBeUndefined();
    expect([...slack.messages.values()].filter((m) => m.thread && m.msg.mentions)).toEqual([]);
    const replies = [...slack.messages.values()].filter((m) => m.thread && m.msg.title === 'Resolved: web-1 CPU');
    expect(channelsOf(replies)).toEqual(expect.arrayContaining(['C-PAGE', 'C-WEB']));
    expect(replies.some((m) => m.channel === 'C-ELSEWHERE' || m.channel === 'C-DEFAULT')).toBe(false);
  });

  it('goes to the default channels when no route matches, and nowhere for a route with empty lists', async () => {
    const slack = createFakeChatAdapter('slack');
    const { app, tick, logger } = await boot(
      config([
        { name: 'quiet robust', match: { detectors: ['robust'] }, slack: [], web: [] },
        { name: 'db', match: { roles: ['db'] }, slack: ['C-DB'], discord: ['123456789012'] },
      ]),
      slack,
    );
    // Discord is not configured here: said once at start, not discovered at the first alert.
    expect(
      logger.lines.filter((l) => l.level === 'warn' && /alert routes name platforms that are not configured/.test(l.msg ?? '')),
    ).toEqual([expect.objectContaining({ obj: { platforms: ['discord'] } })]);
    await tick(6);
    const keyOf = (detector: string) => {
      const a = app.store.openAnomalies().find((x) => x.target === 'web-1' && x.detector === detector);
      return a && app.store.chat.alertKeyFor(a.id);
    };
    expect(keyOf('threshold')).toBeDefined();
    // Routes decide per platform: the web console keeps its default, as no route lists "web" for this one.
    expect(app.store.chat.destinationsOf(keyOf('threshold')!)).toEqual([
      { platform: 'slack', channel: 'C-DEFAULT' },
      { platform: 'web', channel: 'console' },
    ]);
    // Routed nowhere is recorded as such: announced nowhere, and its updates do not fall back to the defaults.
    expect(app.store.chat.destinationsOf(keyOf('robust')!)).toEqual([]);
    expect(channelsOf(topLevel(slack))).toEqual(['C-DEFAULT']);
  });
});
