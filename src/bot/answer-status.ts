import { answerPriorities } from './answer-priorities.js';
import { answerWorst } from './answer-worst.js';
import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { answerStakeholderUpdate } from './answer-stakeholder-update.js';
import type { Intent } from './intent.js';
import { describeAnomaly, formatValue, stamp, table, when } from './format-reply.js';
import { latestBy, newestOf } from './latest-by-target.js';
import { groupValueOf } from './match-target.js';
import { formatDuration, plural } from './text-tools.js';

type StatusAsked = Omit<Extract<Intent, { kind: 'status' }>, 'kind'>;

/** Open anomalies listed under a group's table, at most. */
const LISTED = 5;

/** "Any hosts down?": the silent and stale targets first, or that every target reports. */
function silentLine(
  c: AnswerContext,
  targets: AnswerContext['targets'],
  latest: Map<string, Map<string, Sample>>,
  silentFor?: number,
): string {
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  // A length asked ("not reporting for 10 min"): the last sample against it alone; the heartbeat's verdict uses its own.
  const limit = silentFor ?? c.staleAfterMs;
  const quiet = targets
    .map((t) => ({ n: t.name, state: states.get(t.name), ts: newestOf(latest, t.name) }))
    .filter((t) => (t.state === 'silent' && !silentFor) || !t.ts || c.now - t.ts > limit);
  if (quiet.length === 0)
    return `Every target reports: all ${plural(targets.length, 'target')} sent data in the last ${formatDuration(limit)}.`;
  const say = (t: (typeof quiet)[number]) =>
    `${t.n} (${t.ts ? `${t.state === 'silent' ? 'SILENT' : 'stale'}, last data ${stamp(t.ts)}, ${formatDuration(c.now - t.ts)} ago` : 'no data yet'})`;
  return `Not reporting: ${quiet.map(say).join(', ')}.`;
}

/**
 * The fleet's state table: reporting state, CPU, memory, disk and open anomalies per target. Asked
 * of a group, the group's rows, what is open there and what waits for approval on it: a health
 * question about several hosts had got their figures with no word of their state.
 */
export function answerStatus(c: AnswerContext, asked: StatusAsked = {}): string {
  if (asked.update) return answerStakeholderUpdate(c, asked.group);
  if (asked.worst) return answerWorst(c, asked.group);
  if (asked.priorities) return answerPriorities(c, asked.priorities, asked.top);
  const only = asked.group ? new Set(asked.group) : undefined;
  const targets = only ? c.targets.filter((t) => only.has(t.name)) : c.targets;
  const latest = latestBy(c.store);
  const open = c.store.openAnomalies().filter((a) => !only || only.has(a.target));
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100 }).filter((p) => !only || only.has(p.target));
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const { groupBy } = asked;
  const rows = targets.map((t) => {
    const row = latest.get(t.name);
    const newest = newestOf(latest, t.name);
    const f = (m: string) => (row?.get(m) ? formatValue(m, row.get(m)!.value) : '-');
    const stale = newest && c.now - newest > c.staleAfterMs ? ' STALE' : '';
    const group = groupBy === undefined ? [] : [groupValueOf(t, groupBy) ?? '-'];
    return [
      ...group,
      t.name,
      (states.get(t.name) ?? 'unknown') + stale,
      f('cpu'),
      f('memory'),
      f('disk'),
      String(open.filter((a) => a.target === t.name).length),
    ];
  });
  const newest = only
    ? Math.max(0, ...targets.flatMap((t) => newestOf(latest, t.name) ?? []))
    : Math.max(0, ...c.store.latestSamples().map((s) => s.ts));
  const quiet = only ? silentLine(c, targets, latest, asked.silentFor) : undefined;
  const verdict =
    quiet?.startsWith('Every') && open.length === 0
      ? ` ${targets.length === 2 ? 'Both' : `All ${targets.length}`} report and nothing is open on them.`
      : '';
  return [
    ...(asked.silent ? [quiet ?? silentLine(c, c.targets, latest, asked.silentFor)] : quiet?.startsWith('Not') ? [quiet] : []),
    `${plural(targets.length, 'target')}${only ? ` (${targets.map((t) => t.name).join(', ')})` : ''}, ${plural(open.length, 'open anomaly', 'open anomalies')}, ${plural(pending.length, 'pending approval')}. Latest data ${newest ? when(newest, c.now, c.staleAfterMs) : 'none yet'}.${verdict}`,
    table(
      [...(groupBy ? [groupBy] : []), 'target', 'state', 'CPU', 'memory', 'disk', 'anomalies'],
      groupBy ? [...rows].sort((x, z) => x[0]!.localeCompare(z[0]!)) : rows,
    ),
    ...(only && open.length
      ? [
          'Open:',
          ...[...open]
            .sort((x, z) => x.startTs - z.startTs)
            .slice(0, LISTED)
            .map((a) => `• ${describeAnomaly(a, c.now)}`),
          ...(open.length > LISTED ? [`and ${open.length - LISTED} more: "anomalies open".`] : []),
        ]
      : []),
    ...(only && pending.length ? [`Waiting for approval: ${pending.map((p) => `${p.id} ${p.action} on ${p.target}`).join('; ')}.`] : []),
  ].join('\n');
}
