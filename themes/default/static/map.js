// Interactive maps. Each <figure data-map> of the page holds a static SVG map
// (what readers without JavaScript see) and, in data-map, where the map's data
// is. When the figure comes near the screen, this script loads Leaflet (once,
// from the portal itself) and puts an interactive map in the static one's
// place: the data drawn from the tiles the build cut (canvas tiles for areas
// and lines, focusable markers for points and clusters), coloured as the
// legend says, the participant's outline under it, a popup with a feature's
// properties on click, tap or Enter (Enter picks the feature at the centre).
// Properties are set as text, never as HTML.
(function () {
  'use strict';
  const script = document.currentScript;
  const figures = Array.prototype.slice.call(document.querySelectorAll('figure[data-map]'));
  if (!figures.length || !script || !window.fetch || !('IntersectionObserver' in window)) return;

  let texts = {};
  try { texts = JSON.parse(script.dataset.texts || '{}'); } catch (e) { texts = {}; }
  function say(key, values) {
    return (texts[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  function json(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ': ' + response.status);
      return response.json();
    });
  }

  let leaflet = null;
  function loadLeaflet() {
    if (!leaflet) {
      leaflet = new Promise(function (resolve, reject) {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = script.dataset.leafletCss;
        document.head.appendChild(css);
        const js = document.createElement('script');
        js.src = script.dataset.leaflet;
        js.onload = function () { resolve(window.L); };
        js.onerror = reject;
        document.head.appendChild(js);
      });
    }
    return leaflet;
  }

  // The tiles' tree (analyse::map::tiles): a letter per tile, depth first.
  function parseTree(tree) {
    const codes = new Map();
    let i = 0;
    (function walk(z, x, y) {
      const code = tree[i++];
      if (code === undefined || code === 'e') return;
      if (code !== 'n') codes.set(z + '/' + x + '/' + y, code);
      if (code === 't' || code === 'n') {
        walk(z + 1, 2 * x, 2 * y);
        walk(z + 1, 2 * x + 1, 2 * y);
        walk(z + 1, 2 * x, 2 * y + 1);
        walk(z + 1, 2 * x + 1, 2 * y + 1);
      }
    })(0, 0, 0);
    return codes;
  }

  // A map's data: its manifest, tiles, properties and colours, fetched as needed.
  function Layer(base, manifest, classes, palette) {
    this.base = base;
    this.m = manifest;
    this.classes = classes;
    this.palette = palette;
    this.codes = parseTree(manifest.tree);
    this.files = new Map();
    this.props = new Map();
  }
  Layer.open = function (base, colours) {
    return Promise.all([
      json(base + 'mapa.json'),
      colours ? json(base + colours.file) : Promise.resolve(null),
    ]).then(function (got) {
      return new Layer(base, got[0], got[1] && got[1].c, colours && colours.classes);
    });
  };
  // The tile file that draws tile z/x/y: its own, a leaf above it, or none.
  Layer.prototype.source = function (z, x, y) {
    for (let zz = z; zz >= this.m.first; zz--) {
      const shift = z - zz;
      const sx = Math.floor(x / Math.pow(2, shift));
      const sy = Math.floor(y / Math.pow(2, shift));
      const key = zz + '/' + sx + '/' + sy;
      const code = this.codes.get(key);
      if (code === 'l' || (code === 't' && zz === z)) return { key: key, z: zz, x: sx, y: sy };
      if (code === 't') return null;
    }
    return null;
  };
  Layer.prototype.tile = function (source) {
    if (!this.files.has(source.key)) this.files.set(source.key, json(this.base + 't/' + source.key + '.json'));
    return this.files.get(source.key);
  };
  Layer.prototype.colour = function (id) {
    if (!this.classes) return null;
    const c = this.classes.charCodeAt(id) - 48;
    return c >= 0 && c < this.palette.length ? this.palette[c] : null;
  };
  Layer.prototype.properties = function (id) {
    const chunk = Math.floor(id / this.m.chunk);
    if (!this.props.has(chunk)) this.props.set(chunk, json(this.base + 'p/' + chunk + '.json'));
    const m = this.m;
    return this.props.get(chunk).then(function (rows) { return rows[id % m.chunk]; });
  };

  // Where a display tile (z/x/y, 256 pixels) sits in its source file tile:
  // pixels per unit of the file, and the display tile's offset in pixels.
  function placement(coords, source, extent) {
    const up = Math.pow(2, coords.z - source.z);
    return {
      scale: 256 * up / extent,
      ox: (coords.x - source.x * up) * 256,
      oy: (coords.y - source.y * up) * 256,
    };
  }

  // A run `[x, y, dx, dy…]` as pixel positions.
  function positions(run, at) {
    const out = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < run.length; i += 2) {
      x += run[i];
      y += run[i + 1];
      out.push([x * at.scale - at.ox, y * at.scale - at.oy]);
    }
    return out;
  }

  function trace(ctx, runs, at, close) {
    for (let r = 0; r < runs.length; r++) {
      const points = positions(runs[r], at);
      for (let i = 0; i < points.length; i++) {
        if (i === 0) ctx.moveTo(points[i][0], points[i][1]);
        else ctx.lineTo(points[i][0], points[i][1]);
      }
      if (close) ctx.closePath();
    }
  }

  function insideRings(rings, at, x, y) {
    let inside = false;
    for (let r = 0; r < rings.length; r++) {
      const p = positions(rings[r], at);
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        if ((p[i][1] > y) !== (p[j][1] > y) &&
            x < (p[j][0] - p[i][0]) * (y - p[i][1]) / (p[j][1] - p[i][1]) + p[i][0]) inside = !inside;
      }
    }
    return inside;
  }

  function nearLines(runs, at, x, y, reach) {
    for (let r = 0; r < runs.length; r++) {
      const p = positions(runs[r], at);
      for (let i = 1; i < p.length; i++) {
        const ax = p[i - 1][0], ay = p[i - 1][1], dx = p[i][0] - ax, dy = p[i][1] - ay;
        const len = dx * dx + dy * dy;
        const t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
        const ex = ax + t * dx - x, ey = ay + t * dy - y;
        if (ex * ex + ey * ey <= reach * reach) return true;
      }
    }
    return false;
  }

  function start(figure) {
    let config;
    try { config = JSON.parse(figure.dataset.map); } catch (e) { return; }
    Promise.all([
      loadLeaflet(),
      Layer.open(config.data, config.colours),
      Promise.all((config.context || []).map(function (base) { return Layer.open(base, null); })),
    ]).then(function (got) {
      show(got[0], figure, config, got[1], got[2]);
    }).catch(function (error) {
      const note = document.createElement('p');
      note.className = 'map-note';
      note.textContent = say('failed');
      figure.appendChild(note);
      if (window.console) console.warn(error);
    });
  }

  function show(L, figure, config, layer, context) {
    const accent = getComputedStyle(figure).getPropertyValue('--accent').trim() || '#0b5e55';
    const svg = figure.querySelector('svg.map-svg');
    const box = document.createElement('div');
    box.className = 'map-live';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', say('label', { title: config.title }));
    figure.insertBefore(box, svg);
    svg.style.display = 'none';
    const m = layer.m;
    const map = L.map(box, {
      minZoom: m.first,
      maxZoom: 18,
      scrollWheelZoom: false,
      zoomControl: false,
    });
    L.control.zoom({ zoomInTitle: say('zoom_in'), zoomOutTitle: say('zoom_out') }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (config.basemap) {
      const attribution = document.createElement('span');
      attribution.textContent = config.basemap.attribution;
      L.tileLayer(config.basemap.tiles, { attribution: attribution.innerHTML, maxZoom: 19 }).addTo(map);
    }
    const markers = L.layerGroup().addTo(map);

    const Tiles = L.GridLayer.extend({
      createTile: function (coords, done) {
        const grid = this;
        const canvas = document.createElement('canvas');
        const ratio = window.devicePixelRatio || 1;
        canvas.width = 256 * ratio;
        canvas.height = 256 * ratio;
        const source = grid.options.layer.source(coords.z, coords.x, coords.y);
        if (!source) {
          setTimeout(function () { done(null, canvas); }, 0);
          return canvas;
        }
        grid.options.layer.tile(source).then(function (tile) {
          const at = placement(coords, source, tile.e);
          const ctx = canvas.getContext('2d');
          ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
          paint(ctx, tile, at, grid.options.layer, grid.options.outline);
          if (!grid.options.outline) grid.addMarkers(coords, tile, source, at);
          done(null, canvas);
        }, function (error) { done(error, canvas); });
        return canvas;
      },
      addMarkers: function (coords, tile, source, at) {
        const key = this._tileCoordsToKey(coords);
        const made = pointMarkers(tile, source, at, coords);
        if (!this.made) this.made = new Map();
        this.made.set(key, made);
        made.forEach(function (marker) { markers.addLayer(marker); });
      },
    });

    function paint(ctx, tile, at, data, outline) {
      ctx.lineJoin = 'round';
      for (let k = 0; k < tile.a.length; k++) {
        const area = tile.a[k];
        ctx.beginPath();
        trace(ctx, area.slice(1), at, true);
        if (outline) {
          ctx.strokeStyle = '#4d4d4d';
          ctx.lineWidth = 2;
          ctx.setLineDash([6, 4]);
          ctx.stroke();
          continue;
        }
        ctx.globalAlpha = 0.7;
        ctx.fillStyle = data.colour(area[0]) || accent;
        ctx.fill('evenodd');
        ctx.globalAlpha = 1;
        ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
        ctx.lineWidth = 0.8;
        ctx.stroke();
      }
      for (let k = 0; k < tile.l.length; k++) {
        const line = tile.l[k];
        ctx.beginPath();
        trace(ctx, line.slice(1), at, false);
        ctx.strokeStyle = outline ? '#4d4d4d' : data.colour(line[0]) || accent;
        ctx.lineWidth = outline ? 1.5 : 3;
        ctx.stroke();
      }
    }

    // A place from world coordinates (0 to 1, y southwards).
    function worldLatLng(x, y) {
      const lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180 / Math.PI;
      return L.latLng(lat, x * 360 - 180);
    }

    // The tile's points as markers: the clusters the build made, or, in a
    // leaf scaled up, its points grouped by 64-pixel cells of this tile.
    function pointMarkers(tile, source, at, coords) {
      const made = [];
      const place = function (u, v) {
        const n = Math.pow(2, source.z);
        return worldLatLng((source.x + u / tile.e) / n, (source.y + v / tile.e) / n);
      };
      if (source.z === coords.z && tile.c.length) {
        tile.c.forEach(function (c) { made.push(cluster(c[0], place(c[1], c[2]))); });
        tile.p.forEach(function (p) { made.push(point(p, place(p[1], p[2]))); });
        return made;
      }
      const cells = new Map();
      tile.p.forEach(function (p) {
        const x = p[1] * at.scale - at.ox;
        const y = p[2] * at.scale - at.oy;
        if (x < 0 || y < 0 || x >= 256 || y >= 256) return;
        const key = Math.floor(x / 64) + ',' + Math.floor(y / 64);
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(p);
      });
      cells.forEach(function (members) {
        if (members.length === 1) {
          made.push(point(members[0], place(members[0][1], members[0][2])));
          return;
        }
        let u = 0;
        let v = 0;
        members.forEach(function (p) { u += p[1]; v += p[2]; });
        made.push(cluster(members.length, place(u / members.length, v / members.length)));
      });
      return made;
    }

    function point(p, at) {
      const marker = L.marker(at, {
        icon: L.divIcon({ className: 'map-marker', iconSize: [16, 16] }),
        keyboard: true,
        title: p[3] || say('feature', { n: p[0] + 1 }),
        riseOnHover: true,
      });
      marker.on('add', function () {
        const colour = layer.colour(p[0]) || accent;
        marker.getElement().style.backgroundColor = colour;
      });
      marker.on('click', function () { showFeature(p[0], at); });
      return marker;
    }

    function cluster(count, at) {
      const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
      const marker = L.marker(at, {
        icon: L.divIcon({ className: 'map-cluster', html: String(count), iconSize: [size, size] }),
        keyboard: true,
        title: say('cluster', { n: count }),
      });
      marker.on('click', function () {
        map.setView(at, Math.min(map.getZoom() + 2, map.getMaxZoom()));
      });
      return marker;
    }

    // The feature under a place: lines first (within 6 pixels), then areas.
    function pick(at, fromKeyboard) {
      const z = map.getZoom();
      const p = map.project(at, z);
      const coords = { z: z, x: Math.floor(p.x / 256), y: Math.floor(p.y / 256) };
      const source = layer.source(coords.z, coords.x, coords.y);
      if (!source) return nothing(at, fromKeyboard);
      layer.tile(source).then(function (tile) {
        const placed = placement(coords, source, tile.e);
        const x = p.x - coords.x * 256;
        const y = p.y - coords.y * 256;
        for (let k = tile.l.length - 1; k >= 0; k--) {
          if (nearLines(tile.l[k].slice(1), placed, x, y, 6)) return showFeature(tile.l[k][0], at, fromKeyboard);
        }
        for (let k = tile.a.length - 1; k >= 0; k--) {
          if (insideRings(tile.a[k].slice(1), placed, x, y)) return showFeature(tile.a[k][0], at, fromKeyboard);
        }
        if (fromKeyboard) {
          for (let k = 0; k < tile.p.length; k++) {
            const dx = tile.p[k][1] * placed.scale - placed.ox - x;
            const dy = tile.p[k][2] * placed.scale - placed.oy - y;
            if (dx * dx + dy * dy <= 144) return showFeature(tile.p[k][0], at, fromKeyboard);
          }
        }
        nothing(at, fromKeyboard);
      });
    }

    function nothing(at, fromKeyboard) {
      if (!fromKeyboard) return;
      const note = document.createElement('p');
      note.textContent = say('nothing');
      L.popup().setLatLng(at).setContent(note).openOn(map);
    }

    function showFeature(id, at, fromKeyboard) {
      layer.properties(id).then(function (row) {
        const content = document.createElement('div');
        content.className = 'map-popup';
        content.tabIndex = -1;
        const title = document.createElement('p');
        title.className = 'map-popup-title';
        const name = m.name !== null && m.name !== undefined ? row[m.name + 1] : '';
        title.textContent = name || say(config.rows ? 'row' : 'feature', { n: row[0] });
        content.appendChild(title);
        const table = document.createElement('table');
        for (let i = 0; i < m.columns.length; i++) {
          const value = row[i + 1];
          if (value === undefined || value === '') continue;
          const tr = document.createElement('tr');
          const th = document.createElement('th');
          th.scope = 'row';
          th.textContent = m.columns[i];
          const td = document.createElement('td');
          td.textContent = value;
          tr.appendChild(th);
          tr.appendChild(td);
          table.appendChild(tr);
        }
        content.appendChild(table);
        if (config.links && config.links[id]) {
          const more = document.createElement('p');
          const link = document.createElement('a');
          link.href = config.links[id];
          link.textContent = say('page', { name: title.textContent });
          more.appendChild(link);
          content.appendChild(more);
        }
        // Escape closes it (Leaflet listens only while the map itself has focus).
        content.addEventListener('keydown', function (event) {
          if (event.key === 'Escape') {
            map.closePopup();
            box.focus();
          }
        });
        L.popup({ maxWidth: 320, autoPanPadding: [16, 16] }).setLatLng(at).setContent(content).openOn(map);
        if (fromKeyboard) content.focus();
      });
    }

    context.forEach(function (outline) {
      new Tiles({ layer: outline, outline: true, minZoom: m.first }).addTo(map);
    });
    const data = new Tiles({ layer: layer, outline: false, minZoom: m.first });
    data.on('tileunload', function (event) {
      const key = data._tileCoordsToKey(event.coords);
      const made = data.made && data.made.get(key);
      if (made) made.forEach(function (marker) { markers.removeLayer(marker); });
      if (data.made) data.made.delete(key);
    });
    data.addTo(map);
    map.on('click', function (event) { pick(event.latlng, false); });
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && event.target === box) {
        event.preventDefault();
        pick(map.getCenter(), true);
      }
    });
    map.on('popupclose', function () {
      if (box.contains(document.activeElement) && document.activeElement !== box) box.focus();
    });
    const b = m.bbox;
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [16, 16], maxZoom: 16 });
    // The map, for the portal's own scripts and its browser tests.
    figure.abiertoMap = map;
    figure.classList.add('map-is-live');
  }

  const observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        start(entry.target);
      }
    });
  }, { rootMargin: '200px' });
  figures.forEach(function (figure) { observer.observe(figure); });
})();
