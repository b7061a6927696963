// Bundles src/Loopwise/Assets into src/Loopwise/wwwroot/dist with esbuild.
// Called by src/Loopwise/Assets/Assets.targets before every build of the web app (skipped when nothing changed),
// or by hand: `npm run build:assets` (add `-- --dev` for unminified output with inline source maps).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'src', 'Loopwise', 'Assets');
const outdir = join(root, 'src', 'Loopwise', 'wwwroot', 'dist');
const dev = process.argv.includes('--dev');

// Size budgets (minified bytes) from the architecture notes: the respondent page must stay light.
const budgets = { 'respondent.css': 6 * 1024, 'widget.js': 4 * 1024 };

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15', 'edge100'],
  outdir,
  write: true,
  metafile: true,
};

// Chunk names carry a content hash: clear old ones so dist/ holds only what this build produced.
rmSync(join(outdir, 'chunks'), { recursive: true, force: true });

const results = await Promise.all([
  build({
    ...common,
    entryPoints: [join(assets, 'app.js')],
    // An ES module with code splitting: ECharts (charts.js) becomes its own chunk, fetched only by pages with charts.
    // Load it with <script type="module" src="/dist/app.js">.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
  }),
  build({ ...common, entryPoints: [join(assets, 'widget.js')], format: 'iife' }),
  build({ ...common, entryPoints: [join(assets, 'app.css'), join(assets, 'respondent.css')], loader: { '.css': 'css' } }),
]);

let failed = false;
for (const result of results) {
  for (const file of Object.keys(result.metafile.outputs)) {
    const bytes = readFileSync(join(root, file));
    const name = relative(outdir, join(root, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const budget = budgets[name];
    const over = !dev && budget !== undefined && bytes.length > budget;
    failed ||= over;
    console.log(
      `${name.padEnd(16)} ${String(bytes.length).padStart(8)} B  gzip ${String(gzip).padStart(7)} B` +
        (budget ? `  (budget ${budget} B${over ? ', OVER' : ''})` : ''),
    );
  }
}
if (failed) {
  console.error('build-assets: a bundle is over its size budget');
  process.exit(1);
}
