import type { Anomaly } from '../core/anomaly.js';
import type { NeutralMessage } from '../core/chat.js';
import type { Clock, Store } from '../core/ports.js';
import { silenceOver } from './alert-silence.js';
import { alsoOpenOf } from './also-open.js';
import { changedBefore } from './change-log.js';
import { FLEET_ALERT_PREFIX } from './fleet-events.js';
import { heldField } from './inhibit-rules.js';
import { renderAnomalyGroup, renderFleetGroup, type SeriesWindow } from './render-message.js';
import type { Link } from './runbooks.js';

const FLEET = FLEET_ALERT_PREFIX;

/**
 * An alert message as it stands now, from the store: its members' state and chart, whether a silence
 * covers them, who took it on, the change before it, what else is open, what held it, and its
 * runbook links. The notifier renders every post and update through it.
 */
export function createAlertRenderer(o: {
  store: Store;
  clock: Clock;
  /** Chart window before the anomaly. */
  chartMs: number;
  links?: ((anomalies: Anomaly[]) => Link[]) | undefined;
}) {
  const { store, chartMs } = o;
  function seriesFor(a: Anomaly): SeriesWindow | undefined {
    if (a.metric === 'heartbeat' || a.metric === 'host') return undefined;
    const to = a.endTs ?? o.clock.now();
    const from = a.startTs - chartMs;
    const s = store.series(a.target, a.metric, from, to);
    return { values: s.map((x) => x.value), from: s[0]?.ts ?? from, to: s.at(-1)?.ts ?? to };
  }

  const alsoOpen = alsoOpenOf(store);
  /** An alert message as it stands now: its members' state, whether a silence covers them, who took it on. */
  function renderAlert(key: string, members: Anomaly[], now: number): NeutralMessage {
    const hold = { silence: silenceOver(store.chat.silences(now), members), ack: store.chat.ackOf(key) };
    const msg = key.startsWith(FLEET)
      ? renderFleetGroup(members, now, hold)
      : renderAnomalyGroup(members[0]!.target, members, seriesFor(members[0]!), now, hold);
    const also = key.startsWith(FLEET) ? undefined : alsoOpen(members, now);
    // A change people recorded in the hour before (a deploy, a restart by hand) is the first suspect.
    const changed = changedBefore(store, members);
    const fields = [
      ...(changed ? [{ label: 'changed before it', value: changed }] : []),
      ...(also ? [{ label: 'also open elsewhere', value: also }] : []),
      ...heldField(store, members),
    ];
    return withLinks(fields.length ? { ...msg, fields: [...msg.fields, ...fields] } : msg, members);
  }

  function withLinks(msg: NeutralMessage, anomalies: Anomaly[]): NeutralMessage {
    const links = o.links?.(anomalies) ?? [];
    return links.length > 0 ? { ...msg, links } : msg;
  }

  return { renderAlert, withLinks };
}
