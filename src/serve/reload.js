// abierto serve: reloads this tab when the site is rebuilt. Injected only
// into pages served by `abierto serve`, never into a built portal.
(function () {
  "use strict";
  var script = document.currentScript;
  var seen = Number((script && script.getAttribute("data-generation")) || 0);
  if (!window.EventSource) return;
  var source = new EventSource("/__abierto/events");
  source.addEventListener("reload", function (event) {
    var info;
    try { info = JSON.parse(event.data); } catch (e) { return; }
    if (info.generation === seen) return;
    if (info.css_only && info.generation === seen + 1) {
      seen = info.generation;
      var links = document.querySelectorAll('link[rel="stylesheet"]');
      for (var i = 0; i < links.length; i++) {
        var url = new URL(links[i].href);
        url.searchParams.set("abierto-reload", String(Date.now()));
        links[i].href = url.href;
      }
      return;
    }
    source.close();
    window.location.reload();
  });
})();
