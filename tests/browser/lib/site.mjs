// Discovering the pages of a built site and mapping files <-> URLs.
import fs from 'node:fs';
import path from 'node:path';

/** Normalise a base path to the form "/red/" (or "/"). */
export function normaliseBase(base) {
  let b = (base || '/').trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b.replace(/\/{2,}/g, '/');
}

/** All files under dir (relative paths with forward slashes), sorted. */
export function walk(dir) {
  const out = [];
  const rec = (rel) => {
    const abs = path.join(dir, rel);
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) rec(r);
      else if (ent.isFile() || ent.isSymbolicLink()) out.push(r);
    }
  };
  rec('');
  return out.sort(compareRel);
}

// Sort so that "a/index.html" comes before "a/b/index.html" and names sort
// bytewise: deterministic on every machine (no locale).
function compareRel(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** URL path at which a file (relative to OUT) is served. */
export function fileToUrlPath(rel, base) {
  if (rel === 'index.html') return base;
  if (rel.endsWith('/index.html')) return base + encodePath(rel.slice(0, -'index.html'.length));
  return base + encodePath(rel);
}

function encodePath(p) {
  return p.split('/').map((s) => encodeURIComponent(s)).join('/');
}

/** Simple glob over relative paths: "*" matches one path segment (no "/"). */
export function globFirst(relFiles, pattern) {
  const re = new RegExp('^' + pattern.split('*').map(escapeRe).join('[^/]+') + '$');
  return relFiles.find((f) => re.test(f)) || null;
}

function escapeRe(s) {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export const MISSING_PATH = '__abierto-check-no-such-page__/';

/**
 * The page kinds the suite screenshots (and keyboard-checks, for some).
 * Each can be overridden with an env var holding a path relative to OUT.
 */
export const KINDS = [
  { name: 'home', env: 'ABIERTO_PAGE_HOME', patterns: ['index.html'], keyboard: true },
  { name: 'catalog', env: 'ABIERTO_PAGE_CATALOG', patterns: ['datos/index.html'], keyboard: true },
  { name: 'dataset', env: 'ABIERTO_PAGE_DATASET', patterns: ['datos/*/*/index.html', 'datos/*/index.html'], keyboard: true },
  { name: 'history', env: 'ABIERTO_PAGE_HISTORY', patterns: ['datos/*/*/historial/index.html'] },
  { name: 'change', env: 'ABIERTO_PAGE_CHANGE', patterns: ['datos/*/*/historial/*/index.html'] },
  { name: 'participant', env: 'ABIERTO_PAGE_PARTICIPANT', patterns: ['participantes/xalapa/index.html', 'participantes/*/index.html'] },
  { name: 'stories', env: 'ABIERTO_PAGE_STORIES', patterns: ['historias/index.html'] },
  { name: 'story', env: 'ABIERTO_PAGE_STORY', patterns: ['historias/*/*/index.html', 'historias/*/index.html'] },
  { name: 'page', env: 'ABIERTO_PAGE_PLAIN', patterns: ['acerca/index.html'] },
  { name: '404', env: null, patterns: ['404.html'] },
];

export function loadSite(outDir, base) {
  const root = path.resolve(outDir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new Error(`site folder not found: ${outDir}`);
  }
  base = normaliseBase(base);
  const files = walk(root);
  const htmlFiles = files.filter((f) => f.toLowerCase().endsWith('.html'));
  const kinds = [];
  const kindWarnings = [];
  for (const k of KINDS) {
    let rel = null;
    const override = k.env && process.env[k.env];
    if (override) {
      rel = override.replace(/^\/+/, '');
      if (!htmlFiles.includes(rel)) {
        kindWarnings.push(`${k.env}=${override}: no such HTML file in the site`);
        rel = null;
      }
    } else {
      for (const p of k.patterns) {
        rel = globFirst(htmlFiles, p);
        if (rel) break;
      }
    }
    if (rel) kinds.push({ ...k, rel });
    else kindWarnings.push(`no page of kind "${k.name}" (looked for ${k.patterns.join(', ')})`);
  }
  return {
    root,
    base,
    files,
    fileSet: new Set(files),
    htmlFiles,
    kinds,
    kindWarnings,
    tileHosts: tileHosts(root, htmlFiles),
    /** URL path the browser loads for an HTML file (404.html: a missing URL). */
    urlFor(rel) {
      if (rel === '404.html') return base + MISSING_PATH;
      return fileToUrlPath(rel, base);
    },
  };
}

/**
 * The hosts of the tile servers the portal chose (`[maps] tiles` in
 * portal.toml), read from its maps' `data-map`: the only other hosts a page
 * may ask. `{s}` in a host stands for any subdomain.
 */
export function tileHosts(root, htmlFiles) {
  const hosts = new Set();
  const attribute = /data-map=(?:'([^']*)'|"([^"]*)")/g;
  const unescape = (t) => t.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const rel of htmlFiles) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const m of text.matchAll(attribute)) {
      try {
        const config = JSON.parse(unescape(m[1] ?? m[2]));
        if (config.basemap && config.basemap.tiles) {
          const host = /^https?:\/\/([^/]+)/.exec(config.basemap.tiles);
          if (host) hosts.add(host[1].toLowerCase());
        }
      } catch { /* not a map's configuration */ }
    }
  }
  return [...hosts];
}

/** Whether a URL's host is one of the tile hosts (`{s}`: any one label). */
export function isTileHost(hosts, url) {
  let host;
  try { host = new URL(url).host; } catch { return false; }
  return hosts.some((h) => {
    const pattern = h.split('{s}').map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^.]+');
    return new RegExp(`^${pattern}$`).test(host);
  });
}
