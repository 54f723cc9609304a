import { fitText } from '../fit-text.js';
import { actionValue, type NeutralMessage } from '../../core/chat.js';
import { sparkline } from '../sparkline.js';

/** Slack mrkdwn treats &, < and > as control characters; everything we show is escaped. */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const EMOJI: Record<NeutralMessage['severity'], string> = {
  critical: ':red_circle:',
  warning: ':large_yellow_circle:',
  info: ':information_source:',
  ok: ':white_check_mark:',
};

export interface SlackRendered {
  text: string;
  blocks: Record<string, unknown>[];
}

/** Neutral message → Block Kit (header, figures, chart, context, Approve/Deny). Pure. */
export function renderBlocks(m: NeutralMessage): SlackRendered {
  const blocks: Record<string, unknown>[] = [{ type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150), emoji: true } }];
  // Mentions come only from config (validated Slack syntax); everything else is escaped.
  const ping = m.mentions?.length ? `${m.mentions.join(' ')} ` : '';
  if (m.text || ping)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${ping}${EMOJI[m.severity]} ${fitText(escapeMrkdwn(m.text), 2900)}` } });
  if (m.fields.length) {
    blocks.push({
      type: 'section',
      fields: m.fields
        .slice(0, 10)
        .map((f) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value).slice(0, 1900)}` })),
    });
  }
  if (m.sparkline) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${escapeMrkdwn(m.sparkline.label)} \`${sparkline(m.sparkline.values, 40)}\` ${escapeMrkdwn(m.sparkline.from)}–${escapeMrkdwn(m.sparkline.to)}`,
        },
      ],
    });
  }
  const context = [m.context, m.status].filter((x): x is string => Boolean(x));
  if (context.length)
    blocks.push({ type: 'context', elements: context.map((c) => ({ type: 'mrkdwn', text: escapeMrkdwn(c).slice(0, 2900) })) });
  const links = m.links ?? [];
  if (m.actions.length || links.length) {
    blocks.push({
      type: 'actions',
      block_id: m.actions.length ? `sco_actions_${actionValue(m.actions[0]!)}` : 'sco_links',
      elements: [
        ...m.actions.map((a) => ({
          type: 'button',
          action_id: `sco_${a.action}`,
          text: { type: 'plain_text', text: a.label },
          value: actionValue(a),
          // Slack has two styles: approving and taking an alert on are the primary moves.
          ...(a.action === 'silence' ? {} : { style: a.action === 'deny' ? 'danger' : 'primary' }),
        })),
        // Slack opens the URL and still sends a click, which the adapter only acknowledges.
        ...links.map((l, i) => ({
          type: 'button',
          action_id: `sco_link_${i}`,
          text: { type: 'plain_text', text: l.label.slice(0, 75) },
          url: l.url,
        })),
      ],
    });
  }
  return { text: `${ping}${escapeMrkdwn(`${m.title}: ${m.text}`)}`.slice(0, 3000), blocks };
}

/** A chat reply (plain text, tables in ``` fences) as Slack mrkdwn. */
export function renderReplyText(text: string): string {
  return fitText(escapeMrkdwn(text), 39_000);
}
