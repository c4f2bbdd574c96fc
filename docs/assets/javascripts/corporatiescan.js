// The corporatie-scan: keep each answer in this browser only (localStorage, under a hash of the statement's text),
// and show the score per principle. The score is computed exactly as scripts/scan.py::score does (the reference):
// ja 2, deels 1, nee 0, weet niet not counted; percent of the maximum, rounded half up. Loaded only on this page.
(function () {
  "use strict";

  var PREFIX = "handreiking:scan:";
  var POINTS = { nee: 0, deels: 1, ja: 2 };
  var MAX_POINTS = 2;
  var STRONG_FROM = 75;
  var VERDICTS = [[STRONG_FROM, "Sterk"], [50, "Op weg"], [0, "Aandacht nodig"]];
  var NO_RESULT = "Nog geen uitslag";

  function storage() {
    try {
      var store = window.localStorage;
      store.setItem(PREFIX + "proef", "1");
      store.removeItem(PREFIX + "proef");
      return store;
    } catch (error) {
      return null; // private mode or storage switched off: the scan still scores, it is just not kept
    }
  }

  // One principle's result from its answers ("nee", "deels", "ja", "weet-niet", or null when unanswered).
  function score(answers) {
    var given = answers.filter(function (a) { return a !== null; });
    var counted = given.filter(function (a) { return a in POINTS; });
    if (!counted.length) return { score: null, verdict: NO_RESULT, answered: given.length, total: answers.length };
    var sum = counted.reduce(function (total, a) { return total + POINTS[a]; }, 0);
    var percent = Math.floor((100 * sum + counted.length * MAX_POINTS / 2) / (counted.length * MAX_POINTS));
    var verdict = VERDICTS.filter(function (v) { return percent >= v[0]; })[0][1];
    return { score: percent, verdict: verdict, answered: given.length, total: answers.length };
  }
  window.handreikingScanScore = score; // for the test that compares it with the Python reference

  function setup() {
    var root = document.querySelector(".scan-uitslag");
    if (!root || root.getAttribute("data-klaar")) return;
    root.setAttribute("data-klaar", "");
    var store = storage();
    var statements = Array.prototype.slice.call(document.querySelectorAll(".scan-stelling[data-sleutel]"));
    var status = root.querySelector(".scan-status");
    var team = document.getElementById("scan-team");
    var date = document.getElementById("scan-datum");
    var heading = root.querySelector(".scan-afdrukkop");

    function answerOf(fieldset) {
      var checked = fieldset.querySelector("input[type=radio]:checked");
      return checked ? checked.value : null;
    }

    function show(message) {
      var done = 0;
      Array.prototype.forEach.call(root.querySelectorAll("tr[data-principe]"), function (row) {
        var id = row.getAttribute("data-principe");
        var answers = statements.filter(function (s) { return s.getAttribute("data-principe") === id; }).map(answerOf);
        var result = score(answers);
        done += result.answered;
        row.querySelector(".scan-score").textContent = result.score === null ? "–" : result.score + "%";
        row.querySelector(".scan-oordeel").textContent = result.verdict;
        row.querySelector(".scan-beantwoord").textContent = result.answered + " van " + result.total;
        row.querySelector(".scan-balk__vulling").style.width = (result.score || 0) + "%";
        row.setAttribute("data-oordeel", result.score === null ? "geen" :
          result.score >= STRONG_FROM ? "sterk" : result.score >= 50 ? "op-weg" : "aandacht");
        var reading = root.querySelector('.scan-lees[data-principe="' + id + '"]');
        reading.hidden = !(result.score !== null && result.score < STRONG_FROM);
      });
      root.querySelector(".scan-eerst__geen").hidden = !!root.querySelector(".scan-lees:not([hidden])");
      status.textContent = (message ? message + " " : "") + done + " van " + statements.length + " stellingen beantwoord.";
      var parts = [];
      if (team.value.trim()) parts.push("Team: " + team.value.trim());
      if (date.value) parts.push("Datum: " + date.value.split("-").reverse().join("-"));
      heading.textContent = parts.join(" · ");
    }

    statements.forEach(function (fieldset) {
      var key = PREFIX + fieldset.getAttribute("data-sleutel");
      var saved = store && store.getItem(key);
      Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (radio) {
        if (saved && radio.value === saved) radio.checked = true;
        radio.addEventListener("change", function () {
          if (store) store.setItem(key, radio.value);
          show();
        });
      });
    });

    [[team, "team"], [date, "datum"]].forEach(function (pair) {
      var field = pair[0], key = PREFIX + pair[1];
      if (store && store.getItem(key)) field.value = store.getItem(key);
      field.addEventListener("input", function () {
        if (store) {
          if (field.value) store.setItem(key, field.value);
          else store.removeItem(key);
        }
        show();
      });
    });

    root.querySelector(".scan-afdrukken").addEventListener("click", function () { window.print(); });
    root.querySelector(".scan-wissen").addEventListener("click", function () {
      statements.forEach(function (fieldset) {
        Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (r) { r.checked = false; });
        if (store) store.removeItem(PREFIX + fieldset.getAttribute("data-sleutel"));
      });
      team.value = "";
      date.value = "";
      if (store) {
        store.removeItem(PREFIX + "team");
        store.removeItem(PREFIX + "datum");
      }
      show("Alle antwoorden zijn gewist.");
    });

    Array.prototype.forEach.call(document.querySelectorAll(".scan-zonder-js"), function (note) { note.hidden = true; });
    Array.prototype.forEach.call(document.querySelectorAll(".scan-bewaard"), function (note) {
      note.hidden = false;
      if (!store) note.textContent = "Je browser bewaart de antwoorden niet. De score zie je wel.";
    });
    root.hidden = false;
    show();
  }

  // Deferred: the page is parsed.
  setup();
})();
