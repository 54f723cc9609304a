import type { Clock, Store } from '../core/ports.js';
import type { TrackerChanges } from '../pipeline/detect/anomaly-tracker.js';
import { anomaliesFromWebhook, webhookSchema } from '../pipeline/ingest/alertmanager-webhook.js';
import { json, type SidePort } from './side-port.js';
import { guarded } from './token-guard.js';

export interface AlertmanagerRouteOptions {
  token?: string;
  store: Store;
  clock: Clock;
  /** Records, metrics, chat and remediation for the alerts, like the pipeline's own anomalies. */
  onChanges: (changes: TrackerChanges, now: number) => Promise<void>;
}

/** POST /alertmanager: Alertmanager's version 4 webhook, bearer-authenticated, → anomalies. */
export function registerAlertmanagerRoute(port: SidePort, o: AlertmanagerRouteOptions): void {
  port.route(
    'POST',
    '/alertmanager',
    guarded(o.token, async (req) => {
      if (!o.token) return json(503, { error: 'receiver disabled: set SCO_ALERTMANAGER_TOKEN' });
      let raw: unknown;
      try {
        raw = JSON.parse(req.body.toString('utf8'));
      } catch {
        return json(400, { error: 'the body is not valid JSON' });
      }
      const parsed = webhookSchema.safeParse(raw);
      if (!parsed.success) {
        return json(400, {
          error: 'not an Alertmanager webhook (version 4)',
          issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
        });
      }
      const now = o.clock.now();
      const changes = anomaliesFromWebhook(parsed.data, now, (id) => o.store.getAnomaly(id));
      for (const a of [...changes.opened, ...changes.updated, ...changes.resolved]) o.store.upsertAnomaly(a);
      await o.onChanges(changes, now);
      return json(200, {
        accepted: parsed.data.alerts.length,
        opened: changes.opened.length,
        updated: changes.updated.length,
        resolved: changes.resolved.length,
      });
    }),
    { maxBody: 4 << 20 },
  );
}
