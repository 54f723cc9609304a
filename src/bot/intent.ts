/** What a chat question asks for: the parser's output (parse-intent.ts), the answers' input. */
import type { DayDate } from './parse-day-date.js';
import type { Stat, TimeSpan } from './parse-time-span.js';
import type { CompareIntent } from './compare-intent.js';
import type { NamedDay } from './day-start.js';
import type { ClockTime } from './parse-clock.js';
import type { Elsewhere } from './elsewhere-kinds.js';
import type { Bound, BoundAsk } from './parse-bound.js';
import type { CommandIntent } from './intent-commands.js';
import type { ValueCheckIntent } from './parse-value-check.js';
import type { RespondersIntent } from './parse-responders.js';
import type { DependentsIntent } from './parse-dependents.js';
import type { DeployCheckIntent } from './parse-deploy-check.js';
import type { RecoveryIntent } from './parse-recovery.js';
import type { AroundIntent } from './parse-around.js';
import type { IntegrationsIntent } from './answer-integrations.js';
import type { CoAlertsIntent } from './parse-co-alerts.js';
import type { SilenceIntent, SilencesIntent } from './parse-silence.js';
import type { ActionRequestIntent } from './parse-action-request.js';
import type { RuleStatsIntent } from './parse-rule-stats.js';
import type { CapacityIntent } from './parse-capacity.js';
import type { FlatlineIntent } from './parse-flatline.js';
import type { DecisionTimesIntent } from './answer-decision-times.js';
import type { AnomaliesIntent } from './parse-list-shape.js';
import type { AttentionIntent } from './answer-attention.js';
import type { GlossaryTerm } from './glossary-terms.js';

export type { CommandIntent };

/**
 * What chat cannot do but something else can: tickets, paging, email (services not connected), config
 * changes (the files), dashboards (the console and Grafana), and set-up questions (the docs).
 */
/** A part of the week set against the rest: 22:00–06:00, Mon–Fri 09:00–17:00, Saturday and Sunday (UTC). */
export type DayPart = 'night' | 'business' | 'weekend';

/** What of a target's place is asked: its region, EC2 instance id, address or auto scaling group. */
export type InventoryField = 'region' | 'instance' | 'address' | 'asg' | 'owner';

export type { Elsewhere } from './elsewhere-kinds.js';

/** `network` is both directions; `net_in` / `net_out` one ("network out", "egress"). */
export type MetricKey = 'cpu' | 'memory' | 'disk' | 'network' | 'net_in' | 'net_out' | 'latency';

export type Intent =
  | {
      kind: 'metrics';
      metric?: MetricKey;
      target?: string;
      /** "the api hosts", "web-1 and web-2": several targets, read only. */
      group?: string[];
      unknownTarget?: string;
      span?: TimeSpan;
      stat?: Stat;
      /** With `stat: 'sd'` or `'avg'`: "the most stable host", "the lowest average cpu", lowest first. */
      lowFirst?: boolean;
      /** With `stat: 'avg'`: "which host has the highest average cpu?", the targets ranked; without it a fleet's average leads. */
      ranked?: boolean;
      /** "hosts with cpu above 80%": only targets past this, in the metric's unit. */
      bound?: Bound;
      /** "Hosts with disk above 40% and cpu above 30%": a second condition, on another metric, that must hold too. */
      also?: { metric: MetricKey; bound: Bound };
      /** "When did web-1 cpu last exceed 80%?", "how long was db-1 above 50% today?": the stretches past `bound` (answer-time-past.ts). */
      boundAsk?: BoundAsk;
      /** "top 3 hosts by memory": how many rows of a ranking. */
      limit?: number;
      /** "free disk", "memory left", "idle cpu": the free share, not the used one (free-figures.ts). */
      free?: boolean;
      /** "cpu and swap on web-1": a figure also asked for that no source reads (the reply says so). */
      uncollected?: string;
      sloName?: string;
      /** "Total network in", "how much data did web-1 send today": summed across targets, or the volume over a window. */
      total?: boolean;
      /** "The busiest hour yesterday", "the quietest hour for memory": UTC hours ranked, highest or lowest first. */
      byHour?: 'max' | 'min';
      /** "When is it highest?": hours of the day over the window's days, not each clock hour. */ hourOfDay?: boolean;
      /** "Hourly cpu for web-1", "daily average memory this week": the window in time order, a row each (answer-buckets.ts). */
      every?: 'hour' | 'day' | 'minutes' | 'sample';
      /** With `every: 'minutes'`: "every 10 minutes", the step. */
      stepMs?: number;
      /** With `every: 'sample'`: "the last 5 readings", how many. */
      readings?: number;
      /** "Average memory per role", "cpu by tier": grouped by role or by that label key (answer-by-group.ts). */
      groupBy?: string;
      /** "cpu and memory on web-1": metrics asked for besides `metric`, answered the same way after it. */
      more?: MetricKey[];
      /** "Network in on web-1 in Mbps": each byte rate also as a bit rate. */ bits?: boolean;
      /** "Exact cpu on web-1", "memory to 3 decimal places": the latest values unrounded, to that many places (answer-exact.ts). */ exact?: number;
      /** "Which hosts have no latency?", "hosts without disk data": those the metric does not come from, as the answer. */ missing?: boolean;
      /** "Cpu during the incident", "memory during in_…": over a declared incident's window ('latest': the one meant) (during-incident.ts). */ incident?: string;
    }
  /** "graph cpu on web-1": bars over a window (answer-chart.ts). */
  | { kind: 'chart'; metric?: MetricKey; target?: string; group?: string[]; unknownTarget?: string; span?: TimeSpan; limit?: number }
  | {
      kind: 'trend';
      metric?: MetricKey;
      target?: string;
      group?: string[];
      unknownTarget?: string;
      span?: TimeSpan;
      /** "Is it getting worse?": of the worst open anomaly's series, or `anomalyId`'s, the one this conversation is about. */
      open?: boolean;
      anomalyId?: string;
      /** "What will disk be in 6 hours?", "forecast cpu for the next hour": the line read that far ahead. */ aheadMs?: number;
      /** "What will cpu be at 18:00?": the line read at the next such time. */ aheadAt?: ClockTime;
      /** "When will web-1 disk reach 90%?": the time the line takes to this level, in the metric's unit. */ level?: number;
      /** "How fast is disk growing per day?": rates in that unit. */ per?: 'day' | 'week';
      /** "Is web-1 leaking memory?": a verdict from all the memory kept (leak-verdict.ts). */ leak?: boolean;
    }
  | AnomaliesIntent
  /** `metric`: "why is cpu high on web-1?" asks about that metric's latest anomaly there. */
  /**
   * `verdict`: the question is what our detectors decided ("why is there no alert…", "is it unusual?"),
   * which they answer, never a model; `quiet`: "why didn't web-1 alert?", every metric there.
   */
  | {
      kind: 'explain';
      id?: string;
      /** "Why is latency high on the api hosts?": each of them, as for one target. */
      group?: string[];
      /** "Is it still open?": the anomaly the conversation last named, else the latest. */
      it?: boolean;
      target?: string;
      metric?: MetricKey;
      severity?: 'critical' | 'warning';
      verdict?: boolean;
      quiet?: boolean;
      /** "What's normal cpu for web-1?": the detectors' usual range, even while an anomaly is open there. */
      usual?: boolean;
      /** "Why wasn't the disk on api-1 cleaned up?": what each anomaly of the latest episode there got from remediation. */
      remediation?: boolean;
      /** With `remediation`: the action named ("why didn't you restart web-1?"), said when no rule could propose it there. */ action?: string;
      /** "What caused the api-2 latency alert?": the latest anomaly of that metric, open or not (without it, a metric asks about now). */
      latest?: boolean;
      /** "Why was web-1 cpu high at 21:27 yesterday?", "why did db-1 alert last night?": the anomaly of then. */
      span?: TimeSpan;
      /** "Why was the scale up proposed?": the latest proposal of that action (and target), as "explain rp_…". */
      proposal?: { action?: string; target?: string };
      /** "Why did the forecast fire on monitoring-1?": the latest of that detector's. */
      detector?: string;
      /** "What changed before the web-1 cpu spike?": the changes recorded in the hour before, said even when none was. */
      changes?: boolean;
      /** "Which detector caught it first?", "did the forecast predict it?": the episode's detectors in the order they opened (answer-caught-first.ts). */
      first?: boolean;
    }
  /** "timeline an_…": what happened to an alert and who did what, in order. */
  /** `it`: "who fixed it?", the anomaly the conversation last named. */
  | { kind: 'timeline'; id?: string; target?: string; metric?: MetricKey; it?: boolean; unpinged?: true }
  /** "Anything wrong?", "what needs my attention?": what is open now and what waits for a decision. */
  | AttentionIntent
  /** `silent`: "any hosts down?", "which targets are silent": the answer leads with those. */
  | {
      kind: 'status';
      /** "Any hosts down?": who is not reporting, first; `silentFor`: "…in 5 minutes?", against that length, not the stale limit. */
      silent?: boolean;
      silentFor?: number;
      /** "Hosts by role": that column (role or a label key), sorted by it. */
      groupBy?: string;
      /** "How is the api doing?": these targets only, with what is open and pending on them. */
      group?: string[];
      /** "Status update for stakeholders": a draft in plain words for people outside the team. */ update?: true;
      /** "Which host is worst right now?": the targets ranked by how they stand (answer-worst.ts). */ worst?: true;
      /** "What should we fix this week?": what the figures say is worth fixing, over this many ms (answer-priorities.ts). */ priorities?: number;
      top?: number;
    }
  | { kind: 'pending'; deny?: true }
  /** `span`, `target`: "what did you restart today", "remediations on web-1 this week" (parse-history.ts). */
  | {
      kind: 'history';
      limit: number;
      span?: TimeSpan;
      target?: string;
      action?: string;
      /** "Who approved…", "denied proposals", "failed remediations": how they ended; `decided` is either way; `automatic` is decided by a rule's mode. */
      outcome?: 'approved' | 'denied' | 'decided' | 'failed' | 'succeeded' | 'expired' | 'withdrawn' | 'automatic';
      /** "How many restarts this week?": totals, not a list. */
      count?: boolean;
      /** "When was the last restart?", "was web-1 scaled up?": only those that ran; the rest are counted. */
      ran?: boolean;
      /** "Did the cleanup work?": a verdict on the one shown leads. */ worked?: true;
      /** "How long does a restart take?": how long those that ran took, approval to result. */
      took?: boolean;
    }
  /** Without an id, `target` and `action` may describe the one pending proposal meant ("approve the scale up on web-2"). */
  /** `all`: "deny all"; `mine`: "cancel my request", the asker's own pending request. */
  | { kind: 'approve' | 'deny'; id?: string; target?: string; action?: string; unknownTarget?: string; all?: boolean; mine?: boolean }
  /** "Show my requests", "what have I asked for?": proposals the asker requested (answer-my-requests.ts). */
  | { kind: 'my_requests'; action?: string; target?: string }
  | SilenceIntent
  | SilencesIntent
  | FlatlineIntent
  | DecisionTimesIntent
  /** "When did web-2 last report?": when each target last sent data, and its silences (answer-last-seen.ts). */
  | { kind: 'last_seen'; target?: string; group?: string[]; unknownTarget?: string }
  /** "Who acked the last alert?", "is anyone on web-2's alert?": who has taken on which alert. */
  | { kind: 'ack_status'; id?: string; target?: string; metric?: MetricKey }
  /** A figure no source here reads ("swap", "load average", "uptime"): said so, with what there is. */
  | {
      kind: 'uncollected';
      what: string;
      target?: string;
      group?: string[];
      unknownTarget?: string;
      /** An SLO named in the question (answer-slo.ts). */ sloName?: string;
      /** When the question has one: an SLO's figures over it, not its rolling window. */ span?: TimeSpan;
    }
  /** "What thresholds are set?", "which rules propose restarts?": the detection and remediation rules, and maintenance windows. */
  | {
      kind: 'rules';
      metric?: MetricKey;
      target?: string;
      action?: string;
      only?: 'thresholds' | 'remediation' | 'maintenance' | 'runbooks' | 'detectors';
      /** "Make detection less sensitive": asked to change it, which chat never does. */
      change?: boolean;
    }
  /** "Did latency change after the deploy?", "compare api-1 before and after the release" (answer-change-impact.ts). */
  /** `deploy`: "after the deploy" names a deploy, release or rollback, so the latest of those, not of any change. */
  | { kind: 'change_impact'; id?: string; target?: string; group?: string[]; metric?: MetricKey; unknownTarget?: string; deploy?: boolean }
  /** "Is slack connected?", "how many alerts did you send this week?", "how many messages are queued?" (answer-delivery.ts). */
  | { kind: 'delivery'; platform?: 'slack' | 'discord' | 'web' | 'alertmanager'; span?: TimeSpan }
  /** "Show flapping alerts", "what keeps firing?": series that opened again and again (answer-flapping.ts). */
  | { kind: 'flapping'; target?: string; group?: string[]; metric?: MetricKey; span?: TimeSpan; unknownTarget?: string }
  /** "What is an isolation forest?", "what does score mean?", "what detectors do you use?" (answer-glossary.ts). */
  | { kind: 'glossary'; term?: GlossaryTerm }
  /** "Show times in Europe/Berlin", "use UTC", "what's my time zone?": the asker's display zone (local-times.ts). */
  | { kind: 'timezone'; zone?: string; reset?: boolean }
  /** "Send a test alert": a message marked as a test in the alert channels (test-alert.ts). */
  | { kind: 'test_alert' }
  | CapacityIntent
  /** "Suggest better thresholds", "what if the cpu threshold were 95?": the threshold rules replayed over stored samples (answer-tune.ts). */
  | { kind: 'tune'; target?: string; group?: string[]; metric?: MetricKey; bound?: number; span?: TimeSpan; unknownTarget?: string }
  /** "Alerts this week vs last week": the counts of this period and the one before, or `usual`: the mean of those before. */
  | {
      kind: 'anomaly_change';
      /** `day`: today so far against the same hours before; `last`: the last `ms` against the `ms` before; `yesterday`: whole days. */
      period: 'day' | 'last' | 'yesterday';
      ms: number;
      usual?: boolean;
      /** "Today vs friday", "… than the day before yesterday": that day, the same hours, instead of yesterday. */
      against?: NamedDay;
      target?: string;
      group?: string[];
      metric?: MetricKey;
      severity?: 'critical' | 'warning';
      unknownTarget?: string;
    }
  /** "What should I do about web-1?", "how do I fix high cpu?": what is open there, the runbooks and the remediation rules that fit (answer-advice.ts). */
  | { kind: 'advice'; target?: string; metric?: MetricKey; unknownTarget?: string }
  | CompareIntent
  /** "ack an_…", "ack web-1": take an alert on; "unack …" hands it back. Several targets: nothing is done. */
  /** `all`: "ack all" takes on every open alert nobody has; "unack all" hands back the asker's own. */
  /** `severity`: "ack all critical alerts", only those open at that severity. */
  | {
      kind: 'ack' | 'unack';
      id?: string;
      target?: string;
      unknownTarget?: string;
      several?: string[];
      all?: boolean;
      severity?: 'critical' | 'warning';
    }
  /** "escalate an_…", "escalate web-1": ping chat.escalate.mentions in the alert's thread now; `to`: "page bob about web-1", that on-call member instead (alert-escalate.ts). */
  | { kind: 'escalate'; id?: string; target?: string; unknownTarget?: string; several?: string[]; to?: string }
  /** `maintenance`: "cancel the maintenance (on db-1)", the silence scheduled ahead. */
  /** `mine`: "cancel that silence", the asker's latest one in force or scheduled. */
  | { kind: 'unsilence'; id?: string; target?: string; all?: boolean; several?: string[]; maintenance?: boolean | 'now'; mine?: boolean }
  | ActionRequestIntent
  /** "Help silences": the help lines about that topic. */
  | { kind: 'help'; topic?: string }
  /** "Where do alerts go?", "who gets paged for db-1?", "who is on call?" (answer-routing.ts). */
  | {
      kind: 'routing';
      target?: string;
      metric?: MetricKey;
      severity?: 'critical' | 'warning';
      onCall?: boolean;
      /** "Am I on call?", "my next shift": the asker's own shift leads. */
      me?: boolean;
      /** "How do I escalate?": the commands that page people now lead. */ how?: boolean;
      rotation?: string;
      /** "Who is on call next week?": how far ahead. */ aheadMs?: number;
      /** "Who is on call on monday?", "tomorrow", "this weekend": everyone on call then (0 Sunday). */ onWeekday?: number;
      onDay?: 'tomorrow' | 'weekend' | 'next_week';
      /** "On the 12th", "who was on call on december 3?": that calendar day; "on funday": a day word that is none. */
      onDate?: DayDate;
      unknownDay?: string;
      /** "Who is on call saturday at noon?", "at 3pm": the next such time. */ at?: ClockTime;
      /** "Who is on call next week?": the shifts over the next 7 days. */ week?: boolean;
      /** "Who was on call when db-1 alerted?", "at 03:00", "last night" (answer-on-call-past.ts). */
      past?: { span?: TimeSpan; id?: string; alert?: boolean; load?: boolean; mine?: boolean; member?: string };
    }
  /** "Availability of api-2 this week", "SLA for db-1": the share of the time each target sent data. */
  | { kind: 'availability'; target?: string; group?: string[]; unknownTarget?: string; span?: TimeSpan; sla?: boolean; longest?: true }
  /** "Audit log", "what did operator do today?" (`actor`, matched to the end of "platform:id"), "what have I done?" (`me`), "who touched db-1?". */
  /** `verbs`: only what was done that way ("what did alice approve?": approved). */
  | { kind: 'audit'; actor?: string; me?: boolean; target?: string; span?: TimeSpan; verbs?: string[] }
  /** "How many hosts do you monitor?", "which metrics do you collect?", "how often do you poll?" (answer-about.ts). */
  | {
      kind: 'about';
      digest?: boolean;
      /** "When were you last restarted?" (restarts), "what changed in the config?" (config): the recorded starts (answer-starts.ts). */
      starts?: 'restarts' | 'config';
      /** "Is the config valid?": that the running one was checked, before its history. */ valid?: boolean;
      /** "How many hosts do we have?": the targets lead, before this process's own health. */ count?: boolean;
      /** "Which metrics does db-1 report?": what arrives from these hosts (answer-collected.ts). */ collected?: string[];
    }
  /** "Is 40% cpu normal for web-1?": a value among the series' own readings (answer-value-check.ts). */
  | ValueCheckIntent
  | RespondersIntent
  | DependentsIntent
  | DeployCheckIntent
  | RecoveryIntent
  | AroundIntent
  | IntegrationsIntent
  | CoAlertsIntent
  /** "Was anyone paged last night?", "who got pinged today?": alerts that pinged people (answer-pages.ts). */
  | { kind: 'pages'; span?: TimeSpan; target?: string }
  /** "When is the next tick?", "any failed ticks?", "are the sources ok?", "which source is slowest?" (answer-pipeline.ts). */
  | {
      kind: 'pipeline';
      focus: 'next' | 'last' | 'history' | 'failures' | 'sources' | 'run' | 'footprint' | 'retention' | 'pause' | 'resume';
      source?: string;
    }
  /** "What's scheduled?", "what's coming up?": silences, reminders, digests, hand-overs and expiries ahead (answer-schedule.ts). */
  | { kind: 'schedule'; aheadMs?: number }
  /** "Who can approve?", "am I an approver?", "is auto-remediation on?" (answer-policy.ts). */
  | { kind: 'policy'; focus?: 'approvers' | 'wait' | 'modes'; /** "Can bob approve?" */ who?: string }
  /** "What region is db-1 in?", "ip of api-2", "inventory", "which host is i-0a1b…?" (`lookup`): where targets run (answer-inventory.ts). */
  /** `full`: "describe api-1", its entry and then its figures. */
  | {
      kind: 'inventory';
      field?: InventoryField;
      target?: string;
      group?: string[];
      unknownTarget?: string;
      lookup?: string;
      full?: boolean;
    }
  /** "Is the isolation forest trained?", "which hosts is the forest still learning?" (answer-forest-status.ts). */
  | { kind: 'forest_status'; target?: string; group?: string[] }
  /** "Does cpu correlate with latency on api-1?", "correlation between web-1 and web-2 cpu" (answer-correlate.ts). */
  | {
      kind: 'correlate';
      metrics: MetricKey[];
      target?: string;
      group?: string[];
      span?: TimeSpan;
      unknownTarget?: string;
      /** "Api latency with db cpu": a metric on some targets against one on others (no metric: every one they have). */
      cross?: { targets: string[]; metric?: MetricKey }[];
    }
  | RuleStatsIntent
  /** "Is cpu higher at night?", "weekday vs weekend cpu", "latency during business hours" (answer-daypart.ts). */
  | { kind: 'daypart'; metric: MetricKey; part: DayPart; target?: string; group?: string[]; unknownTarget?: string }
  /** "What's different about web-2?", "which host is the odd one out?" (answer-peers.ts). */
  /** `fleet`: "how does db-1 compare to the rest of the fleet?", every other target; `balance`: "are the api hosts balanced?" (answer-balance.ts). */
  | { kind: 'peers'; target?: string; unknownTarget?: string; fleet?: boolean; balance?: string[] }
  /** "Who am I?": the asker's identity, approver standing, shift and display clock (answer-whoami.ts). */
  | { kind: 'whoami' }
  /** "Thanks", "good morning". */
  | {
      kind: 'small_talk';
      thanks: boolean;
      clock?: boolean;
      /** "What time is it in Tokyo?": the zone or city asked, resolved by the answer. */ clockIn?: string;
      /** "Ok", "got it": nothing asked. */ ok?: boolean;
      /** "Yes", "go ahead" (true), "no" (false): nothing done, with what waits (answer-confirm.ts). */ confirm?: boolean;
      /** "You're wrong", "that's not what I asked": how to ask again. */ wrong?: boolean;
    }
  /** "cpu in prod" where no target carries that label or role: said so, with the labels there are. */
  | { kind: 'no_group'; word: string }
  /** "Create a ticket", "page via PagerDuty", "email me the summary": a service this bot does not talk to. */
  /** "Has this happened before?", "how long will it take to recover?": the anomaly's series history. */
  /** `fixed`: "how was this fixed before?", what the records show was done each earlier time (answer-past-fixes.ts). */
  | { kind: 'precedent'; id?: string; target?: string; metric?: MetricKey; unknownTarget?: string; fixed?: boolean }
  /** "Recent changes", "what was deployed today?". */
  | { kind: 'changes'; target?: string; group?: string[]; span?: TimeSpan; unknownTarget?: string; by?: string }
  | {
      kind: 'elsewhere';
      what: Elsewhere;
      /** "Dashboard for web-1 cpu yesterday", "export web-1's anomalies from last week": what to show (answer-dashboard.ts, answer-export.ts). */
      view?: {
        target?: string;
        group?: string[];
        metric?: MetricKey;
        span?: TimeSpan;
        id?: string;
        remediations?: boolean;
        digest?: boolean;
        /** "Show me the json records for today": where the daily record files are, too. */
        records?: boolean;
      };
    }
  /** "cpu tomorrow", "restarts next week": a figure of a time still ahead. */
  | { kind: 'ahead' }
  | { kind: 'unknown' }
  | { kind: 'bad_input'; reason: string }
  | CommandIntent;
