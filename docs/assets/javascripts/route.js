// The first-tenant route: a page opened from a step of "Je eerste Housing First-huurder" (its address has
// ?stap=<id>) shows that step's bar, "stap 3 van 8", with the previous and next step. The bars are in the page,
// hidden (scripts/render.py, route_bars); this file only picks one and puts it under the heading the link led to.
(function () {
  "use strict";

  function setup() {
    var bars = document.querySelectorAll("nav.routebalk[data-route-stap]");
    if (!bars.length) return;
    var step = new URLSearchParams(window.location.search).get("stap");
    var bar = null;
    Array.prototype.forEach.call(bars, function (candidate) {
      candidate.hidden = true;
      if (candidate.getAttribute("data-route-stap") === step) bar = candidate;
    });
    if (!bar) return;
    var article = bar.closest("article") || document.body;
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var target = id ? document.getElementById(id) : null;
    var place = target && article.contains(target) && /^H[1-6]$/.test(target.tagName) ? target : article.querySelector("h1");
    if (place) place.insertAdjacentElement("afterend", bar);
    bar.hidden = false;
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
