import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { startSlackHttpApp, startSlackSocketApp } from '../../helpers/slack-app.js';
import { pick, slackFuzzPayloads } from '../../helpers/slack-fuzz-payloads.js';

/** What the app has recorded after ten ticks of the boot incident, and ids to click that it does not hold. */
function recorded(app: Awaited<ReturnType<typeof startSlackHttpApp>>['app']) {
  const before = app.store.recentAnomalies(500).map((a) => a.id);
  const proposals = app.store.listProposals({ limit: 20 }).map((p) => p.id);
  expect(before.length).toBeGreaterThan(0);
  expect(proposals.length).toBeGreaterThan(0);
  const ids = [...before.slice(0, 5), ...proposals, 'rp_zzz', 'an_zzz', 'x:y:z', '', '{"a":1}', 'rp_' + 'a'.repeat(3000)];
  const kept = () => {
    const after = new Set(app.store.recentAnomalies(500).map((a) => a.id));
    for (const id of before) expect(after.has(id), id).toBe(true);
  };
  return { ids, kept };
}

describe('Slack over HTTP under random signed payloads', () => {
  it('answers every signed request below 500 without an error log, and keeps what was recorded', async () => {
    const { app, slack, post, tick, logger } = await startSlackHttpApp();
    await tick(10);
    const { ids, kept } = recorded(app);
    const rnd = createRng(20261203);
    const gen = slackFuzzPayloads({ rnd, responseUrl: slack.responseUrl, ids });

    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const kind = pick(rnd, ['command', 'interaction', 'event'] as const);
      const interaction = kind === 'interaction' ? gen.interaction() : undefined;
      const body =
        kind === 'command'
          ? new URLSearchParams(gen.command()).toString()
          : kind === 'event'
            ? JSON.stringify(gen.event())
            : new URLSearchParams({ payload: typeof interaction === 'string' ? interaction : JSON.stringify(interaction) }).toString();
      const r = await post(body, kind === 'event' ? 'application/json' : 'application/x-www-form-urlencoded');
      expect(r.status, `${kind} ${body.slice(0, 300)}`).toBeLessThan(500);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (i % 50 === 49) await tick(1);
    }
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    kept();
    // A proper command still works afterwards.
    const ok = await post(
      new URLSearchParams({
        command: '/ops',
        text: 'status',
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
        response_url: slack.responseUrl('last'),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(ok.status).toBe(200);
    await expect.poll(() => slack.responses.some((r) => r.path.endsWith('/last')), { timeout: 5000 }).toBe(true);
  }, 120_000);
});

// Frames that are not an envelope at all, or an envelope with a part missing.
const BROKEN_FRAMES: unknown[] = [
  'not json',
  'null',
  '[]',
  '"hello"',
  '{"envelope_id":"e","type":"interactive","payload":{"type":',
  {},
  { envelope_id: 'x' },
  { type: 'events_api' },
  { type: 'nope', envelope_id: 'x' },
  { type: 'events_api', envelope_id: 'x', payload: null },
  { type: 'events_api', envelope_id: 'x', payload: { team_id: 'T1' } },
  { type: 'events_api', envelope_id: 'x', payload: { event: 'x' } },
  { type: 'interactive', envelope_id: 'x', payload: [] },
  { type: 'interactive', envelope_id: 'x', payload: {} },
  { type: 'slash_commands', envelope_id: 'x', payload: 'status' },
  { type: 'slash_commands', envelope_id: 5, payload: { command: '/ops' } },
];

describe('Slack in Socket Mode under random frames', () => {
  it('acknowledges every envelope, logs no error, never rejects unhandled, keeps what was recorded and the connection', async () => {
    const { app, slack, tick, logger, acks, sockets, send } = await startSlackSocketApp();
    await tick(10);
    const { ids, kept } = recorded(app);
    const rnd = createRng(20261204);
    const gen = slackFuzzPayloads({ rnd, responseUrl: slack.responseUrl, ids });

    const sent: string[] = [];
    for (let i = 0; i < 300; i++) {
      const kind = pick(rnd, ['command', 'interaction', 'event', 'broken'] as const);
      if (kind === 'broken') {
        const frame = pick(rnd, BROKEN_FRAMES);
        send(typeof frame === 'object' && frame !== null && 'envelope_id' in frame ? { ...frame, envelope_id: `b${i}` } : frame);
        if (typeof frame === 'object' && frame !== null && typeof (frame as { envelope_id?: unknown }).envelope_id === 'string')
          sent.push(`b${i}`);
        continue;
      }
      const envelope_id = `e${i}`;
      const interaction = kind === 'interaction' ? gen.interaction() : undefined;
      if (typeof interaction === 'string') {
        send(`{"envelope_id":"${envelope_id}","type":"interactive","payload":${interaction}`);
        continue;
      }
      const type = kind === 'command' ? 'slash_commands' : kind === 'event' ? 'events_api' : 'interactive';
      const payload = kind === 'command' ? gen.command() : kind === 'event' ? gen.event() : interaction;
      send({ envelope_id, type, accepts_response_payload: kind !== 'event', payload, retry_attempt: 0 });
      sent.push(envelope_id);
      if (i % 50 === 49) await tick(1);
    }
    // Slack redelivers an envelope that is not acknowledged; every one with an id is, refused or not.
    await expect.poll(() => sent.filter((id) => !acks.some((a) => a.envelope_id === id)), { timeout: 10_000 }).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    // Both ways of acknowledging what Bolt will not: refused on sight, and acknowledged empty after the wait.
    expect(logger.lines.some((l) => l.msg === 'slack socket frame refused')).toBe(true);
    expect(logger.lines.some((l) => l.msg === 'slack envelope not acknowledged in time; acknowledged empty')).toBe(true);
    kept();
    expect(sockets).toHaveLength(1);
    send({
      envelope_id: 'last',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { command: '/ops', text: 'status', user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: slack.responseUrl('last') },
    });
    await expect.poll(() => slack.responses.some((r) => r.path.endsWith('/last')), { timeout: 5000 }).toBe(true);
  }, 120_000);
});
