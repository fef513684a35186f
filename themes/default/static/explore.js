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
  var api = window.abiertoExplorer = { ready: null };

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }
  function integer(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, config.thousands);
  }
  // Lower case, without accents: what the text search compares (the data
  // file holds its values folded alike, see abierto's `search_fold`).
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
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
      loading.catch(function () { loading = null; });
    }
    return loading;
  }
  // The file's header, and each column's parts as views on its bytes (format:
  // abierto's `analyse::explore::file`); text is decoded when first needed.
  function parse(buffer) {
    var bytes = new Uint8Array(buffer);
    if (String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'ABX2') throw new Error('format');
    var length = new DataView(buffer).getUint32(4, true);
    var header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
    var base = 8 + length + (4 - length % 4) % 4;
    var part = function (at) { return bytes.subarray(base + at[0], base + at[0] + at[1]); };
    header.columns = header.columns.map(function (c) {
      var Codes = c.width === 1 ? Uint8Array : c.width === 2 ? Uint16Array : Uint32Array;
      return {
        codes: new Codes(buffer, base + c.codes[0], header.rows),
        count: c.count,
        parsed: c.parsed,
        empty: c.empty,
        textBytes: part(c.text),
        searchBytes: c.search ? part(c.search) : null,
        days: c.days ? new Uint32Array(buffer, base + c.days[0], c.parsed) : null
      };
    });
    return header;
  }
  // A run of `count` values, each followed by a NUL: the text and where each value starts.
  function lines(text, count) {
    var starts = new Uint32Array(count + 1);
    var at = 0;
    for (var k = 0; k < count; k++) {
      starts[k] = at;
      at = text.indexOf('\0', at) + 1;
    }
    starts[count] = at;
    return { text: text, starts: starts };
  }
  function dictionary(column) {
    if (!column.dictionary) column.dictionary = lines(new TextDecoder().decode(column.textBytes), column.count);
    return column.dictionary;
  }
  function value(column, k) {
    var d = dictionary(column);
    return d.text.slice(d.starts[k], d.starts[k + 1] - 1);
  }
  // The column's values as the search compares them (all ASCII: the text in lower case, same places).
  function searchable(column) {
    if (!column.searchable) {
      column.searchable = column.searchBytes
        ? lines(new TextDecoder().decode(column.searchBytes), column.count)
        : { text: dictionary(column).text.toLowerCase(), starts: dictionary(column).starts };
    }
    return column.searchable;
  }
  // The value of `run` (a `lines`) at character `at`.
  function valueAt(run, at) {
    var lo = 0;
    var hi = run.starts.length - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (run.starts[mid] <= at) lo = mid; else hi = mid;
    }
    return lo;
  }
  // The place of a value in its column, or -1.
  function codeOf(column, wanted) {
    var d = dictionary(column);
    var needle = wanted + '\0';
    for (var at = d.text.indexOf(needle); at >= 0; at = d.text.indexOf(needle, at + 1)) {
      var k = valueAt(d, at);
      if (d.starts[k] === at) return k;
    }
    return -1;
  }

  // ---- the query ----
  // The first place in [0, n) whose key is not below `key` (strict: above it).
  function bound(n, keyAt, key, strict) {
    var lo = 0;
    var hi = n;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      var k = keyAt(mid);
      if (k < key || (strict && k === key)) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function number(text) {
    var n = parseFloat(text.replace(/\s/g, '').replace(',', '.'));
    return isNaN(n) ? null : n;
  }
  function day(text) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? +text.replace(/-/g, '') : null;
  }
  // The codes [lo, hi) of a column's values between `min` and `max` (either may be absent).
  function range(column, min, max) {
    var keyAt = column.days
      ? function (k) { return column.days[k]; }
      : function (k) { return number(value(column, k)); };
    var read = column.days ? day : number;
    var lo = min === undefined || read(min) === null ? 0 : bound(column.parsed, keyAt, read(min), false);
    var hi = max === undefined || read(max) === null ? column.parsed : bound(column.parsed, keyAt, read(max), true);
    return { codes: column.codes, lo: lo, hi: hi };
  }
  // For each filtered column, the codes a row may have: [lo, hi).
  function conditions(s) {
    var tests = [];
    Object.keys(s.values).forEach(function (c) {
      var column = data.columns[c];
      var code = codeOf(column, s.values[c]);
      tests.push({ codes: column.codes, lo: code, hi: code < 0 ? code : code + 1 });
    });
    Object.keys(s.min).concat(Object.keys(s.max)).forEach(function (c, i, all) {
      if (all.indexOf(c) === i) tests.push(range(data.columns[c], s.min[c], s.max[c]));
    });
    return tests;
  }
  // Per searched word, the columns holding it and, for each, which of its values do.
  function searchMasks(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    return words.map(function (word) {
      var found = [];
      data.columns.forEach(function (column) {
        var run = searchable(column);
        var mask = null;
        for (var at = run.text.indexOf(word); at >= 0; at = run.text.indexOf(word, at)) {
          var k = valueAt(run, at);
          if (!mask) mask = new Uint8Array(column.count);
          mask[k] = 1;
          at = run.starts[k + 1];
        }
        if (mask) found.push({ codes: column.codes, mask: mask });
      });
      return found;
    });
  }
  function matches(s) {
    var n = data.rows;
    var tests = conditions(s);
    var masks = searchMasks(s.q) || [];
    var out = new Uint32Array(n);
    var count = 0;
    rows: for (var r = 0; r < n; r++) {
      for (var t = 0; t < tests.length; t++) {
        var code = tests[t].codes[r];
        if (code < tests[t].lo || code >= tests[t].hi) continue rows;
      }
      for (var w = 0; w < masks.length; w++) {
        var found = false;
        for (var c = 0; c < masks[w].length && !found; c++) {
          if (masks[w][c].mask[masks[w][c].codes[r]]) found = true;
        }
        if (!found) continue rows;
      }
      out[count++] = r;
    }
    return out.subarray(0, count);
  }
  // The rows in the column's order, stable; empty cells last either way.
  function sorted(rows, s) {
    if (s.sort < 0) return rows;
    var column = data.columns[s.sort];
    var size = column.count;
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
    return value(column, column.codes[row]);
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
  // Shows the state; the promise of it done is also `abiertoExplorer.ready`.
  function render() {
    writeState();
    showSort(state);
    if (isPlain(state) && state.page === 1 && !data) {
      showStatus(state, config.rows);
      api.ready = Promise.resolve();
      return api.ready;
    }
    status.textContent = fill(text.loading, { size: config.size });
    api.ready = load().then(function () {
      var rows = compute(state);
      var first = showStatus(state, rows.length);
      showRows(rows, first);
    }, function () {
      status.textContent = text.failed;
    });
    return api.ready;
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
  render();
})();
