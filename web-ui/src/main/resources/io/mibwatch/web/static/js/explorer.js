// One metric across all devices: top-N with sparklines, and the series out of line
// (robust z-score from the median and MAD of all matched series).
import { getJson, el } from '/static/js/api.js';
import { sparkline, formatValue } from '/static/js/chart.js';

const $ = (id) => document.getElementById(id);

function head() {
  return el('tr', {}, el('th', {}, 'Device'), el('th', {}, 'Series'), el('th', {}, 'Name'),
    el('th', { class: 'num' }, 'Latest'), el('th', { class: 'num' }, 'Average'), el('th', { class: 'num' }, 'Max'),
    el('th', { class: 'num' }, 'Robust z'), el('th', {}, 'Last ' + $('range').value));
}

function row(r) {
  const href = '/devices/' + encodeURIComponent(r.device) + '?series=' + encodeURIComponent(r.series);
  return el('tr', { class: r.outlier ? 'outlier' : null, dataset: { device: r.device, series: r.series } },
    el('td', {}, el('a', { href }, r.device)),
    el('td', {}, r.series),
    el('td', {}, r.label),
    el('td', { class: 'num' }, formatValue(r.latest)),
    el('td', { class: 'num' }, formatValue(r.avg)),
    el('td', { class: 'num' }, formatValue(r.max)),
    el('td', { class: 'num' }, r.score === null ? '-' : r.score.toFixed(1), r.outlier ? el('span', { class: 'flag' }, ' !') : null),
    el('td', {}, sparkline(r.spark)));
}

async function run() {
  const q = new URLSearchParams({ metric: $('metric').value.trim(), top: $('top').value, range: $('range').value, by: $('by').value });
  history.replaceState(null, '', '/explorer?' + q);
  $('error').hidden = true;
  try {
    const a = await getJson('/api/explorer?' + q);
    $('summary').textContent = a.matched + ' series of ' + a.metric + (a.unit ? ' (' + a.unit + ')' : '')
      + '; median ' + formatValue(a.median) + ', MAD ' + formatValue(a.mad)
      + '; out of line when |robust z| > ' + a.cutoff;
    $('outlier-section').hidden = a.outliers.length === 0;
    document.querySelector('#outliers thead').replaceChildren(head());
    document.querySelector('#outliers tbody').replaceChildren(...a.outliers.map(row));
    $('top-title').textContent = 'Top ' + a.top.length + ' by ' + a.by;
    document.querySelector('#top-table thead').replaceChildren(head());
    document.querySelector('#top-table tbody').replaceChildren(...a.top.map(row));
  } catch (e) {
    $('error').textContent = e.message;
    $('error').hidden = false;
  }
}

async function init() {
  const p = new URLSearchParams(location.search);
  for (const k of ['metric', 'top', 'range', 'by']) if (p.get(k)) $(k).value = p.get(k);
  $('query').addEventListener('submit', (e) => { e.preventDefault(); run(); });
  try {
    const metrics = await getJson('/api/explorer/metrics');
    $('metrics').replaceChildren(...metrics.map((m) => el('option', { value: m.name }, m.name + ' (' + m.series + ')')));
  } catch (e) { /* the list is a convenience; the query still works */ }
  if ($('metric').value) run();
}

init();
