#!/usr/bin/env node
// What a first search costs a reader: a fresh browser (empty cache) opens the
// results page as the search form of any page leads there (`/buscar/?q=…`),
// and every byte it loads until the first results are shown is counted — the
// page, its CSS and scripts, the index shards of the words and the small files
// of what the results show. Prints, per query, the bytes by kind (as served,
// and gzipped as GitHub Pages would send them) and the results shown.
//
//   node bench/search_transfer.mjs OUT_DIR BASE_PATH [QUERY…]
//   (after tests/browser/lib/setup.sh has installed the npm packages)
import zlib from 'node:zlib';
import { startServer } from '../tests/browser/lib/server.mjs';
import { launchBrowser } from '../tests/browser/lib/browser.mjs';
import { normaliseBase } from '../tests/browser/lib/site.mjs';

const [outDir, baseArg = '/', ...asked] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/search_transfer.mjs OUT_DIR BASE_PATH [QUERY…]');
  process.exit(2);
}
const base = normaliseBase(baseArg);
const queries = asked.length ? asked : ['transito', 'escuela', 'presupuesto', 'colonia', 'accidentes xalapa', 'Guadalajara'];
const server = await startServer(outDir, base);
const browser = await launchBrowser();

const kindOf = (url) => (url.includes('/buscar/indice/') ? 'shards'
  : url.includes('/buscar/docs/') ? 'results files'
    : url.endsWith('.js') ? 'scripts' : url.endsWith('.css') ? 'css' : 'page');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

let worst = 0;
for (const query of queries) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => {
    bodies.push(response.body().then((body) => ({ url: response.url(), body })).catch(() => null));
  });
  await page.goto(`${server.origin}${base}buscar/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.getElementById('result-status').textContent !== '', null, { timeout: 60_000 });
  await page.waitForFunction(() => document.getElementById('result-list').children.length > 0
    || !document.getElementById('no-results').hidden, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const shown = await page.$$eval('#result-list > li', (l) => l.length);
  const count = await page.textContent('#result-count');
  const loaded = (await Promise.all(bodies)).filter(Boolean);
  const by = {};
  let total = 0;
  let gzipped = 0;
  for (const { url, body } of loaded) {
    const kind = kindOf(url);
    const zipped = zlib.gzipSync(body).length;
    by[kind] = by[kind] || { bytes: 0, gzipped: 0, files: 0 };
    by[kind].bytes += body.length;
    by[kind].gzipped += zipped;
    by[kind].files += 1;
    total += body.length;
    gzipped += zipped;
  }
  worst = Math.max(worst, total);
  console.log(`first query "${query}": ${kb(total)} (${kb(gzipped)} gzipped) in ${loaded.length} files; ${count.trim()}, ${shown} shown`);
  for (const [kind, v] of Object.entries(by)) {
    console.log(`    ${kind.padEnd(14)} ${kb(v.bytes).padStart(10)} (${kb(v.gzipped)} gzipped) in ${v.files} file(s)`);
  }
  await context.close();
}
console.log(`largest first query: ${kb(worst)}`);
await browser.close();
await server.close();
process.exit(0);
