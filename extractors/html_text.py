"""HTML text without a tree: for pages too deep for lxml, and pages trafilatura finds nothing in.

libxml2 stops building a tree a few hundred elements deep, so the text of a
page wrapped in thousands of ``<div>``s vanishes and the page reads as empty.
The reader here scans the markup once, left to right, with one regular
expression: no tree, no stack, no recursion, so time is linear in the markup
and memory in the text however deep the nesting. (The standard library's
``html.parser`` is not used: a page of unclosed ``<!--`` keeps it busy for minutes.)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Deeper than this and lxml (and trafilatura on it) may drop part of the page.
MAX_TREE_DEPTH = 180
# Elements that start a new line of text.
BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "tr", "ul"))
# Elements whose content no reader sees.
HIDDEN_TAGS = frozenset(("script", "style", "noscript", "template"))
# Elements that never hold others, and those whose end tag may be left out:
# neither says how deep a page nests.
_NOT_NESTING = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "rb", "rt", "rp"))
# One token of markup. Each alternative that can run unclosed ends at the end
# of the page instead of failing, so no stretch of markup is scanned twice:
# the scan is linear even for hostile pages ('<!--' ten thousand times).
_TOKEN = re.compile(r"""
    <!--.*?(?:-->|\Z)                                          # a comment
  | <(?P<raw>script|style|title)\b[^>]*>(?P<body>.*?)(?:</(?P=raw)\s*>|\Z)  # raw text
  | <(?P<end>/?)(?P<tag>[A-Za-z][A-Za-z0-9:-]*)[^>]*?(?P<empty>/?)(?:>|\Z)    # a tag
  | <[!?/][^>]*(?:>|\Z)                                        # doctype, CDATA, '</ >'
""", re.S | re.I | re.X)


@dataclass(frozen=True, slots=True)
class FlatText:
    """What the flat reader found: the visible text, a line per block, and the title."""

    text: str
    title: str | None


def too_deep(markup: str, limit: int = MAX_TREE_DEPTH) -> bool:
    """True when elements nest more than ``limit`` deep, counting start and
    end tags; stops at the limit."""
    depth = 0
    for match in _TOKEN.finditer(markup):
        tag = match["tag"]
        if tag is None or match["empty"] or tag.lower() in _NOT_NESTING:
            continue
        if match["end"]:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def flat_text(markup: str) -> FlatText:
    """The visible text of ``markup``, scripts, styles and templates
    dropped, a new line at every block element; the first ``<title>``."""
    pieces: list[str] = []
    title: str | None = None
    hidden = 0  # hidden elements open around the scanner: a count, not a stack
    pos = 0
    for match in _TOKEN.finditer(markup):
        if not hidden and match.start() > pos:
            pieces.append(markup[pos:match.start()])
        pos = match.end()
        tag = match["tag"]
        if tag is not None:
            tag = tag.lower()
            if tag in HIDDEN_TAGS:
                if not match["empty"]:  # a stray end tag hides nothing, and uncovers nothing
                    hidden = max(0, hidden - 1) if match["end"] else hidden + 1
            elif tag in BLOCK_TAGS and (not pieces or pieces[-1] != "\n"):
                pieces.append("\n")
        elif match["raw"] and match["raw"].lower() == "title" and title is None:
            title = " ".join(html.unescape(match["body"]).split())
    if not hidden:
        pieces.append(markup[pos:])
    raw = html.unescape("".join(pieces))
    text = "\n".join(" ".join(line.split()) for line in raw.split("\n") if line.strip())
    return FlatText(text, title or None)
