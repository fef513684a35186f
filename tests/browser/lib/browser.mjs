// Checks done in headless Chromium (one browser, at most 2 pages at a time):
//   2. a11y      - axe-core (WCAG 2.0/2.1 A and AA) on every page
//      keyboard  - Tab through a few page kinds: every visible focusable
//                  element gets focus in order and shows a focus indicator
//   3. phone     - at 360x800: no sideways scroll, body text >= 16px;
//                  screenshots of each page kind at 360x800 and 1280x900
//   4. hosts     - no request leaves the local server
//      links     - (runtime part) no local request fails (CSS url(), fetch, ...)
//      js        - no uncaught JavaScript error
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { isTileHost } from './site.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AXE_PATH = path.join(HERE, '..', 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const PHONE = { width: 360, height: 800 };
export const DESKTOP = { width: 1280, height: 900 };

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--hide-scrollbars', '--font-render-hinting=none',
];

/**
 * Launch Chromium. Playwright gives every launch a fresh, empty profile
 * (its own temporary --user-data-dir, removed on close).
 */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

let axeSource = null;
function axe() {
  if (!axeSource) axeSource = fs.readFileSync(AXE_PATH, 'utf8');
  return axeSource;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// After "load": let scripts that fetch more (search index, previews) finish,
// so that the checks see the page as a person would. Up to 5 s.
async function settle(tab) {
  await tab.page.evaluate(nextFrame);
  if (!tab.pending.size) return;
  const deadline = Date.now() + 5000;
  while (tab.pending.size && Date.now() < deadline) await sleep(25);
  await tab.page.evaluate(nextFrame);
}

function newResult() {
  return { errors: [], warnings: [], info: [] };
}

/**
 * A browser session: a desktop and a phone context with `concurrency` pairs of
 * tabs, reused for every page (a new tab costs a renderer process, ~0.3 s
 * here). Requests to any host but the server being checked are aborted (and
 * reported through page.on('request')), so nothing leaves the machine.
 */
export async function openSession(browser, concurrency = 2) {
  const common = { serviceWorkers: 'block', bypassCSP: true, locale: 'es-MX', timezoneId: 'America/Mexico_City', reducedMotion: 'reduce' };
  const desktop = await browser.newContext({ ...common, viewport: DESKTOP });
  const phone = await browser.newContext({ ...common, viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const session = { desktop, phone, tabs: [], host: null };
  const netScheme = (u) => u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:';
  for (const ctx of [desktop, phone]) {
    await ctx.route((u) => netScheme(u) && u.host !== session.host, (route) => route.abort('blockedbyclient'));
  }
  for (let i = 0; i < concurrency; i++) {
    session.tabs.push({ desktop: await makeTab(desktop, 'desktop'), phone: await makeTab(phone, 'phone') });
  }
  session.close = async () => { await desktop.close(); await phone.close(); };
  return session;
}

// A reusable tab. Its events are attributed to `tab.run` (the check in
// progress) and `tab.rel` (the page being checked); between two pages the
// tab rests on about:blank with no page attributed, so that requests
// cancelled by the navigation are not reported.
async function makeTab(ctx, label) {
  const page = await ctx.newPage();
  const tab = { page, label, rel: null, url: null, run: null, pending: new Set() };
  const active = () => (tab.rel !== null && tab.run ? tab.run : null);
  const record = (kind, u) => {
    const run = active();
    if (!run) return;
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return;
    if (!run.isLocal(u) && !run.isTileServer(u)) {
      const key = `${tab.rel}\u0000${u}`;
      if (run.seenHostErr.has(key)) return;
      run.seenHostErr.add(key);
      run.res.hosts.errors.push({ page: tab.rel, message: `${kind} to another host: ${u} (${label})` });
    }
  };
  page.on('request', (req) => {
    if (tab.rel !== null) tab.pending.add(req);
    record(`${req.resourceType()} request`, req.url());
  });
  page.on('requestfinished', (req) => tab.pending.delete(req));
  page.on('websocket', (ws) => record('WebSocket', ws.url()));
  page.on('response', (resp) => {
    const run = active();
    const u = resp.url();
    if (!run || !run.isLocal(u) || resp.status() < 400) return;
    if (tab.rel === '404.html' && u === tab.url) return; // the 404 page itself
    run.res.runtime.errors.push({ page: tab.rel, message: `${resp.request().resourceType()} ${new URL(u).pathname} answered ${resp.status()} (${label})` });
  });
  page.on('requestfailed', (req) => {
    tab.pending.delete(req);
    const run = active();
    const u = req.url();
    if (!run || !run.isLocal(u)) return;
    run.res.runtime.errors.push({ page: tab.rel, message: `${req.resourceType()} ${new URL(u).pathname} failed: ${req.failure()?.errorText} (${label})` });
  });
  page.on('pageerror', (err) => {
    const run = active();
    if (run) run.res.js.errors.push({ page: tab.rel, message: `uncaught error (${label}): ${String(err.message || err).split('\n')[0]}` });
  });
  page.on('console', (msg) => {
    const run = active();
    if (run && msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) {
      run.res.js.warnings.push({ page: tab.rel, message: `console.error (${label}): ${msg.text().slice(0, 200)}` });
    }
  });
  return tab;
}

/**
 * Run the browser checks over the HTML files of `site`, served by `server`.
 * opts: { browser | session, screenshotDir|null, concurrency, checks:Set, pages }
 * With `session`, its tabs are used (one worker per tab pair) and it is left open.
 */
export async function runBrowserChecks(site, server, opts) {
  const checks = opts.checks;
  const res = { a11y: newResult(), keyboard: newResult(), phone: newResult(), hosts: newResult(), runtime: newResult(), js: newResult() };
  const pages = opts.pages || site.htmlFiles;
  const session = opts.session || await openSession(opts.browser, Math.max(1, Math.min(opts.concurrency || 2, pages.length)));
  session.host = server.host;
  const run = {
    res,
    seenHostErr: new Set(),
    isLocal: (u) => {
      try { return new URL(u).host === server.host; } catch { return false; }
    },
    // The tile server the portal chose, if any: asked on purpose (aborted
    // all the same, so nothing leaves the machine).
    isTileServer: (u) => isTileHost(site.tileHosts || [], u),
  };
  const kindOf = new Map(site.kinds.map((k) => [k.rel, k]));
  const shotDir = opts.screenshotDir;
  if (shotDir) fs.mkdirSync(shotDir, { recursive: true });

  // Load `rel` in the tab; false if it could not be loaded.
  async function load(tab, rel) {
    tab.rel = null;
    await tab.page.goto('about:blank');
    tab.pending.clear();
    tab.run = run;
    tab.rel = rel;
    tab.url = server.origin + site.urlFor(rel);
    let response;
    try {
      response = await tab.page.goto(tab.url, { waitUntil: 'load', timeout: 30_000 });
      await tab.page.evaluate(() => document.fonts.ready.then(() => true));
      await settle(tab);
    } catch (e) {
      res.runtime.errors.push({ page: rel, message: `could not load ${tab.url} (${tab.label}): ${e.message.split('\n')[0]}` });
      return false;
    }
    const expect = rel === '404.html' ? 404 : 200;
    if (response && response.status() !== expect) {
      res.runtime.errors.push({ page: rel, message: `${site.urlFor(rel)} answered ${response.status()}, expected ${expect}` });
    }
    return true;
  }

  async function desktopPass(tab, rel) {
    if (!await load(tab, rel)) return;
    const page = tab.page;
    try {
      const kind = kindOf.get(rel);
      // Keyboard first, on the fresh load: nothing has focus yet.
      if (kind && kind.keyboard && checks.has('keyboard')) {
        await keyboardCheck(page, rel, res.keyboard);
        await page.evaluate(() => { document.activeElement?.blur?.(); window.scrollTo(0, 0); });
      }
      if (checks.has('a11y')) await runAxe(page, rel, res.a11y);
      if (kind && shotDir) await page.screenshot({ path: path.join(shotDir, `${kind.name}-${DESKTOP.width}.png`), fullPage: true });
    } catch (e) {
      res.runtime.errors.push({ page: rel, message: `desktop checks crashed: ${e.message.split('\n')[0]}` });
    }
  }

  async function phonePass(tab, rel) {
    if (!await load(tab, rel)) return;
    const page = tab.page;
    try {
      if (checks.has('phone')) await phoneCheck(page, rel, res.phone);
      const kind = kindOf.get(rel);
      if (kind && shotDir) await page.screenshot({ path: path.join(shotDir, `${kind.name}-${PHONE.width}.png`), fullPage: true });
    } catch (e) {
      res.runtime.errors.push({ page: rel, message: `phone checks crashed: ${e.message.split('\n')[0]}` });
    }
  }

  const t0 = Date.now();
  let next = 0;
  try {
    await Promise.all(session.tabs.map(async (t) => {
      while (next < pages.length) {
        const rel = pages[next++];
        await desktopPass(t.desktop, rel);
        await phonePass(t.phone, rel);
      }
      for (const tab of [t.desktop, t.phone]) {
        tab.rel = null;
        tab.run = null;
        await tab.page.goto('about:blank');
      }
    }));
  } finally {
    if (!opts.session) await session.close();
  }
  if (shotDir) {
    res.phone.info.push(`screenshots: ${site.kinds.map((k) => `${k.name} (${k.rel})`).join(', ')}`);
    res.phone.info.push(`  in ${shotDir}/<kind>-${PHONE.width}.png and <kind>-${DESKTOP.width}.png`);
  }
  res.a11y.info.push(`axe-core with tags ${AXE_TAGS.join(', ')} on ${pages.length} page(s) at ${DESKTOP.width}x${DESKTOP.height}`);
  res.phone.info.push(`${pages.length} page(s) at ${PHONE.width}x${PHONE.height} (mobile emulation)`);
  res.hosts.info.push(`${pages.length * 2} page load(s) watched; browser pass took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if ((site.tileHosts || []).length) res.hosts.info.push(`tile server the portal chose ([maps] tiles), allowed: ${site.tileHosts.join(', ')}`);
  return res;
}

async function runAxe(page, rel, out) {
  await page.evaluate(axe());
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  for (const v of violations) {
    const targets = v.nodes.map((n) => n.target);
    const shown = targets.slice(0, 6).join(' | ') + (targets.length > 6 ? ` | ... (${targets.length} elements)` : '');
    const summary = (v.nodes[0]?.summary || '').split('\n').slice(1, 2).join(' ').trim();
    out.errors.push({
      page: rel,
      message: `${v.id} [${v.impact}] ${v.help}`,
      detail: `targets: ${shown}${summary ? `\n      first: ${summary.slice(0, 200)}` : ''}\n      ${v.helpUrl}`,
    });
  }
}

async function phoneCheck(page, rel, out) {
  const m = await page.evaluate((vw) => {
    const de = document.documentElement;
    const meta = document.querySelector('meta[name="viewport" i]');
    const bodyFont = parseFloat(getComputedStyle(document.body).fontSize);
    // Elements sticking out on the right (or left), outside any scrolling or
    // clipping box: the cause of a sideways scroll, or, for fixed elements,
    // content cut off at the screen edge.
    const offenders = [];
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body && p !== de; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox !== 'visible') return true;
      }
      return false;
    };
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += '#' + el.id;
      else if (el.classList.length) s += '.' + [...el.classList].slice(0, 3).join('.');
      const parent = el.parentElement;
      if (parent && parent !== document.body && !el.id) {
        let ps = parent.tagName.toLowerCase();
        if (parent.id) ps += '#' + parent.id; else if (parent.classList.length) ps += '.' + [...parent.classList].slice(0, 2).join('.');
        s = ps + ' > ' + s;
      }
      return s;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (!el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true, opacityProperty: true, checkOpacity: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const pos = getComputedStyle(el).position;
      const fixed = pos === 'fixed' || pos === 'sticky';
      const sticksOut = r.right > vw + 1 && r.left < vw - 1;
      const sticksOutLeft = r.left < -1 && r.right > 1;
      if (!(sticksOut || (fixed && sticksOutLeft))) continue;
      if (clipped(el)) continue;
      // Report the outermost offender only.
      if (offenders.some((o) => o.el.contains(el))) continue;
      offenders.push({ el, desc: describe(el), left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width), fixed: pos === 'fixed' });
    }
    return {
      scrollWidth: de.scrollWidth,
      innerWidth: window.innerWidth,
      fontSize: bodyFont,
      viewportMeta: meta ? meta.getAttribute('content') : null,
      offenders: offenders.slice(0, 5).map(({ el, ...o }) => o),
      fixedOffenders: offenders.filter((o) => o.fixed).map(({ el, ...o }) => o),
    };
  }, PHONE.width);
  const vw = PHONE.width;
  if (!m.viewportMeta || !/width\s*=\s*device-width/i.test(m.viewportMeta)) {
    out.errors.push({ page: rel, message: `no <meta name="viewport" content="width=device-width, initial-scale=1">: phones show the page zoomed out` });
  }
  // With mobile emulation the layout viewport grows to fit wide content, so
  // window.innerWidth may be larger than the screen: compare with the screen.
  if (m.scrollWidth > vw || m.innerWidth > vw) {
    const who = m.offenders.map((o) => `${o.desc} (${o.left}..${o.right}px)`).join('; ');
    out.errors.push({ page: rel, message: `page scrolls sideways at ${vw}px: scrollWidth ${m.scrollWidth}px, innerWidth ${m.innerWidth}px`, detail: who ? `sticking out: ${who}` : undefined });
  } else if (m.fixedOffenders.length) {
    const who = m.fixedOffenders.map((o) => `${o.desc} (${o.left}..${o.right}px, ${o.width}px wide)`).join('; ');
    out.errors.push({ page: rel, message: `fixed-position element wider than the ${vw}px screen (cut off, cannot be scrolled to)`, detail: who });
  }
  if (!(m.fontSize >= 16)) {
    out.errors.push({ page: rel, message: `body font-size is ${m.fontSize}px at ${vw}px wide; must be at least 16px` });
  }
}

// In-page helpers for the keyboard check, installed once per page.
function installKeyboardHelpers() {
  const SEL = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"]), audio[controls], video[controls]';
  const visible = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true, opacityProperty: true, checkOpacity: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;
    const x = r.left + window.scrollX;
    const y = r.top + window.scrollY;
    return x + r.width > 0 && y + r.height > 0;
  };
  const styleOf = (el) => {
    const cs = getComputedStyle(el);
    return {
      outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0, outlineColor: cs.outlineColor,
      outlineOffset: cs.outlineOffset, boxShadow: cs.boxShadow,
    };
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
    const href = el.getAttribute('href');
    if (href) s += `[href="${href.length > 60 ? href.slice(0, 57) + '...' : href}"]`;
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    if (text) s += ` "${text.slice(0, 40)}"`;
    return s;
  };
  const expected = (el) => {
    if (el.tabIndex < 0) return false;
    if (el.matches(':disabled') || el.closest('[inert]')) return false;
    if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
    if (el.tagName === 'IFRAME') return false;
    if (el.tagName === 'SUMMARY' && !(el.parentElement && el.parentElement.tagName === 'DETAILS' && el.parentElement.querySelector(':scope > summary') === el)) return false;
    return visible(el);
  };
  const els = [...document.querySelectorAll(SEL)];
  window.__kb = {
    els,
    before: els.map(styleOf),
    expected: els.map(expected),
    desc: els.map(describe),
    positive: els.filter((el) => el.tabIndex > 0).map(describe),
    styleOf, visible, describe,
  };
  return { count: els.length, expected: window.__kb.expected.filter(Boolean).length };
}

function inspectFocus() {
  const kb = window.__kb;
  let el = document.activeElement;
  // Focus inside a shadow root: follow it down.
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { idx: -1 };
  let idx = kb.els.indexOf(el);
  if (idx < 0) {
    kb.els.push(el);
    kb.before.push(null);
    kb.expected.push(false);
    kb.desc.push(kb.describe(el));
    idx = kb.els.length - 1;
  }
  const now = kb.styleOf(el);
  const before = kb.before[idx];
  const transparent = (c) => /^rgba\(.*,\s*0\)$/.test(c) || c === 'transparent';
  const hasOutline = now.outlineStyle !== 'none' && now.outlineWidth > 0 && !transparent(now.outlineColor);
  const hasShadow = now.boxShadow && now.boxShadow !== 'none';
  const differs = !before || now.outlineStyle !== before.outlineStyle || now.outlineWidth !== before.outlineWidth ||
    now.outlineColor !== before.outlineColor || now.boxShadow !== before.boxShadow || now.outlineOffset !== before.outlineOffset;
  return {
    idx, desc: kb.desc[idx], visible: kb.visible(el),
    indicator: (hasOutline || hasShadow) && differs,
    style: `outline: ${now.outlineStyle} ${now.outlineWidth}px ${now.outlineColor}; box-shadow: ${now.boxShadow}`,
  };
}

async function keyboardCheck(page, rel, out) {
  const setup = await page.evaluate(installKeyboardHelpers);
  const maxPresses = setup.count + 15;
  const visited = [];
  const seen = new Set();
  let wrapped = false;
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(inspectFocus);
    if (f.idx < 0) {
      if (visited.length) { wrapped = true; break; }
      continue;
    }
    if (seen.has(f.idx)) { wrapped = true; break; }
    seen.add(f.idx);
    visited.push(f);
  }
  const meta = await page.evaluate(() => ({ expected: window.__kb.expected, desc: window.__kb.desc, positive: window.__kb.positive }));
  // 1. every visible focusable element is reached
  const missing = [];
  meta.expected.forEach((exp, i) => { if (exp && !seen.has(i)) missing.push(meta.desc[i]); });
  for (const d of missing.slice(0, 10)) out.errors.push({ page: rel, message: `not reachable with Tab: ${d}` });
  if (missing.length > 10) out.errors.push({ page: rel, message: `... and ${missing.length - 10} more elements not reachable with Tab` });
  if (!wrapped && visited.length >= maxPresses) out.warnings.push({ page: rel, message: `Tab did not leave the page after ${maxPresses} presses (focus trap?)` });
  // 2. in document order
  const order = visited.filter((f) => meta.expected[f.idx]).map((f) => f.idx);
  const bad = order.findIndex((x, i) => i > 0 && x < order[i - 1]);
  if (bad > 0) {
    out.errors.push({ page: rel, message: `Tab order differs from the reading order: ${meta.desc[order[bad - 1]]} is followed by ${meta.desc[order[bad]]}` + (meta.positive.length ? ` (positive tabindex on: ${meta.positive.slice(0, 3).join(', ')})` : '') });
  }
  // 3. visible focus indicator on every focused, visible element
  let noIndicator = 0;
  for (const f of visited) {
    if (!f.visible) {
      out.warnings.push({ page: rel, message: `focus lands on an element that is not visible: ${f.desc}` });
      continue;
    }
    if (!f.indicator) {
      noIndicator++;
      if (noIndicator <= 10) out.errors.push({ page: rel, message: `no visible focus indicator (outline or box-shadow that differs from the unfocused state): ${f.desc}`, detail: `focused style: ${f.style}` });
    }
  }
  if (noIndicator > 10) out.errors.push({ page: rel, message: `... and ${noIndicator - 10} more elements without a focus indicator` });
  out.info.push(`${rel}: ${visited.length} Tab stop(s), ${meta.expected.filter(Boolean).length} visible focusable element(s)`);
}
