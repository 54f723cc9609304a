import { describe, expect, it } from 'vitest';
import { socketFrameProblem } from '../../../src/bot/slack/socket-frame-problem.js';

const frame = (f: unknown) => socketFrameProblem(JSON.stringify(f));
const user = { id: 'U1' };
const team = { id: 'T1' };

describe('socketFrameProblem', () => {
  it('passes the connection frames and the envelopes Slack sends, with the id to acknowledge', () => {
    expect(frame({ type: 'hello', num_connections: 1 })).toEqual({ ok: true });
    expect(frame({ type: 'disconnect', reason: 'refresh_requested' })).toEqual({ ok: true });
    expect(frame({ envelope_id: 'e1', type: 'slash_commands', payload: { command: '/ops', text: 'status' } })).toEqual({
      ok: true,
      envelopeId: 'e1',
      type: 'slash_commands',
    });
    expect(
      frame({ envelope_id: 'e2', type: 'events_api', payload: { type: 'event_callback', event: { type: 'app_mention' } } }),
    ).toMatchObject({
      ok: true,
    });
    const click = { type: 'block_actions', user, team, channel: { id: 'C1' }, actions: [{ action_id: 'sco_ack', value: 'x' }] };
    expect(frame({ envelope_id: 'e3', type: 'interactive', payload: click })).toMatchObject({ ok: true, envelopeId: 'e3' });
  });

  it('refuses what the client or Bolt would throw on, keeping the envelope id where there is one', () => {
    expect(socketFrameProblem('{"type":')).toEqual({ ok: false, problem: 'frame is not JSON' });
    expect(socketFrameProblem('null')).toEqual({ ok: false, problem: 'frame is not a JSON object' });
    expect(frame({ envelope_id: 'e1' })).toEqual({ ok: false, problem: 'unknown envelope type null', envelopeId: 'e1' });
    expect(frame({ type: 'events_api', payload: {} })).toEqual({ ok: false, problem: 'events_api envelope without an envelope_id' });
    expect(frame({ envelope_id: 'e2', type: 'events_api', payload: null })).toEqual({
      ok: false,
      problem: 'events_api envelope without a payload object',
      envelopeId: 'e2',
    });
    expect(frame({ envelope_id: 'e3', type: 'events_api', payload: { event: { user: 'U1' } } })).toMatchObject({
      problem: 'events_api envelope whose event has no type',
    });
    expect(frame({ envelope_id: 'e4', type: 'interactive', payload: { user } })).toMatchObject({
      problem: 'interactive envelope whose payload has no type',
    });
    // The same checks as a signed HTTP body.
    expect(frame({ envelope_id: 'e5', type: 'interactive', payload: { type: 'block_actions', team, actions: [] } })).toMatchObject({
      problem: 'block_actions without a user object',
    });
    expect(
      frame({ envelope_id: 'e6', type: 'interactive', payload: { type: 'block_actions', user, team, actions: [{ value: 'x' }] } }),
    ).toMatchObject({ problem: 'block_actions with an action that has no action_id', envelopeId: 'e6' });
  });
});
