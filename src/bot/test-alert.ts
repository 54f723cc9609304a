import type { ChatReply } from '../core/chat.js';
import type { Store } from '../core/ports.js';
import { stamp } from '../core/stamp.js';
import type { IncidentOptions } from './incidents.js';

/** One test alert a minute at most, whoever asks: it reaches every alert channel. */
export const TEST_ALERT_GAP_MS = 60_000;
const LAST = 'test-alert:last';

/**
 * "Send a test alert": a message marked as a test, posted through the outbox to the alert channels
 * (chat.channels) like any alert, so a new channel, token or route can be checked without waiting
 * for an anomaly. Recorded as `test_alert`; nothing is detected, proposed or paged.
 */
export function sendTestAlert(
  o: {
    store: Pick<Store, 'getKv' | 'setKv' | 'chat'>;
    announce?: IncidentOptions['announce'] | undefined;
    record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  },
  actor: string,
  now: number,
): ChatReply {
  const intent = 'test_alert';
  if (!o.announce) return { text: 'Test alerts are sent from chat or the web console.', intent, private: true };
  const last = Number(o.store.getKv(LAST) ?? NaN);
  if (Number.isFinite(last) && now - last < TEST_ALERT_GAP_MS && now >= last)
    return {
      text: `A test alert was sent at ${stamp(last)}, less than a minute ago; one a minute at most, as it reaches every alert channel.`,
      intent,
      private: true,
    };
  const key = `test-alert:${now}`;
  o.announce('post', key, {
    title: 'Test alert from SmartCloudOps',
    severity: 'ok',
    text: `Sent by ${actor} to check that alerts reach this channel. Nothing is wrong and nothing needs doing.`,
    fields: [],
    context: stamp(now),
    actions: [],
  });
  o.store.setKv(LAST, String(now));
  o.record?.('test_alert', now, { actor });
  const to = o.store.chat.destinationsOf(key) ?? [];
  return {
    text: to.length
      ? `Sent a test alert to ${to.map((d) => `${d.platform} ${d.channel}`).join(', ')} (the alert channels); "delivery status" says whether it arrived.`
      : 'No alert channel is set (chat.channels, and the web console is off), so the test alert went nowhere; alerts would go nowhere either.',
    intent,
  };
}
