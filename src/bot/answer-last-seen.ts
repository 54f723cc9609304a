import type { AnswerContext } from './answer-intent.js';
import { stamp, table, unknownTargetReply } from './format-reply.js';
import { latestBy, newestOf } from './latest-by-target.js';
import { formatDuration } from './text-tools.js';

const DAY = 86_400_000;

/**
 * "When did web-2 last report?", "last seen db-1", "how long has web-2 been silent?": when each
 * target last sent data, whether it is silent now, and the silences of the last day. Several or no
 * targets named: a table, the longest quiet first, since that is the one being asked about.
 */
export function answerLastSeen(i: { target?: string; group?: string[]; unknownTarget?: string }, c: AnswerContext): string {
  if (i.unknownTarget && !i.target && !i.group) return unknownTargetReply(i.unknownTarget, c.targets);
  const latest = latestBy(c.store);
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  if (names.length === 0) return 'There are no targets yet.';
  const seen = names.map((n) => ({ n, ts: newestOf(latest, n), state: states.get(n) }));
  const quiet = (s: (typeof seen)[number]) => s.state === 'silent' || !s.ts || c.now - s.ts > c.staleAfterMs;
  if (names.length === 1) return oneTarget(seen[0]!, quiet(seen[0]!), c);
  seen.sort((a, z) => a.ts - z.ts || a.n.localeCompare(z.n));
  const rows = seen.map((s) => [
    s.n,
    s.state === 'silent' ? 'SILENT' : quiet(s) ? 'stale' : 'reporting',
    s.ts ? stamp(s.ts) : 'never',
    s.ts ? `${formatDuration(c.now - s.ts)} ago` : '-',
  ]);
  const silent = seen.filter(quiet).length;
  const head = silent
    ? `${silent} of ${names.length} targets not reporting (nothing in the last ${formatDuration(c.staleAfterMs)}); when each last sent data:`
    : `${names.length === 2 ? 'Both' : `All ${names.length}`} targets report; when each last sent data:`;
  return `${head}\n${table(['target', 'state', 'last data', 'ago'], rows)}`;
}

function oneTarget(s: { n: string; ts: number; state?: string }, quiet: boolean, c: AnswerContext): string {
  if (!s.ts) return `${s.n} has not sent any data yet.`;
  const ago = formatDuration(c.now - s.ts);
  const lines = [
    quiet
      ? `${s.n} last sent data at ${stamp(s.ts)}, ${ago} ago: ${s.state === 'silent' ? 'SILENT' : 'stale'}, nothing since.`
      : `${s.n} last sent data at ${stamp(s.ts)}, ${ago} ago: reporting.`,
  ];
  // The silence check's episodes say when it went quiet before, and for how long.
  const silences = c.store
    .recentAnomalies(500, c.now - DAY)
    .filter((a) => a.target === s.n && a.detector === 'silence')
    .slice(0, 3);
  for (const a of silences) {
    const gap = `longest gap ${formatDuration(a.peak * 1000)}`;
    lines.push(
      a.endTs === null
        ? `The silence check flagged it at ${stamp(a.startTs)} and it is still open (${gap} so far, ${a.id}).`
        : `The silence check flagged it at ${stamp(a.startTs)}; reporting again by ${stamp(a.endTs)} (${gap}, ${a.id}).`,
    );
  }
  if (silences.length === 0) lines.push('No silent-host anomaly in the last 24 h.');
  // Stale but not flagged: say when the silence check will count it, so "no anomaly" is not read as "fine".
  const a = c.about?.();
  if (quiet && s.state !== 'silent' && a?.silentAfterSeconds !== undefined) {
    const from = Math.max(s.ts, a.self?.startedTs ?? 0);
    const due = from + a.silentAfterSeconds * 1000;
    const restarted = from > s.ts ? ` (counted from my start at ${stamp(from)}, since I was not running for all of the gap)` : '';
    lines.push(
      due > c.now
        ? `The silence check counts it silent after ${formatDuration(a.silentAfterSeconds * 1000)} without data${restarted}: at ${stamp(due)} if nothing arrives.`
        : `The silence check is due to flag it (after ${formatDuration(a.silentAfterSeconds * 1000)} without data${restarted}); it runs each tick.`,
    );
  }
  return lines.join('\n');
}
