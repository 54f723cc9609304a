import type { Anomaly } from '../core/anomaly.js';
import { inAlertThread } from './alert-thread.js';
import type { Intent, MetricKey } from './intent.js';
import { findTimeSpan, parseStat, type TimeSpan } from './parse-time-span.js';

/** "And on web-2?", "what about memory?", "same for db-1", "how about yesterday?": said of the last question. */
const CUE =
  /^\s*(?:and(?: (?:on|for|in))?|what about|how about|same (?:for|on)|and the|also|now for|zoom (?:in|out)(?: (?:on|to))?|narrow (?:it )?(?:down )?to|go back(?= \d))\b\s*/;
// "Show me more", "the rest": the last list, longer.
const MORE =
  /^(?:(?:show|give|list|send)(?: me)? |see )?(?:more|the rest|all of them|the others|everything else|(?:the )?next page|keep going|continue)(?: (?:please|of them|results|rows|lines))?[\s?.!]*$/;
// "Just the open ones", "only the critical ones": the last anomaly list, narrowed to that state or severity.
const NARROW =
  /^(?:(?:show|give|list)(?: me)? )?(?:just|only)(?: the)? (open|ongoing|firing|resolved|closed|ended|critical|warnings?)(?: ones| alerts?| anomalies| incidents)?(?: please)?[\s?.!]*$/;
// "How does it compare to last week?", "compare that with yesterday": the last read's target and metric, compared.
const IT_COMPARED =
  /\b(?:it|that|this|they|those)\b.*\b(?:compare[sd]?|vs\.?|versus|against)\b.*\b(yesterday|last week|a week ago)\b|\bcompare (?:it|that|this|them|those) (?:to|with|against) (yesterday|last week|a week ago)\b/;

// "Over the last hour", "peak?", "yesterday?": only a time or a statistic, said of the last read.
const STAT_WORDS =
  /\b(?:peak|max|maximum|min|minimum|lowest|highest|average|avg|mean|median|p\d{1,2}|\d{1,2}(?:st|nd|rd|th) percentile|percentiles)\b/g;
const FILLER =
  /\b(?:and|so|ok|okay|then|what|about|how|over|in|during|for|the|was|is|it|its|at|of|please|show|me|give|just|same)\b|[?.!,]/g;
function fragment(said: string): boolean {
  const found = findTimeSpan(said);
  const span = found && 'span' in found ? found : undefined;
  if (!span && !parseStat(said)) return false;
  return (span ? said.replace(span.match, ' ') : said).replace(STAT_WORDS, ' ').replace(FILLER, ' ').trim() === '';
}
// "Graph it", "chart that", "trend?": the last read's target and metric, drawn.
const DRAW_IT =
  /^(?:(?:and|so|now|ok|can you|please)\s+)*(?:(?:show|give|send|draw)(?: me| us)?(?: (?:the|a))? (?:graph|chart|plot|sparkline)|(?:graph|chart|plot|draw|sparkline|trend)(?: (?:it|that|this|them|those))?)(?: (?:please|too|as well))?[\s?.!]*$/;
// "Compare with web-2", "vs web-2?" after a read of web-1: the same read of both, side by side.
const WITH_OTHER =
  /^(?:(?:and|so|now|ok|okay)\s+)*(?:compare(?: (?:it|that|this))?(?: (?:with|to|against))?|vs\.?|versus|against|side by side with|how does)\s/;
// "Why?", "why is it so high?": the latest anomaly of the last read's target and metric.
const WHY_IT =
  /^(?:(?:and|so|but|ok)\s+)*why(?: (?:is|was|did) (?:it|that|this)(?: so)?(?: (?:high|low|up|down|spike|jump|drop|go up|climb))?)?[\s?.!]*$/;
// "Is that normal?", "is it unusual?": the last read's figure against its usual range.
const NORMAL_IT =
  /^(?:(?:and|so|but|ok)\s+)*(?:is|was) (?:that|it|this)(?: (?:figure|value|reading|number))? (?:normal|usual|unusual|expected|ok|okay|typical|high|low|bad)[\s?.!]*$/;

// "Compare them", "which is worse?", "side by side": the two targets of the last reads (or the last read's group), together.
const THEM =
  /^(?:(?:and|so|now|ok|okay)\s+)*(?:compare (?:them|the two|both|those|these|the two hosts)(?: (?:side by side|together))?|(?:show )?(?:them|both|the two) (?:together|side by side)|side by side|which (?:one |of them |of the two )?(?:is|was|has|had) (?:the )?(worse|better|higher|lower|busier|bigger|fuller|slower|faster|hotter|more|less)(?: \w+)?)[\s?.!]*$/;
const LOWER = /^(?:better|lower|faster|less)$/;
// "Is it getting better?", "still rising?": the last read's series, heading where.
const BETTER_IT =
  /^(?:(?:and|so|but|ok)\s+)*(?:(?:is|are) (?:it|that|this|they) )?(?:(?:getting|going|gotten) (?:better|worse|up|down)|improving|recovering|worsening|(?:still )?(?:rising|climbing|growing|falling|dropping|going up|going down))[\s?.!]*$/;

// "Again", "refresh", "check again": the last read asked again, on the data now.
const AGAIN =
  /^(?:(?:and|ok|okay|so|now)\s+)*(?:again|refresh(?: it| that)?|same again|once more|one more time|(?:ask|check|do|run|show|try|read) (?:it |that |this )?again|re-?run(?: it| that)?|redo(?: it| that)?|repeat(?: it| that)?|say (?:it|that) again|come again|update me)(?: please| now)?[\s?.!]*$/;
// "And now?", "how about now?", "what is it now?": the last read at the present, whatever time it was of.
const NOW_IT =
  /^(?:(?:and|ok|okay|so|but)\s+)*(?:(?:what|how) about |and )?(?:(?:what(?:'s| is) it|how(?:'s| is) it(?: looking)?|where is it) )?(?:right )?now[\s?.!]*$/;

/** "Again" after a read: the same read; "and now?": the same read of the present (a past time and a statistic dropped; of alerts, the open ones). */
function again(prev: Intent, said: string): Intent | undefined {
  if (AGAIN.test(said)) return prev;
  if (!NOW_IT.test(said)) return undefined;
  const { span: _span, ...rest } = prev as Intent & { span?: unknown; stat?: unknown };
  if (prev.kind === 'metrics') {
    const { stat: _stat, ...now } = rest as Extract<Intent, { kind: 'metrics' }>;
    return now;
  }
  if (prev.kind === 'anomalies') return { ...(rest as Extract<Intent, { kind: 'anomalies' }>), today: false, open: true };
  return rest as Intent;
}

/** "Compare them" after "cpu on web-1" and "cpu on web-2": both, side by side; "which is worse?" leads with the highest. */
function them(prev: Intent, earlier: Intent | undefined, said: string): Intent | undefined {
  const m = THEM.exec(said);
  if (!m || prev.kind !== 'metrics') return undefined;
  const e = earlier?.kind === 'metrics' ? earlier : undefined;
  const group = prev.group ?? (prev.target && e?.target && e.target !== prev.target ? [e.target, prev.target] : undefined);
  if (!group) return undefined;
  const metric = prev.metric ?? e?.metric;
  const stat = m[1] ? (LOWER.test(m[1]) ? 'min' : 'max') : undefined;
  return { kind: 'metrics', group, ...(metric ? { metric } : {}), ...(prev.span ? { span: prev.span } : {}), ...(stat ? { stat } : {}) };
}

/** "Compare with web-2" after "memory on web-1 yesterday": web-1 and web-2, with the read's metric, span and statistic. */
function withOther(prev: Intent, next: Intent, said: string): Intent | undefined {
  if (prev.kind !== 'metrics' || next.kind !== 'metrics' || !next.target || next.metric || next.span || !WITH_OTHER.test(said))
    return undefined;
  const had = prev.group ?? (prev.target ? [prev.target] : []);
  if (!had.length || had.includes(next.target)) return undefined;
  const { target: _t, unknownTarget: _u, ...rest } = prev;
  return { ...rest, group: [...had, next.target] };
}

/** The fields a follow-up may replace, per kind of question; the rest of the earlier question stays. */
const CARRIES: Partial<Record<Intent['kind'], readonly ('where' | 'metric' | 'span' | 'stat')[]>> = {
  metrics: ['where', 'metric', 'span', 'stat'],
  chart: ['where', 'metric', 'span'],
  trend: ['where', 'metric', 'span'],
  anomalies: ['where', 'metric', 'span'],
  compare: ['where', 'metric'],
  attention: ['where', 'metric'],
  availability: ['where', 'span'],
  inventory: ['where'],
  correlate: ['where', 'span'],
  forest_status: ['where'],
  capacity: ['where', 'span'],
  last_seen: ['where'],
};

/** Reads that "again" and "repeat that" repeat besides those above; commands and chatter are never repeated. */
const REPEATED = new Set<Intent['kind']>([
  'explain',
  'timeline',
  'status',
  'pending',
  'history',
  'silences',
  'around',
  'precedent',
  'changes',
  'pages',
  'audit',
  'pipeline',
  'rules',
  'flapping',
  'advice',
  'daypart',
  'co_alerts',
  'recovery',
  'deploy_check',
  'unusual_now',
  'ack_status',
  'rule_stats',
  'anomaly_change',
  'change_impact',
  'delivery',
  'decision_times',
  'dependents',
  'flatline',
  'peers',
  'responders',
]);

/** How long a conversation's last question is remembered, and for how many conversations. */
const FOLLOW_UP_MS = 15 * 60_000;
const CONVERSATIONS = 2_000;

/** The last read asked in each conversation (platform, channel, thread and person), for followUp. */
export function createConversations() {
  // `earlier`: the read before it, for "compare them" after two questions.
  const last = new Map<string, { intent: Intent; ts: number; earlier?: Intent }>();
  // The last read of any kind, for "repeat that" after "explain an_…" (which carries nothing to a follow-up).
  const lastRead = new Map<string, { intent: Intent; ts: number }>();
  // `fresh`: no other message in the conversation since the reply that named it.
  const named = new Map<string, { id: string; ts: number; fresh: boolean }>();
  return {
    /** The anomaly a reply in this conversation was about, for "is it still open?" next. */
    rememberAnomaly(key: string, id: string, now: number): void {
      named.delete(key);
      named.set(key, { id, ts: now, fresh: true });
      if (named.size > CONVERSATIONS) named.delete(named.keys().next().value!);
    },
    /** `justNamed`: only if the last reply named it ("ack it" acts on nothing older than the last answer). */
    anomalyOf(key: string, now: number, justNamed = false): string | undefined {
      const n = named.get(key);
      return n && now - n.ts <= FOLLOW_UP_MS && (!justNamed || n.fresh) ? n.id : undefined;
    },
    /** The one proposal or silence a reply named ("requested rp_…", "silenced … (sl_…)"), for "approve it", "extend it" next. */
    rememberId(prefix: 'rp' | 'sl' | 'mk', key: string, id: string, now: number): void {
      named.delete(`${prefix}:${key}`);
      named.set(`${prefix}:${key}`, { id, ts: now, fresh: true });
      if (named.size > CONVERSATIONS) named.delete(named.keys().next().value!);
    },
    /** Only the one the last reply named: "approve it" decides nothing older than the last answer. */
    idOf(prefix: 'rp' | 'sl' | 'mk', key: string, now: number): string | undefined {
      const n = named.get(`${prefix}:${key}`);
      return n && now - n.ts <= FOLLOW_UP_MS && n.fresh ? n.id : undefined;
    },
    /** A message arrived in the conversation: what was named before it is no longer the last answer. */
    turn(key: string): void {
      for (const k of [key, `rp:${key}`, `sl:${key}`, `mk:${key}`]) {
        const n = named.get(k);
        if (n) n.fresh = false;
      }
    },
    /** The question as meant: a follow-up of this conversation's last one, if it is one. */
    resolve(key: string, next: Intent, text: string, now: number): Intent {
      const held = last.get(key);
      const prev = held && now - held.ts <= FOLLOW_UP_MS ? held : undefined;
      const read = lastRead.get(key);
      if (read && now - read.ts <= FOLLOW_UP_MS && (next.kind === 'unknown' || next.kind === 'status'))
        if (AGAIN.test(text.toLowerCase().trim())) return read.intent;
      // An anomaly the last reply named is what "it" means first ("is it getting better?" after "explain an_…").
      const one = named.get(key);
      const intent = followUp(prev?.intent, next, text, prev?.earlier, Boolean(one?.fresh && now - one.ts <= FOLLOW_UP_MS));
      if (REPEATED.has(intent.kind)) {
        lastRead.delete(key);
        lastRead.set(key, { intent, ts: now });
        if (lastRead.size > CONVERSATIONS) lastRead.delete(lastRead.keys().next().value!);
      }
      if (CARRIES[intent.kind]) {
        lastRead.delete(key);
        last.delete(key);
        last.set(key, { intent, ts: now, ...(prev ? { earlier: prev.intent } : {}) });
        if (last.size > CONVERSATIONS) last.delete(last.keys().next().value!);
      }
      return intent;
    },
  };
}

/**
 * Pure: a question that only names what changed ("and on web-2?" after "cpu on web-1") asked as the
 * earlier one with that part replaced. Only with a cue word, so a question that stands on its own is
 * never bent towards the last one; and only for reads (a command is never repeated on another target).
 */
export function followUp(prev: Intent | undefined, next: Intent, text: string, earlier?: Intent, anomalyNamed = false): Intent {
  if (typeof text !== 'string') return next;
  const said = text.toLowerCase().trim();
  // "Again" with no read in the last 15 min: said so, not the whole help text.
  if (!prev)
    return next.kind === 'unknown' && AGAIN.test(said)
      ? {
          kind: 'bad_input',
          reason: `Nothing to ask again: no read in this conversation in the last ${FOLLOW_UP_MS / 60_000} min ("what did I ask you earlier?" lists your last questions)`,
        }
      : next;
  const both = next.kind === 'unknown' || next.kind === 'compare' ? them(prev, earlier, said) : withOther(prev, next, said);
  if (both) return both;
  const repeated = next.kind === 'unknown' || next.kind === 'status' ? again(prev, said) : undefined;
  if (repeated) return repeated;
  if (MORE.test(said) && 'limit' in prev && typeof prev.limit === 'number')
    return prev.kind === 'anomalies' ? { ...prev, limit: 50 } : (({ limit: _shown, ...all }) => all as Intent)(prev);
  const narrow = prev.kind === 'anomalies' ? NARROW.exec(said)?.[1] : undefined;
  if (narrow && prev.kind === 'anomalies') {
    const { open: _o, resolved: _r, ...rest } = prev;
    if (/^(?:critical|warnings?)$/.test(narrow)) return { ...prev, severity: narrow.startsWith('warn') ? 'warning' : 'critical' };
    return /^(?:open|ongoing|firing)$/.test(narrow) ? { ...rest, open: true } : { ...rest, resolved: true };
  }
  const against = next.kind === 'unknown' ? IT_COMPARED.exec(said) : null;
  const p = prev as { target?: string; group?: string[]; metric?: MetricKey };
  if (against && (prev.kind === 'metrics' || prev.kind === 'chart' || prev.kind === 'trend') && (p.target || p.group || p.metric))
    return {
      kind: 'compare',
      ...(p.target ? { target: p.target } : p.group ? { group: p.group } : {}),
      ...(p.metric ? { metric: p.metric } : {}),
      against: (against[1] ?? against[2]) === 'yesterday' ? 'yesterday' : 'last_week',
    };
  const read = prev.kind === 'metrics' || prev.kind === 'chart' || prev.kind === 'trend' ? p : undefined;
  const where = read
    ? { ...(p.target ? { target: p.target } : p.group ? { group: p.group } : {}), ...(p.metric ? { metric: p.metric } : {}) }
    : {};
  // Only after a read that named a target or metric; else these are what they were.
  const ofRead = read && Object.keys(where).length ? said : '';
  if ((next.kind === 'chart' || next.kind === 'trend') && DRAW_IT.test(ofRead)) {
    const span = (prev as { span?: unknown }).span;
    return { ...next, ...where, ...(span && !('span' in next && next.span) ? { span } : {}) } as Intent;
  }
  // "Is it getting better?" after a read: where that read's series is heading, not the latest open alert's.
  if (((next.kind === 'trend' && next.open) || next.kind === 'unknown') && !anomalyNamed && BETTER_IT.test(ofRead))
    return { kind: 'trend', ...where } as Intent;
  // Said of a read of a past time ("db-1 memory yesterday", then "why?"), the anomaly of then.
  const then = (prev as { span?: TimeSpan }).span;
  if ((next.kind === 'unknown' || (next.kind === 'explain' && !next.id)) && WHY_IT.test(ofRead))
    return { kind: 'explain', ...where, ...(then ? { span: then } : {}) };
  if (NORMAL_IT.test(ofRead) && p.target && p.metric) return { kind: 'explain', target: p.target, metric: p.metric, usual: true };
  if (!CUE.test(said) && !fragment(said)) return next;
  const carries = CARRIES[prev.kind];
  if (!carries || !['metrics', 'anomalies', 'unknown', 'status'].includes(next.kind)) return next;
  // "Go back 2 hours" is the reading then.
  const rest = said.replace(CUE, '').replace(/^(\d+\s*[a-z]+)$/, /^go back\b/.test(said) ? '$1 ago' : '$1');
  const n = next as Partial<Record<'target' | 'group' | 'unknownTarget' | 'metric', unknown>>;
  const span = findTimeSpan(rest);
  const stat = parseStat(rest);
  const change: Record<string, unknown> = {};
  if (carries.includes('where') && (n.target || n.group || n.unknownTarget))
    Object.assign(change, { target: n.target, group: n.group, unknownTarget: n.unknownTarget });
  if (carries.includes('metric') && n.metric) change.metric = n.metric;
  if (carries.includes('span') && span && 'span' in span) change.span = span.span;
  if (carries.includes('stat') && stat) change.stat = stat;
  if (!Object.keys(change).length) return next;
  const merged: Record<string, unknown> = { ...prev, ...change };
  // "Today" in an anomaly list is a span too: a new span replaces it.
  if (change.span && prev.kind === 'anomalies') merged.today = false;
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return merged as Intent;
}

/** Replies about one anomaly first: the one "it" means in the next question. */
export const ABOUT_ONE = new Set(['explain', 'timeline', 'anomalies', 'attention', 'ack', 'escalate']);

/** "Is it still open?", "has this happened before?" with an anomaly named before in the conversation: that one. */
export const itOf = (i: Intent, an: string | undefined): Intent =>
  (i.kind === 'explain' || i.kind === 'timeline' || i.kind === 'around') && i.it && !i.id && an
    ? { ...i, id: an }
    : i.kind === 'trend' && i.open && an
      ? { ...i, anomalyId: an }
      : // "Has this happened before?", "how was it fixed before?" with nothing named: the one the conversation is about.
        i.kind === 'precedent' && !i.id && !i.target && !i.metric && an
        ? { ...i, id: an }
        : i;

// Commands that act on one alert: "ack it", "silence it for 2h", "restart it" after a reply about one.
const ACTS_ON_ONE = new Set<Intent['kind']>(['ack', 'unack', 'silence', 'escalate', 'feedback', 'action_request']);

/**
 * "Ack it", "snooze it for 2h", "restart it" outside an alert's thread, right after a reply about
 * one anomaly in this conversation: that anomaly's alert, as the command would read in its thread.
 * Only with "it", "this" or "that" said, and only what the text left open is filled in. Pure.
 */
export function itCommand(intent: Intent, text: string, anomaly: Anomaly | undefined): Intent {
  if (!anomaly || !ACTS_ON_ONE.has(intent.kind) || typeof text !== 'string' || !/\b(?:it|this|that)\b/.test(text.toLowerCase()))
    return intent;
  return inAlertThread(intent, { key: '', members: [anomaly] });
}

const UNDO_MARK =
  /^(?:(?:ok|oops|sorry|no|wait)[,\s]+)*(?:undo(?: (?:that|it|this|the mark))?|take (?:that|it) back|revert (?:that|it)|scratch that)[\s.!]*$/;
// "Did it work?", "show me the result", "is it safe to approve?": said of the proposal the last reply named.
const PROPOSAL_IT =
  /^(?:(?:so|and|ok|okay)\s+)*(?:did it (?:work|run|succeed|go through|fail|finish|complete|help)|(?:is|was) it (?:done|finished|complete|running|through|approved|denied|run|safe(?: to approve)?)|(?:show me |what(?:'s| is| was) )?the (?:result|outcome|output)|what happened (?:to|with) it|how long did it take|is it safe to approve(?: it)?|what (?:does|will|would) approving it do)[\s?.!]*$/;

const DID_IT_WORK = /^(?:(?:so|and|ok|okay)\s+)*did it (?:work|run|succeed|go through|fail|finish|complete|help)[\s?.!]*$/;

/**
 * "Approve it", "deny it, not now", "cancel that" and "did it work?" right after a reply that named
 * one proposal: that proposal; "lift it", "extend it by 1h" after one that named a silence: that
 * silence. A decision needs "it", "this" or "that" and nothing else naming what to decide;
 * otherwise the command asks which, as before. Pure.
 */
export function namedIt(
  intent: Intent,
  text: string,
  last: { rp?: string | undefined; sl?: string | undefined; mk?: string | undefined },
): Intent {
  if (typeof text !== 'string') return intent;
  const said = text.toLowerCase().trim();
  // "Undo that" right after marking an alert: the mark taken back, not an action undone.
  if (last.mk && UNDO_MARK.test(said)) return { kind: 'feedback', verdict: 'none', id: last.mk };
  const it = /\b(?:it|this|that)\b/.test(said);
  // "Lift it", "extend it by an hour" after "silenced web-1 … (sl_…)": that silence.
  if (last.sl && it && intent.kind === 'unsilence' && !intent.id && !intent.target && !intent.all && !intent.mine)
    return { ...intent, id: last.sl };
  if (last.sl && it && intent.kind === 'silence' && intent.extend && !intent.extend.id) return { ...intent, extend: { id: last.sl } };
  const rp = last.rp;
  // "Did it work?" with no proposal named just before: the last one that ran, as "did the restart work?" reads.
  if (!rp) return intent.kind === 'unknown' && DID_IT_WORK.test(said) ? { kind: 'history', limit: 1, ran: true, worked: true } : intent;
  if (
    (intent.kind === 'approve' || intent.kind === 'deny') &&
    !intent.id &&
    !intent.target &&
    !intent.action &&
    !intent.all &&
    !intent.mine
  )
    return it ? { ...intent, id: rp } : intent;
  // "Cancel it" after a reply about one proposal: that one, taken back or denied as the asker may.
  if (intent.kind === 'cancel_which' && it) return { kind: 'deny', id: rp };
  return PROPOSAL_IT.test(said) ? { kind: 'explain', id: rp } : intent;
}

/** The proposal (or silence) a reply is about, when it names exactly one. */
export function oneId(prefix: 'rp' | 'sl', text: string): string | undefined {
  const ids = new Set(text.match(new RegExp(`\\b${prefix}_[a-z0-9]+`, 'g')) ?? []);
  return ids.size === 1 ? [...ids][0] : undefined;
}
