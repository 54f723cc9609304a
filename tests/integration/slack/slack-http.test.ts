import { describe, expect, it } from 'vitest';
import { SidePortReceiver } from '../../../src/bot/slack/side-port-receiver.js';
import { captureLogger } from '../../helpers/test-config.js';
import { signSlack as sign, startSlackHttpApp as setup } from '../../helpers/slack-app.js';

describe('Slack over HTTP with the real Bolt app', () => {
  it('answers a signed slash command through response_url with the figure and its time', async () => {
    const { app, command, responseFor } = await setup();
    const started = Date.now();
    const r = await command('cpu web-1');
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const body = await responseFor('c1');
    const cpu = app.store.latestSamples().find((s) => s.target === 'web-1' && s.metric === 'cpu')!;
    expect(body).toMatchObject({ response_type: 'in_channel' });
    expect(String(body.text)).toMatch(new RegExp(`^web-1 CPU ${cpu.value.toFixed(1)}% \\(at \\d\\d:\\d\\d:\\d\\d UTC`));
  });

  it('reads the text as typed: Slack escapes ">" and "&", and wraps a link as <url|label>', async () => {
    const { app, command, responseFor } = await setup();
    await command('hosts with cpu &gt; 0', 'U1', 'c1');
    const above = String((await responseFor('c1')).text);
    // "> 0" is a bound: every target with CPU above 0 is listed, under a line that says so.
    expect(above).toMatch(/have CPU above 0\.0% now:/);
    await command('cpu on <http://web-1|web-1>', 'U1', 'c2');
    const cpu = app.store.latestSamples().find((s) => s.target === 'web-1' && s.metric === 'cpu')!;
    expect(String((await responseFor('c2')).text)).toMatch(new RegExp(`^web-1 CPU ${cpu.value.toFixed(1)}% `));
  });

  it('refuses bad and stale signatures with 401 and verifies Slack’s documented example', async () => {
    const { post } = await setup();
    const body = 'command=%2Fops&text=status&user_id=U1&channel_id=C1';
    expect((await post(body, 'application/x-www-form-urlencoded', { ...sign(body), 'x-slack-signature': 'v0=deadbeef' })).status).toBe(401);
    expect((await post(body, 'application/x-www-form-urlencoded', sign(body, Math.floor(Date.now() / 1000) - 600))).status).toBe(401);
    expect((await post(body, 'application/x-www-form-urlencoded', {})).status).toBe(401);

    const vector =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const receiver = new SidePortReceiver({
      signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
      logger: captureLogger(),
      now: () => 1531420619000,
    });
    const req = (sig: string) => ({
      method: 'POST',
      path: '/slack/events',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': '1531420618', 'x-slack-signature': sig },
      body: Buffer.from(vector),
      remoteAddress: '127.0.0.1',
    });
    // Past verification, the receiver has no app yet: 503, not 401.
    expect((await receiver.handle(req('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'))).status).toBe(503);
    expect((await receiver.handle(req('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504'))).status).toBe(401);
  });

  it('answers what it does not serve clearly: another command, a button not ours, a payload Slack never sends', async () => {
    const { post, click, responseFor, logger } = await setup();
    const other = await post(
      new URLSearchParams({ command: '/deploy', text: 'prod', user_id: 'U1', channel_id: 'C1', team_id: 'T1' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(other.status).toBe(200);
    expect(JSON.parse(other.text)).toEqual({ response_type: 'ephemeral', text: 'This app answers /ops; /deploy is not set up here.' });

    // A button from another app (or an older release of ours) gets a private answer, not Slack's warning.
    expect((await click('rollback', 'v1', 'U1', 'b1')).status).toBe(200);
    expect((await responseFor('b1')).text).toBe('I could not read that button.');

    // Signed, but not a shape Slack sends: refused with the reason, and Bolt never sees it.
    const forged = new URLSearchParams({
      payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: 'approve' }),
    }).toString();
    const refused = await post(forged, 'application/x-www-form-urlencoded');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({ error: 'block_actions without a team object (or null)' });
    expect((await post('null', 'application/json')).status).toBe(400);
    // No listener matches an action without an action_id, so nothing would ever acknowledge it.
    const noAction = new URLSearchParams({
      payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, actions: [{ value: 'rp_x' }] }),
    }).toString();
    const noActionReply = await post(noAction, 'application/x-www-form-urlencoded');
    expect([noActionReply.status, JSON.parse(noActionReply.text)]).toEqual([
      400,
      { error: 'block_actions with an action that has no action_id' },
    ]);
    // An event type we do not listen to is answered without waiting for the ack timeout's warning.
    const ev = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'reaction_added', user: 'U1' } });
    expect((await post(ev, 'application/json')).status).toBe(200);
    expect(logger.lines.filter((l) => l.msg === 'slack request not acknowledged in time; answered 200 empty')).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('answers url_verification and deduplicates Events API retries by event_id', async () => {
    const { slack, post } = await setup();
    const challenge = JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'abc123' });
    expect(JSON.parse((await post(challenge, 'application/json')).text)).toEqual({ challenge: 'abc123' });
    const ev = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event_time: 1700000000,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: {
        type: 'app_mention',
        user: 'U3',
        text: '<@UBOT> status',
        ts: '1700000002.000200',
        channel: 'C1',
        event_ts: '1700000002.000200',
      },
    });
    expect((await post(ev, 'application/json')).status).toBe(200);
    expect(
      (await post(ev, 'application/json', { ...sign(ev), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status,
    ).toBe(200);
    await expect.poll(() => slack.calls.filter((c) => c.method === 'chat.postMessage').length, { timeout: 5000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    const say = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(say).toHaveLength(1);
    expect(say[0]!.args).toMatchObject({ channel: 'C1', thread_ts: '1700000002.000200' });
    expect(String(say[0]!.args.text)).toMatch(/^2 targets, \d+ open anomal(?:y|ies)\b/);
  });

  it('publishes a Home tab with what needs attention and the proposals waiting, and approves from it', async () => {
    const { app, slack, post, tick } = await setup();
    await tick(6);
    const proposalId = app.store.listProposals({ states: ['proposed'] })[0]!.id;
    const opened = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvHome1',
      event_time: 1700000000,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_home_opened', user: 'UAPPROVER', channel: 'D1', tab: 'home', event_ts: '1700000003.000100' },
    });
    expect((await post(opened, 'application/json')).status).toBe(200);
    const published = () => slack.calls.filter((c) => c.method === 'views.publish');
    await expect.poll(() => published().length, { timeout: 5000 }).toBe(1);
    const view = published()[0]!.args as {
      user_id: string;
      view: { type: string; blocks: { type: string; elements?: { value?: string }[] }[] };
    };
    expect(view.user_id).toBe('UAPPROVER');
    expect(view.view.type).toBe('home');
    expect(JSON.stringify(view.view.blocks)).toMatch(/Needs attention/);
    const buttons = view.view.blocks.find((b) => b.type === 'actions')!.elements!;
    expect(buttons[0]!.value).toBe(proposalId);
    // The messages tab of the app is not the Home tab: nothing is published for it.
    const messages = opened.replace('"tab":"home"', '"tab":"messages"').replace('EvHome1', 'EvHome2');
    expect((await post(messages, 'application/json')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(published()).toHaveLength(1);
    // A click on the Home tab has no channel and no response_url: it is decided, and the tab shows the outcome.
    const click = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'UAPPROVER', name: 'approver' },
        api_app_id: 'A1',
        token: 'x',
        trigger_id: '1.2',
        container: { type: 'view', view_id: 'V1' },
        view: { id: 'V1', type: 'home' },
        actions: [{ type: 'button', action_id: 'sco_approve', block_id: 'b1', value: proposalId, action_ts: '1700000004.0' }],
      }),
    }).toString();
    expect((await post(click, 'application/x-www-form-urlencoded')).status).toBe(200);
    await expect.poll(() => published().length, { timeout: 5000 }).toBe(2);
    expect(app.store.getProposal(proposalId)!.state).toBe('succeeded');
    const after = JSON.stringify(published()[1]!.args);
    expect(after).toMatch(new RegExp(`Approved by approver at .*${proposalId}`));
    expect(after).not.toContain(`"value":"${proposalId}"`);
    // Left open, the tab is published again when what it lists changes (an alert ends, a proposal
    // arrives), and not on a tick that changes nothing: it never offers buttons already decided.
    const listed = () =>
      [...app.store.openAnomalies().map((a) => a.id), ...app.store.listProposals({ states: ['proposed'] }).map((p) => p.id)].sort().join();
    let changes = 0;
    let last = listed();
    for (let i = 0; i < 12; i++) {
      await tick(1);
      if (listed() !== last) changes++;
      last = listed();
    }
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThan(12);
    await expect.poll(() => published().length, { timeout: 5000 }).toBe(2 + changes);
    expect(JSON.stringify(published().at(-1)!.args)).toMatch(/updated when an alert or a proposal changes/);
  });

  it('posts alerts in Block Kit with buttons; a non-approver is refused; a double click runs once; the message is updated', async () => {
    const { app, slack, click, tick, pump, responseFor } = await setup();
    await tick(6);
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C-ALERTS');
    const alert = posts.find((c) => JSON.stringify(c.args.blocks).includes('anomaly on web-1'))!;
    expect(alert).toBeDefined();
    const blocks = alert.args.blocks as { type: string }[];
    expect(blocks[0]!.type).toBe('header');
    expect(blocks.some((b) => b.type === 'context')).toBe(true);
    const proposalPost = posts.find((c) => JSON.stringify(c.args.blocks).includes('"sco_approve"'))!;
    const actions = (proposalPost.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (b) => b.type === 'actions',
    )!;
    const proposalId = actions.elements![0]!.value;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['sco_approve', 'sco_deny']);

    expect((await click('approve', proposalId, 'UMALLORY', 'x1')).status).toBe(200);
    expect(String((await responseFor('x1')).text)).toMatch(/not an approver/);
    expect(app.store.getProposal(proposalId)!.state).toBe('proposed');

    await Promise.all([click('approve', proposalId, 'UAPPROVER', 'x2'), click('approve', proposalId, 'UOTHER', 'x3')]);
    const texts = [String((await responseFor('x2')).text), String((await responseFor('x3')).text)];
    expect(texts.filter((x) => x.startsWith('Approved by'))).toHaveLength(1);
    expect(app.store.proposalEvents(proposalId).filter((e) => e.to === 'running')).toHaveLength(1);
    await pump();
    const updates = slack.calls.filter((c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes(proposalId));
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(updates.at(-1)!.args.blocks)).toMatch(/Succeeded by slack:U(APPROVER|OTHER)/);
    expect(JSON.stringify(updates.at(-1)!.args.blocks)).not.toContain('sco_approve');
    // Decision and outcome follow up in the proposal message's thread.
    const thread = slack.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts !== undefined && c.args.channel === 'C-ALERTS',
    );
    expect(thread.map((c) => String(c.args.text))).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${proposalId} approved by slack:U`))]),
    );
  });

  it('silences an alert from its Silence button: one silence from the stored alert, the message shows who and until when', async () => {
    const { app, slack, click, tick, pump, responseFor, logger } = await setup();
    await tick(6);
    type Block = { type: string; elements?: { action_id?: string; value?: string; text?: unknown }[] };
    const alertPosts = slack.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C-ALERTS' && JSON.stringify(c.args.blocks).includes('anomaly on web-1'),
    );
    const silenceButton = alertPosts
      .flatMap((c) => (c.args.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []))
      .find((e) => e.action_id === 'sco_silence')!;
    expect(silenceButton.value).toMatch(/^an_/);
    const anomaly = app.store.getAnomaly(silenceButton.value!)!;
    expect(anomaly.target).toBe('web-1');

    // Anyone in the channel may silence, as with "snooze" in chat; the payload only names the alert.
    expect((await click('silence', silenceButton.value!, 'UOTHER', 's1')).status).toBe(200);
    expect(String((await responseFor('s1')).text)).toMatch(/^Silenced web-1 CPU for 60 min, until .* \(sl_[a-z0-9]+\)/);
    const silences = app.store.chat.silences(Date.now() - 86_400_000);
    expect(silences).toEqual([expect.objectContaining({ target: 'web-1', metric: anomaly.metric, createdBy: 'slack:UOTHER' })]);
    expect(silences[0]!.untilTs - silences[0]!.createdTs).toBe(3_600_000);
    await pump();
    const updated = slack.calls
      .filter((c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes('anomaly on web-1'))
      .at(-1)!;
    expect(JSON.stringify(updated.args.blocks)).toMatch(/Silenced until .* by slack:UOTHER \(sl_/);
    expect(JSON.stringify(updated.args.blocks)).not.toContain('sco_silence');

    // Silenced is not taken on: the Acknowledge button stays, and pressing it says who has the alert.
    expect(JSON.stringify(updated.args.blocks)).toContain('"action_id":"sco_ack"');
    expect((await click('ack', silenceButton.value!, 'UOWNER', 's6')).status).toBe(200);
    expect(String((await responseFor('s6')).text)).toMatch(/^Acknowledged web-1 CPU \(an_[a-z0-9]+\): no reminders while it is open/);
    await pump();
    const acked = slack.calls
      .filter((c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes('anomaly on web-1'))
      .at(-1)!;
    expect(JSON.stringify(acked.args.blocks)).toMatch(/Acknowledged by slack:UOWNER at .* · Silenced until .* by slack:UOTHER/);
    expect(JSON.stringify(acked.args.blocks)).not.toContain('sco_ack');
    expect((await click('ack', 'rp_notananomaly', 'UTHIRD', 's7')).status).toBe(200);
    expect(app.store.records(10, undefined, 'alert_acknowledged')).toHaveLength(1);

    // A second click (someone else, same moment) changes nothing; a forged or unknown id is refused.
    expect((await click('silence', silenceButton.value!, 'UTHIRD', 's2')).status).toBe(200);
    expect(String((await responseFor('s2')).text)).toMatch(/^Already silenced until .* by slack:UOTHER/);
    expect((await click('silence', 'an_doesnotexist', 'UTHIRD', 's3')).status).toBe(200);
    expect(String((await responseFor('s3')).text)).toMatch(/^No alert an_doesnotexist/);
    expect(app.store.chat.silences(Date.now() - 86_400_000)).toHaveLength(1);
    // A runbook link button opens in the browser; Slack still sends the click, which is only acknowledged.
    expect((await click('link_0', 'unused', 'UTHIRD', 's5')).status).toBe(200);
    expect(logger.lines.filter((l) => /not acknowledged/.test(l.msg ?? ''))).toEqual([]);
    // A payload that is not one of ours never reaches the router (Bolt acks it, nothing is set).
    expect((await click('silence', 'rp_notananomaly', 'UTHIRD', 's4')).status).toBe(200);
    expect(app.store.chat.silences(Date.now() - 86_400_000)).toHaveLength(1);
  });

  it('reads "@bot ack" and "@bot snooze for 2h" in an alert’s thread as about that alert', async () => {
    const { app, slack, post, tick } = await setup();
    await tick(6);
    const anomaly = app.store.openAnomalies().find((a) => a.target === 'web-1')!;
    const key = app.store.chat.alertKeyFor(anomaly.id)!;
    const alertTs = app.store.chat.messageRef('slack', 'C-ALERTS', key)!.id;
    let n = 0;
    const mention = async (text: string) => {
      const ts = `1700000100.${String(++n).padStart(6, '0')}`;
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: `EvT${n}`,
        event_time: 1700000100,
        authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
        event: { type: 'app_mention', user: 'U5', text: `<@UBOT> ${text}`, ts, thread_ts: alertTs, channel: 'C-ALERTS', event_ts: ts },
      });
      expect((await post(body, 'application/json')).status).toBe(200);
      const replies = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === alertTs && !c.args.blocks);
      const before = replies().length;
      await expect.poll(() => replies().length, { timeout: 5000 }).toBe(before + 1);
      return String(replies().at(-1)!.args.text);
    };
    expect(await mention('ack')).toMatch(/^Acknowledged web-1 /);
    expect(app.store.chat.ackOf(key)?.by).toBe('slack:U5');
    expect(await mention('snooze for 2h')).toMatch(/^Silenced web-1 .*for 2 h/);
    const [silence] = app.store.chat.silences(Date.now() - 86_400_000);
    expect(silence).toMatchObject({ target: 'web-1', createdBy: 'slack:U5' });
    expect(silence!.untilTs - silence!.createdTs).toBe(7_200_000);
    // "explain" alone elsewhere is the latest anomaly; here it is this alert's.
    const explained = await mention('explain');
    expect(app.store.chat.anomaliesForKey(key).some((id) => explained.startsWith(`${id} [`))).toBe(true);
    expect(explained).not.toMatch(/^The latest anomaly/);
  });

  it('honours 429 Retry-After through the outbox and loses nothing', async () => {
    const { slack, tick, pump } = await setup();
    slack.rateLimitNext(2);
    await tick(6);
    expect(slack.calls.some((c) => c.method === 'chat.postMessage#429')).toBe(true);
    await pump();
    await pump();
    const delivered = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C-ALERTS');
    const titles = delivered.map((c) => JSON.stringify((c.args.blocks as unknown[])[0]));
    expect(new Set(titles).size).toBe(titles.length);
    expect(delivered.length).toBeGreaterThanOrEqual(2);
  });
});
