// The table explorer: every row of a table, sorted and filtered in the browser.
// The page holds the first rows; the whole table is fetched (once, as
// `datos.bin`) only when the reader sorts, filters or turns the page. Each
// column there is a dictionary of its values in the column's order and a code
// per row (format: abierto's `analyse::explore`), so sorting is counting codes
// and filtering is looking codes up. The state lives in the address, so a view
// can be shared. Cells are always written as text, never as HTML.
(function () {
  'use strict';
  var form = document.getElementById('explorador');
  var configNode = document.getElementById('explorador-config');
  if (!form || !configNode || !window.fetch || !window.Uint32Array) return;
  var config = JSON.parse(configNode.textContent);
  var text = config.text;
  var table = document.getElementById('explorador-tabla');
  var body = table.tBodies[0];
  var status = document.getElementById('explorador-estado');
  var pager = document.getElementById('explorador-paginas');
  var pageLabel = document.getElementById('explorador-pagina');
  var previous = document.getElementById('explorador-anterior');
  var next = document.getElementById('explorador-siguiente');
  var search = document.getElementById('explorador-buscar');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  var data = null; // the table, once fetched
  var loading = null; // the fetch under way
  var view = null; // the rows shown, in order: { rows: Uint32Array, count }
  var viewKey = '';
  var state = readState();

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }
  function integer(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, config.thousands);
  }
  // Lower case, without accents: what the text search compares.
  function fold(s) {
    // eslint-disable-next-line no-control-regex
    if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase();
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  // A column's values as the search compares them, folded once.
  function folded(column) {
    if (!column.folded) column.folded = column.values.map(fold);
    return column.folded;
  }

  // ---- state: the address's query ----
  function readState() {
    var query = new URLSearchParams(location.search);
    var s = { q: query.get('q') || '', sort: -1, desc: query.get('sentido') === 'desc',
      values: {}, min: {}, max: {}, page: Math.max(1, parseInt(query.get('pagina'), 10) || 1) };
    var sort = parseInt(query.get('orden'), 10);
    if (sort >= 0 && sort < config.columns.length) s.sort = sort;
    query.forEach(function (value, key) {
      var m = /^(v|min|max)(\d+)$/.exec(key);
      if (m && value !== '' && +m[2] < config.columns.length) {
        (m[1] === 'v' ? s.values : s[m[1]])[m[2]] = value;
      }
    });
    return s;
  }
  function writeState() {
    var query = new URLSearchParams();
    if (state.q) query.set('q', state.q);
    if (state.sort >= 0) {
      query.set('orden', state.sort);
      if (state.desc) query.set('sentido', 'desc');
    }
    ['values', 'min', 'max'].forEach(function (kind) {
      var prefix = kind === 'values' ? 'v' : kind;
      Object.keys(state[kind]).forEach(function (c) { query.set(prefix + c, state[kind][c]); });
    });
    if (state.page > 1) query.set('pagina', state.page);
    var search = query.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
  }
  function isPlain(s) {
    return !s.q && s.sort < 0 && !Object.keys(s.values).length && !Object.keys(s.min).length &&
      !Object.keys(s.max).length;
  }

  // ---- the data ----
  function load() {
    if (data) return Promise.resolve(data);
    if (!loading) {
      loading = fetch(config.data).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        data = parse(buffer);
        return data;
      });
    }
    return loading;
  }
  function parse(buffer) {
    var bytes = new Uint8Array(buffer);
    if (String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'ABX1') throw new Error('format');
    var length = new DataView(buffer).getUint32(4, true);
    var header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
    var offset = 8 + length;
    offset += (4 - offset % 4) % 4;
    header.columns.forEach(function (column) {
      var Codes = column.width === 1 ? Uint8Array : column.width === 2 ? Uint16Array : Uint32Array;
      column.codes = new Codes(buffer, offset, header.rows);
      offset += header.rows * column.width;
      offset += (4 - offset % 4) % 4;
    });
    return header;
  }

  // ---- the query ----
  // The first place in `keys` (sorted) not below `value`.
  function lowerBound(keys, value) {
    var lo = 0;
    var hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function upperBound(keys, value) {
    var lo = 0;
    var hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function number(text) {
    var n = parseFloat(text.replace(/\s/g, '').replace(',', '.'));
    return isNaN(n) ? null : n;
  }
  // The sorted keys of a column's first `parsed` values: days, or numbers read once from the text.
  function keysOf(column) {
    if (!column.keys) column.keys = column.days || column.values.slice(0, column.parsed).map(number);
    return column.keys;
  }
  function rangeKey(column, value) {
    return column.days ? value : number(value);
  }
  // For each filtered column, the codes a row may have: [column, lo, hi] ranges or a mask.
  function conditions(s) {
    var tests = [];
    Object.keys(s.values).forEach(function (c) {
      var column = data.columns[c];
      var code = column.values.indexOf(s.values[c]);
      tests.push({ codes: column.codes, lo: code, hi: code + 1 });
    });
    Object.keys(s.min).concat(Object.keys(s.max)).forEach(function (c, i, all) {
      if (all.indexOf(c) !== i) return;
      var column = data.columns[c];
      var keys = keysOf(column);
      var lo = 0;
      var hi = keys.length;
      var min = c in s.min ? rangeKey(column, s.min[c]) : null;
      var max = c in s.max ? rangeKey(column, s.max[c]) : null;
      if (min !== null) lo = lowerBound(keys, min);
      if (max !== null) hi = upperBound(keys, max);
      tests.push({ codes: column.codes, lo: lo, hi: hi });
    });
    return tests;
  }
  // Per column, which of its values hold the searched words.
  function searchMasks(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    return words.map(function (word) {
      return data.columns.map(function (column) {
        var values = folded(column);
        var mask = new Uint8Array(values.length);
        for (var k = 0; k < values.length; k++) {
          if (values[k].indexOf(word) >= 0) mask[k] = 1;
        }
        return mask;
      });
    });
  }
  function matches(s) {
    var n = data.rows;
    var tests = conditions(s);
    var masks = searchMasks(s.q);
    var out = new Uint32Array(n);
    var count = 0;
    var columns = data.columns;
    rows: for (var r = 0; r < n; r++) {
      for (var t = 0; t < tests.length; t++) {
        var code = tests[t].codes[r];
        if (code < tests[t].lo || code >= tests[t].hi) continue rows;
      }
      if (masks) {
        for (var w = 0; w < masks.length; w++) {
          var found = false;
          for (var c = 0; c < columns.length && !found; c++) {
            if (masks[w][c][columns[c].codes[r]]) found = true;
          }
          if (!found) continue rows;
        }
      }
      out[count++] = r;
    }
    return out.subarray(0, count);
  }
  // The rows in the column's order, stable; empty cells last either way.
  function sorted(rows, s) {
    if (s.sort < 0) return rows;
    var column = data.columns[s.sort];
    var size = column.values.length;
    var codes = column.codes;
    var place = new Uint32Array(size + 1);
    var empty = column.empty ? size - 1 : -1;
    var rank = function (code) {
      if (!s.desc || code === empty) return code;
      return (empty >= 0 ? empty - 1 : size - 1) - code;
    };
    var i;
    for (i = 0; i < rows.length; i++) place[rank(codes[rows[i]]) + 1]++;
    for (i = 1; i <= size; i++) place[i] += place[i - 1];
    var out = new Uint32Array(rows.length);
    for (i = 0; i < rows.length; i++) out[place[rank(codes[rows[i]])]++] = rows[i];
    return out;
  }
  function compute(s) {
    var key = JSON.stringify([s.q, s.sort, s.desc, s.values, s.min, s.max]);
    if (key !== viewKey) {
      view = sorted(matches(s), s);
      viewKey = key;
    }
    return view;
  }

  // ---- what the reader sees ----
  function cell(row, c) {
    var column = data.columns[c];
    return column.values[column.codes[row]];
  }
  function showRows(rows, first) {
    var fragment = document.createDocumentFragment();
    var last = Math.min(rows.length, first + config.pageRows);
    for (var i = first; i < last; i++) {
      var tr = document.createElement('tr');
      for (var c = 0; c < data.columns.length; c++) {
        var td = document.createElement('td');
        td.textContent = cell(rows[i], c);
        tr.appendChild(td);
      }
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
  }
  function showStatus(s, count) {
    var pages = Math.max(1, Math.ceil(count / config.pageRows));
    if (s.page > pages) s.page = pages;
    var first = (s.page - 1) * config.pageRows;
    var shown = fill(text.showing, { first: integer(first + 1), last: integer(Math.min(count, first + config.pageRows)), total: integer(count) });
    var said = count === 0 ? text.none : count === config.rows ? shown
      : fill(text.matching, { count: integer(count), total: integer(config.rows) }) + '. ' + shown;
    status.textContent = said;
    pageLabel.textContent = fill(text.page, { page: integer(s.page), pages: integer(pages) });
    previous.disabled = s.page <= 1;
    next.disabled = s.page >= pages;
    pager.hidden = pages <= 1;
    return first;
  }
  function showSort(s) {
    headers.forEach(function (th, c) {
      var button = th.firstElementChild;
      var name = config.columns[c];
      if (c === s.sort) {
        th.setAttribute('aria-sort', s.desc ? 'descending' : 'ascending');
        button.setAttribute('aria-label', fill(s.desc ? text.sorted_descending : text.sorted_ascending, { column: name }));
      } else {
        th.removeAttribute('aria-sort');
        button.setAttribute('aria-label', fill(text.sort_ascending, { column: name }));
      }
    });
  }
  function render() {
    writeState();
    showSort(state);
    if (isPlain(state) && state.page === 1 && !data) {
      showStatus(state, config.rows);
      return Promise.resolve();
    }
    status.textContent = fill(text.loading, { size: config.size });
    return load().then(function () {
      var rows = compute(state);
      var first = showStatus(state, rows.length);
      showRows(rows, first);
    }, function () {
      status.textContent = text.failed;
    });
  }

  // ---- the download of the rows shown by the filters ----
  function csvCell(value) {
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }
  function download() {
    load().then(function () {
      var rows = compute(state);
      var lines = [config.columns.map(csvCell).join(',')];
      for (var i = 0; i < rows.length; i++) {
        var cells = [];
        for (var c = 0; c < data.columns.length; c++) cells.push(csvCell(cell(rows[i], c)));
        lines.push(cells.join(','));
      }
      var blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = config.file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    });
  }

  // ---- controls ----
  function controlsFromState() {
    search.value = state.q;
    Array.prototype.forEach.call(form.querySelectorAll('[data-col]'), function (input) {
      var m = /^(v|min|max)/.exec(input.name);
      var kind = m[1] === 'v' ? 'values' : m[1];
      input.value = state[kind][input.dataset.col] || '';
    });
  }
  function stateFromControls() {
    state.q = search.value.trim();
    state.values = {};
    state.min = {};
    state.max = {};
    Array.prototype.forEach.call(form.querySelectorAll('[data-col]'), function (input) {
      if (input.value === '') return;
      var kind = /^v/.test(input.name) ? 'values' : /^min/.test(input.name) ? 'min' : 'max';
      state[kind][input.dataset.col] = input.value;
    });
    state.page = 1;
  }
  headers.forEach(function (th, c) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'explorer-sort';
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener('click', function () {
      if (state.sort === c) state.desc = !state.desc; else { state.sort = c; state.desc = false; }
      state.page = 1;
      render();
    });
  });
  var typing = null;
  form.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { stateFromControls(); render(); }, 250);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    stateFromControls();
    render();
  });
  document.getElementById('explorador-limpiar').addEventListener('click', function () {
    state = { q: '', sort: -1, desc: false, values: {}, min: {}, max: {}, page: 1 };
    controlsFromState();
    render();
  });
  document.getElementById('explorador-descargar').addEventListener('click', download);
  previous.addEventListener('click', function () { state.page--; render(); });
  next.addEventListener('click', function () { state.page++; render(); });

  controlsFromState();
  form.hidden = false;
  if (Object.keys(state.values).length || Object.keys(state.min).length || Object.keys(state.max).length) {
    form.querySelector('details').open = true;
  }
  window.abiertoExplorer = { ready: render() };
})();
