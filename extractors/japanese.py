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

from functools import cache

import spacy
from spacy.language import Language

import extractors.chinese  # noqa: F401  (registers citypairs_places_zh)
import extractors.partnerships  # noqa: F401  (registers the factory)
import extractors.segmentation  # noqa: F401  (registers the component)
from extractors.chinese import SENTENCE_ENDS


@cache
def build_japanese_pipeline(cache_dir: str, scorer: str = "") -> Language:
    nlp = spacy.blank("ja")  # SudachiPy with sudachidict-core
    nlp.add_pipe("sentencizer", config={"punct_chars": [*SENTENCE_ENDS, "｡"]})
    nlp.add_pipe("citypairs_lines")
    nlp.add_pipe("citypairs_places_zh", config={"cache_dir": cache_dir})
    nlp.add_pipe("citypairs_partnerships", config={"scorer": scorer})
    return nlp
