import { describe, expect, it } from 'vitest';
import { checkAnswer, extractFigures } from '../../../src/llm/answer-check.js';

const EVIDENCE = [
  [
    '[web-1 CPU @11:59Z] 92.0% (last hour: min 36.0%, avg 63.5%, max 92.0%)',
    '[web-1 latency @11:59Z] 850 ms',
    '[web-2 CPU @11:59Z] 38.5%',
    '[web-1 network in @11:59Z] 3.40 MB/s',
    '[db-1 disk @11:59Z] 93.4%',
    '[an_cpu1 web-1 CPU] critical threshold: observed 92.0%, expected 0.0%–90.0%, peak 95.5%; open since 11:48Z (12 min)',
    '[rp_web1 restart_service on web-1] proposed (proposed 11:49Z, expires 12:19Z, approval)',
    '[fleet CPU] 6 targets: avg 44.8%, max 92.0% on web-1',
  ].join('\n'),
];
const NAMES = ['web-1', 'web-2', 'db-1'];

describe('answer check', () => {
  it('extracts figures but not the digits inside names, ids, times and dates', () => {
    expect(extractFigures('web-1 an_3f i-0abc v2 at 11:59Z on 2026-11-22: 92.0% and 1,250 ms').map((f) => f.raw)).toEqual([
      '92.0%',
      '1,250 ms',
    ]);
  });

  it.each([
    ['exact figures', 'web-1 CPU is 92.0% and latency 850 ms.', true],
    ['rounded', 'web-1 CPU is about 92% (peak 96%).', true],
    ['other units of the same kind', 'web-1 latency is 0.85 s; inbound traffic 3400 kB/s.', true],
    ['fleet figures', 'The fleet averages 44.8% CPU.', true],
    ['small counts need no backing', 'There are 2 open anomalies on 1 host.', true],
    ['times that appear in the data', 'It started at 11:48 and was proposed at 11:49Z.', true],
    ['an invented figure', 'web-1 CPU is 73.2%.', false],
    ['a real figure on the wrong host', 'web-2 CPU is 92.0%.', false],
    ['a figure of another kind', 'web-1 CPU is 12%.', false],
    ['an invented time', 'It started at 10:15.', false],
    ['a claimed action', 'I approved rp_web1.', false],
  ])('%s', (_name, reply, ok) => {
    expect(checkAnswer(reply, EVIDENCE, NAMES).ok).toBe(ok);
  });

  it('names the evidence lines it used as sources', () => {
    expect(checkAnswer('web-1 latency is 850 ms; db-1 disk 93.4%.', EVIDENCE, NAMES).sources).toEqual([
      '[web-1 latency @11:59Z]',
      '[db-1 disk @11:59Z]',
    ]);
    expect(checkAnswer('web-1 CPU is 73.2% and 99 ms', EVIDENCE, NAMES).unbacked).toEqual(['73.2%', '99 ms']);
  });
});
