import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../src/core/anomaly.js';
import type { Intent } from '../../../src/bot/parse-intent.js';
import { inAlertThread, threadNote, type ThreadAlert } from '../../../src/bot/alert-thread.js';

const member = (id: string, status: Anomaly['status'], target = 'web-1') => ({ id, status, target }) as Anomaly;
const alert: ThreadAlert = { key: 'alert:web-1:1', members: [member('an_resolved1', 'resolved'), member('an_open1', 'open')] };

describe('inAlertThread', () => {
  it('fills in the alert where the text named nothing, with its first open anomaly', () => {
    expect(inAlertThread({ kind: 'ack' }, alert)).toEqual({ kind: 'ack', id: 'an_open1' });
    expect(inAlertThread({ kind: 'unack' }, alert)).toEqual({ kind: 'unack', id: 'an_open1' });
    expect(inAlertThread({ kind: 'explain' }, alert)).toEqual({ kind: 'explain', id: 'an_open1' });
    expect(inAlertThread({ kind: 'silence', durationMs: 7_200_000 }, alert)).toEqual({
      kind: 'silence',
      durationMs: 7_200_000,
      anomalyId: 'an_open1',
    });
    // All resolved: the first, so "explain" still answers and "ack" says it is resolved.
    const done = { ...alert, members: [member('an_resolved1', 'resolved')] };
    expect(inAlertThread({ kind: 'explain' }, done)).toEqual({ kind: 'explain', id: 'an_resolved1' });
    // "Approve" under the alert: the proposal waiting on its target; an id or another target named stays.
    expect(inAlertThread({ kind: 'approve' }, alert)).toEqual({ kind: 'approve', target: 'web-1' });
    expect(inAlertThread({ kind: 'deny', action: 'scale_up' }, alert)).toEqual({ kind: 'deny', action: 'scale_up', target: 'web-1' });
    expect(inAlertThread({ kind: 'approve', id: 'rp_x1' }, alert)).toEqual({ kind: 'approve', id: 'rp_x1' });
    expect(inAlertThread({ kind: 'approve', target: 'db-1' }, alert)).toEqual({ kind: 'approve', target: 'db-1' });
  });

  it('charts and trends the alert’s target and metric unless the text named others', () => {
    const disk = { ...alert, members: [{ ...member('an_d1', 'open', 'db-1'), metric: 'disk' } as Anomaly] };
    expect(inAlertThread({ kind: 'chart' }, disk)).toEqual({ kind: 'chart', target: 'db-1', metric: 'disk' });
    expect(inAlertThread({ kind: 'trend', metric: 'memory' }, disk)).toEqual({ kind: 'trend', target: 'db-1', metric: 'memory' });
    // A host-level anomaly charts the metric it blames; a silent host's heartbeat, every metric of the host.
    const host = { ...alert, members: [{ ...member('an_h1', 'open'), metric: 'host', feature: 'net_out' } as Anomaly] };
    expect(inAlertThread({ kind: 'chart' }, host)).toEqual({ kind: 'chart', target: 'web-1', metric: 'net_out' });
    const silent = { ...alert, members: [{ ...member('an_s1', 'open'), metric: 'heartbeat' } as Anomaly] };
    expect(inAlertThread({ kind: 'chart' }, silent)).toEqual({ kind: 'chart', target: 'web-1' });
    expect(inAlertThread({ kind: 'chart', target: 'api-1' }, disk)).toEqual({ kind: 'chart', target: 'api-1' });
  });

  it('watches the alert’s target for "it", with its metric for a line, and leaves another target named alone', () => {
    const disk = { ...alert, members: [{ ...member('an_d1', 'open', 'db-1'), metric: 'disk' } as Anomaly] };
    const line = { above: false, value: 50 };
    expect(inAlertThread({ kind: 'watch', when: 'resolved', forMs: 1, it: true }, disk)).toEqual({
      kind: 'watch',
      when: 'resolved',
      forMs: 1,
      target: 'db-1',
    });
    expect(inAlertThread({ kind: 'watch', when: line, forMs: 1, it: true }, disk)).toEqual({
      kind: 'watch',
      when: line,
      forMs: 1,
      target: 'db-1',
      metric: 'disk',
    });
    const other = { kind: 'watch', target: 'web-2', when: line, forMs: 1, it: true } as const;
    expect(inAlertThread(other, disk)).toEqual(other);
  });

  it('leaves alone what the text named, and intents that are not about one alert', () => {
    const named: Intent[] = [
      { kind: 'ack', target: 'db-1' },
      { kind: 'ack', unknownTarget: 'db-9' },
      { kind: 'ack', several: ['a-1', 'b-1'] },
      { kind: 'unack', id: 'an_other1' },
      { kind: 'explain', id: 'rp_abc123' },
      { kind: 'explain', target: 'db-1' },
      { kind: 'silence', metric: 'disk', durationMs: 1 },
      { kind: 'silence', target: 'db-1', durationMs: 1 },
      { kind: 'status' },
    ];
    for (const i of named) expect(inAlertThread(i, alert)).toEqual(i);
  });

  it('notes where a free-form question was asked, for the LLM', () => {
    expect(threadNote(alert)).toBe('(Asked in the thread of the alert on web-1: an_resolved1, an_open1.)');
  });
});
