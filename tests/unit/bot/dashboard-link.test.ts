import { describe, expect, it } from 'vitest';
import { alertPolicyOf } from '../../../src/bot/alert-policy.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { alertDashboardLink, dashboardUrl, type Dashboard } from '../../../src/bot/dashboard-link.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const MIN = 60_000;
const GRAFANA = 'https://grafana.example.com/d/sco-hosts/hosts?var-target={target}&from={from}&to={to}';
const dash: Dashboard = { url: GRAFANA, label: 'Grafana', beforeMinutes: 60, afterMinutes: 15 };

describe('dashboard URL', () => {
  it('fills the time in epoch ms, "now" while open, and repeats a {target} parameter per target', () => {
    expect(dashboardUrl(dash, { targets: ['web-1'], from: 1000, until: 2000 })).toBe(
      'https://grafana.example.com/d/sco-hosts/hosts?var-target=web-1&from=1000&to=2000',
    );
    expect(dashboardUrl(dash, { targets: ['web-1', 'db 1'], from: 1000 })).toBe(
      'https://grafana.example.com/d/sco-hosts/hosts?var-target=web-1&var-target=db%201&from=1000&to=now',
    );
    // Anywhere else {target} is one value: the first, encoded.
    expect(
      dashboardUrl({ url: 'https://dash.example/host/{target}/{metric}?t={target}x' }, { targets: ['a/b', 'c'], metric: 'cpu', from: 5 }),
    ).toBe('https://dash.example/host/a%2Fb/cpu?t=a%2Fbx');
    expect(dashboardUrl(dash, { targets: [], from: 0, until: 1 })).toBe(
      'https://grafana.example.com/d/sco-hosts/hosts?var-target=&from=0&to=1',
    );
  });

  it("spans an alert's anomalies with the margins, and names a metric only when they share one", () => {
    const open = { target: 'web-1', metric: 'cpu', startTs: NOW - 10 * MIN, endTs: null };
    const done = { target: 'db-1', metric: 'host', feature: 'memory', startTs: NOW - 30 * MIN, endTs: NOW - 5 * MIN };
    const metricUrl = { ...dash, url: 'https://d.example/?h={target}&m={metric}&from={from}&to={to}' };
    expect(alertDashboardLink(metricUrl, [open])).toEqual({
      label: 'Grafana',
      url: `https://d.example/?h=web-1&m=cpu&from=${NOW - 70 * MIN}&to=now`,
    });
    expect(alertDashboardLink(metricUrl, [done])!.url).toBe(
      `https://d.example/?h=db-1&m=memory&from=${NOW - 90 * MIN}&to=${NOW + 10 * MIN}`,
    );
    expect(alertDashboardLink(metricUrl, [{ ...open, endTs: NOW }, done])!.url).toBe(
      `https://d.example/?h=web-1&h=db-1&m=&from=${NOW - 90 * MIN}&to=${NOW + 15 * MIN}`,
    );
    expect(alertDashboardLink(dash, [])).toBeUndefined();
  });

  it('takes the third link on an alert, after at most two runbooks', () => {
    const chat = configSchema.parse({
      chat: {
        runbooks: ['cpu', 'memory', 'disk'].map((m) => ({ match: { metrics: [m] }, url: `https://wiki.example/${m}`, label: m })),
        dashboard: { url: GRAFANA },
      },
    }).chat;
    const anomalies = ['cpu', 'memory', 'disk'].map((metric, i) =>
      resolvedAnomaly(`an_${i}`, NOW, { metric, startTs: NOW - 20 * MIN, endTs: null, status: 'open' }),
    );
    const links = alertPolicyOf(
      chat,
      () => new Map(),
      () => [],
    ).links!(anomalies).map((l) => l.label);
    expect(links).toEqual(['cpu', 'memory', 'Dashboard']);
    const without = alertPolicyOf(
      { ...chat, dashboard: undefined },
      () => new Map(),
      () => [],
    ).links!(anomalies);
    expect(without.map((l) => l.label)).toEqual(['cpu', 'memory', 'disk']);
  });

  it('is refused at boot unless it is an http(s) URL', () => {
    for (const url of ['grafana.example.com/d/x', 'https://grafana.example.com/d/x?a=<b>', 'javascript:alert(1)'])
      expect(configSchema.safeParse({ chat: { dashboard: { url } } }).success).toBe(false);
    expect(configSchema.parse({ chat: { dashboard: { url: GRAFANA } } }).chat.dashboard).toEqual({
      url: GRAFANA,
      label: 'Dashboard',
      beforeMinutes: 60,
      afterMinutes: 15,
    });
  });
});

describe('"dashboard for web-1" in chat', () => {
  const targets = [
    { name: 'web-1', role: 'web' },
    { name: 'web-2', role: 'web' },
    { name: 'db-1', role: 'db' },
  ];
  function ctx(dashboard?: Dashboard, open: Partial<Anomaly>[] = []): AnswerContext & { dashboard?: Dashboard } {
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly(
      resolvedAnomaly('an_old', NOW, { target: 'db-1', metric: 'disk', startTs: NOW - 300 * MIN, endTs: NOW - 290 * MIN }),
    );
    open.forEach((o, i) => store.upsertAnomaly(resolvedAnomaly(`an_open${i}`, NOW, { status: 'open', endTs: null, ...o })));
    return { store, targets, now: NOW, staleAfterMs: 90_000, ...(dashboard ? { dashboard } : {}) };
  }
  const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

  it('gives the filled-in link for what was named: target, metric, time, or an anomaly', () => {
    const c = ctx(dash);
    expect(ask('show me the grafana dashboard for web-1', c)).toBe(
      `Grafana: web-1, the last 6 h:\nhttps://grafana.example.com/d/sco-hosts/hosts?var-target=web-1&from=${NOW - 360 * MIN}&to=now`,
    );
    const day = Date.UTC(2026, 11, 4);
    expect(ask('dashboard for web-1 cpu yesterday', c)).toBe(
      `Grafana: web-1 CPU, yesterday (2026-12-04 UTC):\nhttps://grafana.example.com/d/sco-hosts/hosts?var-target=web-1&from=${day}&to=${day + 1440 * MIN - 1}`,
    );
    expect(ask('grafana for db-1 at 10:00', c)).toContain(`var-target=db-1&from=${NOW - 150 * MIN}&to=${NOW - 90 * MIN}`);
    expect(ask('grafana link for an_old', c)).toBe(
      `an_old, db-1 disk, 2026-12-05 07:00:00 UTC to 2026-12-05 07:10:00 UTC, with 60 min before:\nhttps://grafana.example.com/d/sco-hosts/hosts?var-target=db-1&from=${NOW - 360 * MIN}&to=${NOW - 275 * MIN}`,
    );
    expect(ask('grafana link for an_nothere', c)).toMatch(/^No anomaly an_nothere\./);
    expect(ask('dashboard for web-9', c)).toMatch(/^I don't know a target called "?web-9/);
  });

  it('without a target, shows what is open (worst first), else every target', () => {
    expect(ask('open the dashboard', ctx(dash))).toContain('?var-target=web-1&var-target=web-2&var-target=db-1&from=');
    const busy = ctx(dash, [
      { target: 'web-2', severity: 'warning', startTs: NOW - 5 * MIN },
      { target: 'db-1', severity: 'critical', startTs: NOW - 2 * MIN },
    ]);
    const reply = ask('grafana?', busy);
    expect(reply).toMatch(/^Grafana: db-1, web-2 \(what is open now\), the last 6 h:/);
    expect(reply).toContain('?var-target=db-1&var-target=web-2&from=');
  });

  it('says how to set it up when no dashboard is configured, and that nothing else is linked', () => {
    const reply = ask('show me the grafana dashboard for web-1', ctx());
    expect(reply).toContain('set chat.dashboard.url');
    expect(reply).not.toMatch(/https:\/\/|var-target/);
  });

  it('ends "explain an_…" with the link', () => {
    expect(ask('explain an_old', ctx(dash)).split('\n').at(-1)).toBe(
      `Grafana: https://grafana.example.com/d/sco-hosts/hosts?var-target=db-1&from=${NOW - 360 * MIN}&to=${NOW - 275 * MIN}`,
    );
    expect(ask('explain an_old', ctx())).not.toMatch(/grafana/i);
  });
});
