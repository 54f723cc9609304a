import { describe, expect, it } from 'vitest';
import { renderEmbed } from '../../../src/bot/discord/render-embed.js';
import { renderBlocks } from '../../../src/bot/slack/render-blocks.js';
import type { NeutralMessage } from '../../../src/core/chat.js';

// A digest-sized message: 120 lines of about 60 characters, past both platforms' limits.
const lines = Array.from({ length: 120 }, (_, i) => `line ${String(i).padStart(3, '0')}: ${'x'.repeat(50)}`);
const long: NeutralMessage = { title: 'Daily digest: the last 24 h', severity: 'ok', text: lines.join('\n'), fields: [], actions: [] };

describe('a message text longer than the platform allows', () => {
  it('Slack: cut at a line, within the section limit, saying how many lines were left out', () => {
    const section = renderBlocks(long).blocks.find((b) => b.type === 'section') as { text: { text: string } };
    const text = section.text.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    const out = text.split('\n');
    const kept = out.slice(0, -1);
    // Every line kept is whole (the first carries the severity emoji before it).
    expect(kept.slice(1).every((l, i) => l === lines[i + 1])).toBe(true);
    expect(out.at(-1)).toBe(`… ${lines.length - kept.length} more lines did not fit in one message; ask for fewer (e.g. "the last 5").`);
  });

  it('Discord: cut at a line within the embed description limit', () => {
    const description = String((renderEmbed(long).embeds[0] as { description: string }).description);
    expect(description.length).toBeLessThanOrEqual(4096);
    const out = description.split('\n');
    expect(out.slice(0, -1).every((l, i) => l === lines[i])).toBe(true);
    expect(out.at(-1)).toMatch(/^… \d+ more lines did not fit in one message/);
  });
});
