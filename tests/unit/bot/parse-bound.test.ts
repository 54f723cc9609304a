import { describe, expect, it } from 'vitest';
import { isPast, pairRank, parseBound } from '../../../src/bot/parse-bound.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

describe('a line said with a negation', () => {
  it('takes the other side of the line, the line itself included when it was not', () => {
    expect(parseBound('which hosts are not above 30% cpu?')).toEqual({ above: false, value: 30, orEqual: true });
    expect(parseBound("which hosts aren't over 50% memory")).toEqual({ above: false, value: 50, orEqual: true });
    expect(parseBound('hosts with no more than 40% disk')).toEqual({ above: false, value: 40, orEqual: true });
    // "Not below 10%" is 10% or more; "not at least 10%" is under it.
    expect(parseBound('is web-1 cpu not below 10%?')).toEqual({ above: true, value: 10, orEqual: true });
    expect(parseBound('hosts not at least 10% cpu')).toEqual({ above: false, value: 10 });
    expect(parseBound('cpu above 30%')).toEqual({ above: true, value: 30 });
    // The line itself is on the side "not above" names.
    const notAbove = parseBound('not above 30%')!;
    expect([isPast(30, notAbove), isPast(30.1, notAbove), isPast(12, notAbove)]).toEqual([true, false, true]);
  });
});

describe('a pair said with "than"', () => {
  it('ranks the two as "which is busier?" does', () => {
    expect(pairRank('is web-1 busier than web-2?')).toBe('max');
    expect(pairRank('is web-2 cpu lower than web-1?')).toBe('min');
    expect(pairRank('web-1 cpu')).toBeUndefined();
    const targets = [{ name: 'web-1' }, { name: 'web-2' }];
    expect(parseIntent('is web-1 busier than web-2?', targets)).toEqual({
      kind: 'metrics',
      metric: 'cpu',
      group: ['web-1', 'web-2'],
      stat: 'max',
    });
  });
});
