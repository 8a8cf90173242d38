"""The evaluation interface: JSONL documents in, JSONL partnerships out.

Input lines carry ``id``, ``text`` and optionally ``published`` and ``lang``
(the labelled corpus format); output lines are
``{"id", "partnerships": [{"a", "a_country", "a_level", "b", ...}]}`` with
the Taiwanese side as ``a`` and conventional English names.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from extractors.evaluation import format_scores, read_gold, read_predictions, score
from extractors.gazetteer.index import Gazetteer, load_gazetteer
from extractors.gazetteer.names import english_name, fold, fold_core, glued_japanese_stem
from extractors.pipeline import build_pipeline, collapse, extract
from models.errors import ConfigError
from models.records import DocumentInput, Level, Mention, Place
from models.settings import Settings

# The corpus has no separate level for county-administered cities.
_OUTPUT_LEVEL = {Level.COUNTY_ADMINISTERED_CITY: "city"}


def read_documents(path: Path) -> Iterator[DocumentInput]:
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), [f"cannot read: {exc.strerror}"]) from None
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(where, [f"bad JSON: {exc.msg}"]) from None
            problems = [f"field '{k}' missing" for k in ("id", "text") if not isinstance(obj.get(k), str)]
            published = None
            if obj.get("published"):
                try:
                    published = dt.date.fromisoformat(str(obj["published"])[:10])
                except ValueError:
                    problems.append(f"field 'published' is not an ISO date: {obj['published']!r}")
            if problems:
                raise ConfigError(where, problems)
            yield DocumentInput(key=obj["id"], text=obj["text"], published=published, lang=obj.get("lang") or "en",
                                title=_opt_str(obj, "title"), url=_opt_str(obj, "url"), outlet=_opt_str(obj, "outlet"))


def _opt_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None


def mention_to_json(m: Mention, gaz: Gazetteer) -> dict:
    a, b, a_text, b_text = m.a, m.b, m.a_text, m.b_text
    if b.country == "TW" and a.country != "TW":
        a, b, a_text, b_text = b, a, b_text, a_text
    return {
        "a": _name(a, a_text, gaz), "a_country": a.country, "a_level": _level(a),
        "b": _name(b, b_text, gaz), "b_country": b.country, "b_level": _level(b),
        "b_admin1": b.admin1,
        "relation": m.relation.value, "event": m.event.value,
        "date": m.date.iso() if m.date else None,
        "themes": [t.value for t in m.themes],
        "evidence": m.evidence.text, "confidence": m.confidence,
    }


def _name(place: Place, written: str, gaz: Gazetteer) -> str:
    # Taiwan's places are reported as the text spells them in Latin script
    # (Changjhih, Taipei County), so a tie signed by a former unit keeps the
    # name it was signed as; the database keeps today's government.
    if place.country == "TW":
        # The 22 cities and counties, and the cities within counties, have
        # one conventional English name ('Kaoshiung' is Kaohsiung, 'Hualian
        # City' Hualien City); a township's is as the text spells it
        # ('Changjhih Township'), unless the spelling is a misspelling.
        entries = gaz.taiwan_lookup(written)
        misspelt = any(fold_core(written) == fold_core(m) for e in entries for m in e.misspellings)
        if written.isascii() and entries and "-" in place.id.removeprefix("TW-") and not misspelt \
                and place.level is not Level.COUNTY_ADMINISTERED_CITY:
            return written
        for entry in entries:
            if entry.successor:
                return entry.place.name
    elif written.isascii():
        halves = place.name.split(" / ")
        for half in halves if len(halves) > 1 else ():  # 'Donostia / San Sebastián': the half the text uses
            if fold_core(half) == fold_core(written):
                return half
        if _other_name(written, place.name) and any(p.id == place.id for p in
                                                    gaz.foreign_lookup(written, place.country)):
            # GeoNames heads some records with an older romanisation or a
            # seat's name (Chinju for Jinju, Horikoshi for Shodoshima): a text
            # in Latin script that names the place by one of its other names
            # spells it as its readers know it.
            return written
    return english_name(place.name, place.country)  # ('Yoshino-chō' is Yoshino in English)


def _other_name(written: str, name: str) -> bool:
    """Whether ``written`` is another name of the place, not a short or
    long form of ``name`` ('Washington' of 'Washington, D.C.', 'Daejeon
    Gwangyeoksi' of 'Daejeon', 'Georgetown' of 'George Town')."""
    if fold(written).replace(" ", "") == fold(name).replace(" ", "") or fold(glued_japanese_stem(written) or "") == fold(name):
        return False  # ('Omamachi' is Ōma, written with its unit)
    mine, theirs = fold_core(written).split(), fold_core(name).split()
    return not (set(mine) <= set(theirs) or set(theirs) <= set(mine))


def _level(place: Place) -> str:
    return _OUTPUT_LEVEL.get(place.level, place.level.value)


def extract_file(settings: Settings, input_path: Path, output_path: Path) -> int:
    nlp = build_pipeline(settings.spacy_model, str(settings.cache_dir), settings.pair_scorer)
    gaz = load_gazetteer(settings.cache_dir)
    n = 0
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w", encoding="utf-8") as fh:
        for result in extract(nlp, read_documents(input_path), settings.batch_size):
            items = [mention_to_json(m, gaz) for m in collapse(result.mentions)]
            fh.write(json.dumps({"id": result.key, "partnerships": items}, ensure_ascii=False) + "\n")
            n += 1
    return n


def evaluate_file(settings: Settings, gold_path: Path, predictions: Path | None = None, *,
                  errors: bool = False) -> str:
    gold = read_gold(gold_path)
    if predictions is None:
        with tempfile.TemporaryDirectory() as tmp:
            predictions = Path(tmp) / "predictions.jsonl"
            extract_file(settings, gold_path, predictions)
            predicted = read_predictions(predictions)
    else:
        predicted = read_predictions(predictions)
    from extractors.training import slice_report

    return (format_scores(score(gold, predicted), errors=errors) + "\n\nby slice (pairs with a Taiwanese side):\n"
            + slice_report(gold_path, predicted))
