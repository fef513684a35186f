// abierto default theme: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // A "copy" button beside each citation, for browsers that allow the clipboard.
  if (!navigator.clipboard) return;
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
