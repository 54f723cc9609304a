import { describe, expect, it } from 'vitest';
import { alertPolicyOf } from '../../../src/bot/alert-policy.js';
import { renderRoutes } from '../../../src/bot/describe-routes.js';
import { inhibitorOf, type InhibitRule } from '../../../src/bot/inhibit-rules.js';
import { createNotifier, type AlertOutcome } from '../../../src/bot/notifier.js';
import { whyNotAnnounced } from '../../../src/bot/why-not-announced.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 5, 0, 0, 0);
const anomaly = (target: string, metric: string, over: Partial<Anomaly> = {}): Anomaly => ({
  ...{ id: `an_${target.replace(/\W/g, '')}${metric}`, key: `${target}|${metric}|threshold`, target, metric, detector: 'threshold' },
  ...{ status: 'open', severity: 'warning', score: 1, observed: 95, expectedLow: 0, expectedHigh: 90, peak: 95, summary: 'up' },
  ...{ startTs: T0, endTs: null, updatedTs: T0 },
  ...over,
});
const FACTS = new Map([
  ['db-1', { role: 'db', labels: { env: 'prod' } }],
  ['api-1', { role: 'api', labels: { env: 'prod' } }],
  ['api-2', { role: 'api', labels: { env: 'staging' } }],
]);
const facts = (t: string) => FACTS.get(t);
// The database down or critical holds the API latency alerts it causes, in the same environment.
const DB_FIRST: InhibitRule = {
  name: 'db causes api latency',
  source: { roles: ['db'], severities: ['critical'] },
  target: { roles: ['api'], metrics: ['latency_ms'] },
  equal: ['env'],
};
// Alertmanager's usual rule: a critical alert holds a warning on the same target and metric.
const CRITICAL_FIRST: InhibitRule = {
  source: { severities: ['critical'] },
  target: { severities: ['warning'] },
  equal: ['target', 'metric'],
};

describe('inhibitorOf', () => {
  const dbDown = anomaly('db-1', 'cpu', { severity: 'critical' });
  const apiSlow = anomaly('api-1', 'latency_ms');

  it('holds a target alert while a source with the same equal values is open', () => {
    expect(inhibitorOf([DB_FIRST], apiSlow, [dbDown, apiSlow], facts)).toEqual({ rule: 'db causes api latency', by: dbDown });
    // Another environment, a resolved source, a warning source, another metric: not held.
    expect(inhibitorOf([DB_FIRST], anomaly('api-2', 'latency_ms'), [dbDown], facts)).toBeUndefined();
    expect(inhibitorOf([DB_FIRST], apiSlow, [{ ...dbDown, status: 'resolved', endTs: T0 }], facts)).toBeUndefined();
    expect(inhibitorOf([DB_FIRST], apiSlow, [{ ...dbDown, severity: 'warning' }], facts)).toBeUndefined();
    expect(inhibitorOf([DB_FIRST], anomaly('api-1', 'cpu'), [dbDown], facts)).toBeUndefined();
  });

  it('never lets an alert hold itself, or two alike hold each other', () => {
    const crit = anomaly('api-1', 'cpu', { severity: 'critical', detector: 'robust', id: 'an_crit' });
    const warn = anomaly('api-1', 'cpu');
    expect(inhibitorOf([CRITICAL_FIRST], warn, [crit, warn], facts)?.by).toBe(crit);
    expect(inhibitorOf([CRITICAL_FIRST], crit, [crit, warn], facts)).toBeUndefined();
    expect(
      inhibitorOf(
        [CRITICAL_FIRST],
        warn,
        [crit, warn].map((a) => ({ ...a, metric: a === crit ? 'memory' : 'cpu' })),
        facts,
      ),
    ).toBeUndefined();
    // Both sides match both alerts (source and target "any warning"): neither holds the other.
    const any: InhibitRule = { source: { severities: ['warning'] }, target: { severities: ['warning'] }, equal: [] };
    const other = anomaly('api-2', 'cpu');
    expect(inhibitorOf([any], warn, [warn, other], facts)).toBeUndefined();
  });

  it('is read from config, refuses a rule with no source, and is listed with the routes', () => {
    const chat = configSchema.parse({ chat: { inhibit: [DB_FIRST, { ...CRITICAL_FIRST, equal: undefined }] } }).chat;
    expect(chat.inhibit[1]!.equal).toEqual([]);
    const bad = configSchema.safeParse({ chat: { inhibit: [{ source: {}, target: { roles: ['api'] } }] } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/an inhibit rule needs a \\"source\\" match/);
    expect(renderRoutes([], chat.channels, [], [], chat.inhibit).split('\n').slice(-3)).toEqual([
      'Inhibit rules (while a source alert is open, matching alerts are held, and posted if they outlast it):',
      '  db causes api latency: while severity critical, role db is open, hold role api, metric latency_ms with the same env',
      '  inhibit rule 2: while severity critical is open, hold severity warning',
    ]);
  });
});

describe('the notifier with inhibit rules', () => {
  it('holds the target alert while the source is open, counts it, says why, and posts it if it outlasts the source', () => {
    const store = createSqliteStore(':memory:');
    const clock = { now: T0 };
    const outcomes: AlertOutcome[] = [];
    const chat = configSchema.parse({ chat: { channels: { slack: ['C1'] }, inhibit: [DB_FIRST] } }).chat;
    const notifier = createNotifier({
      store,
      clock: { now: () => clock.now },
      logger: captureLogger(),
      ...alertPolicyOf(
        chat,
        () => FACTS,
        () => ['slack' as const],
        undefined,
        store,
      ),
      onAlert: (o) => outcomes.push(o),
    });
    const tick = (opened: Anomaly[], resolved: Anomaly[] = []) => {
      for (const a of [...opened, ...resolved]) store.upsertAnomaly(a);
      notifier.onAnomalies({ opened, updated: [], resolved });
    };
    const posts = () =>
      store.chat
        .pendingOutbox(100)
        .filter((m) => m.op === 'post')
        .map((m) => m.msgKey);

    const dbDown = anomaly('db-1', 'cpu', { severity: 'critical' });
    const apiSlow = anomaly('api-1', 'latency_ms');
    const staging = anomaly('api-2', 'latency_ms');
    tick([dbDown, apiSlow, staging]);
    expect(posts()).toEqual([`alert:db-1:${T0}`, `alert:api-2:${T0}`]);
    expect(outcomes).toEqual(['held_inhibited', 'posted', 'posted']);
    expect(whyNotAnnounced(apiSlow, store)).toBe(
      `held by the inhibit rule "db causes api latency" while ${dbDown.id} was open (announced if it outlasts that)`,
    );

    // The database recovers; the API is still slow: its alert is posted now, late.
    clock.now = T0 + 120_000;
    tick([], [{ ...dbDown, status: 'resolved', endTs: clock.now, updatedTs: clock.now }]);
    expect(posts()).toContain(`alert:api-1:${clock.now}`);
    expect(outcomes.at(-1)).toBe('late');
    // The late alert says what held it, so its start time reads right.
    const late = store.chat.pendingOutbox(100).find((m) => m.msgKey === `alert:api-1:${clock.now}`)!;
    expect(late.payload.fields).toContainEqual({
      label: 'held before posting by',
      value: `the inhibit rule "db causes api latency" while ${dbDown.id} was open`,
    });
  });
});
