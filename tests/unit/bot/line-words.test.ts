import { describe, expect, it } from 'vitest';
import { lineWords } from '../../../src/bot/line-words.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const targets = [{ name: 'web-1' }, { name: 'api-1' }];
const bound = (q: string) => (parseIntent(q, targets) as { bound?: object }).bound;

describe('lines said in words', () => {
  it('reads percent, fractions after a word that draws a line, and a number in e-notation', () => {
    expect(lineWords('memory between 40 and 60 percent')).toBe('memory between 40 and 60%');
    expect(lineWords('disk over 3/4')).toBe('disk over 75%');
    expect(lineWords('memory above two thirds')).toBe('memory above 66.7%');
    expect(lineWords('cpu under half')).toBe('cpu under 50%');
    expect(lineWords('latency above 1e3 ms')).toBe('latency above 1000 ms');
    // A date, a fraction above one, and a fraction with no line word before it stay as typed.
    expect(lineWords('alerts on 12/06')).toBe('alerts on 12/06');
    expect(lineWords('cpu over 5/2')).toBe('cpu over 5/2');
    expect(lineWords('3/4 of the hosts')).toBe('3/4 of the hosts');
  });

  it('gives the bound parser the line meant', () => {
    expect(bound('hosts with memory between 40 and 60 percent')).toEqual({ above: true, value: 40, orEqual: true, upTo: 60 });
    expect(bound('disk usage over 3/4')).toEqual({ above: true, value: 75 });
    expect(bound('latency over a second')).toEqual({ above: true, value: 1000 });
    expect(bound('latency over half a second on api-1')).toEqual({ above: true, value: 500 });
    expect(bound('latency above 1e9 ms')).toEqual({ above: true, value: 1e9 });
    expect(parseIntent('latency over the last 30 seconds', targets)).toMatchObject({ span: { kind: 'last', ms: 30_000 } });
  });
});
