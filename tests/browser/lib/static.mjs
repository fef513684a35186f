// Checks done in Node by parsing the built files (no browser):
//   5. links   - internal URLs resolve to files, #fragments to ids
//   6. weight  - HTML + local CSS + JS per page under the limit
//   4. (static part of "hosts") - no resource (script, style, image, ...)
//      is loaded from another host.
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { fileToUrlPath } from './site.mjs';

const FAKE_ORIGIN = 'http://abierto.invalid';

// <link rel> values that make the browser fetch something.
const FETCHING_RELS = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'apple-touch-icon-precomposed',
  'mask-icon', 'manifest', 'preload', 'prefetch', 'modulepreload', 'preconnect', 'dns-prefetch', 'prerender']);

// tag -> attributes holding a URL that the browser fetches by itself.
const RESOURCE_ATTRS = {
  script: ['src'], img: ['src', 'srcset'], source: ['src', 'srcset'], iframe: ['src'],
  video: ['src', 'poster'], audio: ['src'], track: ['src'], embed: ['src'], object: ['data'],
  image: ['href', 'xlink:href'], use: ['href', 'xlink:href'], feimage: ['href', 'xlink:href'],
};
// tag -> attributes holding a URL the user navigates to.
const NAV_ATTRS = { a: ['href', 'xlink:href'], area: ['href'], form: ['action'], button: ['formaction'], blockquote: ['cite'], q: ['cite'] };

function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (pos) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function parseSrcset(v) {
  // HTML's srcset parsing: a URL is a run of non-space characters (trailing
  // commas end the candidate); descriptors run up to the next comma.
  const out = [];
  let i = 0;
  const n = v.length;
  while (i < n) {
    while (i < n && /[\s,]/.test(v[i])) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !/\s/.test(v[j])) j++;
    let url = v.slice(i, j);
    i = j;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < n) {
        const ch = v[i];
        if (ch === '(') depth++;
        else if (ch === ')') depth = Math.max(0, depth - 1);
        else if (ch === ',' && depth === 0) break;
        i++;
      }
    }
    if (url) out.push(url);
  }
  return out;
}

const CSS_URL_RE = /(@import\s+)?url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

export function cssUrls(text) {
  const out = [];
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of noComments.matchAll(CSS_URL_RE)) {
    const u = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6];
    const isImport = m[1] !== undefined || m[5] !== undefined || m[6] !== undefined;
    if (u !== undefined && u !== '') out.push({ url: u, isImport });
  }
  return out;
}

const JS_IMPORT_RE = /\b(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"'\n]+)["']|\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g;

function jsImports(text) {
  const out = [];
  for (const m of text.matchAll(JS_IMPORT_RE)) out.push(m[1] ?? m[2]);
  return out.filter((u) => /^(\.{1,2}\/|\/)/.test(u));
}

/** Parse one HTML (or SVG with xmlMode) file: ids and URL references. */
export function parseDoc(text, { xmlMode = false } = {}) {
  const ids = new Set();
  const refs = [];
  let baseHref = null;
  const lineOf = lineIndex(text);
  let styleDepth = 0;
  let styleText = '';
  let styleLine = 0;
  const parser = new Parser({
    onopentag(name, attribs) {
      const tag = name.toLowerCase();
      const line = lineOf(parser.startIndex);
      if (attribs.id !== undefined) ids.add(attribs.id);
      if (tag === 'a' && attribs.name !== undefined) ids.add(attribs.name);
      if (tag === 'base' && attribs.href !== undefined && baseHref === null) baseHref = attribs.href;
      if (tag === 'style') { styleDepth++; styleText = ''; styleLine = line; }
      const add = (attr, value, kind, extra = {}) => refs.push({ tag, attr, value, kind, line, ...extra });
      if (tag === 'link' && attribs.href !== undefined) {
        const rels = (attribs.rel || '').toLowerCase().split(/\s+/).filter(Boolean);
        const fetching = rels.some((r) => FETCHING_RELS.has(r));
        add('href', attribs.href, fetching ? 'resource' : 'nav', { rels, as: (attribs.as || '').toLowerCase(), type: attribs.type });
        if (attribs.imagesrcset) for (const u of parseSrcset(attribs.imagesrcset)) add('imagesrcset', u, 'resource', { rels });
      }
      for (const attr of RESOURCE_ATTRS[tag] || []) {
        if (attribs[attr] === undefined) continue;
        if (attr === 'srcset') for (const u of parseSrcset(attribs[attr])) add(attr, u, 'resource');
        else add(attr, attribs[attr], 'resource', tag === 'script' ? { module: (attribs.type || '').toLowerCase() === 'module' } : {});
      }
      for (const attr of NAV_ATTRS[tag] || []) {
        if (attribs[attr] !== undefined) add(attr, attribs[attr], 'nav');
      }
      if (tag === 'input' && (attribs.type || '').toLowerCase() === 'image' && attribs.src !== undefined) add('src', attribs.src, 'resource');
      if (tag === 'meta' && (attribs['http-equiv'] || '').toLowerCase() === 'refresh' && attribs.content) {
        const m = attribs.content.match(/url\s*=\s*['"]?([^'"\s;]+)/i);
        if (m) add('content', m[1], 'nav');
      }
      if (attribs.style && /url\(|@import/i.test(attribs.style)) {
        for (const u of cssUrls(attribs.style)) add('style', u.url, 'resource');
      }
    },
    ontext(t) { if (styleDepth) styleText += t; },
    onclosetag(name) {
      if (name.toLowerCase() === 'style' && styleDepth) {
        styleDepth--;
        for (const u of cssUrls(styleText)) refs.push({ tag: 'style', attr: 'url()', value: u.url, kind: 'resource', line: styleLine, cssImport: u.isImport });
      }
    },
  }, { xmlMode, decodeEntities: true, lowerCaseTags: !xmlMode, lowerCaseAttributeNames: !xmlMode, recognizeSelfClosing: true });
  parser.write(text);
  parser.end();
  return { ids, refs, baseHref };
}

const SCHEME_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * Classify one URL found in a document.
 * Returns {type: 'external'|'scheme'|'local'|'fragment'|'empty'|'error', ...}
 */
function classify(value, docUrl, site) {
  const v = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  if (v === '') return { type: 'empty' };
  if (v.startsWith('#')) return { type: 'fragment', fragment: v.slice(1) };
  const scheme = v.match(SCHEME_RE);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s === 'http' || s === 'https') return { type: 'external', url: v };
    return { type: 'scheme', scheme: s, url: v };
  }
  if (v.startsWith('//') || v.startsWith('\\\\')) return { type: 'external', url: 'https:' + v };
  let u;
  try { u = new URL(v, docUrl); } catch { return { type: 'error', message: `unparsable URL "${v}"` }; }
  if (u.origin !== FAKE_ORIGIN) return { type: 'external', url: u.href };
  const relative = !v.startsWith('/');
  let pathname;
  try { pathname = decodeURIComponent(u.pathname); } catch { return { type: 'error', message: `bad percent-encoding in "${v}"` }; }
  const fragment = u.hash ? u.hash.slice(1) : null;
  if (!pathname.startsWith(site.base)) {
    if (pathname + '/' === site.base) return { type: 'local', target: 'index.html', redirect: true, fragment, relative };
    return { type: 'error', message: relative ? `relative URL "${v}" leaves the base path ${site.base}` : `root-relative URL "${v}" is outside the base path ${site.base}` };
  }
  let target = pathname.slice(site.base.length);
  if (target === '' || target.endsWith('/')) target += 'index.html';
  return { type: 'local', target, fragment, relative };
}

function fragmentOk(fragment, ids) {
  if (fragment === null || fragment === '' || fragment.startsWith(':~:')) return true;
  let decoded = fragment;
  try { decoded = decodeURIComponent(fragment); } catch { /* keep raw */ }
  if (ids.has(decoded) || ids.has(fragment)) return true;
  return decoded.toLowerCase() === 'top';
}

export function runStaticChecks(site, opts = {}) {
  const limit = opts.weightLimit ?? 150 * 1024;
  const links = { errors: [], warnings: [], info: [] };
  const hosts = { errors: [], warnings: [], info: [] };
  const weight = { errors: [], warnings: [], info: [], table: [] };
  const external = new Map(); // url -> count
  const docCache = new Map(); // rel -> parsed doc (html/svg)
  const textCache = new Map();

  const readText = (rel) => {
    if (!textCache.has(rel)) textCache.set(rel, fs.readFileSync(path.join(site.root, rel), 'utf8'));
    return textCache.get(rel);
  };
  const docOf = (rel) => {
    if (!docCache.has(rel)) {
      const lower = rel.toLowerCase();
      const xmlMode = lower.endsWith('.svg');
      docCache.set(rel, parseDoc(readText(rel), { xmlMode }));
    }
    return docCache.get(rel);
  };
  const resolveTarget = (target) => {
    if (site.fileSet.has(target)) return { file: target };
    if (site.fileSet.has(target + '/index.html')) return { file: target + '/index.html', redirect: true };
    return null;
  };
  const hasIdsFile = (f) => /\.(html?|svg)$/i.test(f);

  // Checks one reference; returns the resolved local file (or null).
  const checkRef = (fromRel, ref, docUrl, ownIds, isHtmlPage) => {
    const where = ref.line ? `line ${ref.line}` : '';
    const what = `<${ref.tag} ${ref.attr}="${ref.value}">`;
    const c = classify(ref.value, docUrl, site);
    switch (c.type) {
      case 'empty':
        if (ref.kind === 'resource') links.errors.push({ page: fromRel, where, message: `empty URL in ${what}` });
        return null;
      case 'fragment':
        // url(#id) inside a CSS file refers to the document using it.
        if (ref.tag === 'css') return null;
        if (!fragmentOk(c.fragment, ownIds)) links.errors.push({ page: fromRel, where, message: `${what}: no element with id="${c.fragment}" in this page` });
        return null;
      case 'scheme':
        if (ref.kind === 'resource' && c.scheme !== 'data' && c.scheme !== 'blob') {
          links.errors.push({ page: fromRel, where, message: `${what}: resource with unsupported scheme "${c.scheme}:"` });
        }
        return null;
      case 'external':
        if (ref.kind === 'resource') {
          hosts.errors.push({ page: fromRel, where, message: `${what} loads from another host: ${c.url}` });
        } else if (ref.tag !== 'link') {
          // <link rel=canonical|alternate> with absolute URLs is expected; not listed.
          external.set(c.url, (external.get(c.url) || 0) + 1);
        }
        return null;
      case 'error':
        links.errors.push({ page: fromRel, where, message: `${what}: ${c.message}` });
        return null;
      case 'local': {
        if (isHtmlPage && fromRel === '404.html' && c.relative) {
          links.errors.push({ page: fromRel, where, message: `${what}: relative URL in 404.html; it is served at any missing path, so use a root-relative URL starting with ${site.base}` });
        }
        const r = resolveTarget(c.target);
        if (!r) {
          links.errors.push({ page: fromRel, where, message: `${what}: broken link, no file ${c.target} in the site` });
          return null;
        }
        if (r.redirect || c.redirect) {
          links.warnings.push({ page: fromRel, where, message: `${what}: points at a folder without a trailing slash (works only through a redirect)` });
        }
        if (c.fragment && hasIdsFile(r.file) && !fragmentOk(c.fragment, docOf(r.file).ids)) {
          links.errors.push({ page: fromRel, where, message: `${what}: no element with id="${c.fragment}" in ${r.file}` });
        }
        return r.file;
      }
      default:
        return null;
    }
  };

  // CSS files: their url()/@import references, checked once per file.
  const cssDeps = new Map(); // css rel -> [imported css rels]
  const cssOf = (cssRel) => {
    if (cssDeps.has(cssRel)) return cssDeps.get(cssRel);
    const deps = [];
    cssDeps.set(cssRel, deps);
    const docUrl = new URL(fileToUrlPath(cssRel, site.base), FAKE_ORIGIN);
    for (const u of cssUrls(readText(cssRel))) {
      const f = checkRef(cssRel, { tag: 'css', attr: u.isImport ? '@import' : 'url()', value: u.url, kind: 'resource' }, docUrl, new Set(), false);
      if (f && u.isImport) deps.push(f);
    }
    return deps;
  };
  const jsDeps = new Map();
  const moduleDepsOf = (jsRel) => {
    if (jsDeps.has(jsRel)) return jsDeps.get(jsRel);
    const deps = [];
    jsDeps.set(jsRel, deps);
    const docUrl = new URL(fileToUrlPath(jsRel, site.base), FAKE_ORIGIN);
    for (const spec of jsImports(readText(jsRel))) {
      const f = checkRef(jsRel, { tag: 'js', attr: 'import', value: spec, kind: 'resource' }, docUrl, new Set(), false);
      if (f) deps.push(f);
    }
    return deps;
  };

  for (const rel of site.htmlFiles) {
    const doc = docOf(rel);
    const pageUrl = new URL(fileToUrlPath(rel, site.base), FAKE_ORIGIN);
    let docUrl = pageUrl;
    if (doc.baseHref !== null) {
      try { docUrl = new URL(doc.baseHref, pageUrl); } catch { links.errors.push({ page: rel, message: `unparsable <base href="${doc.baseHref}">` }); }
    }
    const css = new Set();
    const js = new Set();
    for (const ref of doc.refs) {
      const f = checkRef(rel, ref, docUrl, doc.ids, true);
      if (!f) continue;
      const rels = ref.rels || [];
      if (ref.tag === 'link' && (rels.includes('stylesheet') || (rels.includes('preload') && ref.as === 'style'))) css.add(f);
      else if (ref.tag === 'style' && ref.cssImport) css.add(f);
      else if (ref.tag === 'script' && ref.attr === 'src') {
        js.add(f);
        if (ref.module) for (const d of moduleClosure(f)) js.add(d);
      } else if (ref.tag === 'link' && (rels.includes('modulepreload') || (rels.includes('preload') && ref.as === 'script'))) js.add(f);
    }
    // CSS @import closure.
    const stack = [...css];
    while (stack.length) {
      const c = stack.pop();
      if (!/\.css$/i.test(c)) continue;
      for (const d of cssOf(c)) if (!css.has(d)) { css.add(d); stack.push(d); }
    }
    const size = (f) => fs.statSync(path.join(site.root, f)).size;
    const htmlBytes = size(rel);
    const cssBytes = [...css].reduce((a, f) => a + size(f), 0);
    const jsBytes = [...js].reduce((a, f) => a + size(f), 0);
    const total = htmlBytes + cssBytes + jsBytes;
    weight.table.push({ page: rel, total, html: htmlBytes, css: cssBytes, js: jsBytes });
    if (total >= limit) {
      weight.errors.push({ page: rel, message: `${kb(total)} (HTML ${kb(htmlBytes)} + CSS ${kb(cssBytes)} + JS ${kb(jsBytes)}) is not under the limit of ${kb(limit)}` });
    }
  }
  function moduleClosure(f) {
    const seen = new Set();
    const stack = [f];
    while (stack.length) {
      const x = stack.pop();
      if (seen.has(x) || !/\.m?js$/i.test(x)) continue;
      seen.add(x);
      stack.push(...moduleDepsOf(x));
    }
    seen.delete(f);
    return seen;
  }
  // Also check CSS files no page references directly (they may be imported by JS).
  for (const f of site.files) if (/\.css$/i.test(f)) cssOf(f);

  weight.table.sort((a, b) => b.total - a.total || (a.page < b.page ? -1 : 1));
  weight.info.push(`limit per page: ${kb(limit)} of HTML + local CSS + JS (uncompressed; images and downloads not counted)`);
  weight.info.push('heaviest pages:');
  for (const r of weight.table.slice(0, 5)) {
    weight.info.push(`  ${kb(r.total).padStart(10)}  ${r.page}  (HTML ${kb(r.html)}, CSS ${kb(r.css)}, JS ${kb(r.js)})`);
  }
  const ext = [...external.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  links.info.push(`${site.htmlFiles.length} HTML files parsed; ${ext.length} distinct external link(s) in <a> and other navigation attributes (listed, not fetched)`);
  const MAX = 40;
  for (const [u, n] of ext.slice(0, MAX)) links.info.push(`  external: ${u}${n > 1 ? `  (x${n})` : ''}`);
  if (ext.length > MAX) links.info.push(`  ... and ${ext.length - MAX} more`);
  return { links, hosts, weight, external: ext.map(([u]) => u) };
}

export function kb(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}
