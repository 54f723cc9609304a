import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export { freePort, requireBinary, startServer, waitFor } from '../helpers/net.js';

export const tempDirFor = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
