import type { Platform } from '../core/chat.js';
import type { Target } from '../core/target.js';
import type { FileConfig } from '../config/schema.js';
import { alertRouter } from './alert-routes.js';
import { withOnCall, type OnCall } from './on-call.js';
import { fleetGroupingOf } from './fleet-events.js';
import { muteChecker } from './mute-times.js';
import { inhibitChecker } from './inhibit-rules.js';
import type { Store } from '../core/ports.js';
import { pendingChecker } from './pending-for.js';
import { runbookLinks } from './runbooks.js';
import { alertDashboardLink } from './dashboard-link.js';
import type { NotifierOptions } from './notifier.js';

/** The notifier's choices that come from `chat` config: defaults, routes, grouping, holding, reminders, escalation. */
export function alertPolicyOf(
  chat: FileConfig['chat'],
  targets: () => ReadonlyMap<string, Pick<Target, 'role' | 'labels'>>,
  platforms: () => Iterable<Platform>,
  onCall?: OnCall,
  /** Its open anomalies are read once per tick by the inhibit rules. */
  store?: Pick<Store, 'openAnomalies'>,
): Pick<NotifierOptions, 'channels' | 'route' | 'fleetGroup' | 'joinWithinMs' | 'muted' | 'pending' | 'remind' | 'escalate' | 'links'> {
  const running = (p: Platform) => [...platforms()].includes(p);
  const mute = muteChecker(chat.muteTimes, targets);
  const inhibit = inhibitChecker(chat.inhibit, targets, () => store?.openAnomalies() ?? []);
  return {
    channels: () => Object.fromEntries([...platforms()].map((p) => [p, (chat.channels as Record<string, string[]>)[p] ?? []])),
    route: alertRouter(chat.routes, chat.channels, targets, running, onCall),
    fleetGroup: fleetGroupingOf(chat.fleetGroup),
    joinWithinMs: chat.joinMinutes * 60_000,
    muted: mute && inhibit ? (a, now) => mute(a, now) ?? inhibit(a, now) : (mute ?? inhibit),
    pending: pendingChecker(chat.pendingFor, targets),
    remind: { everyMs: chat.remind.afterMinutes * 60_000, severities: chat.remind.severities },
    escalate: {
      afterMs: chat.escalate.afterMinutes * 60_000,
      severities: chat.escalate.severities,
      mentions: withOnCall(chat.escalate.mentions, onCall),
      then: chat.escalate.then.map((l) => ({ afterMs: l.afterMinutes * 60_000, mentions: withOnCall(l.mentions, onCall) })),
    },
    links: (anomalies) => {
      const runbooks = runbookLinks(chat.runbooks, anomalies, targets());
      const dashboard = chat.dashboard && alertDashboardLink(chat.dashboard, anomalies);
      // Acknowledge, Silence and three links fill a row of five buttons: the dashboard takes the third.
      return dashboard ? [...runbooks.slice(0, 2), dashboard] : runbooks;
    },
  };
}
