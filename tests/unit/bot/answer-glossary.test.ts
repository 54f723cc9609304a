import { configSchema } from '../../../src/config/schema.js';
import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { ROBUST_CRITICAL_DEVIATIONS } from '../../../src/pipeline/detect/detection-engine.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const targets = [{ name: 'web-1', role: 'web' }];
const c: AnswerContext = {
  store: createSqliteStore(':memory:'),
  targets,
  now: Date.UTC(2026, 11, 3),
  staleAfterMs: 90_000,
  thresholds: [
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
    { metric: 'disk', above: 90, forSamples: 3, severity: 'critical' },
  ],
};
const ask = (q: string) => answerIntent(parseIntent(q, targets), c);

describe('what the words on an alert mean', () => {
  it("lists the detectors with the config's own counts", () => {
    const r = ask('what detectors do you use?').split('\n');
    expect(r[0]).toMatch(/^Each sample goes through these detectors/);
    expect(r.filter((l) => l.startsWith('• '))).toHaveLength(5);
    expect(r[1]).toMatch(/^• Threshold rules \(2 set; /);
    expect(ask('how does anomaly detection work?')).toBe(ask('what detectors do you use?'));
  });

  it('explains one term, and leaves figures and ids to the other answers', () => {
    expect(ask('what is an isolation forest?')).toMatch(/^The Isolation Forest: one per host, over all its metrics together/);
    expect(ask("what's a robust deviation?")).toMatch(/^A robust deviation is the distance from the series' recent median/);
    expect(ask('what does score 0.54 mean?')).toMatch(/^Score: how strong the finding is, 0 to 1\./);
    expect(ask('explain the robust detector')).toContain(`Critical from ${ROBUST_CRITICAL_DEVIATIONS} robust deviations`);
    // Its warm-up, with the setting and the default it comes from.
    expect(ask('how long does the robust detector need to learn?')).toContain(
      `It alarms only once a series has ${configSchema.parse({}).detectors.robust.minHistory} samples by default (detectors.robust.minHistory`,
    );
    expect(ask('what does expected mean?')).toMatch(/^Expected, on an alert: /);
    expect(parseIntent('what is the cpu threshold?', targets).kind).toBe('rules');
    expect(parseIntent('explain an_abc123', targets)).toMatchObject({ kind: 'explain', id: 'an_abc123' });
    expect(parseIntent('what is the score of web-1?', targets).kind).not.toBe('glossary');
  });

  it('says how severity is set, by the detector, never by chat', () => {
    const severity = ask('how is severity decided?');
    expect(severity).toMatch(/^Severity is set by the detector that opened the anomaly, never by chat: /);
    expect(severity).toContain(`critical for the robust detector from ${ROBUST_CRITICAL_DEVIATIONS} robust deviations`);
    for (const q of ['what does warning mean?', 'why is it critical?', 'what makes an alert critical?', 'critical vs warning'])
      expect(ask(q)).toBe(severity);
    // Asking for the critical ones, or why one is, is not the glossary.
    expect(parseIntent('any critical alerts?', targets)).toMatchObject({ kind: 'anomalies', severity: 'critical' });
    expect(parseIntent('why is web-1 cpu critical?', targets)).toMatchObject({ kind: 'explain', target: 'web-1' });
  });
});

describe('ack and silence told apart', () => {
  it('says what each does and when to use which, and runs neither', () => {
    const r = ask("what's the difference between ack and silence?");
    expect(r).toMatch(/^Acknowledge \("ack" in the alert's thread/);
    expect(r).toMatch(/reminders and escalation stop for it/);
    expect(r).toMatch(/Ack when someone is on it; silence when noise is expected/);
    expect(c.store.chat.silences(c.now)).toEqual([]);
  });
});

describe("an alert message's own parts: buttons, colours, its end, mentions, duplicates", () => {
  it.each([
    ['what do the buttons do?', 'buttons'],
    ['what does the silence button do?', 'buttons'],
    ['how do I approve from slack?', 'buttons'],
    ['why is the alert red?', 'colours'],
    ['what does the yellow mean?', 'colours'],
    ['what does resolved mean?', 'resolved'],
    ['why was the alert updated?', 'resolved'],
    ['why did the alert disappear?', 'resolved'],
    ["why wasn't I mentioned?", 'mentions'],
    ['how do I get mentioned for web-1 alerts?', 'mentions'],
    ['why are there two alerts for web-1 disk?', 'episode'],
    ['why did I get the same alert twice?', 'episode'],
    ['can you group alerts?', 'episode'],
  ])('%s → %s', (q, term) => {
    expect(parseIntent(q, targets)).toEqual({ kind: 'glossary', term });
  });

  it('says what each part does, with the settings that shape it', () => {
    expect(ask('what do the buttons do?')).toMatch(
      /^An open alert's message has two buttons: Acknowledge .* Silence 1 h .* Approve and Deny/,
    );
    expect(ask('why is the alert red?')).toMatch(/^Red \(🔴, :red_circle:\) is critical, yellow \(🟡\) a warning, green \(✅\) resolved/);
    expect(ask('what does resolved mean?')).toMatch(/^Resolved: the detector sees the series back in range for 3 samples in a row/);
    expect(answerIntent(parseIntent('what does resolved mean?', targets), { ...c, resolveAfterSamples: 5 })).toMatch(
      /for 5 samples in a row/,
    );
    expect(ask("why wasn't I mentioned?")).toMatch(/chat\.routes\[\]\.mentions.*"subscribe to db-1"/);
  });

  it('leaves commands, a named alert and a metric of a host to their answers', () => {
    expect(parseIntent('silence web-1 for 1h', targets).kind).toBe('silence');
    expect(parseIntent("why didn't I get paged?", targets).kind).toBe('timeline');
    expect(parseIntent('why is cpu red on web-1?', targets).kind).toBe('explain');
  });

  it('reads "only alert me for critical" as personal, and "send me a summary every morning" as the digest', () => {
    expect(parseIntent('only alert me for critical', targets)).toMatchObject({ kind: 'bad_input' });
    expect((parseIntent('only alert me for critical', targets) as { reason: string }).reason).toMatch(/"subscribe to critical alerts"/);
    expect(parseIntent('send me a summary every morning', targets)).toEqual({ kind: 'about', digest: true });
  });
});
