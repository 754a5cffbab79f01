// Apdex per service, with an hourly trend sparkline.
import { getJson, el } from '/static/js/api.js';
import { sparkline } from '/static/js/chart.js';

export function apdexClass(v) {
  if (v === null || v === undefined) return 'muted';
  return v >= 0.85 ? 'apdex-good' : v >= 0.7 ? 'apdex-fair' : 'apdex-poor';
}

async function load() {
  try {
    const rows = await getJson('/api/services');
    const box = document.getElementById('services');
    if (!rows.length) { box.replaceChildren(el('p', { class: 'muted' }, 'No services configured (services: in mibwatch.yaml).')); return; }
    box.replaceChildren(...rows.map((s) => el('section', { class: 'card', dataset: { service: s.name } },
      el('h2', {}, el('a', { href: '/services/' + encodeURIComponent(s.name) }, s.name)),
      el('div', { class: 'score ' + apdexClass(s.apdex.apdex) }, s.apdex.apdex === null ? 'no data' : s.apdex.apdex.toFixed(2)),
      sparkline(s.trend.map((t) => ({ at: t.to, value: t.apdex })), { width: 220, height: 32 }),
      el('p', { class: 'muted' }, s.apdex.total + ' samples, ' + s.members + ' metric(s), '
        + s.complaints + ' complaint(s) in 24 h'))));
  } catch (e) {
    const p = document.getElementById('error');
    p.textContent = e.message;
    p.hidden = false;
  }
}

load();
setInterval(load, 60000);
