import { METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS } from './answer-metric-span.js';
import { unknownTargetReply, when } from './format-reply.js';

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
      : i.what === 'deployments'
        ? 'I don\'t record deployments: no source here reports them, so I cannot say when one happened. "Remediation history" lists the actions I ran or proposed.'
        : `I don't collect ${i.what}: no source here reads it, so I have no figure to give.`,
  ];
  if (i.what === 'uptime' && i.target) {
    const state = c.store.targetStates().find((t) => t.target === i.target);
    lines.push(
      state?.lastSeenTs
        ? `${i.target} is ${state.state === 'up' ? 'reporting' : state.state} (last sample ${when(state.lastSeenTs, c.now, c.staleAfterMs)}).`
        : `${i.target} has not reported yet.`,
    );
  }
  if (i.what === 'load average') lines.push('CPU use is the nearest figure I have: ask "cpu on <target>".');
  if (i.what === 'host logs')
    lines.push(
      'What I recorded myself (anomalies, proposals, decisions) is at /logs on the side port; here, "remediation history" and "timeline an_…" give it.',
    );
  lines.push(read.length ? `What I have${where}: ${read.join(', ')}.` : `I have no figures${where} yet.`);
  return lines.join('\n');
}

const ELSEWHERE: Record<'tickets' | 'paging' | 'email', string> = {
  tickets:
    'I don\'t open tickets: no ticketing system (Jira, ServiceNow) is connected. "timeline an_…" gives what happened and who did what, to paste into one.',
  paging:
    'I don\'t page through PagerDuty or Opsgenie: alerts reach people through the mentions in chat.routes and chat.escalate ("who is on call?" shows them). Alertmanager, fed by the shipped rules, can page through those services.',
  email:
    'I don\'t send email or SMS: I post to Slack, Discord and the web console only. The daily digest (chat.digest) goes to the alert channels, and `smartcloudops digest` prints it for a mail cron; "summarise today" gives it here.',
};

/** "Create a ticket for db-1", "page via PagerDuty", "email me the summary": what to do instead. */
export const answerElsewhere = (what: keyof typeof ELSEWHERE): string => ELSEWHERE[what];
