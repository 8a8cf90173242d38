// Keyboard shortcuts for the review queue and a partnership page.
// j/k move between queue items, a accepts, r rejects, e or Enter opens the
// item to edit, u undoes the analyst's last decision. Keys typed into a
// form field are left alone.
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

  document.addEventListener("DOMContentLoaded", function () {
    items = Array.prototype.slice.call(document.querySelectorAll(".item"));
    if (items.length) { focus(0); }
    items.forEach(function (el, n) {
      el.addEventListener("click", function () { focus(n); });
    });
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
      case "e":
      case "Enter":
        if (items.length && current >= 0) { window.location.href = items[current].dataset.href; }
        else { var first = document.querySelector("#edit-form input[name=b]"); if (first) { first.focus(); } }
        break;
      case "u": var undo = document.getElementById("undo-last"); if (undo) { undo.click(); } break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });
}());
