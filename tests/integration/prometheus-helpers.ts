import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, requireBinary, waitFor } from '../helpers/net.js';

export { freePort, requireBinary, startServer, waitFor } from '../helpers/net.js';

export const tempDirFor = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

/** Debian's Prometheus on a free port with `configYaml`, its TSDB in `dir`/data (which may hold blocks already). */
export async function startPrometheus(dir: string, configYaml: string): Promise<{ url: string; stop(): void }> {
  const bin = requireBinary('prometheus', 'prometheus');
  writeFileSync(path.join(dir, 'prometheus.yml'), configYaml);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(
    bin,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  await waitFor(`${url}/-/ready`, 30_000);
  return { url, stop: () => void proc.kill('SIGTERM') };
}
