// An abbreviation shows what it stands for on a tap, a click or with the keyboard, also on a phone, where a
// title alone never shows. Escape or moving on closes it (WCAG 1.4.13). Material's content.tooltips did the
// showing, but cost a phone about 200 ms of blocked main thread on every page and did not close with Escape.
(function () {
  "use strict";

  var shown = null;

  function hide() {
    if (!shown) return;
    shown.abbr.removeAttribute("aria-describedby");
    shown.box.remove();
    shown = null;
  }

  function show(abbr) {
    if (shown && shown.abbr === abbr) return;
    hide();
    var box = document.createElement("span");
    box.id = "afkorting-uitleg";
    box.className = "afkorting-uitleg";
    box.setAttribute("role", "tooltip");
    box.textContent = abbr.getAttribute("title");
    document.body.appendChild(box);
    var place = abbr.getBoundingClientRect();
    var room = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(place.left, room - box.offsetWidth - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = place.bottom + window.scrollY + 4 + "px";
    abbr.setAttribute("aria-describedby", box.id);
    shown = {abbr: abbr, box: box};
  }

  function setup() {
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      if (abbr.closest("a")) return; // a tap there follows the link
      abbr.tabIndex = 0;
      abbr.addEventListener("focus", function () { show(abbr); });
      abbr.addEventListener("click", function () { show(abbr); });
      abbr.addEventListener("blur", hide);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
  if (window.document$) window.document$.subscribe(function () { hide(); setup(); });
  else document.addEventListener("DOMContentLoaded", setup);
})();
