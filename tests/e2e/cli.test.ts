import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, startFakeDiscord } from '../fakes/fake-discord.js';
import { askApi, waitFor } from '../helpers/net.js';
import { tempDir } from '../helpers/test-config.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/smartcloudops.js');

// The shipped config, but without wall-clock slot incidents (a silent host would make figures vanish).
const CALM = path.join(tempDir('sco-calm-'), 'calm.json');
writeFileSync(
  CALM,
  JSON.stringify({
    ...JSON.parse(readFileSync(path.join(ROOT, 'config/smartcloudops.json'), 'utf8')),
    sources: { synthetic: { incidentEveryMinutes: 1_000_000 } },
  }),
);

/** `serve` as a child process logging at info; `log()` is its stdout so far. */
function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, SCO_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r((code = c))));
  /**
   * The side port's address once it listens and then /ready. SCO_HTTP_PORT=0 lets the child bind a
   * port itself: a port picked here could be taken by another test before the child binds it.
   * Fails with the child's output if it exits first or takes too long.
   */
  async function ready(ms = 45_000): Promise<string> {
    const t = Date.now();
    const fail = (why: string) => new Error(`serve ${why}:\n${out.slice(-3000)}\n${err.slice(-2000)}`);
    for (;;) {
      const m = /"address":"(http:\/\/127\.0\.0\.1:\d+)","msg":"side port listening"/.exec(out);
      if (m) {
        try {
          await waitFor(`${m[1]}/ready`, Math.max(1000, ms - (Date.now() - t)));
          return m[1]!;
        } catch {
          throw fail('listened but did not become ready');
        }
      }
      if (code !== undefined) throw fail(`exited with ${code} before listening`);
      if (Date.now() - t > ms) throw fail(`did not listen within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, log: () => out, exited, ready };
}

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SCO_LOG_LEVEL: 'error', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('smartcloudops CLI', () => {
  it('prints its version, the one package.json gives', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(
      `smartcloudops ${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}`,
    );
  });

  it('config check passes on the shipped config and lists every problem in a bad one', () => {
    const ok = cli(['config', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/config OK: .*smartcloudops\.json; 6 targets/);
    expect(ok.out).not.toMatch(/on call:/);
    expect(ok.err).toBe('');
    // A rotation is summed up with the rest.
    const rotated = tempDir();
    const shipped = JSON.parse(readFileSync(path.join(ROOT, 'config', 'smartcloudops.json'), 'utf8')) as { chat?: Record<string, unknown> };
    const onCall = [
      { name: 'db', members: [{ name: 'dana' }, { name: 'bob' }], handoff: '2026-11-30T09:00:00Z' },
      { name: 'web', members: [{ name: 'alice' }], shiftHours: 24, handoff: '2026-11-30T09:00:00Z' },
    ];
    writeFileSync(path.join(rotated, 'c.json'), JSON.stringify({ ...shipped, chat: { ...shipped.chat, onCall } }));
    const withRotation = cli(['config', 'check'], { SCO_CONFIG: path.join(rotated, 'c.json') });
    expect(withRotation.out).toMatch(/; on call: db \(2 members, 168 h shifts\), web \(1 member, 24 h shifts\)\n$/);
    // So are the dashboard link and the Alertmanager the silences go to.
    const dash = { ...shipped.chat, dashboard: { url: 'https://grafana.example.com/d/sco-hosts/hosts?var-target={target}' } };
    writeFileSync(path.join(rotated, 'd.json'), JSON.stringify({ ...shipped, chat: dash }));
    expect(cli(['config', 'check'], { SCO_CONFIG: path.join(rotated, 'd.json'), ALERTMANAGER_URL: 'http://am.example:9093' }).out).toMatch(
      /; dashboard: https:\/\/grafana\.example\.com\/d\/sco-hosts\/hosts\?var-target=\{target\}; silences mirrored to http:\/\/am\.example:9093\n$/,
    );
    // Inhibit rules are counted, and a match naming no target is a warning (exit 0): a typo never errs, it never matches.
    const inhibit = [{ name: 'db first', source: { roles: ['dbs'] }, target: { targets: ['web-*'] } }];
    writeFileSync(path.join(rotated, 'i.json'), JSON.stringify({ ...shipped, chat: { ...shipped.chat, inhibit } }));
    const typo = cli(['config', 'check'], { SCO_CONFIG: path.join(rotated, 'i.json') });
    expect(typo.code).toBe(0);
    expect(typo.out).toMatch(/; 1 inhibit rule\n$/);
    expect(typo.err).toBe(
      'warning: chat.inhibit[0] (db first).source: role "dbs" is no target\'s role in the config (discovery may still add one)\n',
    );
    // An SLO whose window is longer than the samples kept, or that names no configured target, is a warning too.
    const slos = [{ name: 'checkout', metric: 'latency_ms', targets: ['web-9'], goodBelow: 300, objective: 99.9, windowDays: 30 }];
    writeFileSync(path.join(rotated, 's.json'), JSON.stringify({ ...shipped, slos }));
    const slo = cli(['config', 'check'], { SCO_CONFIG: path.join(rotated, 's.json') });
    expect(slo.code).toBe(0);
    expect(slo.err.split('\n')).toEqual([
      'warning: slos[0] (checkout): windowDays 30 is longer than the 24 h of samples kept (retention.samplesHours), so its budget is judged on those only',
      'warning: slos[0] (checkout): target "web-9" is no configured target',
      '',
    ]);

    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({ schedule: 'often', thresholds: [{ metric: 'CPU!', above: 'high' }], nope: 1 }),
    );
    const bad = cli(['config', 'check'], { SCO_CONFIG: path.join(dir, 'bad.json'), SCO_HTTP_PORT: '70000' });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/invalid configuration/);
    expect(bad.err).toMatch(/config\.thresholds\.0\.metric/);
    expect(bad.err).toMatch(/config\.thresholds\.0\.above/);
    expect(bad.err).toMatch(/config\.nope/);
    expect(bad.err).toMatch(/SCO_HTTP_PORT/);
  });

  it('config routes prints the routing table and where an alert would go', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 't.json'),
      JSON.stringify({ targets: [{ name: 'db-1', role: 'db', labels: { team: 'storage' } }, { name: 'web-1' }] }),
    );
    writeFileSync(
      path.join(dir, 'c.json'),
      JSON.stringify({
        targetsFile: path.join(dir, 't.json'),
        chat: {
          channels: { slack: ['C-OPS'] },
          muteTimes: [{ name: 'backups', weekdays: ['sun'], start: '02:00', end: '04:00', match: { roles: ['db'] } }],
          routes: [
            { name: 'storage', match: { labels: { team: 'storage' } }, slack: ['C-STORAGE'], continue: true },
            {
              name: 'page',
              match: { severities: ['critical'] },
              slack: ['C-PAGE'],
              discord: ['123456789012'],
              mentions: { slack: ['<!subteam^S0ONCALL>'] },
            },
            { name: 'night', match: { metrics: ['memory'] }, outside: [{ start: '08:00', end: '20:00' }], slack: ['C-NIGHT'] },
          ],
        },
      }),
    );
    const env = { SCO_CONFIG: path.join(dir, 'c.json') };
    const table = cli(['config', 'routes'], env);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/1\. storage: team=storage -> slack: C-STORAGE \(continue\)/);
    expect(table.out).toMatch(/Default channels: slack: C-OPS; discord: nowhere; web: console/);
    expect(table.out).toMatch(/\n {2}backups: Sun 02:00–04:00 UTC, role db$/m);
    const crit = cli(['config', 'routes', '--target', 'db-1', '--metric', 'disk', '--severity', 'critical'], env);
    expect(crit.out).toMatch(/slack: C-STORAGE, C-PAGE pinging <!subteam\^S0ONCALL> \(route "storage", "page"\)/);
    expect(table.out).toMatch(/2\. page: severity critical -> slack: C-PAGE pinging <!subteam\^S0ONCALL>; discord: 123456789012$/m);
    expect(crit.out).toMatch(/discord: 123456789012 \(route "page"\)/);
    expect(crit.out).toMatch(/web: console \(default\)/);
    const web = cli(['config', 'routes', '--target', 'web-1'], env).out;
    expect(web).toMatch(/slack: C-OPS \(default\)/);
    // The shipped pending period: listed, and said of the statistical detectors' alerts only.
    expect(table.out).toMatch(
      /\nPending periods \(posted only once the anomaly has lasted this long; the first match decides\):\n {2}1 min: detector robust\|iforest\n/,
    );
    expect(web).not.toMatch(/pending period/);
    expect(cli(['config', 'routes', '--target', 'web-1', '--detector', 'robust'], env).out).toMatch(
      /\n {2}posted once the anomaly has lasted 1 min \(pending period\)\n/,
    );
    expect(table.out).toMatch(/3\. night: metric memory \[outside daily 08:00–20:00 UTC\] -> slack: C-NIGHT$/m);
    expect(cli(['config', 'routes', '--target', 'web-1', '--metric', 'memory', '--at', '2026-11-25T22:00:00Z'], env).out).toMatch(
      /slack: C-NIGHT \(route "night"\)/,
    );
    expect(cli(['config', 'routes', '--target', 'web-1', '--metric', 'memory', '--at', '2026-11-25T12:00:00Z'], env).out).toMatch(
      /slack: C-OPS \(default\)/,
    );
    expect(cli(['config', 'routes', '--target', 'web-1', '--at', 'yesterday'], env).err).toMatch(/--at must be a time/);
    const bad = cli(['config', 'routes', '--target', 'web-1', '--severity', 'loud'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--severity must be one of info, warning, critical/);
    // Chat asks the same table: `ask` gives what the service would answer.
    const data = { ...env, SCO_DATA_DIR: path.join(dir, 'data') };
    expect(cli(['ask', 'who gets paged for db-1?'], data).out).toMatch(
      /^A critical CPU alert on db-1 \(threshold rule\) now would go to:\n {2}slack: C-STORAGE, C-PAGE pinging <!subteam\^S0ONCALL> \(route "storage", "page"\)/,
    );
    expect(cli(['ask', 'what do you monitor?'], data).out).toMatch(/^I watch 2 targets, read every 30 s:\n• synthetic: db-1, web-1\n/);
  });

  // About twenty CLI processes, each a Node start: more than the default 30 s when the machine is busy.
  it('tick prints a JSON summary and status reads it back from the store', () => {
    const data = tempDir();
    const t = cli(['tick'], { SCO_DATA_DIR: data, SCO_CONFIG: CALM });
    expect(t.code).toBe(0);
    const summary = JSON.parse(t.out);
    expect(summary.samples).toBeGreaterThanOrEqual(30);
    expect(summary).toHaveProperty('openAnomalies');

    const s = cli(['status', '--json'], { SCO_DATA_DIR: data, SCO_CONFIG: CALM });
    expect(s.code).toBe(0);
    const doc = JSON.parse(s.out);
    const names = doc.targets.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(['web-1', 'web-2', 'api-1', 'api-2', 'db-1', 'monitoring-1']));
    expect(names.some((n: string) => n.startsWith('local-'))).toBe(true);
    const answer = cli(['ask', "what's current CPU?"], { SCO_DATA_DIR: data });
    expect(answer.code).toBe(0);
    const web1 = doc.targets.find((x: { name: string }) => x.name === 'web-1');
    expect(answer.out).toMatch(/^Current CPU for \d+ targets:/);
    expect(answer.out).toContain(`${web1.metrics.cpu.value.toFixed(1)}%`);
    expect(cli(['ask', 'approve rp_abc123'], { SCO_DATA_DIR: data }).out).toMatch(/not available here/);
    // What changes state is refused with where it is done; reading it back is not.
    const say = (q: string) => cli(['ask', q], { SCO_DATA_DIR: data }).out.trim();
    expect(say('snooze web-1 for 1h')).toBe('Silences are set from chat or the web console.');
    expect(say('restart app on web-1')).toBe('Actions are requested from chat or the web console.');
    expect(say('follow web-1')).toBe('Subscriptions are made from Slack or Discord, where alerts can mention you.');
    expect(say('declare an incident: checkout is down')).toBe('Incidents are declared and updated from chat or the web console.');
    expect(say('declared incidents')).toMatch(/^No incident was declared in the last 7 days\./);
    expect(say('audit log')).toMatch(/^Nothing done over the last 24 h, as far as the records go/);
    const tooLong = cli(['ask', 'x'.repeat(1200)], { SCO_DATA_DIR: data });
    expect(tooLong.code).toBe(2);
    expect(tooLong.out).toMatch(/at most 1000/);
    const text = cli(['status'], { SCO_DATA_DIR: data });
    expect(text.out).toMatch(/^target\s+state\s+cpu/m);
    expect(text.out).toMatch(/^web-1\s+up\s+\d/m);
    // The digest a cron can mail: the fleet's state line, then the last day's counts.
    const digest = cli(['digest'], { SCO_DATA_DIR: data, SCO_CONFIG: CALM });
    expect(digest.code).toBe(0);
    expect(digest.out).toMatch(/^\d+ targets, \d+ open anomal(y|ies), \d+ pending approvals?\. Latest data at /);
    expect(digest.out).toMatch(/\n(No anomalies in the last 24 h\.|\d+ anomal(y|ies) in the last 24 h, \d+ open\.)\n/);
    expect(digest.out.trim().split('\n').at(-1)).toBe('Ask me "summarise today" or "alerts in the last 24 hours" for more.');
    const week = cli(['digest', '--week'], { SCO_DATA_DIR: data, SCO_CONFIG: CALM });
    expect(week.code).toBe(0);
    expect(week.out).toMatch(/\n(No anomalies in the last 7 d\.|\d+ anomal(y|ies) in the last 7 d, \d+ open\.)\n/);
    expect(week.out.trim().split('\n').at(-1)).toBe('Ask me "weekly report" or "alerts this week" for more.');
    expect(cli(['digest', '--month'], { SCO_DATA_DIR: data, SCO_CONFIG: CALM }).code).toBe(2);
    // One route's own digest, as chat.digest.routes posts it; a name not in chat.routes is refused with the names there are.
    const routed = path.join(tempDir('sco-routed-'), 'routed.json');
    const calm = JSON.parse(readFileSync(CALM, 'utf8')) as { chat?: Record<string, unknown> };
    writeFileSync(
      routed,
      JSON.stringify({ ...calm, chat: { ...calm.chat, routes: [{ name: 'db team', match: { roles: ['db'] }, web: ['console'] }] } }),
    );
    const team = cli(['digest', '--route', 'db team'], { SCO_DATA_DIR: data, SCO_CONFIG: routed });
    expect(team.code).toBe(0);
    expect(team.out.split('\n')[0]).toBe('For db team (role db):');
    const none = cli(['digest', '--route', 'web team'], { SCO_DATA_DIR: data, SCO_CONFIG: routed });
    expect([none.code, none.err]).toEqual([2, expect.stringMatching(/no route "web team" in chat\.routes \(routes: db team\)/)]);
  }, 90_000);

  it('detect scores a timestamp,value CSV online, in input order, in 0..1', () => {
    const dir = tempDir();
    const rows = ['timestamp,value'];
    for (let i = 0; i < 600; i++) {
      const ts = new Date(Date.UTC(2026, 0, 1) + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
      const v = i === 500 ? 400 : 50 + 5 * Math.sin(i / 7) + ((i * 37) % 11) / 5;
      rows.push(`${ts},${v}`);
    }
    writeFileSync(path.join(dir, 'in.csv'), rows.join('\n') + '\n');
    const r = cli(['detect', '--input', path.join(dir, 'in.csv'), '--output', path.join(dir, 'out.csv')]);
    expect(r.code).toBe(0);
    const out = readFileSync(path.join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(out[0]).toBe('timestamp,value,anomaly_score');
    expect(out).toHaveLength(601);
    const scores = out.slice(1).map((l) => Number(l.split(',')[2]));
    expect(scores.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(out[501]!.startsWith(rows[501]!.split(',')[0]!)).toBe(true);
    // The score is the alarm strength at an episode's onset and 0 elsewhere (alarm shaping); 0.28 is
    // the default detectors.robust.alarmThreshold.
    expect(scores[500]).toBe(Math.max(...scores));
    expect(scores[500]).toBeGreaterThan(0.28);
    expect(scores.slice(100, 500).filter((x) => x >= 0.28).length).toBeLessThanOrEqual(2);

    writeFileSync(path.join(dir, 'bad.csv'), 'timestamp,value\n2026-01-01 00:00:00,12\n2026-01-01 00:05:00,abc\n');
    const bad = cli(['detect', '--input', path.join(dir, 'bad.csv'), '--output', path.join(dir, 'o2.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/line 3: value "abc" is not a number/);
    expect(cli(['detect', '--input']).err).toMatch(/--input needs a value/);
  });

  it('detect --metric holds a series to that metric’s minimum change, as the pipeline does', () => {
    const dir = tempDir();
    const rows = ['timestamp,value'];
    // A near-flat disk at 60 % with a 0.3-point bump: a record for the statistics, nothing to an operator.
    for (let i = 0; i < 1500; i++)
      rows.push(`${Date.UTC(2026, 0, 1) + i * 30_000},${(60 + (i >= 1200 && i < 1210 ? 0.3 : 0) + ((i * 37) % 11) / 500).toFixed(3)}`);
    writeFileSync(path.join(dir, 'in.csv'), rows.join('\n') + '\n');
    const bumpAlarms = (extra: string[]) => {
      expect(cli(['detect', '--input', path.join(dir, 'in.csv'), '--output', path.join(dir, 'out.csv'), ...extra]).code).toBe(0);
      const scores = readFileSync(path.join(dir, 'out.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[2]));
      return scores.slice(1200, 1210).filter((x) => x >= 0.28).length;
    };
    expect(bumpAlarms([])).toBeGreaterThan(0);
    expect(bumpAlarms(['--metric', 'disk'])).toBe(0);
  });

  it('serve answers on the side port and exits 0 on SIGTERM after the running tick', async () => {
    const data = tempDir();
    const { child, log, exited, ready } = serve({ SCO_DATA_DIR: data, SCO_HTTP_PORT: '0' });
    try {
      const base = await ready(50_000);
      // A manual tick must not run against the live service's data dir.
      const clash = cli(['tick'], { SCO_DATA_DIR: data });
      expect(clash.code).toBe(1);
      expect(clash.err).toMatch(/is in use by process \d+/);
      const health = (await (await fetch(`${base}/health`)).json()) as { components: { store: { ok: boolean } } };
      expect(health.components.store.ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(log()).toMatch(/"msg":"stopped"/);
    const s = cli(['status', '--json'], { SCO_DATA_DIR: data });
    expect(JSON.parse(s.out).targets.length).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('serve reloads its config on SIGHUP, refuses one that does not load, and keeps serving either way', async () => {
    const data = tempDir();
    const file = path.join(tempDir('sco-reload-'), 'reload.json');
    const calm = JSON.parse(readFileSync(CALM, 'utf8')) as { thresholds: { metric: string; above: number }[] };
    writeFileSync(file, JSON.stringify(calm));
    const { child, log, exited, ready } = serve({ SCO_DATA_DIR: data, SCO_HTTP_PORT: '0', SCO_CONFIG: file });
    const waitLog = async (re: RegExp, ms = 30_000) => {
      const t = Date.now();
      while (!re.test(log())) {
        if (Date.now() - t > ms) throw new Error(`no ${re} in:\n${log().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await ready(50_000);
      const cpu = calm.thresholds.find((t) => t.metric === 'cpu')!;
      writeFileSync(file, JSON.stringify({ ...calm, thresholds: calm.thresholds.map((t) => (t === cpu ? { ...t, above: 77 } : t)) }));
      child.kill('SIGHUP');
      await waitLog(/"msg":"config reloaded"/);
      expect(log()).toMatch(new RegExp(`"changes":\\[[^\\]]*thresholds\\[cpu\\]\\.above: ${cpu.above} → 77`));
      // A second side port came up on the new config (port 0: a fresh one) and is ready.
      await waitLog(/side port listening[\s\S]*side port listening/);
      const base = [...log().matchAll(/"address":"(http:\/\/127\.0\.0\.1:\d+)","msg":"side port listening"/g)].at(-1)![1]!;
      await waitFor(`${base}/ready`, 30_000);
      const ask = async (question: string) => (await askApi(base, question)).reply;
      expect(await ask('what is the cpu threshold?')).toMatch(/CPU above 77\.0%/);
      expect(await ask('when were you last restarted?')).toMatch(/my config was last reloaded at /);

      // A config that does not load: refused, and the running one carries on.
      writeFileSync(file, JSON.stringify({ ...calm, thresholdz: [] }));
      child.kill('SIGHUP');
      await waitLog(/"msg":"config reload refused: the running config carries on"/);
      expect(log()).toMatch(/thresholdz/);
      expect((await fetch(`${base}/health`)).ok).toBe(true);
      expect(await ask('what is the cpu threshold?')).toMatch(/CPU above 77\.0%/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);

  it('serve carries on past a gateway event the Discord libraries cannot read, and counts what nothing handled', async () => {
    const discord = await startFakeDiscord();
    const { child, log, exited, ready } = serve({
      SCO_DATA_DIR: tempDir(),
      SCO_HTTP_PORT: '0',
      DISCORD_TOKEN: 'fake.bot.token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.api,
    });
    try {
      const base = await ready(40_000);
      await expect.poll(() => discord.identifies, { timeout: 15_000 }).toBeGreaterThan(0);
      const health = async () =>
        ((await (await fetch(`${base}/health`)).json()) as { components: Record<string, { state?: string }> }).components.chat_discord
          ?.state;
      await expect.poll(health, { timeout: 15_000 }).toBe('ready');
      // discord.js throws on these inside @discordjs/ws's async message handler: the adapter's guard drops the first,
      discord.dispatch('INTERACTION_CREATE', null);
      // and @discordjs/ws reads READY's session before any listener of ours runs: only the backstop is left.
      discord.dispatch('READY', null);
      await expect.poll(log, { timeout: 5000 }).toMatch(/"msg":"unhandled promise rejection; carrying on"/);
      expect(log()).toMatch(/"msg":"discord gateway event could not be read; dropped"/);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^sco_unhandled_rejections_total 1$/m);
      const { token } = discord.command('status', []);
      await expect.poll(() => discord.edits(token).length, { timeout: 10_000 }).toBe(1);
    } finally {
      child.kill('SIGTERM');
      await discord.close();
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('export anomalies gives CSV or JSON of a backfilled store, and backup copies it, checked, without overwriting', () => {
    const data = tempDir();
    expect(cli(['tick'], { SCO_DATA_DIR: data }).code).toBe(0);
    const env = { SCO_DATA_DIR: data };
    const csv = cli(['export', 'anomalies', '--since', '30h'], env);
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,target,metric,feature,detector,severity,status,start,end,duration_s,peak,last_observed,expected_low,expected_high,score,summary,acked_by,acked_at',
    );
    // The replayed day holds anomalies; each row starts with its id and is oldest first.
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.slice(1).every((l) => /^an_\w+,/.test(l))).toBe(true);
    const starts = lines.slice(1).map((l) => /,(\d{4}-\d\d-\d\dT[\d:.]+Z),/.exec(l)![1]!);
    expect([...starts].sort()).toEqual(starts);
    const json = JSON.parse(cli(['export', 'anomalies', '--since', '30h', '--format', 'json', '--target', 'web-1'], env).out);
    expect(json.anomalies.length).toBeGreaterThan(0);
    expect(json.anomalies.every((a: { target: string }) => a.target === 'web-1')).toBe(true);
    expect(json.count).toBe(json.anomalies.length);
    const bad = cli(['export', 'anomalies', '--since', 'last tuesday'], env);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/since: "last tuesday" is not a time/)]);

    const file = path.join(tempDir('sco-backup-'), 'copy.db');
    const b = cli(['backup', file], env);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(new RegExp(`^backed up .* to ${file}: \\d+ pages, schema \\d+, \\d+ anomalies, \\d+ proposals; checked ok\\.`));
    // The copy is a store of its own: export reads the same anomalies from it.
    const fromCopy = cli(['export', 'anomalies', '--since', '30h'], { SCO_DATA_DIR: path.dirname(file) });
    expect(fromCopy.code).toBe(2);
    renameSync(file, path.join(path.dirname(file), 'smartcloudops.db'));
    expect(cli(['export', 'anomalies', '--since', '30h'], { SCO_DATA_DIR: path.dirname(file) }).out).toBe(csv.out);
    writeFileSync(file, 'keep me');
    const again = cli(['backup', file], env);
    expect([again.code, again.err]).toEqual([2, expect.stringMatching(/exists; name a new file/)]);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('restore puts a checked backup in place, keeps the store it replaces, and refuses a bad file or a running serve', () => {
    const data = tempDir();
    const env = { SCO_DATA_DIR: data };
    expect(cli(['tick'], env).code).toBe(0);
    const copy = path.join(tempDir('sco-restore-'), 'copy.db');
    expect(cli(['backup', copy], env).out).toContain(`To restore: stop serve, then \`smartcloudops restore ${copy}\`.`);
    const before = cli(['export', 'anomalies', '--since', '30h'], env).out;
    const lastTick = () => JSON.stringify((JSON.parse(cli(['status', '--json'], env).out) as { lastTick: unknown }).lastTick);
    const copied = lastTick();
    // A second tick changes the store; restoring brings back the copy's.
    expect(cli(['tick'], env).code).toBe(0);
    expect(lastTick()).not.toBe(copied);
    const junk = path.join(path.dirname(copy), 'junk.db');
    writeFileSync(junk, 'not a database at all, just text');
    const bad = cli(['restore', junk], env);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/cannot be restored: /)]);
    // While serve holds the data dir (a live process's pid in its lock), nothing is touched.
    writeFileSync(path.join(data, 'smartcloudops.pid'), String(process.pid));
    const busy = cli(['restore', copy], env);
    expect([busy.code, busy.err]).toEqual([1, expect.stringMatching(/is in use by process/)]);
    rmSync(path.join(data, 'smartcloudops.pid'));
    const ok = cli(['restore', copy], env);
    expect(ok.code).toBe(0);
    const kept = /kept as (\S+)\./.exec(ok.out)![1]!;
    expect(existsSync(kept)).toBe(true);
    expect(cli(['export', 'anomalies', '--since', '30h'], env).out).toBe(before);
    expect(lastTick()).toBe(copied);
    // Eleven CLI runs, each starting Node and tsx: about 22 s alone, more beside a busy suite.
  }, 90_000);

  it('unknown commands exit 2 with help', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "frobnicate"/);
    expect(r.err).toMatch(/config check/);
  });
});
