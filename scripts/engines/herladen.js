// make serve: load this page again as soon as the preview has a newer build. MkDocs' live-reload protocol
// (scripts/engines/preview.py), as a file of the site: the page's security policy runs no inline script it does
// not know. The server answers /livereload/<epoch>/<id> when it has a build newer than the epoch, or after a minute.
(function () {
  "use strict";

  var script = document.currentScript;
  var epoch = Number(script.getAttribute("data-epoch"));
  var request = script.getAttribute("data-request");
  var asking = null;
  var waiting = null;

  function ask() {
    asking = new XMLHttpRequest();
    asking.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        waiting = setTimeout(ask, this.status === 200 ? 0 : 3000);
      }
    };
    asking.open("GET", "/livereload/" + epoch + "/" + request);
    asking.send();
  }

  function stop() {
    if (asking) asking.abort();
    if (waiting) clearTimeout(waiting);
    asking = waiting = null;
  }

  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") ask();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") ask(); else stop();
  });
  window.addEventListener("beforeunload", stop);
})();
