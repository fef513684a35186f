// abierto default theme: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // The search forms lead to the results page, which needs this script; without it, to the catalog.
  document.querySelectorAll("form[data-results]").forEach(function (form) {
    if (window.fetch) form.action = form.dataset.results;
  });
  // A "copy" button beside each citation and each «Insertar» code, for browsers that allow the clipboard.
  if (!navigator.clipboard) return;
  document.querySelectorAll("textarea[data-copy]").forEach(function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = code.dataset.copy;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.value).then(function () {
        button.textContent = code.dataset.copied;
      });
    });
    code.insertAdjacentElement("afterend", button);
  });
  document.querySelectorAll(".citation").forEach(function (quote) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    var label = document.documentElement.lang === "en" ? "Copy citation" : "Copiar cita";
    var done = document.documentElement.lang === "en" ? "Copied" : "Copiada";
    button.textContent = label;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(quote.textContent.trim()).then(function () {
        button.textContent = done;
      });
    });
    quote.insertAdjacentElement("afterend", button);
  });
})();
