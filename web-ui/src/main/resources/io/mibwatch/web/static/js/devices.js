// The device list: poll status per device, filtered by the search box.
import { getJson, el } from '/static/js/api.js';

function status(d) {
  if (!d.configured) return el('span', { class: 'status-unknown' }, 'not configured (history only)');
  if (d.reachable === null) return el('span', { class: 'status-unknown' }, 'not polled yet');
  return d.reachable ? el('span', { class: 'status-up' }, 'reachable') : el('span', { class: 'status-down' }, 'unreachable');
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '-';
}

let all = [];

function render() {
  const q = document.getElementById('search').value.trim().toLowerCase();
  const rows = all.filter((d) => !q || d.name.toLowerCase().includes(q) || d.address.toLowerCase().includes(q)
    || (d.sysDescr || '').toLowerCase().includes(q));
  document.querySelector('#devices tbody').replaceChildren(...rows.map((d) => el('tr', { dataset: { device: d.name } },
    el('td', {}, el('a', { href: '/devices/' + encodeURIComponent(d.name) }, d.name)),
    el('td', {}, d.address),
    el('td', {}, status(d)),
    el('td', {}, when(d.lastPoll)),
    el('td', { class: 'num' }, d.lastDurationMs === null ? '-' : d.lastDurationMs + ' ms'),
    el('td', { class: 'num' }, d.consecutiveFailures),
    el('td', { class: 'num' }, d.failures + ' / ' + d.cycles),
    el('td', {}, d.lastError || ''))));
  document.getElementById('count').textContent = rows.length + ' of ' + all.length;
}

async function load() {
  try {
    all = await getJson('/api/devices');
    render();
  } catch (e) {
    const p = document.getElementById('error');
    p.textContent = 'Cannot load devices: ' + e.message;
    p.hidden = false;
  }
}

const search = document.getElementById('search');
search.value = new URLSearchParams(location.search).get('q') || '';
search.addEventListener('input', render);
load();
setInterval(load, 30000);
