import type { ActionId } from '../core/remediation.js';
import { LATER_SAID } from './later-words.js';
import type { Intent } from './intent.js';
import { splitReason } from './parse-silence.js';
import { cleanInput, closest, LENGTH } from './text-tools.js';
import { UNDO_VERBS } from './intent-words.js';

/**
 * "Restart app on web-1": `action` when it names an allow-listed one; `service`, `count` ("by 2"),
 * `toSize` ("to 4") and `paths` as named, checked against config and never used; `why` after a colon.
 */
export interface ActionRequestIntent {
  kind: 'action_request';
  verb: string;
  target?: string | undefined;
  unknownTarget?: string | undefined;
  several?: string[];
  /** "Scale up web-asg": the auto scaling group those named share, scaled through `target`. */
  group?: string;
  action?: ActionId;
  service?: string;
  count?: number;
  toSize?: number;
  paths?: string[];
  why?: string;
  /** "Should I restart app on web-1?": what asking would do; nothing is proposed. */
  question?: boolean;
  /** "Roll back the scale up", "undo the restart", "scale down web-1": reversing one (`undoes`, when named); nothing is proposed. */
  undo?: boolean;
  undoes?: ActionId | 'change';
}

// What an undo names: "roll back the scale up", "undo the restart on web-1", "revert the cleanup".
const UNDONE: readonly (readonly [RegExp, ActionId | 'change'])[] = [
  [/\bscal(?:e|ing)[\s_-]*(?:up|out)\b|\bscale_up\b/, 'scale_up'],
  [/\brestart(?:_service|s|ed)?\b|\bbounce\b/, 'restart_service'],
  [/\bclean(?:[\s_-]?up|ing)?\b|\bcleanup_disk\b/, 'cleanup_disk'],
  // "Roll back the deploy on api-1": the team's change, not an action of mine.
  [/\b(?:deploy\w*|release|version|change|upgrade|rollout|commit|build|ch_[a-z0-9]+)\b/, 'change'],
];

const NOT_SCHEDULED =
  'Nothing requested: I don\'t schedule actions. A request is proposed when asked and waits for an approver, so ask at the time, or set a reminder ("remind me at 22:00 to restart app on web-1")';
const LATER = new RegExp(
  String.raw`\b(?:in (?:${LENGTH}|\d+\s*(?:s|secs?|seconds?))|at \d{1,2}(?::\d{2})?\s*(?:am|pm)?|tonight|${LATER_SAID}|afterwards|(?:in|during) the (?:morning|afternoon|evening|night)|overnight|(?:over|at|during) lunch(?: ?time)?|this (?:evening|afternoon|weekend)|after (?:hours|midnight|lunch)|when (?:it(?:'s| is)|things are|traffic is|we(?:'re| are)) (?:quiet|quieter|calm|low|lower|off[\s-]peak)|every (?:day|hour|night|morning)|during (?:off[\s-]?peak|the night|the maintenance window))\b`,
);
const SCALE_DOWN = /\bscal(?:e|ing)\s+(?:\S+\s+){0,3}?(?:down|in)\b/;
// Words after "restart" that are not a service: "restart it on web-1", "restart the web-1 host".
const NOT_SERVICE = new Set([
  'it',
  'this',
  'that',
  'them',
  'on',
  'the',
  'service',
  'services',
  'host',
  'server',
  'box',
  'instance',
  'machine',
  'node',
  // "What would a restart of web-1 do?", "what does a restart do?"
  'of',
  'do',
  'does',
  'now',
]);

/** The auto scaling group every one of these targets is in, or undefined. */
function oneGroup(names: string[], targets: readonly { name: string; autoScalingGroup?: string }[]): string | undefined {
  const groups = new Set(names.map((n) => targets.find((t) => t.name === n)?.autoScalingGroup));
  const [g] = groups;
  return groups.size === 1 && g ? g : undefined;
}

/** The allow-listed action a request names: a restart of a service, a scale-up, a disk clean-up; others have none. */
function actionOf(text: string, verb: string): ActionId | undefined {
  if (verb === 'restart' || verb === 'bounce') return 'restart_service';
  if (verb === 'scale' || verb === 'resize') return SCALE_DOWN.test(text) ? undefined : 'scale_up';
  if (verb === 'clean' || verb === 'cleanup' || verb === 'purge') return 'cleanup_disk';
  // "Clear tmp on db-1", "wipe old logs": a disk's files named; "clear web-1" alone is not a clean-up.
  if ((verb === 'clear' || verb === 'wipe') && /\b(?:tmp|temp|logs?|disk|space|files?|\/\S+)\b/.test(text)) return 'cleanup_disk';
  if (verb === 'run' || verb === 'execute' || verb === 'trigger' || verb === 'exec') {
    const named = /\b(restart_service|scale_up|cleanup_disk)\b/.exec(text)?.[1] as ActionId | undefined;
    return (
      named ?? (/\brestart\b/.test(text) ? 'restart_service' : /\bclean[\s-]?up\b|\bcleanup\b/.test(text) ? 'cleanup_disk' : undefined)
    );
  }
  return undefined;
}

/** What a request names besides its words: the target (or the several named), the roles there are, and the targets' groups. */
export interface RequestScope {
  target?: string | undefined;
  unknownTarget?: string | undefined;
  named: string[];
  roles: Set<string>;
  targets?: readonly { name: string; autoScalingGroup?: string }[];
}

/**
 * "Restart app on web-1", "scale up web-2", "clean up the disk on db-1: it is at 95%": a request for
 * an allow-listed action. The action and target are read, with any service, count or paths the text
 * names (checked against config, never used) and the reason after a colon or "because". Which rule
 * allows it, with what parameters, is the answer's to decide (plan-request.ts).
 */
export function actionRequest(
  text: string,
  raw: string,
  verb: string,
  o: RequestScope,
): ActionRequestIntent | Extract<Intent, { kind: 'bad_input' }> {
  const head = splitReason(text).head;
  // "Restart app on web-1; rm -rf /": a second command tacked on is never half-read as the first.
  if (/[;|&`]|\$\(/.test(splitReason(raw.replace(/<[@#!][^>]{0,80}>/g, ' ')).head))
    return {
      kind: 'bad_input',
      reason:
        'Nothing requested: one request a message, in words. What follows ";", "&&" or "|" reads as another command, and I run no commands ("restart app on web-1"; a reason goes after a colon)',
    };
  // "Restart app on web-1 in 10 minutes", "… at 22:00": a request is proposed now, so a time said would be dropped.
  if (LATER.test(head))
    return {
      kind: 'bad_input',
      reason: NOT_SCHEDULED,
    };
  const why = splitReason(cleanInput(raw)).reason;
  const action = actionOf(head, verb);
  // "Scale up web-asg": a scale-up acts on the group, so any of its members names it.
  const group = action === 'scale_up' && o.named.length > 1 ? oneGroup(o.named, o.targets ?? []) : undefined;
  const base: ActionRequestIntent = {
    kind: 'action_request',
    verb,
    target: group ? o.named[0] : o.target,
    unknownTarget: o.unknownTarget,
    ...(o.named.length > 1 ? (group ? { group } : { several: o.named }) : {}),
  };
  // "Roll back the scale up", "undo the restart", "scale down web-1": no allow-listed action reverses another.
  const scaleDown = (verb === 'scale' || verb === 'resize') && SCALE_DOWN.test(head);
  if (UNDO_VERBS.has(verb) || scaleDown) {
    const undoes = scaleDown ? 'scale_up' : UNDONE.find(([re]) => re.test(head))?.[1];
    return { ...base, undo: true, ...(undoes ? { undoes } : {}) };
  }
  if (!action) return base;
  const service =
    action === 'restart_service'
      ? /\b(?:restart|bounce)\s+(?:the\s+)?(?:service\s+)?([a-z0-9][a-z0-9@._-]*)/.exec(head.replace(/\brestart_service\b/, 'restart'))?.[1]
      : undefined;
  const isService = service !== undefined && !NOT_SERVICE.has(service) && !o.named.includes(service) && !o.roles.has(service);
  const by = /\bby\s+(\d{1,4})\b|\b(\d{1,4})\s+more\b/.exec(head);
  const to = /\bto\s+(\d{1,4})(?:\s+(?:instances?|replicas?|nodes?|hosts?|servers?))?\b/.exec(head);
  const paths = head.match(/(?<![\w/])\/[a-z0-9._/-]*/g) ?? [];
  return {
    ...base,
    action,
    ...(isService ? { service } : {}),
    ...(action === 'scale_up' && by ? { count: Number(by[1] ?? by[2]) } : {}),
    ...(action === 'scale_up' && to && !by ? { toSize: Number(to[1]) } : {}),
    ...(action === 'cleanup_disk' && paths.length ? { paths } : {}),
    ...(why ? { why } : {}),
  };
}

const SCHEDULE_ACTION =
  /^(?:please\s+|can you\s+|could you\s+)?(?:schedule|plan|queue|book)\s+(?:a\s+|an\s+|the\s+)?(?:restart|reboot|scale[\s-]?up|clean[\s-]?up|cleanup|remediation)\b/;
// "Add more disk to db-1", "increase memory on db-1", "free up memory": resizing, which no action does.
const RESIZE =
  /^(?:please\s+|can you\s+|could you\s+)?(?:(?:add|increase|expand|grow|resize|upgrade|extend|double|bump(?: up)?|give(?: \S+)?)\s+(?:(?:more|extra|the|some)\s+)?(?:memory|ram|disk(?: space)?|storage|cpus?|cores|vcpus?)|free up (?:some\s+)?(?:memory|ram))\b(?!\s+(?:threshold|alert|alarm|limit|rule|warning|critical|bound|line|level|forecast|horizon|silence|snooze|mute|maintenance|window)s?\b)/;

// "Freeze deploys", "start a code freeze": a gate on deploys, which sit outside this bot.
const FREEZE =
  /^(?:please\s+|let'?s\s+)?(?:freeze|block|stop|halt|pause)\s+(?:all\s+)?(?:deploy(?:s|ments)?|releases|rollouts|changes)\b|^(?:please\s+|let'?s\s+)?(?:start|begin|declare|put in place|announce)\s+(?:a\s+)?(?:deploy|code|change|release)\s+freeze\b/;

// "Retry the failed restart", "run it again", "run it for real": a remediation is asked for anew, never re-run or promoted from chat.
const RERUN =
  /^(?:please\s+|can you\s+|could you\s+)?(?:(?:retry|re-?run|redo)\s+(?:(?:the|my|last|failed|previous)\s+)*(?:it|that|this|restart|reboot|scale[\s-]?up|clean[\s-]?up|cleanup|remediation|action|proposal|rp_[a-z0-9]+)|(?:run|do|execute|apply)\s+(?:it|that|this|the\s+\S+)\s+(?:again|for real|live|properly|not as a dry[\s-]?run))[\s.!]*$/;

/** A request no action can meet: a scheduled one, a host resized, a deploy freeze, or a re-run. Pure; undefined for any other text. */
export function unmetRequest(text: string): Extract<Intent, { kind: 'bad_input' }> | undefined {
  if (RERUN.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing was run: a remediation is never re-run or turned from a dry run into a live one from chat. Ask for it again ("restart app on web-1") and it is proposed anew through its rule and, unless the rule says auto, an approver. Whether a rule runs for real is its mode and executor in remediation.rules; "failed restarts" lists what failed and why, and "which rules are dry run?" what only simulates',
    };
  if (FREEZE.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing changed: I don\'t gate deploys, as I sit in no deploy pipeline. Record the freeze as a change ("change: deploy freeze until Monday 09:00") so alerts and timelines name it; "is it safe to deploy?" says what I see now',
    };
  if (SCHEDULE_ACTION.test(text))
    return {
      kind: 'bad_input',
      reason: NOT_SCHEDULED,
    };
  if (RESIZE.test(text))
    return {
      kind: 'bad_input',
      reason:
        'Nothing was done: resizing a host (memory, disk, CPUs) is not an action I run. The allow-listed ones are restart_service, scale_up and cleanup_disk: "clean up disk on db-1" frees space, "scale up web-asg" adds an instance; "capacity outlook" shows which hosts are short of room',
    };
  return undefined;
}

// "Should I restart app on web-1?", "what would happen if I scale up web-2?", "is it safe to clean up db-1?".
// "Dry run restart on web-1", "what would scale_up do on web-1?": what it would do, shown and not run.
const ASKING =
  /^(?:should|shall|would it be (?:ok|okay|safe|wise|a good idea) to|is it (?:ok|okay|safe|wise|a good idea) to|what (?:would|will) happen if|what happens if|what if (?:i|we)|how (?:do|can|would|should) (?:i|we)|can (?:i|we)|may (?:i|we)|could (?:i|we)|dry[\s-]?run|simulate|preview)\b|^what (?:would|will|does) (?:a |an |the )?\S+(?: \S+){0,6}? (?:do|change|run|involve|delete|remove|touch|clean)\b|^what (?:files|paths|directories|dirs) (?:would|will|does|do) (?:a |an |the )?\S+(?: \S+){0,4}? (?:delete|remove|touch|clean)\b/;
/** The words that name an action in such a question, as the verb actionRequest reads. */
const ASKED_VERBS: Record<string, string> = {
  restart: 'restart',
  restarting: 'restart',
  restart_service: 'restart',
  bounce: 'bounce',
  scale: 'scale',
  scaling: 'scale',
  scale_up: 'scale',
  resize: 'resize',
  clean: 'clean',
  cleaning: 'clean',
  cleanup: 'cleanup',
  cleanup_disk: 'cleanup',
  purge: 'purge',
  reboot: 'reboot',
};

/**
 * A question about acting, not a request: what asking for it would do (which rule, what it runs, who
 * decides) and what is open there. Nothing is proposed. Undefined when the text is no such question.
 */
export function actionQuestion(text: string, raw: string, o: RequestScope): ActionRequestIntent | undefined {
  if (!ASKING.test(text)) return undefined;
  const word = text.split(/[^a-z_]+/).find((w) => w in ASKED_VERBS);
  if (!word) return undefined;
  const verb = ASKED_VERBS[word]!;
  const asked = actionRequest(text, raw, verb, o);
  return asked.kind === 'action_request' ? { ...asked, question: true } : undefined;
}

/** What the asker named besides the action and target (service, count, size, paths): checked against the rule, never used. */
export function namedParams(i: ActionRequestIntent): { service?: string; count?: number; toSize?: number; paths?: string[] } {
  return {
    ...(i.service !== undefined ? { service: i.service } : {}),
    ...(i.count !== undefined ? { count: i.count } : {}),
    ...(i.toSize !== undefined ? { toSize: i.toSize } : {}),
    ...(i.paths ? { paths: i.paths } : {}),
  };
}

// The verbs that act (or decide) said at the head of a command, and words near them that are words of their own.
const COMMAND_VERBS = ['restart', 'reboot', 'cleanup', 'rollback', 'scale', 'approve', 'deny', 'escalate'];
const NOT_TYPOS = new Set(['restore', 'reset', 'deploy', 'delay', 'dense', 'scan', 'scar', 'scare', 'improve', 'dent', 'cleanse']);

/**
 * "Restrat app on web1": a command verb misspelt. Nothing is done on a guess, and the reply says
 * what it reads like, so the asker can say it again. An inflection ("restarts today", "scaled up?")
 * asks about the past and is not one. Pure; undefined when the first word is no such typo.
 */
export function typoedCommand(tokens: readonly string[]): Intent | undefined {
  const first = tokens[0];
  if (!first || tokens.length < 2 || first.length < 4 || NOT_TYPOS.has(first) || COMMAND_VERBS.includes(first)) return undefined;
  const verb = closest(first, COMMAND_VERBS);
  if (!verb || first.startsWith(verb) || verb.startsWith(first)) return undefined;
  // "Approval latency", "denial count": a word made from the verb ("approv-al", "deni-al") is no typo.
  let shared = 0;
  while (shared < verb.length && first[shared] === verb[shared]) shared++;
  if (shared >= verb.length - 1) return undefined;
  return {
    kind: 'bad_input',
    reason: `"${first}" reads like "${verb}", and I act only on a command said as it is, so nothing was done; say "${[verb, ...tokens.slice(1)].join(' ')}" if that is what you meant`,
  };
}
