import { aheadAsked, countIn, futureValue, findTimeSpan, levelAsked, trendSpan, zoneRefusal, type TimeSpan } from './parse-time-span.js';
import { parseBound } from './parse-bound.js';
import { groupByOf } from './parse-group-by.js';
import { readOptions } from './parse-read-options.js';
import { availabilityQuestion, healthQuestion, worstNowQuestion } from './parse-health.js';
import { actionQuestion, actionRequest, typoedCommand } from './parse-action-request.js';
import { sizeAsked } from './free-figures.js';
import { scanSubjects } from './scan-subjects.js';
import { tokensOf, VOCAB, wordsOf } from './vocab.js';
import { TOOK, historyIntent, myRequestCommand, proposalNamed, whyProposal } from './parse-history.js';
import { outOfScope } from './out-of-scope.js';
import { changeStatement } from './parse-change.js';
import { overTimeQuestion } from './parse-over-time.js';
import { detectorQuestion } from './parse-detector-question.js';
import { setupQuestionOf } from './parse-setup-question.js';
import { respondersQuestion } from './parse-responders.js';
import { oneLineTarget, shortIntent } from './parse-short.js';
import { escalateTo } from './parse-escalate.js';
import { BEFORE_SHIFT, digestFields, digestOf, MINE, stateAsked } from './parse-digest.js';
import { listShape } from './parse-list-shape.js';
import { explainQuestion } from './parse-explain.js';
import { noteCommand } from './alert-notes.js';
import { subjectPart } from './own-words.js';
import { asksAbout } from './parse-asks-about.js';
import { onCallCommand } from './parse-on-call.js';
import { uncollectedOf } from './uncollected-words.js';
import { auditQuestion } from './parse-audit.js';
import { subscriptionCommand } from './parse-subscribe.js';
import { incidentCommand } from './parse-incident.js';
import { stakeholderUpdate } from './parse-stakeholder-update.js';
import { rankingQuestion } from './parse-ranking.js';
import { HELD, MAINTENANCE_SET, MY_SILENCE, SILENCE_LOG, silenceCommand, silenceEdit, silenceSpan } from './parse-silence.js';
import { severityMeant } from './severity-meant.js';
import { watchCommand } from './parse-watch.js';
import { feedbackAsked, feedbackCommand } from './parse-feedback.js';
import { againstAsked } from './parse-against.js';
import { helpTopic } from './help-text.js';
import type { Intent } from './intent.js';
import {
  ACK_COUNTED,
  ACK_QUESTION,
  ACTION_NOUNS,
  CANCEL_VERBS,
  detectorNamed,
  UNDO_VERBS,
  ATTENTION_ASK,
  AGAINST,
  AGAINST_TIME,
  CHART,
  QUIETER,
  SUMMARY,
  COMPARED,
  COUNT,
  EVERYTHING,
  QUIET_ASK,
  FILLERS,
  HAPPEN,
  LAST_SEEN,
  NOISY,
  ONE_LATEST,
  OPEN_NOW,
  PAST,
  SILENT,
  TREND,
  TREND_WITH_METRIC,
  WORSE,
  FLEET_WIDE,
  WORDS,
} from './intent-words.js';
import { ACTION_VERBS, actionVerb } from './action-verbs.js';
import { MTTX, TAKES, timeToAsked } from './ack-phrases.js';
import { matchTarget, type TargetRef } from './match-target.js';
import { inputRefusal, questionText, withoutFiller, withoutLinks } from './question-text.js';
import { quietDayAsked, timelineOf, WHAT_WE_DID, WHO_NOTIFIED } from './past-phrases.js';
import { clamp } from './text-tools.js';

export { matchTarget, type TargetRef, VOCAB };
export type { Intent, MetricKey } from './intent.js';

/** Pure: text → intent. Forgiving about case, typos, synonyms and host names; never throws. */
export function parseIntent(said: string, targets: TargetRef[]): Intent {
  const raw = typeof said === 'string' ? withoutFiller(said) : said;
  const intent = parseQuestion(raw, targets);
  return typeof raw === 'string' ? (outOfScope(intent, withoutLinks(raw).toLowerCase(), targets) ?? intent) : intent;
}

function parseQuestion(raw: string, targets: TargetRef[]): Intent {
  if (typeof raw !== 'string' || inputRefusal(raw)) return { kind: 'bad_input', reason: inputRefusal(raw) ?? '' };
  const text = questionText(raw, targets);
  if (!text) return { kind: 'help' };
  const said = shortIntent(text);
  if (said) return said.kind === 'one_line' ? { ...said, ...oneLineTarget(text, targets) } : said;

  const subject = subjectPart(text);
  const rawTokens = tokensOf(subject);
  const ids = rawTokens.filter((t) => /^(an|rp|sl|wt|su|in)_[a-z0-9]{3,30}$/.test(t));
  // Strip a leading bot name or slash-command word ("ops", "/ops", "bot").
  const tokens = rawTokens
    .map((t) => t.replace(/^\/+/, ''))
    .filter((t, i) => !(i === 0 && ['ops', 'bot', 'opsbot', 'hey', 'hi'].includes(t)));

  const words = wordsOf(tokens);
  const has = (list: readonly string[]) => words.some((w) => list.includes(w));
  const anomalyWord = has(WORDS.anomalies);

  const { metric, more, named, unknownTarget } = scanSubjects(text, tokens, words, targets);
  // One target is the subject of any intent; several ("the api hosts", "web-1 and web-2") only of a read, never of an action.
  const target = named.length === 1 ? named[0] : undefined;
  const group = named.length > 1 ? { group: named } : {};
  const several = named.length > 1 ? { several: named } : {};
  const found = findTimeSpan(subject);
  if (found && 'zone' in found) return { kind: 'bad_input', reason: zoneRefusal(found.zone) };
  const span = found?.span;
  // "api-2 last hour": that "last" is the time's, not "the last alerts" (a summary of anomalies).
  const summarise = has(WORDS.summarise) && !(found && 'match' in found && !SUMMARY.test(subject.replace(found.match, ' ')));
  const number = countIn(subject, found?.match);
  const rp = ids.find((i) => i.startsWith('rp_'));
  const an = ids.find((i) => i.startsWith('an_'));
  const sl = ids.find((i) => i.startsWith('sl_'));

  const cover = onCallCommand(text);
  if (cover) return cover;
  const note =
    incidentCommand(text, raw, { named, id: ids.find((i) => i.startsWith('in_')), anomaly: an, unknownTarget, metric }) ??
    stakeholderUpdate(text, named, span) ??
    worstNowQuestion(text, { metric, named, span }) ??
    noteCommand(raw, { an, target }) ??
    changeStatement(raw, named, span) ??
    typoedCommand(tokens);
  if (note) return note;
  // "Did the restart help?" asks about a remediation, not for the help text.
  const helped = /\b(?:did|does|has|will|would)\b.*\b(?:restart|scal|clean|reboot|remediat|rollback|bounce)\w*\b.*\bhelp/.test(text);
  if (has(WORDS.help) && !metric && !target && !helped) return { kind: 'help', ...helpTopic(text) };
  const severity = severityMeant(text, has(WORDS.critical) ? 'critical' : has(WORDS.warning) ? 'warning' : undefined);
  // A command that changes state leads with its verb ("approve rp_1", "please deny rp_1", "can you
  // snooze web-1"). "Should I approve rp_1?" or "is web-1 muted?" asks about it and must never act.
  const leadAt = tokens.findIndex((t) => !FILLERS.has(t));
  const verb = leadAt < 0 ? undefined : tokens[leadAt];
  const leads = (list: readonly string[]) => leadAt >= 0 && list.includes(words[leadAt]!);
  const command = (list: readonly string[]) => leads(list) && !text.trim().endsWith('?');
  // Short words are never fuzzy-matched, so "ask" is not "ack". Taking an alert on or handing it back needs the verb
  // itself, or a word near it said of one alert with no time ("acknowledged web-1"): "acknowledged alerts today" lists.
  const ackVerb = (l: readonly string[]) => command(l) && (l.includes(tokens[leadAt]!) || (Boolean(target || an) && !anomalyWord && !span));
  if (WHO_NOTIFIED.test(text) && (an || target || ONE_LATEST.test(text)) && !span) return timelineOf(text, { id: an, target, metric });
  const responders = respondersQuestion(text, span, { id: an, target, metric, severity });
  if (responders) return responders;
  if (ACK_QUESTION.test(text) && !ackVerb(WORDS.unack) && !ACK_COUNTED.test(text))
    return { kind: 'ack_status', id: an, target, ...(metric ? { metric } : {}) };
  if (ackVerb(WORDS.ack) || ackVerb(WORDS.unack))
    return {
      kind: ackVerb(WORDS.ack) ? 'ack' : 'unack',
      id: an,
      target,
      unknownTarget,
      ...several,
      ...(!an && !named.length && !unknownTarget && EVERYTHING.test(text) ? { all: true } : {}),
    };
  // "Escalate an_…", "page the on-call about web-1": ask for help with an alert now (a command, like ack);
  // "escalated alerts this week" lists them: a past form ("escalated", a typo away) never pings anyone.
  const pageMe = /^(?:please\s+)?page (?:me|us)\b/.test(text);
  const to = escalateTo(text, new Set(targets.flatMap((t) => [t.name.toLowerCase(), ...(t.role ? [t.role] : [])])));
  if (to) return { kind: 'escalate', id: an, target, unknownTarget, ...several, to };
  if (
    (command(WORDS.escalate) && !/(?:ed|ions?)$/.test(verb ?? '')) ||
    (verb === 'page' && !pageMe && (target || an) && !text.trim().endsWith('?'))
  )
    return { kind: 'escalate', id: an, target, unknownTarget, ...several };
  const setup = asksAbout(text, { metric, more, target, named, an, severity, span, unknownTarget, anomalies: anomalyWord }, targets);
  if (setup) return setup;
  if (has(WORDS.timeline) || WHAT_WE_DID.test(text)) return { kind: 'timeline', id: an ?? rp, target, ...(metric ? { metric } : {}) };
  if (LAST_SEEN.test(text) && !metric && !an) return { kind: 'last_seen', target, ...group, unknownTarget };
  const everything = !named.length && !metric && !unknownTarget && EVERYTHING.test(text) ? { all: true } : {};
  if (leads(WORDS.unsilence) && !/ed$/.test(verb ?? ''))
    return {
      kind: 'unsilence',
      id: sl,
      target,
      ...(sl ? {} : !target && MY_SILENCE.test(text) ? { mine: true } : { ...everything, ...several }),
    };
  const wt = ids.find((i) => i.startsWith('wt_'));
  const edit =
    silenceEdit(text, tokens[leadAt], { sl, target, metric, unknownTarget, ...everything }) ??
    subscriptionCommand(text, { target, named, metric, unknownTarget, su: ids.find((i) => i.startsWith('su_')) }) ??
    watchCommand(text, { target, group: group.group, metric, unknownTarget, wt }) ??
    feedbackCommand(text, an, { target, metric }) ??
    myRequestCommand(text, tokens, target);
  if (edit) return edit;
  // "What did bob silence?" is bob's doing (the audit), not the silences in force; "should I silence db-1?" asks how it alerts.
  const didSilence = /\bwhat (?:did|has|have) \S+ (?:silenced?|muted?)\b|\bshould (?:i|we) (?:silence|mute|snooze)\b/.test(text);
  const silencesOf = { kind: 'silences', ...(target ? { target } : {}), ...silenceSpan(text, span) } as const;
  if (SILENCE_LOG.test(text)) return silencesOf;
  if ((has(WORDS.silences) || HELD.test(text)) && !leads(WORDS.silence) && !didSilence) return silencesOf;
  if (MAINTENANCE_SET.test(text)) return silenceCommand(text, { target, metric, unknownTarget, ...several, ...everything, raw });
  if (has(WORDS.silence) && !QUIETER.test(text) && !quietDayAsked(text, leads(WORDS.silence)) && !didSilence) {
    // "Mutes this week" (a plural) lists them; "mute web-1" silences.
    const listed = !leads(WORDS.silence) || /(?:[^s]s|ed)$/.test(verb ?? '');
    if (listed || (/\b(list|show|which|what)\b/.test(text) && !target && !metric)) return silencesOf;
    return silenceCommand(text, { target, metric, unknownTarget, ...several, ...everything, anomalyId: an, raw });
  }
  // "Approved today", "rejected proposals": a past form asks what was decided ("approved rp_1" still decides).
  const decided = !rp && /ed$/.test(verb ?? '');
  const acts = () => tokens.some((t) => ACTION_VERBS.has(t) || ACTION_NOUNS.has(t));
  const described = rp
    ? {}
    : { ...proposalNamed(text, tokens, { target, unknownTarget }), ...(EVERYTHING.test(text) ? { all: true } : {}) };
  if (command(WORDS.approve) && !decided && (rp || !has(WORDS.pending) || described.all)) return { kind: 'approve', id: rp, ...described };
  if ((command(WORDS.deny) && !decided) || (CANCEL_VERBS.has(verb ?? '') && !text.trim().endsWith('?') && (rp || acts())))
    return { kind: 'deny', id: rp, ...described };
  // "Status of rp_…", "what happened to rp_…": the proposal, its anomaly and how it ended.
  if (rp) return { kind: 'explain', id: rp };
  // "Run df -h on db-1": a command on a host is an action too, whatever it is.
  const acting = verb !== undefined && actionVerb(verb, text, Boolean(target) || named.length > 0, acts);
  const roles = new Set(targets.flatMap((t) => t.role ?? []));
  const wondering = actionQuestion(text, raw, { target, unknownTarget, named, roles, targets });
  if (wondering) return wondering;
  // "Stop alerting on web-1", "don't alert me about disk today" ask for quiet, not for a host to stop.
  if (QUIET_ASK.test(text)) return silenceCommand(text, { target, metric, unknownTarget, ...several, ...everything, raw });
  if (acting && ((!has(WORDS.history) && !has(WORDS.pending) && !TOOK.test(text)) || UNDO_VERBS.has(verb)))
    return actionRequest(text, raw, verb, { target, unknownTarget, named, roles, targets });
  const asked = an ? undefined : detectorQuestion(text, { metric, target, group: group.group, unknownTarget, found: !!found });
  if (asked) return asked;
  const why = explainQuestion(text, {
    an,
    target,
    metric,
    severity,
    span,
    found: Boolean(found),
    named: named.length,
    anomalyWord,
    explainWord: has(WORDS.explain),
  });
  if (why) return why;
  // "explain", "details", "why?" on their own: the latest anomaly, or in an alert's thread that alert.
  if (leads(WORDS.explain) && tokens.length - leadAt <= 2 && !metric && !target && !unknownTarget)
    return { kind: 'explain', ...(/\b(?:it|this|that)\b/.test(text) ? { it: true } : {}) };
  const rules = setupQuestionOf(text, tokens, { metric, target, ...group, span, unknownTarget });
  if (rules) return rules;
  const kept = availabilityQuestion(text, { metric, target, named, unknownTarget, span }) ?? auditQuestion(text, { target, span });
  if (kept) return kept;
  const uncollected = metric ? undefined : uncollectedOf(text);
  if (uncollected) return { kind: 'uncollected', what: uncollected, target, ...group, unknownTarget, ...(span ? { span } : {}) };
  const past = historyIntent({
    text,
    tokens,
    leadAt,
    historyWord: has(WORDS.history),
    words,
    historyWords: WORDS.history,
    metric: Boolean(metric),
    target,
    span,
    number,
    counting: COUNT.test(text),
  });
  const whyProposed = whyProposal(text, rp, { action: 'action' in described ? described.action : undefined, target });
  if (whyProposed) return whyProposed;
  // "Pending restarts" wait; "denied proposals", "approvals yesterday" were decided.
  if (has(WORDS.pending) && (!past?.outcome || /\b(pending|waiting|awaiting)\b/.test(text))) return { kind: 'pending' };
  if (past) return past;
  const history = metric && has(WORDS.history) && !span ? { span: { kind: 'last', ms: 86_400_000 } as TimeSpan } : {};
  const when = () => readOptions(text, { metric, target, named, span, number, targets });
  if (CHART.test(text) && (metric || named.length || !anomalyWord))
    return {
      kind: 'chart',
      metric,
      target,
      ...group,
      unknownTarget,
      ...(span ? { span } : {}),
      ...(number && !target ? { limit: clamp(number, 1, 50) } : {}),
    };
  // "Is disk filling up?", "when will db-1 reach 90%?" (level), "is it getting worse?" (what is open). Everyday
  // words ("full status", "rising star") count only beside a metric.
  const ahead = aheadAsked(text);
  const level = metric ? levelAsked(text, parseBound(text)) : {};
  const trend =
    !anomalyWord &&
    (level.level !== undefined ||
      (!parseBound(text) && (TREND.test(text) || (metric && (futureValue(text, ahead) || TREND_WITH_METRIC.test(text))))));
  // "Which host got worse since yesterday?" ranks the change against then (parse-ranking.ts).
  if (trend || (WORSE.test(text) && !(AGAINST.test(text) && /\b(?:which|what)\b/.test(text)))) {
    const open = trend || target || metric || FLEET_WIDE.test(text) ? {} : { open: true };
    return {
      kind: 'trend',
      metric,
      target,
      ...group,
      unknownTarget,
      ...trendSpan(text, span),
      ...open,
      ...(trend && ahead ? { aheadMs: ahead } : {}),
      ...level,
      ...(metric === 'memory' && /\bleak/.test(text) && !ahead && !span && level.level === undefined ? { leak: true } : {}),
    };
  }
  const ranked = rankingQuestion(text, { metric, target, named, unknownTarget, span, anomalies: anomalyWord, when });
  if (ranked) return ranked;
  const counting = COUNT.test(text);
  const overTime = overTimeQuestion(text, { an, target, ...group, metric, severity, span, unknownTarget });
  if (overTime) return overTime;
  // "Any hosts down?", "which targets stopped reporting?": the fleet's reporting state.
  if (!metric && named.length !== 1 && !unknownTarget && !span && SILENT.test(text) && !anomalyWord && !PAST.test(text))
    return { kind: 'status', silent: true, ...group };
  // "Which host was down today?", "was web-1 down last night?": the silent-host anomalies of then.
  if (!metric && !unknownTarget && (span || PAST.test(text)) && SILENT.test(text) && !anomalyWord)
    return {
      kind: 'anomalies',
      limit: clamp(number ?? 50, 1, 50),
      today: has(WORDS.today),
      target,
      ...group,
      // Without a time ("was web-1 down?"), the last day; "today" is the anomaly list's own flag.
      ...(has(WORDS.today) ? {} : { span: span ?? { kind: 'last', ms: 86_400_000 } }),
      silent: true,
      ...(counting ? { count: true } : {}),
    };
  // "Anything wrong?", "what needs my attention?": the present, not a history ("what went wrong
  // yesterday", "problems today", "the last 3 problems" are anomaly lists).
  if (
    (has(WORDS.attention) || ATTENTION_ASK.test(text)) &&
    !metric &&
    !span &&
    !counting &&
    !has(WORDS.today) &&
    !has(WORDS.summarise) &&
    !BEFORE_SHIFT.test(text) &&
    !PAST.test(text) &&
    (!/\b(anomal\w*|alerts?|incidents?)\b/.test(text) || /\bmost (?:urgent|important|pressing)\b/.test(text))
  )
    return { kind: 'attention', target, ...group, unknownTarget };
  // "Compare web-1 and web-2 over the last hour": their figures then, side by side, not their anomalies.
  // Two targets side by side: "last week" is when, unless said against ("web-1 vs last week").
  const between = named.length >= 2 && span && !AGAINST_TIME.test(text);
  const against = againstAsked(text, found && 'match' in found ? found.match : undefined);
  const plain = !AGAINST.test(text) && !against?.day;
  if (named.length && span && COMPARED.test(text) && (plain || between) && !anomalyWord && (!metric || between))
    return { kind: 'metrics', metric, target, ...group, ...when() };
  const health = healthQuestion(text, { target, named, metric, span, anomalies: anomalyWord });
  if (health) return health;
  // "cpu on web-1 vs yesterday", "… today vs friday": the same hours, side by side (parse-against.ts).
  if (against && (metric || named.length) && !anomalyWord) return { kind: 'compare', metric, target, ...group, ...against };
  const firing = !metric && (words.some((w) => w === 'firing' || w === 'unresolved' || w === 'ongoing') || OPEN_NOW.test(text));
  const timeTo = ((t) => (metric && t?.timeTo !== 'open' && !MTTX.test(text) && !TAKES.test(text) ? undefined : t))(timeToAsked(text));
  const digest = digestOf(text, { span, counted: number !== undefined || ONE_LATEST.test(text), open: firing || has(WORDS.open) });
  // "Show only warnings from today": a severity with a time or a list verb is the anomalies of it.
  // "False positives on disk this week" is the marked anomalies of that metric, not its figures.
  const happened =
    ((HAPPEN.test(text) || (severity && (span || has(WORDS.today) || /\b(?:show|list|any)\b/.test(text)))) && !metric) ||
    feedbackAsked(text).feedback !== undefined;
  if (anomalyWord || (summarise && !metric) || firing || timeTo || NOISY.test(text) || MINE.test(text) || (digest && !metric) || happened) {
    const within = digest?.span ?? span;
    return {
      kind: 'anomalies',
      // "The last alert" is one; "the last alerts" and "anomalies today" are lists.
      limit: clamp(number ?? (ONE_LATEST.test(text) ? 1 : has(WORDS.today) || within ? 50 : 5), 1, 50),
      // A digest with no time is of today ("daily summary").
      today: has(WORDS.today) || (digest !== undefined && !within),
      target,
      ...group,
      unknownTarget,
      ...(within && !(within.kind === 'day' && within.daysBack === 0) ? { span: within } : {}),
      ...stateAsked(text, { open: has(WORDS.open), span, digest: Boolean(digest), timeSaid: Boolean(within) || has(WORDS.today) }),
      ...(severity ? { severity } : {}),
      ...(metric ? { metric } : {}),
      ...detectorNamed(text),
      ...feedbackAsked(text),
      ...(counting || digest || NOISY.test(text) ? { count: true } : {}),
      ...listShape(text, counting, targets, Boolean(digest)),
      ...(digest ? digestFields(digest, text) : {}),
      ...timeTo,
    };
  }
  if (metric) {
    const also = uncollectedOf(text) ?? sizeAsked(metric, text);
    // A metric that is the second condition ("disk above 40% and cpu above 30%") is no read of its own.
    const read = when();
    const others = more.filter((m) => m !== read.also?.metric);
    return {
      kind: 'metrics',
      metric,
      target,
      ...group,
      unknownTarget,
      ...read,
      ...history,
      ...(also ? { uncollected: also } : {}),
      ...(others.length ? { more: others } : {}),
    };
  }
  if (target || named.length) return { kind: 'metrics', target, ...group, ...when() };
  if (/\d\s*%/.test(text) && parseBound(text)) return { kind: 'metrics', ...when() };
  // "Hosts by role", "status per tier": the table with that column, sorted by it.
  if (has(WORDS.status)) return unknownTarget ? { kind: 'metrics', unknownTarget } : { kind: 'status', ...groupByOf(text, targets) };
  if (unknownTarget) return { kind: 'metrics', unknownTarget };
  if (/\b(usage|current|now|metrics|numbers|stats)\b/.test(text)) return { kind: 'status' };
  return { kind: 'unknown' };
}
