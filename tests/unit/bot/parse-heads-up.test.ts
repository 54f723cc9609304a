import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

describe('work announced ahead, and news said in passing', () => {
  it('does nothing and records nothing, with the silence that holds the alerts and what records the change', () => {
    expect(parseIntent("I'm going to reboot web-1", targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(
        /^Nothing done or recorded\. While the work is on, web-1's alerts may fire: "silence web-1 for 30m: maintenance"/,
      ),
    });
    expect(parseIntent('FYI db-1 backup is running', targets)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^Nothing recorded\. "note: db-1 backup is running" keeps it beside db-1's alerts/),
    });
  });

  it("names the fleet's own first target in the example when no host is named", () => {
    expect(parseIntent("we're about to deploy", [{ name: 'app-7' }])).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringContaining('"silence app-7 for 30m: maintenance"'),
    });
  });

  it('leaves commands, notes, changes and questions said after a courtesy word alone', () => {
    expect(parseIntent('fyi: rebooting web-1', targets)).toMatchObject({ kind: 'change' });
    expect(parseIntent('note: rebooting web-1 at 22:00', targets)).toMatchObject({ kind: 'note' });
    expect(parseIntent("btw what's cpu on web-1", targets)).toMatchObject({ kind: 'metrics', metric: 'cpu', target: 'web-1' });
    expect(parseIntent("I'm going to reboot web-1?", targets)).not.toMatchObject({ kind: 'bad_input' });
  });
});
