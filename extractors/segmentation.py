"""spaCy component ``citypairs_lines``: where line breaks end sentences.

Captured web pages put menus, captions and headlines on lines of their own;
without this the parser glues them to the next sentence, and a headline's
place names end up in the evidence of the story's first sentence. PDF text,
though, wraps sentences across lines. So a line break ends a sentence when
it is a blank line, when the line ended with closing punctuation, or when a
short line (a headline, a menu item) is followed by a capitalised one. The
parser keeps boundaries set before it runs.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

SHORT_LINE = 80  # characters: shorter lines are headings, captions, menu items
CLOSERS = frozenset(".!?:;。！？：；")
_YEAR_END = re.compile(r"(?:19|20)\d\d")
# Words no heading or caption ends with: a line ending so is prose wrapped
# ('… renewing the sister city agreement with' / 'Zhongli, which was …').
_RUNS_ON = frozenset({"with", "of", "the", "a", "an", "and", "or", "to", "for", "in", "on", "by", "from",
                      "between", "that", "which", "who", "its", "their", "his", "her", "as", "at", "was", "were",
                      "is", "are", "has", "have", "had"})
_CAPS_LINE = re.compile(r"[^a-z\n]*[A-Z]{2,}[^a-z\n]*\s[^a-z\n]*[A-Z]{2,}[^a-z\n]*")


@Language.component("citypairs_lines")
def split_lines(doc: Doc) -> Doc:
    line_start = 0
    for i, token in enumerate(doc[:-1]):
        gap = token.text if token.is_space else token.whitespace_
        if "\n" not in gap:
            continue
        nxt = doc[i + 1]
        last = token if not token.is_space else (doc[i - 1] if i else token)
        line_length = last.idx + len(last.text) - line_start
        if ("\n\n" in gap or last.text[-1:] in CLOSERS
                or (line_length < SHORT_LINE and last.lower_ not in _RUNS_ON
                    and (nxt.text[:1].isupper() or not nxt.text[:1].isalpha()
                                                  or "\u3040" <= nxt.text[:1] <= "\u9fff"))  # (kana or kanji)
                # captions one per line: '… on August 4, 2012' / 'Mr. Sam Adams, Mayor of Portland, …' /
                # 'Thumbnail - …' (prose that wraps ends its line with a word, or its sentence with a stop)
                or (_YEAR_END.fullmatch(last.text) is not None and nxt.text[:1].isupper())
                # a heading or title block set in capitals, however long ('A RESOLUTION OF THE CITY OF …')
                or _CAPS_LINE.fullmatch(doc.text[line_start:last.idx + len(last.text)]) is not None
                # a resolution's recitals, one a line: 'WHEREAS, … since 1979; and' / 'WHEREAS, …'
                or (last.lower_ in ("and", "or") and last.i > 0 and doc[last.i - 1].text == ";"
                    and nxt.text[:1].isupper())):
            nxt.is_sent_start = True
            # A line's first word never stands alone: after a header line
            # ("Date: ...") the parser would otherwise cut "Taoyuan | and
            # Jonava signed..." and lose the pair.
            if i + 2 < len(doc) and nxt.is_alpha and "\n" not in nxt.whitespace_ and not doc[i + 2].is_space:
                doc[i + 2].is_sent_start = False
        line_start = nxt.idx
    _keep_rows_whole(doc)
    return doc


# A table row written with bars: 'No. | City | Country | Date Signed',
# '1 | Winnipeg | Canada | 1982.04.02'.
_BARRED_ROW = re.compile(r"(?m)^[^\n|]{0,80}\|[^\n]{0,200}\|[^\n]{0,80}$")


def _keep_rows_whole(doc: Doc) -> None:
    """A table row stays one sentence: the parser would cut '1 | Winnipeg |
    Canada | 1982.04.02' after the number and before the date, and part the
    partner from its year."""
    for m in _BARRED_ROW.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        for token in span[1:] if span is not None else ():
            token.is_sent_start = False


# An item of a list run into one line of Chinese or Japanese text:
# '…を締結2)02月08日 福岡市と台北市が…', '…締結。(3)…', '…①…②…'.
# Not a day written in brackets: '今(11)日', '昨（26）日'.
_INLINE_ITEM = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff」』）)])(?:[(（]?\d{1,2}[)）]|[①-⑳])"
                          r"(?=[\d\u3040-\u30ff\u4e00-\u9fff「])(?![日月年號号時时])")


# A headline of two phrases set apart by a wide space: '布拉格與台北締姊妹市
# 上海解友城關係' is two stories. The first phrase is long and unbroken, and
# the line has no second wide space: a table row's columns are short or many,
# and a timeline's row starts with its date ('平成24年10月　友好交流協定を締結').
# A Japanese headline's closing name is its subject, not a second story.
_HEADLINE_GAP = re.compile(r"(?m)^[^\S\n]*[^\s]{7,}[\u3040-\u30ff\u4e00-\u9fff」』）)\d](?<![年月日\d])"
                           r"(?:[ \t]{2,}|\u3000+)(?=[\u3040-\u30ff\u4e00-\u9fff「『（(])(?![^\n]*(?:[ \t]{2}|\u3000))"
                           r"(?![\u4e00-\u9fff]{1,5}[市町村県縣区區鄉鎮][^\S\n]*$)")  # ('…と友好都市協定　伊賀市': who did it)


@Language.component("citypairs_inline_items")
def split_inline_items(doc: Doc) -> Doc:
    """Each numbered item of a list written on one line is a sentence of its
    own: without this, every place of the list pairs with every other. So
    is each phrase of a headline in two parts."""
    text = text_of(doc)
    for m in (*_INLINE_ITEM.finditer(text), *_HEADLINE_GAP.finditer(text)):
        at = m.start() if m.re is _INLINE_ITEM else m.end()
        span = doc.char_span(at, max(at + 1, m.end()), alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """The document's text, built once: ``doc.text`` joins every token anew
    on each call, which made a component's work grow with the square of the
    document's length."""
    text = doc.user_data.get("citypairs_text")
    if text is None:
        text = doc.user_data["citypairs_text"] = doc.text
    return text
