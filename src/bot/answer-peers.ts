import { METRIC_LABEL, formatValue } from '../core/metrics.js';
import { changeInAverage, size } from './answer-compare.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS, summarise, type Summary } from './answer-metric-span.js';
import { unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { groupValueOf } from './match-target.js';
import { answerBalance } from './answer-balance.js';

type Asked = Extract<Intent, { kind: 'peers' }>;

const HOUR = 3_600_000;

/** The median of the peers' averages: one peer far off does not make the others look odd. */
function peersAverage(xs: readonly Summary[]): Summary | undefined {
  if (!xs.length) return undefined;
  const avgs = xs.map((s) => s.avg).sort((a, z) => a - z);
  const mid = avgs.length % 2 ? avgs[(avgs.length - 1) / 2]! : (avgs[avgs.length / 2 - 1]! + avgs[avgs.length / 2]!) / 2;
  return { ...xs[0]!, avg: mid };
}

interface Gap {
  target: string;
  metric: string;
  own: Summary;
  peers: Summary;
  size: number;
}

/** Each metric of `target` over the last hour against the median of its role's other members. */
function gapsOf(target: string, peers: readonly string[], c: AnswerContext): Gap[] {
  const avg = (t: string, m: string) => summarise(c.store.series(t, m, c.now - HOUR, c.now));
  return ALL_METRICS.flatMap((metric) => {
    const own = avg(target, metric);
    const others = peersAverage(peers.map((p) => avg(p, metric)).filter((s): s is Summary => s !== undefined));
    return own && others ? [{ target, metric, own, peers: others, size: size(metric, own, others) }] : [];
  });
}

const said = (g: Gap) =>
  `${METRIC_LABEL[g.metric] ?? g.metric} ${formatValue(g.metric, g.own.avg)} against ${formatValue(g.metric, g.peers.avg)} (${changeInAverage(g.metric, g.own, g.peers)})`;

/**
 * "What's different about web-2?", "which host is the odd one out?": a target's averages over the
 * last hour against the median of the others in its role, the largest gaps first (points for a
 * share, percent otherwise); for the fleet, each role member's largest gap, ranked. A target with no
 * role, or alone in it, has no peers to differ from.
 */
export function answerPeers(i: Asked, c: AnswerContext): string {
  if (i.balance) return answerBalance(i.balance, c);
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const roleOf = (n: string) => {
    const t = c.targets.find((x) => x.name === n);
    return t ? groupValueOf(t, 'role') : undefined;
  };
  const peersOf = (n: string) =>
    c.targets.filter((t) => t.name !== n && roleOf(t.name) !== undefined && roleOf(t.name) === roleOf(n)).map((t) => t.name);
  if (i.target) {
    const role = roleOf(i.target);
    const inRole = peersOf(i.target);
    // Asked against the fleet, or alone in its role: every other target, said as such.
    const fleet = i.fleet || !inRole.length;
    const peers = fleet ? c.targets.filter((t) => t.name !== i.target).map((t) => t.name) : inRole;
    const alone =
      !i.fleet && !inRole.length
        ? `${i.target} has ${role ? `no other member in its role (${role})` : 'no role in the targets file'}, so `
        : '';
    if (!peers.length) return `${i.target} is the only target, so it has nothing to differ from.`;
    const gaps = gapsOf(i.target, peers, c).sort((a, z) => z.size - a.size);
    if (!gaps.length)
      return `No samples from ${i.target} and ${fleet ? 'the rest of the fleet' : `its peers (${peers.join(', ')})`} in the last hour to set side by side.`;
    const against = fleet
      ? `the rest of the fleet (${peers.length} targets; their median)`
      : `the other ${role} ${peers.length === 1 ? `host (${peers[0]})` : `hosts (${peers.join(', ')}; their median)`}`;
    return [
      `${alone ? `${alone}against ${against}` : `${i.target} against ${against}`}, averages over the last hour, the largest gap first:`,
      ...gaps.map((g) => `• ${said(g)}`),
      `A gap is not a fault: "is ${i.target} ${METRIC_LABEL[gaps[0]!.metric] ?? gaps[0]!.metric} unusual?" asks the detectors, which measure each series against its own history.`,
    ].join('\n');
  }
  const gaps = c.targets
    .filter((t) => peersOf(t.name).length)
    .flatMap((t) =>
      gapsOf(t.name, peersOf(t.name), c)
        .sort((a, z) => z.size - a.size)
        .slice(0, 1),
    )
    .sort((a, z) => z.size - a.size);
  if (!gaps.length) return 'No role has two members with samples in the last hour, so no host has peers to stand out from.';
  return [
    `Each host's largest gap from the others in its role (their median), averages over the last hour, the largest first:`,
    ...gaps.slice(0, 8).map((g) => `• ${g.target} (${roleOf(g.target)}): ${said(g)}`),
    'Hosts with no role, or alone in theirs, are left out.',
  ].join('\n');
}
