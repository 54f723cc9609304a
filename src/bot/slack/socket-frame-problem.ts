import { slackPayloadProblem } from './slack-payload-problem.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelopes Slack sends over Socket Mode; `hello` and `disconnect` are the connection's own. */
const ENVELOPES = new Set(['events_api', 'interactive', 'slash_commands']);
const CONTROL = new Set(['hello', 'disconnect']);

export type SocketFrameVerdict =
  /** envelopeId and type are absent for the connection's own frames (hello, disconnect). */
  | { ok: true; envelopeId?: string; type?: string }
  /** envelopeId is set when the frame can still be acknowledged, so that Slack stops redelivering it. */
  | { ok: false; problem: string; envelopeId?: string };

/**
 * Whether a Socket Mode text frame has the shape @slack/socket-mode and Bolt read unchecked.
 * The client dereferences `payload.event.type` for events_api and `event.type` for every frame
 * inside an async listener, so a frame without them is an unhandled rejection that ends the
 * process; Bolt then reads the payload the way it reads a signed HTTP body.
 */
export function socketFrameProblem(text: string): SocketFrameVerdict {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'frame is not JSON' };
  }
  if (!isObject(frame)) return { ok: false, problem: 'frame is not a JSON object' };
  const type = typeof frame.type === 'string' ? frame.type : undefined;
  if (type && CONTROL.has(type)) return { ok: true };
  const envelopeId = typeof frame.envelope_id === 'string' && frame.envelope_id ? frame.envelope_id : undefined;
  const refuse = (problem: string): SocketFrameVerdict => ({ ok: false, problem, ...(envelopeId ? { envelopeId } : {}) });
  if (!type || !ENVELOPES.has(type)) return refuse(`unknown envelope type ${JSON.stringify(frame.type ?? null).slice(0, 40)}`);
  if (!envelopeId) return refuse(`${type} envelope without an envelope_id`);
  const payload = frame.payload;
  if (!isObject(payload)) return refuse(`${type} envelope without a payload object`);
  if (type === 'events_api' && !(isObject(payload.event) && typeof payload.event.type === 'string'))
    return refuse('events_api envelope whose event has no type');
  if (type === 'interactive' && typeof payload.type !== 'string') return refuse('interactive envelope whose payload has no type');
  const problem = slackPayloadProblem(payload);
  return problem ? refuse(problem) : { ok: true, envelopeId, type };
}
