import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { ConfigError } from '../../../src/core/errors.js';
import { captureLogger, testConfig } from '../../helpers/test-config.js';

const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop().catch(() => undefined);
});

async function start(env: Record<string, string> = {}, overrides: Record<string, unknown> = {}) {
  const config = testConfig({
    targets: [
      { name: 'web-1', role: 'web' },
      { name: 'db-1', role: 'db' },
    ],
    env,
    overrides: { sources: { backfillHours: 0 }, ...overrides },
  });
  const app = createApp({ config, logger: captureLogger() });
  apps.push(app);
  const addr = await app.start({ schedule: false });
  return { app, base: `http://127.0.0.1:${addr.port}` };
}

const query = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /api/query', () => {
  it('answers from the store with the figure and its time', async () => {
    const { app, base } = await start();
    const r = await query(base, { question: 'cpu on web-1' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { reply: string; intent: string };
    const cpu = app.store.latestSamples().find((s) => s.target === 'web-1' && s.metric === 'cpu')!;
    expect(body.intent).toBe('metrics');
    expect(body.reply).toMatch(
      new RegExp(`^web-1 CPU ${cpu.value.toFixed(1)}% \\(at ${new Date(cpu.ts).toISOString().slice(11, 19)} UTC, \\d+ s ago\\)$`),
    );
  });

  it("writes times on the client's zone unless the person chose one, and ignores a zone that is none", async () => {
    const { base } = await start();
    const ask = async (question: string, user: string, zone?: string) =>
      ((await (await query(base, { question, user, ...(zone ? { zone } : {}) })).json()) as { reply: string }).reply;
    // Asia/Kolkata is +05:30 all year: a time there cannot be mistaken for UTC.
    expect(await ask('cpu on web-1', 'carol', 'Asia/Kolkata')).toMatch(/^web-1 CPU [\d.]+% \(at \d\d:\d\d:\d\d \+05:30, /);
    expect(await ask('cpu on web-1', 'carol', 'Mars/Olympus')).toMatch(/ UTC, /);
    expect(await ask('cpu on web-1', 'carol', 'Etc/UTC')).toMatch(/ UTC, /);
    // A zone chosen in chat wins over the browser's, and so does choosing UTC.
    await ask('show times in Europe/Berlin', 'dave');
    expect(await ask('cpu on web-1', 'dave', 'Asia/Kolkata')).toMatch(/ \+0[12]:00, /);
    await ask('use UTC', 'erin');
    expect(await ask('cpu on web-1', 'erin', 'Asia/Kolkata')).toMatch(/ UTC, /);
    expect(await ask('how many anomalies today?', 'carol', 'Asia/Kolkata')).toMatch(/ today \(Asia\/(?:Kolkata|Calcutta)\)/);
  });

  it('reads "and on db-1?" as the asker\'s last question asked of db-1, and another asker\'s as their own', async () => {
    const { base } = await start();
    const ask = async (question: string, user: string) =>
      ((await (await query(base, { question, user })).json()) as { reply: string }).reply;
    await ask('cpu on web-1', 'alice');
    expect(await ask('and on db-1?', 'alice')).toMatch(/^db-1 CPU \d+\.\d% \(at /);
    expect(await ask('and on db-1?', 'bob')).toMatch(/^db-1 \(role db\): /);
  });

  it('records a change a deploy job posts, and /metrics gives its time for Grafana to annotate', async () => {
    const { base } = await start();
    const gauge = async () => Number(/^sco_last_change_timestamp_seconds (\S+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);
    expect(await gauge()).toBe(0);
    const before = Date.now();
    const r = (await (await query(base, { question: 'deployed api v2.3 to web-1', user: 'deploy-bot' })).json()) as {
      reply: string;
      intent: string;
    };
    expect(r.intent).toBe('change');
    expect(r.reply).toMatch(/^Recorded change ch_\w+ on web-1 at .* by web:deploy-bot: "deployed api v2\.3 to web-1"/);
    const at = await gauge();
    expect(at * 1000).toBeGreaterThanOrEqual(before - 1000);
    expect(at * 1000).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('gives clear 4xx on bad input', async () => {
    const { base } = await start();
    expect((await query(base, '{not json')).status).toBe(400);
    expect((await query(base, { question: '' })).status).toBe(400);
    expect((await query(base, { question: 42 })).status).toBe(400);
    expect((await query(base, ['x'])).status).toBe(400);
    expect((await query(base, { question: 'x'.repeat(1001) })).status).toBe(413);
    expect((await query(base, { question: 'cpu', user: '<script>' })).status).toBe(400);
    const big = await query(base, { question: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const form = await fetch(`${base}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'question=cpu',
    });
    expect(form.status).toBe(415);
    const cross = await query(base, { question: 'cpu' }, { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    // Hostile text is answered, not echoed with its markup.
    const hostile = (await (await query(base, { question: 'cpu on <@U1>@everyone web-99<script>' })).json()) as { reply: string };
    expect(hostile.reply).not.toMatch(/<script>|@everyone|<@U1>/);
  });

  it('refuses button payloads that are not ours on POST /api/actions, and changes nothing', async () => {
    const { app, base } = await start();
    const act = async (body: unknown) => {
      const r = await fetch(`${base}/api/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as { error?: string; reply?: string } };
    };
    expect(await act({ action: 'silence', anomalyId: 'rp_abc123', user: 'op' })).toMatchObject({
      status: 400,
      body: { error: '"anomalyId" must look like an_…' },
    });
    expect(await act({ action: 'silence', proposalId: 'an_abc123', user: 'op' })).toMatchObject({ status: 400 });
    expect(await act({ action: 'silence', anomalyId: 'an_<script>', user: 'op' })).toMatchObject({ status: 400 });
    expect(await act({ action: 'delete', anomalyId: 'an_abc123', user: 'op' })).toMatchObject({
      status: 400,
      body: { error: '"action" must be "approve", "deny", "silence" or "ack"' },
    });
    expect(await act({ action: 'approve', anomalyId: 'an_abc123', user: 'op' })).toMatchObject({
      status: 400,
      body: { error: '"proposalId" must look like rp_…' },
    });
    // Well-formed but unknown: a clear refusal, not a silence.
    expect(await act({ action: 'silence', anomalyId: 'an_abc123', user: 'op' })).toMatchObject({
      status: 400,
      body: { reply: expect.stringMatching(/^No alert an_abc123/) },
    });
    expect(app.store.chat.silences(0)).toEqual([]);
  });

  it('requires the token when SCO_WEB_TOKEN is set', async () => {
    const { base } = await start({ SCO_WEB_TOKEN: 's3cret-token' });
    expect((await query(base, { question: 'cpu' })).status).toBe(401);
    expect((await query(base, { question: 'cpu' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await query(base, { question: 'cpu' }, { authorization: 'Bearer s3cret-token' })).status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(401);
    const page = await fetch(`${base}/?token=s3cret-token`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toMatch(/sco_token=.*HttpOnly; SameSite=Strict/);
    expect((await fetch(`${base}/api/console`, { headers: { cookie: 'sco_token=s3cret-token' } })).status).toBe(200);
    // A cookie whose %-escapes do not decode is a wrong token, not a server error.
    expect((await fetch(`${base}/api/console`, { headers: { cookie: 'sco_token=%E0%A4%A' } })).status).toBe(401);
    // Data endpoints need it too; probes do not.
    expect((await fetch(`${base}/status`)).status).toBe(401);
    expect((await fetch(`${base}/logs`)).status).toBe(401);
    expect((await fetch(`${base}/status`, { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });

  it('with SCO_WEB_USERS, acts as whoever holds the token sent, whatever name the page gives', async () => {
    const ALICE = 'alice-token-0123456789';
    const BOB = 'bob-token-0123456789ab';
    const { base } = await start(
      { SCO_WEB_USERS: `alice:${ALICE}, bob:${BOB}`, SCO_WEB_TOKEN: 'shared-token-0123456789' },
      { approvers: { web: { users: ['alice'] } } },
    );
    const ask = async (token: string | undefined, body: Record<string, unknown>) => {
      const r = await query(base, body, token ? { authorization: `Bearer ${token}` } : {});
      return { status: r.status, reply: ((await r.json()) as { reply?: string }).reply ?? '' };
    };
    // Bob saying he is alice is still bob.
    expect((await ask(BOB, { question: 'am I an approver?', user: 'alice' })).reply).toContain('You (web:bob) are not an approver here');
    expect((await ask(ALICE, { question: 'am I an approver?' })).reply).toContain('You (web:alice) can approve and deny.');
    // The shared token opens the console as nobody in particular.
    expect((await ask('shared-token-0123456789', { question: 'am I an approver?', user: 'alice' })).reply).toContain('You (web:anonymous)');
    expect((await ask(undefined, { question: 'cpu' })).status).toBe(401);
    expect((await ask('alice-token-012345678', { question: 'cpu' })).status).toBe(401);
    // A decision follows the token too.
    const act = await fetch(`${base}/api/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOB}` },
      body: JSON.stringify({ action: 'approve', proposalId: 'rp_abc123', user: 'alice' }),
    });
    expect(act.status).toBe(403);
    expect(((await act.json()) as { reply: string }).reply).toMatch(/not an approver/);
    // The page opened with alice's token keeps it, and the console says who she is.
    const page = await fetch(`${base}/?token=${ALICE}`);
    expect(page.headers.get('set-cookie')).toContain(`sco_token=${ALICE};`);
    // A wrong token in the address, with a good cookie, opens the page but is never kept in place of the cookie.
    const wrong = await fetch(`${base}/?token=not-a-token-at-all`, { headers: { cookie: `sco_token=${BOB}` } });
    expect(wrong.status).toBe(200);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const console = (await (await fetch(`${base}/api/console`, { headers: { cookie: `sco_token=${ALICE}` } })).json()) as { you?: string };
    expect(console.you).toBe('alice');
    expect((await fetch(`${base}/status`, { headers: { authorization: `Bearer ${BOB}` } })).status).toBe(200);
  });

  it('reads SCO_WEB_USERS strictly: name:token pairs, tokens long and each person’s own', () => {
    const load = (users: string, host = '127.0.0.1') =>
      loadConfig({ cwd: process.cwd(), env: { SCO_WEB_USERS: users, SCO_HTTP_HOST: host } });
    const problems = (users: string) => {
      try {
        load(users);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems('alice:short')).toEqual([expect.stringMatching(/entry 1 \(alice\): the token must be at least 16 characters/)]);
    expect(problems('alice')).toEqual([expect.stringMatching(/entry 1: write "name:token"/)]);
    expect(problems('alice:aaaaaaaaaaaaaaaa,bob:aaaaaaaaaaaaaaaa')).toEqual([
      expect.stringMatching(/entry 2 \(bob\): the same token is already alice's/),
    ]);
    // Personal tokens alone are enough beyond loopback.
    expect(load('alice:aaaaaaaaaaaaaaaa', '0.0.0.0').http.webUsers?.get('aaaaaaaaaaaaaaaa')).toBe('alice');
  });

  it('takes the user a sign-on proxy names in its header, only on requests from the proxy', async () => {
    const env = { SCO_WEB_USER_HEADER: 'X-Forwarded-User', SCO_WEB_TRUSTED_PROXIES: '127.0.0.1' };
    const { base } = await start(env, { approvers: { web: { users: ['alice'] } } });
    const ask = async (headers: Record<string, string>, body: Record<string, unknown>) => {
      const r = await query(base, body, headers);
      return { status: r.status, reply: ((await r.json()) as { reply?: string }).reply ?? '' };
    };
    // From the proxy's address (this test's 127.0.0.1): the header's user, whatever the body says.
    expect((await ask({ 'x-forwarded-user': 'alice' }, { question: 'am I an approver?', user: 'bob' })).reply).toContain(
      'You (web:alice) can approve and deny.',
    );
    expect((await ask({ 'x-forwarded-user': 'bob' }, { question: 'am I an approver?', user: 'alice' })).reply).toContain('You (web:bob)');
    // No header, or one that is no user name: refused, as with a wrong token.
    expect((await ask({}, { question: 'cpu' })).status).toBe(401);
    expect((await ask({ 'x-forwarded-user': '<script>' }, { question: 'cpu' })).status).toBe(401);
    const console = (await (await fetch(`${base}/api/console`, { headers: { 'x-forwarded-user': 'alice' } })).json()) as { you?: string };
    expect(console.you).toBe('alice');
    expect((await fetch(`${base}/health`)).status).toBe(200);

    // A proxy elsewhere: the same header from this address is whatever the sender wrote, and refused.
    const other = await start({ ...env, SCO_WEB_TRUSTED_PROXIES: '10.9.9.9' });
    expect((await query(other.base, { question: 'cpu' }, { 'x-forwarded-user': 'alice' })).status).toBe(401);
  });

  it('reads the sign-on header settings strictly', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ cwd: process.cwd(), env });
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ SCO_WEB_USER_HEADER: 'X-Forwarded-User' })).toEqual([
      expect.stringMatching(/^SCO_WEB_TRUSTED_PROXIES: SCO_WEB_USER_HEADER is set/),
    ]);
    expect(problems({ SCO_WEB_USER_HEADER: 'X-Forwarded-User', SCO_WEB_TRUSTED_PROXIES: '127.0.0.1,proxy' })).toEqual([
      'SCO_WEB_TRUSTED_PROXIES: "proxy" is not an IP address',
    ]);
    expect(problems({ SCO_WEB_USER_HEADER: 'Authorization', SCO_WEB_TRUSTED_PROXIES: '127.0.0.1' })).toEqual([
      expect.stringMatching(/^SCO_WEB_USER_HEADER: "Authorization" is not a header name to take a user from/),
    ]);
    expect(problems({ SCO_WEB_TRUSTED_PROXIES: '127.0.0.1' })).toEqual([
      expect.stringMatching(/^SCO_WEB_TRUSTED_PROXIES: set SCO_WEB_USER_HEADER too/),
    ]);
    // Beyond loopback, the proxy's header is enough, as a token is.
    expect(problems({ SCO_HTTP_HOST: '0.0.0.0', SCO_WEB_USER_HEADER: 'X-Forwarded-User', SCO_WEB_TRUSTED_PROXIES: '10.0.0.5' })).toEqual(
      [],
    );
  });

  it('exports anomalies on GET /api/anomalies as CSV or JSON, behind the token, with 400 for a bad query', async () => {
    const { app, base } = await start({ SCO_WEB_TOKEN: 's3cret-token' });
    const now = Date.now();
    const a = {
      id: 'an_exported1',
      key: 'web-1|cpu|threshold',
      target: 'web-1',
      metric: 'cpu',
      detector: 'threshold' as const,
      status: 'resolved' as const,
      severity: 'critical' as const,
      score: 1,
      observed: 40,
      expectedLow: 0,
      expectedHigh: 90,
      startTs: now - 3_600_000,
      endTs: now - 3_000_000,
      updatedTs: now - 3_000_000,
      peak: 97.5,
      summary: '=HYPERLINK("x"), "quoted"',
    };
    app.store.upsertAnomaly(a);
    app.store.upsertAnomaly({
      ...a,
      id: 'an_old1',
      key: 'db-1|cpu|threshold',
      target: 'db-1',
      startTs: now - 30 * 3_600_000,
      endTs: now - 29 * 3_600_000,
    });
    const auth = { authorization: 'Bearer s3cret-token' };
    expect((await fetch(`${base}/api/anomalies`)).status).toBe(401);
    const r = await fetch(`${base}/api/anomalies?since=2h`, { headers: auth });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('x-sco-count')).toBe('1');
    const rows = (await r.text()).split('\r\n');
    // A summary a spreadsheet would run as a formula is defused, and quotes are doubled.
    expect(rows[1]).toBe(
      `an_exported1,web-1,cpu,,threshold,critical,resolved,${new Date(a.startTs).toISOString()},${new Date(a.endTs).toISOString()},600,97.5,40,0,90,1,"'=HYPERLINK(""x""), ""quoted""",,`,
    );
    expect(rows.slice(2)).toEqual(['']);
    const j = (await (await fetch(`${base}/api/anomalies?since=2d&format=json&target=db-1`, { headers: auth })).json()) as {
      anomalies: { id: string }[];
    };
    expect(j.anomalies.map((x) => x.id)).toEqual(['an_old1']);
    // The remediations the same way, behind the same token.
    expect((await fetch(`${base}/api/remediations`)).status).toBe(401);
    const rem = await fetch(`${base}/api/remediations?since=2h`, { headers: auth });
    expect([rem.status, rem.headers.get('content-disposition')]).toEqual([200, 'attachment; filename="remediations.csv"']);
    expect((await rem.text()).split('\r\n')[0]).toBe(
      'id,anomaly_id,target,action,params,mode,executor,state,reason,proposed_at,decided_by,decided_at,updated_at,result',
    );
    expect((await fetch(`${base}/api/remediations?since=soon`, { headers: auth })).status).toBe(400);
    for (const bad of ['since=soon', 'format=xml', 'since=1h&until=2h', 'target=%3Cscript%3E']) {
      const b = await fetch(`${base}/api/anomalies?${bad}`, { headers: auth });
      expect(b.status).toBe(400);
      expect(((await b.json()) as { error: string }).error).toMatch(/^(since|until|format|target)/);
    }
  });

  it('refuses to start bound beyond loopback without a token', () => {
    expect(() => loadConfig({ cwd: process.cwd(), env: { SCO_HTTP_HOST: '0.0.0.0' } })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: process.cwd(), env: { SCO_HTTP_HOST: '0.0.0.0', SCO_WEB_TOKEN: 'long-random' } })).not.toThrow();
  });
});
