// A device page: poll status, sysDescr, and a graph per metric grouped by section.
// ?series=group/instance/metric scrolls to (and highlights) that metric's graph.
import { getJson, el } from '/static/js/api.js';
import { seriesChart } from '/static/js/chart.js';

const RANGES = ['1h', '1d', '1w', '1m', '1y'];
const params = new URLSearchParams(location.search);
const device = decodeURIComponent(location.pathname.replace(/^\/devices\//, ''));
let range = RANGES.includes(params.get('range')) ? params.get('range') : '1d';
const focus = params.get('series');

function seriesUrl(group, segment, metric) {
  return '/api/series/' + [device, group, segment, metric].map(encodeURIComponent).join('/')
    + '?range=' + range + '&cf=' + document.getElementById('cf').value;
}

async function draw(fig) {
  const { group, segment, metric } = fig.dataset;
  const box = fig.querySelector('.plot');
  try {
    const doc = await getJson(seriesUrl(group, segment, metric));
    // A group's RRD file holds every column of the group, polled or not (an agent may not
    // answer some of them): a panel of empty axes says nothing, one muted line says it all.
    const hasData = doc.points.some((p) => p.value !== null);
    fig.classList.toggle('empty', !hasData);
    box.replaceChildren(hasData ? seriesChart(doc) : el('p', { class: 'muted no-data' }, 'no data in this range'));
    fig.querySelector('.band-state').textContent = doc.band.state === 'learning'
      ? 'baseline: learning' : doc.band.state === 'armed' ? 'baseline: ' + doc.band.slot + ' slots' : '';
  } catch (e) {
    box.replaceChildren(el('span', { class: 'error' }, e.message));
  }
}

// draw graphs as they scroll into view: a switch with 48 ports has hundreds of series
const observer = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (e.isIntersecting) { observer.unobserve(e.target); draw(e.target); }
  }
}, { rootMargin: '200px' });

function redrawAll() {
  for (const fig of document.querySelectorAll('figure.graph')) {
    observer.unobserve(fig);
    observer.observe(fig);
  }
}

function renderRanges() {
  document.getElementById('ranges').replaceChildren(...RANGES.map((r) => el('button', {
    type: 'button', class: r === range ? 'current' : null, dataset: { range: r },
    onclick: () => { range = r; renderRanges(); redrawAll(); } }, r)));
}

function statusLine(d) {
  if (!d.configured) return 'Not configured any more; stored history only.';
  if (d.reachable === null) return 'Not polled yet.';
  const s = (d.reachable ? 'Reachable' : 'Unreachable') + ' - last poll ' + new Date(d.lastPoll).toLocaleString()
    + ' (' + d.lastDurationMs + ' ms), ' + d.failures + ' failed of ' + d.cycles + ' cycles';
  if (d.reachable) return d.lastError ? s + '; last cycle in part: ' + d.lastError : s;
  return s + ', ' + d.consecutiveFailures + ' in a row: ' + (d.lastError || '');
}

async function load() {
  document.getElementById('title').textContent = device;
  document.title = 'mibwatch - ' + device;
  renderRanges();
  document.getElementById('cf').addEventListener('change', redrawAll);
  let doc;
  try {
    doc = await getJson('/api/devices/' + encodeURIComponent(device));
  } catch (e) {
    const p = document.getElementById('error');
    p.textContent = e.message;
    p.hidden = false;
    return;
  }
  document.getElementById('status').textContent = statusLine(doc.device);
  document.getElementById('sysdescr').textContent = doc.device.sysDescr || '';
  let focused = null;
  const sections = doc.groups.map((g) => el('section', { class: 'category', id: 'cat-' + g.key },
    el('h2', {}, g.title),
    ...g.instances.map((i) => el('div', { class: 'instance' },
      el('h3', {}, i.group + (i.instance ? ' ' + i.instance : ''), i.label ? ' - ' + i.label : '',
        i.alias ? el('span', { class: 'alias' }, i.alias) : null),
      el('div', { class: 'graphs' }, ...i.series.map((s) => {
        const fig = el('figure', { class: 'graph', id: 'g-' + s.path,
          dataset: { group: i.group, segment: i.segment, metric: s.metric, path: s.path } },
        el('figcaption', {}, s.metric + (s.unit ? ' (' + s.unit + ')' : ''), ' ', el('span', { class: 'band-state muted' })),
        el('div', { class: 'plot' }, el('span', { class: 'muted' }, 'loading...')));
        if (focus && s.path === focus) focused = fig;
        return fig;
      }))))));
  document.getElementById('groups').replaceChildren(...sections);
  if (focus && !focused) {
    const p = document.getElementById('error');
    p.textContent = 'No stored series ' + focus + ' on ' + device;
    p.hidden = false;
  }
  if (focused) {
    focused.classList.add('focus');
    draw(focused);
    focused.scrollIntoView({ block: 'center' });
  }
  for (const fig of document.querySelectorAll('figure.graph')) if (fig !== focused) observer.observe(fig);
}

load();
