import { describe, expect, it } from 'vitest';
import { incidentPeople } from '../../../src/bot/incident-people.js';
import type { Incident } from '../../../src/bot/incidents.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';

const inc: Incident = {
  id: 'in_1',
  title: 'checkout is slow',
  targets: ['web-1'],
  declaredBy: 'slack:U1',
  commander: 'slack:U3',
  openedTs: 0,
  updates: [{ ts: 1, by: 'slack:U2', text: 'looking at the db' }],
  handovers: [{ ts: 2, by: 'slack:U1', to: 'slack:U3' }],
  scopes: [],
};

describe('who was in an incident', () => {
  it('names each person the records put in it with what they did, and leaves the pipeline out', () => {
    const acks = new Map([
      ['an_1', { msgKey: 'k', by: 'slack:U2', ts: 3 }],
      ['an_2', { msgKey: 'k', by: 'slack:U2', ts: 4 }],
      ['an_3', { msgKey: 'k', by: 'slack:U4', ts: 5 }],
    ]);
    const line = incidentPeople(
      inc,
      [cpuAnomaly('an_1'), cpuAnomaly('an_2'), cpuAnomaly('an_3'), cpuAnomaly('an_4')],
      [
        { id: 'rp_1', requestedBy: 'pipeline', decidedBy: 'slack:U3', state: 'succeeded' },
        { id: 'rp_2', requestedBy: 'slack:U4', decidedBy: 'slack:U1', state: 'denied' },
        { id: 'rp_3', requestedBy: 'pipeline', decidedBy: null, state: 'expired' },
      ],
      (id) => acks.get(id),
    );
    expect(line).toBe(
      'Involved (from the records): slack:U1 (declared it, handed command to slack:U3, denied rp_2); slack:U3 (commander, approved rp_1); ' +
        'slack:U2 (1 update, acked 2 of its alerts); slack:U4 (acked an_3, asked for rp_2).',
    );
  });
});
