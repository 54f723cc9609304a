import { slosSchema } from './slo-schema.js';
import { z } from 'zod';
import { metricName } from './metric-name.js';
import { obj } from './strict-object.js';
import { ACTIONS } from '../core/remediation.js';
import { WEEKDAYS } from '../core/weekday.js';
import {
  alertRoute,
  detectorName,
  discordChannel,
  hhmm,
  inhibitRule,
  mentionLists,
  muteTime,
  routeMatch,
  severity,
  timeZone,
} from './route-schema.js';
import { sourcesSchema } from './sources-schema.js';
import { checkOnCallMentions, onCallSchema } from './on-call-schema.js';

// A change in a metric's own unit (percentage points, ms, bytes per second).
const change = z.number().min(0).max(1e15);

const thresholdRule = obj({
  metric: metricName,
  target: z.string().optional(),
  above: z.number().finite().optional(),
  below: z.number().finite().optional(),
  forSamples: z.number().int().min(1).max(1000).default(3),
  severity: severity.default('warning'),
}).refine((r) => r.above !== undefined || r.below !== undefined, {
  message: 'a threshold needs "above" or "below"',
});

const forecastRule = obj({
  metric: metricName,
  target: z.string().optional(),
  /** The limit a rising series is projected to reach (100 for a disk). */
  reaches: z.number().finite(),
  withinMinutes: z.number().int().min(1).max(10_080),
  /** The recent values the line is fitted to. */
  fitMinutes: z.number().int().min(5).max(1440).default(60),
  /** Only from this value on: a nearly empty disk's growth is no emergency. */
  from: z.number().finite().optional(),
  severity: severity.default('warning'),
}).refine((r) => r.from === undefined || r.from < r.reaches, { message: '"from" must be below "reaches"' });

const remediationRule = obj({
  name: z.string().min(1),
  when: obj({
    metrics: z.array(metricName).optional(),
    detectors: z.array(detectorName).optional(),
    minSeverity: severity.default('warning'),
    targets: z.array(z.string()).optional(),
    /** The anomaly must have lasted this long (Prometheus's `for:`); 0 acts when it opens. */
    forSeconds: z.number().int().min(0).max(86_400).default(0),
  }).prefault({}),
  action: z.enum(ACTIONS),
  params: z.record(z.string(), z.unknown()).default({}),
  mode: z.enum(['dry_run', 'approval', 'auto']).optional(),
  executor: z.enum(['simulate', 'script', 'aws']).default('simulate'),
  cooldownSeconds: z.number().int().min(0).max(604_800).default(900),
});

const approverSet = obj({
  users: z.array(z.string()).default([]),
  roles: z.array(z.string()).default([]),
}).prefault({});

/** The robust detector's alarm threshold tuned by bench:nab (standard profile); the default, and named when another is set. */
export const NAB_ALARM_THRESHOLD = 0.2809;
export const configSchema = obj({
  schedule: z.string().default('*/30 * * * * *'),
  timezone: z.string().optional(),
  targetsFile: z.string().default('config/aws_targets.json'),
  /**
   * Targets a source may add on its own (Prometheus with no prometheus targets configured takes
   * every instance it knows; the file source every host it names). Each costs detector state and
   * a tick's share of CPU, so a Prometheus full of blackbox probes must not become 10,000 hosts.
   */
  maxDiscoveredTargets: z.number().int().min(1).max(10_000).default(500),
  sources: sourcesSchema,
  thresholds: z.array(thresholdRule).default([
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
    { metric: 'memory', above: 90, forSamples: 3, severity: 'warning' },
    { metric: 'disk', above: 90, forSamples: 3, severity: 'warning' },
  ]),
  /** "Disk full within 4 h" (node_exporter's NodeFilesystemSpaceFillingUp): a line fitted to the recent values. */
  forecasts: z
    .array(forecastRule)
    .default([{ metric: 'disk', reaches: 100, withinMinutes: 240, fitMinutes: 60, from: 80, severity: 'critical' }]),
  detectors: obj({
    resolveAfterSamples: z.number().int().min(1).max(10_000).default(3),
    /** Per-series robust statistics (src/pipeline/detect/series-detector.ts); defaults tuned on NAB. */
    robust: obj({
      enabled: z.boolean().default(true),
      ratio: z.number().min(0.5).max(10).default(1),
      halfLife: z.number().int().min(100).max(1_000_000).default(15_000),
      cooldown: z.number().int().min(0).max(100_000).default(30),
      escalate: z.number().min(1).max(100).default(3),
      seasonAlpha: z.number().min(0).max(1).default(0.5),
      ref: z.number().int().min(16).max(4096).default(128),
      short: z.number().int().min(2).max(64).default(4),
      volWindow: z.number().int().min(8).max(1024).default(32),
      range: z.number().int().min(32).max(8192).default(1024),
      minHistory: z.number().int().min(8).max(1_000_000).default(100),
      /** Smallest deviation (robust scale units) that may alarm: quiet on plain noise. */
      minDeviation: z.number().min(0).max(100).default(6),
      quietSamples: z.number().int().min(1).max(1_000_000).default(3000),
      /** Alarm strength that opens an anomaly: the NAB-optimised threshold (bench:nab, standard profile). */
      alarmThreshold: z.number().min(0).max(1).default(NAB_ALARM_THRESHOLD),
      /** While an episode is open it stays open as long as the strongest statistic is this share of its peak (and the value is outside its usual range). */
      holdRatio: z.number().min(0).max(1).default(0.5),
      /**
       * Smallest change per metric, in its own unit, that may open an anomaly (0 or absent: none):
       * the statistics find records of any size, and a 0.2-point wiggle of a near-flat disk is one.
       */
      minChange: z
        .object({ cpu: change.default(5), memory: change.default(2), disk: change.default(1), latency_ms: change.default(20) })
        .catchall(change)
        .prefault({}),
    }).prefault({}),
    iforest: obj({
      enabled: z.boolean().default(true),
      trees: z.number().int().min(10).max(500).default(50),
      sampleSize: z.number().int().min(16).max(1024).default(128),
      // 1,008 rows of one sample in 20: a week at 30 s (docs/detection.md).
      window: z.number().int().min(64).max(4096).default(1008),
      stride: z.number().int().min(1).max(60).default(20),
      refitEvery: z.number().int().min(1).max(100_000).default(240),
      minHistory: z.number().int().min(32).max(100_000).default(120),
      /** Samples before the forest may alert: a whole day at 30 s, so no time of day is novel. */
      warmup: z.number().int().min(1).max(1_000_000).default(2880),
      threshold: z.number().min(0).max(1).default(0.74),
      /** An open host episode stays open while the score is at least this (capped at threshold). */
      holdThreshold: z.number().min(0).max(1).default(0.7),
      seed: z.number().int().default(7),
    }).prefault({}),
    silence: obj({
      enabled: z.boolean().default(true),
      afterSeconds: z.number().int().min(1).max(604_800).default(120),
    }).prefault({}),
    persistEverySeconds: z.number().int().min(0).max(86_400).default(900),
  }).prefault({}),
  remediation: obj({
    approvalTtlMinutes: z.number().positive().max(10_080).default(30),
    allowSelfApproval: z.boolean().default(false),
    withdrawOnResolve: z.boolean().default(true),
    rules: z.array(remediationRule).default([]),
    scripts: z.partialRecord(z.enum(ACTIONS), z.string()).default({
      restart_service: 'scripts/remediation/restart_service',
      scale_up: 'scripts/remediation/scale_up',
    }),
    scriptTimeoutSeconds: z.number().int().positive().max(3600).default(60),
    aws: obj({
      region: z.string().default('us-east-1'),
      ssmDocument: z.string().default('AWS-RunShellScript'),
    }).prefault({}),
  }).prefault({}),
  retention: obj({
    samplesHours: z.number().positive().max(8784).default(24),
    recordsDays: z.number().positive().max(3660).default(30),
    anomaliesDays: z.number().positive().max(3660).default(90),
  }).prefault({}),
  records: obj({
    s3: obj({
      bucket: z.string().optional(),
      prefix: z.string().default('smartcloudops/'),
      region: z.string().default('us-east-1'),
      // A timer: Node fires one longer than 2^31 ms (24.8 days) every millisecond instead.
      flushEverySeconds: z.number().int().positive().max(86_400).default(30),
    }).prefault({}),
  }).prefault({}),
  /**
   * Alertmanager's API (ALERTMANAGER_URL overrides `url`): chat silences are mirrored there as
   * Alertmanager silences, so they hold its other receivers' pages too (bot/alertmanager-silences.ts).
   */
  alertmanager: obj({
    url: z
      .string()
      .regex(/^https?:\/\/[^\s<>"]+$/, 'an http(s) URL, e.g. http://alertmanager:9093')
      .optional(),
    /** The label the Prometheus targets carry our target name in (infra/prometheus sets `target`). */
    targetLabel: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a Prometheus label name')
      .default('target'),
    mirrorSilences: z.boolean().default(true),
  }).prefault({}),
  /** Service level objectives over collected metrics: "error budget" in chat (slo-schema.ts). */
  slos: slosSchema,
  approvers: obj({
    slack: approverSet,
    discord: approverSet,
    web: approverSet,
  }).prefault({}),
  /** Free-form answers. Keys come from the environment only (OPENAI_API_KEY, GEMINI_API_KEY). */
  llm: obj({
    provider: z.enum(['auto', 'openai', 'gemini', 'none']).default('auto'),
    /** Default model per provider; OPENAI_MODEL / GEMINI_MODEL override. */
    openaiModel: z.string().min(1).default('gpt-4o-mini'),
    geminiModel: z.string().min(1).default('gemini-2.5-flash'),
    /** Local OpenAI-compatible servers without tool calling set this false. */
    tools: z.boolean().default(true),
    contextTokens: z.number().int().min(300).max(100_000).default(3000),
    maxOutputTokens: z.number().int().min(50).max(8000).default(600),
    temperature: z.number().min(0).max(2).default(0.1),
    timeoutMs: z.number().int().min(100).max(120_000).default(20_000),
    /** Whole answer, retries and tool rounds included; the deterministic answer is sent when it passes. */
    deadlineMs: z.number().int().min(200).max(600_000).default(25_000),
    retries: z.number().int().min(0).max(5).default(2),
    backoffMs: z.number().int().min(0).max(30_000).default(500),
    circuitFailures: z.number().int().min(1).max(100).default(5),
    circuitCooldownSeconds: z.number().int().min(1).max(3600).default(60),
    maxToolRounds: z.number().int().min(0).max(5).default(3),
    maxQuestionChars: z.number().int().min(20).max(4000).default(500),
    memoryTurns: z.number().int().min(0).max(20).default(6),
    memoryConversations: z.number().int().min(1).max(100_000).default(500),
    maskHosts: z.boolean().default(false),
    /** US dollars per million tokens, for the cost estimate on /metrics. */
    pricing: obj({
      inputPerMillion: z.number().min(0).max(10_000).default(0.15),
      outputPerMillion: z.number().min(0).max(10_000).default(0.6),
    }).prefault({}),
  }).prefault({}),
  chat: obj({
    /** The team's IANA zone: times in channel posts, and in replies to anyone who chose none (decision 0066). UTC when absent. */
    timezone: timeZone.optional(),
    slack: obj({
      command: z
        .string()
        .regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash command like "/ops"')
        .default('/ops'),
      watchdogSeconds: z.number().int().min(1).max(3600).default(120),
    }).prefault({}),
    discord: obj({
      command: z
        .string()
        .regex(/^[a-z0-9_-]{1,32}$/, 'a lowercase command name like "ops"')
        .default('ops'),
      listenChannels: z.array(discordChannel).default([]),
    }).prefault({}),
    /**
     * One alert for the same kind of anomaly opening on many targets at once (a fleet-wide change)
     * instead of one per target; more of that kind within the window join it.
     */
    fleetGroup: obj({
      minTargets: z.number().int().min(2).max(10_000).default(5),
      windowMinutes: z.number().min(0).max(1440).default(10),
    }).prefault({}),
    /**
     * A digest of the last 24 h posted once a day at `at` ("HH:MM" in `timezone`, UTC by default); off
     * without `at`. On `weekly`'s day it covers the last 7 days instead. To `channels` of each platform
     * when given there, else to the alert channels (`chat.channels`).
     */
    digest: obj({
      at: hhmm.optional(),
      timezone: timeZone.optional(),
      weekly: z.enum(WEEKDAYS).optional(),
      /** Also give each route (chat.routes) a digest of its own anomalies, in its channels, at the same time. */
      routes: z.boolean().default(false),
      channels: obj({
        slack: z.array(z.string()).optional(),
        discord: z.array(discordChannel).optional(),
        web: z.array(z.string()).optional(),
      }).optional(),
    }).prefault({}),
    /** New anomalies on a target alerted this recently (and still open) join that alert instead of paging again; 0: off. */
    joinMinutes: z.number().min(0).max(1440).default(10),
    /** A declared incident with no update for this long gets a reminder in its thread, pinging its commander; 0: off. */
    incidentUpdateMinutes: z.number().min(0).max(1440).default(30),
    channels: obj({
      slack: z.array(z.string()).default([]),
      discord: z.array(discordChannel).default([]),
      web: z.array(z.string()).default(['console']),
    }).prefault({}),
    /**
     * Reminders for alerts left open and unsilenced (Alertmanager's repeat_interval): a reply that
     * also shows in the channel, with the route's mentions, every `afterMinutes` while it lasts.
     */
    remind: obj({
      afterMinutes: z.number().min(0).max(10_080).default(240),
      severities: z.array(severity).min(1).default(['critical']),
    }).prefault({}),
    /**
     * Escalation (an on-call escalation policy): an alert nobody has acknowledged or silenced
     * `afterMinutes` after it was posted gets one reply, shown in the channel, pinging `mentions`.
     */
    escalate: obj({
      afterMinutes: z.number().min(0).max(10_080).default(0),
      severities: z.array(severity).min(1).default(['critical']),
      mentions: mentionLists.prefault({}),
      /**
       * Further levels (a multi-step escalation policy): each, once, pings its own mentions when the
       * alert is still unhandled that long after it was posted; later than the first and each other.
       */
      then: z
        .array(obj({ afterMinutes: z.number().positive().max(10_080), mentions: mentionLists.prefault({}) }))
        .max(5)
        .default([]),
    })
      .superRefine((e, ctx) => {
        if (e.then.length && e.afterMinutes <= 0)
          ctx.addIssue({ code: 'custom', path: ['then'], message: 'further escalation levels need afterMinutes above 0 for the first' });
        let last = e.afterMinutes;
        e.then.forEach((l, k) => {
          if (l.afterMinutes <= last)
            ctx.addIssue({
              code: 'custom',
              path: ['then', k, 'afterMinutes'],
              message: `must be later than the level before (${last} min)`,
            });
          last = Math.max(last, l.afterMinutes);
        });
      })
      .prefault({}),
    /**
     * Runbook links on alerts: the first match per anomaly; {target}, {metric}, {detector} and
     * {severity} in the URL are filled in (URL-encoded).
     */
    runbooks: z
      .array(
        obj({
          match: routeMatch.prefault({}),
          url: z.string().regex(/^https?:\/\/[^\s<>"]+$/, 'an http(s) URL without spaces or <>"'),
          label: z.string().min(1).max(40).default('Runbook'),
        }),
      )
      .default([]),
    /**
     * A dashboard linked from alerts and from "dashboard for web-1": {target}, {metric}, {from} and
     * {to} (epoch ms, or "now") are filled in; a query parameter that is exactly {target} repeats per target.
     */
    dashboard: obj({
      url: z.string().regex(/^https?:\/\/[^\s<>"]+$/, 'an http(s) URL without spaces or <>"'),
      label: z.string().min(1).max(40).default('Dashboard'),
      beforeMinutes: z.number().int().min(0).max(10_080).default(60),
      afterMinutes: z.number().int().min(0).max(10_080).default(15),
    }).optional(),
    /** An on-call rotation ("who is on call?"); `mentions.onCall` in a route or the escalation pings whoever is on call. */
    onCall: onCallSchema.optional(),
    /** Inhibit rules (bot/inhibit-rules.ts): while a source anomaly is open, matching target alerts are held. */
    inhibit: z.array(inhibitRule).default([]),
    /** Recurring maintenance windows (bot/mute-times.ts): matching alerts opening inside are held until they end. */
    muteTimes: z.array(muteTime).default([]),
    /**
     * Pending periods (Prometheus's `for`): a matching anomaly is announced only once it has been
     * anomalous this long; first match wins. The default holds the statistical detectors for a
     * minute, which halves their alerts on the synthetic fleet (bench:fleet) for one incident in 46.
     */
    pendingFor: z
      .array(obj({ match: routeMatch.prefault({}), minutes: z.number().min(0).max(1440) }))
      .default([{ match: { detectors: ['robust', 'iforest'] }, minutes: 1 }]),
    /** Alert routing (bot/alert-routes.ts): first match wins unless it says continue; no match goes to `channels`. */
    routes: z.array(alertRoute).default([]),
  })
    .superRefine(checkOnCallMentions)
    .prefault({}),
});

export type FileConfig = z.infer<typeof configSchema>;
export type ThresholdRule = FileConfig['thresholds'][number];
export type ForecastRule = FileConfig['forecasts'][number];
export type RemediationRule = FileConfig['remediation']['rules'][number];

const targetSchema = obj({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'target names are letters, digits, . _ - (max 63)'),
  instanceId: z
    .string()
    .regex(/^i-[0-9a-f]{8,17}$/, 'an EC2 instance id looks like i-0123456789abcdef0')
    .optional(),
  address: z.string().optional(),
  region: z.string().optional(),
  role: z.string().optional(),
  autoScalingGroup: z.string().optional(),
  source: z.enum(['synthetic', 'prometheus', 'cloudwatch', 'file']).default('synthetic'),
  labels: z.record(z.string(), z.string()).default({}),
});

export const targetsFileSchema = obj({
  targets: z.array(targetSchema).max(10000),
}).superRefine((f, ctx) => {
  const seen = new Set<string>();
  f.targets.forEach((t, i) => {
    if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `duplicate target name "${t.name}"` });
    seen.add(t.name);
    if (t.source === 'cloudwatch' && !t.instanceId)
      ctx.addIssue({ code: 'custom', path: ['targets', i, 'instanceId'], message: 'cloudwatch targets need an instanceId' });
    if (t.source === 'prometheus' && !t.address)
      ctx.addIssue({ code: 'custom', path: ['targets', i, 'address'], message: 'prometheus targets need an address (host:9100)' });
  });
});

export type TargetSpec = z.infer<typeof targetsFileSchema>['targets'][number];
