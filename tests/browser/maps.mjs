#!/usr/bin/env node
// Maps as a visitor uses them, in headless Chromium, on the site
// tests/browser/maps.sh builds from real shapes.
//
//   node tests/browser/maps.mjs OUT_DIR BASE_PATH
//
// Prints each story as PASS/FAIL and the bytes a phone transfers for the first
// view of the 40 MB map, then "N passed, N failed"; exit status 0 when all
// pass, 1 when one fails, 2 when it could not run. Screenshots of a points map,
// a choropleth and the network map at 360 and 1280 px go to
// tests/browser/screenshots/maps-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { normaliseBase } from './lib/site.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, 'screenshots');
const [outDir, baseArg = '/'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node maps.mjs OUT_DIR BASE_PATH');
  process.exit(2);
}
const base = normaliseBase(baseArg);

let passed = 0;
let failed = 0;
async function story(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`PASS ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.stack || e.message || e).split('\n').join('\n     ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

let server;
let browser;
try {
  server = await startServer(outDir, base);
  browser = await launchBrowser();
} catch (e) {
  console.error(`error: could not start: ${e.message}`);
  process.exit(2);
}
fs.mkdirSync(SHOTS, { recursive: true });

// Every request of every page, to check no other host is asked.
const foreign = [];
async function open(width, height, mobile) {
  const context = await browser.newContext({
    viewport: { width, height }, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

// Opens a page and waits for its first map to be interactive with its tiles drawn.
async function visit(page, where) {
  await page.goto(`${server.origin}${base}${where}`);
  const figure = page.locator('figure[data-map]').first();
  await figure.scrollIntoViewIfNeeded();
  await page.waitForSelector('figure.map-is-live .leaflet-tile-loaded, figure.map-is-live .leaflet-marker-icon', { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  return figure;
}

// The page position of a place on the first interactive map.
function placeOf(page, lat, lon) {
  return page.evaluate(([lat, lon]) => {
    const figure = document.querySelector('figure.map-is-live');
    const map = figure.abiertoMap;
    map.setView([lat, lon], map.getZoom(), { animate: false });
    const point = map.latLngToContainerPoint([lat, lon]);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, [lat, lon]);
}

// The colour drawn at a page position, read from the canvas tile there.
function colourAt(page, x, y) {
  return page.evaluate(([x, y]) => {
    // Tiles let clicks through (pointer-events: none): found by their place.
    const canvas = Array.from(document.querySelectorAll('figure.map-is-live canvas.leaflet-tile-loaded')).reverse().find((c) => {
      const r = c.getBoundingClientRect();
      return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
    });
    if (!canvas) return null;
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const data = canvas.getContext('2d').getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data;
    return Array.from(data);
  }, [x, y]);
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const swatch = (style) => {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(style);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : hex(style);
};
const near = (a, b, d = 4) => a.every((v, i) => Math.abs(v - b[i]) <= d);
// A number of a legend label, as a Spanish page writes it ("1 234,5").
const number = (text) => Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));

const desktop = await open(1280, 900, false);
const phone = await open(360, 800, true);

await story('Yucatán\'s municipalities are a choropleth: a click on Mérida shows its properties and the colour the legend gives its area', async () => {
  const { page } = desktop;
  const figure = await visit(page, 'datos/yucatan/municipios/');
  const { x, y } = await placeOf(page, 20.97, -89.62);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const drawn = await colourAt(page, x, y);
  await page.mouse.click(x, y);
  const popup = page.locator('.leaflet-popup-content .map-popup');
  await popup.waitFor({ timeout: 5000 });
  const title = await popup.locator('.map-popup-title').textContent();
  assert(title === 'Mérida', `the popup is about «${title}», not Mérida`);
  const rows = await popup.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
  const area = rows.find((r) => r[0] === 'AREA');
  assert(area, `no AREA among ${JSON.stringify(rows)}`);
  await page.locator('.leaflet-popup-close-button').click();
  const legend = await figure.locator('.map-legend li').evaluateAll((lis) => lis.map((li) => ({
    label: li.textContent, colour: getComputedStyle(li.querySelector('.map-swatch')).backgroundColor,
  })));
  assert((await figure.locator('.map-legend-title').textContent()).includes('AREA'), 'the legend is not about AREA');
  const value = Number(area[1]);
  const entry = legend.find((e) => {
    const [low, high] = e.label.split('–').map(number);
    return value >= low && value <= high;
  });
  assert(entry, `no legend entry holds AREA ${value}: ${JSON.stringify(legend)}`);
  assert(drawn, 'no canvas tile under Mérida');
  assert(near(drawn.slice(0, 3), swatch(entry.colour)),
    `Mérida is drawn ${drawn}, the legend says ${entry.colour} for ${entry.label}`);
});

await story('Benito Juárez\'s KML neighbourhoods draw and Enter at the centre shows one (keyboard)', async () => {
  const { page } = desktop;
  await visit(page, 'datos/yucatan/colonias/');
  await page.locator('figure.map-is-live .leaflet-container').focus();
  await page.keyboard.press('Enter');
  const title = page.locator('.leaflet-popup-content .map-popup-title');
  await title.waitFor({ timeout: 5000 });
  assert((await title.textContent()).trim() !== '', 'the popup has no title');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.className);
  assert(/map-popup/.test(focused), `focus is on «${focused}», not the popup`);
  await page.keyboard.press('Escape');
  await page.locator('.leaflet-popup').waitFor({ state: 'detached', timeout: 5000 });
});

await story('Metepec\'s 272 licences are clusters; following them down reaches a point whose popup is its row', async () => {
  const { page } = desktop;
  await visit(page, 'datos/yucatan/licencias/');
  for (let i = 0; i < 8 && !(await page.locator('.leaflet-marker-icon.map-marker').count()); i++) {
    const cluster = page.locator('.leaflet-marker-icon.map-cluster').first();
    assert(await cluster.count(), 'neither points nor clusters on the map');
    await cluster.click();
    await page.waitForTimeout(400);
    await page.waitForLoadState('networkidle');
  }
  const marker = page.locator('.leaflet-marker-icon.map-marker').first();
  const name = await marker.getAttribute('title');
  assert(name, 'a point has no name for screen readers');
  await marker.click();
  const popup = page.locator('.leaflet-popup-content .map-popup');
  await popup.waitFor({ timeout: 5000 });
  const cells = await popup.locator('th').allTextContents();
  assert(cells.includes('giro') && cells.includes('latitud'), `the popup shows ${cells}`);
});

await story('hostile properties are shown as text and never run', async () => {
  const { page, errors } = desktop;
  await visit(page, 'datos/yucatan/hostil/');
  const { x, y } = await placeOf(page, 21.05, -89.68);
  await page.mouse.click(x, y);
  const title = page.locator('.leaflet-popup-content .map-popup-title');
  await title.waitFor({ timeout: 5000 });
  assert((await title.textContent()).startsWith('<img src=x'), `the title is «${await title.textContent()}»`);
  assert(await page.locator('.leaflet-popup-content img').count() === 0, 'the property became an <img>');
  const links = await page.locator('.leaflet-popup-content a').count();
  assert(links === 0, 'a property became a link');
  await page.locator('.leaflet-popup-close-button').click();
  const point = page.locator('.leaflet-marker-icon.map-marker').first();
  assert((await point.getAttribute('title')).includes('<script>'), 'the point\'s name is not its text');
  await point.click();
  await page.locator('.leaflet-popup-content .map-popup-title', { hasText: '<script>' }).waitFor({ timeout: 5000 });
  const ran = await page.evaluate(() => window.__hostil);
  assert(ran === undefined, `a property ran (window.__hostil = ${ran})`);
  assert(errors.length === 0, `errors: ${errors}`);
});

await story('a story\'s map is coloured by the column color= names', async () => {
  const { page } = desktop;
  await visit(page, 'historias/yucatan/licencias/');
  const legend = await page.locator('figure.map-is-live .map-legend-title').textContent();
  assert(legend.includes('giro'), `the legend says «${legend}»`);
});

let firstView = 0;
await story('on a phone, the 40 MB map\'s first view transfers under 500 KB', async () => {
  const { page } = phone;
  let bytes = 0;
  const files = [];
  const count = async (response) => {
    try {
      const body = await response.body();
      bytes += body.length;
      files.push(`${body.length} ${response.url().replace(server.origin, '')}`);
    } catch (e) { /* a redirect has no body */ }
  };
  page.on('response', count);
  await visit(page, 'datos/nacional/municipios/');
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  page.off('response', count);
  firstView = bytes;
  console.log(`     first view on a 360 px phone: ${(bytes / 1024).toFixed(0)} KB in ${files.length} files`);
  for (const f of files.sort((a, b) => parseInt(b, 10) - parseInt(a, 10)).slice(0, 5)) console.log(`       ${f}`);
  assert(bytes < 500 * 1024, `${(bytes / 1024).toFixed(0)} KB transferred`);
});

await story('screenshots: a points map, a choropleth and the network map at 360 and 1280 px', async () => {
  const shots = [
    ['maps-points', 'datos/yucatan/licencias/'],
    ['maps-choropleth', 'datos/yucatan/municipios/'],
    ['maps-network', ''],
  ];
  for (const [name, where] of shots) {
    for (const [suffix, { page }] of [['1280', desktop], ['360', phone]]) {
      await page.goto(`${server.origin}${base}${where}`);
      const figure = page.locator('figure.map').first();
      if (!(await figure.count())) throw new Error(`no map on ${where || 'the home page'}`);
      await figure.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await figure.screenshot({ path: path.join(SHOTS, `${name}-${suffix}.png`) });
    }
  }
});

await story('no request left 127.0.0.1', async () => {
  assert(foreign.length === 0, `requests to other hosts: ${[...new Set(foreign)].join(', ')}`);
});

await browser.close();
await server.close();
console.log(`first view of the 40 MB map: ${(firstView / 1024).toFixed(0)} KB`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
