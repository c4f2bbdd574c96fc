// The guide's own behaviour on every page. One file rather than seven: a phone on a slow connection then waits
// for one request instead of seven before the page is complete (measured with bench/lighthouse.py). Each part
// below stands alone, in its own function, and says what it does.

// Checklists ------------------------------------------------------------------------------------------------------
// Checklists: keep the reader's ticks and the header fields (who, date, who was present) in this browser only
// (localStorage), per checklist and item or field, until the reader presses the reset button. Nothing is sent
// anywhere. Without JavaScript the boxes and fields still work, unsaved.
(function () {
  "use strict";

  var PREFIX = "handreiking:checklist:";

  function storage() {
    try {
      var store = window.localStorage;
      store.setItem(PREFIX + "proef", "1");
      store.removeItem(PREFIX + "proef");
      return store;
    } catch (error) {
      return null; // private mode or storage switched off: ticking still works, it is just not kept
    }
  }

  function setup() {
    var store = storage();
    var panels = document.querySelectorAll(".checklist-acties[data-checklist]");
    Array.prototype.forEach.call(panels, function (panel) {
      var id = panel.getAttribute("data-checklist");
      var boxes = document.querySelectorAll('ul.checklist[data-checklist="' + id + '"] input[type="checkbox"]');
      var status = panel.querySelector(".checklist-acties__status");
      var reset = panel.querySelector(".checklist-acties__wissen");
      var fields = document.querySelectorAll('.checklist-kop[data-checklist="' + id + '"] [data-kop]');
      var key = function (box) { return PREFIX + id + ":" + box.getAttribute("data-punt"); };
      var fieldKey = function (field) { return PREFIX + id + ":kop:" + field.getAttribute("data-kop"); };

      var show = function (message) {
        var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
        status.textContent = (message ? message + " " : "") + ticked + " van " + boxes.length + " punten afgevinkt.";
      };

      Array.prototype.forEach.call(boxes, function (box) {
        if (store && store.getItem(key(box)) === "1") box.checked = true;
        box.addEventListener("change", function () {
          if (store) {
            if (box.checked) store.setItem(key(box), "1");
            else store.removeItem(key(box));
          }
          show();
        });
      });

      Array.prototype.forEach.call(fields, function (field) {
        var kept = store && store.getItem(fieldKey(field));
        if (kept) field.value = kept;
        var keep = function () {
          if (!store) return;
          if (field.value) store.setItem(fieldKey(field), field.value);
          else store.removeItem(fieldKey(field));
        };
        field.addEventListener("input", keep);
        field.addEventListener("change", keep);
      });

      reset.addEventListener("click", function () {
        Array.prototype.forEach.call(boxes, function (box) {
          box.checked = false;
          if (store) store.removeItem(key(box));
        });
        Array.prototype.forEach.call(fields, function (field) {
          field.value = "";
          if (store) store.removeItem(fieldKey(field));
        });
        show("Alle vinkjes en gegevens zijn gewist.");
      });

      if (!store) status.setAttribute("data-niet-bewaard", "");
      panel.hidden = false;
      show(store ? "" : "Je browser bewaart de vinkjes en gegevens niet.");
    });
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();

// Lesson material for trainers ------------------------------------------------------------------------------------
// 'Voor trainers': groups close (the one the address points into stays open), a filter narrows the list, each
// address is built from the address this page is on, and a button copies it (or, where the browser allows no
// copying, selects the address and says how to copy it). Without JavaScript the page is a plain open list with
// the addresses of the published site (site_url).
// On every chapter: a link to #lesmateriaal (or anything inside a closed box) opens the box it points into.
(function () {
  "use strict";

  function openPointedBox() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var opened = false;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) { node.open = true; opened = true; }
    }
    if (opened) target.scrollIntoView();
  }

  function setup() {
    openPointedBox();
    var groups = document.querySelectorAll("details.adresgroep");
    if (!groups.length) return;
    var web = location.protocol === "http:" || location.protocol === "https:";
    var base = new URL(".", location.href);

    Array.prototype.forEach.call(document.querySelectorAll("[data-pad]"), function (element) {
      if (!web) return;  // the offline edition keeps the published addresses
      var address = new URL(element.getAttribute("data-pad"), base).href;
      if (element.tagName === "CODE") element.textContent = address;
      else element.setAttribute("data-adres", address);
    });

    function openTarget() {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      Array.prototype.forEach.call(groups, function (group) {
        var heading = group.previousElementSibling;
        var pointed = target && (group.contains(target) || heading === target);
        if (pointed) group.open = true;
      });
    }
    Array.prototype.forEach.call(groups, function (group) { group.open = false; });
    openTarget();
    window.addEventListener("hashchange", openTarget);

    var filter = document.querySelector(".adressen-filter");
    var input = filter && filter.querySelector("input");
    var count = filter && filter.querySelector(".adressen-filter__aantal");
    if (input) {
      filter.hidden = false;
      input.addEventListener("input", function () {
        var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
        var shown = 0;
        Array.prototype.forEach.call(groups, function (group) {
          var found = 0;
          Array.prototype.forEach.call(group.querySelectorAll(".adressenlijst__regel"), function (row) {
            var text = row.textContent.toLowerCase();
            var match = words.every(function (word) { return text.indexOf(word) >= 0; });
            row.hidden = !match;
            if (match) found += 1;
          });
          var row = group.closest(".adresgroep-rij") || group;  // the downloads' box has no row of its own
          row.hidden = words.length > 0 && found === 0;
          group.open = words.length > 0 && found > 0;
          shown += found;
        });
        count.textContent = words.length ? shown + " onderdelen gevonden." : "";
      });
    }

    // The clipboard works only on https:// and on this computer (a secure context); elsewhere, and when the browser
    // refuses, the button selects the address instead and a hint says which keys copy it.
    var canCopy = !!(navigator.clipboard && window.isSecureContext);
    Array.prototype.forEach.call(document.querySelectorAll(".adressenlijst__kopieer"), function (button) {
      button.hidden = false;
      if (!canCopy) button.textContent = "Selecteer adres";
      button.addEventListener("click", function () {
        if (!canCopy) { selectAddress(button); return; }
        navigator.clipboard.writeText(button.getAttribute("data-adres")).then(function () {
          button.textContent = "Gekopieerd";
          setTimeout(function () { button.textContent = "Kopieer adres"; }, 2000);
        }, function () { selectAddress(button); });
      });
    });
  }

  function selectAddress(button) {
    var row = button.closest(".adressenlijst__regel");
    var code = row && row.querySelector(".adressenlijst__adres");
    if (!code) return;
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var hint = row.querySelector(".adressenlijst__hint");
    if (!hint) {
      hint = document.createElement("span");
      hint.className = "adressenlijst__hint";
      hint.setAttribute("role", "status");
      row.appendChild(hint);
    }
    var mac = /Mac|iPhone|iPad/.test(navigator.platform || "");
    hint.textContent = "Het adres is geselecteerd. Kopieer het met " + (mac ? "Cmd+C" : "Ctrl+C") + ".";
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
  window.addEventListener("hashchange", openPointedBox);
})();

// Single-key shortcuts off ----------------------------------------------------------------------------------------
// WCAG 2.1.4: Material binds single keys (f, s, /, n, p, ...) to actions. A speech-input user can
// trigger them by accident, so this guide switches them off: a plain character key that is not
// typed into a field never reaches Material's keyboard handler. Search stays one Tab or click away.
(function () {
  "use strict";

  function isField(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  window.addEventListener("keydown", function (event) {
    var plainCharacter = event.key && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plainCharacter && !isField(event.target)) event.stopImmediatePropagation();
  }, true);
})();

// Search help -----------------------------------------------------------------------------------------------------
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

// Practice blocks -------------------------------------------------------------------------------------------------
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

// First-tenant route ----------------------------------------------------------------------------------------------
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

// Abbreviations ---------------------------------------------------------------------------------------------------
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
