import { VERSION } from '../observability/version.js';
import { globMatch } from '../pipeline/remediate/plan-remediation.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS } from './answer-metric-span.js';
import { unknownTargetReply, when } from './format-reply.js';
import type { Elsewhere } from './intent.js';
import { describeChange, latestChange } from './change-log.js';
import { formatDuration } from './text-tools.js';

/**
 * "Swap on web-1", "load average", "how long has web-1 been up": figures no source here reads.
 * Said plainly, with the figures there are for the targets asked about, instead of an overview
 * or the CPU passed off as the answer.
 */
export function answerUncollected(
  i: { what: string; target?: string; group?: string[]; unknownTarget?: string },
  c: AnswerContext,
): string {
  if (i.unknownTarget && !i.target && !i.group) return unknownTargetReply(i.unknownTarget, c.targets);
  const names = i.target ? [i.target] : i.group;
  const latest = c.store.latestSamples().filter((s) => !names || names.includes(s.target));
  const read = ALL_METRICS.filter((m) => latest.some((s) => s.metric === m)).map((m) => METRIC_LABEL[m] ?? m);
  const where = names ? ` for ${names.join(', ')}` : '';
  const lines = [
    i.what === 'uptime'
      ? 'Host uptime (time since boot) is not a figure I collect.'
      : `I don't collect ${i.what}: no source here reads ${/s$/.test(i.what) ? 'them' : 'it'}, so I have no figure to give.`,
  ];
  if (i.what === 'uptime' && i.target) {
    const state = c.store.targetStates().find((t) => t.target === i.target);
    lines.push(
      state?.lastSeenTs
        ? `${i.target} is ${state.state === 'up' ? 'reporting' : state.state} (last sample ${when(state.lastSeenTs, c.now, c.staleAfterMs)}).`
        : `${i.target} has not reported yet.`,
    );
  }
  // What people said they deployed is the nearest thing I hold.
  if (i.what === 'the running version') {
    const last = latestChange(c.store, c.now, names);
    lines.push(
      last
        ? `The latest change recorded${where}: ${describeChange(last)}, ${formatDuration(c.now - last.ts)} ago ("recent changes" lists more).`
        : `No change is recorded${where} in the last 30 days; "deployed v2.3 to api-1" records one, as a deploy job can through /api/query.`,
    );
  }
  if (i.what === 'load average') lines.push('CPU use is the nearest figure I have: ask "cpu on <target>".');
  if (i.what === 'user impact')
    lines.push('Latency is the nearest figure I have to what users feel: ask "latency", or "anything wrong?" for what is open now.');
  // The services the remediation rules would restart there are the nearest I know of what runs on it.
  if (i.what === 'what runs on a host (services, software)') {
    const services = [
      ...new Set(
        (c.remediationRules ?? [])
          .filter(
            (r) => r.action === 'restart_service' && (!i.target || !r.when.targets || r.when.targets.some((g) => globMatch(g, i.target!))),
          )
          .map((r) => String(r.params['service'] ?? ''))
          .filter(Boolean),
      ),
    ];
    if (services.length)
      lines.push(
        `The remediation rules restart ${services.join(', ')}${where}: the services named in config, not a list read from the host.`,
      );
  }
  // Where hosts have room is what a cost question would act on.
  if (i.what === 'cost or billing')
    lines.push(
      'Where hosts have room to spare is the nearest I can say: "which hosts are idle?" and "capacity outlook" rank them by their p95.',
    );
  if (i.what === 'replica, pod or container counts') lines.push(...hostsPerGroup(c.targets));
  if (i.what.startsWith('auto scaling activity'))
    lines.push(...hostsPerGroup(c.targets), 'The scale-ups I proposed or ran are in "remediation history".');
  if (i.what === 'application errors')
    lines.push('What the detectors found is what I can give: "anything wrong?" for what is open now, "anomalies today" for the day.');
  if (i.what === 'latency between hosts')
    lines.push("The latency I read is each target's own response time as its source reports it, not the time between two hosts.");
  if (i.what === 'host logs')
    lines.push(
      'What I recorded myself (anomalies, proposals, decisions) is at /logs on the side port; here, "remediation history" and "timeline an_…" give it.',
    );
  lines.push(read.length ? `What I have${where}: ${read.join(', ')}.` : `I have no figures${where} yet.`);
  return lines.join('\n');
}

const ELSEWHERE: Record<Exclude<Elsewhere, 'config' | 'howto' | 'dashboards' | 'export' | 'backup'>, string> = {
  secrets:
    'I don\'t give out tokens, keys, passwords or my environment, to anyone: they are read from the environment at start, and redacted from my logs. "Which integrations are on?" says what is connected; `smartcloudops config check` on the host says which settings are set.',
  post: 'I answer where I am asked and don\'t post to another channel on request: alerts and digests go to the channels set in the config (chat.channels, chat.routes, chat.digest), and "where do alerts go?" lists them. Ask me in that channel, or copy this reply there.',
  tickets:
    'I don\'t open tickets: no ticketing system (Jira, ServiceNow) is connected. "timeline an_…" gives what happened and who did what, to paste into one.',
  paging:
    'I don\'t page through PagerDuty or Opsgenie: alerts reach people through the mentions in chat.routes and chat.escalate ("who is on call?" shows them). Alertmanager, fed by the shipped rules, can page through those services.',
  assign:
    'I don\'t assign alerts to someone else: whoever takes one on says "ack" in its thread (or "ack an_…"), and the alert then shows who has it, with no reminders or escalation; "unack" hands it back. "page bob about web-1" pings a member of an on-call rotation in its thread; "note an_…: bob is on it" says who is on it, in its timeline.',
  resolve:
    'I don\'t resolve anomalies by hand: one ends when its detector sees the series back in range (an Alertmanager alert, when Alertmanager says it is resolved), so a closed one would only open again. To stop hearing about it: "ack an_…" (you have it: no reminders or escalation) or "snooze an_… for 1h"; "note an_…: <what was done>" records what you did, and "this alert is noise" marks a false alarm.',
  reopen:
    'I don\'t reopen anomalies by hand: an ended one stays in the record as it ended ("explain an_…"), and a new one opens when a detector finds the series out of range again. To keep an eye on it now: "watch web-1 cpu above 90" posts when it crosses a line, and "remind me in 30 min to check web-1" comes back to it.',
  merge:
    'I don\'t merge alerts by hand: anomalies on the same target and metric at overlapping times, from different detectors, are already one episode, with one alert message; the same kind opening on many targets at once is one fleet alert (chat.fleetGroup). To handle several as one: "ack" each (or "ack <target>"), or "declare an incident: <what is wrong>" and note them in it.',
  api: 'Yes: my side port (8080 by default) answers `POST /api/query` with `{"question": "…"}` exactly as I answer here, and serves `GET /api/anomalies` and `GET /api/remediations` (csv or json), `/status`, `/logs`, and the probes `/health`, `/ready` and `/metrics` (Prometheus). Off loopback every endpoint but the probes needs `Authorization: Bearer <token>` (SCO_WEB_TOKEN, or one per person in SCO_WEB_USERS). docs/api.md has each, with curl examples; `smartcloudops ask "<question>"` asks from a shell.',
  erase:
    'I don\'t delete what I recorded from chat: the audit and every answer rest on it. Samples are kept retention.samplesHours, anomalies retention.anomaliesDays and the daily records retention.recordsDays, then pruned ("what do you monitor?" says how long). To start afresh, stop me, keep a copy with `smartcloudops backup <file>`, and move the data dir (SCO_DATA_DIR) aside.',
  license: `SmartCloudOps ${VERSION}, open source under the MIT licence (package.json, LICENSE): the repository I run from holds the code, the docs (docs/) and the reasons behind each choice (docs/decisions/).`,
  shell:
    'I don\'t run commands or open shells on hosts: the only actions are the allow-listed remediations (restart_service, scale_up, cleanup_disk, notify_only), each through a rule in remediation.rules and, unless the rule says auto, an approver. "What actions can you take?" lists them; "restart app on web-1" asks for one.',
  resend:
    'I don\'t post an alert twice: each anomaly has one message, updated in place as it changes and when it ends, and open critical ones are repeated in their thread (chat.remind). "Explain an_…" or "timeline an_…" gives it here, "was an_… posted?" says where it went, and "send a test alert" checks delivery.',
  email:
    'I don\'t send email or SMS: I post to Slack, Discord and the web console only. The daily digest (chat.digest) goes to the alert channels, and `smartcloudops digest` prints it for a mail cron; "summarise today" gives it here.',
};

const RESTART =
  'Check the change with `smartcloudops config check`, then reload me (SIGHUP: `kill -HUP <pid>`, `docker compose kill -s HUP smartcloudops`) or restart me: a config that does not load is refused and the running one carries on.';

const ELSEWHERE_MORE: Record<'config' | 'howto', string> = {
  config: [
    "I don't change my config from chat, so nothing was changed. Thresholds, forecasts, remediation rules, routes and approvers are in config/smartcloudops.json; targets are in the targets file (config/aws_targets.json), or come from Prometheus or EC2 discovery (docs/configuration.md).",
    RESTART,
    '"what thresholds are set?" and "which rules propose restarts?" show what is set now.',
  ].join('\n'),
  howto: [
    'Set-up is in the docs:',
    '• hosts: the targets file (config/aws_targets.json), or Prometheus / EC2 discovery: docs/configuration.md',
    '• Slack: docs/slack.md · Discord: docs/discord.md · the LLM (OpenAI, Gemini, a local server): docs/llm.md',
    '• alert routes, reminders, escalation, digests: docs/chat.md · remediation and approvers: docs/configuration.md',
    '• AWS (CloudWatch, SSM, Auto Scaling): docs/aws-setup.md · Prometheus, Grafana, Terraform: infra/README.md',
    '• what I answer in chat: docs/chat.md · the side port API: docs/api.md · how detection works: docs/detection.md',
    RESTART,
  ].join('\n'),
};

/** "Create a ticket for db-1", "set the cpu threshold to 85", "where is grafana?": what to do instead. */
export const answerElsewhere = (what: Exclude<Elsewhere, 'dashboards' | 'export' | 'backup'>): string =>
  what === 'config' || what === 'howto' ? ELSEWHERE_MORE[what] : ELSEWHERE[what];

/** The hosts per auto scaling group, from the targets file: the nearest thing to a replica count I hold. */
function hostsPerGroup(targets: AnswerContext['targets']): string[] {
  const groups = new Map<string, string[]>();
  for (const t of targets) if (t.autoScalingGroup) groups.set(t.autoScalingGroup, [...(groups.get(t.autoScalingGroup) ?? []), t.name]);
  if (!groups.size) return ['I watch hosts; no target here names an auto scaling group.'];
  return [
    'I watch hosts. Those in an auto scaling group, as the targets file (or EC2 discovery) lists them, not its desired capacity in AWS:',
    ...[...groups].sort(([a], [b]) => a.localeCompare(b)).map(([g, names]) => `• ${g}: ${names.length} (${names.join(', ')})`),
  ];
}
