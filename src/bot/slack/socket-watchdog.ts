import { channel } from 'node:diagnostics_channel';

export interface WatchdogOptions {
  quietMs: number;
  now: () => number;
  isConnected: () => boolean;
  reconnect: () => Promise<void>;
  onReconnect?: (quietMs: number) => void;
}

/**
 * Socket Mode clients are known to sit "connected" on a socket that no longer delivers anything.
 * Any sign of life (an event, a ping or pong frame) resets the clock; a connected socket quiet for
 * longer than `quietMs` is torn down and reopened.
 */
export function createSocketWatchdog(o: WatchdogOptions) {
  let last = o.now();
  let reconnecting = false;
  return {
    alive(): void {
      last = o.now();
    },
    get lastAlive(): number {
      return last;
    },
    async check(): Promise<boolean> {
      if (reconnecting || !o.isConnected() || o.now() - last <= o.quietMs) return false;
      const quiet = o.now() - last;
      reconnecting = true;
      o.onReconnect?.(quiet);
      try {
        await o.reconnect();
      } finally {
        last = o.now();
        reconnecting = false;
      }
      return true;
    },
  };
}

/** undici (which @slack/socket-mode uses) reports WebSocket ping/pong frames on these channels. */
export function onWebSocketHeartbeat(f: () => void): () => void {
  const ping = channel('undici:websocket:ping');
  const pong = channel('undici:websocket:pong');
  const h = () => f();
  ping.subscribe(h);
  pong.subscribe(h);
  return () => {
    ping.unsubscribe(h);
    pong.unsubscribe(h);
  };
}
