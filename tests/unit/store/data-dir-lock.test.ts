import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../src/store/data-dir-lock.js';
import { tempDir } from '../../helpers/test-config.js';

describe('data dir lock', () => {
  it('refuses a second live owner, takes over a stale lock, releases on unlock', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    // Our own parent process is alive and is not us.
    expect(() => lockDataDir(dir, process.ppid)).toThrow(/in use by process/);
    release();
    expect(existsSync(path.join(dir, 'smartcloudops.pid'))).toBe(false);
    writeFileSync(path.join(dir, 'smartcloudops.pid'), '999999999');
    const again = lockDataDir(dir);
    again();
  });
});
