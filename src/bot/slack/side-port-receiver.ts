import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { HttpRequest, HttpResponse } from '../../http/side-port.js';
import { json } from '../../http/side-port.js';
import { slackPayloadProblem } from './slack-payload-problem.js';

export interface SidePortReceiverOptions {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
  /** How long to wait for a listener's ack before answering 200 anyway (Slack's limit is 3 s). */
  ackTimeoutMs?: number;
  onEvent?: () => void;
}

const UNCLAIMED = Symbol('unclaimed');

/**
 * A Bolt receiver that lives on our side port at /slack/events instead of opening its own server.
 * Every request's signature is verified against the raw body; requests older than 5 minutes are
 * refused; Events API retries are deduplicated by event_id.
 */
export class SidePortReceiver implements Receiver {
  private app: App | undefined;
  private seen = new Map<string, number>();

  constructor(private readonly o: SidePortReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(req: HttpRequest): Promise<HttpResponse> {
    const raw = req.body.toString('utf8');
    try {
      verifySlackRequest({
        signingSecret: this.o.signingSecret,
        body: raw,
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp'] ?? 0),
        },
        nowMilliseconds: this.o.now?.(),
      });
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, 'slack request refused: bad or stale signature');
      return json(401, { error: 'invalid signature' });
    }

    let body: Record<string, unknown>;
    try {
      const ct = String(req.headers['content-type'] ?? '');
      if (ct.includes('application/json')) body = JSON.parse(raw) as Record<string, unknown>;
      else {
        const form = new URLSearchParams(raw);
        const payload = form.get('payload');
        body = payload ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
      }
    } catch {
      return json(400, { error: 'unparseable body' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return json(400, { error: 'the body is not a JSON object' });
    if (body.type === 'url_verification') return json(200, { challenge: body.challenge });
    const problem = slackPayloadProblem(body);
    if (problem) {
      this.o.logger.warn({ problem }, 'slack request refused: not a payload Slack sends');
      return json(400, { error: problem });
    }

    const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId) {
      const now = Date.now();
      for (const [k, t] of this.seen) if (now - t > 3_600_000) this.seen.delete(k);
      if (this.seen.has(eventId)) return { status: 200, headers: { 'x-slack-no-retry': '1' }, body: '' };
      this.seen.set(eventId, now);
    }
    if (!this.app) return json(503, { error: 'not ready' });
    this.o.onEvent?.();

    let acked: (v: unknown) => void = () => undefined;
    const ackBody = new Promise<unknown>((r) => (acked = r));
    const event: ReceiverEvent = {
      body,
      retryNum: Number(req.headers['x-slack-retry-num'] ?? 0) || undefined,
      retryReason: req.headers['x-slack-retry-reason'] as string | undefined,
      ack: async (response?: unknown) => acked(response ?? ''),
    };
    // Bolt resolves processEvent once every listener has run, so a request it settles without an
    // ack is one no listener takes (an event type we do not subscribe to): answer it now, not at the timeout.
    const processing = this.app.processEvent(event).then(
      () => UNCLAIMED,
      (err: unknown) => {
        this.o.logger.error({ err }, 'slack event failed');
        return UNCLAIMED;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((r) => (timer = setTimeout(() => r(undefined), this.o.ackTimeoutMs ?? 2500)));
    const response = await Promise.race([ackBody, processing, timeout]);
    clearTimeout(timer);
    if (response === UNCLAIMED) {
      this.o.logger.debug({ type: body.type ?? null }, 'slack request no listener takes; answered 200 empty');
      return { status: 200, body: '' };
    }
    if (response === undefined) {
      // Slack shows the user an error for an unacknowledged click: a listener is missing or slow.
      this.o.logger.warn({ type: body.type ?? null }, 'slack request not acknowledged in time; answered 200 empty');
      return { status: 200, body: '' };
    }
    if (typeof response === 'string') return { status: 200, headers: { 'content-type': 'text/plain' }, body: response };
    return json(200, response);
  }
}
