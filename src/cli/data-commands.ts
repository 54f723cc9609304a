import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { exportAnomalies, exportQueryOf } from '../bot/anomaly-export.js';
import { exportRemediations } from '../bot/remediation-export.js';
import type { Config } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { lockDataDir } from '../store/data-dir-lock.js';
import { MIGRATIONS } from '../store/sqlite-schema.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import { flag } from './cli-flags.js';
import type { CliIO } from './main.js';

const dbFile = (cfg: Config) => path.join(cfg.dataDir, 'smartcloudops.db');

/** `export anomalies|remediations`: read from the data dir's store, which a running serve keeps writing (WAL allows it). */
export function exportCommand(io: CliIO, cfg: Config, args: string[]): number {
  const what = args[0];
  if (what !== 'anomalies' && what !== 'remediations')
    throw new InputError(
      'usage: smartcloudops export anomalies|remediations [--since 7d] [--until T] [--target T] [--format csv|json] [--out F]',
    );
  const rest = args.slice(1);
  const q = exportQueryOf(
    { since: flag(rest, '--since'), until: flag(rest, '--until'), target: flag(rest, '--target'), format: flag(rest, '--format') },
    Date.now(),
  );
  if (!existsSync(dbFile(cfg))) throw new InputError(`no store at ${dbFile(cfg)}: run "smartcloudops serve" first, or set SCO_DATA_DIR`);
  const store = createSqliteStore(dbFile(cfg));
  try {
    const out = (what === 'anomalies' ? exportAnomalies : exportRemediations)(store, q);
    const file = flag(rest, '--out');
    if (file) {
      writeFileSync(path.resolve(io.cwd, file), out.body);
      io.err(`${out.count} ${what} written to ${file}${out.capped ? ' (the newest only: narrow --since or --target for the rest)' : ''}`);
    } else {
      io.out(out.body.replace(/\r?\n$/, ''));
      if (out.capped) io.err('capped: the newest only; narrow --since or --target for the rest');
    }
  } finally {
    store.close();
  }
  return 0;
}

/**
 * `backup <file>`: SQLite's online backup, page by page from a read-only connection, so a running
 * serve keeps writing and the copy is one consistent moment. The copy is then opened and checked.
 */
export async function backupCommand(io: CliIO, cfg: Config, args: string[]): Promise<number> {
  const target = args[0];
  if (!target || target.startsWith('--')) throw new InputError('usage: smartcloudops backup <file>');
  const dest = path.resolve(io.cwd, target);
  if (existsSync(dest)) throw new InputError(`${dest} exists; name a new file (a backup never overwrites)`);
  if (!existsSync(dbFile(cfg))) throw new InputError(`no store at ${dbFile(cfg)}: nothing to back up`);
  if (path.resolve(dest) === path.resolve(dbFile(cfg))) throw new InputError('the backup must be another file than the store');
  mkdirSync(path.dirname(dest), { recursive: true });
  const src = new Database(dbFile(cfg), { readonly: true, fileMustExist: true });
  try {
    const r = await src.backup(dest).catch((err: unknown) => {
      // A half-written copy is no backup: leave nothing that could be restored by mistake.
      rmSync(dest, { force: true });
      throw err;
    });
    const copy = new Database(dest, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`);
      const count = (t: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
      io.out(
        `backed up ${dbFile(cfg)} to ${dest}: ${r.totalPages} pages, schema ${String(copy.pragma('user_version', { simple: true }))}, ` +
          `${count('anomalies')} anomalies, ${count('proposals')} proposals; checked ok. ` +
          `To restore: stop serve, then \`smartcloudops restore ${target}\`.`,
      );
    } finally {
      copy.close();
    }
  } finally {
    src.close();
  }
  return 0;
}

/**
 * `restore <file>`: the store replaced by a backup, with serve stopped (the data dir's lock says
 * so). The copy is checked first: a file that fails SQLite's check, is not our store, or was written
 * by a newer version is refused and nothing changes. The store that was there is kept beside it.
 */
export function restoreCommand(io: CliIO, cfg: Config, args: string[], now = Date.now()): number {
  const from = args[0];
  if (!from || from.startsWith('--')) throw new InputError('usage: smartcloudops restore <backup file>');
  const src = path.resolve(io.cwd, from);
  if (!existsSync(src)) throw new InputError(`${src} does not exist`);
  let schema: number;
  try {
    const copy = new Database(src, { readonly: true, fileMustExist: true });
    try {
      if (copy.pragma('quick_check', { simple: true }) !== 'ok') throw new Error("it fails SQLite's quick_check");
      if (!copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'anomalies'").get())
        throw new Error('it holds no anomalies table, so it is not a SmartCloudOps store');
      schema = copy.pragma('user_version', { simple: true }) as number;
    } finally {
      copy.close();
    }
  } catch (err) {
    throw new InputError(
      `${src} cannot be restored: ${(err as Error).message.replace(/^file is not a database$/, 'it is not an SQLite file')}`,
    );
  }
  if (schema > MIGRATIONS.length)
    throw new InputError(
      `${src} has schema ${schema}, newer than this version's ${MIGRATIONS.length}: restore it with the version that wrote it`,
    );
  const unlock = lockDataDir(cfg.dataDir);
  try {
    const db = dbFile(cfg);
    const kept = `${db}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(db)) {
      renameSync(db, kept);
      for (const side of ['-wal', '-shm']) if (existsSync(db + side)) renameSync(db + side, kept + side);
    }
    copyFileSync(src, db);
    io.out(
      `restored ${db} from ${src} (schema ${schema}${schema < MIGRATIONS.length ? `, upgraded to ${MIGRATIONS.length} at the next start` : ''}).` +
        (existsSync(kept) ? ` The store that was there is kept as ${kept}.` : '') +
        ' Start serve again.',
    );
  } finally {
    unlock();
  }
  return 0;
}
