// 'Voor trainers': a button next to each address copies it. Without JavaScript or clipboard
// access the buttons stay hidden and the address can be selected by hand.
(function () {
  "use strict";

  function setup() {
    if (!navigator.clipboard) return;
    var buttons = document.querySelectorAll(".adressenlijst__kopieer[data-adres]");
    Array.prototype.forEach.call(buttons, function (button) {
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
