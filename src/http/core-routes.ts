import type { Clock, Store } from '../core/ports.js';
import type { Target } from '../core/target.js';
import type { Metrics } from '../observability/metrics.js';
import { buildStatus } from '../status/build-status.js';
import type { SloStatus } from '../status/slo-board.js';
import { json, type SidePort } from './side-port.js';
import { guarded, type Access } from './token-guard.js';
import { VERSION } from '../observability/version.js';

export interface HealthSource {
  lastTickTs(): number | null;
  tickIntervalMs: number;
  ready(): boolean;
  components(): Record<string, { ok: boolean; [k: string]: unknown }>;
}

export interface CoreRoutesOptions {
  store: Store;
  metrics: Metrics;
  clock: Clock;
  targets: () => Target[];
  configTargets: () => Target[];
  health: HealthSource;
  /** Each SLO now (status/slo-board.ts), on /status. */
  slos?: () => SloStatus[];
  startedTs: number;
  /** When set, /status, /aws-health and /logs need it; /health, /ready and /metrics stay open for probes. */
  token?: Access;
}

const iso = (ts: number | null) => (ts ? new Date(ts).toISOString() : null);

export function registerCoreRoutes(port: SidePort, o: CoreRoutesOptions): void {
  port.route('GET', '/health', () => {
    const now = o.clock.now();
    const last = o.health.lastTickTs();
    const age = last === null ? null : (now - last) / 1000;
    // Three missed ticks (or none ever, two minutes after boot) means the pipeline is stuck.
    const stalled =
      last === null
        ? now - o.startedTs > Math.max(120_000, 3 * o.health.tickIntervalMs)
        : age! * 1000 > 3 * o.health.tickIntervalMs + 30_000;
    const components: Record<string, { ok: boolean; [k: string]: unknown }> = {
      store: { ok: o.store.ping() },
      pipeline: { ok: !stalled, lastTick: iso(last), lastTickAgeSeconds: age === null ? null : Math.round(age) },
      ...o.health.components(),
    };
    const ok = Object.values(components).every((c) => c.ok);
    return json(ok ? 200 : 503, {
      status: ok ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round((now - o.startedTs) / 1000),
      components,
    });
  });

  port.route('GET', '/ready', () => {
    const ready = o.health.ready() && o.store.ping();
    return json(ready ? 200 : 503, { ready });
  });

  port.route('GET', '/metrics', async () => {
    o.metrics.storeBytes.set(o.store.sizeBytes());
    // The newest record of kind `change` (bot/change-log.ts), read at each scrape.
    o.metrics.lastChange.set((o.store.records(1, undefined, 'change')[0]?.ts ?? 0) / 1000);
    return { status: 200, headers: { 'content-type': o.metrics.registry.contentType }, body: await o.metrics.registry.metrics() };
  });

  port.route(
    'GET',
    '/status',
    guarded(o.token, () =>
      json(200, { ...buildStatus(o.store, o.targets(), o.clock.now(), 3 * o.health.tickIntervalMs), slos: o.slos?.() ?? [] }),
    ),
  );

  port.route(
    'GET',
    '/aws-health',
    guarded(o.token, () => {
      const now = o.clock.now();
      const states = new Map(o.store.targetStates().map((t) => [t.target, t]));
      return json(200, {
        generatedAt: iso(now),
        targets: o.configTargets().map((t) => {
          const st = states.get(t.name);
          return {
            name: t.name,
            instanceId: t.instanceId ?? null,
            region: t.region ?? null,
            address: t.address ?? null,
            role: t.role ?? null,
            source: t.source,
            state: st?.state ?? 'unknown',
            lastSeen: iso(st?.lastSeenTs ?? null),
            lastSeenAgeSeconds: st?.lastSeenTs ? Math.round((now - st.lastSeenTs) / 1000) : null,
          };
        }),
      });
    }),
  );

  port.route(
    'GET',
    '/logs',
    guarded(o.token, (req) => {
      const limit = Number(req.query.get('limit') ?? '50');
      const before = req.query.get('before');
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) return json(400, { error: 'limit must be an integer from 1 to 500' });
      if (before !== null && !/^\d+$/.test(before)) return json(400, { error: 'before must be a record id (integer)' });
      const kind = req.query.get('kind');
      // Fetch one extra to know whether there is a next page.
      const rows = o.store.records(limit + 1, before === null ? undefined : Number(before), kind ?? undefined);
      const page = rows.slice(0, limit);
      return json(200, {
        records: page.map((r) => ({ id: r.id, ts: iso(r.ts), kind: r.kind, data: r.data })),
        nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
      });
    }),
  );
}
