import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { startAlertmanager } from '../../helpers/alertmanager.js';
import { captureLogger, testConfig } from '../../helpers/test-config.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface AmSilence {
  id: string;
  status: { state: string };
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  createdBy: string;
  comment: string;
  endsAt: string;
}

describe('chat silences mirrored to a real Alertmanager', () => {
  it('creates, moves and expires its own silences there, which hold matching alerts, and leaves others alone', async () => {
    const am = await startAlertmanager('route: { receiver: none }\nreceivers:\n  - name: none\n', cleanups);
    const amGet = async <T>(p: string) => (await (await fetch(`${am}${p}`)).json()) as T;
    // Someone's own silence in Alertmanager: never touched by the mirror.
    const theirs = (await (
      await fetch(`${am}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          matchers: [{ name: 'target', value: 'db-1', isRegex: false, isEqual: true }],
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          createdBy: 'alice',
          comment: 'by hand',
        }),
      })
    ).json()) as { silenceID: string };

    const app: App = createApp({
      config: testConfig({ overrides: { sources: { backfillHours: 0 }, alertmanager: { url: am } } }),
      logger: captureLogger(),
    });
    const addr = await app.start({ schedule: false });
    cleanups.push(() => app.stop());
    const ask = async (question: string) =>
      (
        (await (
          await fetch(`http://127.0.0.1:${addr.port}/api/query`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ question, user: 'alice' }),
          })
        ).json()) as { reply: string }
      ).reply;
    const ours = async () => (await amGet<AmSilence[]>('/api/v2/silences')).filter((s) => s.createdBy.startsWith('smartcloudops'));

    const reply = await ask('snooze web-1 cpu for 2h: db migration');
    const id = /\((sl_[a-z0-9]+);/.exec(reply)![1]!;
    await app.tick();
    await expect.poll(async () => (await ours()).filter((s) => s.status.state === 'active').length, { timeout: 10_000 }).toBe(1);
    const [mirrored] = await ours();
    // Alice's own is listed beside ours, as the mirror read it, and said to hold Alertmanager's pages only.
    const listed = (await ask('silences')).split('\n');
    const at = listed.findIndex((l) => l.startsWith('Made in Alertmanager by others'));
    expect(listed[at]).toMatch(
      new RegExp(`^Made in Alertmanager by others \\(as read from ${am.replace(/[.]/g, '\\.')} at .*\\): they hold its own notifications`),
    );
    expect(listed[at + 1]).toMatch(new RegExp(`^• ${theirs.silenceID.slice(0, 8)}: target=db-1 until .* \\(by "alice": "by hand"\\)$`));
    expect(listed.join('\n')).not.toMatch(/smartcloudops \(web:alice\)/);
    expect(mirrored!.matchers).toEqual([
      { name: 'target', value: 'web-1', isRegex: false, isEqual: true },
      { name: 'metric', value: 'cpu', isRegex: false, isEqual: true },
    ]);
    expect(mirrored!.comment).toBe(`db migration [${id}]`);
    expect(mirrored!.createdBy).toBe('smartcloudops (web:alice)');
    const until = app.store.chat.silences(Date.now()).find((s) => s.id === id)!.untilTs;
    expect(Date.parse(mirrored!.endsAt)).toBe(until);

    // It holds an alert the shipped rules would send for web-1's CPU, and not db-1's.
    await fetch(`${am}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { labels: { alertname: 'HostHighCpu', target: 'web-1', metric: 'cpu', severity: 'warning' } },
        { labels: { alertname: 'HostHighCpu', target: 'db-2', metric: 'cpu', severity: 'warning' } },
      ]),
    });
    await expect
      .poll(
        async () =>
          (await amGet<{ labels: Record<string, string>; status: { silencedBy: string[] } }[]>('/api/v2/alerts'))
            .map((a) => [a.labels.target, a.status.silencedBy])
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual([
        ['db-2', []],
        ['web-1', [mirrored!.id]],
      ]);

    // Extended in chat: moved there; lifted in chat: expired there. Alice's own stays.
    await ask(`extend ${id} by 1h`);
    await app.tick();
    await expect
      .poll(async () => (await ours()).filter((s) => s.status.state === 'active').map((s) => Date.parse(s.endsAt)), { timeout: 10_000 })
      .toEqual([until + 3_600_000]);
    await ask(`unsnooze ${id}`);
    await app.tick();
    await expect.poll(async () => (await ours()).filter((s) => s.status.state !== 'expired').length, { timeout: 10_000 }).toBe(0);
    const all = await amGet<AmSilence[]>('/api/v2/silences');
    expect(all.find((s) => s.id === theirs.silenceID)!.status.state).toBe('active');
    const health = (await (await fetch(`http://127.0.0.1:${addr.port}/health`)).json()) as { components: Record<string, unknown> };
    expect(health.components.alertmanager_silences).toMatchObject({ ok: true, url: am, mirrored: 0 });
    expect((await ask('is alertmanager connected?')).split('\n')).toEqual([
      'Alertmanager:',
      '• Alerts in: off. Set SCO_ALERTMANAGER_TOKEN and point a webhook receiver at POST /alertmanager with it as the bearer token (docs/api.md).',
      `• Silences out: mirrored to ${am}, checked every tick; 0 silences of mine there now.`,
    ]);
  }, 60_000);
});
