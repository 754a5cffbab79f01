// One service: Apdex trend, members, complaints, and the red button analysis with Adopt (admins).
import { getJson, send, session, el } from '/static/js/api.js';
import { seriesChart, formatValue } from '/static/js/chart.js';

const name = decodeURIComponent(location.pathname.replace(/^\/services\//, ''));
const base = '/api/services/' + encodeURIComponent(name);
let range = '1d';
const $ = (id) => document.getElementById(id);

function fail(e) {
  $('error').textContent = e.message;
  $('error').hidden = false;
}

function num(v) { return v === null || v === undefined ? '-' : formatValue(v); }

async function loadApdex() {
  const s = await getJson(base + '?range=' + range);
  $('score').textContent = 'Apdex ' + (s.apdex.apdex === null ? 'no data' : s.apdex.apdex.toFixed(2))
    + ' over ' + s.apdex.total + ' samples (' + s.apdex.satisfied + ' satisfied, ' + s.apdex.tolerating
    + ' tolerating, ' + s.apdex.frustrated + ' frustrated); trend per ' + (s.windowSeconds / 60) + ' min';
  $('trend').replaceChildren(seriesChart({ device: name, series: 'apdex', cf: 'Apdex', range, unit: 'Apdex',
    from: s.from, to: s.to, band: { state: 'none' }, points: s.trend.map((t) => ({ at: t.to, value: t.apdex })) },
  { height: 160 }));
  document.querySelector('#members tbody').replaceChildren(...s.members.map((m) => el('tr', {},
    el('td', {}, el('a', { href: '/devices/' + encodeURIComponent(m.device) }, m.device)),
    el('td', {}, el('a', { href: '/devices/' + encodeURIComponent(m.device) + '?series=' + encodeURIComponent(m.series) }, m.series),
      m.stored ? null : el('span', { class: 'muted' }, ' (no stored data)')),
    el('td', { class: 'num' }, formatValue(m.t) + (m.unit ? ' ' + m.unit : '')),
    el('td', {}, m.lowerIsBetter ? 'lower' : 'higher'),
    el('td', { class: 'num' }, m.apdex.apdex === null ? '-' : m.apdex.apdex.toFixed(2)),
    el('td', { class: 'num' }, m.apdex.total))));
  $('complaint-summary').textContent = s.complaints.length + ' complaint(s) in this range';
  document.querySelector('#complaints tbody').replaceChildren(...s.complaints.slice().reverse().map((c) => el('tr', {},
    el('td', {}, new Date(c.at).toLocaleString()), el('td', {}, c.user))));
}

async function adopt(series, button) {
  button.disabled = true;
  try {
    const r = await send('POST', base + '/suggestions/adopt', { series });
    $('adopted').textContent = 'Suggestion ' + r.id + ' for ' + r.series + ' ' + r.outcome.replace('_', ' ')
      + (r.adopted_by ? ' (by ' + r.adopted_by + ')' : '') + '. mibwatch.yaml is not rewritten; add this and reload:\n\n' + r.yaml;
    $('adopted').hidden = false;
    await loadSuggestions();
  } catch (e) {
    button.disabled = false;
    fail(e);
  }
}

async function loadSuggestions() {
  const [a, s] = await Promise.all([getJson(base + '/suggestions'), session()]);
  $('suggest-summary').textContent = a.complaints_accepted + ' complaint(s) used over ' + a.days + ' days, '
    + a.complaints_outside_active + ' outside active periods (ignored), ' + a.complaints_rate_limited
    + ' over the per-user limit of one per ' + a.rate_limit_minutes + ' min'
    + (a.enough_complaints ? '' : '; at least ' + a.min_complaints + ' are needed before anything is suggested');
  document.querySelector('#suggestions tbody').replaceChildren(...a.metrics.map((m, i) => {
    let action = null;
    if (m.significant && s.role === 'admin') {
      action = m.stored && m.stored.adopted_at
        ? el('span', { class: 'muted' }, 'adopted by ' + m.stored.adopted_by)
        : el('button', { type: 'button', class: 'adopt', dataset: { series: m.series },
          onclick: (e) => adopt(m.series, e.currentTarget) }, 'Adopt');
    }
    return el('tr', { dataset: { series: m.series } },
      el('td', {}, i + 1),
      el('td', {}, el('a', { href: '/devices/' + encodeURIComponent(m.device) + '?series=' + encodeURIComponent(m.path) }, m.series)),
      el('td', { class: m.significant ? 'flag' : 'muted' }, m.significant ? 'significant' : 'not significant'),
      el('td', { class: 'num' }, m.p.toPrecision(3)),
      el('td', { class: 'num' }, m.cliffs_delta.toFixed(2)),
      el('td', { class: 'num' }, num(m.complaint_windows.median)),
      el('td', { class: 'num' }, num(m.normal_windows.median)),
      el('td', { class: 'num' }, num(m.t_frustrated)),
      el('td', { class: 'num' }, num(m.t_satisfied)),
      el('td', { class: 'num' }, num(m.apdex_t)),
      el('td', {}, action));
  }));
}

function renderRanges() {
  $('ranges').replaceChildren(...['1h', '1d', '1w'].map((r) => el('button', { type: 'button',
    class: r === range ? 'current' : null, onclick: () => { range = r; renderRanges(); loadApdex().catch(fail); } }, r)));
}

$('title').textContent = name;
document.title = 'mibwatch - ' + name;
renderRanges();
loadApdex().catch(fail);
loadSuggestions().catch(fail);
