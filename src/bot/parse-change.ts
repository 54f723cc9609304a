import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { cleanInput } from './text-tools.js';

const TRAILING_TIME =
  /[\s,;]+(?:(?:about|around|roughly)\s+)?(?:(?:\d+(?:\.\d+)?|an?|half an?)\s*(?:minutes?|mins?|m|hours?|hrs?|h)\s+ago|at\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?:\s*utc)?)\s*\.?$/i;

// A done verb followed at once by where or when, with no thing changed: "restarted on web-1", "deployed to api-2", "rebooted this week".
const NO_OBJECT =
  /^\s*(?:(?:i|we)\s+(?:just\s+)?)?[a-z]+(?:\s+(?:up|down|out|in|back|over))?\s+(?:on|to|in|at|for|this|last|past|today|yesterday|since|over|during)\b/i;

/** A change is a line in a log, not a document. */
export const CHANGE_MAX = 300;

// "Deployed v2.3 to api-1", "we just rolled back web-1", "restarted nginx on db-1 by hand": something
// people did to the hosts, said as done (a past or present form), recorded to set beside what follows.
const DONE =
  /^\s*(?:(?:i|we)(?:'ve| have| just| are| am|'re|'m)?\s+(?:just\s+)?|just\s+)?(?:deployed|deploying|rolled (?:out|back)|rolling (?:out|back)|released|releasing|shipped|shipping|upgraded|upgrading|patched|patching|migrated|migrating|rebooted|rebooting|restarted|reconfigured|resized|scaled (?:up|down|out|in)|failed over|flipped|toggled|raised|lowered|increased|decreased|bumped|updated|changed|enabled|disabled|turned (?:on|off)|added|removed|replaced|rotated|applied|merged|fixed|tuned|moved|drained|expanded|cleaned up|cleared|truncated|vacuumed)\b/i;
// "Web-1 is being rebooted", "the api hosts are being patched": under way, said as it happens.
const BEING =
  /^\s*(?:the\s+)?(?:[\w.-]+\s+){1,3}(?:is|are)\s+(?:now\s+)?being\s+(?:rebooted|restarted|deployed|redeployed|patched|upgraded|migrated|replaced|resized|drained|rolled back|updated)\b/i;
// "FYI", "heads up:", "btw": a courtesy before the news, not part of it.
const COURTESY = /^\s*(?:fyi|heads[\s-]up|btw|psa)\b[\s,:;.!-]*/i;
// "change: bumped the pool size", "log a deploy: api v2.3", "record change on db-1: vacuum".
const SAID = /^\s*(?:(?:record|log|mark|add|note)\s+(?:a\s+|the\s+)?)?(?:change|deploy(?:ment)?|release|rollout)\b[^:?]{0,60}:(?!\d)\s*/i;

// "Record a deploy of v2.4 to api-1", "log a rollback on web-1": the rest is what changed.
const RECORD =
  /^\s*(?:please\s+)?(?:record|log|note|register)\s+(?:a\s+|an\s+|the\s+)?(?=(?:deploy(?:ment)?|release|rollout|rollback|roll back|change|upgrade|migration|restart|reboot|patch)\s+(?:of|to|on|for|at|in)\b)/i;

// "Deploy of api-1 finished", "the release to web-2 is done": a change said as over.
const FINISHED =
  /^\s*(?:ok,?\s+)?(?:the\s+|our\s+|my\s+)?(?:deploy(?:ment)?|release|rollout|rollback|upgrade|migration|patch(?:ing)?)\s+(?:of|to|on|for)\s+\S.*\b(?:finished|is done|done|complete[d]?|went out|is out|is live|landed|succeeded)\s*[.!]*$/i;

// "Delete ch_…", "that change ch_… was a mistake": withdrawn, never erased (the record stays, marked).
const WITHDRAW =
  /^\s*(?:please\s+)?(?:delete|remove|withdraw|retract|undo|forget|cancel|drop|scrap)\s+(?:the\s+)?(?:change\s+)?(ch_[a-z0-9]{3,30})\b|\b(ch_[a-z0-9]{3,30}) (?:was|is) (?:a )?(?:mistake|wrong|an error|not (?:a change|real))\b/i;

/** A change said in chat, with its words as typed; undefined when the text is not one (questions never are). Pure. */
export function changeStatement(
  typed: string,
  named: readonly string[],
  /** "… at 09:30", "… 20 min ago": when it was done, if said; else now. */
  span?: TimeSpan,
): Extract<Intent, { kind: 'change' }> | undefined {
  if (typeof typed !== 'string') return undefined;
  const raw = typed.replace(COURTESY, '');
  const withdraw = WITHDRAW.exec(raw);
  if (withdraw) return { kind: 'change', text: '', targets: [], withdraw: (withdraw[1] ?? withdraw[2])!.toLowerCase() };
  if (/\?\s*$/.test(raw)) return undefined;
  const said = SAID.exec(raw) ?? RECORD.exec(raw);
  // "Disabled alerts for web-1" is about alerting (a silence, or a question of one), and a bare "fixed" says too little to keep.
  if (
    !said &&
    (!(DONE.test(raw) || FINISHED.test(raw) || BEING.test(raw)) ||
      /\b(?:alert\w*|notif\w*|pag(?:e|es|ing))\b/i.test(raw) ||
      raw.trim().split(/\s+/).length < 2)
  )
    return undefined;
  // "Restarted on web-1 this week" names no thing changed and a stretch of time, not a moment: it asks what was done then.
  if (!said && span && span.kind !== 'at' && span.kind !== 'clock' && NO_OBJECT.test(raw)) return undefined;
  const when = span && (span.kind === 'at' || span.kind === 'clock') ? { span } : {};
  // "Deployed v2.5 to web-1 25 min ago" is recorded at that time; the time is not part of what changed.
  const body = cleanInput(said ? raw.slice(said[0].length) : raw).trim();
  const text = (when.span ? body.replace(TRAILING_TIME, '') || body : body).slice(0, CHANGE_MAX);
  return { kind: 'change', text, targets: [...named], ...when };
}

// "Recent changes", "what was deployed today?", "any deploys this week?", "who deployed last?", "when did we roll back?". "What changed since yesterday?" is a
// catch-up (the digest), which lists the changes recorded with the rest.
const ASKED =
  /\b(?:changes|change log|changelog|deploys|deployments|releases|rollouts)\b|\b(?:last|latest|recent|previous) (?:deploy(?:ment)?|release|rollout|change)\b|\bwhat (?:was|got|has been|have been|were) (?:deployed|released|changed|rolled out)\b|\b(?:was|were|has|have) (?:anything|something|there) (?:been )?(?:deployed|released|changed|rolled out)\b|\bwho (?:deployed|released|shipped|rolled (?:out|back)|rollback(?:ed)?)\b|\bwhen did (?:we|they|someone|anyone|you) (?:last )?(?:deploy|release|ship|rollback|roll out)\b/;

// "Did anything change on api-1?", "did someone touch something?": the changes, unless a metric is named ("did anything change in cpu?").
const DID_CHANGE =
  /\bdid (?:anything|something) (?:change|get deployed|get changed)\b|\bdid (?:anyone|someone|somebody|we|they) (?:change|deploy|release|touch) (?:anything|something)\b/;

// "The api deploy", "the v2.5 release": a word may name what was changed.
export const CHANGED = String.raw`(?:the\s+|our\s+|my\s+|that\s+|this\s+)?(?:last\s+|latest\s+|recent\s+)?(?:[a-z][\w.-]*\s+)?(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback)`;
// "What happened after the deploy?", "any alerts since the last release?", "did the deploy break anything?".
const AFTER = new RegExp(
  String.raw`\b(?:since|after|following)\s+${CHANGED}\b|\bdid (?:the|our|my|that|this) (?:last\s+)?(?:[a-z][\w.-]*\s+)?(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback)(?: (?:on|to|of) [\w.-]+)? (?:break|cause|trigger|hurt)\b` +
    // "Is this related to the deploy?", "was it the deploy?", "could the release have caused it?": the alerts since the latest.
    String.raw`|\b(?:related|linked|due|down) to (?:the|our|that|this|a) (?:last |latest |recent )?(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback)\b|^(?:so\s+)?(?:was|is) (?:it|this|that) (?:the|our|a) (?:last |latest |recent )?(?:deploy(?:ment)?|release|rollout|upgrade|rollback)\b|\b(?:could|did|might|may) (?:the|our|that|this) (?:last |latest |recent )?(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback) (?:have )?(?:caused|cause|broken|break|triggered)\b(?! (?:the |a |that |this )?(?:[\w-]+ )?(?:cpu|memory|disk|latency|network|load|traffic)\b)`,
);
// Said of a deploy, a release or a rollback rather than of any change: the latest of those.
const OF_DEPLOY = /\b(?:deploy(?:ment)?|release|rollout|upgrade|rollback)\b/;

// "Compare api-1 before and after the deploy", "did latency change after the release?", "impact of the
// last change", "did the deploy make latency worse?": the figures either side of it, not the anomalies.
const IMPACT = new RegExp(
  [
    String.raw`\bbefore and after ${CHANGED}\b`,
    String.raw`\b(?:impact|effect|effects|consequences?) (?:of|from) ${CHANGED}\b`,
    String.raw`\bhow (?:did|has|does) ${CHANGED} (?:affect\w*|change\w*|impact\w*)\b`,
    String.raw`\bdid ${CHANGED} (?:change|affect|impact|improve|help|hurt|slow|speed up|raise|increase|lower|reduce|make|fix|move)\b(?! anything\b)`,
    // "Did the deploy cause the latency spike?": a figure named, so its figures either side (not the alerts since).
    String.raw`\bdid ${CHANGED} (?:cause|trigger|lead to|bring on) (?:the |a |that |this )?(?:[\w-]+ )?(?:cpu|memory|disk|latency|network|load|traffic)\b`,
    String.raw`\bdid ${CHANGED} (?:change|affect|move) anything\b`,
    String.raw`\b(?:change[ds]?|go(?:ne)? up|go(?:ne)? down|went up|went down|worse|better|higher|lower|slower|faster|increas\w*|decreas\w*|ris(?:e|en)|rose|dropp?\w*|jump\w*|spik\w*|moved?) (?:since|after|following) ${CHANGED}\b`,
    String.raw`\bcompare\b.*\b(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback)\b`,
  ].join('|'),
);

const CHANGES_BY =
  /\bwhat (?:did|has) ([a-z][\w.@-]*) (?:deploy(?:ed)?|change[d]?|ship(?:ped)?|release[d]?|roll(?:ed)? out|push(?:ed)?|record(?:ed)?)\b|\b(?:changes?|deploy(?:s|ments)?|releases?|rollouts?) (?:made |recorded |done )?by ([a-z][\w.@-]*)\b|\b([a-z][\w.@-]*)['’]s (?:changes|deploys|deployments|releases|rollouts)\b/;
const PRONOUN = /^(?:i|we|you|they|he|she|it|the|anyone|anybody|someone|somebody|everyone|people|us|them|who|that|this)$/;

/**
 * "Recent changes", "what was deployed today?": the changes recorded then (change-log.ts); "what
 * happened after the deploy?": the anomalies since the latest one; "did latency change after the
 * deploy?": the figures before and after it (answer-change-impact.ts). Pure.
 */
export function changesQuestion(
  text: string,
  o: { target?: string; group?: string[]; metric?: MetricKey; span?: TimeSpan; unknownTarget?: string },
): Intent | undefined {
  // "Before and after ch_…", "impact of ch_…": that change, not the latest.
  const id = /\bch_[a-z0-9]{3,30}\b/.exec(text)?.[0];
  const config = /\b(?:config|configuration|settings?)\b/.test(text);
  // What is asked about: the targets (or the target that is none) and, for the figures, the metric.
  const scope = {
    ...(o.target ? { target: o.target } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
  };
  const metric = o.metric ? { metric: o.metric } : {};
  if (id && (IMPACT.test(text) || /\b(?:before and after|impact|effect|compare|affect\w*|change[ds]?|move[ds]?)\b/.test(text)))
    return { kind: 'change_impact', id, ...scope, ...metric };
  // "What did alice deploy?", "changes by bob", "alice's deploys": the changes that person recorded.
  const by = CHANGES_BY.exec(text);
  const who = by?.slice(1).find(Boolean);
  // "What did we deploy today?" is everyone's; "what did you change?" is the bot's remediations, not a change log.
  if (who && who !== 'you' && who !== o.target && !o.group?.includes(who))
    return { kind: 'changes', ...scope, ...(o.span ? { span: o.span } : {}), ...(PRONOUN.test(who) ? {} : { by: who }) };
  const deploy = OF_DEPLOY.test(text);
  if (IMPACT.test(text) && !config) return { kind: 'change_impact', ...scope, ...metric, ...(deploy ? { deploy } : {}) };
  // "Did the deploy break anything?" asks of what it touched; "any alerts since the last deploy?" of the fleet since then.
  const blame =
    /\b(?:break|broke|broken|cause[ds]?|hurt|harm(?:ed)?|impact(?:ed)?|affect(?:ed)?|damage[ds]?|problems?|issues?|regress\w*)\b/.test(
      text,
    );
  if (AFTER.test(text))
    return {
      kind: 'anomalies',
      limit: 50,
      today: false,
      afterChange: deploy ? 'deploy' : true,
      ...scope,
      ...(blame ? { blame: true } : {}),
    };
  // "Deployed to api-2 today": said with a stretch of time and no thing changed, a question (see changeStatement).
  const doneThen = o.span !== undefined && o.span.kind !== 'at' && o.span.kind !== 'clock' && DONE.test(text) && NO_OBJECT.test(text);
  if (!(ASKED.test(text) || doneThen || (DID_CHANGE.test(text) && !o.metric)) || config) return undefined;
  return { kind: 'changes', ...scope, ...(o.span ? { span: o.span } : {}) };
}
