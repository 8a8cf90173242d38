// The document page: selecting text fills the evidence span of the "add a
// partnership" form; every field with class place-picker (here and in the
// edit form) offers the gazetteers' places as you type. The picker puts a
// place id in the field; typing a name and country by hand still works.
(function () {
  "use strict";

  // Character offset of a point in the document: the block's own start
  // plus the length of the text before the point inside that block.
  function offsetOf(node, offset) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    var block = el && el.closest(".block");
    if (!block) { return null; }
    var range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return parseInt(block.dataset.start, 10) + range.toString().length;
  }

  function trackSelection(form) {
    var text = document.getElementById("doc-text");
    if (!text) { return; }
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (!sel.rangeCount || sel.isCollapsed) { return; }
      var r = sel.getRangeAt(0);
      if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) { return; }
      var start = offsetOf(r.startContainer, r.startOffset), end = offsetOf(r.endContainer, r.endOffset);
      if (start === null || end === null || end <= start) { return; }
      form.elements.start.value = start;
      form.elements.end.value = end;
      document.getElementById("evidence-preview").textContent = sel.toString();
    });
  }

  function picker(input, list) {
    var timer = null, last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 1 || q === last || /^(gn|iso|uscounty|tbl|prov):|^TW-/.test(q)) { return; }
      last = q;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/places/search?q=" + encodeURIComponent(q), {credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (choices) {
            list.textContent = "";
            choices.forEach(function (c) {
              var option = document.createElement("option");
              option.value = c.id;
              option.label = c.label;
              option.textContent = c.label;
              list.appendChild(option);
            });
          });
      }, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("add-form");
    if (form) { trackSelection(form); }
    var list = document.getElementById("place-choices");
    if (list) {
      Array.prototype.forEach.call(document.querySelectorAll(".place-picker"), function (input) { picker(input, list); });
    }
  });
}());
