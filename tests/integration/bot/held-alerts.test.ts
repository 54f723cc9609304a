import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

// 10:00 UTC on a Monday. The demo's boot incident (web-1's CPU, about 4 minutes) starts at once.
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

async function setup(chat: Record<string, unknown> = {}) {
  const config = bootIncidentConfig({ approvalRule: true, overrides: { chat: { channels: { slack: ['C-OPS'] }, ...chat } } });
  const slack = createFakeChatAdapter('slack');
  const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
  const web1Alerts = () => [...slack.messages.values()].filter((x) => !x.thread && /anomal(y|ies) on web-1$/.test(x.versions[0]!.title));
  return { ...m, slack, web1Alerts };
}

const heldLines = (lines: { msg?: string; obj: unknown }[]) =>
  lines.filter((l) => l.msg === 'alert held').map((l) => (l.obj as { held: string }).held);

describe('alerts held by a silence or a maintenance window', () => {
  it('are announced when the silence ends if still open', async () => {
    const { app, slack, tick, logger, web1Alerts, now, address } = await setup();
    const said = await slashCommand(slack, 'snooze web-1 for 2m');
    expect(said.text).toMatch(/^Silenced web-1 for 2 min/);
    const until = app.store.chat.silences(now())[0]!.untilTs;
    await tick(2, 2);
    expect(heldLines(logger.lines)).toContain('silenced');
    expect(web1Alerts()).toEqual([]);
    await tick(4, 2);
    const late = web1Alerts();
    expect(late.length).toBeGreaterThanOrEqual(1);
    // Announced after the silence ended, about anomalies that opened under it.
    const anomalies = app.store.openAnomalies().filter((a) => a.target === 'web-1' && a.startTs < until);
    expect(anomalies.length).toBeGreaterThanOrEqual(1);
    for (const a of anomalies) expect(app.store.chat.alertKeyFor(a.id)).toMatch(/^alert:web-1:/);
    expect(Number(app.store.chat.alertKeyFor(anomalies[0]!.id)!.split(':')[2])).toBeGreaterThanOrEqual(until);
    // The proposal made while the alert was held is shown with it, once, with its buttons.
    const pending = app.store.listProposals({ states: ['proposed'] });
    expect(pending).toHaveLength(1);
    const shown = [...slack.messages.values()].filter((m) => m.msg.actions.some((x) => x.action === 'approve'));
    expect(shown.map((m) => m.msg.title)).toEqual([`${pending[0]!.action} on web-1`]);
    // Each announced once.
    await tick(2, 2);
    expect(web1Alerts()).toHaveLength(late.length);
    expect([...slack.messages.values()].filter((m) => m.msg.actions.some((x) => x.action === 'approve'))).toHaveLength(1);
    // Operators see the holds and the late announcement on /metrics.
    const metrics = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
    const count = (outcome: string) =>
      Number(new RegExp(`^sco_alerts_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
    expect(count('held_silenced')).toBe(heldLines(logger.lines).filter((h) => h === 'silenced').length);
    expect(count('held_silenced')).toBeGreaterThanOrEqual(1);
    // Messages about anomalies that opened under the silence are "late"; any opening after it are plain posts.
    expect(count('late')).toBeGreaterThanOrEqual(1);
    expect(count('late') + count('posted')).toBe(late.length);
  });

  it('"mute everything" holds every alert until it is lifted, and says so to the channel', async () => {
    const { app, slack, tick, logger, web1Alerts, now } = await setup();
    const said = await slashCommand(slack, 'mute everything for 1h');
    expect(said.text).toMatch(
      /^Silenced every alert on every target \(critical ones too; what is still open when it ends is announced then\) for 60 min/,
    );
    expect(said.private).toBeFalsy();
    expect(app.store.chat.silences(now()).map((s) => [s.target, s.metric])).toEqual([['*', '*']]);
    await tick(2, 2);
    expect(heldLines(logger.lines)).toContain('silenced');
    expect(web1Alerts()).toEqual([]);
    expect((await slashCommand(slack, 'unmute everything')).text).toBe('Lifted 1 silence.');
    expect(app.store.chat.silences(now())).toEqual([]);
    await tick(1, 2);
    expect(web1Alerts().length).toBeGreaterThanOrEqual(1);
    // Without the words, a bare "mute" still asks what to silence.
    const bare = await slashCommand(slack, 'mute for 1h');
    expect(bare.text).toMatch(/^Silence what\?/);
    expect(bare.private).toBe(true);
    // "Pause alerts for 30 minutes": nothing muted, and the example keeps the length asked.
    const paused = await slashCommand(slack, 'pause alerts for 30 minutes');
    expect(paused.text).toMatch(/^Silence what\? Nothing was silenced\. .*"mute everything for 30 min"\.$/);
    expect(app.store.chat.silences(now())).toEqual([]);
  });

  it('are never announced if they resolved under the silence', async () => {
    const { app, slack, tick, web1Alerts } = await setup();
    await slashCommand(slack, 'snooze web-1 for 10m');
    await tick(22, 2);
    const web1 = app.store.recentAnomalies(50).filter((a) => a.target === 'web-1');
    expect(web1.length).toBeGreaterThanOrEqual(1);
    expect(web1.every((a) => a.status === 'resolved')).toBe(true);
    expect(web1Alerts()).toEqual([]);
  });

  it('hold matching alerts during a maintenance window in its time zone, and announce those still open after it', async () => {
    // 10:00 UTC is 11:00 in Berlin (CET, November).
    const window = {
      name: 'web deploy',
      weekdays: ['mon'],
      start: '11:00',
      end: '11:02',
      timezone: 'Europe/Berlin',
      match: { targets: ['web-*'] },
    };
    const { app, slack, tick, logger, web1Alerts } = await setup({ muteTimes: [window] });
    const silences = await slashCommand(slack, 'is web-1 muted?');
    expect(silences.text).toBe(
      'No silence covers web-1 now.\nMaintenance windows (alerts opening inside are held until they end):\n• web deploy: Mon 11:00–11:02 Europe/Berlin, target web-* (in effect now)',
    );
    await tick(3, 2);
    expect(heldLines(logger.lines)).toContain('web deploy');
    expect(web1Alerts()).toEqual([]);
    expect(app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
    await tick(3, 2);
    expect(web1Alerts().length).toBeGreaterThanOrEqual(1);

    // The same window on another weekday holds nothing.
    const other = await setup({ muteTimes: [{ ...window, weekdays: ['tue'] }] });
    await other.tick(3, 2);
    expect(heldLines(other.logger.lines)).toEqual([]);
    expect(other.web1Alerts().length).toBeGreaterThanOrEqual(1);
  });
});

describe('alerts held by an inhibit rule', () => {
  it('holds the threshold alert while the robust anomaly on the same series is open, and says so in chat', async () => {
    const rule = {
      name: 'robust first',
      source: { detectors: ['robust'] },
      target: { detectors: ['threshold'] },
      equal: ['target', 'metric'],
    };
    const { app, slack, tick, logger, address } = await setup({ inhibit: [rule], pendingFor: [] });
    await tick(4, 2);
    const held = heldLines(logger.lines).filter((h) => h.startsWith('inhibited|robust first|'));
    expect(held.length).toBeGreaterThanOrEqual(1);
    const robust = app.store.openAnomalies().find((a) => a.target === 'web-1' && a.detector === 'robust')!;
    expect(held[0]).toBe(`inhibited|robust first|${robust.id}`);
    // The robust anomaly was posted; the threshold one, held, was not.
    const threshold = app.store.openAnomalies().find((a) => a.target === 'web-1' && a.detector === 'threshold')!;
    expect(app.store.chat.alertKeyFor(robust.id)).toBeDefined();
    expect(app.store.chat.alertKeyFor(threshold.id)).toBeUndefined();
    const said = await slashCommand(slack, 'is anything inhibited?');
    expect(said.text).toContain(
      `• robust first: while detector robust is open, hold detector threshold with the same target, metric; holding ${threshold.id} (web-1 cpu, by ${robust.id})`,
    );
    const metrics = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
    expect(Number(/^sco_alerts_total\{outcome="held_inhibited"\} (\d+)$/m.exec(metrics)?.[1] ?? 0)).toBe(held.length);
  });
});
