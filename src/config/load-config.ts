import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cron from 'node-cron';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { parseActionParams } from '../pipeline/remediate/action-params.js';
import { parseHeapGrowth } from './heap-growth.js';
import { missingField } from './missing-field.js';
import { parseWebUsers } from './web-users.js';
import { parseTrustedHeader, type TrustedHeader } from './trusted-header.js';
import { configSchema, targetsFileSchema, type FileConfig, type TargetSpec } from './schema.js';

export interface Config extends FileConfig {
  configPath: string | null;
  dataDir: string;
  http: {
    host: string;
    port: number;
    webToken?: string;
    alertmanagerToken?: string;
    webUsers?: ReadonlyMap<string, string>;
    /** SCO_WEB_USER_HEADER from SCO_WEB_TRUSTED_PROXIES: the single sign-on proxy's user. */
    webHeader?: TrustedHeader;
  };
  logLevel: string;
  /** SCO_HEAP_GROWTH_PERCENT; 0 leaves V8's own heap growth. */
  heapGrowthPercent: number;
  targets: TargetSpec[];
  endpoints: { s3?: string; cloudwatch?: string; ec2?: string; ssm?: string; autoscaling?: string };
  /** Present when SLACK_BOT_TOKEN is set. */
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  /** LLM credentials and endpoints from the environment; never from the config file. */
  llmEnv: {
    openai?: { apiKey: string; baseUrl?: string; model?: string };
    gemini?: { apiKey: string; baseUrl?: string; model?: string };
  };
  /** Present when DISCORD_TOKEN is set. */
  discord?: { token: string; applicationId?: string; apiUrl?: string };
}

export const DEFAULT_CONFIG_PATH = 'config/smartcloudops.json';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Extra overrides applied on top of the file, before validation (used by tests and the bench). */
  overrides?: Record<string, unknown>;
}

/**
 * Reads config once: the JSON file named by SCO_CONFIG (or config/smartcloudops.json), the targets
 * file it points at, and the environment. Every problem is collected and reported together.
 */
export function loadConfig(opts: LoadOptions = {}): Config {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const problems: string[] = [];

  const explicit = env.SCO_CONFIG;
  const configPath = path.resolve(cwd, explicit ?? DEFAULT_CONFIG_PATH);
  let raw: unknown = {};
  if (existsSync(configPath)) {
    raw = readJson(configPath, 'SCO_CONFIG', problems) ?? {};
  } else if (explicit) {
    problems.push(`SCO_CONFIG: file ${configPath} does not exist; point SCO_CONFIG at a JSON config file or unset it`);
  }
  if (opts.overrides) raw = deepMerge(raw, opts.overrides);

  const parsed = configSchema.safeParse(raw);
  let file: FileConfig | undefined;
  if (parsed.success) file = parsed.data;
  else problems.push(...formatIssues(parsed.error.issues, 'config'));

  if (file && !cron.validate(file.schedule)) {
    problems.push(
      `config.schedule: "${file.schedule}" is not a valid cron expression; use 5 or 6 fields, e.g. "*/30 * * * * *" for every 30 s`,
    );
  }

  const port = parsePort(env.SCO_HTTP_PORT ?? '8080', problems);
  const host = env.SCO_HTTP_HOST ?? '127.0.0.1';
  const webUsers = parseWebUsers(env.SCO_WEB_USERS, problems);
  const webHeader = parseTrustedHeader(env.SCO_WEB_USER_HEADER, env.SCO_WEB_TRUSTED_PROXIES, problems);
  if (!isLoopback(host) && !env.SCO_WEB_TOKEN && !webUsers?.size && !webHeader) {
    problems.push(
      `SCO_WEB_TOKEN: the side port binds ${host}, beyond loopback, so the web console and /api need a token; set SCO_WEB_TOKEN to a long random string (or SCO_WEB_USERS, a token per person, or SCO_WEB_USER_HEADER behind a sign-on proxy), or bind SCO_HTTP_HOST=127.0.0.1`,
    );
  }
  if (file?.llm.provider === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL)
    problems.push('OPENAI_API_KEY: config.llm.provider is "openai"; set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server');
  if (file?.llm.provider === 'gemini' && !env.GEMINI_API_KEY)
    problems.push('GEMINI_API_KEY: config.llm.provider is "gemini"; set GEMINI_API_KEY');
  for (const k of ['OPENAI_BASE_URL', 'GEMINI_BASE_URL', 'ALERTMANAGER_URL'] as const)
    if (env[k] && !/^https?:\/\/[^\s]+$/.test(env[k]!)) problems.push(`${k}: "${env[k]}" is not an http(s) URL`);
  const heapGrowthPercent = parseHeapGrowth(env.SCO_HEAP_GROWTH_PERCENT, problems);
  const logLevel = env.SCO_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`SCO_LOG_LEVEL: "${logLevel}" is not a level; use one of ${LOG_LEVELS.join(', ')}`);
  }

  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET: SLACK_BOT_TOKEN is set, so set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode); see docs/slack.md',
    );
  }
  if (env.SLACK_APP_TOKEN && !env.SLACK_APP_TOKEN.startsWith('xapp-'))
    problems.push('SLACK_APP_TOKEN: an app-level token starts with "xapp-"');

  let targets: TargetSpec[] = [];
  if (file) {
    const targetsPath = path.resolve(cwd, file.targetsFile);
    if (!existsSync(targetsPath)) {
      problems.push(`config.targetsFile: ${targetsPath} does not exist; create it (see docs/configuration.md#targets)`);
    } else {
      const rawTargets = readJson(targetsPath, 'config.targetsFile', problems);
      const t = targetsFileSchema.safeParse(rawTargets);
      if (t.success) targets = t.data.targets;
      else problems.push(...formatIssues(t.error.issues, path.relative(cwd, targetsPath)));
      // Check sources even when some targets are invalid, so one run lists every problem.
      const list = (rawTargets as { targets?: unknown })?.targets;
      const sources = Array.isArray(list) ? list.map((x) => String((x as { source?: unknown })?.source ?? 'synthetic')) : [];
      checkSourcesAgainstTargets(file, sources, problems);
    }
  }

  if (problems.length > 0 || !file) throw new ConfigError(problems);

  if (env.SCO_S3_BUCKET) file.records.s3.bucket = env.SCO_S3_BUCKET;
  if (env.PROMETHEUS_URL) file.sources.prometheus.url = env.PROMETHEUS_URL;
  if (env.ALERTMANAGER_URL) file.alertmanager.url = env.ALERTMANAGER_URL;

  return {
    ...file,
    configPath: existsSync(configPath) ? configPath : null,
    dataDir: path.resolve(cwd, env.SCO_DATA_DIR ?? 'data'),
    http: {
      host,
      port,
      webToken: env.SCO_WEB_TOKEN || undefined,
      alertmanagerToken: env.SCO_ALERTMANAGER_TOKEN || undefined,
      ...(webUsers?.size ? { webUsers } : {}),
      ...(webHeader ? { webHeader } : {}),
    },
    logLevel,
    heapGrowthPercent,
    targets,
    slack: env.SLACK_BOT_TOKEN
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET || undefined,
          appToken: env.SLACK_APP_TOKEN || undefined,
          apiUrl: env.SLACK_API_URL || undefined,
        }
      : undefined,
    discord: env.DISCORD_TOKEN
      ? { token: env.DISCORD_TOKEN, applicationId: env.DISCORD_APPLICATION_ID || undefined, apiUrl: env.DISCORD_API_URL || undefined }
      : undefined,
    llmEnv: {
      // A local OpenAI-compatible server (Ollama, vLLM, llama.cpp) needs a base URL but no key.
      openai:
        env.OPENAI_API_KEY || env.OPENAI_BASE_URL
          ? { apiKey: env.OPENAI_API_KEY || 'none', baseUrl: env.OPENAI_BASE_URL || undefined, model: env.OPENAI_MODEL || undefined }
          : undefined,
      gemini: env.GEMINI_API_KEY
        ? { apiKey: env.GEMINI_API_KEY, baseUrl: env.GEMINI_BASE_URL || undefined, model: env.GEMINI_MODEL || undefined }
        : undefined,
    },
    endpoints: {
      s3: env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL,
      cloudwatch: env.AWS_ENDPOINT_URL_CLOUDWATCH ?? env.AWS_ENDPOINT_URL,
      ec2: env.AWS_ENDPOINT_URL_EC2 ?? env.AWS_ENDPOINT_URL,
      ssm: env.AWS_ENDPOINT_URL_SSM ?? env.AWS_ENDPOINT_URL,
      autoscaling: env.AWS_ENDPOINT_URL_AUTO_SCALING ?? env.AWS_ENDPOINT_URL,
    },
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readJson(file: string, field: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push(`${field}: ${file} is not valid JSON (${(err as Error).message}); fix the syntax`);
    return undefined;
  }
}

function parsePort(value: string, problems: string[]): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    problems.push(`SCO_HTTP_PORT: "${value}" is not a port; use a number from 0 to 65535`);
    return 8080;
  }
  return n;
}

function checkSourcesAgainstTargets(file: FileConfig, targetSources: string[], problems: string[]): void {
  for (const source of ['prometheus', 'cloudwatch', 'file'] as const) {
    const used = targetSources.includes(source);
    if (used && !file.sources[source].enabled) {
      problems.push(
        `config.sources.${source}.enabled: targets use source "${source}" but it is disabled; set it to true or change those targets' source`,
      );
    }
  }
  for (const [i, rule] of file.remediation.rules.entries()) {
    const params = parseActionParams(rule.action, rule.params);
    if (!params.ok) problems.push(`config.remediation.rules.${i}.params: ${params.error}; see docs/configuration.md#remediation`);
    if (rule.executor === 'script' && !file.remediation.scripts[rule.action] && rule.action !== 'notify_only') {
      problems.push(
        `config.remediation.rules.${i}.executor: no script is configured for "${rule.action}"; add remediation.scripts.${rule.action}`,
      );
    }
  }
}

export function formatIssues(issues: z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? [issue.keys.join(', ')] : [];
    const where = [prefix, ...issue.path.map(String), ...keys].join('.');
    let fix = '';
    if (issue.code === 'unrecognized_keys') fix = '; remove it or check the spelling against docs/configuration.md';
    else if (missingField(issue)) return `${where}: ${missingField(issue)}, see docs/configuration.md`;
    else if (issue.code === 'invalid_type') fix = '; see docs/configuration.md for the expected type';
    else if (issue.code === 'invalid_value') fix = '';
    // A record's key that fails its own check: "Invalid key in record" says less than the check does.
    else if (issue.code === 'invalid_key') return `${where}: not a valid name here: ${issue.issues.map((i) => i.message).join('; ')}`;
    return `${where}: ${issue.message}${fix}`;
  });
}

export function deepMerge(a: unknown, b: unknown): unknown {
  if (isPlain(a) && isPlain(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = deepMerge(a[k], v);
    return out;
  }
  return b === undefined ? a : b;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
