import type { App } from '../app.js';
import { configSnapshot, diffConfig, snapshotHash } from '../config/config-diff.js';
import type { Config } from '../config/load-config.js';
import type { Logger } from '../core/ports.js';

export type ReloadOutcome = 'reloaded' | 'unchanged' | 'refused' | 'rolled_back';

/**
 * SIGHUP, as Prometheus and Alertmanager take it: read the config again and, when it loads and
 * differs, stop the running app (after its tick) and start one on it. A config that does not load,
 * or that moves the data dir (this process holds its lock), is refused and the running app carries
 * on untouched; one that loads but fails to start is rolled back to the config that ran. Only a
 * failure to start the old config again is thrown: then nothing runs.
 */
export function createReloader(o: {
  load: () => Config;
  build: (config: Config) => App;
  logger: Logger;
  running: { app: App; config: Config };
}): { reload: () => Promise<ReloadOutcome>; current: () => { app: App; config: Config } } {
  let cur = o.running;
  const swap = async (config: Config): Promise<void> => {
    // Building can fail too (a source or a chat adapter refusing its settings): that is a failed start.
    let app: App | undefined;
    try {
      app = o.build(config);
      await app.start({ reload: true });
    } catch (err) {
      await app?.stop().catch(() => undefined);
      throw err;
    }
    cur = { app, config };
  };
  return {
    current: () => cur,
    async reload() {
      let next: Config;
      try {
        next = o.load();
      } catch (err) {
        o.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'config reload refused: the running config carries on');
        return 'refused';
      }
      if (next.dataDir !== cur.config.dataDir) {
        o.logger.error({ dataDir: next.dataDir }, 'config reload refused: the data dir cannot move while serve runs; restart to move it');
        return 'refused';
      }
      const [before, after] = [configSnapshot(cur.config), configSnapshot(next)];
      if (snapshotHash(before) === snapshotHash(after)) {
        o.logger.info({}, 'config reload: nothing changed');
        return 'unchanged';
      }
      const changes = diffConfig(before, after);
      const previous = cur.config;
      await cur.app.stop();
      try {
        await swap(next);
        o.logger.info({ changes }, 'config reloaded');
        return 'reloaded';
      } catch (err) {
        o.logger.error({ err, changes }, 'the reloaded config failed to start; going back to the one that ran');
        await swap(previous);
        return 'rolled_back';
      }
    },
  };
}
