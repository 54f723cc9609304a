import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { inAlertThread } from '../../../src/bot/alert-thread.js';
import { chatRulesOf } from '../../../src/bot/chat-rules-of.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { SCALE_ON_CPU_RULE, testConfig } from '../../helpers/test-config.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

function ctx(): AnswerContext {
  const config = testConfig({
    overrides: {
      remediation: { rules: [SCALE_ON_CPU_RULE] },
      chat: { runbooks: [{ match: { metrics: ['cpu'] }, url: 'https://wiki.example.com/cpu?host={target}', label: 'CPU runbook' }] },
    },
  });
  const store = createSqliteStore(':memory:');
  store.upsertAnomaly({ ...cpuAnomaly('an_cpu'), startTs: NOW - 300_000, updatedTs: NOW });
  return { store, targets, now: NOW, staleAfterMs: 90_000, ...chatRulesOf(config) };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('"what should I do about …?"', () => {
  it('gives what is open there, its runbook filled in, and the remediation rules that fit', () => {
    expect(ask('what should I do about web-1?').split('\n')).toEqual([
      'Open now on web-1:',
      expect.stringMatching(/^• an_cpu \[warning\] web-1 CPU: /),
      'What remediation did for them:',
      expect.stringMatching(/^• an_cpu: /),
      'Runbooks for what is open:',
      '• CPU runbook: https://wiki.example.com/cpu?host=web-1',
      'Remediation rules for web-1 (proposed when a matching anomaly opens, or asked for in chat; chat text never sets their parameters):',
      expect.stringMatching(/^• scale: scale_up on CPU, threshold anomalies, warning or worse; needs approval/),
      '"explain an_cpu" says why it opened and what else was anomalous around it. To ask for a rule\'s action: "scale up web-1"; it runs once an approver approves it.',
    ]);
  });

  it('says when nothing is open, and narrows the runbooks and rules to the metric asked about', () => {
    const disk = ask('how do I fix a full disk on db-1?').split('\n');
    expect(disk[0]).toBe('Nothing about disk is open on db-1 now.');
    expect(disk).toContain('No runbook for disk, db-1 is configured (chat.runbooks in the config file).');
    expect(disk).toContain('No remediation rule for disk, db-1: nothing is proposed.');
    expect(ask('how to troubleshoot web-9')).toMatch(/^I don't know a target called "web-9"/);
  });

  it('says where a runbook is added, with those set now, when asked to add one', () => {
    const cpu = ask('add a runbook link for cpu alerts').split('\n');
    expect(cpu[1]).toBe('• CPU runbook: https://wiki.example.com/cpu?host={target} — metric cpu');
    expect(cpu.at(-1)).toMatch(/^Nothing was changed: runbooks are set in chat\.runbooks in the config file/);
    expect(ask('is there a runbook for high cpu?')).not.toMatch(/Nothing was changed/);
  });

  it('means the alert when asked in its thread', () => {
    const c = ctx();
    const alert = { key: 'k', members: [c.store.getAnomaly('an_cpu')!] };
    const got = inAlertThread(parseIntent('what should I do?', targets), alert);
    expect(got).toEqual({ kind: 'advice', target: 'web-1', metric: 'cpu' });
    expect(answerIntent(got, c).split('\n')[0]).toBe('Open now on web-1 about CPU:');
  });
});

describe('the action to ask for', () => {
  it('is a rule for the metric asked about, not the first rule (decision 0069)', () => {
    const config = testConfig({
      overrides: {
        remediation: {
          rules: [
            SCALE_ON_CPU_RULE,
            {
              name: 'leak',
              when: { metrics: ['memory'], detectors: ['threshold'] },
              action: 'restart_service',
              mode: 'approval',
              params: { service: 'app' },
            },
          ],
        },
      },
    });
    const c = { ...ctx(), ...chatRulesOf(config) };
    expect(ask('what should I do about db-1 memory?', c).split('\n').at(-1)).toBe(
      'To ask for a rule\'s action: "restart db-1"; it runs once an approver approves it.',
    );
    expect(ask('what should I do about db-1 cpu?', c).split('\n').at(-1)).toBe(
      'To ask for a rule\'s action: "scale up db-1"; it runs once an approver approves it.',
    );
  });
});
