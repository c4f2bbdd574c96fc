// "Wat doe ik nu?": shows the page's nested list of questions one question at a time, with real buttons. Each
// screen is the page's address plus #<id> (a question) or #stap-<id> (an action), so the back button, history and
// a trainer's link all work; focus moves to each new question. Without JavaScript the list itself is the aid.
(function () {
  "use strict";

  var START = "start";
  var trail = []; // the screens seen since the page opened, so "Vorige vraag" goes back where the reader came from

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function setup() {
    var root = document.querySelector(".watnu-boom");
    if (!root || document.querySelector(".watnu-scherm")) return;
    var screen = document.createElement("div");
    screen.className = "watnu-scherm";
    root.parentNode.insertBefore(screen, root);
    document.body.classList.add("watnu-actief");

    function go(id) {
      location.hash = "#" + id;
    }

    // Where "Vorige vraag" leads: back in history if this page brought the reader here, else up the tree.
    function previous(id) {
      if (trail.length > 1) return function () { history.back(); };
      var node = document.getElementById(id);
      var up = node && node.classList.contains("watnu-vraag") && node.parentNode.closest(".watnu-vraag");
      return up ? function () { go(up.id); } : null;
    }

    function button(label, className, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = className;
      b.textContent = label;
      b.addEventListener("click", onClick);
      return b;
    }

    function heading(label) {
      var h = document.createElement("h2");
      h.className = "watnu-scherm__kop";
      h.tabIndex = -1;
      h.textContent = label;
      return h;
    }

    function footer(id) {
      var nav = document.createElement("div");
      nav.className = "watnu-scherm__terug";
      var back = previous(id);
      if (back) nav.appendChild(button("Vorige vraag", "md-button watnu-vorige", back));
      if (id !== START) {
        var again = document.createElement("a");
        again.href = "#" + START;
        again.className = "watnu-opnieuw";
        again.textContent = "Opnieuw beginnen";
        nav.appendChild(again);
      }
      return nav;
    }

    function showQuestion(node) {
      var step = document.createElement("p");
      step.className = "watnu-scherm__soort";
      step.textContent = node.id === START ? "Eerste vraag" : "Vraag";
      screen.appendChild(step);
      screen.appendChild(heading(text(node.querySelector(".watnu-vraag__tekst"))));
      var answers = document.createElement("div");
      answers.className = "watnu-scherm__knoppen";
      Array.prototype.forEach.call(node.querySelector(".watnu-antwoorden").children, function (li) {
        var urgent = li.classList.contains("watnu-antwoord--spoed");
        var target = li.getAttribute("data-naar");
        answers.appendChild(button(text(li.querySelector(".watnu-antwoord__tekst")),
          "watnu-knop" + (urgent ? " watnu-knop--spoed" : ""), function () { go(target); }));
      });
      screen.appendChild(answers);
    }

    function showAction(title) {
      var card = title.closest(".watnu-stap");
      var copy = card.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (el) { el.remove(); });
      var old = copy.querySelector("h3");
      var label = document.createElement("p");
      label.className = "watnu-scherm__soort";
      label.textContent = "Wat je nu doet";
      screen.appendChild(label);
      screen.appendChild(heading(text(old)));
      old.remove();
      copy.classList.add("watnu-scherm__stap");
      screen.appendChild(copy);
    }

    function render(moveFocus) {
      var id = decodeURIComponent(location.hash.slice(1)) || START;
      var target = document.getElementById(id);
      var isQuestion = target && target.classList.contains("watnu-vraag");
      var isAction = target && target.closest(".watnu-stap");
      if (!isQuestion && !isAction) { // an address elsewhere on the page, or none of ours: the first question
        id = START;
        target = document.getElementById(START);
        isQuestion = true;
      }
      if (trail.length > 1 && trail[trail.length - 2] === id) trail.pop();
      else if (trail[trail.length - 1] !== id) trail.push(id);
      screen.innerHTML = "";
      screen.setAttribute("data-scherm", id);
      if (isQuestion) showQuestion(target);
      else showAction(target);
      screen.appendChild(footer(id));
      if (moveFocus) screen.querySelector(".watnu-scherm__kop").focus();
    }

    window.addEventListener("hashchange", function () { render(true); });
    render(!!location.hash);
  }

  // Deferred: the page is parsed.
  setup();
})();
