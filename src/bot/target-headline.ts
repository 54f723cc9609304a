import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-intent.js';
import { describeAnomaly, stamp } from './format-reply.js';
import { formatDuration, plural } from './text-tools.js';
import { latestBy, newestOf } from './latest-by-target.js';

const OPEN_SHOWN = 3;

/**
 * "web-1 (role web, env=demo): up, reporting; 1 open anomaly.", then what is open (three at most), or the last
 * one that ended in the last day when none is open.
 */
export function targetHeadline(target: string, c: AnswerContext): string {
  const state = c.store.targetStates().find((x) => x.target === target)?.state ?? 'unknown';
  const open = c.store.openAnomalies().filter((a) => a.target === target);
  const worst = open.some((a) => a.severity === 'critical') ? ' (critical)' : '';
  // "How long has web-1 been unhealthy?": since the earliest of what is open.
  const first = open.reduce((m, a) => Math.min(m, a.startTs), Infinity);
  const since = open.length ? `, ${open.length === 1 ? 'open' : 'the first'} since ${stamp(first)} (${formatDuration(c.now - first)})` : '';
  // Between its last sample and the silent-host rule firing (or for a while after a restart) a host is
  // "up" in the store but sends nothing: say so rather than "reporting".
  const lastTs = newestOf(latestBy(c.store), target);
  const quiet = state === 'up' && lastTs > 0 && c.now - lastTs > c.staleAfterMs;
  const said = quiet
    ? `NO DATA for ${formatDuration(c.now - lastTs)} (last at ${stamp(lastTs)}), not yet counted silent`
    : state === 'up'
      ? 'up, reporting'
      : state === 'silent'
        ? 'SILENT: not reporting'
        : 'state unknown';
  // "What role is db-1?", "what does web-1 run?": what the targets file says of it, beside its state.
  const ref = c.targets.find((t) => t.name === target);
  const about = [ref?.role && `role ${ref.role}`, ...Object.entries(ref?.labels ?? {}).map(([k, v]) => `${k}=${v}`)].filter(Boolean);
  const head = `${target}${about.length ? ` (${about.join(', ')})` : ''}: ${said}; ${plural(open.length, 'open anomaly', 'open anomalies')}${worst}${since}.`;
  // "Is web-1 back to normal?", "what's happening on web-1?" just after an incident: nothing is open, so say what ended.
  const ended = open.length
    ? undefined
    : c.store
        .recentAnomalies(500, c.now - 86_400_000)
        .filter((a) => a.target === target && a.endTs !== null)
        .reduce<Anomaly | undefined>((last, a) => (!last || a.endTs! > last.endTs! ? a : last), undefined);
  if (ended) return `${head}\nLast anomaly, ended ${formatDuration(c.now - ended.endTs!)} ago: ${describeAnomaly(ended, c.now)}`;
  // "Anything odd about db-1?": what is open, not only how many, most severe and newest first.
  const shown = [...open]
    .sort((x, z) => Number(z.severity === 'critical') - Number(x.severity === 'critical') || z.startTs - x.startTs)
    .slice(0, OPEN_SHOWN);
  const more = open.length > OPEN_SHOWN ? `\n…and ${open.length - OPEN_SHOWN} more ("anomalies on ${target}" lists them).` : '';
  return [head, ...shown.map((a) => `Open: ${describeAnomaly(a, c.now)}`)].join('\n') + more;
}
