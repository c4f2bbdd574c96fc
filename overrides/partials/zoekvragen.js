// Material's search worker gets every query by postMessage({type: 2, data: query}) (Material 9.8).
// Staff type questions: "wat doet de begeleider". Material adds a wildcard to every word, so "de" and "wat"
// would match half the guide. Drop such words while other words remain, and let long words match with one
// typo ("huurachterstnd"). Loaded before Material's bundle, after the offline edition's worker shim.
(function () {
  "use strict";
  var Native = window.Worker;
  if (!Native) return;
  var SKIP = ("aan al als bij dan dat de deze die dit doe doen doet door een en er hoe ik in is je jij kan kun kunnen " +
    "mag mijn moet moeten na naar of om op over te tot u van voor waar waarom wanneer wat we welke wie wij " +
    "wil zal ze zij zijn zo").split(" ");

  function rewrite(query) {
    var words = query.trim().split(/\s+/);
    var kept = words.filter(function (word) { return SKIP.indexOf(word.toLowerCase()) < 0; });
    if (!kept.length) kept = words;
    return kept.map(function (word) {
      return /^[\wÀ-ÿ-]{7,}$/.test(word) ? word + " " + word + "~1" : word;
    }).join(" ");
  }

  function Wrapped(url, options) {
    var worker = new Native(url, options);
    var post = worker.postMessage.bind(worker);
    worker.postMessage = function (message, transfer) {
      if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: 2, data: rewrite(message.data) };
      }
      return transfer ? post(message, transfer) : post(message);
    };
    return worker;
  }
  Wrapped.prototype = Native.prototype;
  window.Worker = Wrapped;
})();
