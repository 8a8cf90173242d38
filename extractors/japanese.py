"""The Japanese pipeline: spaCy's ``ja`` language with the SudachiPy
tokenizer (its dictionary ships as the ``sudachidict-core`` package, so
nothing is downloaded), sentences split at 。！？, and the same CJK place
finder and partnership component as Chinese texts.

Japanese pages write Taiwanese places as Taiwan writes them (台南市, 花蓮県
富里郷) and Japanese ones in kanji (栗原市, 宮城県); the place finder folds
shinjitai, traditional and simplified characters alike
(``extractors/gazetteer/names.py``), so 県 meets 縣 and 縄 meets 繩. Cue words
(姉妹都市, 友好交流協定, 締結, 調印, 周年...) live in ``extractors/lexicon.py``,
era dates (令和6年) in ``extractors/dates.py``. Output names are the
gazetteer's conventional English names.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractors.chinese  # noqa: F401  (registers citypairs_places_zh)
import extractors.partnerships  # noqa: F401  (registers the factory)
import extractors.segmentation  # noqa: F401  (registers the component)
from extractors.chinese import SENTENCE_ENDS
from extractors.gazetteer.index import Gazetteer, load_gazetteer
from extractors.kana import loose, place_by_reading, romaji
from extractors.places import PlaceSpan
from extractors.segmentation import text_of
from models.records import Level, Place

# Words that make a place name a unit of government (県, 市...), with the
# level they mean.
_SUFFIX_LEVEL = {"県": Level.PREFECTURE, "都": Level.PREFECTURE, "府": Level.PREFECTURE, "道": Level.PREFECTURE,
                 "市": Level.CITY, "町": Level.CITY, "村": Level.CITY, "区": Level.CITY}


@cache
def build_japanese_pipeline(cache_dir: str, scorer: str = "") -> Language:
    nlp = spacy.blank("ja")  # SudachiPy with sudachidict-core
    nlp.add_pipe("sentencizer", config={"punct_chars": [*SENTENCE_ENDS, "｡"]})
    nlp.add_pipe("citypairs_lines")
    nlp.add_pipe("citypairs_inline_items")
    nlp.add_pipe("citypairs_places_zh", config={"cache_dir": cache_dir})
    nlp.add_pipe("citypairs_places_ja", config={"cache_dir": cache_dir})
    nlp.add_pipe("citypairs_page_owner", config={"cache_dir": cache_dir})
    nlp.add_pipe("citypairs_partnerships", config={"scorer": scorer})
    return nlp


@Language.factory("citypairs_places_ja", default_config={"cache_dir": "data/processed/cache"},
                  assigns=["doc._.places"], requires=["doc._.places"])
def make_places_ja(nlp: Language, name: str, cache_dir: str) -> "JapanesePlaces":
    return JapanesePlaces(load_gazetteer(Path(cache_dir)))


class JapanesePlaces:
    """What Sudachi knows about Japanese names, applied to the places the CJK
    finder found: a name Sudachi reads as a person's (千葉健司・市長) is not a
    place; a Japanese place is the gazetteer entry its reading spells
    (八代市 -> ヤツシロ -> Yatsushiro, not the old village GeoNames files
    the kanji under), inside the prefecture written before it; and a town
    the kanji index lacks (えりも町, 牟岐町) is found by its reading."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        spans: list[PlaceSpan] = list(doc._.places or [])
        kept = []
        read: dict[str, Place] = {}
        for span in spans:
            tokens = [t for t in doc if t.idx < span.end and t.idx + len(t) > span.start]
            if span.kind == "foreign" and any(_tag(t) == "人名" for t in tokens):
                continue  # a person's name that looks like a place
            if span.text.endswith("郡") and span.place is not None and span.place.country == "JP":
                # A Japanese 郡 has had no government since 1926: it only
                # locates the town or village named with it (玉川村(石川郡)).
                continue
            if span.kind == "foreign" and span.place is not None and span.place.country == "JP":
                better = self._by_reading(tokens, span, kept)
                if better is not None:
                    span.place = read[span.text] = better
            kept.append(span)
        for span in kept:
            # One name, one place in a document: where Sudachi split 八代市
            # into a number and a counter ('これから八代市は') and gave no
            # reading, the reading found for the same name elsewhere holds.
            if span.text in read and span.kind == "foreign" and span.place is not None and span.place.country == "JP":
                span.place = read[span.text]
        kept.extend(self._missed(doc, kept))
        doc._.places = sorted(kept, key=lambda s: s.start)
        return doc

    def _by_reading(self, tokens, span: PlaceSpan, before: list[PlaceSpan]) -> Place | None:
        names = [t for t in tokens if _tag(t) == "地名"]
        if not names:
            return None
        reading = romaji("".join(t.morph.get("Reading")[0] for t in names if t.morph.get("Reading")))
        if not reading or loose(span.place.name) == loose(reading):
            return None
        suffix = span.text[-1]
        found = self._lookup(reading, _SUFFIX_LEVEL.get(suffix), _prefecture_before(before, span.start))
        stem = re.sub(r"(?:shi|machi|cho|mura|son)$", "", loose(reading)) if suffix in "市町村" else loose(reading)
        if (found is None or found.id == span.place.id) and stem.endswith(loose(span.place.name)) \
                and len(stem) > len(loose(span.place.name)):
            # GeoNames files some merged cities under their old core's name
            # (薩摩川内市 as Sendai): the reading is the city's name now.
            return span.place.model_copy(update={"name": stem.capitalize()})
        if found is None and _variant(loose(span.place.name), loose(reading)):
            # GeoNames keeps an older romanisation of some towns (Yonakuni for
            # 与那国町): the dictionary's Hepburn reading is the name in use.
            return span.place.model_copy(update={"name": loose(reading).capitalize()})
        if found is None and span.place.provisional:
            # A town the gazetteer lacks keeps its reading as its English name.
            return span.place.model_copy(update={"name": loose(reading).capitalize(),
                                                 "id": f"prov:JP:{loose(reading)}"})
        return found

    def _lookup(self, reading: str, level: Level | None, prefecture: str | None) -> Place | None:
        return place_by_reading(self.gaz.world, reading, level, prefecture)

    def _missed(self, doc: Doc, spans: list[PlaceSpan]) -> list[PlaceSpan]:
        out = []
        covered = [(s.start, s.end) for s in spans]
        for i, token in enumerate(doc[:-1]):
            suffix = doc[i + 1]
            if _tag(token) != "地名" or suffix.text not in ("市", "町", "村") or not token.morph.get("Reading"):
                continue
            start, end = token.idx, suffix.idx + len(suffix)
            if any(s < end and start < e for s, e in covered):
                continue
            before = [s for s in spans if s.end <= start]
            prefecture = _prefecture_before(before, start)
            if prefecture is None:
                continue  # without its prefecture, a bare reading is too weak a clue
            reading = romaji(token.morph.get("Reading")[0])
            if not reading:
                continue
            place = self._lookup(reading, Level.CITY, prefecture) or Place(
                id=f"prov:JP:{loose(reading)}", name=loose(reading).capitalize(), country="JP", level=Level.CITY,
                admin1=prefecture, native=text_of(doc)[start:end], provisional=True)
            out.append(PlaceSpan(start, end, text_of(doc)[start:end], "foreign", place=place,
                                 notes=["provisional"] if place.provisional else []))
        return out


def _variant(a: str, b: str) -> bool:
    """Two romanisations of one name: same length and first letter, at most
    two letters apart ('yonakuni', 'yonaguni'), voicing the usual one."""
    return len(a) == len(b) >= 4 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) <= 2


def _tag(token) -> str:
    parts = token.tag_.split("-")
    return parts[2] if len(parts) > 2 else ""


def _prefecture_before(spans: list[PlaceSpan], start: int) -> str | None:
    """'熊本県八代市': the Japanese prefecture written right before."""
    last = max((s for s in spans if s.end <= start), key=lambda s: s.end, default=None)
    if last is None or last.place is None or last.place.country != "JP" or start - last.end > 1:
        return None
    return last.place.name if last.place.level is not Level.CITY else last.place.admin1
