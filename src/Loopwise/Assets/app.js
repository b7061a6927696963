// Loopwise admin UI bundle: htmx for progressive enhancement; charts.js (Apache ECharts) is imported on demand.
// Bundled by esbuild (scripts/build-assets.mjs) into wwwroot/dist/app.js. No CDN.
//
// Chart auto-init: any element with a `data-chart` attribute becomes a chart.
//   <div data-chart="/api/v1/dashboards/nps/chart" data-chart-label="NPS by month"></div>
//     -> the attribute value is a URL that returns an ECharts option as JSON.
//   <div data-chart data-chart-label="Responses by channel">
//     <script type="application/json">{ "series": [ ... ] }</script>
//   </div>
//     -> an empty attribute means: read the option from the child JSON script.
// Charts are re-initialised after htmx swaps and resized when the window resizes.

import htmx from 'htmx.org';

window.htmx = htmx;

let chartsModule = null;
function loadCharts() {
  chartsModule ??= import('./charts.js');
  return chartsModule;
}

async function initCharts(root = document) {
  if (!document.querySelector('[data-chart]')) {
    return [];
  }
  const charts = await loadCharts();
  return charts.initCharts(root);
}

document.addEventListener('htmx:afterSwap', (event) => {
  const target = event.detail && event.detail.target ? event.detail.target : document;
  initCharts(target);
  // A swapped-in fragment may name the element that takes focus (e.g. a drill-down's heading), so keyboard and
  // screen-reader users land on what they asked for.
  const focus = target.querySelector && target.querySelector('[data-swap-focus]');
  if (focus) {
    focus.focus({ preventScroll: true });
    focus.scrollIntoView({ block: 'start', behavior: 'auto' });
  }
});

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => initCharts(document), { once: true });
} else {
  initCharts(document);
}

// Small hook for pages and browser tests.
window.Loopwise = Object.freeze({
  initCharts,
  chartOf: async (el) => (await loadCharts()).chartOf(el),
});
