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
