/**
 * Questions about remediations already proposed, decided or run: "what restarts happened today",
 * "who approved the last scale up", "how many remediations this week", "denied proposals".
 * Pure; parse-intent.ts calls it once the commands (approve, deny, act) are ruled out.
 */
import type { Intent } from './intent.js';
import { ACTION_VERBS } from './action-verbs.js';
import { ACTION_OF, DECIDED } from './intent-words.js';
import type { TimeSpan } from './parse-time-span.js';

export type HistoryIntent = Extract<Intent, { kind: 'history' }>;
export type Outcome = NonNullable<HistoryIntent['outcome']>;

export interface HistoryQuestion {
  text: string;
  tokens: string[];
  /** Where the question's first word that is not a filler is. */
  leadAt: number;
  /** A history word was found (fuzzy): "history", "remediations", "actions", "executed". */
  historyWord: boolean;
  /** The fuzzy-matched words beside the tokens, for "restart history" against "cpu history". */
  words: string[];
  historyWords: readonly string[];
  metric: boolean;
  target?: string;
  span?: TimeSpan;
  number?: number;
  counting: boolean;
}

// "restarts", "restarted" and "scaled" are the verb with the plural or past-tense ending off
// ("cleaner" is not "clean").
const verbOf = (t: string) => [t, t.replace(/s$/, ''), t.replace(/ed$/, ''), t.replace(/d$/, '')].find((v) => ACTION_VERBS.has(v));
/** The allow-listed action a word names ("restarted" → restart_service), if any. */
// An action's own name ("cleanup_disk"), as replies and the config write it, is that action.
const ACTION_IDS = new Set(Object.values(ACTION_OF));
const actionOf = (t: string) => (ACTION_IDS.has(t) ? t : ACTION_OF[verbOf(t) ?? '']);
const SCALE_UP = /\bscal(?:e|ed|ing)[\s-]?(?:ups?|outs?)\b|\bscaleups?\b/;

/** The allow-listed action a question names ("why didn't you restart web-1?" → restart_service), if any. */
export function actionNamed(text: string): string | undefined {
  return SCALE_UP.test(text)
    ? 'scale_up'
    : text
        .split(/[^\w-]+/)
        .map(actionOf)
        .find(Boolean);
}

/** "Approve the scale up on web-2": the proposal described by its target and action, for a decision without its id. */
export function proposalNamed(
  text: string,
  tokens: readonly string[],
  o: { target?: string; unknownTarget?: string },
): { target?: string; action?: string; unknownTarget?: string } {
  const action = SCALE_UP.test(text) ? 'scale_up' : tokens.map(actionOf).find(Boolean);
  return {
    ...(o.target ? { target: o.target } : {}),
    ...(action ? { action } : {}),
    ...(o.unknownTarget && !o.target ? { unknownTarget: o.unknownTarget } : {}),
  };
}
const SCALED_UP = /\bscaled[\s-]?(?:up|out)\b|\bscale[\s-]?(?:ups|outs)\b|\bscaleups\b/;
// "The last restart", "the latest scale-up": one, the newest.
const ONE =
  /\b(?:last|latest|most recent|newest|previous)\s+(?:restart|reboot|scal(?:e|ed)[\s-]?(?:up|out)|clean(?:ed)?[\s-]?up|remediation|action)(?:ed|d)?\b|\b(?:output|result|outcome|log) of the (?:last|latest) (?:run|remediation run)\b/;
// "Did the cleanup help?", "did that restart work?": the latest one, whose effect is then shown.
const WORKED =
  /\bdid (?:the|that|this|my|our|your) (?:last |latest )?(?:restart|reboot|scale[\s-]?(?:up|out)|scaleup|clean[\s-]?up|cleanup|remediation|action)\b.*\b(?:help|work|fix|do anything|succeed|make a difference|do the trick)\b/;
const DECISIONS = /\b(approvals|denials|rejections|decisions)\b/;
// "How long does a restart take?", "scale-up run times", "restart durations": how long those that ran took.
export const TOOK =
  /^(?!.*\b(?:approv\w*|decid\w*|decisions?|deny|denied)\b).*\bhow long (?:does|do|did|will|would|should|to)\b.*\b(?:take|takes|took|last|run|finish|complete)\b|^(?!.*\b(?:approv\w*|decid\w*|decisions?)\b).*(?:\b(?:run|execution|completion) ?times?|\bdurations?|\btimings?|\b(?:average|median|mean|typical) (?:restart|reboot|scale[\s-]?up|clean[\s-]?up|cleanup|remediation) (?:time|length))\b/;
const WHO = String.raw`\b(?:who|anyone|anybody|someone|somebody)\b.*`;
const ASKED_WHO = new RegExp(String.raw`${WHO}\b(?:approve|deny|reject|decline|veto)\b`);
const BY_US =
  /\bwhat (?:did|have|has) (?:you|the bot|smartcloudops|it|that|this|the pipeline) (?:just |already |recently |actually )?(?:do|done|change|changed|fix|fixed|touch|touched)\b|\bwhat (?:have|has) (?:you|the bot|it) been doing\b|\b(?:last|latest) thing (?:you|the bot|smartcloudops) (?:did|ran|done)\b/;
// "Which proposals expired?", "withdrawn requests": proposals that ended without a decision.
const LAPSED =
  /\b(?:expired|timed out|withdrawn|lapsed)\b.*\b(?:proposals?|approvals?|requests?|actions?|remediations?)\b|^(?:so\s+)?(?:what|which|anything|any|did anything)\b.*\b(?:expired|timed out|lapsed)\b|\b(?:proposals?|approvals?|requests?|actions?|remediations?)\b.*\b(?:expired|timed out|withdrawn|lapsed)\b/;
// "Did anything run automatically?", "auto remediations today": those a rule's mode ran, with no person deciding.
const AUTOMATIC =
  /\b(?:automatically|on (?:its|their) own|by itself|without (?:an? )?(?:approval|anyone|person|human|asking))\b|\bauto(?:matic|[\s-])?\s*(?:remediations?|actions?|runs?|fixes?)\b/;
const PAST = /\b(?:did|ran|executed|happened|has|have|had|was|were|today|yesterday|this week|last)\b/;
// "Did we restart…", "any restarts…", "how often do we restart app?": about restarts done, not one asked for.
const AUXILIARY = /\b(did|was|were|has|have|had|got|any|how often|how many times|how frequently)\b/;

/** "Did anything run automatically?", "auto remediations today": past runs with no person deciding, not the policy. */
export const automaticAsked = (text: string) => AUTOMATIC.test(text) && PAST.test(text) && !RESOLVED_ALONE.test(text);
/** "Did anything resolve on its own?": alerts that ended with nobody on them (parse-digest.ts), not remediations. */
export const RESOLVED_ALONE =
  /^(?!.*\b(?:will|would|going to|might|could|should)\b)(?:.*\b(?:resolv\w*|recover\w*|clear(?:ed|s)?|went away|go(?:es)? away|fix(?:ed)? itself|fixed themselves|self[\s-]?heal\w*)\b.*\b(?:on (?:its|their) own|by (?:itself|themselves)|without (?:anyone|anybody|somebody|someone|us|me)\b)|\bself[\s-]?heal\w*|\bfix(?:ed)? (?:itself|themselves)\b|.*\b(?:auto|self)[\s-]?(?:resolv|recover|clear)\w*)/;

const RAN_SAID = /\b(?:ran|were run|been run|got run|executed|carried out)\b/;

function outcomeOf(text: string): Outcome | undefined {
  if (automaticAsked(text)) return 'automatic';
  if (/\bfail(?:ed|ures?|s)?\b/.test(text)) return 'failed';
  if (/\b(succeeded|successful|worked)\b/.test(text)) return 'succeeded';
  if (/\bexpired\b|\btimed out\b/.test(text)) return 'expired';
  if (/\bwithdrawn\b/.test(text)) return 'withdrawn';
  if (
    /\b(denied|rejected|declined|vetoed|refused|denials|rejections)\b/.test(text) ||
    new RegExp(String.raw`${WHO}\b(?:deny|reject|decline|veto)\b`).test(text)
  )
    return 'denied';
  if (/\b(approved|approvals)\b/.test(text) || new RegExp(String.raw`${WHO}\bapprove\b`).test(text)) return 'approved';
  if (/\b(decided|decisions)\b/.test(text)) return 'decided';
  return undefined;
}

/** The history intent the question asks for, or undefined when it is not about past remediations. */
export function historyIntent(q: HistoryQuestion): HistoryIntent | undefined {
  const { text, tokens, leadAt } = q;
  // "Restarts today", "restarted web-1?": an inflected action word asks about the past even when it leads.
  const inflected = tokens.some((t) => verbOf(t) !== t && actionOf(t));
  const scaleUp = SCALE_UP.test(text);
  const decided = DECIDED.test(text) || ASKED_WHO.test(text) || (DECISIONS.test(text) && Boolean(q.span));
  const asks =
    (q.historyWord &&
      (!q.metric || q.words.some((w) => w !== 'history' && q.historyWords.includes(w)) || tokens.some((t) => ACTION_VERBS.has(t)))) ||
    (tokens.some((t, k) => k !== leadAt && actionOf(t)) && AUXILIARY.test(text)) ||
    inflected ||
    SCALED_UP.test(text) ||
    ONE.test(text) ||
    decided ||
    BY_US.test(text) ||
    LAPSED.test(text) ||
    automaticAsked(text) ||
    (TOOK.test(text) && (scaleUp || tokens.some((t) => actionOf(t))));
  // "Alert history for db-1", "incident history": the anomalies, unless an action is named too.
  const ofAlerts =
    /\b(?:alerts?|anomal\w*|incidents?|episodes?|outages?)\b/.test(text) &&
    !tokens.some((t) => actionOf(t) || ACTION_VERBS.has(t)) &&
    !q.words.some((w) => w !== 'history' && q.historyWords.includes(w));
  if (!asks || (ofAlerts && !decided && !BY_US.test(text))) return undefined;
  // "Was web-1 restarted?" asks about restarts, not every remediation there.
  const action = scaleUp ? 'scale_up' : tokens.map(actionOf).find(Boolean);
  const outcome = outcomeOf(text);
  // "The last thing you did": the latest that ran, not a proposal someone turned down.
  const lastThing = /\b(?:last|latest) thing\b/.test(text);
  const one = ONE.test(text) || WORKED.test(text) || (/\bwho\b/.test(text) && /\b(?:last|latest)\b/.test(text)) || lastThing;
  return {
    kind: 'history',
    limit: Math.min(50, Math.max(1, q.number ?? (one ? 1 : q.span ? 50 : 10))),
    ...(q.span ? { span: q.span } : {}),
    ...(q.target ? { target: q.target } : {}),
    ...(action ? { action } : {}),
    ...(outcome ? { outcome } : {}),
    ...(q.counting || /\bhow (?:often|many times|frequently)\b|\b(?:success|failure|fail) (?:rate|ratio)\b/.test(text)
      ? { count: true }
      : {}),
    // "Restart history" is every proposal; "the last restart" is one that happened.
    // "How many remediations ran this month?": those that ran, not every one proposed.
    ...((action && !outcome && !q.historyWord) || lastThing || (!outcome && RAN_SAID.test(text)) ? { ran: true } : {}),
    ...(TOOK.test(text) ? { took: true, ran: true } : {}),
    ...(WORKED.test(text) ? { worked: true } : {}),
  };
}

// "Show my requests", "what have I asked for?": the proposals the asker requested in chat. One
// named by its action asks about that one: "what happened to my restart request?", "did my scale
// up go through?", "was my request approved?".
const ACTION_WORDS = String.raw`(?:restart|service restart|scale[\s-]?(?:up|out|down)|scaleup|clean[\s-]?up|cleanup|disk cleanup|remediation|action)`;
const MY_REQUESTS = new RegExp(
  String.raw`\bmy (?:pending |open |recent |last |latest )?(?:requests|asks|requested actions)\b|\bwhat (?:have|did) i (?:asked? for|requested?)\b` +
    String.raw`|\bmy (?:last |latest |pending |open )?(?:${ACTION_WORDS} )?(?:request|ask)\b` +
    String.raw`|\b(?:did|has|have|was|is) my (?:last |latest )?${ACTION_WORDS}\b.*\b(?:go through|gone through|run|ran|happen\w*|work\w*|approved|denied|succeed\w*|done|finish\w*|pending|waiting|stuck)\b`,
);
// Deciding is a command with its own refusal of one's own request ("approve my request").
const DECIDING = /^(?:please\s+)?(?:approve|deny|reject|decline|cancel|withdraw)\b/;
// "Cancel my request", "withdraw my last request": the asker's own pending request, by no id.
const CANCEL_MINE =
  /^(?:please\s+)?(?:cancel|withdraw|take back|retract|drop)\s+(?:my|the)\s+(?:last\s+|latest\s+|pending\s+)?(?:request|ask)\b/;
// "Cancel all my requests", "withdraw my requests": each of the asker's own, never anyone else's.
const CANCEL_ALL_MINE =
  /^(?:please\s+)?(?:cancel|withdraw|take back|retract|drop)\s+(?:all\s+(?:of\s+)?)?my\s+(?:pending\s+|open\s+|waiting\s+)?(?:requests|asks)\b/;

/** "Show my requests" or "cancel my request" (parse-intent.ts asks this before approve and deny). Pure. */
export function myRequestCommand(text: string, tokens: readonly string[] = [], target?: string): Intent | undefined {
  if (CANCEL_ALL_MINE.test(text)) return { kind: 'deny', mine: true, all: true };
  if (CANCEL_MINE.test(text)) return { kind: 'deny', mine: true };
  if (MY_REQUESTS.test(text) && !DECIDING.test(text)) {
    const named = proposalNamed(text, tokens, { target });
    return { kind: 'my_requests', ...(named.action ? { action: named.action } : {}), ...(target ? { target } : {}) };
  }
  // "List open requests": everyone's waiting, which is the pending list.
  if (/\b(?:open|waiting|outstanding|pending) (?:requests|asks)\b/.test(text)) return { kind: 'pending' };
  return undefined;
}

// "Status of the restart on web-1", "is the scale up on web-2 done?", "what happened to the cleanup?": where that one stands.
const PROGRESS = new RegExp(
  String.raw`\b(?:status|progress|state|outcome|result)s? (?:of|on|for) (?:the |that |this |our )?(?:last |latest )?${ACTION_WORDS}` +
    String.raw`|\bwhat (?:happened|became) (?:to|of) (?:the |that |this )?(?:last |latest )?${ACTION_WORDS}` +
    String.raw`|\b(?:is|are|was|has|have) (?:the |that |this )?(?:last |latest )?${ACTION_WORDS}\b.*\b(?:done|finished|complete[d]?|over|through|in progress|still going|still running|yet|started|underway|stuck|hung|hanging|taking (?:so |too |this )?long)\b`,
);

/** "Why was the scale up proposed?", "why did you propose a restart on web-1?", "why is rp_… pending?", "who requested the restart?": that proposal explained. */
export function whyProposal(
  text: string,
  rp: string | undefined,
  o: { action?: string | undefined; target?: string | undefined },
): Intent | undefined {
  // "Who requested the restart on api-2?": its history names who asked, as "why" does.
  const who = /\bwho (?:requested|asked for|proposed|wanted|ordered)\b/.test(text);
  if (PROGRESS.test(text) && (o.action || o.target))
    return { kind: 'explain', proposal: { ...(o.action ? { action: o.action } : {}), ...(o.target ? { target: o.target } : {}) } };
  if (!/\bwhy\b/.test(text) && !who) return undefined;
  if (rp) return { kind: 'explain', id: rp };
  if (who && o.action) return { kind: 'explain', proposal: { action: o.action, ...(o.target ? { target: o.target } : {}) } };
  if (!/\b(?:propos\w*|suggest\w*|request\w*|recommend\w*)\b/.test(text) || (!o.action && !o.target)) return undefined;
  return { kind: 'explain', proposal: { ...(o.action ? { action: o.action } : {}), ...(o.target ? { target: o.target } : {}) } };
}

// "Did cpu go back to normal after the scale up?", "is web-2 stable since the restart?": the last one that ran, with its effect.
const AFTER_ACTION =
  /\b(?:did|has|have|is|was|were|are)\b.*\b(?:after|since) (?:the |that |my |our |this )?(?:last |latest )?(?:restart|reboot|scale[\s-]?(?:up|out)|scaleup|clean[\s-]?up|cleanup|disk cleanup)\b/;

/** The figures after a remediation, asked as a read ("did cpu go back to normal after the scale up?"): that remediation's effect. Pure. */
export function afterActionQuestion(text: string, target: string | undefined): Intent | undefined {
  if (!AFTER_ACTION.test(text)) return undefined;
  const { action } = proposalNamed(text, text.split(/[\s,.?!]+/), {});
  return action ? { kind: 'history', limit: 1, action, ran: true, ...(target ? { target } : {}) } : undefined;
}
