"""A council acting for its government: 'The Irvine City Council voted to
approve a sister city relationship with…', 'The City Council of Lakewood,
Colorado, voted…', 'The Hawaii County Council approved…'. Such a council
stands for its city or county (a council signing with another council acts
for itself, and is left an organisation)."""

from __future__ import annotations

import re

_BODY = r"(?:Council|Board\s+of\s+(?:Supervisors|Commissioners|Aldermen)|Commission)"
# A county's council names the county: 'Hawaii County Council' is Hawaii County, not the state.
_TAIL = re.compile(rf"\s+(?:(?:City|Town|Village)\s+)?{_BODY}$")
_HEAD = re.compile(rf"^(?:[Tt]he\s+)?(?:(?:City|Town|Village|County)\s+)?{_BODY}\s+of\s+(?:the\s+)?(?:(?:City|Town|Village)\s+of\s+)?")
_APPROVES = (r"[^.;]{0,40}?\b(?:voted|votes|approved|approves|authori[sz]ed|authori[sz]es|passed|adopted|endorsed)\b"
             r"[^.;]{0,80}?\b(?:sister|friendship|twin)")
_ACTS = re.compile(rf"(?:\s+(?:City|Town|County|Village))?\s+{_BODY}\b{_APPROVES}", re.I)
_ACTS_AFTER = re.compile(rf"(?:,[^,.;]{{1,30}},)?{_APPROVES}", re.I)  # (', Colorado,')


def council_acts(text: str, end: int) -> bool:
    """Whether the council named right after ``end`` approves a tie."""
    return bool(_ACTS.match(text, end))


def council_government(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the government's name lies inside an organisation's name found
    at ``start:end`` when that organisation is its council approving a tie;
    None otherwise."""
    name = text[start:end]
    if (tail := _TAIL.search(name)) is not None and council_acts(text, start + tail.start()):
        return start, start + tail.start()
    if (head := _HEAD.match(name)) is not None and head.end() < len(name) and _ACTS_AFTER.match(text, end):
        return start + head.end(), end
    return None


_HEAD_BEFORE = re.compile(rf"\b(?:City|Town|Village|County)\s+{_BODY}\s+of\s+(?:the\s+)?(?:(?:City|Town|Village)\s+of\s+)?$")


def council_of(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is the government of a council
    written before it that approves a tie ('The City Council of Lakewood,
    Colorado, voted…')."""
    return bool(_HEAD_BEFORE.search(text, max(0, start - 50), start)) and bool(_ACTS_AFTER.match(text, end))
