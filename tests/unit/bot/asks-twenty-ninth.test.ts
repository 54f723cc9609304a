import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { followUp, namedIt } from '../../../src/bot/follow-up.js';
import { dayWindow } from '../../../src/bot/answer-on-call-day.js';
import { formatDuration } from '../../../src/bot/text-tools.js';
import { withSloName } from '../../../src/bot/answer-slo.js';
import { sloSchema } from '../../../src/config/slo-schema.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { noIncidentToReview } from '../../../src/bot/incident-review.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';
import { D, H, fleet, latency, NOW, slowApi2Samples } from '../../fixtures/slo-fleet.js';

function ctx(): AnswerContext {
  return { store: createSqliteStore(':memory:'), targets: fleet, now: NOW, staleAfterMs: 90_000, slos: [latency] };
}
const ask = (q: string, c: AnswerContext) => answerIntent(withSloName(parseIntent(q, fleet), q, c.slos), c).split('\n');

describe('"since yesterday"', () => {
  it('runs from yesterday 00:00 up to now, not over yesterday alone', () => {
    expect(parseIntent('anomalies since yesterday', fleet)).toMatchObject({
      kind: 'anomalies',
      span: { kind: 'range', from: { minute: 0, day: { daysBack: 1 } } },
    });
    // "From yesterday" and "yesterday" stay the day itself; a clock time after it stays that time.
    expect(parseIntent('notes from yesterday', fleet)).toMatchObject({ span: { kind: 'day', daysBack: 1 } });
    expect(parseIntent('anomalies since yesterday 17:00', fleet)).toMatchObject({
      span: { kind: 'range', from: { minute: 17 * 60, day: { daysBack: 1 } } },
    });
    const c = ctx();
    c.store.upsertAnomaly(resolvedAnomaly('an_old', NOW, { target: 'api-1', startTs: NOW - 2 * D, endTs: NOW - 2 * D + H }));
    c.store.upsertAnomaly(resolvedAnomaly('an_yday', NOW, { target: 'api-1', startTs: NOW - D, endTs: NOW - D + H }));
    c.store.upsertAnomaly(resolvedAnomaly('an_today', NOW, { target: 'api-2', startTs: NOW - H, endTs: NOW - H / 2 }));
    const lines = ask('anomalies since yesterday', c);
    expect(lines[0]).toMatch(/^2 anomalies since 2026-12-06 00:00:00 UTC/);
    expect(lines.join('\n')).toContain('an_today');
    expect(lines.join('\n')).toContain('an_yday');
    expect(lines.join('\n')).not.toContain('an_old');
    // "Yesterday" alone is still that day: today's is not in it.
    expect(ask('anomalies yesterday', c).join('\n')).not.toContain('an_today');
  });
});

describe('bad samples', () => {
  it('are an SLO question, on the host named and over the span said', () => {
    const c = ctx();
    // api-2 is slow every 20th minute yesterday.
    c.store.saveSamples(slowApi2Samples());
    expect(parseIntent('how many bad samples on api-2 yesterday?', fleet)).toMatchObject({ kind: 'uncollected', target: 'api-2' });
    expect(ask('how many bad samples on api-2 yesterday?', c)[0]).toBe(
      'api-latency yesterday (2026-12-06 UTC) on api-2: missed, 95% good against the 99% objective (1,368 of 1,440 samples good; 72 bad).',
    );
    expect(ask('how many bad samples did api-latency have yesterday?', c)[0]).toMatch(
      /^api-latency yesterday \(2026-12-06 UTC\): missed, 97\.5% good .*72 bad, all on api-2\)\.$/,
    );
  });

  it('without an SLO configured, say SLOs are not set up rather than give readings', () => {
    const c = { ...ctx(), slos: [] };
    expect(ask('how many bad samples yesterday?', c).join('\n')).toMatch(/SLO/);
    expect(ask('how many bad samples yesterday?', c).join('\n')).not.toMatch(/peak|average/);
  });
});

describe('risks', () => {
  it('"biggest risks this month" is the priorities over 30 d, not the disk readings', () => {
    expect(parseIntent('what are the biggest risks this month?', fleet)).toEqual({ kind: 'status', priorities: 30 * D });
    expect(parseIntent('what are our biggest risks?', fleet)).toEqual({ kind: 'status', priorities: 7 * D });
    expect(parseIntent('top risks', fleet)).toEqual({ kind: 'status', priorities: 7 * D });
    expect(ask('what are the biggest risks this month?', ctx())[0]).toMatch(/^Nothing in the figures over the last 30 d asks to be fixed/);
  });
});

describe('the latest alert with no incident to review', () => {
  it('names an open anomaly once, though it is both open and recent', () => {
    const c = ctx();
    c.store.upsertAnomaly({ ...cpuAnomaly('an_open', 'api-1'), startTs: NOW - 10 * 60_000, updatedTs: NOW });
    expect(parseIntent('write a postmortem for the last incident', fleet)).toEqual({ kind: 'incident', action: 'review' });
    const text = noIncidentToReview(c.store, NOW);
    expect(text).toContain('The latest alert: an_open');
    expect(text.match(/an_open/g)).toHaveLength(2); // the alert line and the timeline pointer
    expect(text).not.toMatch(/2 anomalies/);
  });
});

describe('headroom ranked', () => {
  function fleetCtx(): AnswerContext {
    const c = ctx();
    const samples: Sample[] = [];
    const put = (target: string, metric: string, value: number) => {
      for (let k = 0; k < 60; k++) samples.push({ target, metric, ts: NOW - k * 5 * 60_000, value });
    };
    put('api-1', 'cpu', 70);
    put('api-1', 'memory', 30);
    put('api-2', 'cpu', 20);
    put('api-2', 'memory', 60);
    put('db-1', 'cpu', 40);
    put('db-1', 'memory', 45);
    for (const t of ['api-1', 'api-2', 'db-1']) put(t, 'disk', t === 'db-1' ? 80 : 30);
    c.store.saveSamples(samples);
    return c;
  }

  it('reads which figure and which end', () => {
    expect(parseIntent('which hosts have the most memory headroom?', fleet)).toEqual({
      kind: 'capacity',
      room: { metric: 'memory', most: true },
    });
    expect(parseIntent('which host has the least cpu headroom?', fleet)).toEqual({
      kind: 'capacity',
      room: { metric: 'cpu', most: false },
    });
    expect(parseIntent('which host has the most headroom?', fleet)).toEqual({ kind: 'capacity', room: { most: true } });
    expect(parseIntent('capacity outlook', fleet)).toEqual({ kind: 'capacity' });
  });

  it('leads with the hosts at that end and orders the table by it', () => {
    const c = fleetCtx();
    const mem = ask('which hosts have the most memory headroom?', c);
    expect(mem[0]).toBe('Most room by memory (p95): api-1 30.0% (70.0% free), db-1 45.0% (55.0% free), api-2 60.0% (40.0% free).');
    const rows = mem.filter((l) => /^(api|db)-\d /.test(l)).map((l) => l.split(' ')[0]);
    expect(rows).toEqual(['api-1', 'db-1', 'api-2']);
    expect(ask('which host has the least cpu headroom?', c)[0]).toBe(
      'Least room by CPU (p95): api-1 70.0% (30.0% free), db-1 40.0% (60.0% free), api-2 20.0% (80.0% free).',
    );
    // With no figure named, the tighter of CPU and memory: api-2 (60) has less room than db-1 (45).
    expect(ask('which host has the most headroom?', c)[0]).toBe(
      'Most room by CPU and memory (the higher p95 of the two): db-1 45.0% (55.0% free), api-2 60.0% (40.0% free), api-1 70.0% (30.0% free).',
    );
    expect(ask('which host has the least disk headroom?', c)[0]).toMatch(/^Least room by disk \(used now\): db-1 80\.0% \(20\.0% free\)/);
  });
});

describe('follow-ups to a read', () => {
  const read = parseIntent('memory on api-1 yesterday', fleet);

  it('"compare with api-2" is the same read of both hosts', () => {
    for (const q of ['compare with api-2', 'vs api-2', 'compare it with api-2', 'versus api-2?'])
      expect(followUp(read, parseIntent(q, fleet), q), q).toEqual({
        kind: 'metrics',
        metric: 'memory',
        group: ['api-1', 'api-2'],
        span: { kind: 'day', daysBack: 1 },
      });
    // A question that names its own metric or time stands on its own; the same host is no comparison.
    expect(followUp(read, parseIntent('compare with api-2 cpu', fleet), 'compare with api-2 cpu')).toMatchObject({ target: 'api-2' });
    expect(followUp(read, parseIntent('vs api-1', fleet), 'vs api-1')).toEqual({ kind: 'metrics', target: 'api-1' });
    // Without a cue it is a new question about api-2.
    expect(followUp(read, parseIntent('api-2', fleet), 'api-2')).toEqual({ kind: 'metrics', target: 'api-2' });
  });

  it('"show me the graph" draws the last read', () => {
    for (const q of ['show me the graph', 'show me a chart', 'give me a plot please'])
      expect(followUp(read, parseIntent(q, fleet), q), q).toEqual({
        kind: 'chart',
        target: 'api-1',
        metric: 'memory',
        span: { kind: 'day', daysBack: 1 },
      });
    // With nothing read before, every target's CPU as before.
    expect(followUp(undefined, parseIntent('show me the graph', fleet), 'show me the graph')).toEqual({ kind: 'chart' });
  });
});

describe('how many hosts', () => {
  it('counts the fleet first, a role by its members, and reads "what metrics do you collect for db-1?" as that host', () => {
    expect(parseIntent('how many hosts do we have?', fleet)).toEqual({ kind: 'about', count: true });
    expect(parseIntent('how many api hosts are there?', fleet)).toEqual({ kind: 'inventory', group: ['api-1', 'api-2'] });
    expect(parseIntent('what metrics do you collect for db-1?', fleet)).toEqual({ kind: 'about', collected: ['db-1'] });
    // A count of a state is still that state's answer.
    expect(parseIntent('how many hosts are down?', fleet)).toMatchObject({ kind: 'status', silent: true });
    expect(ask('how many api hosts are there?', ctx())[0]).toBe('Inventory of 2 targets:');
  });
});

describe('"who is on call next week?"', () => {
  it("is next Monday to Sunday on the asker's calendar, not the next 7 days from now", () => {
    expect(parseIntent('who is on call next week?', fleet)).toEqual({ kind: 'routing', onCall: true, onDay: 'next_week' });
    expect(parseIntent('who is on call this week?', fleet)).toEqual({ kind: 'routing', onCall: true, week: true });
    // Monday 2026-12-07 12:00 UTC: next week starts on the 14th.
    expect(dayWindow('next_week', NOW)).toEqual({
      from: Date.UTC(2026, 11, 14),
      until: Date.UTC(2026, 11, 21),
      label: 'next week (Monday 2026-12-14 to Sunday 2026-12-20, UTC)',
    });
    // On a Sunday, the week that starts tomorrow; in Berlin, from its own midnight.
    expect(dayWindow('next_week', Date.UTC(2026, 11, 13, 12)).from).toBe(Date.UTC(2026, 11, 14));
    expect(dayWindow('next_week', NOW, 'Europe/Berlin').from).toBe(Date.UTC(2026, 11, 13, 23));
  });
});

describe('first and longest alerts', () => {
  it('"what fired first today?" is the day\'s first alert; "what fired first?" alone is still which detector led', () => {
    expect(parseIntent('what fired first today?', fleet)).toMatchObject({ kind: 'anomalies', first: true, limit: 1, today: true });
    expect(parseIntent('which alert fired first today?', fleet)).toMatchObject({ kind: 'anomalies', first: true, limit: 1 });
    expect(parseIntent('what fired today?', fleet)).toMatchObject({ kind: 'anomalies', today: true });
    expect(parseIntent('what fired first?', fleet)).toMatchObject({ kind: 'explain', first: true });
    // "Fixed" is not "fired" by spelling.
    expect(parseIntent('what was fixed today?', fleet)).not.toMatchObject({ kind: 'anomalies' });
  });

  it('"which alert took longest to resolve this week?" gives the longest few, not the whole week', () => {
    expect(parseIntent('which alert took longest to resolve this week?', fleet)).toMatchObject({ longest: true, limit: 5 });
    expect(parseIntent('top 10 longest alerts this week', fleet)).toMatchObject({ longest: true, limit: 10 });
    expect(parseIntent('what was the longest incident?', fleet)).toMatchObject({ longest: true, limit: 1 });
    const c = ctx();
    for (let k = 0; k < 8; k++)
      c.store.upsertAnomaly(
        resolvedAnomaly(`an_${k}`, NOW, {
          target: 'api-1',
          key: `k${k}`,
          startTs: NOW - (k + 2) * H,
          endTs: NOW - (k + 2) * H + (k + 1) * 60_000,
        }),
      );
    const lines = ask('which alert took longest to resolve this week?', c);
    expect(lines[0]).toMatch(/^8 anomalies in the last 7 d, 0 open; the 5 longest:$/);
    expect(lines.slice(1, 6).map((l) => l.split(' ')[1])).toEqual(['an_7', 'an_6', 'an_5', 'an_4', 'an_3']);
  });
});

describe('before a host went silent', () => {
  it('reads the figures before its latest silent-host alert', () => {
    expect(parseIntent('what was api-1 doing before it went silent?', fleet)).toEqual({
      kind: 'around',
      part: 'before',
      alertTarget: 'api-1',
      silent: true,
    });
    expect(parseIntent('cpu on db-1 before it stopped reporting', fleet)).toMatchObject({
      alertTarget: 'db-1',
      silent: true,
      metric: 'cpu',
    });
    const c = ctx();
    const samples: Sample[] = [];
    for (let k = 10; k < 60; k++) samples.push({ target: 'api-1', metric: 'cpu', ts: NOW - k * 60_000, value: 90 - k });
    c.store.saveSamples(samples);
    // A CPU alert later than the silence is not the one meant.
    c.store.upsertAnomaly(resolvedAnomaly('an_cpu', NOW, { target: 'api-1', startTs: NOW - 2 * 60_000, endTs: NOW - 60_000 }));
    c.store.upsertAnomaly({
      ...cpuAnomaly('an_quiet', 'api-1', 'heartbeat'),
      detector: 'silence',
      key: 'api-1|heartbeat|silence',
      startTs: NOW - 7 * 60_000,
      updatedTs: NOW,
    });
    const lines = ask('what was api-1 doing before it went silent?', c);
    expect(lines[0]).toMatch(/^Figures over the 30 min before an_quiet \[warning\] api-1 /);
    expect(lines[1]).toMatch(/^api-1 CPU .*: peak 80\.0% .*lowest 53\.0% .*\(28 samples/);
    expect(ask('what did db-1 look like before it went down?', c)).toEqual([
      'No db-1 silent-host anomaly is kept to read the figures around.',
    ]);
  });
});

describe('"did it work?" with no proposal just named', () => {
  it('is the last remediation that ran; with one named it is still that one', () => {
    const q = 'did it work?';
    expect(namedIt(parseIntent(q, fleet), q, {})).toEqual({ kind: 'history', limit: 1, ran: true, worked: true });
    expect(namedIt(parseIntent(q, fleet), q, { rp: 'rp_abc' })).toEqual({ kind: 'explain', id: 'rp_abc' });
    // Another question is left as it is.
    expect(namedIt(parseIntent('did it rain?', fleet), 'did it rain?', {})).toEqual(parseIntent('did it rain?', fleet));
  });
});

describe('which SLO is closest to breaching', () => {
  it('ranks the SLOs by budget spent, the answer first, and is not the list of SLOs', () => {
    const db = sloSchema.parse({ name: 'db-latency', metric: 'latency_ms', targets: ['db-1'], goodBelow: 500, objective: 99 });
    const c = { ...ctx(), slos: [latency, db] };
    const samples: Sample[] = [];
    for (const target of ['api-1', 'api-2', 'db-1'])
      for (let n = 0; n < 600; n++)
        // db-1 is slow one sample in 200 (half its budget); api-1 one in 40 (over its budget).
        samples.push({
          target,
          metric: 'latency_ms',
          ts: NOW - n * 60_000,
          value: (target === 'db-1' && n % 200 === 0) || (target === 'api-1' && n % 40 === 0) ? 900 : 120,
        });
    c.store.saveSamples(samples);
    for (const q of ['which slo is closest to breaching?', 'which slos are at risk?', 'worst slo'])
      expect(withSloName(parseIntent(q, fleet), q, c.slos), q).toMatchObject({ sloFocus: 'closest' });
    expect(withSloName(parseIntent('which slos are at risk?', fleet), 'which slos are at risk?', c.slos)).not.toHaveProperty(
      'sloCatalogue',
    );
    const lines = ask('which slo is closest to breaching?', c);
    expect(lines[0]).toBe(
      'Already breached: 1 SLO. By budget spent, most first: api-latency (breached, 125% of its budget spent); db-latency (met, 50% of its budget spent).',
    );
    expect(
      lines
        .filter((l) => !l.startsWith(' '))
        .slice(1)
        .map((l) => l.split(':')[0]),
    ).toEqual(['api-latency', 'db-latency']);
  });
});

describe('a host with something open', () => {
  it('names what is open under its headline, critical and newest first, three at most', () => {
    const c = ctx();
    c.store.saveSamples([{ target: 'db-1', metric: 'cpu', ts: NOW, value: 40 }]);
    for (const [id, severity, minutes] of [
      ['an_w1', 'warning', 30],
      ['an_c1', 'critical', 20],
      ['an_w2', 'warning', 10],
      ['an_w3', 'warning', 5],
    ] as const)
      c.store.upsertAnomaly({
        ...cpuAnomaly(id, 'db-1', `m${id}`),
        key: `db-1|${id}`,
        severity,
        startTs: NOW - minutes * 60_000,
        updatedTs: NOW,
      });
    const lines = ask('anything odd about db-1?', c);
    expect(lines[0]).toMatch(/^db-1 \(role db\): .*; 4 open anomalies \(critical\), the first since /);
    expect(lines.slice(1, 4).map((l) => /^Open: (an_\w+) /.exec(l)?.[1])).toEqual(['an_c1', 'an_w3', 'an_w2']);
    expect(lines[4]).toBe('…and 1 more ("anomalies on db-1" lists them).');
  });
});

describe('what an alert means', () => {
  it('is the alert explained, not listed; "eli5" asks for an explanation', () => {
    expect(parseIntent('what does this alert mean?', fleet)).toEqual({ kind: 'explain', it: true });
    expect(parseIntent('what does the last alert mean?', fleet)).toEqual({ kind: 'explain' });
    expect(parseIntent('what does the api-1 cpu alert mean?', fleet)).toEqual({
      kind: 'explain',
      target: 'api-1',
      metric: 'cpu',
      latest: true,
    });
    expect(parseIntent('eli5 the last alert', fleet)).toEqual({ kind: 'explain' });
    // A word of the alert message is still the glossary's.
    expect(parseIntent('what does warning mean?', fleet)).toMatchObject({ kind: 'glossary' });
  });
});

describe('alerts from other tools', () => {
  it('says what POST /alertmanager takes, and that Grafana comes through an Alertmanager', () => {
    expect(parseIntent('how do I send alerts from grafana?', fleet)).toEqual({ kind: 'integrations', systems: ['webhooks'] });
    expect(parseIntent('are we receiving webhooks?', fleet)).toEqual({ kind: 'integrations', systems: ['webhooks'] });
    // The set-up guide keeps "how do I configure slack?".
    expect(parseIntent('how do I configure slack?', fleet)).toMatchObject({ kind: 'elsewhere' });
    const said = ask('how do I send alerts from grafana?', ctx()).join('\n');
    expect(said).toMatch(/POST \/alertmanager takes the Alertmanager webhook format \(version 4\)/);
    expect(said).toMatch(/Grafana's own webhook format is not read/);
  });
});

describe('durations of days', () => {
  it('keep the hours under a week, so 2 d 20 h is not said as 3 d or 2 d', () => {
    expect(formatDuration(47 * H + 54 * 60_000)).toBe('47 h 54 min');
    expect(formatDuration(2 * D)).toBe('2 d');
    expect(formatDuration(2 * D + 20 * H)).toBe('2 d 20 h');
    expect(formatDuration(6 * D + 23 * H)).toBe('6 d 23 h');
    expect(formatDuration(7 * D + 5 * H)).toBe('7 d');
    expect(formatDuration(30 * D)).toBe('30 d');
  });
});
