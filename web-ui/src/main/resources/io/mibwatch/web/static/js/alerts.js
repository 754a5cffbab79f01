// The NOC wall screen: active alerts, live from the server-sent event feed.
// Flow: GET /api/alerts gives a snapshot and the transition sequence number it is valid at;
// the EventSource opens with ?after=SEQ and the browser's own reconnects send Last-Event-ID,
// so no transition is lost between snapshot and stream or across a dropped connection.
// Every device-supplied string reaches the DOM through el() (textContent), never as HTML.
import { session, getJson, send, el } from '/static/js/api.js';

const RANK = { critical: 3, warning: 2, info: 1 };
const ACTIVE = new Set(['FIRING', 'PENDING']);
const state = { alerts: new Map(), seq: 0, canOperate: false, source: null, sound: false, target: null };

function $(id) { return document.getElementById(id); }

function showMessage(text, isError) {
  const m = $('message');
  m.textContent = text;
  m.className = isError ? 'message error' : 'message';
  m.hidden = !text;
}

function setLive(on) {
  const live = $('live');
  live.textContent = on ? 'live' : 'reconnecting';
  live.className = on ? 'live on' : 'live off';
  document.body.dataset.live = on ? '1' : '0';
}

async function loadSnapshot() {
  const body = await getJson('/api/alerts');
  state.alerts = new Map(body.alerts.map((a) => [a.id, a]));
  state.seq = body.seq;
  document.body.dataset.seq = String(state.seq);
  render();
}

function connect() {
  if (state.source) state.source.close();
  const src = new EventSource('/api/alerts/stream?after=' + encodeURIComponent(state.seq));
  state.source = src;
  src.addEventListener('open', () => setLive(true));
  src.addEventListener('error', () => {
    setLive(false);
    if (src.readyState === EventSource.CLOSED) {
      // the server refused (e.g. the session ended): check the session (login redirect) and retry
      setTimeout(async () => { await getJson('/api/session').catch(() => {}); connect(); }, 5000);
    }
  });
  src.addEventListener('alert', (e) => apply(JSON.parse(e.data)));
  src.addEventListener('reset', async () => { src.close(); await loadSnapshot(); connect(); });
}

function apply(ev) {
  const id = ev.transition.alertId;
  const before = state.alerts.get(id);
  const a = ev.alert;
  if (a && ACTIVE.has(a.state)) {
    a.lastReason = ev.transition.reason;
    state.alerts.set(id, a);
  } else {
    state.alerts.delete(id);
  }
  if (state.sound && a && a.severity === 'critical' && ev.transition.to === 'FIRING'
      && (!before || before.state !== 'FIRING')) {
    beep();
  }
  state.seq = Math.max(state.seq, ev.seq);
  document.body.dataset.seq = String(state.seq);
  render();
}

function filters() {
  return {
    device: $('f-device').value.trim().toLowerCase(),
    severity: $('f-severity').value,
    state: $('f-state').value,
    text: $('f-text').value.trim().toLowerCase(),
  };
}

function matches(a, f) {
  if (f.device && !a.device.toLowerCase().includes(f.device)) return false;
  if (f.severity && a.severity !== f.severity) return false;
  switch (f.state) {
    case 'firing': if (a.state !== 'FIRING') return false; break;
    case 'pending': if (a.state !== 'PENDING') return false; break;
    case 'acked': if (!a.ack) return false; break;
    case 'unacked': if (a.ack) return false; break;
    case 'silenced': if (!a.silencedBy) return false; break;
    case 'suppressed': if (!a.suppressedBy) return false; break;
    case 'flapping': if (!a.flapping) return false; break;
    default: break;
  }
  if (f.text) {
    const hay = [a.id, a.device, a.series, a.rule, a.lastReason, a.ack && a.ack.comment, a.ack && a.ack.user]
      .filter(Boolean).join(' ').toLowerCase();
    if (!hay.includes(f.text)) return false;
  }
  return true;
}

function since(a) { return a.firingSince || a.since; }

function order(x, y) {
  return (RANK[y.severity] - RANK[x.severity]) || (Date.parse(since(y)) - Date.parse(since(x)))
    || (x.id < y.id ? -1 : 1);
}

function age(iso) {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm';
  if (s < 86400) return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm';
  return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
}

function value(v) {
  if (v === null || v === undefined) return '';
  return Math.abs(v) >= 100 ? v.toFixed(0) : String(Math.round(v * 100) / 100);
}

function badges(a) {
  const out = [];
  if (a.ack) out.push(el('span', { class: 'badge ack', title: a.ack.comment }, 'ACK ' + a.ack.user));
  if (a.silencedBy) out.push(el('span', { class: 'badge silenced', title: 'silence ' + a.silencedBy }, 'SILENCED'));
  if (a.suppressedBy) out.push(el('span', { class: 'badge suppressed', title: 'parent ' + a.suppressedBy }, 'SUPPRESSED'));
  if (a.flapping) out.push(el('span', { class: 'badge flapping' }, 'FLAPPING'));
  return out;
}

function row(a) {
  const classes = ['alert', 'sev-' + a.severity, 'state-' + a.state.toLowerCase()];
  if (a.ack) classes.push('acked');
  if (a.silencedBy) classes.push('silenced');
  if (a.suppressedBy) classes.push('suppressed');
  if (a.flapping) classes.push('flapping');
  const actions = [];
  if (state.canOperate && a.state === 'FIRING' && !a.ack) {
    actions.push(el('button', { type: 'button', class: 'ack-button', onclick: () => openAck(a) }, 'Ack'));
  }
  if (state.canOperate) {
    actions.push(el('button', { type: 'button', class: 'silence-button', onclick: () => openSilence(a) }, 'Silence'));
  }
  return el('tr', { class: classes.join(' '), dataset: { id: a.id } },
    el('td', { class: 'sev' }, a.severity.toUpperCase()),
    el('td', { class: 'device' }, el('a', { href: a.links.device }, a.device)),
    el('td', { class: 'metric' }, a.links.graph ? el('a', { href: a.links.graph }, a.series) : ''),
    el('td', { class: 'value' }, value(a.value)),
    el('td', { class: 'state' }, el('span', { class: 'state-name' }, a.state.toLowerCase()), ...badges(a),
      a.ack ? el('div', { class: 'ack-comment' }, a.ack.comment) : null),
    el('td', { class: 'age', dataset: { since: since(a) } }, age(since(a))),
    el('td', { class: 'rule' }, el('div', {}, a.rule), a.lastReason ? el('div', { class: 'muted' }, a.lastReason) : null),
    el('td', { class: 'actions' }, actions));
}

function render() {
  const all = [...state.alerts.values()];
  for (const sev of Object.keys(RANK)) {
    $('count-' + sev).querySelector('.n').textContent = String(all.filter((a) => a.severity === sev).length);
  }
  const f = filters();
  const shown = all.filter((a) => matches(a, f)).sort(order);
  document.querySelector('#alerts tbody').replaceChildren(...shown.map(row));
  $('empty').hidden = shown.length > 0;
  $('empty').textContent = all.length === 0 ? 'No active alerts.' : 'No alert matches the filters.';
}

function renderAges() {
  for (const td of document.querySelectorAll('#alerts td.age')) td.textContent = age(td.dataset.since);
}

function openAck(a) {
  state.target = a;
  $('ack-what').textContent = a.device + ' ' + (a.series || a.rule);
  $('ack-comment').value = '';
  $('ack-dialog').showModal();
}

function openSilence(a) {
  state.target = a;
  $('silence-what').textContent = a.device + ' ' + (a.series || a.rule);
  $('silence-comment').value = '';
  $('silence-dialog').showModal();
}

async function confirmAck(e) {
  e.preventDefault();
  const a = state.target;
  const comment = $('ack-comment').value.trim();
  if (!comment) { $('ack-comment').focus(); return; }
  $('ack-dialog').close();
  try {
    const r = await send('POST', '/api/alerts/' + encodeURIComponent(a.id) + '/ack', { comment });
    if (r.alert && ACTIVE.has(r.alert.state)) {
      r.alert.lastReason = (state.alerts.get(a.id) || {}).lastReason;
      state.alerts.set(a.id, r.alert);
    }
    showMessage('Acknowledged ' + a.device + ' ' + (a.series || a.rule) + '.', false);
    render();
  } catch (err) {
    showMessage('Acknowledge failed: ' + err.message, true);
  }
}

async function confirmSilence(e) {
  e.preventDefault();
  const a = state.target;
  const comment = $('silence-comment').value.trim();
  if (!comment) { $('silence-comment').focus(); return; }
  $('silence-dialog').close();
  const parts = (a.series || '').split('/');
  const metric = parts.length === 3 ? parts[0] + '/' + parts[2] : '*';
  try {
    const s = await send('POST', '/api/silences', { device: a.device, metric, duration: $('silence-duration').value, comment });
    showMessage('Silenced ' + a.device + ' ' + metric + ' until ' + new Date(s.end).toLocaleString() + ' (' + s.id + ').', false);
  } catch (err) {
    showMessage('Silence failed: ' + err.message, true);
  }
}

function setupTheme() {
  const root = document.documentElement;
  const apply = (light) => {
    root.classList.toggle('light', light);
    $('theme').textContent = light ? 'Dark theme' : 'Light theme';
  };
  apply(localStorage.getItem('mibwatch.theme') === 'light');
  $('theme').addEventListener('click', () => {
    const light = !root.classList.contains('light');
    localStorage.setItem('mibwatch.theme', light ? 'light' : 'dark');
    apply(light);
  });
}

let audio = null;
function beep() {
  try {
    audio = audio || new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  } catch (e) { /* no audio device: the screen still shows it */ }
  document.body.dataset.beeps = String(Number(document.body.dataset.beeps || 0) + 1);
}

function setupSound() {
  // off by default: a NOC room decides to turn it on, per screen
  state.sound = localStorage.getItem('mibwatch.sound') === 'on';
  $('sound').checked = state.sound;
  $('sound').addEventListener('change', () => {
    state.sound = $('sound').checked;
    localStorage.setItem('mibwatch.sound', state.sound ? 'on' : 'off');
    if (state.sound) { audio = audio || new AudioContext(); }
  });
}

function setupFilters() {
  for (const id of ['f-device', 'f-severity', 'f-state', 'f-text']) {
    $(id).addEventListener('input', render);
  }
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  for (const b of document.querySelectorAll('.counter')) {
    b.addEventListener('click', () => {
      $('f-severity').value = $('f-severity').value === b.dataset.severity ? '' : b.dataset.severity;
      render();
    });
  }
  $('ack-form').addEventListener('submit', confirmAck);
  $('ack-cancel').addEventListener('click', () => $('ack-dialog').close());
  $('silence-form').addEventListener('submit', confirmSilence);
  $('silence-cancel').addEventListener('click', () => $('silence-dialog').close());
}

async function start() {
  const s = await session();
  if (s.role === 'reporter') { location.replace('/report'); return; }
  state.canOperate = s.role === 'operator' || s.role === 'admin';
  setupTheme();
  setupSound();
  setupFilters();
  await loadSnapshot();
  connect();
  setInterval(renderAges, 30000);
  // a wall screen is watched, not clicked: keep its session from idling out
  setInterval(() => getJson('/api/session').catch(() => {}), 5 * 60 * 1000);
}

start().catch((err) => showMessage('Cannot load alerts: ' + err.message, true));
