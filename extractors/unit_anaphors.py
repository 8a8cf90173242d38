"""A unit word that stands for a government named before: '県と高雄市は…'
opening a Japanese sentence (the prefecture the story named last), '該市',
and in English 'the county's sister jurisdictions' (the county whose tie
it is)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.places import PlaceSpan
from models.records import Level

if TYPE_CHECKING:
    from extractors.other_side import Sentence


# '県と高雄市は2013年に…覚書を締結しており': a bare unit word opening the sentence is the
# government of that unit the story named last (here the prefecture whose office was visited).
_UNIT_ANAPHOR = re.compile(r"\s*(?:同|該|该|当|當)?(?P<unit>県|縣|县|府|道|市|町|村)(?:と|は|が|、|與|与|和|及)")
_UNIT_LEVELS = {"県": (Level.PREFECTURE,), "縣": (Level.PREFECTURE, Level.COUNTY), "县": (Level.PREFECTURE, Level.COUNTY),
                "府": (Level.PREFECTURE,), "道": (Level.PREFECTURE,), "市": (Level.CITY,), "町": (Level.CITY,),
                "村": (Level.CITY,)}


# 'Yilan has been one of the county's sister jurisdictions since 1992': the county whose
# tie it is, named before (on its own page, in the sentence before), owns the tie.
_OWNER_ANAPHOR = re.compile(r"\b[Tt]he\s+(?P<unit>county|city|prefecture|state)(?:'s|’s)\s+(?:[\w-]+\s+)?"
                            r"(?:sister|friendship|twin)\b")
_EN_UNIT_LEVELS = {"county": (Level.COUNTY,), "city": (Level.CITY,), "prefecture": (Level.PREFECTURE,),
                   "state": (Level.STATE,)}


def unit_anaphor(sent: Sentence, places: list[PlaceSpan], abroad: bool, lang: str = "zh",
                 earlier: list[Sentence] = ()) -> PlaceSpan | None:
    """The government a bare unit word opening ``sent`` stands for (an
    English 'the county's' owning a tie, anywhere in it): the latest place
    named before it of that level, foreign where ``abroad``, also where it
    was named only as where a visit went ('熊本県庁を訪れ')."""
    m = _UNIT_ANAPHOR.match(sent.text) if lang in ("ja", "zh") else _OWNER_ANAPHOR.search(sent.text)
    if m is None:
        return None
    levels = (_UNIT_LEVELS if lang in ("ja", "zh") else _EN_UNIT_LEVELS)[m.group("unit")]
    before = [p for p in places if p.place is not None and p.end <= sent.start and p.place.level in levels
              and (p.place.country != "TW") == abroad]
    if not before:
        return None
    last = before[-1]
    if lang not in ("ja", "zh"):
        # (in English the first so named in its sentence, the passage's subject: "Spokane's sister city
        # relationship with Jecheon … But the city's newer friendship with Hsinchu County" is Spokane's)
        last = next((p for s in reversed(earlier) for p in before if s.start <= p.start < s.end), last)
    return PlaceSpan(sent.start + m.start("unit"), sent.start + m.end("unit"), m.group("unit"),
                     "foreign" if abroad else "taiwan", place=last.place, notes=["unit anaphor"])
