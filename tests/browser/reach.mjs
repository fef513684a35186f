#!/usr/bin/env node
// What citizens and reusers meet first, as they meet it, in headless Chromium:
// search from the home page and from a dataset page's header, a dataset found
// by a value in its rows (and why), a story's chart framed by another site,
// and every old address of a renamed dataset leading to the new one.
//
//   node tests/browser/reach.mjs OUT_DIR BASE_PATH
//   e.g. abierto build example-site -o /tmp/site --base-url https://red.example.org/red/
//        node tests/browser/reach.mjs /tmp/site /red/
//
// Expects the example site (xalapa/semaforos was xalapa/semaforos-2014). Prints
// each story as PASS/FAIL, then "N passed, N failed"; exit status 0 when all
// pass, 1 when one fails, 2 when it could not run.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { assert, start, stories } from './lib/stories.mjs';
import { normaliseBase, walk } from './lib/site.mjs';

const [outDir, baseArg = '/'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node reach.mjs OUT_DIR BASE_PATH');
  process.exit(2);
}
const base = normaliseBase(baseArg);

const { story, finish } = stories();

const { server, browser } = await start(outDir, base);
const site = `${server.origin}${base}`;
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));

// The results shown: [kind, href, why] of each card, once the count is said.
async function results() {
  await page.waitForFunction(() => document.getElementById('result-status').textContent !== '', null, { timeout: 10_000 });
  await page.waitForFunction(() => {
    const list = document.getElementById('result-list');
    return list.children.length > 0 || !document.getElementById('no-results').hidden;
  }, null, { timeout: 10_000 });
  return page.$$eval('#result-list > li', (lis) => lis.map((li) => [
    li.querySelector('.result-kind').textContent,
    li.querySelector('.card-title a').getAttribute('href'),
    (li.querySelector('.result-why') || { textContent: '' }).textContent,
  ]));
}

// Types `words` in the header's search box of the page at `from` and presses Enter.
async function searchFrom(from, words) {
  await page.goto(from);
  await page.fill('#buscar-sitio', words);
  await Promise.all([page.waitForURL(/\/buscar\/\?/), page.press('#buscar-sitio', 'Enter')]);
  assert(page.url().startsWith(`${site}buscar/?q=`), `the search went to ${page.url()}`);
  return results();
}

await story('searching from the home page lists every kind of result, each labelled', async () => {
  const prominent = await page.goto(site).then(() => page.isVisible('.site-search-prominent label'));
  assert(prominent, 'the home page\'s search box has no visible label');
  const found = await searchFrom(site, 'movilidad');
  const kinds = new Set(found.map((r) => r[0]));
  assert(kinds.has('Conjunto de datos') && kinds.has('Historia'), `kinds: ${[...kinds].join(', ')}`);
  assert(found.some((r) => r[1] === `${base}datos/morelos/movilidad-estudiantil/`), `results: ${found.map((r) => r[1]).join(', ')}`);
  await page.check('#mostrar-s');
  await page.waitForFunction(() => location.search.includes('mostrar=s'));
  const stories = await results();
  assert(stories.length > 0 && stories.every((r) => r[0] === 'Historia'), `only stories: ${stories.map((r) => r[0]).join(', ')}`);
});

await story('searching from a dataset page\'s header finds a dataset by a value in its rows, and says why', async () => {
  const found = await searchFrom(`${site}datos/xalapa/semaforos/`, 'Guadalajara');
  const hit = found.find((r) => r[1] === `${base}datos/jalisco/indicadores-sociales-municipales/`);
  assert(hit, `Guadalajara (only in the rows) did not find the indicators: ${found.map((r) => r[1]).join(', ')}`);
  assert(hit[2] === 'En los datos: columna municipio', `why: "${hit[2]}"`);
  const catalogLink = await page.getAttribute('#in-catalog', 'href');
  assert(catalogLink === `${base}datos/?q=Guadalajara`, `the catalog link is ${catalogLink}`);
});

await story('without JavaScript the header\'s form leads to the catalog, which lists everything', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(`${site}datos/xalapa/semaforos/`);
  await p.fill('#buscar-sitio', 'Guadalajara');
  await Promise.all([p.waitForURL(/\/datos\/\?q=/), p.press('#buscar-sitio', 'Enter')]);
  const cards = await p.$$eval('#catalog-cards > li.card', (l) => l.length);
  assert(cards >= 20, `the catalog lists ${cards} datasets`);
  await noJs.close();
});

await story('a story\'s chart, framed by another site, renders there', async () => {
  await page.goto(`${site}historias/morelos/movilidad-estudiantil/`);
  const code = await page.$eval('figure.chart-bars + details.embed-share textarea', (t) => t.value);
  assert(/^<iframe src="https:\/\/[^"]+\/insertar\/historias\//.test(code), `the code to copy: ${code}`);
  // Another site (another port, another origin) pastes the code; its address
  // points at the portal where it is published, here the local server.
  const framed = code.replace(/src="https?:\/\/[^/]+\//, `src="${server.origin}/`);
  const other = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Nota</title></head><body><h1>Una nota</h1>${framed}</body></html>`);
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  try {
    await page.goto(`http://127.0.0.1:${other.address().port}/`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('figure.embed-chart svg .bar');
    const bars = await frame.$$eval('svg .bar', (b) => b.map((x) => x.getBoundingClientRect().width));
    assert(bars.length > 2 && bars.every((w) => w > 0), `bars drawn: ${bars.join(', ')}`);
    const license = await frame.$eval('footer a[rel=license]', (a) => a.textContent);
    assert(license.length > 0, 'no licence in the frame');
    const target = await frame.$eval('base', (b) => b.getAttribute('target'));
    assert(target === '_blank', 'links would open inside the frame');
  } finally {
    other.close();
  }
});

await story('every old address of a renamed dataset leads to the new one', async () => {
  const renamed = 'xalapa/semaforos';
  const former = 'xalapa/semaforos-2014';
  const scopes = [`datos/${renamed}/`, `descargas/${renamed}/`, `insertar/datos/${renamed}/`, `api/v1/datasets/${renamed}.json`];
  const addresses = walk(outDir)
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => scopes.some((s) => f.startsWith(s)))
    .filter((f) => !f.endsWith('/datos.bin'));
  for (const scope of scopes) {
    assert(addresses.some((a) => a.startsWith(scope)), `no address under ${scope}: ${addresses.join(', ')}`);
  }
  const broken = [];
  for (const file of addresses) {
    const now = file.replace(/index\.html$/, '');
    const old = now.replace(renamed, former);
    if (file.endsWith('index.html')) {
      await page.goto(`${site}${old}`);
      await page.waitForURL(`${site}${now}`, { timeout: 5000 }).catch(() => {});
      if (page.url() !== `${site}${now}`) broken.push(`${old} → ${page.url()}, not ${now}`);
    } else {
      const res = await page.request.get(`${site}${old}`);
      const same = res.status() === 200 && Buffer.compare(await res.body(), fs.readFileSync(path.join(outDir, file))) === 0;
      if (!same) broken.push(`${old}: ${res.status()}, not the bytes of ${now}`);
    }
  }
  assert(broken.length === 0, broken.join('\n'));
});

await story('no JavaScript error', async () => {
  assert(errors.length === 0, errors.join('\n'));
});

await browser.close();
await server.close();
process.exit(finish());
