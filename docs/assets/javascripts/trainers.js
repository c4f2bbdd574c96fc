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
