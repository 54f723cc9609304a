import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/** web-1: CPU 11:00–11:20 (robust and threshold), memory 10:00–10:10; db-1 disk open since 11:50. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const at = (h: number, m: number) => Date.UTC(2026, 11, 6, h, m);
  store.upsertAnomaly(resolvedAnomaly('an_cpu_t', NOW, { target: 'web-1', metric: 'cpu', startTs: at(11, 2), endTs: at(11, 18) }));
  store.upsertAnomaly(
    resolvedAnomaly('an_cpu_r', NOW, { target: 'web-1', metric: 'cpu', detector: 'robust', startTs: at(11, 0), endTs: at(11, 20) }),
  );
  store.upsertAnomaly(resolvedAnomaly('an_mem', NOW, { target: 'web-1', metric: 'memory', startTs: at(10, 0), endTs: at(10, 10) }));
  store.upsertAnomaly({ ...cpuAnomaly('an_disk', 'db-1', 'disk'), severity: 'critical', startTs: at(11, 50) });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('"when did web-1 recover?"', () => {
  it('reads recovery questions of a host or a metric, and leaves lists of resolved alerts alone', () => {
    expect(parseIntent('when did web-1 recover?', targets)).toEqual({ kind: 'recovery', target: 'web-1' });
    expect(parseIntent('what time did the disk alert on db-1 clear?', targets)).toEqual({
      kind: 'recovery',
      target: 'db-1',
      metric: 'disk',
    });
    expect(parseIntent('when was db-1 back to normal?', targets)).toEqual({ kind: 'recovery', target: 'db-1' });
    expect(parseIntent('is db-1 back to normal?', targets).kind).toBe('metrics');
    expect(parseIntent('resolved alerts on web-1', targets)).toMatchObject({ kind: 'anomalies', resolved: true });
  });

  it('gives when the last anomaly there ended, with the rest of its episode', () => {
    const lines = ask('when did web-1 recover?');
    expect(lines[0]).toBe(
      'web-1 recovered at 2026-12-06 11:20:00 UTC (40 min ago), when its last anomaly ended after 20 min; nothing is open there now.',
    );
    expect(lines[1]).toMatch(/^• an_cpu_r /);
    expect(lines[2]).toMatch(/^• an_cpu_t /);
    expect(lines).toHaveLength(3);
    expect(ask('when did web-1 memory recover?')[0]).toMatch(/^web-1 memory recovered at 2026-12-06 10:10:00 UTC \(1 h 50 min ago\)/);
  });

  it('says a host with anything open has not recovered, and a host with none kept had nothing to recover from', () => {
    expect(ask('when did db-1 recover?')[0]).toBe(
      'db-1 has not recovered: 1 anomaly open, the first since 2026-12-06 11:50:00 UTC (10 min):',
    );
    expect(ask('when did db-1 cpu recover?')[0]).toBe(
      'No anomaly on db-1 CPU is kept, so there is nothing it recovered from; nothing is open there now.',
    );
  });
});
