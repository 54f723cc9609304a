/** Random Slack payloads for the fuzz tests: values Slack sends, values it never sends, and values a forger would try. */

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

const TEXTS = [
  'status',
  'cpu web-1',
  'approve rp_x',
  'ack',
  'snooze for 2h',
  'help',
  '',
  ' ',
  '<!channel>',
  '\u0000',
  'x'.repeat(5000),
  '{{7*7}}',
];
const USERS = ['UAPPROVER', 'U1', '', 'W0', undefined];
const ACTION_IDS = ['sco_approve', 'sco_deny', 'sco_silence', 'sco_ack', 'sco_runbook', 'sco_', 'other', '', undefined];
// The alert's own message ts (the fake numbers its posts from 1700000000.000001), and others.
const TS = ['1700000000.000001', '1700000000.000002', '1800000000.000001', 'nope', ''];

export interface FuzzContext {
  rnd: () => number;
  responseUrl: (id: string) => string;
  /** Anomaly and proposal ids the app holds, and ids it does not. */
  ids: string[];
}

export function slackFuzzPayloads({ rnd, responseUrl, ids }: FuzzContext) {
  const maybe = <T>(v: T) => (rnd() < 0.85 ? v : undefined);
  /** A slash command's fields, as Slack form-encodes them (or puts them in a socket envelope). */
  const command = (): Record<string, string> =>
    Object.fromEntries(
      Object.entries({
        command: maybe(pick(rnd, ['/ops', '/other', ''])),
        text: maybe(pick(rnd, TEXTS)),
        user_id: maybe(pick(rnd, USERS)),
        channel_id: maybe(pick(rnd, ['C1', 'C-ALERTS', ''])),
        team_id: maybe('T1'),
        response_url: maybe(pick(rnd, [responseUrl(`f${Math.floor(rnd() * 1e6)}`), 'not a url', 'http://127.0.0.1:1/x'])),
        trigger_id: maybe('1.2.3'),
      }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
  /** An interaction payload; now and then a JSON text cut short instead. */
  const interaction = (): Record<string, unknown> | string => {
    const type = pick(rnd, ['block_actions', 'block_actions', 'block_actions', 'view_submission', 'shortcut', 'message_action', 'nope']);
    const payload = {
      type,
      team: maybe({ id: 'T1' }),
      user: maybe({ id: pick(rnd, USERS), name: 'x' }),
      api_app_id: 'A1',
      token: 'x',
      trigger_id: '1.2',
      response_url: maybe(responseUrl(`i${Math.floor(rnd() * 1e6)}`)),
      channel: maybe({ id: pick(rnd, ['C-ALERTS', 'C9']) }),
      container: maybe({ type: 'message', message_ts: pick(rnd, TS), channel_id: 'C-ALERTS' }),
      message: maybe({ ts: pick(rnd, TS), text: 'alert' }),
      actions: maybe(
        rnd() < 0.1
          ? 'nope'
          : [
              {
                type: pick(rnd, ['button', 'static_select']),
                action_id: pick(rnd, ACTION_IDS),
                value: maybe(pick(rnd, ids)),
                action_ts: '1.0',
              },
            ],
      ),
    };
    return rnd() < 0.05 ? '{"type":' : payload;
  };
  /** An Events API body. */
  const event = (): Record<string, unknown> => ({
    type: pick(rnd, ['event_callback', 'event_callback', 'url_verification', 'app_rate_limited', 'nope']),
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    challenge: maybe('c'),
    event_id: `Ev${Math.floor(rnd() * 1e9)}`,
    event_time: 1,
    event: maybe({
      type: pick(rnd, ['app_mention', 'message', 'reaction_added', 'nope']),
      subtype: rnd() < 0.2 ? pick(rnd, ['bot_message', 'message_changed', 'channel_join']) : undefined,
      user: maybe(pick(rnd, USERS)),
      text: maybe(`<@UBOT> ${pick(rnd, TEXTS)}`),
      channel: maybe(pick(rnd, ['C-ALERTS', 'C1'])),
      ts: maybe('1700000100.000100'),
      thread_ts: rnd() < 0.4 ? pick(rnd, TS) : undefined,
      bot_id: rnd() < 0.1 ? 'B1' : undefined,
    }),
  });
  return { command, interaction, event };
}
