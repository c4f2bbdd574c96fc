// "Uit de praktijk" blocks start closed. A link to one example inside (#its-id) opens its block first, so the
// reader lands on the example instead of on a closed block. On paper every block is open.
(function () {
  "use strict";

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var block = target && target.closest("details.uit-de-praktijk");
    if (block && !block.open) {
      block.open = true;
      target.scrollIntoView();
    }
  }

  function openAll() {
    Array.prototype.forEach.call(document.querySelectorAll("details.uit-de-praktijk"), function (block) {
      block.open = true;
    });
  }

  window.addEventListener("hashchange", openTarget);
  window.addEventListener("beforeprint", openAll);
  if (window.document$) window.document$.subscribe(openTarget);
  else document.addEventListener("DOMContentLoaded", openTarget);
})();
