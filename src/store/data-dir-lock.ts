import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ScoError } from '../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per data dir: `serve` and `tick` take this lock so a manual tick cannot interleave
 * with the service's ticks or mark its running actions as interrupted. A lock left by a dead
 * process is taken over.
 */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'smartcloudops.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== pid && alive(owner)) {
        throw new ScoError(
          `data dir ${dataDir} is in use by process ${owner} (smartcloudops serve?); stop it, or use its /status, or set SCO_DATA_DIR`,
          'data_dir_locked',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new ScoError(`could not lock ${file}`, 'data_dir_locked');
}
