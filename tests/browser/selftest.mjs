#!/usr/bin/env node
// Self-test of the quality gate: builds small sites from fixtures/ (a clean
// one, and one per defect, each a copy of the clean site with one page
// replaced by a broken one), runs the checks and asserts that exactly the
// right checks fail. Ends with "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkSite, CHECK_IDS } from './lib/suite.mjs';
import { runVnu } from './lib/html.mjs';
import { launchBrowser, openSession } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIX = path.join(HERE, 'fixtures');
const BASE = '/red/';
const DATASET = 'datos/xalapa/semaforos/index.html';

// name -> { file: defect page, at: where it goes, fail: checks that must fail
//           (all others must pass), expect: {check: [regexes on messages]} }
const CASES = [
  { name: 'clean', fail: [] },
  { name: 'invalid-html', fail: ['html'], expect: { html: [/p/] } },
  { name: 'img-no-alt', fail: ['html', 'a11y'], expect: { a11y: [/^image-alt /], html: [/alt/] } },
  { name: 'low-contrast', fail: ['a11y'], expect: { a11y: [/^color-contrast /] } },
  { name: 'wide-element', fail: ['phone'], expect: { phone: [/scrolls sideways/] } },
  { name: 'wide-fixed', fail: ['phone'], expect: { phone: [/fixed-position element wider/] } },
  { name: 'small-font', fail: ['phone'], expect: { phone: [/font-size is 14px/] } },
  { name: 'no-viewport', fail: ['phone'], expect: { phone: [/meta name="viewport"/] } },
  { name: 'external-script', fail: ['hosts'], expect: { hosts: [/loads from another host: https:\/\/cdn\.example\.com\/x\.js/, /script request to another host: https:\/\/cdn\.example\.com\/x\.js/] } },
  {
    name: 'broken-link', fail: ['links'], expect: {
      links: [/no file datos\/no-existe\/index\.html/, /no element with id="no-hay-tal-id" in acerca\/index\.html/,
        /"\/otro-sitio\/" is outside the base path/, /no element with id="falta" in this page/],
    },
  },
  { name: 'heavy', fail: ['weight'], expect: { weight: [/is not under the limit/] } },
  { name: 'no-focus-outline', fail: ['keyboard'], expect: { keyboard: [/no visible focus indicator.*button\.plain/] } },
  { name: 'late-content', fail: ['a11y'], expect: { a11y: [/^image-alt /] } },
  { name: 'js-error', fail: ['js'], expect: { js: [/uncaught error/] } },
  { name: '404-relative', at: '404.html', fail: ['links'], expect: { links: [/relative URL in 404\.html/, /stylesheet .*static\/style\.css answered 404/] } },
];

let passed = 0;
let failed = 0;
const ok = (cond, label, detail) => {
  if (cond) { passed++; console.log(`  ok    ${label}`); }
  else { failed++; console.log(`  FAIL  ${label}${detail ? `\n        ${detail.split('\n').join('\n        ')}` : ''}`); }
};

const t0 = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'abierto-selftest-'));
const keep = process.env.ABIERTO_SELFTEST_KEEP === '1';

try {
  // Build the fixture sites.
  for (const c of CASES) {
    c.dir = path.join(tmp, c.name);
    fs.cpSync(path.join(FIX, 'site'), c.dir, { recursive: true });
    if (c.name === 'clean') continue;
    c.at = c.at || DATASET;
    let html = fs.readFileSync(path.join(FIX, 'defects', `${c.name}.html`), 'utf8');
    if (c.name === 'heavy') {
      // 200 KB of HTML: a long comment (valid, invisible, but bytes all the same).
      html = html.replace('<!--PAD-->', `<!-- ${'relleno '.repeat(25_600)}-->`);
    }
    fs.writeFileSync(path.join(c.dir, c.at), html);
  }

  // 1. Static server behaves like GitHub Pages.
  console.log('server:');
  {
    const srv = await startServer(path.join(tmp, 'clean'), BASE);
    const get = (p) => new Promise((resolve, reject) => {
      http.get(srv.origin + p, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], location: res.headers.location, body }));
      }).on('error', reject);
    });
    let r = await get('/red/');
    ok(r.status === 200 && /text\/html/.test(r.type) && /Datos abiertos de la red/.test(r.body), 'GET /red/ -> 200 index.html');
    r = await get('/red/datos');
    ok(r.status === 301 && r.location === '/red/datos/', 'GET /red/datos -> 301 /red/datos/', JSON.stringify(r.location));
    r = await get('/red/static/style.css');
    ok(r.status === 200 && /^text\/css/.test(r.type), 'GET /red/static/style.css -> 200 text/css', r.type);
    r = await get('/red/no/hay/nada/');
    ok(r.status === 404 && /Página no encontrada/.test(r.body), 'missing path -> 404 with the body of 404.html');
    r = await get('/otra/');
    ok(r.status === 404, 'path outside the base -> 404');
    r = await get('/red/%2e%2e/%2e%2e/etc/passwd');
    ok(r.status === 404, 'no escape from the site folder');
    await srv.close();
  }

  // 2. Every check over every fixture site: one vnu run, one browser.
  const allHtml = CASES.flatMap((c) => walkHtml(c.dir));
  const tv = Date.now();
  const [vnu, browser] = await Promise.all([runVnu(allHtml).then((v) => { console.log(`(vnu on ${allHtml.length} files: ${((Date.now() - tv) / 1000).toFixed(1)} s)`); return v; }), launchBrowser()]);
  try {
    // Two sites at a time (2 cores); results are printed in order.
    const runs = new Map();
    let next = 0;
    const sessions = await Promise.all([openSession(browser, 1), openSession(browser, 1)]);
    const worker = async (session) => {
      while (next < CASES.length) {
        const c = CASES[next++];
        const tc = Date.now();
        // Only the replaced page differs from the clean site, so only it is
        // loaded in the browser (the clean case loads every page).
        const r = await checkSite(c.dir, BASE, {
          session, vnu, screenshotDir: c.name === 'clean' ? path.join(tmp, 'shots') : null, browserPages: c.at ? [c.at] : undefined,
        });
        runs.set(c.name, { r, secs: (Date.now() - tc) / 1000 });
      }
    };
    await Promise.all(sessions.map(worker));
    await Promise.all(sessions.map((x) => x.close()));
    const shots = fs.existsSync(path.join(tmp, 'shots')) ? fs.readdirSync(path.join(tmp, 'shots')).sort() : [];
    const wantShots = ['404', 'catalog', 'dataset', 'home', 'page'].flatMap((k) => [`${k}-1280.png`, `${k}-360.png`]);
    for (const c of CASES) {
      const { r, secs } = runs.get(c.name);
      console.log(`${c.name}: (${secs.toFixed(1)} s)`);
      const failing = CHECK_IDS.filter((id) => r.results[id].errors.length > 0);
      const want = [...c.fail].sort();
      const got = [...failing].sort();
      const dump = CHECK_IDS.flatMap((id) => r.results[id].errors.map((e) => `[${id}] ${e.page} ${e.where || ''} ${e.message}`)).join('\n');
      ok(JSON.stringify(want) === JSON.stringify(got),
        c.fail.length ? `fails exactly: ${want.join(', ')}` : 'passes every check',
        `failing: ${got.join(', ') || '(none)'}\n${dump}`);
      if (c.name === 'clean') {
        ok(JSON.stringify(shots) === JSON.stringify(wantShots.sort()), 'screenshots of each page kind at 360 and 1280', shots.join(' '));
        const kb = r.results.keyboard.info.join('\n');
        ok(/datos\/index\.html: 10 Tab stop/.test(kb) && /index\.html: 6 Tab stop/.test(kb), 'keyboard check tabbed through home, catalog and dataset', kb);
      }
      for (const [id, regexes] of Object.entries(c.expect || {})) {
        for (const re of regexes) {
          const msgs = r.results[id].errors.map((e) => e.message);
          ok(msgs.some((m) => re.test(m)), `${id} reports ${re}`, msgs.join('\n') || '(no messages)');
        }
      }
    }
  } finally {
    await browser.close();
  }

  // 3. The command line: exit codes and report (cheap checks only, no browser).
  console.log('command line:');
  const cli = (args) => spawnSync(process.execPath, [path.join(HERE, 'check.mjs'), ...args], { encoding: 'utf8' });
  let p = cli([path.join(tmp, 'clean'), BASE, '--only=links,weight', '--no-browser']);
  ok(p.status === 0 && /QUALITY GATE PASSED/.test(p.stdout), 'clean site: exit 0', p.stdout + p.stderr);
  p = cli([path.join(tmp, 'broken-link'), BASE, '--only=links,weight', '--no-browser']);
  ok(p.status === 1 && /FAIL/.test(p.stdout) && /no-existe/.test(p.stdout), 'broken site: exit 1 and the error printed', p.stdout + p.stderr);
  p = cli([path.join(tmp, 'heavy'), BASE, '--only=weight', '--no-browser']);
  ok(p.status === 1 && /heaviest pages:\n\s+\d+\.\d KiB\s+datos\/xalapa\/semaforos\/index\.html/.test(p.stdout), 'weight: heaviest pages listed', p.stdout);
  p = cli([path.join(tmp, 'no-such-folder'), BASE, '--no-screenshots']);
  ok(p.status === 2, 'missing site folder: exit 2', p.stdout + p.stderr);
} finally {
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`(fixture sites kept in ${tmp})`);
}

console.log(`\nselftest took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function walkHtml(dir) {
  const out = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (ent.isFile() && ent.name.endsWith('.html')) out.push(path.join(ent.parentPath ?? ent.path, ent.name));
  }
  return out;
}
