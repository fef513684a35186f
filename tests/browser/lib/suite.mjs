// Runs every check over one built site and collects the results.
import fs from 'node:fs';
import path from 'node:path';
import { loadSite } from './site.mjs';
import { startServer } from './server.mjs';
import { runVnu, htmlErrors } from './html.mjs';
import { runStaticChecks } from './static.mjs';
import { runBrowserChecks, launchBrowser } from './browser.mjs';

// Order and titles of the report sections.
export const CHECKS = [
  ['html', '1. HTML validity (W3C Nu HTML Checker)'],
  ['a11y', '2a. Accessibility (axe-core, WCAG 2.1 A/AA)'],
  ['keyboard', '2b. Keyboard (Tab order and focus indicator)'],
  ['phone', '3. Phones (360x800: no sideways scroll, text >= 16px)'],
  ['hosts', '4. No other host (requests and resource URLs)'],
  ['links', '5. Links (internal URLs, #fragments, failed requests)'],
  ['weight', '6. Weight (HTML + CSS + JS per page)'],
  ['js', '+ JavaScript errors'],
];
export const CHECK_IDS = CHECKS.map(([id]) => id);
const BROWSER_CHECKS = ['a11y', 'keyboard', 'phone', 'hosts', 'links', 'js'];

/**
 * opts: {
 *   only: Set of check ids (default: all),
 *   browser: a launched browser to reuse (else one is launched and closed),
 *   session: an openSession() to reuse instead (its tabs, left open),
 *   noBrowser: skip the browser (static checks and HTML validity only),
 *   vnu: precomputed runVnu() result covering this site's files,
 *   screenshotDir: folder or null, concurrency, weightLimit,
 *   browserPages: HTML files (relative) to load in the browser (default: all)
 * }
 */
export async function checkSite(outDir, basePath, opts = {}) {
  const only = opts.only || new Set(CHECK_IDS);
  const site = loadSite(outDir, basePath);
  const browserOnly = ['a11y', 'keyboard', 'phone', 'js'];
  const results = Object.fromEntries(CHECK_IDS.map((id) => [id, { errors: [], warnings: [], info: [], ran: only.has(id) && !(opts.noBrowser && browserOnly.includes(id)) }]));
  const timings = {};
  const merge = (id, r) => {
    if (!r) return;
    results[id].errors.push(...(r.errors || []));
    results[id].warnings.push(...(r.warnings || []));
    results[id].info.push(...(r.info || []));
  };
  const timed = async (name, fn) => {
    const t = Date.now();
    try { return await fn(); } finally { timings[name] = (Date.now() - t) / 1000; }
  };

  for (const w of site.kindWarnings) results.phone.warnings.push({ page: '', message: w });
  if (!site.htmlFiles.includes('index.html')) results.links.errors.push({ page: 'index.html', message: 'the site has no index.html (home page)' });
  if (!site.htmlFiles.includes('404.html')) results.links.errors.push({ page: '404.html', message: 'the site has no 404.html (GitHub Pages serves it for missing paths)' });

  // 1. vnu runs in the background (Java, one process) while the rest goes on.
  let vnuPromise = null;
  if (only.has('html')) {
    vnuPromise = opts.vnu
      ? Promise.resolve(opts.vnu)
      : timed('html', () => runVnu(site.htmlFiles.map((f) => path.join(site.root, f))));
    vnuPromise.catch(() => {}); // handled below
  }

  // 5, 6 and the static part of 4.
  const st = await timed('static', async () => runStaticChecks(site, { weightLimit: opts.weightLimit }));
  if (only.has('links')) merge('links', st.links);
  if (only.has('hosts')) merge('hosts', st.hosts);
  if (only.has('weight')) merge('weight', st.weight);

  // 2, 3, 4 in the browser.
  if (!opts.noBrowser && BROWSER_CHECKS.some((c) => only.has(c)) && site.htmlFiles.length) {
    const server = await startServer(site.root, site.base);
    const ownBrowser = !opts.browser && !opts.session;
    const browser = opts.session ? null : (opts.browser || await timed('launch', () => launchBrowser()));
    // Redirect pages (<meta http-equiv="refresh">) leave as soon as they load:
    // their links are checked statically, not in the browser.
    const isRedirect = (rel) => /<meta[^>]+http-equiv\s*=\s*["']?refresh/i.test(fs.readFileSync(path.join(site.root, rel), 'utf8').slice(0, 4096));
    const candidates = opts.browserPages || site.htmlFiles;
    const browserPages = candidates.filter((rel) => !isRedirect(rel));
    if (browserPages.length < candidates.length) {
      results.a11y.info.push(`${candidates.length - browserPages.length} redirect page(s) (meta refresh) not loaded in the browser`);
    }
    try {
      const br = await timed('browser', () => runBrowserChecks(site, server, {
        browser, session: opts.session, screenshotDir: opts.screenshotDir ?? null, concurrency: opts.concurrency || 2, checks: only, pages: browserPages,
      }));
      for (const id of ['a11y', 'keyboard', 'phone', 'hosts', 'js']) if (only.has(id)) merge(id, br[id]);
      if (only.has('links')) merge('links', br.runtime);
      else if (br.runtime.errors.length) merge(BROWSER_CHECKS.find((c) => only.has(c)), br.runtime);
    } finally {
      if (ownBrowser) await browser.close();
      await server.close();
    }
  }

  if (vnuPromise) {
    try {
      const vnu = await vnuPromise;
      results.html.errors.push(...htmlErrors(site, vnu));
      results.html.info.push(`${site.htmlFiles.length} HTML file(s) checked with vnu --errors-only`);
    } catch (e) {
      results.html.errors.push({ page: '(vnu)', message: `the checker could not run: ${e.message}` });
    }
  }

  return { site, results, timings, weightTable: st.weight.table, external: st.external };
}
