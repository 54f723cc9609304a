import type { ChatReply } from '../core/chat.js';
import type { Intent } from './intent.js';
import { parseIntent, type TargetRef } from './parse-intent.js';
import { METRICS_OF } from './answer-metric-span.js';

/** Reads that may be asked two at a time: a figure and the alerts, the state and what waits. Never a command. */
const READS = new Set<Intent['kind']>([
  'metrics',
  'trend',
  'anomalies',
  'attention',
  'status',
  'silences',
  'pending',
  'history',
  'inventory',
  'changes',
  'routing',
]);

// "cpu on db-1, and any alerts on it?", "show disk on db-1 and open alerts", "is web-1 up? and who is on call?": a second
// question starts after "and" with a question or list word, or after a "?". "cpu and memory", "web-1 and web-2" stay one.
const JOIN =
  /(?:\s*,)?\s+(?:and also|and then|and|also|plus|as well as)\s+(?=(?:any|are there|is there|is it|is that|is anything|are any|does it|has it|what(?:'s| is| are)?|whats|how(?:'s| is)?|show|list|open|pending|who(?:'s| is)?|when|the (?:open|latest|last|recent|pending)|recent)\b)|\s*\?\s+(?:and\s+)?(?=\S)/;

// The second half asks about the first's target when it names none; "who is on call?" and "status" are never narrowed so.
const ABOUT_A_TARGET = new Set<Intent['kind']>(['metrics', 'trend', 'anomalies', 'attention', 'silences', 'pending', 'history', 'changes']);

const IT = /\b(?:it|them|that host|this host)\b/;

const subject = (i: Intent): { target?: string; group?: string[] } => {
  const x = i as { target?: string; group?: string[] };
  return { ...(x.target ? { target: x.target } : {}), ...(x.group ? { group: x.group } : {}) };
};

/**
 * "CPU on db-1 and any alerts on it?": two reads in one message, as two questions, the second about the first's
 * target when it names none ("it", or nothing). Undefined when the message is one question, either half is not a
 * read, or both halves ask the same kind of thing (the parser reads "cpu on web-1 and web-2" whole). Pure.
 */
export function splitReads(
  text: string,
  targets: TargetRef[],
  /** "Highest memory and is it growing?": the target leading that ranking now, for "it". */
  leaderOf?: (metric: string, stat: 'max' | 'min', group?: string[]) => string | undefined,
): [string, string] | undefined {
  const m = JOIN.exec(text);
  if (!m || m.index === 0) return undefined;
  const first = text.slice(0, m.index).trim();
  let second = text.slice(m.index + m[0].length).trim();
  if (!first || !second) return undefined;
  const a = parseIntent(first, targets);
  let b = parseIntent(second, targets);
  if (!READS.has(a.kind)) return undefined;
  // Only "it" points at a ranking's leader: "highest memory and any alerts?" asks about the fleet's.
  const ranked =
    a.kind === 'metrics' && !a.target && !a.span && (a.stat === 'max' || a.stat === 'min') && a.metric !== 'network' && IT.test(second);
  // "Least free disk" leads with the fullest: the free share is the used one reversed.
  const stat = a.kind === 'metrics' && (a.stat === 'max') !== Boolean(a.free) ? 'max' : 'min';
  const on = subject(a).target ?? (ranked && a.metric ? leaderOf?.(METRICS_OF[a.metric][0]!, stat, a.group) : undefined);
  // "Is it rising?" alone is no question the parser knows; with "it" as the first's target it is.
  const open = ABOUT_A_TARGET.has(b.kind) || (b.kind === 'unknown' && IT.test(second));
  if (on && open && !subject(b).target && !subject(b).group) {
    // "The disk on db-1 and is it filling up?": "it" is db-1's disk, when the second names no metric of its own.
    const metric = (a as { metric?: string }).metric;
    const noun = metric && !(b as { metric?: string }).metric && b.kind !== 'anomalies' ? `${on} ${metric}` : on;
    const said = IT.test(second) ? second.replace(IT, noun) : `${second.replace(/[?.!\s]+$/, '')} on ${on}`;
    const again = parseIntent(said, targets);
    if (subject(again).target === on && ABOUT_A_TARGET.has(again.kind) && (b.kind === 'unknown' || again.kind === b.kind))
      [second, b] = [said, again];
  }
  if (!READS.has(b.kind) || a.kind === b.kind) return undefined;
  return [first, second];
}

/** Both answers, in the order asked; the first's intent names the reply. */
export async function answerBoth(parts: readonly [string, string], ask: (text: string) => Promise<ChatReply>): Promise<ChatReply> {
  const one = await ask(parts[0]);
  const two = await ask(parts[1]);
  const messages = [...(one.messages ?? []), ...(two.messages ?? [])];
  return {
    ...one,
    text: `${one.text}\n\n${two.text}`,
    ...(messages.length ? { messages } : {}),
    ...(one.private && two.private ? { private: true } : {}),
  };
}

/** The target with the highest (or lowest) fresh latest reading of `metric`, among `group` if given. Pure. */
export function leaderNow(
  latest: ReadonlyMap<string, ReadonlyMap<string, { value: number; ts: number }>>,
  o: { metric: string; stat: 'max' | 'min'; group?: readonly string[] | undefined; now: number; staleAfterMs: number },
): string | undefined {
  let best: { target: string; value: number } | undefined;
  for (const [target, m] of latest) {
    const s = m.get(o.metric);
    if (!s || !Number.isFinite(s.value) || o.now - s.ts > o.staleAfterMs || (o.group && !o.group.includes(target))) continue;
    if (!best || (o.stat === 'max' ? s.value > best.value : s.value < best.value)) best = { target, value: s.value };
  }
  return best?.target;
}
