// 'Voor trainers': groups close (the one the address points into stays open), a filter narrows the list, each
// address is built from the address this page is on, and a button copies it. Without JavaScript the page is a
// plain open list with the addresses of the published site (site_url).
(function () {
  "use strict";

  function setup() {
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
          var heading = group.previousElementSibling;
          group.hidden = heading.hidden = words.length > 0 && found === 0;
          group.open = words.length > 0 && found > 0;
          shown += found;
        });
        count.textContent = words.length ? shown + " onderdelen gevonden." : "";
      });
    }

    if (!navigator.clipboard) return;
    Array.prototype.forEach.call(document.querySelectorAll(".adressenlijst__kopieer"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-adres")).then(function () {
          button.textContent = "Gekopieerd";
          setTimeout(function () { button.textContent = "Kopieer adres"; }, 2000);
        });
      });
    });
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
