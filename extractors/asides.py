"""Relative clauses set off by commas ('Taichung, which already has ties
with Sendai, signed with Kumamoto'): where they are, what they tell of a
pair, and when a sentence's only words for a tie stand in one that speaks
of no party ('the Asian Mayors Forum, which promotes sister city
exchanges')."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.lexicon import PAIR_ANAPHOR, event_of, relations_in
from extractors.segmentation import text_of
from extractors.tie_kinds import relation_of
from models.records import Relation

_ASIDE_WORDS = frozenset({"which", "who", "whose", "where"})  # (not ', where he and Mayor Hou renewed …': the visit's deed)
# (', where they agreed to explore a friendship-city agreement': the meeting's parties' plan, too)
_NARRATORS = frozenset({"he", "she", "they", "we", "the", "both"})
_DEEDS = ("sign", "renew", "ink", "conclud", "agree", "decid", "pledg", "vow", "discuss")
_AFTER_ASIDE = re.compile(r",\s*(?:\w+|\d+)\s+(?:years?|months?|decades?)\s+(?:after|since)\s+[^,;.]*")


def relative_asides(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the relative clauses set off by a comma between
    ``start`` and ``end`` ('Taichung, which already has ties with Sendai and
    Osaka, signed with Kumamoto'): an aside about one side, whose places
    stand outside the main clause. Needs a dependency parse (English)."""
    if not doc.has_annotation("DEP"):
        return []  # (below: ', 10 years after the two cities first signed … in 2014': an earlier tie's clause)
    out = [(m.start() + 1, m.end()) for m in _AFTER_ASIDE.finditer(text_of(doc), start, end)]
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        left = tok.left_edge
        if tok.dep_ == "relcl" and left.lower_ in _ASIDE_WORDS and left.i > 0 and doc[left.i - 1].text == "," \
                and not (left.lower_ == "where" and doc[left.i + 1].lower_ in _NARRATORS and tok.lower_.startswith(_DEEDS)
                         # (', where the prefecture's Ureshino City signed …': other governments' deed, an aside)
                         and not any(t.ent_type_ in ("GPE", "LOC", "ORG", "FAC") for t in doc[left.i + 1:tok.i])):
            out.append((left.idx, tok.right_edge.idx + len(tok.right_edge)))
    return out


def aside_told(text: str, asides: list[tuple[int, int]], a, b) -> str | None:
    """The words of the aside that names the later side only, less the
    asides inside it that name neither ('…, where he met officials from
    Morioka, whose city has a friendship agreement with Hualien': Morioka's
    aside states no tie); '' where the earlier side stands in an aside
    the later one is outside of (its tie is its antecedent's); None where
    no aside parts them."""
    first, last = sorted((a.start, b.start))
    span = next(((x, y) for x, y in asides if x <= last < y and not x <= first < y), None)
    if span is None:
        # ('Prague, which had been a sister city of Beijing since 2016, switched … to Taipei')
        inner = next(((x, y) for x, y in asides if x <= first < y and not x <= last < y), None)
        return "" if inner is not None else None
    if re.match(r"(?i)(?:which|that)\s+include", text[span[0]:span[0] + 20]):
        return None  # ('eight sister cities, which include New Taipei City': the list of the ties just named)
    inner = sorted((x, y) for x, y in asides if span[0] < x and y <= span[1] and not x <= last < y)
    words, at = [], span[0]
    for x, y in inner:
        words.append(text[at:max(at, x)])
        at = max(at, y)
    return "".join(words) + text[at:span[1]]


def outside_asides(text: str, start: int, asides: list[tuple[int, int]], relation: Relation) -> Relation | None:
    """The relation a sentence's main clause names, for a pair named outside
    its relative asides ('Taoyuan, which already has sister ties with
    Hartford County, signed a new friendship agreement with Yokohama');
    None where only an aside names a tie ('the mayor of Fukuoka said his
    city, which has friendship ties with Busan, hoped to learn from Taipei')."""
    inside = [(x - start, y - start) for x, y in asides if 0 <= x - start < len(text)]
    if not inside:
        return relation
    blank = "".join(" " if any(x <= i < y for x, y in inside) else ch for i, ch in enumerate(text))
    cues = relations_in(blank)
    # ('Taichung, which already has friendship agreements with Sendai, signed a new one with Kumamoto':
    # the main clause's verb states a tie of the aside's kind)
    return relation_of(blank, cues, []) if cues else relation if event_of(blank)[1] else None


_BEFORE_ASIDE = re.compile(r"\s*,\s*")  # ('Sendai, which became its 50th sister city': an aside about a side)
# ('a delegation from Orange County led by Supervisor Andrew Do, who proposed a sister county relationship':
# a person's aside speaks for the government he leads, unlike a forum's aim)
_PERSON_ASIDE = re.compile(r"(?i)\s*who\b")
_ASIDE_ANAPHOR = re.compile(r"(?i)\bwhose\s+(?:city|county|town|prefecture|state)\b[^.;]*\bwith\s+the\s+(?:city|county|town|prefecture|state)\b")  # ('whose city signed … with the county')


def aims_only(text: str, sent_start: int, cues, asides: list[tuple[int, int]], sides) -> bool:
    """Whether every word for a tie in the sentence stands in an aside that
    holds no side and follows none: a forum's or a programme's aim, no tie."""
    return bool(asides) and all(any(
        x <= sent_start + c[1] < y and not _ASIDE_ANAPHOR.search(text, x, y) and not _PERSON_ASIDE.match(text, x)
        and not any(x <= p.start < y or _BEFORE_ASIDE.fullmatch(text, p.end, x) for p in sides)
        and not _PAIR_BEFORE.search(text, max(0, x - 40), x)  # ('The two cities, which signed … in 2017, will …')
        for x, y in asides) for c in cues)


_PAIR_BEFORE = re.compile(PAIR_ANAPHOR.pattern + r"\s*,?\s*$", PAIR_ANAPHOR.flags)
