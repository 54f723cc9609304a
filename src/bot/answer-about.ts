import { platformName } from './platform-names.js';
import type { FileConfig } from '../config/schema.js';
import { answerCollected } from './answer-collected.js';
import { METRIC_LABEL } from '../core/metrics.js';
import { VERSION } from '../observability/version.js';
import type { TickEntry } from '../pipeline/tick-runner.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS } from './answer-metric-span.js';
import { formatDuration, plural } from './text-tools.js';
import { clock, stamp } from './format-reply.js';

/** What this bot is set up to watch, from config and the running wiring; read by answerAbout. */
export interface AboutFacts {
  intervalMs: number;
  /** Targets by the source that feeds them ("synthetic", "prometheus", …). */
  sourceOf: Map<string, string>;
  samplesHours: number;
  anomaliesDays: number;
  recordsDays?: number;
  backfillHours: number;
  thresholdRules: number;
  forecastRules: number;
  robust: boolean;
  iforest: boolean;
  /** Seconds without data before a target counts as silent; undefined when that detector is off. */
  silentAfterSeconds?: number;
  /** "openai gpt-4o-mini"; undefined without an LLM. */
  llm?: string;
  platforms: string[];
  /** The next digest (chat.digest), undefined when none is set up. */
  digest?: {
    ts: number;
    days: number;
    at: string;
    timezone: string;
    weeklyOn?: number;
    destinations: { platform: string; channel: string }[];
    lastTs?: number;
    routes?: string[];
  };
  /** The detectors' settings as loaded: "how is detection configured?" (answer-detection.ts). */
  detectors?: FileConfig['detectors'];
  /** Whether POST /alertmanager takes alerts (SCO_ALERTMANAGER_TOKEN is set). */
  alertmanagerWebhook?: boolean;
  /** This process: when it started, its last tick, and /health's components. */
  self?: {
    startedTs: number;
    lastTickTs: number | null;
    /** How long the last tick took, and how many were skipped since the start because one still ran. */
    lastTickMs?: number | null;
    skippedTicks?: number;
    /** The recent ticks, oldest first (tick-runner.ts), when the next is due, and the cron expression. */
    ticks?: TickEntry[];
    nextTickTs?: number | null;
    schedule?: string;
    /** This process's memory and the store file's size, for "how much memory is the bot using?". */
    /** `cpuMs`: CPU time this process has used since it started (user and system). */
    footprint?: { rssBytes: number; heapBytes: number; storeBytes: number; cpuMs?: number };
    components: Record<string, { ok: boolean; [k: string]: unknown }>;
  };
}

/** " Regions: us-east-1 (6). Auto scaling groups: web-asg (2)." — where targets run, when the targets file says ("inventory" has the rest). */
function places(targets: AnswerContext['targets']): string {
  const count = (of: (t: AnswerContext['targets'][number]) => string | undefined) => {
    const n = new Map<string, number>();
    for (const t of targets) if (of(t)) n.set(of(t)!, (n.get(of(t)!) ?? 0) + 1);
    return [...n].sort(([a], [z]) => a.localeCompare(z)).map(([v, k]) => `${v} (${k})`);
  };
  const regions = count((t) => t.region);
  const groups = count((t) => t.autoScalingGroup);
  return `${regions.length ? ` Regions: ${regions.join(', ')}.` : ''}${groups.length ? ` Auto scaling groups: ${groups.join(', ')}.` : ''}`;
}

/** The facts of a loaded config; `llm` and `platforms` come from what was actually started. */
export function aboutFactsOf(
  config: Pick<FileConfig, 'retention' | 'sources' | 'thresholds' | 'forecasts' | 'detectors'>,
  o: {
    intervalMs: number;
    targets: { name: string; source?: string | undefined }[];
    llm?: { name: string; model: string } | undefined;
    platforms: string[];
    self?: AboutFacts['self'];
    digest?: AboutFacts['digest'];
    alertmanagerWebhook?: boolean;
  },
): AboutFacts {
  const d = config.detectors;
  return {
    intervalMs: o.intervalMs,
    sourceOf: new Map(o.targets.flatMap((t) => (t.source ? [[t.name, t.source] as const] : []))),
    samplesHours: config.retention.samplesHours,
    anomaliesDays: config.retention.anomaliesDays,
    recordsDays: config.retention.recordsDays,
    backfillHours: config.sources.backfillHours,
    thresholdRules: config.thresholds.length,
    forecastRules: config.forecasts.length,
    robust: d.robust.enabled,
    iforest: d.iforest.enabled,
    detectors: d,
    ...(d.silence.enabled ? { silentAfterSeconds: d.silence.afterSeconds } : {}),
    ...(o.llm ? { llm: `${o.llm.name} ${o.llm.model}` } : {}),
    platforms: o.platforms,
    ...(o.self ? { self: o.self } : {}),
    ...(o.digest ? { digest: o.digest } : {}),
    ...(o.alertmanagerWebhook ? { alertmanagerWebhook: true } : {}),
  };
}

const hours = (h: number) => (h % 24 === 0 && h >= 48 ? `${h / 24} d` : `${h} h`);

/**
 * "How many hosts do you monitor?", "which metrics do you collect?", "how often do you poll?": the
 * targets by source, the metrics that actually arrived in the last three intervals (not the ones a
 * source could send), the detectors, what is kept and for how long, and who answers free text.
 */
export function answerAbout(c: AnswerContext, collected?: readonly string[], count?: boolean): string {
  if (collected) return answerCollected(collected, c);
  const a = c.about?.();
  const names = c.targets.map((t) => t.name);
  const lines: string[] = a?.self ? [selfLine(a.self, a.intervalMs, c.now)] : [];
  if (!a) lines.push(`I watch ${plural(names.length, 'target')}: ${names.join(', ') || 'none yet'}.`);
  else {
    const bySource = new Map<string, string[]>();
    for (const n of names) {
      // A target only the store knows (`ask` from the CLI does not start the sources).
      const s = a.sourceOf.get(n) ?? 'seen in the store';
      bySource.set(s, [...(bySource.get(s) ?? []), n]);
    }
    const watched = [`I watch ${plural(names.length, 'target')}, read every ${formatDuration(a.intervalMs)}:`];
    for (const [s, list] of bySource) watched.push(`• ${s}: ${list.join(', ')}`);
    // "How many hosts?": the count is the answer, so it leads; this process's own line follows.
    lines.splice(count ? 0 : lines.length, 0, ...watched);
  }
  // "What roles are there?", "which hosts are in prod?": the groups a question may name.
  const roles = new Map<string, string[]>();
  for (const t of c.targets) if (t.role) roles.set(t.role, [...(roles.get(t.role) ?? []), t.name]);
  const labels = [...new Set(c.targets.flatMap((t) => Object.entries(t.labels ?? {}).map(([k, v]) => `${k}=${v}`)))].sort();
  if (roles.size || labels.length)
    lines.push(
      `Roles: ${[...roles].map(([r, ns]) => `${r} (${ns.join(', ')})`).join('; ') || 'none set'}. Labels: ${labels.join(', ') || 'none set'}.${places(c.targets)}`,
    );
  // Metrics as they arrive, so a source that stopped sending one is not claimed.
  const fresh = c.store.latestSamples().filter((s) => c.now - s.ts <= c.staleAfterMs);
  const metrics = [...new Set(fresh.map((s) => s.metric))].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  if (!metrics.length) lines.push('No metric has arrived in the last few intervals.');
  else {
    const reporting = new Set(fresh.map((s) => s.target)).size;
    const parts = metrics.map((m) => {
      const on = [...new Set(fresh.filter((s) => s.metric === m).map((s) => s.target))];
      return `${METRIC_LABEL[m] ?? m} (${on.length === reporting ? 'all' : on.length <= 3 ? on.join(', ') : on.length})`;
    });
    lines.push(`Metrics arriving now, from ${plural(reporting, 'target')}: ${parts.join('; ')}.`);
  }
  if (a) {
    const detectors = [
      `${plural(a.thresholdRules, 'threshold rule')}`,
      ...(a.forecastRules ? [plural(a.forecastRules, 'forecast rule')] : []),
      ...(a.robust ? ['robust statistics per series'] : []),
      ...(a.iforest ? ['an Isolation Forest per host'] : []),
      ...(a.silentAfterSeconds ? [`silent hosts (no data for ${formatDuration(a.silentAfterSeconds * 1000)})`] : []),
    ];
    lines.push(`Detectors: ${detectors.join(', ')}; "what thresholds are set?" lists the rules.`);
    const s3 = a.self?.components.s3;
    lines.push(
      `Kept: samples ${hours(a.samplesHours)}, anomalies ${a.anomaliesDays} d` +
        (a.backfillHours > 0 ? `; ${hours(a.backfillHours)} of history are read from the sources at the first start` : '') +
        `. Every anomaly, proposal and decision also goes to the daily JSON records${
          s3
            ? `, shipped to S3 (${s3.ok ? 'ok' : 'NOT OK'}${typeof s3.backlog === 'number' ? `, ${s3.backlog} waiting` : ''})`
            : ' on this host (S3 is off: records.s3.bucket or SCO_S3_BUCKET)'
        }.`,
    );
    lines.push(
      `Chat: ${a.platforms.length ? a.platforms.map(platformName).join(', ') : platformName('web')}. ` +
        (a.llm
          ? `Free-form questions go to ${a.llm}; figures come from the store.`
          : 'No LLM is configured: answers come from the store only.'),
    );
  }
  return lines.join('\n');
}

/** "Up 2 h (since 09:00 UTC); last tick 10:59:30 UTC, 30 s ago; every component ok" — or which are not. */
function selfLine(self: NonNullable<AboutFacts['self']>, intervalMs: number, now: number): string {
  const bad = Object.entries(self.components).filter(([, v]) => !v.ok);
  const late =
    self.lastTickTs !== null && now - self.lastTickTs > 3 * intervalMs ? ` (late: ticks run every ${formatDuration(intervalMs)})` : '';
  const tick =
    self.lastTickTs === null
      ? 'no tick has run yet'
      : `last tick ${clock(self.lastTickTs)}, ${formatDuration(now - self.lastTickTs)} ago${late}${
          typeof self.lastTickMs === 'number' ? `, took ${tookMs(self.lastTickMs)} of the ${formatDuration(intervalMs)} between ticks` : ''
        }${self.skippedTicks ? `, ${self.skippedTicks} skipped since the start because the one before still ran` : ''}`;
  const health = bad.length
    ? `not ok: ${bad.map(([k, v]) => `${k}${v.backlog !== undefined ? ` (backlog ${String(v.backlog)})` : ''}`).join(', ')} (/health has the details)`
    : `every component ok (${Object.keys(self.components).join(', ')})`;
  return `SmartCloudOps ${VERSION}, up ${formatDuration(now - self.startedTs)} (since ${stamp(self.startedTs)}); ${tick}; ${health}.`;
}

const tookMs = (ms: number) => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`);

const rank = (m: string) => {
  const i = ALL_METRICS.indexOf(m);
  return i < 0 ? ALL_METRICS.length : i;
};

/** "When is the next digest?": chat.digest's schedule, the next one due, what it covers and where it goes. */
export function answerDigestSchedule(c: AnswerContext): string {
  const d = c.about?.()?.digest;
  if (!d)
    return 'No digest is scheduled (chat.digest.at in the config file posts one a day). "Daily summary" or "catch me up" gives one now; `smartcloudops digest` prints it.';
  const where = d.destinations.length
    ? d.destinations
        .map((x) => (x.platform === 'web' && x.channel === 'console' ? platformName('web') : `${platformName(x.platform)} ${x.channel}`))
        .join(', ')
    : 'nowhere yet: no chat platform with a channel for it is running';
  const weekly = d.weeklyOn !== undefined ? ` On ${WEEKDAY_NAMES[d.weeklyOn]}s it covers the last 7 days.` : '';
  const routes = d.routes?.length
    ? ` At the same time each route gets one of its own anomalies, in its channels: ${d.routes.join(', ')}.`
    : '';
  return [
    `The digest is posted every day at ${d.at} ${d.timezone}, to ${where}.${weekly}${routes}`,
    `Next: ${stamp(d.ts)}, in ${formatDuration(d.ts - c.now)}, covering the last ${d.days === 7 ? '7 days' : '24 h'}.${d.lastTs ? ` The last slot was ${stamp(d.lastTs)}.` : ''}`,
    '"Daily summary" or "catch me up" gives one now; `smartcloudops digest` prints it. Its time, zone and channels are chat.digest in the config file; they are not changed from chat.',
  ].join('\n');
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
