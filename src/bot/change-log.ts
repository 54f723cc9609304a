import { actorIs } from './actor-name.js';
import type { ChatReply, ChatUser } from '../core/chat.js';
import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';
import { hashString } from '../core/random.js';
import type { AnswerContext } from './answer-intent.js';
import { spanBounds } from './answer-metric-span.js';
import { clock, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration, plural } from './text-tools.js';
import { tally } from './tally.js';

/** The record kind of a change people said they made. */
export const CHANGE = 'change';
/** How long before an anomaly a change is set beside it: a deploy an hour earlier is still a suspect. */
export const CHANGE_BEFORE_MS = 60 * 60_000;
const SHOWN = 10;
/** An alert's field holds up to three changes, and Discord's field 1,024 characters. */
const clip = (t: string) => (t.length > 120 ? `${t.slice(0, 119)}…` : t);

export interface ChangeEntry {
  id: string;
  ts: number;
  /** The targets it was said of; empty for the whole fleet. */
  targets: string[];
  text: string;
  actor: string;
}

type Recorder = ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;

/**
 * "Deployed v2.3 to api-1": records it (kind `change`, in the store, the daily records file and S3)
 * so the anomalies after it are read beside it: their alert, "explain" and "recent changes" name it.
 */
export function recordChange(
  i: Extract<Intent, { kind: 'change' }>,
  user: ChatUser,
  now: number,
  record: Recorder,
  store?: Pick<Store, 'recordsBetween'>,
): ChatReply {
  const intent = 'change';
  if (i.withdraw) return withdrawChange(i.withdraw, user, now, record, store);
  if (!i.text)
    return { text: 'What changed? Say it after a colon: "change on db-1: raised max_connections to 200".', intent, private: true };
  if (!record) return { text: 'Changes are not recorded here.', intent, private: true };
  // "… 20 min ago", "… at 09:30": recorded at that time, within the last day; a time ahead is no change yet.
  const at = i.span ? spanBounds(i.span, { now, staleAfterMs: 0 }).at : undefined;
  if (at !== undefined && (at > now || at < now - 86_400_000))
    return {
      text: `Nothing recorded: ${stamp(at)} is ${at > now ? 'still ahead' : 'more than a day ago'}. Say a change when it is done, or up to a day after ("… 20 min ago", "… at 09:30").`,
      intent,
      private: true,
    };
  const ts = at ?? now;
  const actor = `${user.platform}:${user.id}`;
  const id = `ch_${hashString(`${actor}/${i.text}/${now}`, 7).toString(36)}`;
  record(CHANGE, ts, { id, targets: i.targets, text: i.text, actor });
  const on = i.targets.length ? `on ${i.targets.join(', ')}` : 'fleet-wide (name a target to narrow it)';
  const where = i.targets.length ? 'there' : 'anywhere';
  return {
    text: `Recorded change ${id} ${on} at ${stamp(ts)} by ${actor}: "${i.text}". Alerts that open ${where} within ${formatDuration(CHANGE_BEFORE_MS)} will name it, as will "explain an_…"; "recent changes" lists it.`,
    intent,
  };
}

/** The record of a change taken back; the change's own record stays, for the audit. */
export const CHANGE_WITHDRAWN = 'change_withdrawn';
/** How far back a change can be found to withdraw: records are kept 30 days by default. */
const FIND_MS = 30 * 86_400_000;

function withdrawChange(
  id: string,
  user: ChatUser,
  now: number,
  record: Recorder,
  store: Pick<Store, 'recordsBetween'> | undefined,
): ChatReply {
  const intent = 'change';
  if (!record || !store) return { text: 'Changes are not recorded here.', intent, private: true };
  const found = changesBetween(store, now - FIND_MS, now).find((e) => e.id === id);
  if (!found)
    return {
      text: `No change ${id} is recorded (in the last 30 days, and not withdrawn); "recent changes" lists them.`,
      intent,
      private: true,
    };
  const actor = `${user.platform}:${user.id}`;
  record(CHANGE_WITHDRAWN, now, { id, actor });
  return {
    text: `Withdrew change ${id} ("${found.text}") by ${actor}: alerts, "explain" and "recent changes" no longer name it; its record stays.`,
    intent,
  };
}

function entryOf(r: { ts: number; data: Record<string, unknown> }): ChangeEntry | undefined {
  const d = r.data;
  if (typeof d.id !== 'string' || typeof d.text !== 'string') return undefined;
  const targets = Array.isArray(d.targets) ? d.targets.filter((t): t is string => typeof t === 'string') : [];
  return { id: d.id, ts: r.ts, targets, text: d.text, actor: typeof d.actor === 'string' ? d.actor : 'someone' };
}

/** Changes recorded in [from, until] said of any of `targets` or of the whole fleet (all when `targets` is undefined), oldest first. */
export function changesBetween(
  store: Pick<Store, 'recordsBetween'>,
  from: number,
  until: number,
  targets?: readonly string[],
): ChangeEntry[] {
  // Withdrawn after the window, still withdrawn: read to the end of time.
  const withdrawn = new Set(store.recordsBetween(from, Number.MAX_SAFE_INTEGER, [CHANGE_WITHDRAWN], 1000).map((r) => r.data.id));
  return store
    .recordsBetween(from, until, [CHANGE], 1000)
    .map(entryOf)
    .filter((e): e is ChangeEntry => e !== undefined && !withdrawn.has(e.id))
    .filter((e) => !targets || e.targets.length === 0 || e.targets.some((t) => targets.includes(t)));
}

// What a deploy is said as: a release, a rollout or back, a version ("deployed v2.5", "rolled back api to v2.4").
const DEPLOY_LIKE = /\b(?:deploy\w*|releas\w*|roll(?:ed|ing)?\s*(?:out|back)|rollback|ship(?:ped|ping)?|upgrad\w*|v\d+(?:\.\d+)*)\b/i;

/** The latest change recorded in the last 30 days on any of `targets` or fleet-wide (any, when undefined); `deploy`: of those said as a deploy. */
export const latestChange = (
  store: Pick<Store, 'recordsBetween'>,
  now: number,
  targets?: readonly string[],
  deploy = false,
): ChangeEntry | undefined =>
  changesBetween(store, now - 30 * 86_400_000, now, targets)
    .filter((e) => !deploy || DEPLOY_LIKE.test(e.text))
    .at(-1);

/** "No change is recorded on api-1 in the last 30 days, …": what to do when there is none to read from. */
export const noChangeRecorded = (targets?: readonly string[]): string =>
  `No change is recorded${targets ? ` on ${targets.join(', ')}` : ''} in the last 30 days, so I cannot tell when it was. Say one as it happens ("deployed v2.3 to api-1"), or ask from a time ("alerts since 14:00").`;

export const describeChange = (e: ChangeEntry) =>
  `${e.id} ${stamp(e.ts)}${e.targets.length ? ` ${e.targets.join(', ')}` : ' fleet-wide'}: "${e.text}" (${e.actor})`;

/** The changes in the hour before an anomaly (or an alert's first), latest first, for its alert and "explain": undefined when none. */
export function changedBefore(
  store: Pick<Store, 'recordsBetween'>,
  anomalies: readonly Pick<Anomaly, 'target' | 'startTs'>[],
): string | undefined {
  if (!anomalies.length) return undefined;
  const start = Math.min(...anomalies.map((a) => a.startTs));
  const near = changesBetween(store, start - CHANGE_BEFORE_MS, start, [...new Set(anomalies.map((a) => a.target))]).reverse();
  if (!near.length) return undefined;
  const shown = near
    .slice(0, 3)
    .map(
      (e) =>
        `"${clip(e.text)}"${e.targets.length ? ` on ${e.targets.join(', ')}` : ''} ${formatDuration(start - e.ts)} before (${e.id}, ${e.actor})`,
    );
  return `${shown.join('; ')}${near.length > 3 ? `, and ${near.length - 3} more` : ''}`;
}

/** "Recent changes", "what was deployed on api-1 today?": the changes recorded then, latest first (the last 7 days when no time is said). */
export function answerChanges(i: Extract<Intent, { kind: 'changes' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const b = spanBounds(i.span ?? { kind: 'last', ms: 7 * 86_400_000 }, c);
  if (b.ahead) return b.ahead;
  const targets = i.target ? [i.target] : i.group;
  const list = changesBetween(c.store, b.from, Math.min(b.until, c.now), targets)
    .filter((e) => !i.by || actorIs(e.actor, i.by, c.onCall?.actorsNamed(i.by)))
    .reverse();
  const scope = `${targets ? ` on ${targets.join(', ')}` : ''}${i.by ? ` by ${i.by}` : ''}`;
  const how =
    'Say one as done ("deployed v2.3 to api-1", "change on db-1: raised max_connections"), or POST it to /api/query from a deploy job.';
  if (!list.length) return [`No changes recorded${scope} ${b.label}.`, how].join('\n');
  return [
    `Changes recorded${scope} ${b.label}: ${list.length}${list.length > SHOWN ? `; the last ${SHOWN}` : ''}:`,
    ...list.slice(0, SHOWN).map((e) => `• ${describeChange(e)}`),
    'Config changes are answered by "what changed in the config?".',
  ].join('\n');
}

/**
 * A digest's line: the changes recorded in its window (on its target), latest first. None is said:
 * "what changed in the last hour?" is a digest, and an empty change log is part of its answer.
 */
export function changesLine(store: Pick<Store, 'recordsBetween'>, from: number, until: number, target?: string): string[] {
  const list = changesBetween(store, from, until, target ? [target] : undefined).reverse();
  if (!list.length) return ['No changes recorded then ("recent changes" lists them; say "deployed v2.3 to api-1" to record one).'];
  const shown = list
    .slice(0, 3)
    .map(
      (e) =>
        `"${e.text}"${e.targets.length ? ` on ${e.targets.join(', ')}` : ''} at ${until - from > 86_400_000 ? stamp(e.ts) : `${stamp(e.ts).slice(11, 16)} UTC`} (${e.id})`,
    );
  return [`Changes recorded then: ${list.length}: ${shown.join('; ')}${list.length > 3 ? '; "recent changes" lists the rest' : ''}.`];
}

type AnomaliesAsked = Extract<Intent, { kind: 'anomalies' }>;

/**
 * "What happened after the deploy?": the anomalies since the latest change recorded on the target
 * asked (or anywhere), under a line that says which change; none recorded is said, not guessed.
 */
export function sinceChange(i: AnomaliesAsked, c: AnswerContext, list: (i: AnomaliesAsked, c: AnswerContext) => string): string {
  const targets = i.target ? [i.target] : i.group;
  const last = latestChange(c.store, c.now, targets, i.afterChange === 'deploy');
  if (!last) return noChangeRecorded(targets);
  const { afterChange: _, ...rest } = i;
  // "Did the deploy break anything?" with no host named: the hosts it was said of; the rest counted after (decision 0072).
  const own = i.blame && !targets && last.targets.length ? last.targets : undefined;
  const scope = own ? (own.length === 1 ? { target: own[0]! } : { group: own }) : {};
  const elsewhere = own ? c.store.recentAnomalies(5000, last.ts, c.now).filter((a) => !own.includes(a.target)) : [];
  return [
    `After the latest ${i.afterChange === 'deploy' ? 'deploy' : 'change'}, ${describeChange(last)}:`,
    list({ ...rest, ...scope, span: { kind: 'at', agoMs: c.now - last.ts } }, c),
    ...(elsewhere.length
      ? [
          `Elsewhere since then, on hosts it was not said of: ${plural(elsewhere.length, 'anomaly', 'anomalies')} (${tally(elsewhere, (a) => a.target, { max: 3 })}); "anomalies since ${clock(last.ts)}" lists them.`,
        ]
      : []),
  ].join('\n');
}
