// A small static server that serves a built site under a path prefix the way
// GitHub Pages does: "/red/x/" -> OUT/x/index.html, "/red/x" (a folder) ->
// 301 to "/red/x/", anything missing -> 404 with the body of OUT/404.html.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.parquet': 'application/vnd.apache.parquet',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Start the server on 127.0.0.1 (random free port).
 * Returns { origin, port, close(), log } where log lists {method, path, status}.
 */
export async function startServer(root, base) {
  root = path.resolve(root);
  const log = [];
  const notFoundFile = path.join(root, '404.html');

  const server = http.createServer((req, res) => {
    const send = (status, headers, body) => {
      log.push({ method: req.method, path: req.url, status });
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      let body = 'Not Found';
      let type = 'text/plain; charset=utf-8';
      if (fs.existsSync(notFoundFile)) {
        body = fs.readFileSync(notFoundFile);
        type = CONTENT_TYPES['.html'];
      }
      send(404, { 'content-type': type, 'cache-control': 'no-store' }, body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }, 'Method Not Allowed');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, { 'content-type': 'text/plain' }, 'Bad Request');
    }
    if (pathname + '/' === base) {
      return send(301, { location: base }, '');
    }
    if (!pathname.startsWith(base)) return notFound();
    const rel = pathname.slice(base.length);
    const abs = path.resolve(root, rel);
    if (abs !== root && !abs.startsWith(root + path.sep)) return notFound();
    if (rel.split('/').some((s) => s === '..' || s.includes('\0'))) return notFound();

    let file = abs;
    let st;
    try {
      st = fs.statSync(file);
    } catch {
      return notFound();
    }
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const q = new URL(req.url, 'http://x').search;
        return send(301, { location: encodeURI(pathname) + '/' + q }, '');
      }
      file = path.join(file, 'index.html');
      try {
        st = fs.statSync(file);
      } catch {
        return notFound();
      }
      if (!st.isFile()) return notFound();
    } else if (pathname.endsWith('/')) {
      return notFound();
    }
    send(200, { 'content-type': contentType(file), 'content-length': st.size, 'cache-control': 'no-store' },
      fs.readFileSync(file));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    log,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}
