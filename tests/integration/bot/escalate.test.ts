import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand, type FakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

async function setup(mentions: Record<string, string[]>) {
  const slack = createFakeChatAdapter('slack');
  const config = bootIncidentConfig({
    overrides: { chat: { channels: { slack: ['C-OPS'] }, escalate: { mentions } } },
  });
  const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
  return { ...m, slack };
}

const escalations = (slack: FakeChatAdapter) => [...slack.messages.values()].filter((m) => m.msg.title.startsWith('Escalated by'));

describe('escalating an alert by hand', () => {
  it('pings the escalation mentions in the alert’s thread, shown in the channel, and records who asked', async () => {
    const { app, slack, tick } = await setup({ slack: ['<!subteam^S0ONCALL>'] });
    await tick(3);
    // The threshold warning and the robust critical are two alert messages here (joining is off in tests).
    const keys = [
      ...new Set(
        app.store
          .openAnomalies()
          .filter((a) => a.target === 'web-1')
          .map((a) => app.store.chat.alertKeyFor(a.id)!),
      ),
    ];
    expect(keys.length).toBeGreaterThanOrEqual(1);
    const r = await slashCommand(slack, 'escalate web-1', 'U7');
    expect(r.text).toBe(`Escalated ${keys.length === 1 ? 'the alert' : `${keys.length} alerts`} on web-1, pinging <!subteam^S0ONCALL>.`);
    await tick(1);
    const sent = escalations(slack);
    expect(sent).toHaveLength(keys.length);
    const roots = [...slack.messages.values()].filter(
      (m) => !m.thread && m.channel === 'C-OPS' && m.versions[0]!.title.endsWith('on web-1'),
    );
    for (const m of sent) {
      expect(m.channel).toBe('C-OPS');
      expect(roots.map((x) => x.id)).toContain(m.thread);
      expect(m.msg).toMatchObject({ title: 'Escalated by slack:U7: web-1', surface: true, mentions: ['<!subteam^S0ONCALL>'] });
    }
    const recorded = app.store.records(10, undefined, 'alert_escalated').map((x) => x.data);
    expect(recorded.map((d) => d.key).sort()).toEqual([...keys].sort());
    expect(recorded.every((d) => d.actor === 'slack:U7')).toBe(true);
    // The alert's timeline shows it, beside the automatic escalation's line when there is one.
    expect((await slashCommand(slack, 'timeline web-1')).text).toMatch(/\n\d{2}:\d{2}:\d{2} {2}escalated by slack:U7\n/);
  });

  it('says whom it pinged, or that nobody is set; refuses a target with no open alert, or one it does not know', async () => {
    const { slack, tick, app } = await setup({});
    await tick(3);
    const id = app.store.openAnomalies().find((a) => a.target === 'web-1')!.id;
    expect((await slashCommand(slack, `escalate ${id}`)).text).toBe(
      `Escalated the alert ${id}, pinging nobody: chat.escalate.mentions is empty, so the reply only shows in the channel.`,
    );
    expect((await slashCommand(slack, 'escalate db-1')).text).toBe('No open alert on db-1: nothing escalated.');
    expect((await slashCommand(slack, 'escalate web-9')).text).toMatch(/^Nothing escalated: I don't know a target called "web-9"/);
    // With two alerts open, which; the ids are the ones open.
    const open = app.store
      .openAnomalies()
      .sort((a, z) => z.startTs - a.startTs)
      .filter((a) => app.store.chat.alertKeyFor(a.id));
    expect((await slashCommand(slack, 'escalate')).text).toMatch(
      new RegExp(
        `^Escalate which alert\\? ${open.length} are open: web-1 \\(an_\\w+\\), web-1 \\(an_\\w+\\)\\. Say "escalate <target>" or "escalate an_…"\\.$`,
      ),
    );
  });
});
