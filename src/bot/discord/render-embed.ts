import { fitText, splitText } from '../fit-text.js';
import { actionValue, parseActionRef, type ActionRef, type NeutralMessage } from '../../core/chat.js';
import { sparkline } from '../sparkline.js';

const COLOR: Record<NeutralMessage['severity'], number> = { critical: 0xe01e5a, warning: 0xecb22e, info: 0x1264a3, ok: 0x2eb67d };

/** Discord markdown and mentions: escaped so alert text cannot ping anyone or format itself. */
export const escapeDiscord = (s: string) => s.replace(/([\\*_~`|>#[\]()-])/g, '\\$1').replace(/@/g, '@\u200b');

export const customIdFor = (a: ActionRef) => `sco:${a.action}:${actionValue(a)}`;

export function parseCustomId(id: string): ActionRef | undefined {
  const m = /^sco:([a-z]+):([a-z0-9_]+)$/.exec(id);
  return m ? parseActionRef(m[1], m[2]) : undefined;
}

export interface DiscordMessageBody {
  content?: string;
  embeds: Record<string, unknown>[];
  components: Record<string, unknown>[];
  allowed_mentions: { parse: 'everyone'[]; users?: string[]; roles?: string[] };
}

/** Only the configured mentions may ping: named users and roles, and @here/@everyone when configured. */
function allowedMentions(mentions: readonly string[]): DiscordMessageBody['allowed_mentions'] {
  const ids = (re: RegExp) => mentions.flatMap((x) => re.exec(x)?.[1] ?? []);
  const users = ids(/^<@(\d+)>$/);
  const roles = ids(/^<@&(\d+)>$/);
  return {
    parse: mentions.some((x) => x === '@here' || x === '@everyone') ? ['everyone'] : [],
    ...(users.length ? { users } : {}),
    ...(roles.length ? { roles } : {}),
  };
}

/** Neutral message → embed + button row (raw API JSON, so it renders the same over REST). Pure. */
export function renderEmbed(m: NeutralMessage): DiscordMessageBody {
  const fields = m.fields
    .slice(0, 24)
    .map((f) => ({ name: f.label.slice(0, 256), value: escapeDiscord(f.value).slice(0, 1024) || '-', inline: false }));
  if (m.sparkline)
    fields.push({
      name: `${m.sparkline.label} ${m.sparkline.from}–${m.sparkline.to}`.slice(0, 256),
      value: `\`${sparkline(m.sparkline.values, 40)}\``,
      inline: false,
    });
  if (m.status) fields.push({ name: 'status', value: escapeDiscord(m.status).slice(0, 1024), inline: false });
  return {
    ...(m.mentions?.length ? { content: m.mentions.join(' ') } : {}),
    embeds: [
      {
        title: m.title.slice(0, 256),
        description: fitText(escapeDiscord(m.text), 4000),
        color: COLOR[m.severity],
        fields,
        ...(m.context ? { footer: { text: m.context.slice(0, 2048) } } : {}),
      },
    ],
    components:
      m.actions.length || m.links?.length
        ? [
            {
              type: 1,
              components: [
                ...m.actions.map((a) => ({
                  type: 2,
                  // success, danger, primary, secondary
                  style: a.action === 'approve' ? 3 : a.action === 'deny' ? 4 : a.action === 'ack' ? 1 : 2,
                  label: a.label,
                  custom_id: customIdFor(a),
                })),
                // Link buttons: opened by the client, no interaction reaches us.
                ...(m.links ?? []).map((l) => ({ type: 2, style: 5, label: l.label.slice(0, 80), url: l.url })),
              ].slice(0, 5),
            },
          ]
        : [],
    allowed_mentions: allowedMentions(m.mentions ?? []),
  };
}

/** Reply text: tables stay in ``` fences (Discord renders them); mentions are neutralised; cut at a line to fit. */
export function renderReplyContent(text: string): string {
  return fitText(text.replace(/@/g, '@\u200b'), 1990);
}

/**
 * A reply to a question as up to three messages (Discord allows 2,000 characters in one), so the
 * help or a fleet table is not cut at the first 2,000; a button's private reply stays one.
 */
export function renderReplyParts(text: string): string[] {
  return splitText(text.replace(/@/g, '@\u200b'), 1990, 3);
}
