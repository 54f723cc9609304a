import { formatValue } from '../core/metrics.js';
import { BUSY, capacityOf } from './answer-capacity.js';
import { answerDependents } from './answer-dependents.js';
import type { AnswerContext } from './answer-intent.js';
import { table } from './format-reply.js';
import { groupValueOf } from './match-target.js';

const WEEK = 7 * 86_400_000;

/**
 * "What if web-1 goes down?", "can we survive losing one web host?", "if api-2 fails can api-1 take
 * the load?": the lost host's CPU p95 over the last week spread evenly over the rest of its group
 * (the role, or the hosts named), added to each one's own p95. A straight-line guess, said as such:
 * CPU is taken to follow load, memory and disk are held. With no host named, the busiest is the one
 * lost (the worst case). A host alone in its role has no one to take its load: said, with what
 * depends on it.
 */
export function answerLoseOne(q: { lost?: string | undefined; group?: string[] | undefined }, c: AnswerContext): string {
  const roleOf = (n: string) => {
    const t = c.targets.find((x) => x.name === n);
    return t ? groupValueOf(t, 'role') : undefined;
  };
  const role = q.lost ? roleOf(q.lost) : undefined;
  const group =
    q.group && q.group.length > 1
      ? q.group
      : q.lost && role
        ? c.targets.filter((t) => roleOf(t.name) === role).map((t) => t.name)
        : (q.group ?? (q.lost ? [q.lost] : []));
  const { rows } = capacityOf(group, c.now - WEEK, c.now, c);
  const known = rows.filter((r) => r.cpu !== undefined);
  const lost = q.lost ? known.find((r) => r.target === q.lost) : [...known].sort((a, z) => z.cpu! - a.cpu!)[0];
  const name = q.lost ?? lost?.target;
  if (group.length < 2 && name)
    return [
      `${name} is ${role ? `the only ${role} host` : 'in no role with other hosts'}, so no other host takes its load: losing it loses what it serves.`,
      answerDependents({ kind: 'dependents', target: name }, c),
    ].join('\n');
  if (!lost || !name)
    return `No CPU samples over the last 7 d for ${group.join(', ')}, so I cannot say how the others would carry the load.`;
  const rest = known.filter((r) => r !== lost);
  if (!rest.length)
    return `No CPU samples over the last 7 d for the others (${group.filter((n) => n !== name).join(', ')}), so I cannot say how they would carry ${name}'s load.`;
  const share = lost.cpu! / rest.length;
  const after = rest.map((r) => ({ target: r.target, now: r.cpu!, then: r.cpu! + share }));
  const out = after.filter((r) => r.then >= 100).map((r) => r.target);
  const short = after.filter((r) => r.then >= BUSY.cpu && r.then < 100).map((r) => r.target);
  const verdict = out.length
    ? `out of CPU: ${out.join(', ')}`
    : short.length
      ? `short of room (CPU p95 ≥ ${BUSY.cpu}%): ${short.join(', ')}`
      : `${rest.length === 1 ? 'it stays' : 'each stays'} under ${BUSY.cpu}% CPU p95`;
  const pct = (v: number) => (v > 100 ? 'over 100%' : formatValue('cpu', v));
  return [
    `If ${name} goes down${q.lost ? '' : ' (the busiest, the worst case)'} and its load spreads evenly over the other ${rest.length === 1 ? `host (${rest[0]!.target})` : `${rest.length} hosts`}: ${verdict}.`,
    table(
      ['target', 'CPU p95 now', `CPU p95 without ${name}`],
      after.map((r) => [r.target, formatValue('cpu', r.now), pct(r.then)]),
    ),
    `A straight-line guess over the last 7 d: ${rest.length === 1 ? 'it gets' : 'each gets'} ${formatValue('cpu', share)} more CPU (${name}'s p95 ${formatValue('cpu', lost.cpu!)} shared out; p95s added, so it errs high, as peaks need not coincide); memory and disk are held as they are, and a balancer may not spread load evenly.`,
  ].join('\n');
}
