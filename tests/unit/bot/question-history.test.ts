import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { describeAsked } from '../../../src/bot/question-history.js';

const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

describe('reading a question about the questions asked', () => {
  it('reads the ways of asking for them, "last" for only the latest', () => {
    for (const q of [
      'what did I ask you earlier?',
      'what have I asked today?',
      'my recent questions',
      'question history',
      'show me my questions',
      'what did I say',
    ])
      expect(parseIntent(q, targets)).toEqual({ kind: 'asked' });
    for (const q of ['what was my last question?', 'what did I just ask?', 'what was my previous message'])
      expect(parseIntent(q, targets)).toEqual({ kind: 'asked', last: true });
  });

  it('leaves what I did, what I requested and the last alert to their own answers', () => {
    expect(parseIntent('what have I done?', targets).kind).toBe('audit');
    expect(parseIntent('what did I request?', targets).kind).toBe('audit');
    // "Ask for" is a request made, not a question asked.
    expect(parseIntent('what did I ask for?', targets)).toEqual({ kind: 'my_requests' });
    expect(parseIntent('what was the last alert?', targets).kind).toBe('anomalies');
    expect(parseIntent('my requests', targets).kind).toBe('my_requests');
  });
});

describe('the list', () => {
  it('quotes each as plain text, marks the ones not understood, and says what is kept', () => {
    const out = describeAsked(
      [
        { text: 'ping <@U123> and <!channel> about `db-1`', ts: NOW - 60_000, understood: false },
        { text: 'cpu on web-1', ts: NOW - 600_000, understood: true },
      ],
      NOW,
      false,
    ).split('\n');
    expect(out[0]).toBe(
      'Your last 2 questions here, newest first (I keep your last 10 messages in each channel for 24 h, in memory, so a restart forgets them):',
    );
    // A mention or a channel ping in a question is never sent back as one.
    expect(out[1]).toBe('• "ping and about db-1", 2026-12-07 08:59:00 UTC (60 s ago): not understood');
    expect(out[2]).toBe('• "cpu on web-1", 2026-12-07 08:50:00 UTC (10 min ago)');
    expect(out[3]).toMatch(/^"Again" within 15 min/);
    expect(describeAsked([{ text: 'status', ts: NOW, understood: true }], NOW, false)).toMatch(/^Your last question here \(I keep/);
  });
});
