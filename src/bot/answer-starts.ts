import type { RecordEntry } from '../core/ports.js';
import { STARTED, type StartRecord } from '../observability/record-start.js';
import type { AnswerContext } from './answer-intent.js';
import { stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

const SHOWN = 8;
const WHO =
  "Who edited the file I can't tell: config is read at start and on a reload (SIGHUP), and `smartcloudops config check` validates an edit first.";

const DEFAULTS = 'These are the settings in effect, defaults included: a default that a new version added or changed shows here too.';

const startOf = (r: RecordEntry) => r.data as unknown as StartRecord;
const changed = (r: RecordEntry) => startOf(r).changes?.length ?? 0;
const bullets = (lines: string[]) => lines.map((l) => `• ${l}`);
/** From the last tick before a start to the start: the time nothing was watched. */
const offBefore = (r: RecordEntry) => {
  const last = startOf(r).lastTickBeforeTs;
  return typeof last === 'number' && r.ts > last ? `, after ${formatDuration(r.ts - last)} not running (last tick ${stamp(last)})` : '';
};

/**
 * "When were you last restarted?", "what changed in the config?": the starts this process recorded
 * (observability/record-start.ts), each with what its config changed since the start before.
 */
export function answerStarts(which: 'restarts' | 'config', c: AnswerContext, valid?: boolean): string {
  // "Is the config valid?": that first, then its history.
  if (valid) return `${CONFIG_VALID}\n${answerStarts(which, c)}`;
  const starts = c.store.records(200, undefined, STARTED);
  const last = starts[0];
  if (!last) return 'No start of mine is recorded yet.';
  if (which === 'restarts') {
    const process = starts.find((r) => !startOf(r).reload) ?? last;
    const week = starts.filter((r) => r.ts > c.now - 7 * 86_400_000);
    const list = week.slice(0, SHOWN).map((r) => {
      const n = changed(r);
      const what =
        startOf(r).changes === null ? 'the first recorded' : n ? `config changed: ${n} setting${n === 1 ? '' : 's'}` : 'same config';
      // A reload (SIGHUP) is the same process taking a new config: a few seconds between ticks, not a restart.
      return startOf(r).reload
        ? `${stamp(r.ts)}, a config reload (SIGHUP), ${what}`
        : `${stamp(r.ts)} (${startOf(r).version})${offBefore(r)}, ${what}`;
    });
    return [
      `I started at ${stamp(process.ts)}, ${formatDuration(Math.max(0, c.now - process.ts))} ago (SmartCloudOps ${startOf(process).version})${
        startOf(last).reload ? `; my config was last reloaded at ${stamp(last.ts)}` : ''
      }.`,
      `Starts in the last 7 days: ${week.length}${week.length > SHOWN ? `; the last ${SHOWN}` : ''}:`,
      ...bullets(list),
      'A restart by the host or the container is a start like any other; "what changed in the config?" gives what a start or a reload changed.',
    ].join('\n');
  }
  const now = startOf(last);
  if (now.changes === null)
    return [`My start at ${stamp(last.ts)} is the first one recorded: there is no earlier config to compare.`, WHO].join('\n');
  if (now.changes.length)
    return [
      `The config I started with at ${stamp(last.ts)} differs from the one before (the start at ${stamp(now.previousStartTs ?? last.ts)}):`,
      ...bullets(now.changes),
      DEFAULTS,
      WHO,
    ].join('\n');
  const lastChange = starts.find((r) => changed(r) > 0);
  const since = starts.findLast((r) => startOf(r).changes === null) ?? starts.at(-1)!;
  return [
    lastChange
      ? `The config is the same as at the start before. It last changed at the start at ${stamp(lastChange.ts)}:`
      : `The config has not changed in the ${starts.length} starts recorded since ${stamp(since.ts)}.`,
    ...(lastChange ? [...bullets(startOf(lastChange).changes!), DEFAULTS] : []),
    WHO,
  ].join('\n');
}

/** "Is the config valid?": the one running passed its check, or it would not be running. */
const CONFIG_VALID =
  'The config I run with passed validation when it loaded: one that fails is refused at start, and on a reload (SIGHUP) the running one carries on. Check an edited file with `smartcloudops config check` before reloading.';
