import { describe, expect, it } from 'vitest';
import { createAlertmanagerSilences, toAmSilence } from '../../../src/bot/alertmanager-silences.js';
import type { Silence } from '../../../src/core/chat-store.js';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { captureLogger } from '../../helpers/test-config.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const sl = (over: Partial<Silence>): Silence => ({
  id: 'sl_abc',
  target: 'web-1',
  metric: 'cpu',
  untilTs: NOW + 3_600_000,
  createdBy: 'slack:U1',
  createdTs: NOW,
  ...over,
});

describe('Alertmanager silence of a chat silence', () => {
  it('matches the target label and our metric label, an Alertmanager alert by its name, and everything by any name', () => {
    expect(toAmSilence(sl({}), 'instance_name', NOW)).toEqual({
      matchers: [
        { name: 'instance_name', value: 'web-1', isRegex: false, isEqual: true },
        { name: 'metric', value: 'cpu', isRegex: false, isEqual: true },
      ],
      startsAt: '2026-12-05T12:00:00.000Z',
      endsAt: '2026-12-05T13:00:00.000Z',
      createdBy: 'smartcloudops (slack:U1)',
      comment: 'silenced from chat [sl_abc]',
    });
    // An Alertmanager alert's metric is its alertname, lower-cased: matched without case, any character for "_".
    expect(toAmSilence(sl({ target: '*', metric: 'host_down' }), 'target', NOW).matchers).toEqual([
      { name: 'alertname', value: '(?i)host.down', isRegex: true, isEqual: true },
    ]);
    expect(toAmSilence(sl({ target: '*', metric: '*' }), 'target', NOW).matchers).toEqual([
      { name: 'alertname', value: '.+', isRegex: true, isEqual: true },
    ]);
    // "Mute all warnings": the severity label the shipped rules carry.
    expect(toAmSilence(sl({ target: '*', metric: '*', severity: 'warning' }), 'target', NOW).matchers).toEqual([
      { name: 'severity', value: 'warning', isRegex: false, isEqual: true },
    ]);
    // Scheduled ahead: it starts then; a reason is the comment.
    const ahead = toAmSilence(sl({ startsTs: NOW + 7_200_000, untilTs: NOW + 10_800_000, reason: 'db migration' }), 'target', NOW);
    expect([ahead.startsAt, ahead.endsAt, ahead.comment]).toEqual([
      '2026-12-05T14:00:00.000Z',
      '2026-12-05T15:00:00.000Z',
      'db migration [sl_abc]',
    ]);
  });

  it('reports a failing Alertmanager in its health, logs it once, retries on the next sync and recovers', async () => {
    let fail = true;
    const calls: string[] = [];
    const logger = captureLogger();
    const sync = createAlertmanagerSilences({
      url: 'http://am.example:9093/',
      targetLabel: 'target',
      store: { chat: { silences: () => [sl({})], scheduledSilences: () => [] } as never },
      logger,
      fetch: (async (url: string, init: { method: string }) => {
        calls.push(`${init.method} ${url}`);
        if (fail) return new Response('upstream down', { status: 502 });
        return new Response(init.method === 'GET' ? '[]' : '{"silenceID":"x"}', { status: 200 });
      }) as never,
    });
    await sync.sync(NOW);
    await sync.sync(NOW);
    expect(sync.health()).toEqual({
      ok: false,
      url: 'http://am.example:9093',
      mirrored: 0,
      lastError: 'GET /api/v2/silences: HTTP 502 upstream down',
    });
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    fail = false;
    await sync.sync(NOW);
    expect(sync.health()).toEqual({ ok: true, url: 'http://am.example:9093', mirrored: 1 });
    expect(calls.slice(-2)).toEqual(['GET http://am.example:9093/api/v2/silences', 'POST http://am.example:9093/api/v2/silences']);
  });

  it('is refused at boot with a URL that is not http(s) or a label that is not a label', async () => {
    const { configSchema } = await import('../../../src/config/schema.js');
    expect(configSchema.safeParse({ alertmanager: { url: 'alertmanager:9093' } }).success).toBe(false);
    expect(configSchema.safeParse({ alertmanager: { url: 'http://am:9093', targetLabel: 'bad-label' } }).success).toBe(false);
    expect(configSchema.parse({}).alertmanager).toEqual({ targetLabel: 'target', mirrorSilences: true });
  });
});

describe('"is alertmanager connected?"', () => {
  const ask = (components: Record<string, { ok: boolean; [k: string]: unknown }>, webhook: boolean) => {
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly(
      resolvedAnomaly('an_am', NOW, { detector: 'alertmanager', metric: 'diskfull', startTs: NOW - 600_000, updatedTs: NOW - 120_000 }),
    );
    const c: AnswerContext = {
      store,
      targets: [{ name: 'web-1' }],
      now: NOW,
      staleAfterMs: 90_000,
      about: () => ({
        ...aboutFactsOf(configSchema.parse({}), { intervalMs: 30_000, targets: [], platforms: ['web'], alertmanagerWebhook: webhook }),
        self: { startedTs: NOW, lastTickTs: NOW, components },
      }),
    };
    return answerIntent(parseIntent('is alertmanager connected?', c.targets), c).split('\n');
  };

  it('says what came in today and how the silence mirror stands, or how to set each up', () => {
    const down = {
      alertmanager_silences: { ok: false, url: 'http://am:9093', mirrored: 0, lastError: 'GET /api/v2/silences: HTTP 502 bad gateway' },
    };
    expect(ask(down, true)).toEqual([
      'Alertmanager:',
      '• Alerts in: POST /alertmanager takes them (a webhook receiver with SCO_ALERTMANAGER_TOKEN as its bearer token). 1 alert opened from it today (UTC); the last update from it 2 min ago (2026-12-05 11:58:00 UTC).',
      "• Silences out: NOT OK. http://am:9093 answered the last sync with: GET /api/v2/silences: HTTP 502 bad gateway. Each tick tries again; chat's own silences hold meanwhile.",
    ]);
    expect(ask({}, false).slice(1)).toEqual([
      '• Alerts in: off. Set SCO_ALERTMANAGER_TOKEN and point a webhook receiver at POST /alertmanager with it as the bearer token (docs/api.md).',
      '• Silences out: off. Set alertmanager.url (or ALERTMANAGER_URL) and silences set in chat are mirrored there, so they hold its other pages too (docs/configuration.md#alertmanager).',
    ]);
  });
});
