import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand, type FakeChatAdapter, type FakeMessage } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

// The demo's boot incident (web-1's CPU spike) with reminders every minute for every severity.
async function setup(dataDir?: string, startTs = T0, slack = createFakeChatAdapter('slack')) {
  const config = bootIncidentConfig({
    env: dataDir ? { SCO_DATA_DIR: dataDir } : {},
    overrides: { chat: { channels: { slack: ['C-OPS'] }, remind: { afterMinutes: 1, severities: ['critical', 'warning'] } } },
  });
  const m = await startManualApp(config, { startTs, adapters: [slack] });
  return { ...m, slack, dataDir: config.dataDir };
}

const press = (slack: FakeChatAdapter, action: 'ack' | 'silence', anomalyId: string, user = 'U7') =>
  slack.emit({ kind: 'action', platform: 'slack', user: { platform: 'slack', id: user, roles: [] }, channel: 'C-OPS', action, anomalyId });
const reminders = (slack: FakeChatAdapter) => [...slack.messages.values()].filter((m) => m.msg.title.startsWith('Still open after'));
const web1Alert = (slack: FakeChatAdapter): FakeMessage =>
  [...slack.messages.values()].find((m) => !m.thread && /anomal(y|ies) on web-1$/.test(m.versions[0]!.title))!;

describe('acknowledging an alert', () => {
  it('from its button: the message says who, reminders stop; handed back in chat, the button and reminders return', async () => {
    const { app, slack, tick, address } = await setup();
    await tick(3);
    const alert = web1Alert(slack);
    expect(alert.msg.actions.map((a) => a.label)).toEqual(['Acknowledge', 'Silence 1 h']);
    const anomalyId = alert.msg.actions[0]!.action === 'ack' ? (alert.msg.actions[0] as { anomalyId: string }).anomalyId : '';
    const key = app.store.chat.alertKeyFor(anomalyId)!;
    const opened = Math.min(...app.store.chat.anomaliesForKey(key).map((id) => app.store.getAnomaly(id)!.startTs));

    const r = await press(slack, 'ack', anomalyId);
    expect(r.text).toMatch(/^Acknowledged web-1 CPU \(an_[a-z0-9]+(, an_[a-z0-9]+)?\): no reminders while it is open\./);
    expect(app.store.chat.ackOf(key)).toEqual({ msgKey: key, by: 'slack:U7', ts: expect.any(Number) });
    const [rec] = app.store.records(5, undefined, 'alert_acknowledged');
    expect(rec!.data).toMatchObject({ key, actor: 'slack:U7', via: 'button', afterMs: app.store.chat.ackOf(key)!.ts - opened });
    // A second press, by anyone, changes nothing and says who has it.
    expect((await press(slack, 'ack', anomalyId, 'U8')).text).toMatch(/^Already acknowledged by slack:U7 at /);
    expect(app.store.records(5, undefined, 'alert_acknowledged')).toHaveLength(1);

    const mine = () => reminders(slack).filter((m) => m.thread === alert.id);
    const before = mine().length;
    await tick(4);
    // Re-rendered in place: who took it on, and only the Silence button left.
    expect(alert.msg.status).toMatch(/^Acknowledged by slack:U7 at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(alert.msg.actions.map((a) => a.action)).toEqual(['silence']);
    expect(app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
    expect(mine()).toHaveLength(before);
    // /status says so too.
    const status = (await (await fetch(`http://127.0.0.1:${address.port}/status`)).json()) as {
      openAnomalies: { id: string; acknowledgedBy?: string; acknowledgedAt?: string }[];
    };
    const members = new Set(app.store.chat.anomaliesForKey(key));
    for (const a of status.openAnomalies)
      if (members.has(a.id))
        expect(a).toMatchObject({ acknowledgedBy: 'slack:U7', acknowledgedAt: new Date(app.store.chat.ackOf(key)!.ts).toISOString() });
      else expect(a).not.toHaveProperty('acknowledgedBy');
    expect(status.openAnomalies.some((a) => members.has(a.id))).toBe(true);
    // The attention answer says it is taken.
    expect((await slashCommand(slack, 'anything wrong?')).text).toMatch(/web-1 .*\(acknowledged by slack:U7/);

    const back = await slashCommand(slack, 'unack web-1');
    expect(back.text).toBe('Handed back 1 alert: it shows Acknowledge again and reminders resume.');
    await tick(1);
    expect(alert.msg.status).toBeUndefined();
    expect(alert.msg.actions.map((a) => a.action)).toEqual(['ack', 'silence']);
    // One reminder for the intervals it was held, not one per interval missed.
    expect(mine()).toHaveLength(before + 1);

    const metrics = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
    expect(metrics).toMatch(/^sco_alert_ack_delay_seconds_count 1$/m);
  });

  it('from chat by target or id, with clear answers for what cannot be acknowledged', async () => {
    const { app, slack, tick } = await setup();
    const say = (text: string, user = 'U2') => slashCommand(slack, text, user);
    expect((await say('ack')).text).toBe('Every open alert is acknowledged (or none is open): nothing to take on.');
    expect((await say('ack db-1')).text).toBe('Nothing is open on db-1; nothing to acknowledge.');
    await tick(3);
    expect((await say('ack')).text).toMatch(/^Acknowledge which alert\? Open and not acknowledged: web-1 CPU/);
    expect((await say('ack web-9')).text).toBe('Nothing acknowledged: I don\'t know a target called "web-9".');
    expect((await say('ack web-1 and db-1')).text).toBe('Nothing acknowledged: name one target at a time (web-1, db-1).');
    expect((await say('ack an_doesnotexist')).text).toMatch(/^No alert an_doesnotexist /);
    // Asking is not acting.
    expect((await say('is web-1 acknowledged?')).intent).not.toBe('ack');
    expect(app.store.records(5, undefined, 'alert_acknowledged')).toEqual([]);

    // Every alert message open on web-1 (the threshold and the robust detector alerted in different ticks).
    const messages = new Set(app.store.openAnomalies().flatMap((a) => (a.target === 'web-1' ? app.store.chat.alertKeyFor(a.id)! : [])));
    expect(messages.size).toBe(2);
    expect((await say('acknowledge web-1')).text).toMatch(
      /^Acknowledged web-1 \w+ \(an_[a-z0-9]+\); web-1 \w+ \(an_[a-z0-9]+\): no reminders while they are open\. Say "unack web-1" to hand them back\.$/,
    );
    expect([...messages].map((k) => app.store.chat.ackOf(k)?.by)).toEqual(['slack:U2', 'slack:U2']);
    // "What am I on?": what the asker took on and is still open; someone else has nothing of theirs.
    const onNow = (await say('what am I on?')).text.split('\n');
    expect(onNow[0]).toMatch(/^\d+ open anomal(?:y|ies) acknowledged by you(?:, in \d+ episodes?)?; all:$/);
    expect(onNow.length).toBeGreaterThan(1);
    for (const l of onNow.slice(1)) expect(l).toMatch(/^• an_\w+ \[\w+\] web-1 /);
    expect((await say('what am I on?', 'U3')).text).toBe('No open anomalies acknowledged by you.');
    expect((await say('my alerts', 'U3')).text).toBe('No anomalies acknowledged by you.');
    expect((await say('ack web-1', 'U3')).text).toMatch(/^Already acknowledged by slack:U2 at /);
    const id = app.store.openAnomalies().find((a) => a.target === 'web-1')!.id;
    expect((await say(`unack ${id}`)).text).toMatch(/^Handed back 1 alert/);
    expect((await say(`unack ${id}`)).text).toBe('Nothing matching was acknowledged; nothing changed.');
    expect((await say(`ack ${id}`, 'U3')).text).toMatch(/^Acknowledged web-1 /);
    expect(app.store.records(5, undefined, 'alert_unacknowledged')).toHaveLength(1);
    expect(app.store.records(5, undefined, 'alert_acknowledged').map((r) => r.data.actor)).toEqual(['slack:U3', 'slack:U2', 'slack:U2']);

    // Once the incident is over there is nothing left to take on, and the message offers no buttons.
    await tick(20);
    expect(app.store.openAnomalies().filter((a) => a.target === 'web-1')).toEqual([]);
    expect(web1Alert(slack).msg.actions).toEqual([]);
    expect((await say(`ack ${id}`)).text).toMatch(/^That alert is resolved \(web-1 /);
  });

  it('"ack all" takes on every open alert nobody has; "unack all" hands back only the asker\'s own', async () => {
    const { app, slack, tick } = await setup();
    await tick(3);
    const keys = [...new Set(app.store.openAnomalies().flatMap((a) => app.store.chat.alertKeyFor(a.id) ?? []))];
    expect(keys.length).toBe(2);
    // One already taken on by U3 stays theirs.
    await slashCommand(slack, `ack ${app.store.chat.anomaliesForKey(keys[0]!)[0]}`, 'U3');
    expect((await slashCommand(slack, 'ack all', 'U2')).text).toMatch(
      /^Acknowledged web-1 \w+ \(an_\w+\): no reminders while it is open\. Say "unack all" to hand it back\.$/,
    );
    expect(keys.map((k) => app.store.chat.ackOf(k)?.by)).toEqual(['slack:U3', 'slack:U2']);
    expect((await slashCommand(slack, 'ack all', 'U2')).text).toBe(
      'Every open alert is acknowledged (or none is open): nothing to take on.',
    );
    expect((await slashCommand(slack, 'unack all', 'U2')).text).toMatch(/^Handed back 1 alert:/);
    expect(keys.map((k) => app.store.chat.ackOf(k)?.by)).toEqual(['slack:U3', undefined]);
    expect((await slashCommand(slack, 'unack all', 'U2')).text).toBe('Nothing matching was acknowledged; nothing changed.');
    // "Ack all critical alerts" takes on only alerts with an open anomaly of that severity.
    const severities = new Set(
      app.store
        .openAnomalies()
        .filter((a) => app.store.chat.alertKeyFor(a.id) === keys[1])
        .map((a) => a.severity),
    );
    for (const sev of ['critical', 'warning'] as const)
      if (!severities.has(sev))
        expect((await slashCommand(slack, `ack all ${sev} alerts`, 'U2')).text).toBe(
          `No open ${sev} alert waits to be taken on: nothing acknowledged.`,
        );
    expect(severities.size, 'the alert holds one severity, so the other finds nothing').toBe(1);
    const held = [...severities][0]!;
    expect((await slashCommand(slack, `ack all ${held} alerts`, 'U2')).text).toMatch(/^Acknowledged web-1 /);
    expect(app.store.chat.ackOf(keys[1]!)?.by).toBe('slack:U2');
  });

  it('names an open anomaly whose alert is not posted yet rather than saying nothing is open', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({
      overrides: { chat: { channels: { slack: ['C-OPS'] }, pendingFor: [{ match: {}, minutes: 30 }] } },
    });
    const { app, tick } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    await tick(3);
    const open = app.store.openAnomalies().filter((a) => a.target === 'web-1');
    expect(open.length).toBeGreaterThan(0);
    expect(open.map((a) => app.store.chat.alertKeyFor(a.id))).toEqual(open.map(() => undefined));
    expect((await slashCommand(slack, 'ack web-1')).text).toMatch(
      new RegExp(
        `^Nothing acknowledged: web-1 has ${open.length} open anomal(y|ies) with no alert posted yet \\(${open[0]!.id} CPU: it is still within its pending period.*\\)\\. Acknowledge them once they are posted, or say "snooze web-1 for 30m"`,
      ),
    );
    expect(app.store.records(5, undefined, 'alert_acknowledged')).toEqual([]);
  });

  it('in reply to an alert’s reminder, "ack" and "explain" mean that alert', async () => {
    const { app, slack, tick } = await setup();
    await tick(5);
    const reminder = reminders(slack)[0]!;
    const say = (text: string) =>
      slack.emit({
        kind: 'text',
        platform: 'slack',
        user: { platform: 'slack', id: 'U4', roles: [] },
        channel: 'C-OPS',
        thread: reminder.id,
        text,
        source: 'mention',
      });
    const key = [...new Set(app.store.openAnomalies().map((a) => app.store.chat.alertKeyFor(a.id)))].find(
      (k) => app.store.chat.messageRef('slack', 'C-OPS', k!)?.id === reminder.thread,
    )!;
    expect((await say('explain')).text).toMatch(new RegExp(`^(${app.store.chat.anomaliesForKey(key).join('|')}) \\[`));
    expect((await say('ack')).text).toMatch(/^Acknowledged web-1 /);
    expect(app.store.chat.ackOf(key)?.by).toBe('slack:U4');
    // Naming something else wins over the thread.
    expect((await say('ack db-1')).text).toBe('Nothing is open on db-1; nothing to acknowledge.');
  });

  it('survives a restart: the acknowledgement is stored, and no reminder is sent for it', async () => {
    const first = await setup(undefined);
    await first.tick(3);
    await slashCommand(first.slack, 'ack web-1', 'U7');
    const before = reminders(first.slack).length;
    await first.app.stop();
    const second = await setup(first.dataDir, first.now(), first.slack);
    await second.tick(3);
    expect(second.app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
    expect(reminders(first.slack)).toHaveLength(before);
    const open = second.app.store.openAnomalies().filter((a) => a.target === 'web-1');
    for (const a of open) expect(second.app.store.chat.ackOf(second.app.store.chat.alertKeyFor(a.id)!)?.by).toBe('slack:U7');
    const still = [...first.slack.messages.values()].find((m) => !m.thread && m.msg.title.endsWith('anomaly on web-1'))!;
    expect(still.msg.status).toMatch(/^Acknowledged by slack:U7 at /);
  });
});
