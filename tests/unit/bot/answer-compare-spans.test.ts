import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const H = 3_600_000;
// 17:30 UTC.
const NOW = Date.UTC(2026, 11, 5, 17, 30, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

// Every 5 minutes since midnight, the latest half a minute ago: web-1 CPU 20% in the morning (06–12), 50% from noon; db-1 a steady 30%.
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const day = NOW - (NOW % (24 * H));
  const ts = Array.from({ length: 210 }, (_, k) => NOW - 30_000 - k * 5 * 60_000).filter((t) => t >= day);
  store.saveSamples([
    ...ts.map((t) => ({ target: 'web-1', metric: 'cpu', ts: t, value: t >= day + 12 * H ? 50 : 20 })),
    ...ts.map((t) => ({ target: 'db-1', metric: 'cpu', ts: t, value: 30 })),
  ]);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const parse = (q: string) => parseIntent(q, targets);
const ask = (q: string, c: AnswerContext) => answerIntent(parse(q), c).split('\n');

describe('a metric at two times said', () => {
  it('reads each side as its own window or instant, with the words it was said in', () => {
    expect(parse('cpu this morning vs this afternoon')).toEqual({
      kind: 'compare',
      against: 'previous',
      metric: 'cpu',
      spans: [
        {
          span: { kind: 'range', from: { minute: 360, day: { daysBack: 0 } }, until: { minute: 720, day: { daysBack: 0 } } },
          said: 'this morning',
        },
        {
          span: { kind: 'range', from: { minute: 720, day: { daysBack: 0 } }, until: { minute: 1080, day: { daysBack: 0 } } },
          said: 'this afternoon',
        },
      ],
    });
    expect(parse('memory at 09:00 vs now')).toMatchObject({
      spans: [
        { span: { kind: 'clock', at: { minute: 540 } }, said: '09:00' },
        { span: { kind: 'at', agoMs: 0 }, said: 'now' },
      ],
    });
    // A bare time on each side, a "than", a day said after the time.
    expect(parse('cpu on web-1 9am vs 3pm')).toMatchObject({ target: 'web-1', spans: [{ said: '9am' }, { said: '3pm' }] });
    expect(parse('is cpu higher now than this morning?')).toMatchObject({ spans: [{ said: 'now' }, { said: 'this morning' }] });
    expect(parse('compare memory at 10:00 yesterday with 10:00 today')).toMatchObject({
      spans: [{ said: 'yesterday 10:00' }, { said: 'today 10:00' }],
    });
  });

  it('leaves one window, two whole days and anomaly counts to their own answers', () => {
    // "Between 9 and 10" is one window; its "and" is no second side.
    expect(parse('cpu between 9 and 10')).toMatchObject({ kind: 'metrics', span: { kind: 'range' } });
    expect(parse('cpu today vs yesterday')).toEqual({ kind: 'compare', metric: 'cpu', against: 'yesterday' });
    expect(parse('alerts this morning vs this afternoon')).not.toMatchObject({ kind: 'compare' });
    // "And" and "with" join two sides only when a comparison is asked.
    expect(parse('cpu this morning and memory')).not.toHaveProperty('spans');
  });

  it('sets the averages side by side, with the change forward in time and how many rose', () => {
    const lines = ask('cpu this afternoon vs this morning', ctx());
    expect(lines[0]).toBe('Higher this afternoon than this morning: 1 of 2; lower: 0. Largest change: web-1 +30.0 pts.');
    expect(lines[1]).toMatch(
      /^CPU, this afternoon \(2026-12-05 12:00 UTC to now\) vs this morning \(2026-12-05 06:00 UTC to 12:00 UTC\); change from this morning to this afternoon:$/,
    );
    expect(lines[3]).toMatch(/^target\s+this afternoon avg\s+this morning avg\s+change\s+this afternoon peak\s+this morning peak$/);
    expect(lines[4]).toMatch(/^web-1\s+50\.0%\s+20\.0%\s+\+30\.0 pts\s+50\.0%\s+20\.0%$/);
    expect(lines[5]).toMatch(/^db-1\s+30\.0%\s+30\.0%\s+±0\.0 pts/);
  });

  it('gives an instant its nearest sample, and says a side with nothing at all', () => {
    const lines = ask('web-1 cpu at 09:00 vs now', ctx());
    // One figure on both sides: its two values (decision 0072), not "1 of 1".
    expect(lines[0]).toBe('web-1 CPU: 50.0% now against 20.0% at 09:00 (+30.0 pts).');
    expect(lines[3]).toMatch(/^metric\s+09:00\s+now\s+change$/);
    expect(lines[4]).toMatch(/^CPU\s+20\.0%\s+50\.0%\s+\+30\.0 pts$/);
    const none = ask('web-1 cpu yesterday morning vs this morning', ctx());
    expect(none.at(-1)).toBe(
      'No samples at all yesterday morning (2026-12-04 06:00 UTC to 12:00 UTC): that is before my first sample, or a gap.',
    );
    expect(none.join('\n')).toMatch(/^CPU\s+no samples\s+20\.0%\s+—/m);
  });

  it('refuses a side that has not begun', () => {
    expect(ask('cpu this evening vs this morning', ctx())[0]).toMatch(/^2026-12-05 18:00:00 UTC is still ahead/);
  });
});
