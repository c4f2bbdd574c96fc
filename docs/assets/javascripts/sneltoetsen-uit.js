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
