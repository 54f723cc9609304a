import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, CHAN, startFakeDiscord } from '../../fakes/fake-discord.js';
import { createRng } from '../../../src/core/random.js';
import { HELP } from '../../../src/bot/help-text.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const ALICE = '444444444444444444';
const MALLORY = '555555555555555555';
const OPS_ROLE = '666666666666666666';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(chat: Record<string, unknown> = {}) {
  const discord = await startFakeDiscord();
  cleanups.push(() => discord.close());
  const config = bootIncidentConfig({
    approvalRule: true,
    env: { DISCORD_TOKEN: 'fake.bot.token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.api },
    overrides: {
      sources: { backfillHours: 1 },
      chat: { channels: { discord: [CHAN] }, ...chat },
      approvers: { discord: { users: [ALICE], roles: [OPS_ROLE] } },
    },
  });
  const { app, address: addr, tick, logger } = await startManualApp(config, { startTs: Date.now() });
  cleanups.push(() => app.stop());
  const health = async () =>
    ((await (await fetch(`http://127.0.0.1:${addr.port}/health`)).json()) as { components: Record<string, Record<string, unknown>> })
      .components.chat_discord!;
  return { app, discord, tick, health, logger };
}

describe('Discord with the real discord.js client against a local REST + gateway', () => {
  it('logs in, defers a slash command and edits in the answer', async () => {
    const { app, discord, health } = await setup();
    expect(discord.identifies).toBe(1);
    expect((await health()).state).toBe('ready');
    const { id, token } = discord.command('cpu', [{ name: 'target', type: 3, value: 'web-1' }]);
    await expect.poll(() => discord.edits(token).length, { timeout: 5000 }).toBe(1);
    expect(discord.callbacks(id)[0]!.body).toMatchObject({ type: 5 });
    const cpu = app.store.latestSamples().find((s) => s.target === 'web-1' && s.metric === 'cpu')!;
    expect(String(discord.edits(token)[0]!.body!.content)).toMatch(new RegExp(`^web-1 CPU ${cpu.value.toFixed(1)}% \\(at `));
    expect(discord.calls.every((c) => !c.path.includes('/channels/') || c.auth === 'Bot fake.bot.token')).toBe(true);
  });

  it('sends a reply longer than one message as up to three, cut at lines with tables kept in their fences', async () => {
    const { discord } = await setup();
    const { token } = discord.command('ask', [{ name: 'question', type: 3, value: 'help' }]);
    await expect.poll(() => discord.edits(token).length, { timeout: 5000 }).toBe(1);
    // The follow-ups arrive one by one: wait for the help's last line rather than for the first of them.
    const sent = () => [discord.edits(token)[0]!, ...discord.followUps(token)].map((c) => String(c.body!.content));
    await expect.poll(() => sent().join('\n'), { timeout: 5000 }).toContain(HELP.split('\n').at(-1)!);
    const parts = sent();
    expect(parts.length).toBeLessThanOrEqual(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
    }
    // Nothing is lost: the parts together are the help, line for line.
    expect(parts.join('\n')).toContain(HELP.split('\n').at(-1)!);
    expect(
      parts
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('•')).length,
    ).toBe(HELP.split('\n').filter((l) => l.startsWith('•')).length);
  });

  it('offers targets, pending proposals and open alerts as the user types, and snoozes what was picked', async () => {
    const { app, discord, tick } = await setup();
    await tick(6);
    const choices = async (sub: string, option: string, typed: string) => {
      const { id } = discord.autocomplete(sub, option, typed);
      await expect.poll(() => discord.callbacks(id).length, { timeout: 5000 }).toBe(1);
      const body = discord.callbacks(id)[0]!.body as unknown as { type: number; data: { choices: { name: string; value: string }[] } };
      expect(body.type).toBe(8);
      return body.data.choices;
    };
    expect((await choices('cpu', 'target', 'db')).map((c) => c.value)).toEqual(['db-1']);
    const pending = app.store.listProposals({ states: ['proposed'] });
    expect(pending.length).toBeGreaterThan(0);
    expect((await choices('approve', 'id', '')).map((c) => c.value)).toEqual(pending.map((p) => p.id));
    expect((await choices('approve', 'id', 'scale'))[0]!.name).toMatch(/^rp_\w+ scale_up on web-1, expires in /);
    // Open alerts: the target first (all of it), then each anomaly by id.
    const alerts = await choices('snooze', 'what', 'web-1');
    expect(alerts[0]).toEqual({ value: 'web-1', name: expect.stringMatching(/^web-1: \d+ open, (critical|warning) \(CPU/) });
    expect(alerts.slice(1).every((c) => /^an_/.test(c.value))).toBe(true);
    // An option with no picker, or nothing matching: an empty list, never "failed".
    expect(await choices('ask', 'question', 'x')).toEqual([]);
    expect(await choices('cpu', 'target', 'zzz')).toEqual([]);
    // The pick is used: "/ops snooze what:web-1 for:2h".
    const cmd = discord.command('snooze', [
      { name: 'what', type: 3, value: 'web-1' },
      { name: 'for', type: 3, value: '2h' },
      { name: 'reason', type: 3, value: 'db migration' },
    ]);
    await expect.poll(() => discord.edits(cmd.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(cmd.token)[0]!.body!.content)).toMatch(
      /^Silenced web-1 for 2 h, until .* \(sl_\w+; reason: db migration\)\./,
    );
    // An anomaly id silences that alert, as its button would.
    const an = alerts[1]!.value;
    app.store.chat.removeSilencesFor('web-1', Date.now());
    const one = discord.command('snooze', [{ name: 'what', type: 3, value: an }]);
    await expect.poll(() => discord.edits(one.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(one.token)[0]!.body!.content)).toMatch(/^Silenced web-1 .*for 60 min/);
    // "/ops watch target:db-1 when:disk reaches 90% for:2h" is a watch, as "tell me when…" is.
    const watch = discord.command('watch', [
      { name: 'target', type: 3, value: 'db-1' },
      { name: 'when', type: 3, value: 'disk reaches 90%' },
      { name: 'for', type: 3, value: '2h' },
    ]);
    await expect.poll(() => discord.edits(watch.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(watch.token)[0]!.body!.content)).toMatch(
      /^I'll post here when db-1 disk goes to or above 90\.0%, until .* \(2 h; wt_/,
    );
    expect(await choices('watch', 'target', 'db')).toEqual([{ name: 'db-1', value: 'db-1' }]);
  });

  it('posts an alert embed with buttons, edits it on resolve; approver and non-approver clicks', async () => {
    const { app, discord, tick } = await setup();
    await tick(6);
    const posted = [...discord.messages.entries()].filter(([k]) => !k.startsWith('thread:'));
    const alert = posted.find(([, m]) => JSON.stringify(m.versions[0]).includes('anomaly on web-1'))!;
    expect(alert).toBeDefined();
    const proposal = posted.find(([, m]) => JSON.stringify(m.body).includes('sco:approve:'))!;

    // "/ops pending" is deferred, then edited with the proposal as an embed with its buttons.
    const pending = discord.command('pending', []);
    await expect.poll(() => discord.edits(pending.token).length, { timeout: 5000 }).toBe(1);
    const edit = discord.edits(pending.token)[0]!.body!;
    expect(discord.callbacks(pending.id)[0]!.body).toMatchObject({ type: 5 });
    expect(String(edit.content)).toMatch(/^1 waiting for approval/);
    expect(edit.embeds![0]!.title).toMatch(/^scale_up on web-1$/);
    expect(JSON.stringify(edit.components)).toMatch(/sco:approve:rp_/);
    const customId = (proposal[1].body as { components: { components: { custom_id: string }[] }[] }).components[0]!.components[0]!
      .custom_id;
    const proposalId = customId.split(':')[2]!;

    const refused = discord.click(customId, proposal[0], MALLORY);
    await expect.poll(() => discord.edits(refused.token).length, { timeout: 5000 }).toBe(1);
    expect(discord.callbacks(refused.id)[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(String(discord.edits(refused.token)[0]!.body!.content)).toMatch(/not an approver/);
    expect(app.store.getProposal(proposalId)!.state).toBe('proposed');

    // A role listed in approvers.discord.roles is enough.
    const ok = discord.click(customId, proposal[0], '777777777777777777', [OPS_ROLE]);
    await expect.poll(() => discord.edits(ok.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(ok.token)[0]!.body!.content)).toMatch(/^Approved by/);
    await tick(1);
    expect(JSON.stringify(proposal[1].body)).not.toContain('sco:approve');
    expect(JSON.stringify(proposal[1].body)).toMatch(/Succeeded by discord:777777777777777777/);
    // Follow-ups go in a thread started from the proposal message.
    expect(discord.messages.has(`thread:${proposal[0]}`)).toBe(true);

    await tick(12);
    expect(JSON.stringify(alert[1].body)).toMatch(/Resolved: web-1/);
    expect(alert[1].versions.length).toBeGreaterThanOrEqual(2);
  });

  it('silences an alert from its Silence button through the gateway, privately confirmed, and edits the alert', async () => {
    const { app, discord, tick } = await setup();
    await tick(6);
    const posted = [...discord.messages.entries()].filter(([k]) => !k.startsWith('thread:'));
    const alert = posted.find(
      ([, m]) => JSON.stringify(m.versions[0]).includes('anomaly on web-1') && JSON.stringify(m.body).includes('sco:silence:'),
    )!;
    const customId = (alert[1].body as { components: { components: { custom_id?: string }[] }[] }).components[0]!.components.find((c) =>
      c.custom_id?.startsWith('sco:silence:'),
    )!.custom_id!;
    const click = discord.click(customId, alert[0], MALLORY);
    await expect.poll(() => discord.edits(click.token).length, { timeout: 5000 }).toBe(1);
    expect(discord.callbacks(click.id)[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(String(discord.edits(click.token)[0]!.body!.content)).toMatch(/^Silenced web-1 /);
    expect(app.store.chat.silences(Date.now())).toEqual([expect.objectContaining({ target: 'web-1', createdBy: `discord:${MALLORY}` })]);
    await tick(1);
    expect(JSON.stringify(alert[1].body)).toMatch(new RegExp(`Silenced until .* by discord:${MALLORY}`));
    expect(JSON.stringify(alert[1].body)).not.toContain('sco:silence:');

    // Acknowledge stays on a silenced alert (blurple, style 1); pressing it says who has it.
    const ackButton = (
      alert[1].body as { components: { components: { custom_id?: string; style: number }[] }[] }
    ).components[0]!.components.find((c) => c.custom_id?.startsWith('sco:ack:'))!;
    expect(ackButton.style).toBe(1);
    const ack = discord.click(ackButton.custom_id!, alert[0], ALICE);
    await expect.poll(() => discord.edits(ack.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(ack.token)[0]!.body!.content)).toMatch(/^Acknowledged web-1 /);
    await tick(1);
    expect(JSON.stringify(alert[1].body)).toMatch(new RegExp(`Acknowledged by discord:${ALICE} at .* · Silenced until`));
    expect(JSON.stringify(alert[1].body)).not.toContain('sco:ack:');

    // "/ops ack what:…" reaches the same router.
    const cmd = discord.command('ack', [{ name: 'what', type: 3, value: 'web-9' }]);
    await expect.poll(() => discord.edits(cmd.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(cmd.token)[0]!.body!.content)).toBe('Nothing acknowledged: I don\'t know a target called "web-9".');

    // A forged or foreign button id gets a private answer rather than Discord's "interaction failed".
    const before = app.store.chat.silences(Date.now()).length;
    for (const forged of ['sco:silence:not-a-number', 'sco:ack:rp_abc123', 'sco:launch:1', 'other-bot:thing']) {
      const f = discord.click(forged, alert[0], MALLORY);
      await expect.poll(() => discord.edits(f.token).length, { timeout: 5000 }).toBe(1);
      expect(discord.callbacks(f.id)[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
      expect(String(discord.edits(f.token)[0]!.body!.content)).toBe('I could not read that button.');
    }
    expect(app.store.chat.silences(Date.now())).toHaveLength(before);
  });

  it('reads "@bot ack" replied to an alert, or said in its thread, as about that alert', async () => {
    const { app, discord, tick } = await setup();
    await tick(6);
    const anomaly = app.store.openAnomalies().find((a) => a.target === 'web-1')!;
    const key = app.store.chat.alertKeyFor(anomaly.id)!;
    const alertId = app.store.chat.messageRef('discord', CHAN, key)!.id;
    const replies = (channel: string) =>
      discord.calls.filter((c) => c.method === 'POST' && c.path === `/api/v10/channels/${channel}/messages` && c.body?.message_reference);
    discord.say(`<@${APP_ID}> ack`, '888888888888888888', CHAN, alertId);
    await expect.poll(() => replies(CHAN).length, { timeout: 5000 }).toBe(1);
    expect(String(replies(CHAN)[0]!.body!.content)).toMatch(/^Acknowledged web-1 /);
    expect(app.store.chat.ackOf(key)?.by).toBe('discord:888888888888888888');
    // In the alert's thread (a thread started from a message has that message's id).
    discord.openThread(alertId);
    discord.say(`<@${APP_ID}> unack`, '888888888888888888', alertId);
    await expect.poll(() => replies(alertId).length, { timeout: 5000 }).toBe(1);
    expect(String(replies(alertId)[0]!.body!.content)).toMatch(/^Handed back 1 alert/);
    expect(app.store.chat.ackOf(key)).toBeUndefined();
    // Inside the thread, a reply to some other message there is still about the alert.
    discord.say(`<@${APP_ID}> ack`, '888888888888888888', alertId, '999999999999999999');
    await expect.poll(() => replies(alertId).length, { timeout: 5000 }).toBe(2);
    expect(String(replies(alertId)[1]!.body!.content)).toMatch(/^Acknowledged web-1 /);
  });

  it('answers mentions, ignores other chatter, and reconnects after a gateway drop', async () => {
    const { discord, health } = await setup();
    discord.say(`<@${APP_ID}> status`, '888888888888888888');
    discord.say('lunch?', '888888888888888888');
    await expect
      .poll(() => discord.calls.filter((c) => c.method === 'POST' && c.path === `/api/v10/channels/${CHAN}/messages`).length, {
        timeout: 5000,
      })
      .toBe(1);
    const reply = discord.calls.find((c) => c.method === 'POST' && c.path === `/api/v10/channels/${CHAN}/messages`)!;
    expect(String(reply.body!.content)).toMatch(/^2 targets/);
    expect(reply.body!.message_reference).toBeDefined();

    discord.drop();
    await expect.poll(() => discord.sockets.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await health()).state, { timeout: 15_000 }).toBe('ready');
    expect(discord.identifies + discord.resumes).toBeGreaterThanOrEqual(2);
  }, 40_000);

  it('sends rate-limited alerts back to the outbox and delivers them later', async () => {
    const { discord, tick } = await setup();
    discord.rateLimitNext(1);
    await tick(6);
    const attempts = discord.calls.filter((c) => c.method === 'POST' && c.path === `/api/v10/channels/${CHAN}/messages`);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    const titles = [...discord.messages.values()].filter((m) => m.versions.length).map((m) => JSON.stringify(m.versions[0]));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('answers a command it does not serve, and options registered with another type, instead of leaving the user waiting', async () => {
    const { discord, logger } = await setup();
    const other = discord.command('prod', [], ALICE, [], 'deploy');
    await expect.poll(() => discord.callbacks(other.id).length, { timeout: 5000 }).toBe(1);
    expect(discord.callbacks(other.id)[0]!.body).toMatchObject({
      type: 4,
      data: { content: 'This app answers /ops; /deploy is not set up here.', flags: 64 },
    });
    // An older registration had count as a string and target as a number: the values still count.
    const old = discord.command('anomalies', [{ name: 'count', type: 3, value: '2' }]);
    await expect.poll(() => discord.edits(old.token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(old.token)[0]!.body!.content)).toMatch(/^No anomalies|^The last/);
    const num = discord.command('cpu', [{ name: 'target', type: 4, value: 1 }]);
    await expect.poll(() => discord.edits(num.token).length, { timeout: 5000 }).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('answers every random command and button through the gateway, logs no error, and keeps what was recorded', async () => {
    const { app, discord, tick, logger } = await setup();
    await tick(6);
    const before = app.store.recentAnomalies(500).map((a) => a.id);
    const posted = [...discord.messages.keys()].filter((k) => !k.startsWith('thread:'));
    const ids = [...before.slice(0, 4), ...app.store.listProposals({ limit: 5 }).map((p) => p.id), 'rp_zzz', 'an_zzz', '', 'x'.repeat(300)];
    const rnd = createRng(20261203);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const values = [
      ...ids,
      'web-1',
      'db-1',
      'web-9',
      '<@&1>',
      '@everyone',
      '\u0000',
      'summarise the last 3 anomalies',
      '💥',
      'x'.repeat(4000),
    ];
    const subs = ['cpu', 'anomalies', 'status', 'pending', 'approve', 'deny', 'ack', 'ask', 'help', 'zzz'];
    const customIds = [...ids.map((i) => `sco:${pick(['approve', 'deny', 'silence', 'ack'])}:${i}`), 'sco:', 'sco:x:y:z', 'other', ':::'];
    for (let i = 0; i < 120; i++) {
      const r = rnd();
      if (r < 0.45) {
        const options =
          rnd() < 0.2
            ? []
            : [
                {
                  name: pick(['target', 'count', 'id', 'what', 'question', 'nope']),
                  type: pick([3, 4]),
                  value: pick([...values, 0, -1, 51, 1e9]),
                },
              ];
        const sub = pick(subs);
        const { token } = discord.command(sub, options as never, pick([ALICE, MALLORY]), rnd() < 0.3 ? [OPS_ROLE] : []);
        // A deferred reply whose answer never comes leaves "thinking…" on the user's screen.
        await expect
          .poll(() => discord.edits(token).length, { timeout: 5000, message: `${sub} ${JSON.stringify(options).slice(0, 200)}` })
          .toBeGreaterThan(0);
        const content = String(discord.edits(token).at(-1)!.body!.content);
        expect(content.trim().length, content).toBeGreaterThan(0);
        expect(content, content).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
      } else if (r < 0.85) {
        const { id } = discord.click(pick(customIds), pick(posted.length ? posted : ['1']), pick([ALICE, MALLORY]));
        await expect.poll(() => discord.callbacks(id).length, { timeout: 5000 }).toBeGreaterThan(0);
      } else {
        discord.say(`<@${APP_ID}> ${pick(values)} ${pick(subs)}`, pick([ALICE, MALLORY]), CHAN, rnd() < 0.5 ? pick(posted) : undefined);
      }
      if (i % 40 === 39) await tick(1);
    }
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    const after = new Set(app.store.recentAnomalies(500).map((a) => a.id));
    for (const id of before) expect(after.has(id), id).toBe(true);
  }, 120_000);
});

describe('Discord gateway events discord.js cannot read', () => {
  it('drops each with a warning instead of an unhandled rejection, and goes on answering', async () => {
    const { app, discord, tick, logger } = await setup();
    await tick(2);
    const before = app.store.recentAnomalies(500).map((a) => a.id);
    const broken: [string, unknown][] = [
      ['INTERACTION_CREATE', null],
      ['INTERACTION_CREATE', { type: 2 }],
      ['INTERACTION_CREATE', { id: '1', type: 3, data: null }],
      ['MESSAGE_CREATE', null],
      ['MESSAGE_CREATE', { id: '1', channel_id: CHAN, content: `<@${APP_ID}> status`, author: null }],
      ['THREAD_CREATE', null],
      ['GUILD_CREATE', null],
      ['CHANNEL_CREATE', null],
    ];
    for (const [t, d] of broken) discord.dispatch(t, d);
    const dropped = () => logger.lines.filter((l) => l.msg === 'discord gateway event could not be read; dropped');
    await expect.poll(() => dropped().length, { timeout: 5000 }).toBe(broken.length);
    expect(dropped().map((l) => (l.obj as { event: string }).event)).toEqual(broken.map(([t]) => t));
    const { token } = discord.command('status', []);
    await expect.poll(() => discord.edits(token).length, { timeout: 5000 }).toBe(1);
    expect(String(discord.edits(token)[0]!.body!.content)).toMatch(/web-1/);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(app.store.recentAnomalies(500).map((a) => a.id)).toEqual(expect.arrayContaining(before));
  });
});

describe('smartcloudops discord register', () => {
  it('registers /ops with its subcommands for a guild, and explains what is missing', async () => {
    const { runCli } = await import('../../../src/cli/main.js');
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    const out: string[] = [];
    const err: string[] = [];
    const io = (env: Record<string, string>) => ({
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      env,
      cwd: process.cwd(),
    });
    const env = { DISCORD_TOKEN: 'fake.bot.token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.api };
    expect(await runCli(['discord', 'register', '--guild', '222222222222222222'], io(env))).toBe(0);
    expect(out[0]).toBe('registered /ops (900) in guild 222222222222222222');
    const put = discord.calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe(`/api/v10/applications/${APP_ID}/guilds/222222222222222222/commands`);
    expect(put.auth).toBe('Bot fake.bot.token');
    const cmd = (put.body as unknown as { name: string; options: { name: string }[] }[])[0]!;
    expect(cmd.options.map((o) => o.name)).toEqual([
      'cpu',
      'anomalies',
      'status',
      'pending',
      'approve',
      'deny',
      'ack',
      'snooze',
      'watch',
      'ask',
      'help',
    ]);
    // The options that name a target, a proposal or an alert have pickers.
    const pickers = (cmd.options as unknown as { name: string; options?: { name: string; autocomplete?: boolean }[] }[]).flatMap((o) =>
      (o.options ?? []).filter((x) => x.autocomplete).map((x) => `${o.name}.${x.name}`),
    );
    expect(pickers).toEqual(['cpu.target', 'approve.id', 'deny.id', 'ack.what', 'snooze.what', 'watch.target']);
    expect(await runCli(['discord', 'register'], io({}))).toBe(2);
    expect(err.at(-1)).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    expect(await runCli(['discord', 'register', '--guild', 'abc'], io(env))).toBe(2);
  });

  it('pings the role a route names on its alerts, through allowed_mentions, and nobody on anything else', async () => {
    const { discord, tick } = await setup({
      routes: [{ match: { targets: ['web-*'] }, discord: [CHAN], mentions: { discord: [`<@&${OPS_ROLE}>`] } }],
    });
    await tick(6);
    const posted = [...discord.messages.entries()]
      .filter(([k]) => !k.startsWith('thread:'))
      .map(([, m]) => m.versions[0] as Record<string, unknown>);
    const alerts = posted.filter((b) => JSON.stringify(b.embeds).includes('anomaly on web-1'));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    for (const b of alerts) {
      expect(b.content).toBe(`<@&${OPS_ROLE}>`);
      expect(b.allowed_mentions).toEqual({ parse: [], roles: [OPS_ROLE] });
    }
    const others = posted.filter((b) => !alerts.includes(b));
    expect(others.length).toBeGreaterThanOrEqual(1); // the proposal
    for (const b of others) {
      expect(b.content).toBeUndefined();
      expect(b.allowed_mentions).toEqual({ parse: [] });
    }
  });
});
