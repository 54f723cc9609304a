import { describe, expect, it } from 'vitest';
import { renderReplyContent } from '../../../src/bot/discord/render-embed.js';
import { fitText, splitText } from '../../../src/bot/fit-text.js';

describe('a reply cut to a platform limit', () => {
  it('is returned whole when it fits', () => {
    expect(fitText('a\nb', 3)).toBe('a\nb');
  });

  it('is cut at a line, with an open fence closed and what was left out said', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `web-${i}  ${i}.0%`);
    const text = ['Current CPU for 200 targets:', '```', 'target  CPU', ...rows, '```'].join('\n');
    const cut = fitText(text, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    const lines = cut.split('\n');
    expect(lines.at(-2)).toBe('```');
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
    const kept = lines.filter((l) => l.startsWith('web-')).length;
    expect(lines.at(-1)).toBe(`… ${200 + 1 - kept} more lines did not fit in one message; ask for fewer (e.g. "the last 5").`);
    // Every kept row is whole.
    for (const l of lines.filter((x) => x.startsWith('web-'))) expect(l).toMatch(/^web-\d+ {2}\d+\.0%$/);
  });

  it('cuts inside a single line only when nothing else fits', () => {
    expect(fitText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('keeps Discord replies under 2,000 characters however long the answer', () => {
    const long = [
      '48 anomalies yesterday (UTC), 0 open; all:',
      ...Array.from({ length: 48 }, (_, i) => `• an_${i} [critical] @web-1 ${'x'.repeat(200)}`),
    ].join('\n');
    const out = renderReplyContent(long);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out).toMatch(/more lines did not fit in one message/);
    expect(out).not.toMatch(/@web/);
  });
});

describe('splitText', () => {
  const table = ['Current CPU:', '```', 'target  CPU', ...Array.from({ length: 30 }, (_, k) => `web-${k}   ${k}.0%`), '```', 'The end.'];
  const text = table.join('\n');

  it('keeps a reply that fits as one message, unchanged', () => {
    expect(splitText('short', 100, 3)).toEqual(['short']);
  });

  it('cuts at lines, closes a fence at each cut and opens it again in the next part, losing nothing', () => {
    const parts = splitText(text, 200, 3);
    expect(parts.length).toBe(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(200);
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(parts[1]!.startsWith('```\n')).toBe(true);
    // Without the fences added at the cuts, the parts are the text.
    const rejoined = parts
      .map((p, i) => (i > 0 ? p.replace(/^```\n/, '') : p))
      .map((p, i) => (i < parts.length - 1 ? p.replace(/\n```$/, '') : p));
    expect(rejoined.join('\n')).toBe(text);
  });

  it('ends the last part with the note when even the parts allowed do not hold it', () => {
    const parts = splitText(text, 120, 2);
    expect(parts.length).toBe(2);
    expect(parts[1]).toMatch(/… \d+ more lines? did not fit in one message/);
    expect(parts.every((p) => p.length <= 120)).toBe(true);
  });
});
