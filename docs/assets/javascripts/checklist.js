// Checklists: keep the reader's ticks in this browser (localStorage), per checklist and item id,
// until the reader presses the reset button. Without JavaScript the boxes still work, unsaved.
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
      var key = function (box) { return PREFIX + id + ":" + box.getAttribute("data-punt"); };

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

      reset.addEventListener("click", function () {
        Array.prototype.forEach.call(boxes, function (box) {
          box.checked = false;
          if (store) store.removeItem(key(box));
        });
        show("Alle vinkjes zijn gewist.");
      });

      if (!store) status.setAttribute("data-niet-bewaard", "");
      panel.hidden = false;
      show(store ? "" : "Je browser bewaart de vinkjes niet.");
    });
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
