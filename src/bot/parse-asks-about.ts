import { againstAsked } from './parse-against.js';
import type { TargetRef } from './match-target.js';
import { scopeOf } from './scope-of.js';
import type { Intent, MetricKey } from './intent.js';
import { setupQuestion } from './parse-about.js';
import { correlateQuestion } from './parse-correlate.js';
import { coAlertsQuestion } from './parse-co-alerts.js';
import { daypartQuestion } from './parse-daypart.js';
import { deliveryQuestion, pagesQuestion, suppressedQuestion } from './parse-delivery.js';
import { dependentsQuestion } from './parse-dependents.js';
import { aroundQuestion } from './parse-around.js';
import { integrationsQuestion } from './answer-integrations.js';
import { recoveryQuestion } from './parse-recovery.js';
import { deployCheckQuestion } from './parse-deploy-check.js';
import { qualityQuestion } from './parse-feedback.js';
import { healthRankQuestion } from './parse-health.js';
import { inventoryQuestion } from './parse-inventory.js';
import { pipelineQuestion } from './parse-pipeline.js';
import { valueCheckQuestion } from './parse-value-check.js';
import { ruleStatsQuestion } from './parse-rule-stats.js';
import { flatlineQuestion } from './parse-flatline.js';
import { DECISION_TIMES } from './answer-decision-times.js';
import { aheadAtQuestion, goingToQuestion, type TimeSpan } from './parse-time-span.js';
import { detectorNamed } from './intent-words.js';
import { unmetRequest } from './parse-action-request.js';
import { resolveSpeedAsked, SHARE_ASKED } from './ack-phrases.js';
import { afterActionQuestion } from './parse-history.js';
import { howOftenQuestion } from './parse-how-often.js';
import { reviewQuestion } from './parse-review.js';
import { distanceQuestion } from './parse-distance.js';
import { siteUpQuestion } from './parse-site-up.js';
import { beforeAfterQuestion } from './parse-before-after.js';
import { twoSpansQuestion } from './parse-two-spans.js';
import { groupWhyQuestion } from './parse-explain.js';
import { listSpan } from './parse-list-shape.js';
import { caughtFirstQuestion } from './parse-caught-first.js';
import { collectedQuestion } from './parse-collected.js';
import { FIXED_BEFORE, precedentQuestion } from './parse-precedent.js';
import { notReportingQuestion } from './parse-not-reporting.js';

const REMEDIATED =
  /\b(?:alerts?|anomal\w*) (?:that|which) (?:triggered|got|led to|caused|had|received) (?:a |an |any )?(?:remediations?|actions?|restarts?|fix(?:es)?|clean-?ups?)\b|\bremediated (?:alerts?|anomal\w*)\b/;
const QUIET_HOSTS =
  /\b(?:which|what|any) (?:hosts?|servers?|targets?|machines?) (?:are|were|is|was|have been|has been|stayed) (?:quiet|calm)\b|^(?:the |list (?:the )?|show (?:me )?(?:the )?)?quiet(?:est)? (?:hosts|servers|targets)[\s?.!]*$/;

/**
 * Questions about the setup, the delivery, where targets run, how two series move together, each
 * rule's record, alert quality, health rankings and parts of the week: each read before commands and
 * figures, since their words ("region", "rule", "at night") would otherwise name a figure. Pure; the
 * first that fits, else undefined.
 */
export function asksAbout(
  text: string,
  o: {
    metric: MetricKey | undefined;
    more: MetricKey[];
    target: string | undefined;
    named: string[];
    an: string | undefined;
    severity: 'critical' | 'warning' | undefined;
    span: TimeSpan | undefined;
    unknownTarget: string | undefined;
    anomalies: boolean;
  },
  targets: TargetRef[] = [],
): Intent | undefined {
  const { metric, more, target, named, an, severity, span, unknownTarget, anomalies } = o;
  return (
    notReportingQuestion(text, { metric, named, unknownTarget, span }) ??
    unmetRequest(text) ??
    caughtFirstQuestion(text, { target, metric, an }) ??
    collectedQuestion(text, named) ??
    // "Alerts that triggered a remediation", "remediated alerts": the remediation history, each with its alert.
    (REMEDIATED.test(text) ? { kind: 'history', limit: 10, ...(target ? { target } : {}), ...(span ? { span } : {}) } : undefined) ??
    (FIXED_BEFORE.test(text) ? precedentQuestion(text, { an, target, metric, unknownTarget }) : undefined) ??
    aroundQuestion(text, { metric, more, named }) ??
    integrationsQuestion(text, target) ??
    dependentsQuestion(text, { target, group: named.length > 1 ? named : undefined }) ??
    recoveryQuestion(text, { target, group: named.length > 1 ? named : undefined, metric }) ??
    deployCheckQuestion(text, { target, group: named.length > 1 ? named : undefined }) ??
    (DECISION_TIMES.test(text) ? { kind: 'decision_times', ...(span ? { span } : {}) } : undefined) ??
    resolveSpeedQuestion(text, span) ??
    afterActionQuestion(text, target) ??
    howOftenQuestion(text, { metric, target, named, span }) ??
    reviewQuestion(text, { target, span, metric, group: named.length > 1 ? named : undefined, unknownTarget }) ??
    siteUpQuestion(text) ??
    shareQuestion(text, target, span) ??
    alertsAsked(text, { target, span }) ??
    goingToQuestion(text, { metric, target, named }) ??
    aheadAtQuestion(text, { metric, target, named, span }) ??
    distanceQuestion(text, { metric, target, named }) ??
    beforeAfterQuestion(text, { metric, target, named, span }) ??
    twoSpansQuestion(text, { metric, target, named, anomalies }) ??
    groupWhyQuestion(text, { metric, named, span }) ??
    // "Which hosts are quiet?": those without alerts, though "quiet" also asks for a silence.
    (QUIET_HOSTS.test(text) ? { kind: 'anomalies', limit: 5, today: false, none: true, ...(span ? { span } : {}) } : undefined) ??
    pipelineQuestion(text, { target }) ??
    flatlineQuestion(text, { metric, target, named, span }) ??
    pagesQuestion(text, { span, target }) ??
    suppressedQuestion(text, { span, target }) ??
    valueCheckQuestion(text, { metric, target, named, span }) ??
    setupQuestion(text, { metric, target, an, severity, span }) ??
    deliveryQuestion(text, span, named.length > 0 || Boolean(metric)) ??
    inventoryQuestion(text, { target, named, metric, unknownTarget, anomalies }) ??
    coAlertsQuestion(text, { named, metric, more, span }) ??
    correlateQuestion(text, { metric, more, named, unknownTarget, span, anomalies, targets }) ??
    ruleStatsQuestion(text, span, metric) ??
    qualityQuestion(text, span, { metric, target, named }) ??
    healthRankQuestion(text, { named, span, metric }) ??
    daypartQuestion(text, { metric, target, named, unknownTarget }) ??
    peersQuestion(text, { target, metric, unknownTarget, named }) ??
    (anomalies ? undefined : sameTimeQuestion(text, { metric, target, named }))
  );
}

// "What's different about web-2?", "which host is the odd one out?", "does web-1 behave like its peers?".
const PEERS =
  /\bodd one out\b|\bwhat(?:'s| is) (?:different|unusual|odd|special|off) about\b|\b(?:different|differ|unlike|out of line|stands? out|outliers?)\b.*\b(?:peers|the others|the rest|its role|its group|its tier|siblings)\b|\bcompared? (?:to|with) (?:its|their) peers\b|\bbehav\w* (?:like|differently from) (?:its|the|their) (?:peers|others)\b|\bwhich (?:host|server|target)s? (?:stands? out|is (?:the )?(?:outlier|odd))\b|\b(?:deviates?|deviating|differs?) (?:the )?most\b|\boutliers? (?:in|of|among|across) (?:the )?(?:fleet|hosts|targets|servers|group|tier)\b|\bis \S+ an outlier\b|^(?:any |show (?:me )?(?:the )?)?outliers?\s*\??$/;

// "How does web-1 compare to the other web hosts?": one host named against the rest of its kind (the role word names them all).
const AGAINST_OTHERS =
  /\b(?:compare[sd]?|stack(?:s)? up|measures? up)\b.*\b(?:(?:the )?(?:other|rest of the)\s+(?:[\w-]+\s+)?(?:hosts|servers|nodes|machines|boxes|ones)|(?:the )?rest of (?:the )?fleet|the (?:whole )?fleet|everyone else|everything else|all the others)\b/;
const BALANCE =
  /\b(?:balanced|unbalanced|imbalanced?|imbalance|evenly|uneven(?:ly)?|even(?:ly)? (?:spread|split|distributed)|skew(?:ed)?|lopsided|load[\s-]?balanc\w*)\b/;
// "… to the rest of the fleet": every other target, whatever its role.
const FLEET_WIDE = /\b(?:fleet|everyone else|everything else|all the others|all (?:the )?other (?:hosts|servers|targets))\b/;

/** A target, or each, against the others in its role (answer-peers.ts). Pure. */
export function peersQuestion(
  text: string,
  o: { target?: string | undefined; metric?: MetricKey | undefined; unknownTarget?: string | undefined; named?: string[] },
): Intent | undefined {
  // The one said by its name; the others came in with the role word.
  const words = text.split(/[^\w.-]+/);
  const one = o.target ?? (AGAINST_OTHERS.test(text) ? o.named?.find((n) => words.includes(n.toLowerCase())) : undefined);
  // "Are the api hosts balanced?", "is load evenly spread across web?": how evenly load lies over the hosts named.
  if (o.named && o.named.length > 1 && BALANCE.test(text)) return { kind: 'peers', balance: o.named };
  if (o.metric || !(PEERS.test(text) || (one && AGAINST_OTHERS.test(text)))) return undefined;
  // "What's different about web-1 today compared to last week?": against its own past (the compare answer), not its peers.
  if (againstAsked(text, undefined)) return undefined;
  return {
    kind: 'peers',
    ...(one ? { target: one } : {}),
    ...(one && FLEET_WIDE.test(text) ? { fleet: true } : {}),
    ...(o.unknownTarget && !o.target ? { unknownTarget: o.unknownTarget } : {}),
  };
}

// "How does now compare to this time yesterday?", "same time last week": today so far against then.
const SAME_TIME =
  /\b(?:this|the same|same) (?:time|hour) (yesterday|last week)\b|\b(yesterday|last week) at (?:this|the same) (?:time|hour)\b/;

/** The figures against the same hours then (answer-compare.ts), CPU unless a metric is named. Pure. */
export function sameTimeQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[] },
): Intent | undefined {
  const m = SAME_TIME.exec(text);
  if (!m) return undefined;
  const when = m[1] ?? m[2];
  return {
    kind: 'compare',
    ...(o.metric ? { metric: o.metric } : {}),
    ...scopeOf(o),
    against: when === 'yesterday' ? 'yesterday' : 'last_week',
  };
}

/** "Which host recovers fastest?", "MTTR by host this week": the counts led by each target's time to resolve. Pure. */
function resolveSpeedQuestion(text: string, span: TimeSpan | undefined): Intent | undefined {
  const asked = resolveSpeedAsked(text);
  return asked ? { kind: 'anomalies', limit: 50, ...listSpan(span), ...asked } : undefined;
}

/** "What percentage of alerts are on web-2?": every anomaly counted, led by that target's share. Pure. */
function shareQuestion(text: string, target: string | undefined, span: TimeSpan | undefined): Intent | undefined {
  if (!target || !SHARE_ASKED.test(text) || !/\b(?:alerts?|anomal\w*|incidents?|pages?)\b/.test(text) || /\back|acknowledg/.test(text))
    return undefined;
  return { kind: 'anomalies', limit: 50, ...listSpan(span), count: true, rank: 'target', shareOf: target };
}

// "What did the isolation forest find today?", "what has the forecast caught this week?": that detector's anomalies.
const FOUND =
  /\bwhat (?:did|has|have) (?:the )?(?:isolation forest|forest|iforest|forecast|robust|threshold)(?: detector| rules?)? (?:find|found|catch|caught|flag|flagged|detect|detected|spot|spotted|see|seen)\b/;

// "Compare the threshold and robust detectors", "robust vs threshold this week": the counts by detector.
const DETECTORS_COMPARED =
  /\bcompare\b.*\bdetectors\b|\b(?:threshold|robust|forecast|forest)\b.*\b(?:vs\.?|versus|against|or)\b.*\b(?:threshold|robust|forecast|forest)\b/;

// "What was the first sign of trouble on api-1 today?": the first anomaly there, of the time said.
const FIRST_SIGN = /\bfirst (?:sign|signs|hint|symptom|indication) of (?:trouble|problems?|an? (?:issue|problem)|anything wrong)\b/;

// "Is this normal for a sunday?", "is today normal for a weekday?": today's alerts against the usual day.
const NORMAL_DAY =
  /^(?:is )?(?:this|it|that|today|everything) (?:normal|usual|typical|expected) for an? (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|weekday)\b/;

/** Questions about the alerts read as counts or lists of them: against the usual day, the first sign, one detector's, detectors compared. Pure. */
function alertsAsked(text: string, o: { target: string | undefined; span: TimeSpan | undefined }): Intent | undefined {
  if (NORMAL_DAY.test(text)) return { kind: 'anomaly_change', period: 'day', ms: 86_400_000, usual: true };
  if (FIRST_SIGN.test(text))
    return { kind: 'anomalies', limit: 1, ...listSpan(o.span), ...(o.target ? { target: o.target } : {}), first: true };
  if (DETECTORS_COMPARED.test(text)) return { kind: 'anomalies', limit: 50, ...listSpan(o.span), count: true, rank: 'detector' };
  const detector = FOUND.test(text) ? detectorNamed(text) : undefined;
  if (!detector) return undefined;
  return { kind: 'anomalies', limit: o.span ? 50 : 5, ...listSpan(o.span), ...(o.target ? { target: o.target } : {}), ...detector };
}
