import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, requireBinary, waitFor } from './net.js';
import { tempDir } from './test-config.js';

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on a free 127.0.0.1 port with this config,
 * ready; `stop` is pushed onto `cleanups`. Under CI a missing binary fails the test (requireBinary).
 */
export async function startAlertmanager(configYaml: string, cleanups: (() => Promise<void> | void)[]): Promise<string> {
  const bin = requireBinary('prometheus-alertmanager', 'prometheus-alertmanager');
  const dir = tempDir('sco-am-');
  writeFileSync(path.join(dir, 'alertmanager.yml'), configYaml);
  const port = await freePort();
  const am = spawn(
    bin,
    [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: 'ignore' },
  );
  cleanups.push(() => void am.kill('SIGTERM'));
  await waitFor(`http://127.0.0.1:${port}/-/ready`, 30_000);
  return `http://127.0.0.1:${port}`;
}
