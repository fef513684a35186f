// abierto default theme: search, on the results page (/buscar/) and in the
// catalog (with its filters). Without this file the search forms lead to the
// catalog, which lists everything, and each filter value is a link to its own page.
// Words are compared as src/render/search/fold.rs does: keep the two in step.
(function () {
  "use strict";
  var form = document.getElementById("finder") || document.getElementById("search-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.Map) return;
  var engine = searchEngine(form.dataset);
  if (form.id === "finder") catalog(form, engine);
  else resultsPage(form, engine);

  // The index: shards of terms, small files of what each result shows.
  function searchEngine(data) {
    var STOP = "de del la las el los lo y e o u en a al un una unos unas por para con sin que se su sus es son como the of and to in for on".split(" ");
    var names = data.shards.split(" ").filter(Boolean);
    var shards = {};
    var docFiles = {};
    var per = Number(data.docsPerFile);
    var firsts = { d: 0 };
    firsts.s = Number(data.datasetDocs);
    firsts.p = firsts.s + Number(data.storyDocs);
    firsts.g = firsts.p + Number(data.participantDocs);
    firsts.end = firsts.g + Number(data.pageDocs);

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
    // The shards a word's terms live in: its two letters' shard and, when that
    // one was split, its three letters'; every shard it begins while typing.
    function shardsOf(word, typing) {
      return names.filter(function (n) { return word.indexOf(n) === 0 || (typing && n.indexOf(word) === 0); });
    }
    // postings: [doc, value, doc gap, value, …] -> calls add(doc, value)
    function eachPosting(list, add) {
      var doc = 0;
      for (var i = 0; i + 1 < list.length; i += 2) {
        doc += list[i];
        add(doc, list[i + 1]);
      }
    }
    // One word: docs -> best score, the keys it matched, and the data column
    // each doc matched by when only its data holds the word.
    function searchWord(word, last) {
      return Promise.all(shardsOf(word, last).map(function (name) {
        return load(shards, data.shardsHref + name + ".json", name);
      })).then(function (indexes) {
        var scores = new Map(), data = new Map(), keys = [];
        indexes.forEach(function (index) {
          Object.keys(index).forEach(function (key) {
            var inData = key.charAt(0) === "~";
            var term = inData ? key.slice(1) : key;
            var weight = term === word ? 1 : last && term.indexOf(word) === 0 ? 0.8 : word.length > 3 && oneEdit(term, word) ? 0.5 : 0;
            if (!weight) return;
            keys.push(term);
            eachPosting(index[key], function (doc, value) {
              if (inData) {
                if (!data.has(doc)) data.set(doc, value);
                value = 1;
              }
              var score = value * weight;
              if (!(scores.get(doc) >= score)) scores.set(doc, score);
            });
          });
        });
        return { scores: scores, data: data, keys: keys };
      });
    }
    // Resolves to {scores: Map doc -> score, words: {term: true}, why: Map doc -> data column}, or null.
    function search(query) {
      var words = terms(query);
      if (!words.length) return Promise.resolve(null);
      var typing = !/\s$/.test(query);
      return Promise.all(words.map(function (word, n) {
        return searchWord(word, typing && n === words.length - 1);
      })).then(function (perWord) {
        var scores = new Map(), matched = {}, why = new Map();
        perWord[0].scores.forEach(function (score, doc) {
          var total = score;
          for (var i = 1; i < perWord.length; i++) {
            if (!perWord[i].scores.has(doc)) return;
            total += perWord[i].scores.get(doc);
          }
          scores.set(doc, total);
          perWord.forEach(function (w) { if (w.data.has(doc) && !why.has(doc)) why.set(doc, w.data.get(doc)); });
        });
        perWord.forEach(function (w) { w.keys.forEach(function (k) { matched[k] = true; }); });
        return { scores: scores, words: matched, why: why };
      });
    }
    function kindOf(doc) {
      return doc < firsts.s ? "d" : doc < firsts.p ? "s" : doc < firsts.g ? "p" : "g";
    }
    // What a result shows: [kind, href, title, summary, byline, data columns?].
    function row(doc) {
      var file = Math.floor(doc / per);
      return load(docFiles, data.docsHref + file + ".json", file).then(function (rows) { return rows[doc % per]; });
    }
    return { search: search, terms: terms, row: row, kindOf: kindOf, firsts: firsts };
  }

  // Text with the matched words in <mark>, built as nodes (never as HTML).
  function highlight(el, words, terms) {
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

  // «En los datos: columna municipio»: why a dataset matched, when only its data name the words.
  function whyText(template, row, column) {
    var columns = row && row[5];
    return columns && columns[column] !== undefined ? template.replace("{column}", columns[column]) : "";
  }

  function addWhy(card, why) {
    if (!why) return;
    var p = document.createElement("p");
    p.className = "result-why";
    p.textContent = why;
    card.appendChild(p);
  }

  // A result as a card: its kind, title (linked), byline, summary and why it matched.
  function resultCard(row, found, labels, terms) {
    var li = document.createElement("li");
    li.className = "card result";
    var kind = document.createElement("p");
    kind.className = "result-kind";
    kind.textContent = labels[row[0]] || "";
    var h = document.createElement("h3");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = row[1];
    a.textContent = row[2];
    h.appendChild(a);
    li.appendChild(kind);
    li.appendChild(h);
    [["card-meta", row[4]], ["card-summary", row[3]]].forEach(function (part) {
      if (!part[1]) return;
      var p = document.createElement("p");
      p.className = part[0];
      p.textContent = part[1];
      li.appendChild(p);
      if (part[0] === "card-summary") highlight(p, found.words, terms);
    });
    highlight(a, found.words, terms);
    return li;
  }

  function kindLabels(data) {
    return { d: data.kindD, s: data.kindS, p: data.kindP, g: data.kindG };
  }

  // The hits of a search that `keep` wants, as [doc, score], best first (ties in the index's order).
  function ranked(found, keep) {
    var hits = [];
    if (found) found.scores.forEach(function (score, doc) { if (keep(doc)) hits.push([doc, score]); });
    return hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  }

  // "12 resultados": in the count, and said to screen readers once something was searched.
  function sayCount(data, n, searched) {
    var text = n + " " + (n === 1 ? data.one : data.many);
    document.getElementById("result-count").textContent = text;
    document.getElementById("result-status").textContent = searched ? text : "";
  }

  // The page's state in its address (`params`), so that a view can be shared.
  function keepInAddress(params) {
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  // The results page: every kind of result, labelled, a page of them at a time.
  function resultsPage(form, engine) {
    var data = form.dataset;
    var PAGE = 10;
    var input = document.getElementById("buscar-todo");
    var box = document.getElementById("search-results");
    var list = document.getElementById("result-list");
    var noResults = document.getElementById("no-results");
    var more = document.getElementById("more-results");
    var inCatalog = document.getElementById("in-catalog");
    var kinds = Array.prototype.slice.call(document.querySelectorAll("#result-kinds input"));
    var labels = kindLabels(data);
    var hits = [], shown = 0, found = null, latest = 0;
    document.getElementById("search-no-js").hidden = true;

    function chosenKind() {
      var checked = kinds.filter(function (k) { return k.checked; })[0];
      return checked && checked.value !== "todo" ? checked.value : "";
    }
    function showMore(ticket) {
      var page = hits.slice(shown, shown + PAGE);
      shown += page.length;
      more.hidden = shown >= hits.length;
      return Promise.all(page.map(engine.row)).then(function (rows) {
        if (ticket !== latest) return;
        rows.forEach(function (row, i) {
          if (!row) return;
          var li = resultCard(row, found, labels, engine.terms);
          if (found.why.has(page[i])) addWhy(li, whyText(data.why, row, found.why.get(page[i])));
          list.appendChild(li);
        });
      });
    }
    function update() {
      var ticket = ++latest;
      var query = input.value;
      engine.search(query).then(function (result) {
        if (ticket !== latest) return;
        found = result;
        var kind = chosenKind();
        var all = ranked(found, function () { return true; });
        var counts = { todo: all.length, d: 0, s: 0, p: 0, g: 0 };
        all.forEach(function (h) { counts[engine.kindOf(h[0])]++; });
        kinds.forEach(function (k) { k.nextElementSibling.querySelector(".count").textContent = "(" + counts[k.value] + ")"; });
        hits = all.filter(function (h) { return !kind || engine.kindOf(h[0]) === kind; }).map(function (h) { return h[0]; });
        shown = 0;
        list.textContent = "";
        box.hidden = !found;
        sayCount(data, hits.length, !!found);
        noResults.hidden = !found || hits.length > 0;
        var params = new URLSearchParams();
        if (query.trim()) params.set("q", query.trim());
        inCatalog.href = data.catalog + (params.toString() ? "?" + params : "");
        if (kind) params.set("mostrar", kind);
        keepInAddress(params);
        if (found) showMore(ticket);
        else more.hidden = true;
      });
    }
    more.addEventListener("click", function () { showMore(latest); });
    kinds.forEach(function (k) { k.addEventListener("change", update); });
    input.addEventListener("input", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    kinds.forEach(function (k) { k.checked = k.value === (params.get("mostrar") || "todo"); });
    update();
  }

  // The catalog: its dataset cards filtered by the search and the facets;
  // the other results (stories, participants, pages) listed apart, labelled.
  function catalog(form, engine) {
    var data = form.dataset;
    var list = document.getElementById("catalog-cards");
    if (!list) return;
    var input = document.getElementById("buscar");
    var noResults = document.getElementById("no-results");
    var otherBox = document.getElementById("other-hits");
    var clear = document.getElementById("clear-filters");
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-doc]"));
    var labels = kindLabels(data);
    var today = Date.parse(data.today + "T00:00:00Z");
    var now = Date.now();
    var recent = Number(data.recentDays) * 864e5;

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
    // Under a card found by its data, the column that holds the words.
    function explain(card, found) {
      var old = card.querySelector(".result-why");
      if (old) old.remove();
      if (!found || !found.why.has(card.abiertoDoc)) return;
      engine.row(card.abiertoDoc).then(function (row) {
        if (!card.querySelector(".result-why")) addWhy(card, whyText(data.why, row, found.why.get(card.abiertoDoc)));
      });
    }

    var latest = 0;
    function update() {
      var ticket = ++latest;
      var query = input.value;
      engine.search(query).then(function (found) {
        if (ticket !== latest) return;
        var chosen = selected();
        var hit = function (card) { return !found || found.scores.has(card.abiertoDoc); };
        var shown = cards.filter(function (c) { return hit(c) && matches(c, chosen); });
        cards.forEach(function (c) { c.hidden = shown.indexOf(c) < 0; });
        var order = cards.slice().sort(function (a, b) {
          return found ? (found.scores.get(b.abiertoDoc) || 0) - (found.scores.get(a.abiertoDoc) || 0) || a.abiertoOrder - b.abiertoOrder : a.abiertoOrder - b.abiertoOrder;
        });
        var explained = 0;
        order.forEach(function (c) {
          list.appendChild(c);
          highlight(c.querySelector(".card-title a"), found && found.words, engine.terms);
          highlight(c.querySelector(".card-summary"), found && found.words, engine.terms);
          // The first cards say why they matched (each asks for its small file).
          explain(c, !c.hidden && explained++ < 20 ? found : null);
        });
        boxes.forEach(function (b) {
          var n = cards.filter(function (c) {
            return hit(c) && matches(c, chosen, b.name) && (c.abiertoValues[b.name] || []).indexOf(b.value) >= 0;
          }).length;
          b.abiertoCount.textContent = "(" + n + ")";
        });
        sayCount(data, shown.length, true);
        noResults.hidden = shown.length > 0;
        clear.hidden = !query && !Object.keys(chosen).length;
        showOthers(found, ticket);
        var params = new URLSearchParams();
        if (query.trim()) params.set("q", query.trim());
        boxes.forEach(function (b) { if (b.checked) params.append(b.name, b.value); });
        keepInAddress(params);
      });
    }

    // Stories, participants and pages among the results, labelled, from the small docs files.
    function showOthers(found, ticket) {
      var hits = ranked(found, function (doc) { return doc >= engine.firsts.s; }).slice(0, 10);
      Promise.all(hits.map(function (h) { return engine.row(h[0]); })).then(function (rows) {
        if (ticket !== latest) return;
        var ul = otherBox.querySelector("ul");
        ul.textContent = "";
        rows.forEach(function (row) { if (row) ul.appendChild(resultCard(row, found, labels, engine.terms)); });
        otherBox.hidden = !ul.children.length;
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
  }
})();
