import type { AnswerContext } from './answer-context.js';
import { s3StateLine } from './s3-state.js';

/** "Do you support kubernetes?", "what integrations do you have?" (answer-integrations.ts). */
export interface IntegrationsIntent {
  kind: 'integrations';
  /** The systems named, by the key of SYSTEMS; none: every integration. */
  systems?: string[];
}

type System = { re: RegExp; say: (on: On) => string };
interface On {
  sources: Set<string>;
  platforms: Set<string>;
  llm?: string | undefined;
  alertmanager: boolean;
  s3: boolean;
  /** Records waiting to be uploaded to S3, and whether the uploads work, when S3 is on. */
  s3Backlog?: number;
  s3Ok?: boolean;
  /** retention.recordsDays: how long my log and record files are kept. */
  keepDays?: number;
}

const here = (yes: boolean) => (yes ? 'on here' : 'off here');

/** What each system is to this bot, said plainly: read, spoken to, or not at all (and what to use instead). */
const SYSTEMS: Record<string, System> = {
  kubernetes: {
    re: /\b(?:kubernetes|k8s|pods?|eks|gke|aks|openshift)\b/,
    say: (o) =>
      `Kubernetes: not directly (no Kubernetes API is read). A Prometheus source reads what Prometheus scrapes, so nodes and pods exposed by node-exporter, kube-state-metrics or cAdvisor come in as targets with their labels (sources.prometheus, ${here(o.sources.has('prometheus'))}).`,
  },
  containers: {
    re: /\b(?:docker|containers?|podman)\b/,
    say: () =>
      'Containers: read through Prometheus (cAdvisor) like any other series; I run in a container myself (Dockerfile, infra/compose.yaml), but I do not talk to the Docker API.',
  },
  prometheus: {
    re: /\bprometheus\b/,
    say: (o) =>
      `Prometheus: a metrics source (query API, its targets discovered), and alert rules and a scrape config shipped in infra/ (${here(o.sources.has('prometheus'))}).`,
  },
  cloudwatch: {
    re: /\b(?:cloud ?watch|aws|ec2|ssm|auto ?scaling)\b/,
    say: (o) =>
      `AWS: CloudWatch as a metrics source and EC2 discovery (${here(o.sources.has('cloudwatch'))}); remediation through SSM Run Command and Auto Scaling with the aws executor; records to S3 (${here(o.s3)}). docs/aws-setup.md.`,
  },
  alertmanager: {
    re: /\balert ?manager\b/,
    say: (o) =>
      `Alertmanager: its webhook posts alerts to POST /alertmanager, which become anomalies here (${o.alertmanager ? 'on here' : 'off here: set SCO_ALERTMANAGER_TOKEN'}); silences set in chat can be mirrored to it.`,
  },
  // "How do I send alerts from Grafana?", "are we receiving webhooks?": what POST /alertmanager takes, and what it does not.
  webhooks: {
    re: /\bwebhooks?\b|\bsend(?:ing)? (?:us |you |me )?(?:its |their )?alerts\b|\bgrafana (?:alerts?|alerting)\b|\balerts (?:in )?from (?:grafana|other tools|another tool|outside)\b/,
    say: (o) =>
      `Alerts from other tools: POST /alertmanager takes the Alertmanager webhook format (version 4) with a bearer token, and each alert becomes an anomaly here (${o.alertmanager ? 'on here' : 'off here: set SCO_ALERTMANAGER_TOKEN'}); docs/api.md. Grafana alerting reaches me through an Alertmanager whose webhook receiver points here: Grafana's own webhook format is not read, nor any other.`,
  },
  slack: {
    re: /\bslack\b/,
    say: (o) =>
      `Slack: slash commands, mentions, alerts with buttons, threads and the Home tab (${here(o.platforms.has('slack'))}). docs/slack.md.`,
  },
  discord: {
    re: /\bdiscord\b/,
    say: (o) => `Discord: slash commands, messages, alerts with buttons (${here(o.platforms.has('discord'))}). docs/discord.md.`,
  },
  s3: {
    re: /\bs3\b|\bbucket\b|\b(?:records?|logs?) (?:were |are |get )?upload\w*\b|\bupload(?:s|ed|ing)?\b.*\b(?:records?|logs?|s3|today|failing|working|ok|stuck|broken|succeeding|backlog|waiting|queued)\b/,
    say: (o) =>
      `S3: every record (anomalies, proposals, decisions) is also uploaded to a bucket, retried until it lands (${
        o.s3
          ? `on here, ${o.s3Ok === false ? 'NOT OK' : 'ok'}${o.s3Backlog !== undefined ? `; ${o.s3Backlog} waiting to upload` : ''}`
          : 'off here: set records.s3.bucket or SCO_S3_BUCKET'
      }). docs/configuration.md.`,
  },
  logs: {
    re: /\b(?:your|my|the bot'?s|smartcloudops'?s?|json|app(?:lication)?) logs?\b|\blogs? (?:rotat\w*|retention|files?)\b|\brotat\w* (?:the )?logs?\b|\bare (?:the )?(?:json )?logs? (?:rotat\w*|kept|written)\b|\bwhere (?:are|do) (?:the )?logs? (?:go|written|kept|stored)\b|\bhow big are (?:the )?logs\b/,
    say: (o) =>
      `My logs: JSON lines (secrets redacted) to stdout and to <data dir>/logs/app-YYYY-MM-DD.jsonl, a new file each UTC day; every anomaly, proposal and decision also to <data dir>/logs/records-YYYY-MM-DD.jsonl (and to S3 when set). Files older than ${o.keepDays ?? 'retention.recordsDays'} days are removed (retention.recordsDays). GET /logs on the side port reads the records. Host logs are not read.`,
  },
  otherChat: {
    re: /\b(?:microsoft teams|ms teams|teams|mattermost|telegram|webex|google chat|rocket\.?chat|irc|matrix)\b/,
    say: () => 'Other chat (Teams, Mattermost, Telegram…): not supported; Slack, Discord and the web console are.',
  },
  llm: {
    re: /\b(?:openai|chatgpt|gpt(?:-\d\w*)?|gemini|ollama|llama|llm|vllm|lm studio|local (?:llm|model))\b/,
    say: (o) =>
      `LLMs: OpenAI, Gemini, or any OpenAI-compatible local server (Ollama, vLLM, LM Studio), only for questions with no fixed answer; a figure in its reply that the data it was shown does not hold is refused, and the data is given instead (${o.llm ? `${o.llm} here` : 'none configured here: every answer comes from the store by fixed rules; set OPENAI_API_KEY, OPENAI_BASE_URL for a local server, or GEMINI_API_KEY'}). docs/llm.md.`,
  },
  otherMetrics: {
    re: /\b(?:datadog|new relic|newrelic|dynatrace|splunk|elastic(?:search)?|elk|loki|influx(?:db)?|graphite|zabbix|nagios|victoria ?metrics|thanos|honeycomb|sentry)\b/,
    say: () =>
      'Other monitoring systems (Datadog, InfluxDB, Zabbix…): not read directly. Anything that Prometheus can scrape, or that can write the metrics file (sources.file), comes in.',
  },
  otherCloud: {
    re: /\b(?:gcp|google cloud|azure|digitalocean|linode|hetzner|oracle cloud)\b/,
    say: () => 'Other clouds (GCP, Azure…): no cloud API but AWS is read; their hosts come in through Prometheus or the metrics file.',
  },
  databases: {
    re: /\b(?:postgres(?:ql)?|mysql|mariadb|redis|mongo(?:db)?|databases?|cassandra|kafka|rabbitmq|nginx|apache)\b/,
    say: () =>
      "Databases and services: their hosts' CPU, memory, disk, network and latency like any target; their own figures (queries, connections, lag) only as series a Prometheus exporter gives, which are not among the metrics I read now.",
  },
};

const ASKED =
  /\b(?:do|does|can|could|will) (?:you|it|smartcloudops|the bot)\b.*\b(?:support|work with|integrate|connect|talk to|read|monitor|watch|use|speak|handle|pull from|send to|post to)\b|\bis there (?:an? )?(?:integration|support|plugin|connector)\b|\b(?:support|integration|plugin|connector)s? for\b|\bwork(?:s)? with\b|\bintegrat\w* with\b/;
const ALL =
  /\b(?:what|which) (?:integrations?|tools|services|systems|platforms|data ?sources|sources|backends)\b.*\b(?:have|support|integrate|read|use|connect|talk|work)\b|\bintegrations\b|\bwhat (?:do|can) you (?:integrate|connect|work) with\b|\bwhat can you (?:monitor|watch|read from)\b/;

// "Is the slack token set?", "is openai configured?": whether a system named is on here ("connected" is delivery's).
const STATE =
  /\b(?:is|are)\b.*\b(?:s3|uploads?|uploading)\b.*\b(?:working|ok|okay|healthy|failing|broken|stuck|up|down|reachable|connected|succeeding|landing|going through)\b|\b(?:reach\w*|land\w*|arriv\w*|getting to|making it to|get to|going to|(?:sent|shipped|uploaded) to)\b.*\bs3\b|\b(?:are|is) (?:we|you|it) (?:receiving|getting)\b|\b(?:is|are)\b.*\b(?:configured|set up|set|enabled|turned on|switched on|installed|in use|hooked up|wired up)\b|\b(?:is|are) (?:the )?(?:json logs?|logs?)\b|\b(?:when|where|how|did)\b.*\b(?:s3|upload\w*|logs?)\b|\b(?:llm|openai|gemini|ai)\b.*\b(?:working|calls?|usage|requests?|tokens?|answering)\b/;
// "What model are you using?", "are you an AI?": who answers free text, which a model must not be left to say itself.
const MODEL =
  /\b(?:what|which) (?:llm|model|ai|language model)\b(?!.*\b(?:detect\w*|forest|forecast\w*|anomal\w*|baseline|instance|host|server|cpu|disk)\b)|\bare you (?:using |running |powered by |based on )?(?:an? )?(?:ai|llm|gpt|chatgpt|language model)\b|\b(?:who|what) powers you\b/;

/** Pure; undefined when not asked, or when it names no system known here (that is a question for the model, or none). */
export function integrationsQuestion(text: string, target: string | undefined): IntegrationsIntent | undefined {
  if (target) return undefined;
  if (MODEL.test(text)) return { kind: 'integrations', systems: ['llm'] };
  const named = Object.entries(SYSTEMS).flatMap(([k, s]) => (s.re.test(text) ? [k] : []));
  if (named.length && (ASKED.test(text) || STATE.test(text))) return { kind: 'integrations', systems: named };
  // "How do I send alerts from Grafana?": how alerts come in is this answer; "how do I configure slack?" is the set-up guide's.
  if (named.length === 1 && named[0] === 'webhooks' && /\bhow (?:do|can|should|would) (?:i|we)\b/.test(text))
    return { kind: 'integrations', systems: named };
  return ALL.test(text) ? { kind: 'integrations' } : undefined;
}

/** Each system asked about, or all of them, with whether it is on here. Pure over the config facts. */
export function answerIntegrations(i: IntegrationsIntent, c: AnswerContext): string {
  const a = c.about?.();
  const on: On = {
    sources: new Set(a ? [...a.sourceOf.values()] : []),
    platforms: new Set(a?.platforms ?? []),
    llm: a?.llm,
    alertmanager: Boolean(a?.alertmanagerWebhook),
    s3: Boolean(a?.self?.components.s3),
    ...(typeof a?.self?.components.s3?.backlog === 'number' ? { s3Backlog: a.self.components.s3.backlog } : {}),
    ...(a?.self?.components.s3 ? { s3Ok: a.self.components.s3.ok } : {}),
    ...(a?.recordsDays !== undefined ? { keepDays: a.recordsDays } : {}),
  };
  const keys = i.systems?.length ? i.systems : ['prometheus', 'cloudwatch', 'alertmanager', 'slack', 'discord', 'llm', 'kubernetes'];
  const lines = keys.map((k) => `• ${SYSTEMS[k]!.say(on)}`);
  // "Is the S3 upload working?": how the uploads stand leads, before what S3 is to me.
  if (i.systems?.includes('s3')) lines.unshift(s3StateLine(a?.self?.components.s3, c.now));
  if (i.systems?.length) return lines.join('\n');
  return [
    'What I connect to (docs/configuration.md has each setting):',
    ...lines,
    '• Also: a metrics file (sources.file), the synthetic fleet for a try-out, and the local host; the web console with no tokens at all.',
  ].join('\n');
}
