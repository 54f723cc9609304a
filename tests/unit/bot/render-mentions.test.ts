import { describe, expect, it } from 'vitest';
import { renderEmbed } from '../../../src/bot/discord/render-embed.js';
import { renderBlocks } from '../../../src/bot/slack/render-blocks.js';
import type { NeutralMessage } from '../../../src/core/chat.js';

// Alertmanager annotations and target names reach alert text: they must never ping anyone.
// Everything but the header (plain_text, which Slack never parses for mentions) as sent.
const mrkdwnOf = (r: ReturnType<typeof renderBlocks>) =>
  JSON.stringify({ text: r.text, blocks: r.blocks.filter((b) => b.type !== 'header') });

const hostile: NeutralMessage = {
  title: 'Critical: 1 anomaly on web-1 <!channel>',
  severity: 'critical',
  text: 'disk full <!here> <@U999> @everyone <@&123456789>',
  fields: [{ label: 'disk', value: 'peak 99% <!channel>' }],
  actions: [],
};

describe('mentions in alerts', () => {
  it('Slack: configured mentions lead the message unescaped; alert text stays escaped, in blocks and in the notification text', () => {
    const plain = renderBlocks(hostile);
    expect(plain.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(mrkdwnOf(plain)).not.toMatch(/<!(channel|here)>|<@U999>/);
    expect(plain.text).toContain('&lt;!channel&gt;');

    const paged = renderBlocks({ ...hostile, mentions: ['<!subteam^S0ONCALL>', '<@U0LEAD>'] });
    const section = paged.blocks.find((b) => b.type === 'section') as { text: { text: string } };
    expect(section.text.text.startsWith('<!subteam^S0ONCALL> <@U0LEAD> :red_circle: disk full &lt;!here&gt;')).toBe(true);
    expect(paged.text.startsWith('<!subteam^S0ONCALL> <@U0LEAD> Critical: 1 anomaly on web-1 &lt;!channel&gt;')).toBe(true);
    expect(mrkdwnOf(paged)).not.toMatch(/<!(channel|here)>|<@U999>/);
  });

  it('Discord: only the configured users and roles may ping; nothing pings without them', () => {
    const plain = renderEmbed(hostile);
    expect(plain.content).toBeUndefined();
    expect(plain.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(plain.embeds)).toContain('@\u200beveryone');

    const paged = renderEmbed({ ...hostile, mentions: ['<@&555555555555555555>', '<@444444444444444444>'] });
    expect(paged.content).toBe('<@&555555555555555555> <@444444444444444444>');
    expect(paged.allowed_mentions).toEqual({ parse: [], users: ['444444444444444444'], roles: ['555555555555555555'] });
    // The role named in the alert text is not among them, so Discord does not ping it.
    expect(paged.allowed_mentions.roles).not.toContain('123456789');
    expect(renderEmbed({ ...hostile, mentions: ['@here'] }).allowed_mentions).toEqual({ parse: ['everyone'] });
  });
});
