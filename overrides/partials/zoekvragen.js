// Material's search worker gets the index by postMessage({type: 0, data: index}) and every query by
// postMessage({type: 2, data: query}) (Material 9.8; tests/test_patches.py).
// Staff type questions: "wat doet de begeleider". Material adds a wildcard to every word, so "de" and "wat"
// would match half the guide. Drop such words while other words remain, and let long words match with one
// typo ("huurachterstnd"). A staff word ("driepartijencontract") adds the guide's word for it
// (content/synoniemen.yml, carried in the index's config by scripts/pages/search_index.py).
// Loaded before Material's bundle, after the offline edition's worker shim.
(function () {
  "use strict";
  var Native = window.Worker;
  if (!Native) return;
  var SKIP = ("aan al als bij dan dat de deze die dit doe doen doet door een en er hoe ik in is je jij kan kun kunnen " +
    "mag mijn moet moeten na naar of om op over te tot u van voor waar waarom wanneer wat we welke wie wij " +
    "wil zal ze zij zijn zo").split(" ");

  var synonyms = [];

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // The guide's words for the staff words in the query, each once and only when the query lacks them.
  function guideWords(words) {
    var typed = " " + fold(words.join(" ")) + " ";
    var added = [];
    synonyms.forEach(function (group) {
      var used = group.zoek.some(function (phrase) { return typed.indexOf(" " + phrase + " ") >= 0; });
      if (!used) return;
      group.vind.join(" ").split(/\s+/).forEach(function (word) {
        if (typed.indexOf(" " + fold(word) + " ") < 0 && added.indexOf(word) < 0) added.push(word);
      });
    });
    return added;
  }

  function rewrite(query) {
    var words = query.trim().split(/\s+/);
    var kept = words.filter(function (word) { return SKIP.indexOf(word.toLowerCase()) < 0; });
    if (!kept.length) kept = words;
    return kept.map(function (word) {
      return /^[\wÀ-ÿ-]{7,}$/.test(word) ? word + " " + word + "~1" : word;
    }).concat(guideWords(words)).join(" ");
  }

  function Wrapped(url, options) {
    var worker = new Native(url, options);
    var post = worker.postMessage.bind(worker);
    worker.postMessage = function (message, transfer) {
      if (message && message.type === 0 && message.data && message.data.config) {
        synonyms = message.data.config.synoniemen || [];
      }
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
