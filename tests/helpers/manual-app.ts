import { onTestFinished } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config/load-config.js';
import type { ChatAdapter } from '../../src/core/chat.js';
import { captureLogger, type CapturedLogger } from './test-config.js';

export interface ManualApp {
  app: App;
  logger: CapturedLogger;
  address: Awaited<ReturnType<App['start']>>;
  /** Each tick moves the clock 30 s, runs the pipeline, then pumps the outbox `pumps` times 1.1 s apart. */
  tick(n?: number, pumps?: number): Promise<void>;
  /** Delivers what chat commands queued, between ticks: the outbox pumped `pumps` times 1.1 s apart. */
  pump(pumps?: number): Promise<void>;
  advance(ms: number): number;
  now(): number;
}

/** An app on a fake clock whose ticks and outbox deliveries the test drives by hand; stopped when the test finishes. */
export async function startManualApp(config: Config, o: { startTs: number; adapters?: ChatAdapter[] }): Promise<ManualApp> {
  let t = o.startTs;
  const logger = captureLogger();
  const app = createApp({ config, logger, clock: { now: () => t } });
  for (const a of o.adapters ?? []) app.addAdapter(a);
  const address = await app.start({ schedule: false });
  // A test that restarts stops the first app itself; a second stop changes nothing.
  onTestFinished(() => app.stop().catch(() => undefined));
  await app.outbox.stop();
  return {
    app,
    logger,
    address,
    async tick(n = 1, pumps = 10) {
      for (let i = 0; i < n; i++) {
        t += 30_000;
        await app.tick();
        for (let k = 0; k < pumps; k++) {
          t += 1100;
          await app.outbox.pumpOnce();
        }
      }
    },
    async pump(pumps = 5) {
      for (let k = 0; k < pumps; k++) {
        t += 1100;
        await app.outbox.pumpOnce();
      }
    },
    advance: (ms) => (t += ms),
    now: () => t,
  };
}
