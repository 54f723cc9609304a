import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand, type FakeChatAdapter, type FakeMessage } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

// The demo's boot incident: web-1's CPU spike (about 4 minutes) opens a threshold warning and a
// robust critical alert. Reminders every minute make its whole life fit in a test.
async function setup(remind: Record<string, unknown>, dataDir?: string, startTs = T0, slack = createFakeChatAdapter('slack')) {
  const config = bootIncidentConfig({
    env: dataDir ? { SCO_DATA_DIR: dataDir } : {},
    overrides: {
      chat: {
        channels: { slack: ['C-OPS'] },
        remind,
        routes: [{ match: { severities: ['critical'] }, slack: ['C-PAGE'], mentions: { slack: ['<!subteam^S0ONCALL>'] } }],
      },
    },
  });
  const m = await startManualApp(config, { startTs, adapters: [slack] });
  return { ...m, slack, dataDir: config.dataDir };
}

const reminders = (list: Iterable<FakeMessage>) => [...list].filter((m) => m.msg.title.startsWith('Still open after'));

describe('reminders for alerts left open', () => {
  it('reminds in the alert’s thread, shown in the channel, with the route’s mentions, once per interval', async () => {
    const { app, slack, tick } = await setup({ afterMinutes: 2, severities: ['critical'] });
    await tick(5);
    const critical = app.store.openAnomalies().find((a) => a.target === 'web-1' && a.severity === 'critical')!;
    expect(critical).toBeDefined();
    const alertKey = app.store.chat.alertKeyFor(critical.id)!;
    await tick(6);
    const sent = reminders(slack.messages.values());
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const alert = [...slack.messages.values()].find(
      (m) => !m.thread && m.channel === 'C-PAGE' && m.versions[0]!.title.endsWith('on web-1'),
    )!;
    for (const r of sent) {
      expect(r.channel).toBe('C-PAGE');
      expect(r.thread).toBe(alert.id);
      expect(r.msg).toMatchObject({ surface: true, mentions: ['<!subteam^S0ONCALL>'], severity: 'critical' });
      expect(r.msg.title).toMatch(/^Still open after \d+ s: web-1$|^Still open after \d+ min: web-1$/);
      expect(r.msg.actions.map((a) => a.action)).toEqual(['ack', 'silence']);
    }
    // One reminder per elapsed interval, never two for the same one.
    const due = Number(app.store.getKv(`remind:${alertKey}`));
    expect(sent).toHaveLength(due);
    // The warning (threshold) alert is not a reminded severity.
    expect(sent.every((r) => r.msg.fields.every((f) => !f.label.includes('threshold')))).toBe(true);
  });

  it('survives a restart without repeating one, and stops while the alert is silenced', async () => {
    const first = await setup({ afterMinutes: 1, severities: ['critical', 'warning'] });
    await first.tick(5, 2);
    const before = reminders(first.slack.messages.values()).length;
    expect(before).toBeGreaterThanOrEqual(1);

    // A restart at the same moment (start runs a tick): the persisted count means nothing is sent again.
    await first.app.stop();
    const second = await setup({ afterMinutes: 1, severities: ['critical', 'warning'] }, first.dataDir, first.now(), first.slack);
    expect(reminders(first.slack.messages.values())).toHaveLength(before);
    expect(second.app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);

    await slashCommand(first.slack, 'snooze web-1 for 1h');
    await second.tick(2, 2);
    expect(second.app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
    expect(reminders(first.slack.messages.values())).toHaveLength(before);
  });
});

describe('escalation of alerts nobody takes on', () => {
  async function escalating(dataDir?: string, startTs = T0, slack = createFakeChatAdapter('slack')) {
    const config = bootIncidentConfig({
      env: dataDir ? { SCO_DATA_DIR: dataDir } : {},
      overrides: {
        chat: {
          channels: { slack: ['C-OPS'] },
          remind: { afterMinutes: 0 },
          escalate: { afterMinutes: 2, severities: ['critical', 'warning'], mentions: { slack: ['<!subteam^S0LEADS>'] } },
        },
      },
    });
    const m = await startManualApp(config, { startTs, adapters: [slack] });
    return { ...m, slack, dataDir: config.dataDir };
  }
  const escalations = (slack: FakeChatAdapter) => [...slack.messages.values()].filter((m) => m.msg.title.startsWith('Not acknowledged'));

  it('pings the escalation mentions once per alert left unacknowledged, not for one taken on, and not again after a restart', async () => {
    const first = await escalating();
    await first.tick(3);
    const keys = [...new Set(first.app.store.openAnomalies().flatMap((a) => first.app.store.chat.alertKeyFor(a.id) ?? []))];
    expect(keys).toHaveLength(2);
    const [taken, left] = keys as [string, string];
    expect(escalations(first.slack)).toEqual([]);
    await slashCommand(first.slack, `ack ${first.app.store.chat.anomaliesForKey(taken)[0]}`);
    await first.tick(4);
    const sent = escalations(first.slack);
    expect(sent).toHaveLength(1);
    const leftId = first.app.store.chat.messageRef('slack', 'C-OPS', left)!.id;
    expect(sent[0]!.thread).toBe(leftId);
    expect(sent[0]!.msg).toMatchObject({ surface: true, mentions: ['<!subteam^S0LEADS>'] });
    expect(sent[0]!.msg.title).toMatch(/^Not acknowledged after (\d+ s|\d+ min): web-1$/);
    expect(sent[0]!.msg.actions.map((a) => a.action)).toEqual(['ack', 'silence']);
    // The alert itself carries no escalation mention (it had no route mentions).
    expect([...first.slack.messages.values()].find((m) => m.id === leftId)!.msg.mentions).toBeUndefined();

    const metrics = await (await fetch(`http://127.0.0.1:${first.address.port}/metrics`)).text();
    expect(metrics).toMatch(/^sco_alerts_total\{outcome="escalated"\} 1$/m);

    await first.app.stop();
    const second = await escalating(first.dataDir, first.now(), first.slack);
    await second.tick(2);
    expect(escalations(first.slack)).toHaveLength(1);
  });

  it('goes up its further levels while the alert stays unhandled, each once, and stops when someone takes it on', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({
      overrides: {
        chat: {
          channels: { slack: ['C-OPS'] },
          remind: { afterMinutes: 0 },
          escalate: {
            afterMinutes: 0.5,
            severities: ['critical', 'warning'],
            mentions: { slack: ['<!subteam^S0ONCALL>'] },
            then: [
              { afterMinutes: 1.5, mentions: { slack: ['<!subteam^S0LEADS>'] } },
              { afterMinutes: 30, mentions: { slack: ['<@UHEAD>'] } },
            ],
          },
        },
      },
    });
    const { app, tick } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    await tick(3);
    const keys = [...new Set(app.store.openAnomalies().flatMap((a) => app.store.chat.alertKeyFor(a.id) ?? []))];
    const [taken, left] = keys as [string, string];
    await tick(1);
    const pinged = (key: string) =>
      [...slack.messages.values()]
        .filter((m) => /Not acknowledged after/.test(m.msg.title))
        .filter((m) => m.thread === app.store.chat.messageRef('slack', 'C-OPS', key)!.id)
        .map((m) => [m.msg.title.replace(/after .*:/, 'after …:'), m.msg.mentions]);
    // The later alert has had its first level; taken on before the second, it goes no further. The
    // earlier one reaches its second level once, and its third (30 min) never while it lasts.
    expect(pinged(taken)).toHaveLength(1);
    await slashCommand(slack, `ack ${app.store.chat.anomaliesForKey(taken)[0]}`);
    await tick(2);
    expect(pinged(taken)).toHaveLength(1);
    expect(pinged(left)).toEqual([
      ['Not acknowledged after …: web-1', ['<!subteam^S0ONCALL>']],
      ['Escalation level 2: Not acknowledged after …: web-1', ['<!subteam^S0LEADS>']],
    ]);
    // "Where do alerts go?" says the levels.
    expect((await slashCommand(slack, 'where do alerts go?')).text).toMatch(
      /after 30 s gets one reply pinging <!subteam\^S0ONCALL>; still unhandled after 2 min, another pinging <!subteam\^S0LEADS>; still unhandled after 30 min, another pinging <@UHEAD>\./,
    );
  });

  it('refuses further levels that are not later than the one before', () => {
    expect(() =>
      bootIncidentConfig({ overrides: { chat: { escalate: { afterMinutes: 10, then: [{ afterMinutes: 5, mentions: {} }] } } } }),
    ).toThrow(/chat\.escalate\.then\.0\.afterMinutes: must be later than the level before \(10 min\)/);
    expect(() => bootIncidentConfig({ overrides: { chat: { escalate: { then: [{ afterMinutes: 5 }] } } } })).toThrow(
      /further escalation levels need afterMinutes above 0 for the first/,
    );
  });

  it('is off by default', async () => {
    const { app, slack, tick } = await setup({ afterMinutes: 0 });
    await tick(8);
    expect(app.store.openAnomalies().length).toBeGreaterThan(0);
    expect(escalations(slack)).toEqual([]);
  });
});
