// abierto default theme: the catalog's search and filters. Without this file the
// catalog lists everything and each filter value is a link to its own page.
// Words are compared as src/render/search/fold.rs does: keep the two in step.
(function () {
  "use strict";
  var form = document.getElementById("finder");
  var list = document.getElementById("catalog-cards");
  if (!form || !list || !window.fetch || !window.URLSearchParams) return;
  var data = form.dataset;
  var STOP = "de del la las el los lo y e o u en a al un una unos unas por para con sin que se su sus es son como the of and to in for on".split(" ");
  var shards = {};
  data.shards.split(" ").forEach(function (s) { if (s) shards[s] = null; });
  var docFiles = {};
  var input = document.getElementById("buscar");
  var countText = document.getElementById("result-count");
  var status = document.getElementById("result-status");
  var noResults = document.getElementById("no-results");
  var storyBox = document.getElementById("story-hits");
  var clear = document.getElementById("clear-filters");
  var cards = Array.prototype.slice.call(list.querySelectorAll("[data-doc]"));
  var today = Date.parse(data.today + "T00:00:00Z");
  var now = Date.now();
  var recent = Number(data.recentDays) * 864e5;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ");
  }
  function stem(w) {
    if (w.length > 3 && w.charAt(w.length - 1) === "s") w = w.slice(0, -1);
    if (w.length > 3 && "aeo".indexOf(w.charAt(w.length - 1)) >= 0) w = w.slice(0, -1);
    return w;
  }
  function terms(text) {
    return fold(text).split(" ").filter(function (w) { return w.length > 1 && STOP.indexOf(w) < 0; }).map(stem);
  }
  function oneEdit(a, b) {
    if (a === b) return true;
    if (a.length > b.length) { var t = a; a = b; b = t; }
    if (b.length - a.length > 1) return false;
    var i = 0;
    while (i < a.length && a.charAt(i) === b.charAt(i)) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.slice(i) === b.slice(i + 1);
  }
  function load(cache, href, key) {
    if (!cache[key]) cache[key] = fetch(href).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    return cache[key];
  }
  // postings: [doc, score, doc gap, score, …] -> adds into map (best variant wins)
  function addPostings(map, list, weight) {
    var doc = 0;
    for (var i = 0; i + 1 < list.length; i += 2) {
      doc += list[i];
      var score = list[i + 1] * weight;
      if (!(map.get(doc) >= score)) map.set(doc, score);
    }
  }
  // Resolves to {scores: Map doc -> score, words: {term: true}} or null for no query.
  function search(query) {
    var words = terms(query);
    if (!words.length) return Promise.resolve(null);
    var typing = !/\s$/.test(query);
    return Promise.all(words.map(function (word, n) {
      var shard = word.slice(0, 2);
      if (!(shard in shards)) return { map: new Map(), keys: [] };
      return load(shards, data.shardsHref + shard + ".json", shard).then(function (index) {
        var map = new Map(), keys = [];
        var last = typing && n === words.length - 1;
        Object.keys(index).forEach(function (key) {
          var weight = key === word ? 1 : last && key.indexOf(word) === 0 ? 0.8 : word.length > 3 && oneEdit(key, word) ? 0.5 : 0;
          if (weight) { addPostings(map, index[key], weight); keys.push(key); }
        });
        return { map: map, keys: keys };
      });
    })).then(function (perWord) {
      var scores = new Map(), matched = {};
      perWord[0].map.forEach(function (score, doc) {
        var total = score;
        for (var i = 1; i < perWord.length; i++) {
          if (!perWord[i].map.has(doc)) return;
          total += perWord[i].map.get(doc);
        }
        scores.set(doc, total);
      });
      perWord.forEach(function (w) { w.keys.forEach(function (k) { matched[k] = true; }); });
      return { scores: scores, words: matched };
    });
  }

  // Text with the matched words in <mark>, built as nodes (never as HTML).
  function highlight(el, words) {
    if (!el) return;
    if (el.dataset.text === undefined) el.dataset.text = el.textContent;
    var text = el.dataset.text;
    el.textContent = "";
    var re = /[\p{L}\p{N}]+/gu, last = 0, m;
    while (words && (m = re.exec(text))) {
      var t = terms(m[0]);
      if (t.length === 1 && words[t[0]]) {
        el.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        el.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  // Facets: each card's values; freshness recomputed today from its date.
  cards.forEach(function (card, order) {
    var values = {};
    card.dataset.facets.split(" ").forEach(function (fv) {
      var i = fv.indexOf(":");
      (values[fv.slice(0, i)] = values[fv.slice(0, i)] || []).push(fv.slice(i + 1));
    });
    if (card.dataset.modified && today) {
      var age = now - Date.parse(card.dataset.modified + "T00:00:00Z");
      values.frescura = [age <= recent ? "reciente" : "antigua"];
    }
    card.abiertoValues = values;
    card.abiertoOrder = order;
    card.abiertoDoc = Number(card.dataset.doc);
  });

  // Each facet's links become checkboxes in a fieldset with a legend.
  var boxes = [];
  document.querySelectorAll("details.facet").forEach(function (details) {
    var facet = details.dataset.facet;
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = details.querySelector("summary").textContent;
    fieldset.appendChild(legend);
    details.querySelectorAll("a[data-value]").forEach(function (a) {
      var value = a.dataset.value;
      var row = document.createElement("div");
      row.className = "check";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "f-" + facet + "-" + value;
      box.name = facet;
      box.value = value;
      var label = document.createElement("label");
      label.htmlFor = box.id;
      label.appendChild(document.createTextNode(a.firstChild.textContent.trim() + " "));
      var count = document.createElement("span");
      count.className = "count";
      label.appendChild(count);
      row.appendChild(box);
      row.appendChild(label);
      fieldset.appendChild(row);
      box.abiertoCount = count;
      box.addEventListener("change", update);
      boxes.push(box);
    });
    details.querySelector("ul").replaceWith(fieldset);
  });

  function selected() {
    var chosen = {};
    boxes.forEach(function (b) { if (b.checked) (chosen[b.name] = chosen[b.name] || []).push(b.value); });
    return chosen;
  }
  function matches(card, chosen, except) {
    return Object.keys(chosen).every(function (facet) {
      if (facet === except) return true;
      var have = card.abiertoValues[facet] || [];
      return chosen[facet].some(function (v) { return have.indexOf(v) >= 0; });
    });
  }

  var latest = 0;
  function update() {
    var ticket = ++latest;
    var query = input.value;
    search(query).then(function (found) {
      if (ticket !== latest) return;
      var chosen = selected();
      var hit = function (card) { return !found || found.scores.has(card.abiertoDoc); };
      var shown = cards.filter(function (c) { return hit(c) && matches(c, chosen); });
      cards.forEach(function (c) { c.hidden = shown.indexOf(c) < 0; });
      var order = cards.slice().sort(function (a, b) {
        return found ? (found.scores.get(b.abiertoDoc) || 0) - (found.scores.get(a.abiertoDoc) || 0) || a.abiertoOrder - b.abiertoOrder : a.abiertoOrder - b.abiertoOrder;
      });
      order.forEach(function (c) {
        list.appendChild(c);
        highlight(c.querySelector(".card-title a"), found && found.words);
        highlight(c.querySelector(".card-summary"), found && found.words);
      });
      boxes.forEach(function (b) {
        var n = cards.filter(function (c) {
          return hit(c) && matches(c, chosen, b.name) && (c.abiertoValues[b.name] || []).indexOf(b.value) >= 0;
        }).length;
        b.abiertoCount.textContent = "(" + n + ")";
      });
      var text = shown.length + " " + (shown.length === 1 ? data.one : data.many);
      countText.textContent = text;
      status.textContent = text;
      noResults.hidden = shown.length > 0;
      clear.hidden = !query && !Object.keys(chosen).length;
      showStories(found, ticket);
      var params = new URLSearchParams();
      if (query.trim()) params.set("q", query.trim());
      boxes.forEach(function (b) { if (b.checked) params.append(b.name, b.value); });
      var search = params.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    });
  }

  // Stories among the results: their titles come from the small docs files.
  function showStories(found, ticket) {
    var first = Number(data.datasetDocs), per = Number(data.docsPerFile);
    var hits = [];
    if (found) found.scores.forEach(function (score, doc) { if (doc >= first) hits.push([doc, score]); });
    hits.sort(function (a, b) { return b[1] - a[1]; });
    hits = hits.slice(0, 10);
    Promise.all(hits.map(function (h) {
      var file = Math.floor(h[0] / per);
      return load(docFiles, data.docsHref + file + ".json", file).then(function (rows) { return rows[h[0] % per]; });
    })).then(function (rows) {
      if (ticket !== latest) return;
      var ul = storyBox.querySelector("ul");
      ul.textContent = "";
      rows.forEach(function (row) {
        if (!row) return;
        var li = document.createElement("li");
        li.className = "card";
        var h = document.createElement("h4");
        h.className = "card-title";
        var a = document.createElement("a");
        a.href = row[1];
        a.textContent = row[2];
        h.appendChild(a);
        var meta = document.createElement("p");
        meta.className = "card-meta";
        meta.textContent = row[4];
        var p = document.createElement("p");
        p.className = "card-summary";
        p.textContent = row[3];
        li.appendChild(h);
        li.appendChild(meta);
        li.appendChild(p);
        highlight(a, found.words);
        highlight(p, found.words);
        ul.appendChild(li);
      });
      storyBox.hidden = !ul.children.length;
    });
  }

  clear.addEventListener("click", function () {
    input.value = "";
    boxes.forEach(function (b) { b.checked = false; });
    update();
    input.focus();
  });
  input.addEventListener("input", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });

  // The state in the address: ?q=…&formato=csv&tipo=municipio
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  boxes.forEach(function (b) {
    if (params.getAll(b.name).indexOf(b.value) >= 0) {
      b.checked = true;
      b.closest("details").open = true;
    }
  });
  // Wide screens show the first two filters open; phones keep them folded.
  if (window.matchMedia && matchMedia("(min-width: 52rem)").matches) {
    document.querySelectorAll("details.facet").forEach(function (d, i) { if (i < 2) d.open = true; });
  }
  form.hidden = false;
  update();
})();
