// Search: when a query finds nothing, say what to try next, with links to the glossary and the FAQ.
(function () {
  "use strict";

  function setup() {
    var result = document.querySelector(".md-search-result");
    var meta = document.querySelector(".md-search-result__meta");
    var config = document.getElementById("__config");
    if (!result || !meta || !config || result.dataset.zoekhulp) return;
    result.dataset.zoekhulp = "ja";
    var base = JSON.parse(config.textContent).base || ".";
    // Only in the page while it shows: Material moves the arrow keys over every link in the results,
    // and a hidden link there would swallow the step from the field to the first result.
    var help = document.createElement("div");
    help.className = "zoekhulp";
    help.innerHTML = "<p>Niets gevonden. Probeer een ander of korter woord, of kijk bij " +
      '<a href="' + base + '/begrippen.html">Begrippen</a> en de ' +
      '<a href="' + base + '/veelgestelde-vragen.html">veelgestelde vragen</a>.</p>';
    var input = document.querySelector("input.md-search__input");
    new MutationObserver(function () {
      var list = result.querySelector(".md-search-result__list");
      var query = input ? input.value.trim() : "";
      var show = Boolean(query && list && !list.children.length);
      if (show && !help.isConnected) meta.insertAdjacentElement("afterend", help);
      else if (!show && help.isConnected) help.remove();
    }).observe(result, { childList: true, subtree: true, characterData: true });
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
