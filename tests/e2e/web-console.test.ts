import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { requireBinary } from '../helpers/net.js';
import { captureLogger, tempDir, testConfig } from '../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
let app: App;
let browser: Browser;
let base = '';
let t = T0;

beforeAll(async () => {
  const executablePath = requireBinary('chromium', 'chromium');
  const config = testConfig({
    targets: [
      { name: 'web-1', role: 'web' },
      { name: 'api-1', role: 'api' },
      { name: 'db-1', role: 'db' },
    ],
    overrides: {
      sources: { backfillHours: 1, synthetic: { incidentEveryMinutes: 100_000 } },
      approvers: { web: { users: ['operator'] } },
      chat: { runbooks: [{ match: { metrics: ['cpu'] }, url: 'https://wiki.example.com/rb/{metric}?host={target}' }] },
      remediation: {
        rules: [{ name: 'scale', when: { metrics: ['cpu'], detectors: ['threshold'] }, action: 'scale_up', mode: 'approval' }],
      },
    },
  });
  app = createApp({ config, logger: captureLogger(), clock: { now: () => t } });
  const addr = await app.start({ schedule: false });
  base = `http://127.0.0.1:${addr.port}`;
  for (let i = 0; i < 8 && app.store.listProposals({ states: ['proposed'] }).length === 0; i++) {
    t += 30_000;
    await app.tick();
  }
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('web console in headless Chromium', () => {
  it('shows every target, answers "what\'s current CPU?" with /status figures, and approves a proposal', async () => {
    const status = (await (await fetch(`${base}/status`)).json()) as {
      targets: { name: string; metrics: Record<string, { value: number }> }[];
      pendingProposals: { id: string }[];
    };
    expect(status.pendingProposals).toHaveLength(1);
    const proposalId = status.pendingProposals[0]!.id;

    const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);

    await page.locator('[data-target]').first().waitFor();
    expect(await page.locator('[data-target]').count()).toBe(status.targets.length);
    for (const target of status.targets) {
      const cpu = page.locator(`[data-target="${target.name}"] [data-metric="cpu"] .value`);
      expect(await cpu.textContent()).toBe(`${target.metrics.cpu!.value.toFixed(1)}%`);
    }

    // Sparklines stretch to the card's width; their stroke must not stretch with them (a steep
    // step drew as a thick block).
    const strokes = await page.$$eval('svg.spark polyline', (ls) => ls.map((l) => getComputedStyle(l).vectorEffect));
    expect(strokes.length).toBeGreaterThan(0);
    expect(new Set(strokes)).toEqual(new Set(['non-scaling-stroke']));

    await page.fill('#question', "what's current CPU?");
    await page.click('#ask button');
    const answer = page.locator('.answer-row').first();
    await answer.waitFor();
    const text = (await answer.textContent()) ?? '';
    for (const target of status.targets) {
      expect(text).toContain(target.name);
      expect(text).toContain(`${target.metrics.cpu!.value.toFixed(1)}%`);
    }

    // A target's card asks for its overview.
    await page.locator('[data-target="db-1"]').click();
    await expect
      .poll(async () => (await page.locator('.answer-row').first().textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/^> how is db-1 doing\?db-1 \(role db\): up, reporting;/);

    // Times read as they do in chat: UTC, to the second.
    const expires = new Date(app.store.getProposal(proposalId)!.expiresTs).toISOString().slice(0, 19).replace('T', ' ');
    expect(await page.locator(`[data-proposal="${proposalId}"] .muted`).textContent()).toBe(`expires ${expires} UTC`);
    expect(await page.locator('#updated').textContent()).toMatch(/^updated \d\d:\d\d:\d\d UTC$/);
    expect(await page.locator('#pipeline').textContent()).toMatch(/^pipeline: last tick \d+ (?:ms|s|min) ago$/);
    expect(await page.locator('#pipeline').getAttribute('class')).toBe('muted');
    await page.locator(`[data-proposal="${proposalId}"] button.approve`).click();
    await page.locator(`[data-decision="${proposalId}"]`).waitFor();
    expect(await page.locator(`[data-decision="${proposalId}"]`).textContent()).toMatch(/Approved by operator/);
    await expect.poll(() => page.locator(`[data-proposal="${proposalId}"]`).count()).toBe(0);
    expect(app.store.getProposal(proposalId)).toMatchObject({ state: 'succeeded', decidedBy: 'web:operator' });
    await page.screenshot({ path: process.env.SCO_SCREENSHOT ?? path.join(tempDir('sco-shot-'), 'console.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('with a personal token (SCO_WEB_USERS), shows who you are instead of asking', async () => {
    const TOKEN = 'alice-token-0123456789';
    const own = createApp({
      config: testConfig({
        targets: [{ name: 'web-1', role: 'web' }],
        env: { SCO_WEB_USERS: `alice:${TOKEN}` },
        overrides: { sources: { backfillHours: 0 } },
      }),
      logger: captureLogger(),
      clock: { now: () => t },
    });
    const addr = await own.start({ schedule: false });
    try {
      const page = await browser.newPage({ timezoneId: 'UTC' });
      await page.goto(`http://127.0.0.1:${addr.port}/?token=${TOKEN}`);
      await expect.poll(() => page.inputValue('#user'), { timeout: 10_000 }).toBe('alice');
      expect(await page.isDisabled('#user')).toBe(true);
      // The page's own calls carry the token in its cookie: asking works, as alice.
      await page.fill('#question', 'am I an approver?');
      await page.click('#ask button');
      await expect
        .poll(async () => (await page.locator('.answer-row').first().textContent()) ?? '', { timeout: 10_000 })
        .toContain('You (web:alice)');
      // The Export link is a download behind the same cookie: the CSV, not a 401.
      const download = page.waitForEvent('download');
      await page.click('#export');
      const file = await (await download).path();
      expect(readFileSync(file!, 'utf8').split('\r\n')[0]).toMatch(/^id,target,metric,feature,detector,severity,status,start,end,/);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('refuses an identity that is not an approver', async () => {
    t += 30_000;
    const page = await browser.newPage({ timezoneId: 'UTC' });
    await page.goto(`${base}/`);
    await page.locator('[data-target]').first().waitFor();
    const r = await page.evaluate(async () => {
      const res = await fetch('/api/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'approve', proposalId: 'rp_abc123', user: 'mallory' }),
      });
      return { status: res.status, body: (await res.json()) as { reply: string } };
    });
    expect(r.status).toBe(403);
    expect(r.body.reply).toMatch(/not an approver/);
  });

  it("writes the times of its answers on the browser's clock", async () => {
    // Asia/Kolkata is +05:30 all year, so its times cannot be mistaken for UTC.
    const page = await browser.newPage({ timezoneId: 'Asia/Kolkata', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.locator('[data-target]').first().waitFor();
    await page.locator('#question').fill('cpu on web-1');
    await page.locator('#ask button').click();
    await expect
      .poll(async () => (await page.locator('.answer-row').first().textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/web-1 CPU [\d.]+% \(at \d\d:\d\d:\d\d \+05:30, /);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists the watches and reminders asked for in its question box', async () => {
    const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.locator('#watches .muted').waitFor();
    await page.locator('#question').fill('remind me in 2h to check <b>db-1</b>');
    await page.locator('#ask button').click();
    await expect
      .poll(async () => (await page.locator('#watches').textContent()) ?? '', { timeout: 10_000 })
      .toMatch(
        /^wt_\w+: a reminder for \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: check b db-1 \/b, for web:operator in web console \(kept until /,
      );
    // The words of the reminder are text on the page, never markup.
    expect(await page.locator('#watches b').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists a change said in its question box, as text, and withdraws it from its button', async () => {
    const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.locator('#changes .muted').waitFor();
    await page.locator('#question').fill('deployed <i>v2.3</i> to api-1');
    await page.locator('#ask button').click();
    await expect
      .poll(async () => (await page.locator('#changes [data-change]').first().textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC api-1: deployed .*v2\.3.* to api-1 \(web:operator, ch_\w+\)Withdraw$/);
    expect(await page.locator('#changes i').count()).toBe(0);
    // Withdrawn from its own button, it leaves the list.
    await page.locator('#changes [data-change] button.withdraw').first().click();
    await expect.poll(() => page.locator('#changes [data-change]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await page.locator('.answer-row').first().textContent()) ?? '').toMatch(/Withdrew change ch_\w+/);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists an incident declared in its question box, as text, announces it in the feed, and resolves it from its button', async () => {
    const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.locator('#incidents .muted').waitFor();
    await page.locator('#question').fill('declare an incident: checkout <b>502s</b>');
    await page.locator('#ask button').click();
    await expect
      .poll(async () => (await page.locator('#incidents [data-incident]').first().textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/^in_\w+ "checkout <b 502s<\/b": commander web:operator, declared .*, open for .*StatusResolve$/);
    expect(await page.locator('#incidents b').count()).toBe(0);
    // Announced where alerts go: the console's own channel.
    await expect
      .poll(async () => (await page.locator('#feed').textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/Incident in_\w+: checkout <b 502s<\/b/);
    await page.locator('#incidents [data-incident] button', { hasText: 'Resolve' }).first().click();
    await expect.poll(() => page.locator('#incidents [data-incident]').count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(async () => (await page.locator('.answer-row').first().textContent()) ?? '')
      .toMatch(/Resolved in_\w+ "checkout <b 502s<\/b" after /);
    expect(errors).toEqual([]);
  }, 60_000);

  it('silences and acknowledges an alert from its buttons in the feed, and the alert then says so', async () => {
    const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    const alert = page
      .locator('#feed [data-message]', { hasText: 'anomaly on web-1' })
      .filter({ has: page.locator('button.silence') })
      .first();
    await alert.waitFor();
    const messageId = await alert.getAttribute('data-message');
    // The runbook opens in a new tab without handing it the console (noopener).
    const link = alert.locator('a.link');
    expect(await link.getAttribute('href')).toBe('https://wiki.example.com/rb/cpu?host=web-1');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.textContent()).toBe('Runbook');
    await alert.locator('button.silence').click();
    await page.locator('[data-silenced]').first().waitFor();
    expect(await page.locator('[data-silenced]').first().textContent()).toMatch(/^Silenced web-1 (CPU )?for 60 min/);
    expect(app.store.chat.silences(t)).toEqual([expect.objectContaining({ target: 'web-1', createdBy: 'web:operator' })]);
    // The outbox re-renders the alert in place; the console shows who silenced it and drops the button.
    const same = page.locator(`#feed [data-message="${messageId}"]`);
    await expect.poll(async () => (await same.textContent()) ?? '', { timeout: 10_000 }).toMatch(/Silenced until .* by web:operator/);
    expect(await same.locator('button.silence').count()).toBe(0);
    // Acknowledge stays on a silenced alert; pressing it puts who has it on the message.
    await same.locator('button.ack').click();
    await page.locator('[data-acked]').first().waitFor();
    expect(await page.locator('[data-acked]').first().textContent()).toMatch(/^Acknowledged web-1 /);
    await expect.poll(async () => (await same.textContent()) ?? '', { timeout: 10_000 }).toMatch(/Acknowledged by web:operator at /);
    expect(await same.locator('button.ack').count()).toBe(0);
    // The open-anomalies list says who has them (from /status).
    await expect
      .poll(async () => (await page.locator('#anomalies').textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/web-1 [^\n]*— acknowledged by web:operator/);
    // Each alert says when it was posted, in UTC as chat does.
    const posted = app.store.chat.webMessages(50).find((m) => m.id === messageId)!.createdTs;
    expect(await same.locator('.when').textContent()).toContain(
      `posted ${new Date(posted).toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    );
    // The silence is listed with a button that lifts it, as "unsnooze sl_…" typed would.
    const silenced = page.locator('#silences .row', { hasText: 'web-1' }).first();
    await silenced.locator('button.lift', { hasText: 'Lift' }).click();
    await expect.poll(() => app.store.chat.silences(t).length, { timeout: 10_000 }).toBe(0);
    await expect
      .poll(async () => (await page.locator('#answers').textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/Lifted sl_\w+, the silence of web-1 /);
    expect(errors).toEqual([]);
  }, 60_000);

  it('acknowledges an open anomaly from its own row, where no alert message may carry the button', async () => {
    const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    // The previous test took web-1's anomalies on; hand them back so their rows offer the button again.
    await page.evaluate(() =>
      fetch('/api/query', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"question":"unack web-1","user":"operator"}',
      }),
    );
    const row = page
      .locator('#anomalies [data-anomaly]', { hasText: 'web-1' })
      .filter({ has: page.locator('button.ack') })
      .first();
    await row.waitFor({ timeout: 10_000 });
    const id = (await row.getAttribute('data-anomaly'))!;
    const anomaly = app.store.getAnomaly(id)!;
    expect(await row.textContent()).toContain(`since ${new Date(anomaly.startTs).toISOString().slice(0, 19).replace('T', ' ')} UTC`);
    // Metric names as the alerts write them.
    expect(await row.textContent()).toMatch(/web-1 CPU \(/);
    await row.locator('button.ack').click();
    await page.locator(`[data-acked="${id}"]`).waitFor();
    await expect.poll(() => app.store.chat.ackOfAnomaly(id)?.by).toBe('web:operator');
    await expect.poll(() => page.locator(`#anomalies [data-anomaly="${id}"] button.ack`).count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
