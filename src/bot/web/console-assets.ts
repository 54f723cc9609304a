/** The web console: plain HTML/CSS/JS served by the process, no build step. Data is rendered with
 * textContent only, never innerHTML, so nothing from metrics, hosts or chat can inject markup. */

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SmartCloudOps console</title>
<link rel="stylesheet" href="/console.css">
</head>
<body>
<header>
  <h1>SmartCloudOps</h1>
  <span id="updated" class="muted">loading…</span>
  <span id="oncall" class="muted"></span>
  <span id="pipeline" class="muted"></span>
  <label class="who">You are <input id="user" value="operator" maxlength="64" aria-label="your user id"></label>
</header>
<main>
  <section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents</h2><div id="incidents"></div></section>
  <section aria-labelledby="h-targets"><h2 id="h-targets">Targets</h2><div id="targets" class="grid"></div></section>
  <section aria-labelledby="h-pending"><h2 id="h-pending">Pending approvals</h2><div id="pending"></div></section>
  <section aria-labelledby="h-anomalies"><h2 id="h-anomalies">Open anomalies <a class="link" id="export" href="/api/anomalies?since=24h" download="anomalies.csv">Export the last 24 h (CSV)</a></h2><div id="anomalies"></div></section>
  <section aria-labelledby="h-chat"><h2 id="h-chat">Ask</h2>
    <form id="ask"><input id="question" maxlength="1000" placeholder="what's current CPU?" aria-label="question"><button type="submit">Ask</button></form>
    <div id="answers" aria-live="polite"></div>
  </section>
  <section aria-labelledby="h-silences"><h2 id="h-silences">Silences</h2><div id="silences"></div></section>
  <section aria-labelledby="h-watches"><h2 id="h-watches">Watches and reminders</h2><div id="watches"></div></section>
  <section aria-labelledby="h-changes"><h2 id="h-changes">Changes, last 24 h</h2><div id="changes"></div></section>
  <section aria-labelledby="h-feed"><h2 id="h-feed">Alerts</h2><div id="feed"></div></section>
</main>
<script src="/console.js"></script>
</body>
</html>`;

export const CONSOLE_CSS = `
:root { --ok:#2eb67d; --warn:#ecb22e; --crit:#e01e5a; --muted:#667; font-family: "DejaVu Sans", system-ui, sans-serif; }
body { margin: 0; background: #f6f7f9; color: #1d1c1d; }
header { display:flex; gap:16px; align-items:center; padding:12px 20px; background:#1d2330; color:#fff; }
header h1 { font-size:18px; margin:0; }
header .who { margin-left:auto; font-size:14px; }
header input { width:120px; }
main { padding: 12px 20px; display:grid; gap:16px; }
h2 { font-size:15px; margin:4px 0 8px; }
.grid { display:grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap:10px; }
.card { background:#fff; border:1px solid #dde; border-radius:8px; padding:10px 12px; }
.card.target { cursor:pointer; } .card.target:hover { border-color:#1264a3; }
.card h3 { margin:0 0 6px; font-size:14px; display:flex; justify-content:space-between; }
.metric { display:flex; justify-content:space-between; font-size:13px; }
.stale { color: var(--crit); }
.muted { color: var(--muted); font-size:12px; }
svg.spark { width:100%; height:28px; }
svg.spark polyline { fill:none; stroke:#1264a3; stroke-width:1.5; vector-effect:non-scaling-stroke; }
.sev-critical { border-left:4px solid var(--crit); } .sev-warning { border-left:4px solid var(--warn); } .sev-ok { border-left:4px solid var(--ok); }
.row { background:#fff; border:1px solid #dde; border-radius:6px; padding:8px 10px; margin-bottom:6px; font-size:13px; }
button { padding:5px 12px; border-radius:4px; border:1px solid #aab; background:#fff; cursor:pointer; margin-right:6px; }
a.link { margin-right:10px; font-size:13px; }
button.approve { background: var(--ok); color:#fff; border:0; } button.deny { background: var(--crit); color:#fff; border:0; }
button.ack, button.lift { background: #1d2330; color:#fff; border:0; }
#ask input { width: 60%; padding:6px; }
pre { background:#f0f1f4; padding:8px; overflow-x:auto; font-size:12px; margin:4px 0; white-space:pre; }
.answer { white-space: pre-wrap; }
/* A digest or a multi-line alert keeps its lines. */
.row .body { white-space: pre-line; }
`;

export const CONSOLE_JS = `
'use strict';
const $ = (id) => document.getElementById(id);
function el(tag, props, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') n.className = v; else if (k.startsWith('on')) n.addEventListener(k.slice(2), v); else n.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) n.append(typeof k === 'string' ? document.createTextNode(k) : k);
  return n;
}
const user = () => $('user').value.trim() || 'anonymous';
const fmt = (m, v) => m.unit === 'B/s' ? (v >= 1e6 ? (v / 1e6).toFixed(2) + ' MB/s' : (v / 1e3).toFixed(1) + ' kB/s') : m.unit === '%' ? v.toFixed(1) + '%' : Math.round(v) + (m.unit ? ' ' + m.unit : '');
const LABEL = { cpu: 'CPU', memory: 'memory', disk: 'disk', net_in: 'net in', net_out: 'net out', latency_ms: 'latency' };

function spark(values) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'spark'); svg.setAttribute('viewBox', '0 0 100 28'); svg.setAttribute('preserveAspectRatio', 'none');
  if (values && values.length > 1) {
    const lo = Math.min(...values), hi = Math.max(...values), span = hi - lo || 1;
    const pl = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    pl.setAttribute('points', values.map((v, i) => (i * 100 / (values.length - 1)).toFixed(1) + ',' + (26 - (v - lo) / span * 24).toFixed(1)).join(' '));
    svg.append(pl);
  }
  return svg;
}

// Answers may hold a table in a \`\`\` fence: show it preformatted, the rest as text.
function renderText(text) {
  const box = el('div', { class: 'answer' });
  text.split('\`\`\`').forEach((part, i) => box.append(i % 2 ? el('pre', {}, part.replace(/^\\n/, '')) : part));
  return box;
}

async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
}

async function decide(action, proposalId) {
  const r = await post('/api/actions', { action, proposalId, user: user() });
  $('answers').prepend(el('div', { class: 'row', 'data-decision': proposalId }, renderText(r.reply || r.error)));
  await refresh();
}

async function act(a) {
  if (!a.anomalyId) return decide(a.action, a.proposalId);
  const r = await post('/api/actions', { action: a.action, anomalyId: a.anomalyId, user: user() });
  const mark = a.action === 'ack' ? 'data-acked' : 'data-silenced';
  $('answers').prepend(el('div', { class: 'row', [mark]: a.anomalyId }, renderText(r.reply || r.error)));
  await refresh();
}

// Times in UTC, written as the bot writes them in chat and in the alerts below.
const utc = (ts) => new Date(ts).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';

function render(d) {
  $('updated').textContent = 'updated ' + utc(Date.now()).slice(11);
  $('oncall').textContent = typeof d.onCall === 'string' ? d.onCall : '';
  // The pipeline's own state: red when the last tick failed or a source gets nothing.
  const p = d.pipeline && typeof d.pipeline.text === 'string' ? d.pipeline : undefined;
  $('pipeline').textContent = p ? p.text : '';
  $('pipeline').className = p && !p.ok ? 'stale' : 'muted';
  // A personal token (SCO_WEB_USERS) says who you are; the name field then only shows it.
  if (typeof d.you === 'string' && $('user').value !== d.you) { $('user').value = d.you; $('user').disabled = true; }
  const targets = $('targets'); targets.replaceChildren();
  for (const t of d.status.targets) {
    // A card is a question: its target's overview, in the answers below the question box.
    const card = el('div', { class: 'card target', 'data-target': t.name, title: 'how is ' + t.name + ' doing?', onclick: () => askQuestion('how is ' + t.name + ' doing?') },
      el('h3', {}, el('span', {}, t.name), el('span', { class: t.state === 'up' ? 'muted' : 'stale' }, t.state)));
    for (const [k, m] of Object.entries(t.metrics)) {
      card.append(el('div', { class: 'metric', 'data-metric': k }, el('span', {}, LABEL[k] || k),
        el('span', { class: m.stale ? 'stale value' : 'value' }, fmt(m, m.value) + (m.stale ? ' (stale)' : ''))));
    }
    const series = (d.series || {})[t.name];
    if (series) card.append(el('div', { class: 'muted' }, 'CPU, last 2 h'), spark(series));
    if (t.openAnomalies) card.append(el('div', { class: 'stale' }, t.openAnomalies + ' open anomal' + (t.openAnomalies > 1 ? 'ies' : 'y')));
    targets.append(card);
  }
  const pending = $('pending'); pending.replaceChildren();
  if (!d.status.pendingProposals.length) pending.append(el('div', { class: 'muted' }, 'Nothing is waiting for approval.'));
  for (const p of d.status.pendingProposals) {
    pending.append(el('div', { class: 'row sev-warning proposal', 'data-proposal': p.id },
      el('div', {}, p.id + ': ' + p.action + ' on ' + p.target + ' — ' + p.reason),
      el('div', { class: 'muted' }, 'expires ' + utc(p.expiresTs)),
      el('button', { class: 'approve', onclick: () => decide('approve', p.id) }, 'Approve'),
      el('button', { class: 'deny', onclick: () => decide('deny', p.id) }, 'Deny')));
  }
  const an = $('anomalies'); an.replaceChildren();
  if (!d.status.openAnomalies.length) an.append(el('div', { class: 'muted' }, 'No open anomalies.'));
  for (const a of d.status.openAnomalies) {
    // Its own buttons: an anomaly still in its pending minute, or whose alert left the feed, has no message to press them on.
    const row = el('div', { class: 'row sev-' + a.severity, 'data-anomaly': a.id },
      el('div', {}, a.id + ' [' + a.severity + '] ' + a.target + ' ' + (LABEL[a.metric] || a.metric) + ' (' + a.detector + '): ' + a.summary,
        a.acknowledgedBy ? el('span', { class: 'muted' }, ' — acknowledged by ' + a.acknowledgedBy) : ''),
      el('div', { class: 'muted' }, 'since ' + utc(a.startTs)));
    if (!a.acknowledgedBy) row.append(el('button', { class: 'ack', onclick: () => act({ action: 'ack', anomalyId: a.id }) }, 'Acknowledge'));
    an.append(row);
  }
  const sil = $('silences'); sil.replaceChildren();
  if (!d.silences.length) sil.append(el('div', { class: 'muted' }, 'Nothing is silenced.'));
  for (const s of d.silences) {
    const row = el('div', { class: 'row' }, s.id + ': ' + s.target + ' / ' + s.metric + (s.severity ? ', ' + s.severity + ' alerts only' : '') + (s.startsTs ? ' scheduled from ' + utc(s.startsTs) + ' to ' : ' until ') + utc(s.untilTs) + ' (' + s.createdBy + (s.reason ? ': ' + s.reason : '') + ')');
    // The same command as typed in chat, so it is recorded and answered as one.
    row.append(el('button', { class: 'lift', onclick: () => askQuestion('unsnooze ' + s.id) }, s.startsTs ? 'Cancel' : 'Lift'));
    sil.append(row);
  }
  const wat = $('watches'); wat.replaceChildren();
  if (!(d.watches || []).length) wat.append(el('div', { class: 'muted' }, 'None. Ask "tell me when web-1 recovers" or "remind me in 30m to check web-1".'));
  for (const w of d.watches || []) wat.append(el('div', { class: 'row' }, w.id + ': ' + w.what + ', for ' + w.user + ' in ' + w.where + ' (kept until ' + utc(w.untilTs) + ')'));
  const inc = $('incidents'); inc.replaceChildren();
  if (!(d.incidents || []).length) inc.append(el('div', { class: 'muted' }, 'None open. Say "declare an incident: checkout is down" in the question box.'));
  for (const i of d.incidents || []) {
    const row = el('div', { class: 'row sev-critical', 'data-incident': i.id }, i.text);
    // The chat commands, so each is recorded and answered as one.
    row.append(el('button', { onclick: () => askQuestion('incident status ' + i.id) }, 'Status'));
    row.append(el('button', { onclick: () => askQuestion('resolve ' + i.id) }, 'Resolve'));
    inc.append(row);
  }
  const chg = $('changes'); chg.replaceChildren();
  if (!(d.changes || []).length) chg.append(el('div', { class: 'muted' }, 'None recorded. Say "deployed v2.3 to api-1" in the question box, or send it from a deploy job (docs/api.md).'));
  for (const c of d.changes || []) {
    const row = el('div', { class: 'row', 'data-change': c.id }, utc(c.ts) + ' ' + (c.targets.length ? c.targets.join(', ') : 'fleet-wide') + ': ' + c.text + ' (' + c.actor + ', ' + c.id + ')');
    // The chat command, so the withdrawal is recorded and answered as one.
    row.append(el('button', { class: 'withdraw', onclick: () => askQuestion('delete ' + c.id) }, 'Withdraw'));
    chg.append(row);
  }
  const feed = $('feed'); feed.replaceChildren();
  const posts = d.messages.filter((x) => !x.thread);
  if (!posts.length) feed.append(el('div', { class: 'muted' }, 'No alerts posted yet: an anomaly shows here once it is announced (after its chat.pendingFor period).'));
  for (const m of posts) {
    const p = m.payload;
    const at = 'posted ' + utc(m.createdTs) + (m.updatedTs > m.createdTs ? ', updated ' + utc(m.updatedTs).slice(11) : '');
    const row = el('div', { class: 'row sev-' + p.severity, 'data-message': m.id }, el('strong', {}, p.title), el('span', { class: 'muted when' }, ' ' + at),
      el('div', { class: 'body' }, p.text));
    for (const f of p.fields) row.append(el('div', { class: 'muted' }, f.label + ': ' + f.value));
    if (p.sparkline) row.append(spark(p.sparkline.values));
    if (p.status) row.append(el('div', {}, p.status));
    for (const a of p.actions) row.append(el('button', { class: a.action, onclick: () => act(a) }, a.label));
    for (const l of p.links || []) if (/^https?:\\/\\//.test(l.url)) row.append(el('a', { class: 'link', href: l.url, target: '_blank', rel: 'noopener noreferrer' }, l.label));
    for (const r of d.messages.filter((x) => x.thread === m.id)) row.append(el('div', { class: 'muted' }, '↳ ' + r.payload.title + ': ' + r.payload.text));
    feed.append(row);
  }
}

async function refresh() {
  try {
    const r = await fetch('/api/console');
    if (r.ok) render(await r.json()); else $('updated').textContent = 'error ' + r.status;
  } catch (e) { $('updated').textContent = 'offline: ' + e.message; }
}

async function askQuestion(q) {
  // Times in replies on this browser's clock, unless the person chose a zone in chat.
  const zone = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return undefined; } })();
  const r = await post('/api/query', { question: q, user: user(), zone });
  $('answers').prepend(el('div', { class: 'row answer-row' }, el('div', { class: 'muted' }, '> ' + q), renderText(r.reply || r.error)));
  refresh();
}

$('ask').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const q = $('question').value.trim();
  if (!q) return;
  $('question').value = '';
  await askQuestion(q);
});
refresh();
setInterval(refresh, 5000);
`;
