import type { Silence } from '../core/chat-store.js';
import { errorMessage } from '../core/errors.js';
import type { Logger, Store } from '../core/ports.js';
import type { FileConfig } from '../config/schema.js';

/** The metrics the shipped Prometheus rules label with `metric` (infra/prometheus/rules/hosts.yml). */
const OWN_METRICS = new Set(['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency_ms', 'heartbeat']);
const CREATED_BY = 'smartcloudops';
const ID_IN_COMMENT = /\[(sl_[a-z0-9]+)\]$/;
const TIMEOUT_MS = 5_000;
/** Silences of others kept from one listing: a chat reply names these, not hundreds. */
const MAX_FOREIGN = 50;

export interface AmMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export interface AmSilence {
  id?: string;
  matchers: AmMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

interface AmSilenceState extends AmSilence {
  id: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

/**
 * The Alertmanager silence that stands for one of ours: the target by `targetLabel`, our own metrics
 * by the `metric` label the shipped rules carry, an Alertmanager alert's metric (its alertname,
 * lower-cased with other characters as "_") by a case-insensitive alertname pattern. "Everything"
 * needs a matcher too: any alertname. Our id ends the comment, so a later sync finds it. Pure.
 */
export function toAmSilence(s: Silence, targetLabel: string, now: number): AmSilence {
  const matchers: AmMatcher[] = [];
  if (s.target !== '*') matchers.push({ name: targetLabel, value: s.target, isRegex: false, isEqual: true });
  if (s.metric !== '*')
    matchers.push(
      OWN_METRICS.has(s.metric)
        ? { name: 'metric', value: s.metric, isRegex: false, isEqual: true }
        : { name: 'alertname', value: `(?i)${s.metric.replace(/[^a-z0-9]/g, '.')}`, isRegex: true, isEqual: true },
    );
  if (s.severity) matchers.push({ name: 'severity', value: s.severity, isRegex: false, isEqual: true });
  if (matchers.length === 0) matchers.push({ name: 'alertname', value: '.+', isRegex: true, isEqual: true });
  return {
    matchers,
    startsAt: new Date(s.startsTs ?? Math.min(now, s.createdTs)).toISOString(),
    endsAt: new Date(s.untilTs).toISOString(),
    createdBy: `${CREATED_BY} (${s.createdBy})`.slice(0, 200),
    comment: `${(s.reason ?? 'silenced from chat').slice(0, 300)} [${s.id}]`,
  };
}

/** A silence made in Alertmanager by someone else, as the last sync saw it. */
export interface ForeignSilence {
  id: string;
  matchers: string;
  startsTs: number;
  endsTs: number;
  createdBy: string;
  comment: string;
  state: 'active' | 'pending';
}

/** Matchers as Alertmanager's own UI writes them: name=value, name=~regex, name!=value. */
export const matchersText = (ms: readonly AmMatcher[]): string =>
  ms.map((m) => `${m.name}${m.isEqual ? '' : '!'}${m.isRegex ? '=~' : '='}${m.value}`).join(', ');

export interface AlertmanagerSilences {
  /** Makes Alertmanager's silences made by us match ours: creates, moves and expires them. */
  sync(now: number): Promise<void>;
  /** The silences others made there, as the last sync read them ("silences" lists them). */
  others(): { list: ForeignSilence[]; checkedTs?: number; url: string; lastError?: string };
  /** Waits for a sync in flight (stop()). */
  idle(): Promise<void>;
  health(): { ok: boolean; url: string; mirrored: number; lastError?: string };
}

/**
 * Chat silences mirrored into Alertmanager, so a silence said in chat also holds the pages that
 * Alertmanager sends elsewhere. Reconciled on every tick rather than pushed on each command: a
 * failed call is retried by the next sync, a restart loses nothing, and an Alertmanager silence
 * someone else made is never touched (only those whose createdBy is ours).
 */
export function createAlertmanagerSilences(o: {
  url: string;
  targetLabel: string;
  store: Pick<Store, 'chat'>;
  logger: Logger;
  fetch?: typeof fetch;
}): AlertmanagerSilences {
  const base = o.url.replace(/\/+$/, '');
  const http = o.fetch ?? fetch;
  let running: Promise<void> | undefined;
  let mirrored = 0;
  let lastError: string | undefined;
  let others: ForeignSilence[] = [];
  let checkedTs: number | undefined;

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const r = await http(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  async function reconcile(now: number): Promise<void> {
    const wanted = [...o.store.chat.silences(now), ...o.store.chat.scheduledSilences(now)];
    const listed = await call('GET', '/api/v2/silences');
    if (!Array.isArray(listed)) throw new Error('GET /api/v2/silences: not a list');
    const ours = new Map<string, AmSilenceState>();
    const foreign: ForeignSilence[] = [];
    for (const x of listed as AmSilenceState[]) {
      if (x?.status?.state === 'expired' || typeof x.createdBy !== 'string') continue;
      const id = x.createdBy.startsWith(CREATED_BY) ? ID_IN_COMMENT.exec(x.comment ?? '')?.[1] : undefined;
      if (id) ours.set(id, x);
      else if (!x.createdBy.startsWith(CREATED_BY) && foreign.length < MAX_FOREIGN && Array.isArray(x.matchers))
        foreign.push({
          id: String(x.id),
          matchers: matchersText(x.matchers),
          startsTs: Date.parse(x.startsAt),
          endsTs: Date.parse(x.endsAt),
          createdBy: x.createdBy.slice(0, 100),
          comment: String(x.comment ?? '').slice(0, 200),
          state: x.status?.state === 'pending' ? 'pending' : 'active',
        });
    }
    others = foreign.sort((a, z) => a.endsTs - z.endsTs);
    checkedTs = now;
    for (const s of wanted) {
      const want = toAmSilence(s, o.targetLabel, now);
      const have = ours.get(s.id);
      ours.delete(s.id);
      // Alertmanager moves startsAt of an active silence to when it was made: only the end tells.
      if (have && Math.abs(Date.parse(have.endsAt) - s.untilTs) < 1000) continue;
      await call('POST', '/api/v2/silences', have ? { ...want, id: have.id } : want);
    }
    // Ours that chat no longer holds: lifted, cancelled, or ended early by "unsnooze all".
    for (const [, x] of ours) await call('DELETE', `/api/v2/silence/${encodeURIComponent(x.id)}`);
    mirrored = wanted.length;
  }

  return {
    sync(now) {
      running ??= reconcile(now)
        .then(
          () => {
            if (lastError) o.logger.info({ url: base }, 'Alertmanager silences in sync again');
            lastError = undefined;
          },
          (err: unknown) => {
            const msg = errorMessage(err);
            if (msg !== lastError) o.logger.warn({ err: msg, url: base }, 'could not mirror silences to Alertmanager; retrying next tick');
            lastError = msg;
          },
        )
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    idle: () => running ?? Promise.resolve(),
    others: () => ({ list: others, url: base, ...(checkedTs !== undefined ? { checkedTs } : {}), ...(lastError ? { lastError } : {}) }),
    health: () => ({ ok: lastError === undefined, url: base, mirrored, ...(lastError ? { lastError } : {}) }),
  };
}

/** The mirror when `alertmanager.url` is set and mirroring is on. */
export function alertmanagerSilencesOf(
  config: Pick<FileConfig, 'alertmanager'>,
  store: Pick<Store, 'chat'>,
  logger: Logger,
): AlertmanagerSilences | undefined {
  const am = config.alertmanager;
  if (!am.url || !am.mirrorSilences) return undefined;
  return createAlertmanagerSilences({
    url: am.url,
    targetLabel: am.targetLabel,
    store,
    logger: logger.child({ component: 'alertmanager' }),
  });
}
