import { describe, expect, it } from 'vitest';
import { routeAlert, unionDestinations, type AlertRoute, type RoutedAnomaly } from '../../../src/bot/alert-routes.js';

const T = Date.UTC(2026, 10, 25, 12, 0, 0); // a Wednesday, 12:00 UTC
const defaults = { slack: ['C-ALL'], discord: ['111111'], web: ['console'] };
const web1 = { role: 'web', labels: { team: 'frontend', env: 'prod-eu' } };
const db1 = { role: 'db', labels: { team: 'storage', env: 'staging' } };
const cpu = (over: Partial<RoutedAnomaly> = {}): RoutedAnomaly => ({
  target: 'web-1',
  metric: 'cpu',
  detector: 'threshold',
  severity: 'warning',
  ...over,
});
const where = (routes: AlertRoute[], a: RoutedAnomaly, t: typeof web1 | undefined = web1) =>
  routeAlert(routes, defaults, a, t, T)
    .destinations.map((d) => `${d.platform}:${d.channel}`)
    .sort();

describe('routeAlert', () => {
  it('sends to the defaults when there are no routes or none matches', () => {
    expect(where([], cpu())).toEqual(['discord:111111', 'slack:C-ALL', 'web:console']);
    const r = routeAlert([{ match: { severities: ['critical'] }, slack: ['C-PAGE'] }], defaults, cpu(), web1, T);
    expect(r.matched).toEqual([]);
    expect(r.destinations).toHaveLength(3);
  });

  it('decides per platform: a Slack route leaves Discord and the console on their defaults', () => {
    expect(where([{ name: 'page', match: { severities: ['critical'] }, slack: ['C-PAGE'] }], cpu({ severity: 'critical' }))).toEqual([
      'discord:111111',
      'slack:C-PAGE',
      'web:console',
    ]);
    expect(
      routeAlert(
        [{ name: 'page', match: { severities: ['critical'] }, slack: ['C-PAGE'] }],
        defaults,
        cpu({ severity: 'critical' }),
        web1,
        T,
      ).matched,
    ).toEqual(['page']);
  });

  it('stops at the first match on a platform unless the route continues', () => {
    const routes: AlertRoute[] = [
      { match: { metrics: ['cpu'] }, slack: ['C-CPU'] },
      { match: { detectors: ['threshold'] }, slack: ['C-RULES'] },
    ];
    expect(where(routes, cpu()).filter((d) => d.startsWith('slack'))).toEqual(['slack:C-CPU']);
    routes[0]!.continue = true;
    expect(where(routes, cpu()).filter((d) => d.startsWith('slack'))).toEqual(['slack:C-CPU', 'slack:C-RULES']);
    // A continuing route whose successors do not match still decides alone.
    expect(where(routes, cpu({ detector: 'robust' })).filter((d) => d.startsWith('slack'))).toEqual(['slack:C-CPU']);
  });

  it('needs every condition of a match; each list matches any of its entries', () => {
    const routes: AlertRoute[] = [
      { match: { targets: ['web-*', 'api-?'], severities: ['warning', 'critical'], roles: ['web'] }, slack: ['C-WEB'] },
    ];
    expect(where(routes, cpu())).toContain('slack:C-WEB');
    expect(where(routes, cpu({ severity: 'info' }))).toContain('slack:C-ALL');
    expect(where(routes, cpu({ target: 'web-1' }), { ...web1, role: 'api' })).toContain('slack:C-ALL');
    // "*" is the only wildcard: "?" is a literal character, and the pattern covers the whole name.
    expect(where(routes, cpu({ target: 'api-1' }))).toContain('slack:C-ALL');
    expect(where(routes, cpu({ target: 'my-web-1' }))).toContain('slack:C-ALL');
    expect(where([{ match: { targets: ['web.1'] }, slack: ['C-X'] }], cpu({ target: 'web-1' }))).toContain('slack:C-ALL');
  });

  it('matches labels (values may use *) and needs the target to have them', () => {
    const routes: AlertRoute[] = [{ match: { labels: { team: 'storage', env: 'prod-*' } }, slack: ['C-STORAGE-PROD'] }];
    expect(where(routes, cpu({ target: 'db-1' }), { ...db1, labels: { team: 'storage', env: 'prod-us' } })).toContain(
      'slack:C-STORAGE-PROD',
    );
    expect(where(routes, cpu({ target: 'db-1' }), db1)).toContain('slack:C-ALL');
    expect(where(routes, cpu({ target: 'gone-1' }), undefined)).toContain('slack:C-ALL');
    expect(where([{ match: { roles: ['db'] }, slack: ['C-DB'] }], cpu({ target: 'gone-1' }), undefined)).toContain('slack:C-ALL');
  });

  it('matches a host anomaly by the metric it blamed as well as by "host"', () => {
    const routes: AlertRoute[] = [{ match: { metrics: ['disk'] }, slack: ['C-DISK'] }];
    expect(where(routes, cpu({ metric: 'host', detector: 'iforest', feature: 'disk' }))).toContain('slack:C-DISK');
    expect(where(routes, cpu({ metric: 'host', detector: 'iforest', feature: 'cpu' }))).toContain('slack:C-ALL');
    expect(where([{ match: { metrics: ['host'] }, slack: ['C-HOST'] }], cpu({ metric: 'host', detector: 'iforest' }))).toContain(
      'slack:C-HOST',
    );
  });

  it('sends nowhere on a platform whose matching route lists no channels', () => {
    const routes: AlertRoute[] = [{ match: { severities: ['info'] }, slack: [], discord: [] }];
    expect(where(routes, cpu({ severity: 'info' }))).toEqual(['web:console']);
  });

  it('gives each channel the mentions of the routes that sent there, merged when two do', () => {
    const routes: AlertRoute[] = [
      {
        match: { severities: ['critical'] },
        slack: ['C-PAGE', 'C-OPS'],
        mentions: { slack: ['<!subteam^S1>'], discord: ['<@&55555>'] },
        continue: true,
      },
      { match: { metrics: ['cpu'] }, slack: ['C-OPS', 'C-CPU'], mentions: { slack: ['<@U2>'] } },
    ];
    const d = routeAlert(routes, defaults, cpu({ severity: 'critical' }), web1, T).destinations;
    expect(d).toEqual([
      { platform: 'slack', channel: 'C-PAGE', mentions: ['<!subteam^S1>'] },
      { platform: 'slack', channel: 'C-OPS', mentions: ['<!subteam^S1>', '<@U2>'] },
      { platform: 'slack', channel: 'C-CPU', mentions: ['<@U2>'] },
      // Discord was not listed by these routes: its default channel, and nobody pinged there.
      { platform: 'discord', channel: '111111' },
      { platform: 'web', channel: 'console' },
    ]);
    const union = unionDestinations([d, routeAlert(routes, defaults, cpu({ severity: 'warning' }), web1, T).destinations]);
    expect(union.find((x) => x.channel === 'C-OPS')?.mentions).toEqual(['<!subteam^S1>', '<@U2>']);
  });

  it('applies a route only in its hours: during office hours, or outside them', () => {
    const office = { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '18:00', timezone: 'Europe/Berlin' };
    const routes: AlertRoute[] = [
      {
        name: 'team by day',
        match: { severities: ['critical'] },
        during: [{ ...office, weekdays: [...office.weekdays] }],
        slack: ['C-TEAM'],
      },
      {
        name: 'on-call at night',
        match: { severities: ['critical'] },
        outside: [{ ...office, weekdays: [...office.weekdays] }],
        slack: ['C-ONCALL'],
        mentions: { slack: ['<!subteam^S1>'] },
      },
    ];
    const slackAt = (iso: string) =>
      routeAlert(routes, defaults, cpu({ severity: 'critical' }), web1, Date.parse(iso))
        .destinations.filter((d) => d.platform === 'slack')
        .map((d) => d.channel);
    expect(slackAt('2026-11-25T12:00:00Z')).toEqual(['C-TEAM']); // Wednesday 13:00 in Berlin
    expect(slackAt('2026-11-25T17:30:00Z')).toEqual(['C-ONCALL']); // Wednesday 18:30 in Berlin
    expect(slackAt('2026-11-28T12:00:00Z')).toEqual(['C-ONCALL']); // Saturday
    // A warning matches neither route, whatever the time.
    expect(routeAlert(routes, defaults, cpu(), web1, Date.parse('2026-11-25T12:00:00Z')).matched).toEqual([]);
  });

  it('unions the destinations of a message’s anomalies without repeats', () => {
    const a = routeAlert([], defaults, cpu(), web1, T).destinations;
    const b = routeAlert(
      [{ match: { detectors: ['robust'] }, slack: ['C-R'] }],
      defaults,
      cpu({ detector: 'robust' }),
      web1,
      T,
    ).destinations;
    expect(unionDestinations([a, b]).map((d) => `${d.platform}:${d.channel}`)).toEqual([
      'slack:C-ALL',
      'discord:111111',
      'web:console',
      'slack:C-R',
    ]);
  });
});
