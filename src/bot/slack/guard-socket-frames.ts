import type { Logger } from '../../core/ports.js';
import { socketFrameProblem } from './socket-frame-problem.js';

/** The parts of @slack/socket-mode's client the guard replaces or uses. */
export interface GuardedSocketClient {
  on(event: string, f: (...args: unknown[]) => void): void;
  removeAllListeners(event: string): void;
  onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void>;
  send(envelopeId: string, body?: Record<string, unknown>): Promise<void>;
}

/**
 * Socket Mode frames get the checks a signed HTTP body gets from SidePortReceiver.
 * - The client reads each frame in an async listener that throws on a frame without `type` or
 *   `payload.event`; a rejection there is unhandled and ends a Node process. The shape check runs
 *   in front of that listener.
 * - An envelope that no listener acknowledges (a command without its name, a shortcut we do not
 *   serve) is acknowledged empty after `ackTimeoutMs`, as the HTTP receiver answers 200 empty:
 *   Slack would otherwise redeliver it three times.
 * A refused envelope is acknowledged at once, for the same reason.
 */
export function guardSocketFrames(client: GuardedSocketClient, logger: Logger, ackTimeoutMs = 2500): { stop(): void } {
  const waiting = new Map<string, NodeJS.Timeout>();
  const fail = (err: unknown) => logger.warn({ err: (err as Error).message }, 'slack socket frame could not be handled');
  client.on('outgoing_message', (m: unknown) => {
    const id = (m as { envelope_id?: unknown } | undefined)?.envelope_id;
    if (typeof id !== 'string') return;
    clearTimeout(waiting.get(id));
    waiting.delete(id);
  });
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: unknown) => {
    if (isBinary) return; // the client ignores binary frames itself
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
    const verdict = socketFrameProblem(text);
    if (!verdict.ok) {
      logger.warn({ problem: verdict.problem, envelopeId: verdict.envelopeId }, 'slack socket frame refused');
      if (verdict.envelopeId) void client.send(verdict.envelopeId).catch(fail);
      return;
    }
    if (verdict.envelopeId && !waiting.has(verdict.envelopeId)) {
      const id = verdict.envelopeId;
      const timer = setTimeout(() => {
        waiting.delete(id);
        logger.warn({ envelopeId: id, type: verdict.type }, 'slack envelope not acknowledged in time; acknowledged empty');
        void client.send(id).catch(fail);
      }, ackTimeoutMs);
      timer.unref();
      waiting.set(id, timer);
    }
    void client.onWebSocketMessage(data, false).catch(fail);
  });
  return {
    stop() {
      for (const t of waiting.values()) clearTimeout(t);
      waiting.clear();
    },
  };
}
