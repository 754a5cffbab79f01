// Small SVG charts for graphs and sparklines, no library (the appliance may have no internet,
// and the CSP allows only our own scripts). All text goes through textContent.
const NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) n.setAttribute(k, String(v));
  }
  if (text !== undefined) n.textContent = String(text);
  return n;
}

/** 1234567 -> "1.23M"; keeps small numbers readable. */
export function formatValue(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  const a = Math.abs(v);
  const units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [f, s] of units) if (a >= f) return (v / f).toPrecision(3) + s;
  if (a === 0) return '0';
  return a >= 100 ? v.toFixed(0) : a >= 1 ? v.toPrecision(3) : v.toPrecision(2);
}

function timeLabel(ms, spanMs) {
  const d = new Date(ms);
  if (spanMs <= 2 * 86400e3) return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return d.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

/** Path "M x y L x y ..." of the known points; a gap (null) starts a new segment. */
function linePath(pts, x, y, key) {
  let d = '';
  let pen = false;
  for (const p of pts) {
    const v = p[key];
    if (v === null || v === undefined) { pen = false; continue; }
    d += (pen ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(v).toFixed(1) + ' ';
    pen = true;
  }
  return d.trim();
}

/**
 * A graph of one series document from GET /api/series: the line, and behind it the baseline
 * band (mean .. p90, with p75 dashed) when the baseline is armed.
 */
export function seriesChart(doc, opts = {}) {
  const W = opts.width || 640;
  const H = opts.height || 200;
  const L = 56; const R = 8; const T = 8; const B = 22;
  const pts = doc.points.map((p) => ({ t: Date.parse(p.at), v: p.value }));
  const band = (doc.band && doc.band.state === 'armed') ? doc.band.points.map((b) => ({
    t: Date.parse(b.at), mean: b.mean, p75: b.p75, p90: b.p90 })) : [];
  const values = pts.map((p) => p.v).filter((v) => v !== null);
  for (const b of band) for (const k of ['mean', 'p90']) if (b[k] !== null) values.push(b[k]);
  const t0 = Date.parse(doc.from); const t1 = Date.parse(doc.to);
  let lo = values.length ? Math.min(0, ...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (hi === lo) hi = lo + 1;
  const x = (t) => L + (W - L - R) * (t - t0) / Math.max(1, t1 - t0);
  const y = (v) => T + (H - T - B) * (1 - (v - lo) / (hi - lo));
  const svg = svgEl('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'data-points': values.length ? pts.filter((p) => p.v !== null).length : 0,
    'data-band': doc.band ? doc.band.state : 'none' });
  svg.append(svgEl('title', {}, doc.device + ' ' + doc.series + ' (' + doc.cf + ', ' + doc.range + ')'));
  // axes and labels
  svg.append(svgEl('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B }));
  svg.append(svgEl('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }));
  svg.append(svgEl('text', { class: 'tick', x: L - 4, y: T + 10, 'text-anchor': 'end' }, formatValue(hi)));
  svg.append(svgEl('text', { class: 'tick', x: L - 4, y: H - B, 'text-anchor': 'end' }, formatValue(lo)));
  svg.append(svgEl('text', { class: 'tick', x: L, y: H - 6 }, timeLabel(t0, t1 - t0)));
  svg.append(svgEl('text', { class: 'tick', x: W - R, y: H - 6, 'text-anchor': 'end' }, timeLabel(t1, t1 - t0)));
  if (doc.unit) svg.append(svgEl('text', { class: 'tick unit', x: L + 4, y: T + 10 }, doc.unit));
  if (band.length) {
    // band polygon: p90 left to right, then mean right to left; gaps close the polygon
    let d = '';
    let run = [];
    const flush = () => {
      if (run.length > 1) {
        d += 'M' + run.map((b) => x(b.t).toFixed(1) + ' ' + y(b.p90).toFixed(1)).join(' L')
          + ' L' + run.slice().reverse().map((b) => x(b.t).toFixed(1) + ' ' + y(b.mean).toFixed(1)).join(' L') + ' Z ';
      }
      run = [];
    };
    for (const b of band) {
      if (b.p90 === null || b.mean === null) flush(); else run.push(b);
    }
    flush();
    svg.append(svgEl('path', { class: 'band', d: d.trim() }));
    svg.append(svgEl('path', { class: 'band-p75', d: linePath(band, x, y, 'p75') }));
  }
  svg.append(svgEl('path', { class: 'line', d: linePath(pts, x, y, 'v') }));
  // a value with no known neighbour draws no line segment: show it as a dot (a new series'
  // first row, a value between gaps)
  pts.forEach((p, i) => {
    const known = (q) => q !== undefined && q.v !== null && q.v !== undefined;
    if (known(p) && !known(pts[i - 1]) && !known(pts[i + 1])) {
      svg.append(svgEl('circle', { class: 'dot', cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 2.5 }));
    }
  });
  return svg;
}

/** A sparkline of [{at, value}] points: no axes, fixed small size. */
export function sparkline(points, opts = {}) {
  const W = opts.width || 120; const H = opts.height || 24;
  const pts = points.map((p) => ({ t: Date.parse(p.at), v: p.value }));
  const vals = pts.map((p) => p.v).filter((v) => v !== null);
  const svg = svgEl('svg', { class: 'spark', viewBox: `0 0 ${W} ${H}`, width: W, height: H,
    'data-points': vals.length });
  if (!vals.length || pts.length < 2) return svg;
  let lo = Math.min(...vals); let hi = Math.max(...vals);
  if (hi === lo) { hi += 1; lo -= 1; }
  const t0 = pts[0].t; const t1 = pts[pts.length - 1].t;
  const x = (t) => 1 + (W - 2) * (t - t0) / Math.max(1, t1 - t0);
  const y = (v) => 1 + (H - 2) * (1 - (v - lo) / (hi - lo));
  svg.append(svgEl('path', { class: 'line', d: linePath(pts, x, y, 'v') }));
  return svg;
}
