import type { Logger } from '../core/ports.js';

/**
 * The last line behind the chat adapters' own input guards. Node ends the process on a promise
 * rejection that nothing handles; the chat SDKs read network frames in async listeners, so a frame
 * they cannot read would take down the pipeline and every other adapter with it, and a frame that
 * recurs would keep it down across restarts. The rejection is logged at error level and counted
 * instead. Synchronous uncaught exceptions keep Node's default (exit): they leave state unknown.
 */
export function installRejectionBackstop(proc: Pick<NodeJS.Process, 'on'>, logger: Logger, count: () => void): void {
  proc.on('unhandledRejection', (reason: unknown) => {
    count();
    logger.error({ err: reason instanceof Error ? reason : new Error(String(reason)) }, 'unhandled promise rejection; carrying on');
  });
}
