#!/usr/bin/env node
// Search and filters of the catalog, as a visitor uses them, in headless Chromium.
//
//   node tests/browser/search.mjs OUT_DIR BASE_PATH
//   e.g. abierto build example-site -o /tmp/site --base-url https://red.example.org/red/
//        node tests/browser/search.mjs /tmp/site /red/
//
// Expects the example site. Prints each story as PASS/FAIL, then "N passed, N failed";
// exit status 0 when all pass, 1 when one fails, 2 when it could not run.
import { assert, start, stories } from './lib/stories.mjs';
import { normaliseBase } from './lib/site.mjs';

const [outDir, baseArg = '/'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node search.mjs OUT_DIR BASE_PATH');
  process.exit(2);
}
const base = normaliseBase(baseArg);

const { story, finish } = stories();

const visibleCards = (page) => page.$$eval('#catalog-cards > li.card:not([hidden]) .card-title a',
  (as) => as.map((a) => a.getAttribute('href')));
const countText = (page) => page.textContent('#result-count');

const { server, browser } = await start(outDir, base);
const catalog = `${server.origin}${base}datos/`;
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const requests = [];
page.on('request', (r) => requests.push(r.url()));

async function search(words) {
  await page.fill('#buscar', '');
  await page.type('#buscar', words, { delay: 20 });
  await page.waitForFunction((w) => {
    const status = document.getElementById('result-status');
    return new URLSearchParams(location.search).get('q') === w.trim() && status && status.textContent !== '';
  }, words, { timeout: 10_000 });
}

await story('typing "transito" lists the transit datasets, the words marked', async () => {
  await page.goto(catalog);
  const before = requests.length;
  await search('transito');
  const hrefs = await visibleCards(page);
  assert(hrefs.includes(`${base}datos/xalapa/accidentes-viales/`), `accidentes-viales missing from ${hrefs.join(', ')}`);
  assert(hrefs.includes(`${base}datos/san-pedro-garza-garcia/hechos-de-transito/`), `hechos-de-transito missing from ${hrefs.join(', ')}`);
  const all = await page.$$eval('#catalog-cards > li.card', (l) => l.length);
  assert(hrefs.length < all, `search did not narrow the list (${hrefs.length} of ${all})`);
  const marks = await page.$$eval('#catalog-cards > li.card:not([hidden]) mark', (m) => m.map((x) => x.textContent));
  assert(marks.some((m) => /tránsito/i.test(m)), `no <mark>Tránsito</mark> in the results: ${marks.join(', ')}`);
  const index = requests.slice(before).filter((u) => u.includes('/buscar/'));
  const shards = index.filter((u) => u.includes('/buscar/indice/')).map((u) => u.split('/').pop());
  assert(shards.length > 0, `no index shard was fetched for "transito" (requests: ${index.join(', ')})`);
  assert(shards.every((s) => s === 'tr.json'), `a query for "transito" fetched other shards: ${shards.join(', ')}`);
});

await story('"escuela" finds Puebla\'s schools, and a story about them, labelled', async () => {
  await search('escuela');
  const hrefs = await visibleCards(page);
  assert(hrefs.includes(`${base}datos/puebla/escuelas/`), `puebla/escuelas missing from ${hrefs.join(', ')}`);
  await page.waitForSelector('#other-hits:not([hidden]) li', { timeout: 5000 });
  const others = await page.$$eval('#other-hits li', (lis) => lis.map((li) => [
    li.querySelector('.result-kind').textContent, li.querySelector('.card-title a').getAttribute('href')]));
  const stories = others.filter(([kind]) => kind === 'Historia');
  assert(stories.length > 0, `no story among ${JSON.stringify(others)}`);
  assert(stories.every(([, h]) => h.startsWith(`${base}historias/`)), `story links: ${JSON.stringify(stories)}`);
});

await story('a one-letter misspelling and a plural still find the word', async () => {
  const all = await page.$$eval('#catalog-cards > li.card', (l) => l.length);
  await search('trnsito ');
  let hrefs = await visibleCards(page);
  assert(hrefs.includes(`${base}datos/san-pedro-garza-garcia/hechos-de-transito/`), `"trnsito": ${hrefs.join(', ')}`);
  // Found by the word it misspells, not by showing everything.
  assert(hrefs.length > 0 && hrefs.length < all, `"trnsito" did not narrow the list (${hrefs.length} of ${all})`);
  assert(!hrefs.includes(`${base}datos/puebla/escuelas/`), `"trnsito" lists the schools: ${hrefs.join(', ')}`);
  await search('escuelas ');
  hrefs = await visibleCards(page);
  assert(hrefs.includes(`${base}datos/puebla/escuelas/`), `"escuelas": ${hrefs.join(', ')}`);
  assert(hrefs.length < all, `"escuelas" did not narrow the list (${hrefs.length} of ${all})`);
  assert(!hrefs.includes(`${base}datos/san-pedro-garza-garcia/hechos-de-transito/`), `"escuelas" lists a transit dataset: ${hrefs.join(', ')}`);
});

await story('two facets narrow the list and the address reproduces it after reload', async () => {
  await page.goto(catalog);
  await page.waitForSelector('#finder:not([hidden])');
  const total = (await visibleCards(page)).length;
  await page.click('details[data-facet="formato"] summary');
  await page.check('#f-formato-csv');
  await page.waitForFunction(() => location.search.includes('formato=csv'));
  const oneFacet = await visibleCards(page);
  await page.check('#f-tipo-municipio');
  await page.waitForFunction(() => location.search.includes('tipo=municipio'));
  const twoFacets = await visibleCards(page);
  assert(oneFacet.length < total && twoFacets.length < oneFacet.length && twoFacets.length > 0,
    `counts did not narrow: ${total} → ${oneFacet.length} → ${twoFacets.length}`);
  const shown = await countText(page);
  assert(shown.startsWith(String(twoFacets.length)), `the heading says "${shown}" for ${twoFacets.length} cards`);
  const url = page.url();
  await page.reload();
  await page.waitForSelector('#finder:not([hidden])');
  await page.waitForFunction(() => document.getElementById('result-status').textContent !== '');
  const again = await visibleCards(page);
  assert(page.url() === url, `the address changed on reload: ${page.url()}`);
  assert(JSON.stringify(again) === JSON.stringify(twoFacets), `after reload: ${again.length} cards, before ${twoFacets.length}`);
  assert(await page.isChecked('#f-formato-csv') && await page.isChecked('#f-tipo-municipio'), 'the boxes are not checked after reload');
});

await story('filters are labelled form controls reachable with the keyboard', async () => {
  const unlabelled = await page.$$eval('.facets input[type=checkbox]', (boxes) =>
    boxes.filter((b) => !document.querySelector(`label[for="${b.id}"]`) || !b.closest('fieldset')?.querySelector('legend')).length);
  assert(unlabelled === 0, `${unlabelled} checkboxes lack a label or a fieldset legend`);
  await page.focus('#buscar');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.tagName + ' ' + (document.activeElement.textContent || '').trim());
  assert(/^SUMMARY/.test(focused), `Tab after the search box went to ${focused}`);
  await page.keyboard.press('Tab');
  const box = await page.evaluate(() => document.activeElement.type);
  assert(box === 'checkbox', `the next Tab reached a ${box}, not a checkbox`);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search.split('&').length >= 3);
  const live = await page.getAttribute('#result-status', 'aria-live');
  assert(live === 'polite', 'the results count is not announced politely');
});

await story('no JavaScript error on the catalog', async () => {
  assert(errors.length === 0, errors.join('\n'));
});

await story('without JavaScript the catalog lists everything and facet pages link under the base path', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(catalog);
  const cards = await p.$$eval('#catalog-cards > li.card', (l) => l.length);
  const heading = await p.textContent('#result-count');
  assert(cards > 0 && heading.startsWith(String(cards)), `the catalog shows ${cards} cards under "${heading}"`);
  assert(await p.isHidden('#finder'), 'the search box shows though it cannot work without JavaScript');
  const links = await p.$$eval('.facets a[href]', (as) => as.map((a) => a.getAttribute('href')));
  assert(links.length > 20, `only ${links.length} facet links`);
  const wrong = links.filter((h) => !h.startsWith(base));
  assert(wrong.length === 0, `facet links outside ${base}: ${wrong.join(', ')}`);
  for (const href of links) {
    const res = await p.request.get(server.origin + href);
    assert(res.status() === 200, `${href} answers ${res.status()}`);
  }
  await p.goto(`${server.origin}${base}datos/f/tipo/municipio/`);
  const municipal = await p.$$eval('li.card .card-title a', (as) => as.map((a) => a.getAttribute('href')));
  assert(municipal.includes(`${base}datos/xalapa/accidentes-viales/`), `municipio page: ${municipal.join(', ')}`);
  assert(!municipal.includes(`${base}datos/puebla/escuelas/`), 'a state dataset on the municipio page');
  await noJs.close();
});

await browser.close();
await server.close();
process.exit(finish());
