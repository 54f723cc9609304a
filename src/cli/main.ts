import { rotationsOf } from '../config/on-call-schema.js';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { createReloader } from './reloader.js';
import { createApp } from '../app.js';
import { ConfigError, InputError, ScoError, errorMessage } from '../core/errors.js';
import { loadConfig, type Config } from '../config/load-config.js';
import { configTargets } from '../create-sources.js';
import { createLogger } from '../observability/logger.js';
import { createSeriesScorer } from '../pipeline/detect/series-scorer.js';
import { intervalMsOf } from '../pipeline/scheduler.js';
import { buildStatus } from '../status/build-status.js';
import { createSloBoard } from '../status/slo-board.js';
import { renderStatusText } from '../status/render-status-text.js';
import { lockDataDir } from '../store/data-dir-lock.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import { parseSeriesCsv, timestampMs } from './csv.js';
import { createProgressBar } from './progress-bar.js';
import { installRejectionBackstop } from './rejection-backstop.js';
import { routeQueryOf } from './routes-command.js';
import { withCliChat } from './cli-chat.js';
import { namedRoutes } from '../bot/daily-digest.js';
import { VERSION } from '../observability/version.js';
import { renderRoutes, renderRouteTest } from '../bot/describe-routes.js';
import { tuneHeap } from './tune-heap.js';
import { matchWarnings } from './match-warnings.js';
import { sloWarnings } from './slo-warnings.js';
import { flag } from './cli-flags.js';
import { backupCommand, exportCommand, restoreCommand } from './data-commands.js';

const HELP = `smartcloudops — ChatOps for cloud hosts

usage: smartcloudops <command> [options]

commands:
  serve                      run the service (pipeline, side port, chat) — the default
  tick                       run one pipeline pass and print a JSON summary
  status [--json]            what /status shows, read from the store
  detect --input F.csv --output G.csv [--metric cpu]
                             score a timestamp,value CSV online; writes timestamp,value,anomaly_score
  ask "<question>"           answer a question from the data dir's store, as chat would
  digest [--week] [--route <name>]  print the digest of the last 24 h, or 7 days (chat.digest posts it); --route: one route's own
  export anomalies|remediations [--since 7d] [--until T] [--target T] [--format csv|json] [--out F]
                             the anomalies overlapping that time (default the last 24 h), with who acked each, or the
                             remediations proposed then, with who decided and what came of it; CSV or JSON
  backup <file>              a consistent copy of the store, safe while serve runs (SQLite's online backup), checked after
  restore <file>             replace the store with a checked backup, serve stopped; the old store is kept beside it
  live-check                 AWS_LIVE=1: check the real Prometheus, Grafana, node_exporters, CloudWatch and S3
                             (npm run test:live; env PROMETHEUS_URL, GRAFANA_URL, SCO_S3_BUCKET)
  discord register [--guild <id>]
                             register the /ops slash command (guild: instant; global: up to an hour)
  infra prometheus-sd [--out DIR] [--check]
                             write Prometheus file_sd targets from the targets file (default infra/prometheus/file_sd);
                             --check only reports whether the file is up to date (exit 1 when not)
  config check               validate the configuration; non-zero exit listing every problem
  config routes [--target T [--metric M] [--detector D] [--severity S] [--at TIME]]
                             print the alert routes, or where an alert with those facts would go
  version                    print the version
  help                       this text

environment: SCO_CONFIG, SCO_DATA_DIR, SCO_HTTP_HOST, SCO_HTTP_PORT, SCO_LOG_LEVEL (see docs/configuration.md)`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function config(io: CliIO): Config {
  return loadConfig({ env: io.env, cwd: io.cwd });
}

async function serve(io: CliIO): Promise<number> {
  const cfg = config(io);
  tuneHeap(cfg.heapGrowthPercent);
  const unlock = lockDataDir(cfg.dataDir);
  process.on('exit', unlock);
  const logger = createLogger({ level: cfg.logLevel, dataDir: cfg.dataDir, keepDays: cfg.retention.recordsDays });
  // A misspelt role in a route or an inhibit rule never errs; it never matches either.
  const build = (c: Config) => {
    for (const w of matchWarnings(c, configTargets(c))) logger.warn({ match: w }, 'a match in chat names no configured target');
    for (const w of sloWarnings(c, configTargets(c))) logger.warn({ slo: w }, 'an SLO judges less than it says');
    return createApp({ config: c, logger, cwd: io.cwd });
  };
  const reloader = createReloader({ load: () => config(io), build, logger, running: { app: build(cfg), config: cfg } });
  installRejectionBackstop(process, logger, () => reloader.current().app.metrics.unhandledRejections.inc());
  let stopping: Promise<void> | undefined;
  // One at a time: a SIGTERM during a reload stops whichever app the reload leaves running.
  let reloading: Promise<unknown> = Promise.resolve();
  const stop = (signal: string) => {
    if (stopping) return;
    logger.info({ signal }, 'stopping: waiting for the running tick');
    stopping = reloading
      .then(() => reloader.current().app.stop())
      .then(
        () => {
          logger.info({}, 'stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err }, 'stop failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    if (stopping) return;
    logger.info({ signal: 'SIGHUP' }, 'reloading the config');
    reloading = reloading.then(() =>
      reloader.reload().catch((err: unknown) => {
        logger.error({ err }, 'neither the reloaded config nor the one that ran would start; exiting');
        process.exit(1);
      }),
    );
  });
  await reloader.current().app.start();
  return -1; // keep running
}

async function tick(io: CliIO): Promise<number> {
  const cfg = config(io);
  const unlock = lockDataDir(cfg.dataDir);
  try {
    const logger = createLogger({ level: io.env.SCO_LOG_LEVEL ?? 'warn', destination: process.stderr });
    const app = createApp({ config: { ...cfg, http: { ...cfg.http, port: 0 } }, logger, cwd: io.cwd });
    try {
      await app.start({ schedule: false, oneOff: true });
      const summary = app.store.getKv('pipeline:last_tick');
      io.out(JSON.stringify(summary ? JSON.parse(summary) : {}, null, 2));
    } finally {
      await app.stop();
    }
  } finally {
    unlock();
  }
  return 0;
}

function status(io: CliIO, args: string[]): number {
  const cfg = config(io);
  const store = createSqliteStore(path.join(cfg.dataDir, 'smartcloudops.db'));
  try {
    const targets = configTargets(cfg);
    const slos = createSloBoard({ store, slos: cfg.slos, targets: () => targets, now: () => Date.now() }).status();
    const doc = { ...buildStatus(store, targets, Date.now(), 3 * intervalMsOf(cfg.schedule)), slos };
    io.out(args.includes('--json') ? JSON.stringify(doc, null, 2) : renderStatusText(doc));
  } finally {
    store.close();
  }
  return 0;
}

function detect(io: CliIO, args: string[]): number {
  const input = flag(args, '--input');
  const output = flag(args, '--output');
  if (!input || !output) throw new InputError('detect needs --input F.csv and --output G.csv');
  const cfg = config(io);
  const rows = parseSeriesCsv(readFileSync(path.resolve(io.cwd, input), 'utf8'));
  const score = createSeriesScorer(cfg, flag(args, '--metric'));
  const bar = createProgressBar(process.stderr, rows.length, `scoring ${path.basename(input)}`);
  const out: string[] = ['timestamp,value,anomaly_score'];
  rows.forEach((r, i) => {
    out.push(`${r.timestamp},${r.rawValue},${score(r.value, timestampMs(r.timestamp)).toFixed(6)}`);
    if (i % 256 === 0) bar.update(i);
  });
  bar.done();
  writeFileSync(path.resolve(io.cwd, output), out.join('\n') + '\n');
  return 0;
}

async function ask(io: CliIO, args: string[]): Promise<number> {
  const question = args.join(' ').trim();
  if (!question) throw new InputError('usage: smartcloudops ask "<question>"');
  return withCliChat(config(io), async (chat) => {
    const user = { platform: 'cli' as const, id: os.userInfo().username, roles: [] };
    const reply = await chat.handle({ kind: 'text', platform: 'cli', user, channel: 'cli', text: question, source: 'cli' });
    io.out(reply.text);
    return reply.intent === 'bad_input' ? 2 : 0;
  });
}

/** The daily (or `--week`) digest's text now, for a cron that mails it: `smartcloudops digest | mail -s digest ops@…`. */
async function digest(io: CliIO, args: string[]): Promise<number> {
  const name = args.includes('--route') ? flag(args, '--route') : undefined;
  const unknown = args.filter((a, i) => a !== '--week' && a !== '--route' && args[i - 1] !== '--route');
  if (unknown.length) throw new InputError(`usage: smartcloudops digest [--week] [--route <name>] (not ${unknown.join(' ')})`);
  const days = args.includes('--week') ? 7 : 1;
  const cfg = config(io);
  // "--route db team": that route's digest, as chat.digest.routes posts it (a route without a name is "route N").
  const routes = namedRoutes(cfg.chat.routes);
  const route = name === undefined ? undefined : routes.find((r) => r.name === name);
  if (name !== undefined && !route)
    throw new InputError(`no route "${name}" in chat.routes (routes: ${routes.map((r) => r.name).join(', ') || 'none'})`);
  return withCliChat(cfg, async (chat) => (io.out(chat.digest(Date.now(), days, route)), 0));
}

async function discordRegister(io: CliIO, args: string[]): Promise<number> {
  const cfg = config(io);
  if (!cfg.discord?.token || !cfg.discord.applicationId)
    throw new InputError('set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see docs/discord.md)');
  const guild = args.includes('--guild') ? flag(args, '--guild') : undefined;
  if (guild !== undefined && !/^\d{5,25}$/.test(guild)) throw new InputError('--guild takes a numeric guild id');
  const { REST, Routes } = await import('discord.js');
  const { opsCommand } = await import('../bot/discord/discord-commands.js');
  const rest = new REST(cfg.discord.apiUrl ? { api: cfg.discord.apiUrl } : {}).setToken(cfg.discord.token);
  const route = guild
    ? Routes.applicationGuildCommands(cfg.discord.applicationId, guild)
    : Routes.applicationCommands(cfg.discord.applicationId);
  const done = (await rest.put(route, { body: [opsCommand(cfg.chat.discord.command)] })) as { id: string; name: string }[];
  io.out(`registered ${done.map((c) => `/${c.name} (${c.id})`).join(', ')} ${guild ? `in guild ${guild}` : 'globally'}`);
  return 0;
}

async function prometheusSd(io: CliIO, args: string[]): Promise<number> {
  const cfg = config(io);
  const out = path.resolve(io.cwd, args.includes('--out') ? flag(args, '--out')! : 'infra/prometheus/file_sd');
  const { buildNodeSd, renderSd } = await import('../infra/prometheus-sd.js');
  const { groups, problems } = buildNodeSd(cfg.targets);
  if (problems.length) {
    io.err(`cannot write file_sd:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  const { mkdirSync, existsSync } = await import('node:fs');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'node.json');
  const text = renderSd(groups);
  const same = existsSync(file) && readFileSync(file, 'utf8') === text;
  if (args.includes('--check')) {
    // CI: fail when someone edited the targets and forgot to regenerate.
    if (same) io.out(`up to date: ${path.relative(io.cwd, file) || file}`);
    else io.err(`${path.relative(io.cwd, file) || file} is out of date: run smartcloudops infra prometheus-sd`);
    return same ? 0 : 1;
  }
  if (!same) writeFileSync(file, text);
  io.out(`${same ? 'unchanged' : 'wrote'} ${path.relative(io.cwd, file) || file}: ${groups.length} node_exporter targets`);
  return 0;
}

function configCheck(io: CliIO): number {
  const cfg = config(io);
  const targets = configTargets(cfg);
  io.out(
    `config OK: ${cfg.configPath ?? 'built-in defaults'}; ${targets.length} targets; schedule "${cfg.schedule}"; ` +
      `sources: ${Object.entries(cfg.sources)
        .filter(([, s]) => typeof s === 'object' && s.enabled)
        .map(([n]) => n)
        .join(', ')}; ` +
      `${cfg.remediation.rules.length} remediation rules; ${cfg.chat.routes.length} alert routes` +
      (cfg.chat.onCall
        ? `; on call: ${rotationsOf(cfg.chat.onCall)
            .map((r) => `${r.name} (${r.members.length} member${r.members.length === 1 ? '' : 's'}, ${r.shiftHours} h shifts)`)
            .join(', ')}`
        : '') +
      (cfg.chat.dashboard ? `; dashboard: ${cfg.chat.dashboard.url}` : '') +
      (cfg.alertmanager.url && cfg.alertmanager.mirrorSilences ? `; silences mirrored to ${cfg.alertmanager.url}` : '') +
      (cfg.chat.inhibit.length ? `; ${cfg.chat.inhibit.length} inhibit rule${cfg.chat.inhibit.length === 1 ? '' : 's'}` : ''),
  );
  for (const w of matchWarnings(cfg, targets)) io.err(`warning: ${w} in the config (discovery may still add one)`);
  for (const w of sloWarnings(cfg, targets)) io.err(`warning: ${w}`);
  return 0;
}

function configRoutes(io: CliIO, args: string[]): number {
  const cfg = config(io);
  const q = routeQueryOf((name) => flag(args, name), Date.now());
  if (!q) io.out(renderRoutes(cfg.chat.routes, cfg.chat.channels, cfg.chat.muteTimes, cfg.chat.pendingFor, cfg.chat.inhibit));
  else
    io.out(
      renderRouteTest(
        cfg.chat.routes,
        cfg.chat.channels,
        q,
        configTargets(cfg).find((t) => t.name === q.target),
        cfg.chat.pendingFor,
      ),
    );
  return 0;
}

/** Returns the exit code, or -1 when the command keeps running (serve). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [cmd = 'serve', ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve':
        return await serve(io);
      case 'tick':
        return await tick(io);
      case 'status':
        return status(io, rest);
      case 'detect':
        return detect(io, rest);
      case 'ask':
        return await ask(io, rest);
      case 'digest':
        return await digest(io, rest);
      case 'export':
        return exportCommand(io, config(io), rest);
      case 'backup':
        return await backupCommand(io, config(io), rest);
      case 'restore':
        return restoreCommand(io, config(io), rest);
      case 'live-check':
        return await (await import('./live-check-command.js')).liveCheck(io, config(io));
      case 'infra':
        if (rest[0] !== 'prometheus-sd') throw new InputError('usage: smartcloudops infra prometheus-sd [--out DIR] [--check]');
        return await prometheusSd(io, rest.slice(1));
      case 'discord':
        if (rest[0] !== 'register') throw new InputError('usage: smartcloudops discord register [--guild <id>]');
        return await discordRegister(io, rest.slice(1));
      case 'config':
        if (rest[0] === 'routes') return configRoutes(io, rest.slice(1));
        if (rest[0] !== 'check') throw new InputError('usage: smartcloudops config check | config routes [--target T ...]');
        return configCheck(io);
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return 0;
      case 'version':
      case '--version':
        io.out(`smartcloudops ${VERSION}`);
        return 0;
      default:
        io.err(`unknown command "${cmd}"\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 1;
    }
    if (err instanceof ScoError && err.code === 'data_dir_locked') {
      io.err(`error: ${err.message}`);
      return 1;
    }
    if (err instanceof InputError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    io.err(`error: ${errorMessage(err)}`);
    return 1;
  }
}

export async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const code = await runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    env: process.env,
    cwd: process.cwd(),
  });
  if (code >= 0) process.exitCode = code;
}
