#!/usr/bin/env node
// The table explorer as a reader uses it, in headless Chromium, on a table of
// many rows (tests/browser/explore/make_site.py makes it): every answer the
// page gives is compared with the same query worked out here from the CSV.
//
//   node tests/browser/explore.mjs OUT_DIR BASE_PATH CSV
//
// Prints each story as PASS/FAIL, the figures (bytes of the first screen, time
// of each sort and filter: printed, not asserted), then "N passed, N failed";
// exit status 0 when all pass, 1 when one fails, 2 when it could not run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, start, stories } from './lib/stories.mjs';
import { normaliseBase } from './lib/site.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [outDir, baseArg = '/', csvFile] = process.argv.slice(2);
if (!outDir || !csvFile) {
  console.error('usage: node explore.mjs OUT_DIR BASE_PATH CSV');
  process.exit(2);
}
const base = normaliseBase(baseArg);
const EXPLORER = 'datos/prueba/incidentes/explorar/incidentes/';
const FIRST_SCREEN_LIMIT = 200_000;
const PAGE_ROWS = 25;

const { story, finish } = stories();
const figures = [];
function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}:\n  got      ${a.slice(0, 600)}\n  expected ${e.slice(0, 600)}`);
}
function figure(name, value) {
  figures.push(`${name}: ${value}`);
}

// ---- the expected answers, from the CSV (no quotes in it: make_site.py writes none) ----
const lines = fs.readFileSync(csvFile, 'utf8').split('\n').filter((l) => l !== '');
const header = lines[0].split(',');
const rows = lines.slice(1).map((l) => {
  assert(!l.includes('"'), `a quoted cell in ${csvFile}: this test reads plain cells only`);
  return l.split(',');
});
const col = Object.fromEntries(header.map((h, i) => [h, i]));
const plain = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const amount = (row) => (row[col.monto] === '' ? null : Number(row[col.monto]));
// Rows in the file's order (stable), by amount, empty amounts last either way.
function byAmount(list, descending) {
  const withAmount = list.filter((r) => amount(r) !== null);
  const sorted = withAmount.map((r, i) => [r, i]).sort((a, b) =>
    (descending ? amount(b[0]) - amount(a[0]) : amount(a[0]) - amount(b[0])) || a[1] - b[1]).map((p) => p[0]);
  return sorted.concat(list.filter((r) => amount(r) === null));
}
const csvOf = (list) => [header, ...list].map((r) => r.join(',')).join('\r\n') + '\r\n';

// ---- the browser ----
const { server, browser } = await start(outDir, base);
const url = `${server.origin}${base}${EXPLORER}`;
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX', acceptDownloads: true });
const elsewhere = [];
await context.route((u) => (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== server.host, (route) => {
  elsewhere.push(route.request().url());
  return route.abort('blockedbyclient');
});
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const requests = [];
page.on('request', (r) => requests.push(r.url()));

const shownRows = () => page.$$eval('#explorador-tabla tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)));
// The "N de M filas coinciden" count, or all rows when nothing is filtered.
async function shownCount() {
  const said = await page.textContent('#explorador-estado');
  const m = /^([\d\s\u00a0\u202f,.]+) de ([\d\s\u00a0\u202f,.]+) filas coinciden/.exec(said);
  if (m) return Number(m[1].replace(/\D/g, ''));
  if (/^Ninguna fila/.test(said)) return 0;
  const all = /de ([\d\s\u00a0\u202f,.]+)$/.exec(said);
  assert(all, `the status says "${said}"`);
  return Number(all[1].replace(/\D/g, ''));
}
// Runs `act` in the page and waits for the explorer to show its answer; the milliseconds it took.
async function timed(act, arg) {
  return page.evaluate(async ([code, value]) => {
    const start = performance.now();
    const form = document.getElementById('explorador');
    if (code === 'sort') document.querySelectorAll('#explorador-tabla thead button')[value].click();
    else if (code === 'search') { document.getElementById('explorador-buscar').value = value; form.requestSubmit(); }
    else if (code === 'fields') {
      for (const [id, v] of Object.entries(value)) document.getElementById(id).value = v;
      form.requestSubmit();
    }
    await window.abiertoExplorer.ready;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  }, [act, arg]);
}
// Back to the whole table in the file's order (each story starts there, whatever the one before left).
async function clear() {
  await page.click('#explorador-limpiar');
  await page.evaluate(() => window.abiertoExplorer.ready);
}
const ms = (t) => `${Math.round(t)} ms`;

await story('the first screen shows the first rows after under 200 KB, without the table\'s data', async () => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes = new Map();
  const names = new Map();
  cdp.on('Network.requestWillBeSent', (e) => names.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => window.abiertoExplorer.ready);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.detach();
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const list = [...sizes].filter(([id]) => !names.get(id).startsWith('data:'))
    .map(([id, n]) => `${names.get(id).replace(server.origin, '')} ${n}`);
  figure('first screen', `${total} bytes in ${sizes.size} requests (${list.join(', ')})`);
  assert(total < FIRST_SCREEN_LIMIT, `the first screen transferred ${total} bytes: ${list.join(', ')}`);
  assert(![...names.values()].some((u) => u.endsWith('datos.bin')), 'the first screen fetched the whole table');
  same(await shownRows(), rows.slice(0, PAGE_ROWS), 'the first rows');
  same(await shownCount(), rows.length, 'the rows said');
});

await story('sorting by amount puts the smallest first, then the largest, empty amounts last', async () => {
  const first = await timed('sort', col.monto);
  figure('first sort (amount; fetches and reads the data)', ms(first));
  same(await shownRows(), byAmount(rows, false).slice(0, PAGE_ROWS), 'ascending');
  const second = await timed('sort', col.monto);
  figure('sort again (amount, descending)', ms(second));
  same(await shownRows(), byAmount(rows, true).slice(0, PAGE_ROWS), 'descending');
  same(await page.getAttribute(`#explorador-tabla thead th:nth-child(${col.monto + 1})`, 'aria-sort'), 'descending', 'aria-sort');
  await page.click('#explorador-siguiente');
  await page.evaluate(() => window.abiertoExplorer.ready);
  same(await shownRows(), byAmount(rows, true).slice(PAGE_ROWS, 2 * PAGE_ROWS), 'the second page');
  const dates = await timed('sort', col.fecha);
  figure('sort by date', ms(dates));
  const byDate = rows.map((r, i) => [r, i]).sort((a, b) => (a[0][col.fecha] < b[0][col.fecha] ? -1 : a[0][col.fecha] > b[0][col.fecha] ? 1 : a[1] - b[1])).map((p) => p[0]);
  same(await shownRows(), byDate.slice(0, PAGE_ROWS), 'by date');
});

await story('typing «tonala» finds the rows of Tonalá, accents and case aside', async () => {
  await clear();
  const t = await timed('search', 'tonala');
  figure('text search «tonala» (every column)', ms(t));
  const expected = rows.filter((r) => r.some((cell) => plain(cell).includes('tonala')));
  assert(expected.length > 0 && expected.every((r) => r[col.municipio] === 'Tonalá'), 'the CSV has no Tonalá');
  same(await shownCount(), expected.length, 'rows matching «tonala»');
  same(await shownRows(), expected.slice(0, PAGE_ROWS), 'the rows shown');
  const typed = await timed('search', 'TONALÁ   jardines');
  figure('text search of two words', ms(typed));
  const both = rows.filter((r) => ['tonala', 'jardines'].every((w) => r.some((cell) => plain(cell).includes(w))));
  same(await shownCount(), both.length, 'rows matching «TONALÁ jardines»');
  // The reader types: the view follows without a button.
  await clear();
  await page.fill('#explorador-buscar', 'F-000012');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'F-000012');
  await page.evaluate(() => window.abiertoExplorer.ready);
  same(await shownCount(), rows.filter((r) => r[col.folio].includes('F-000012')).length, 'rows matching «F-000012»');
});

await story('a value, a number range and a date range narrow the rows to those the CSV holds', async () => {
  await clear();
  await page.click('.explorer-filters summary');
  const options = await page.$$eval(`#explorador-v${col.municipio} option`, (os) => os.map((o) => o.value));
  assert(options.includes('Zapopan'), `the municipality filter offers ${options.join(', ')}`);
  const value = await timed('fields', { [`explorador-v${col.municipio}`]: 'Zapopan' });
  figure('value filter (municipio = Zapopan)', ms(value));
  const zapopan = rows.filter((r) => r[col.municipio] === 'Zapopan');
  same(await shownCount(), zapopan.length, 'rows of Zapopan');
  same(await shownRows(), zapopan.slice(0, PAGE_ROWS), 'the rows of Zapopan');
  const numbers = await timed('fields', { [`explorador-v${col.municipio}`]: '', [`explorador-min${col.monto}`]: '1000', [`explorador-max${col.monto}`]: '1500.5' });
  figure('number range (1000 ≤ monto ≤ 1500.5)', ms(numbers));
  const inAmounts = rows.filter((r) => amount(r) !== null && amount(r) >= 1000 && amount(r) <= 1500.5);
  same(await shownCount(), inAmounts.length, 'rows between 1000 and 1500.5');
  same(await shownRows(), inAmounts.slice(0, PAGE_ROWS), 'the rows between 1000 and 1500.5');
  const dates = await timed('fields', { [`explorador-min${col.monto}`]: '', [`explorador-max${col.monto}`]: '', [`explorador-min${col.fecha}`]: '2016-01-01', [`explorador-max${col.fecha}`]: '2016-03-31' });
  figure('date range (first quarter of 2016)', ms(dates));
  const inQuarter = rows.filter((r) => r[col.fecha] >= '2016-01-01' && r[col.fecha] <= '2016-03-31');
  same(await shownCount(), inQuarter.length, 'rows of the first quarter of 2016');
  same(await shownRows(), inQuarter.slice(0, PAGE_ROWS), 'the rows of the quarter');
});

await story('a cell of markup or a javascript: address found by a search is shown as text', async () => {
  await clear();
  await timed('search', 'onerror');
  const hostile = rows.filter((r) => r.some((cell) => plain(cell).includes('onerror')));
  assert(hostile.length === 1, `make_site.py wrote ${hostile.length} hostile rows`);
  same(await shownRows(), hostile, 'the hostile row, as text');
  const markup = await page.$$eval('#explorador-tabla tbody :is(img, a, script)', (es) => es.length);
  assert(markup === 0, `${markup} elements made from cells`);
  assert(await page.evaluate(() => window.pwned === undefined), 'a cell ran script');
});

// Tonalá, 2016 to 2017, 100 to 5000, by amount from the largest.
const view = {
  q: 'tonala', [`min${col.fecha}`]: '2016-01-01', [`max${col.fecha}`]: '2017-12-31',
  [`min${col.monto}`]: '100', [`max${col.monto}`]: '5000', orden: String(col.monto), sentido: 'desc',
};
const viewRows = byAmount(rows.filter((r) => r[col.municipio] === 'Tonalá' && r[col.fecha] >= '2016-01-01' &&
  r[col.fecha] <= '2017-12-31' && amount(r) !== null && amount(r) >= 100 && amount(r) <= 5000), true);

await story('a filtered view is in the address: opened again, it shows the same rows', async () => {
  await page.goto(`${url}?${new URLSearchParams(view)}`);
  const t = await page.evaluate(async () => {
    await window.abiertoExplorer.ready;
    return performance.now();
  });
  figure('opening a filtered address (from navigation: page, fetch, filter, sort)', ms(t));
  same(await shownCount(), viewRows.length, 'rows of the view');
  const before = await shownRows();
  same(before, viewRows.slice(0, PAGE_ROWS), 'the rows of the view');
  assert(await page.inputValue('#explorador-buscar') === 'tonala', 'the search box is not filled from the address');
  await page.click('#explorador-siguiente');
  await page.evaluate(() => window.abiertoExplorer.ready);
  assert(new URL(page.url()).searchParams.get('pagina') === '2', `the page is not in the address: ${page.url()}`);
  const second = await shownRows();
  await page.reload();
  await page.evaluate(() => window.abiertoExplorer.ready);
  same(await shownRows(), second, 'the second page after a reload');
});

await story('«Descargar estas filas» gives exactly the rows of the view, as CSV', async () => {
  await page.goto(`${url}?${new URLSearchParams(view)}`);
  await page.evaluate(() => window.abiertoExplorer.ready);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#explorador-descargar')]);
  const got = fs.readFileSync(await download.path(), 'utf8');
  assert(got === csvOf(viewRows), `the download has ${got.split('\r\n').length - 2} rows, the view ${viewRows.length}; starts:\n${got.slice(0, 300)}`);
  assert(download.suggestedFilename().endsWith('.csv'), `named ${download.suggestedFilename()}`);
});

await story('axe finds no WCAG 2.1 A/AA violation on the explorer, filters open and rows sorted', async () => {
  await page.goto(`${url}?${new URLSearchParams(view)}`);
  await page.evaluate(() => window.abiertoExplorer.ready);
  await page.evaluate(fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert(violations.length === 0, violations.join('\n'));
});

await story('nothing was asked of another host, and no script failed', async () => {
  const local = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert(elsewhere.length === 0 && local.length === 0, `requests elsewhere: ${[...elsewhere, ...local].join(', ')}`);
  assert(errors.length === 0, errors.join('\n'));
});

await browser.close();
await server.close();
console.log(`\nfigures (${rows.length} rows; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}):`);
for (const f of figures) console.log(`  ${f}`);
process.exit(finish());
