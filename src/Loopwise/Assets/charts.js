// Loopwise charts: Apache ECharts, loaded by app.js only on pages that have a `[data-chart]` element
// (esbuild splits it into its own chunk, so pages without charts never download ECharts).
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

window.htmx = htmx;

echarts.use([
  LineChart,
  BarChart,
  PieChart,
  ScatterChart,
  GaugeChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  MarkAreaComponent,
  TitleComponent,
  DatasetComponent,
  SVGRenderer,
]);

// Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

const charts = new Set();
// The option source of each element, kept because dispose() empties the container (and its JSON script).
const sources = new WeakMap();

function readInlineOption(el) {
  const script = el.querySelector(':scope > script[type="application/json"]');
  if (!script) {
    return null;
  }
  return JSON.parse(script.textContent || '{}');
}

async function loadOption(el) {
  const url = el.getAttribute('data-chart');
  if (url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}`);
    }
    return response.json();
  }
  const inline = readInlineOption(el);
  if (inline) {
    sources.set(el, inline);
    return inline;
  }
  if (sources.has(el)) {
    return sources.get(el);
  }
  throw new Error('data-chart has no URL and no <script type="application/json"> child');
}

function disposeChart(el) {
  const existing = echarts.getInstanceByDom(el);
  if (existing) {
    charts.delete(existing);
    existing.dispose();
  }
}

function showError(el, error) {
  el.setAttribute('data-chart-state', 'error');
  const message = document.createElement('p');
  message.className = 'chart-error';
  message.setAttribute('role', 'status');
  message.textContent = 'The chart could not be loaded.';
  el.replaceChildren(message);
  console.error('[loopwise] chart', error);
}

async function initChart(el) {
  // Read an inline option before dispose() wipes the container.
  const inline = el.getAttribute('data-chart') ? null : readInlineOption(el);
  if (inline) {
    sources.set(el, inline);
  }
  disposeChart(el);
  el.setAttribute('data-chart-state', 'loading');
  let option;
  try {
    option = await loadOption(el);
  } catch (error) {
    showError(el, error);
    return null;
  }
  if (!el.isConnected) {
    return null;
  }
  const label = el.getAttribute('data-chart-label');
  if (label) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label);
  }
  disposeChart(el);
  const chart = echarts.init(el, null, { renderer: 'svg' });
  const reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  chart.setOption({ color: palette, animation: !reduceMotion, ...option });
  chart.on('click', (params) => followLink(el, params));
  charts.add(chart);
  el.setAttribute('data-chart-state', 'ready');
  return chart;
}

// A data item with `link` (a page) opens it on click. With `partial` too and a `data-chart-target` on the chart
// element, the fragment is loaded into that target: through the page's own htmx link to the same fragment when there
// is one (a table row beside the chart), so history behaves exactly as when the row is clicked.
function followLink(el, params) {
  const item = params && params.data;
  if (!item || typeof item !== 'object' || typeof item.link !== 'string') {
    return;
  }
  const target = el.getAttribute('data-chart-target');
  if (target && typeof item.partial === 'string' && window.htmx && document.querySelector(target)) {
    const twin = [...document.querySelectorAll('a[hx-get]')].find((a) => a.getAttribute('hx-get') === item.partial);
    if (twin) {
      twin.click();
    } else {
      window.htmx.ajax('GET', item.partial, { target, swap: 'innerHTML' });
    }
    return;
  }
  window.location.assign(item.link);
}

function pruneDetached() {
  for (const chart of charts) {
    const dom = chart.getDom();
    if (!dom || !dom.isConnected) {
      charts.delete(chart);
      chart.dispose();
    }
  }
}

/**
 * (Re)initialises every `[data-chart]` element inside `root` (and `root` itself), plus any chart
 * element elsewhere in the document that has no chart yet. Charts whose element left the page are disposed.
 */
export function initCharts(root = document) {
  pruneDetached();
  const scope = root && root.querySelectorAll ? root : document;
  const targets = new Set(scope.querySelectorAll('[data-chart]'));
  if (scope instanceof Element && scope.matches('[data-chart]')) {
    targets.add(scope);
  }
  // An outerHTML swap replaces the target itself: pick up any chart that has no instance yet.
  for (const el of document.querySelectorAll('[data-chart]')) {
    if (!echarts.getInstanceByDom(el)) {
      targets.add(el);
    }
  }
  return Promise.all([...targets].map(initChart));
}

let resizeQueued = false;
function onResize() {
  if (resizeQueued) {
    return;
  }
  resizeQueued = true;
  window.requestAnimationFrame(() => {
    resizeQueued = false;
    pruneDetached();
    for (const chart of charts) {
      chart.resize();
    }
  });
}

window.addEventListener('resize', onResize);

export function chartOf(el) {
  return echarts.getInstanceByDom(el) || null;
}
