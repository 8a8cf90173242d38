// Keyboard shortcuts for the review queue and a partnership page.
// Queue: j/k move between items, a accepts, r rejects, Enter opens the item,
// e opens it with its edit form focused. A decision brings the queue back at
// the same position (?at=N), where the next item now is, and focuses it.
// Partnership page: a accepts, r rejects, e focuses the edit form.
// Anywhere: u undoes the analyst's last decision. Keys typed into a form
// field are left alone, and Enter on a link or button does what it says.
(function () {
  "use strict";
  var items = [];
  var current = -1;

  function focus(i) {
    if (!items.length) { return; }
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, n) { el.classList.toggle("focused", n === current); });
    items[current].focus({ preventScroll: false });
  }

  function scope() {
    return current >= 0 && items.length ? items[current] : document;
  }

  function press(key) {
    var button = scope().querySelector('[data-key="' + key + '"]');
    if (button) { button.click(); return true; }
    return false;
  }

  function focusEditForm() {
    // The field the last submission got wrong, else the partner (the side to correct most often).
    var field = document.querySelector("#edit-form [autofocus]") || document.querySelector("#edit-form input[name=b]");
    if (field) { field.focus(); return true; }
    return false;
  }

  function open(edit) {
    if (!items.length || current < 0) { return false; }
    window.location.href = items[current].dataset.href + (edit ? "#edit" : "");
    return true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    items = Array.prototype.slice.call(document.querySelectorAll(".item"));
    if (items.length) {
      var at = parseInt(new URLSearchParams(window.location.search).get("at"), 10);
      focus(isNaN(at) ? 0 : at);
    }
    items.forEach(function (el, n) {
      el.addEventListener("click", function () { focus(n); });
    });
    if (window.location.hash === "#edit") { focusEditForm(); }
  });

  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var handled = true;
    switch (event.key) {
      case "j": focus(current + 1); break;
      case "k": focus(current - 1); break;
      case "a": handled = press("a"); break;
      case "r": handled = press("r"); break;
      case "e": handled = items.length ? open(true) : focusEditForm(); break;
      case "Enter": handled = tag !== "a" && tag !== "button" && tag !== "summary" && open(false); break;
      case "u": var undo = document.getElementById("undo-last"); if (undo) { undo.click(); } break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });
}());
