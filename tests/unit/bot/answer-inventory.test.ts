import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { TargetRef } from '../../../src/bot/match-target.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const TARGETS: TargetRef[] = [
  {
    name: 'web-1',
    role: 'web',
    region: 'us-east-1',
    instanceId: 'i-0a1b2c3d4e5f60001',
    address: '10.0.1.10:9100',
    autoScalingGroup: 'web-asg',
    source: 'cloudwatch',
    labels: { env: 'prod' },
  },
  {
    name: 'web-2',
    role: 'web',
    region: 'eu-west-1',
    instanceId: 'i-0a1b2c3d4e5f60002',
    address: '10.0.1.11:9100',
    autoScalingGroup: 'web-asg',
    source: 'cloudwatch',
    labels: { env: 'prod' },
  },
  {
    name: 'db-1',
    role: 'db',
    region: 'us-east-1',
    instanceId: 'i-0a1b2c3d4e5f60005',
    address: '10.0.3.10:9100',
    source: 'prometheus',
    labels: {},
  },
  { name: 'local-vm', role: 'local', source: 'local', labels: {} },
];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const t of TARGETS) store.saveSamples([{ target: t.name, metric: 'cpu', ts: NOW - 30_000, value: 20 }]);
  return { store, targets: TARGETS, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => {
  const c = ctx();
  return answerIntent(parseIntent(q, c.targets), c).split('\n');
};

describe('where a target runs', () => {
  it('answers one field of one target, with the rest of its entry and where it came from', () => {
    expect(ask('what region is db-1 in?').slice(0, 2)).toEqual([
      "db-1's region: us-east-1.",
      'db-1: role db, region us-east-1, instance i-0a1b2c3d4e5f60005, address 10.0.3.10:9100, source prometheus.',
    ]);
    expect(ask('instance id of web-2')[0]).toBe("web-2's EC2 instance id: i-0a1b2c3d4e5f60002.");
    expect(ask("what's the ip of web-1?")[0]).toBe("web-1's address: 10.0.1.10:9100.");
    expect(ask('which asg is web-1 in?')[0]).toBe("web-1's auto scaling group: web-asg.");
    expect(ask('which asg is web-1 in?').at(-1)).toMatch(/^From the targets file .*I do not look these up in AWS\.$/);
  });

  it('says a field is not set, and where to set it, rather than guessing', () => {
    expect(ask('which asg is db-1 in?')[0]).toBe(
      'db-1 has no auto scaling group set: add "autoScalingGroup" to its entry in the targets file.',
    );
    expect(ask('what region is local-vm in?')[0]).toBe('local-vm has no region set: add "region" to its entry in the targets file.');
    // An owner is its owner or team label, the only owner I know of.
    const teams = TARGETS.map((t) => (t.name === 'web-1' ? { ...t, labels: { ...t.labels, team: 'storefront' } } : t));
    const c = { ...ctx(), targets: teams };
    expect(answerIntent(parseIntent('who owns web-1?', teams), c).split('\n')[0]).toBe(
      "web-1's owner (its owner or team label): storefront.",
    );
    expect(ask('who owns db-1?')[0]).toBe(
      'db-1 has no owner (its owner or team label) set: add "labels.owner" to its entry in the targets file.',
    );
  });

  it('groups shared values (regions, groups) and tabulates one-per-target values (ids, addresses)', () => {
    expect(ask('what regions do we run in?').slice(0, 4)).toEqual([
      'Regions of 4 targets:',
      '• eu-west-1: web-2 (1)',
      '• us-east-1: web-1, db-1 (2)',
      'No region set for local-vm.',
    ]);
    const ips = ask('ip addresses of the web hosts');
    expect(ips[0]).toBe('Addresses of 2 targets:');
    expect(ips.slice(2, 5).map((l) => l.trim())).toEqual(['target  address', 'web-1   10.0.1.10:9100', 'web-2   10.0.1.11:9100']);
  });

  it('lists the inventory with only the columns something is set in', () => {
    const inv = ask('inventory');
    expect(inv[0]).toBe('Inventory of 4 targets:');
    expect(inv[2]).toMatch(/^target +role +region +instance +address +ASG +source +labels$/);
    expect(inv[3]).toMatch(/^web-1 +web +us-east-1 +i-0a1b2c3d4e5f60001 +10\.0\.1\.10:9100 +web-asg +cloudwatch +env=prod$/);
    expect(inv[6]).toMatch(/^local-vm +local +- +- +- +- +local +-$/);
  });

  it('finds a target by its instance id or address, and says when none has it', () => {
    const byId = ask('which host is i-0a1b2c3d4e5f60005?');
    expect(byId[0]).toMatch(/^"i-0a1b2c3d4e5f60005" is db-1: role db, region us-east-1/);
    expect(byId[1]).toMatch(/^db-1 \(role db\): state unknown; 0 open anomalies\.$/);
    expect(ask('what is 10.0.1.11?')[0]).toMatch(/^"10\.0\.1\.11" is web-2: /);
    expect(ask('who is 10.0.1.11:9100')[0]).toMatch(/^"10\.0\.1\.11:9100" is web-2: /);
    expect(ask('which host is i-0000000000000000')[0]).toMatch(/^No target has the instance id "i-0000000000000000"\. /);
  });

  it('reads a region or auto scaling group as the targets in it', () => {
    const cpu = ask('cpu in us-east-1');
    expect(cpu[0]).toBe('Current CPU for 2 targets:');
    expect(cpu.filter((l) => /^(web|db|local)/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['web-1', 'db-1']);
    expect(parseIntent('memory in web-asg', TARGETS)).toMatchObject({ kind: 'metrics', metric: 'memory', group: ['web-1', 'web-2'] });
    // A group's name is not the word "asg": "capacity of web-asg" is that group's capacity.
    expect(parseIntent("what's the capacity of web-asg?", TARGETS)).toEqual({ kind: 'capacity', group: ['web-1', 'web-2'] });
    expect(parseIntent('disk region=eu-west-1', TARGETS)).toMatchObject({ kind: 'metrics', metric: 'disk', target: 'web-2' });
    // A host-like word that is no region stays an unknown target.
    expect(ask('cpu in us-west-9')[0]).toBe(
      'No target runs in region "us-west-9": the targets here are in eu-west-1, us-east-1 ("inventory" lists where each runs).',
    );
  });

  it('leaves questions that are not about a place to their own answers', () => {
    for (const q of [
      'where is the alert?',
      'how do I address this alert?',
      'where are you running?',
      'what instance type is web-1?',
      'cpu on web-1',
    ])
      expect(parseIntent(q, TARGETS).kind, q).not.toBe('inventory');
    expect(parseIntent('where is db-1 running?', TARGETS)).toEqual({ kind: 'inventory', target: 'db-1' });
    expect(parseIntent('where is xyz-9?', TARGETS)).toEqual({ kind: 'inventory', unknownTarget: 'xyz-9' });
  });

  it('describes one target as its entry, then its overview', () => {
    expect(parseIntent('describe db-1', TARGETS)).toEqual({ kind: 'inventory', target: 'db-1', full: true });
    expect(parseIntent('what labels does web-1 have?', TARGETS)).toEqual({ kind: 'inventory', target: 'web-1', full: true });
    const lines = ask('tell me everything about db-1');
    expect(lines[0]).toBe('db-1: role db, region us-east-1, instance i-0a1b2c3d4e5f60005, address 10.0.3.10:9100, source prometheus.');
    expect(lines[1]).toMatch(/^db-1 \(role db\): /);
    expect(lines.some((l) => /^db-1 CPU 20\.0% /.test(l))).toBe(true);
  });

  it('answers "is … a real host?" and "where does its data come from?" with its entry, saying what a generated source is', () => {
    for (const q of ['is db-1 a real host?', 'where does db-1 data come from?', 'what kind of host is db-1?', 'which source feeds db-1?'])
      expect(parseIntent(q, TARGETS), q).toEqual({ kind: 'inventory', target: 'db-1', full: true });
    expect(parseIntent('is the db-1 alert real?', TARGETS).kind).toBe('explain');
    const fake: TargetRef[] = [
      { name: 'sim-1', role: 'web', source: 'synthetic' },
      { name: 'here', source: 'local' },
    ];
    const c = { ...ctx(), targets: fake };
    expect(answerIntent(parseIntent('is sim-1 a real host?', fake), c).split('\n')[0]).toBe(
      'sim-1: role web, source synthetic (generated figures, no real host behind them).',
    );
    expect(answerIntent(parseIntent('what kind of host is here?', fake), c).split('\n')[0]).toBe(
      'here: source local (the machine I run on, read by me).',
    );
  });
});
