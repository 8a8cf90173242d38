"""Reference-list rows to claims: both sides resolved through the
gazetteers, the relation and dates read, and every row that cannot be taken
reported with its line and reason. Nothing is guessed: a name that fits two
places of the same kind in the same country (Columbus, Ohio and Columbus,
Georgia) is reported as ambiguous until the list names the state.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.gazetteer.index import Gazetteer
from extractors.gazetteer.names import fold_core
from extractors.reference_read import ListRow
from models.records import Level, Place, Relation
from models.rows import ReferenceClaim, RowProblem

# Words that name a relation, most specific first (English, Chinese, Japanese).
RELATION_WORDS = (
    (Relation.SISTER, ("sister", "twin", "姊妹", "姐妹", "姉妹")),
    (Relation.FRIENDSHIP, ("friend", "友好", "友誼", "親善")),
    (Relation.MOU, ("mou", "memorandum", "備忘錄", "备忘录", "覚書")),
    (Relation.COOPERATION, ("cooperat", "co-operat", "partner", "agreement", "合作", "協定", "協議", "協力",
                            "交流")),
)
# A place this much bigger than every namesake of its kind is the one meant.
DOMINANT = 10
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                          "nov", "dec"), start=1)}
_DIVISION_LEVELS = (Level.STATE, Level.PREFECTURE, Level.PROVINCE, Level.REGION, Level.COUNTY)


class RowError(ValueError):
    def __init__(self, reason: str, detail: str):
        self.reason = reason
        super().__init__(detail)


@dataclass(frozen=True, slots=True)
class Resolved:
    claim: ReferenceClaim
    places: tuple[Place, Place]  # to store before the claim


def resolve_rows(rows: list[ListRow], list_name: str, gazetteer: Gazetteer,
                 default_relation: Relation = Relation.SISTER) -> tuple[list[Resolved], list[RowProblem]]:
    """Claims for the rows that resolve, problems for the rest; a second row
    of the same pair and relation is reported as a duplicate of the first."""
    out: list[Resolved] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        if not any(row.fields.values()):
            continue  # a blank spreadsheet row
        try:
            resolved = _resolve(row, list_name, gazetteer, default_relation)
        except RowError as exc:
            problems.append(RowProblem(row.line, exc.reason, str(exc)))
            continue
        c = resolved.claim
        key = (c.a_id, c.b_id, c.relation)
        if key in seen:
            problems.append(RowProblem(row.line, "duplicate", f"the same tie as line {seen[key]}"))
            continue
        seen[key] = row.line
        out.append(resolved)
    return out, problems


def _resolve(row: ListRow, list_name: str, gazetteer: Gazetteer, default_relation: Relation) -> Resolved:
    f = row.fields
    own_text, partner_text, country_text = f.get("taiwan_side", ""), f.get("partner", ""), f.get("partner_country", "")
    if not own_text or not partner_text:
        raise RowError("missing_place", "needs both a Taiwanese side and a partner")
    try:
        own = taiwan_place(gazetteer, own_text)
    except RowError:
        # Some lists are kept from the partner's side: the Taiwanese place
        # sits in the partner column.
        try:
            own = taiwan_place(gazetteer, partner_text)
        except RowError:
            own = None
        if own is None:
            raise
        partner_text, own_text = own_text, partner_text
    partner = partner_place(gazetteer, partner_text, country_text)
    relation = relation_of(f.get("relation", ""), default_relation)
    established = list_date(f.get("established", ""), "established")
    ended = list_date(f.get("ended", ""), "ended")
    claim = ReferenceClaim(
        list_name=list_name, line=row.line, a_id=own.id, b_id=partner.id, relation=relation.value,
        established=established[0] if established else None,
        established_precision=established[1] if established else None,
        ended=ended[0] if ended else None, ended_precision=ended[1] if ended else None,
        note=f.get("note") or None, row=row.cells)
    return Resolved(claim, (own, partner))


def taiwan_place(gazetteer: Gazetteer, text: str) -> Place:
    entries = gazetteer.taiwan_lookup(text.strip())
    places = list({p.id: p for p in (gazetteer.current(e) for e in entries)}.values())
    if not places:
        raise RowError("not_taiwan", f"'{text}' is not a Taiwanese city, county or township in the gazetteer")
    if len(places) > 1:
        raise RowError("ambiguous_place", f"'{text}' could be {', '.join(p.name for p in places)}; write which")
    return places[0]


def partner_place(gazetteer: Gazetteer, text: str, country_text: str = "") -> Place:
    """The foreign government a list names: 'Columbus, Georgia', 'Columbus,
    Georgia, US', '休士頓' with country 'United States', 'Jaluit Atoll, MH'."""
    parts = [p.strip() for p in re.split(r"[,，、]", text) if p.strip()]
    name, hints = parts[0], parts[1:]
    country = _country(gazetteer, country_text) if country_text else None
    if country_text and country is None:
        raise RowError("unknown_country", f"'{country_text}' is not a country name or two-letter code")
    readings = [(country, hints)]
    if hints and country is None and (code := _country(gazetteer, hints[-1])):
        # 'Columbus, Georgia' is a state; 'Kure, Japan' a country: try both.
        readings.append((code, hints[:-1]))
    for country, hints in readings:
        hits = _in_area(gazetteer, name, country, hints)
        if hits:
            return _unambiguous(name, hits)
    code = gazetteer.world.country_code(name)
    if code is not None and not hints:
        territory = gazetteer.table.english(name, code)
        if territory is not None:
            return territory  # Guam, Saipan's Northern Marianas: governments of their own
        raise RowError("not_local", f"'{name}' is a country, not a local government")
    area = ", ".join(hints + ([country] if country else []))
    raise RowError("unresolved_place", f"no place called '{name}'{' in ' + area if area else ''} in the gazetteers"
                                       + ("" if country else "; give the partner's country"))


def _in_area(gazetteer: Gazetteer, name: str, country: str | None, hints: list[str]) -> list[Place]:
    hits = [p for p in _candidates(gazetteer, name, country) if p.country != "TW"]
    if hints:
        wanted = {fold_core(_state_name(gazetteer, h, country)) for h in hints}
        hits = [p for p in hits if p.admin1 and fold_core(p.admin1) in wanted]
    return hits


def _candidates(gazetteer: Gazetteer, name: str, country: str | None) -> list[Place]:
    own = gazetteer.table.english(name, country)
    if own is not None:
        return [own]
    if not name.isascii():
        found = gazetteer.table.chinese(name, country)
        if found is not None:
            return [found]
    return gazetteer.foreign_lookup(name, country)


def _unambiguous(name: str, hits: list[Place]) -> Place:
    """The gazetteer's best place, unless a namesake of the same kind is
    about as big (then the list must say which)."""
    top = hits[0]
    same_kind = [p for p in hits[1:] if (p.level in _DIVISION_LEVELS) == (top.level in _DIVISION_LEVELS)
                 and fold_core(p.name) == fold_core(top.name)]
    rivals = [p for p in same_kind if (p.population or 0) * DOMINANT > (top.population or 0)]
    if rivals:
        options = "; ".join(f"{p.name}, {p.admin1 or '?'}, {p.country}" for p in [top, *rivals][:5])
        raise RowError("ambiguous_place", f"'{name}' could be {options}: add the state or province")
    return top


def _country(gazetteer: Gazetteer, text: str) -> str | None:
    text = text.strip()
    if re.fullmatch(r"[A-Z]{2}", text):
        return text  # an ISO code as written
    return gazetteer.world.country_code(text)


def _state_name(gazetteer: Gazetteer, hint: str, country: str | None) -> str:
    """'GA' -> 'Georgia' in the US; anything else stays as written."""
    if country and re.fullmatch(r"[A-Za-z]{2,3}", hint):
        return gazetteer.world.admin1(country, f"{country}-{hint.upper()}") or hint
    return hint


def relation_of(text: str, default: Relation) -> Relation:
    if not text.strip():
        return default
    low = text.lower()
    for relation, words in RELATION_WORDS:
        if any(w in low for w in words):
            return relation
    try:
        return Relation(low.strip())
    except ValueError:
        raise RowError("unknown_relation", f"relation '{text}' is not one of sister, friendship, mou, "
                                           "cooperation (or a word for them)") from None


def list_date(text: str, field: str) -> tuple[dt.date, str] | None:
    """A date as lists write it: 1982, 1982-05, 1982-05-13, 1982/5/13,
    1982年5月13日, 民國71年 (ROC era), a Wikidata time (1982-01-01T00:00:00Z:
    a year, since Wikidata writes a year-precision date as 1 January), or
    '13 May 1982'."""
    text = text.strip()
    if not text:
        return None
    try:
        if m := re.fullmatch(r"[+]?(\d{4})-(\d{2})-(\d{2})T00:00:00Z?", text):
            y, mo, d = map(int, m.groups())
            if (mo, d) == (1, 1):
                return dt.date(y, 1, 1), "year"
            return dt.date(y, mo, d), "day"
        roc = re.fullmatch(r"(?:民國|民国)\s*(\d{1,3})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?", text)
        m = roc or re.fullmatch(r"(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?",
                                text)
        if m:
            year = int(m[1]) + (1911 if roc else 0)
            if m[3]:
                return dt.date(year, int(m[2]), int(m[3])), "day"
            if m[2]:
                return dt.date(year, int(m[2]), 1), "month"
            return dt.date(year, 1, 1), "year"
    except ValueError:
        raise RowError("bad_date", f"{field} '{text}' is not a real date") from None
    if m := re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{4})", text):
        month = _MONTHS.get(m[1][:3].lower())
        if month:
            return dt.date(int(m[2]), month, 1), "month"
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise RowError("bad_date", f"{field} '{text}' is not a date (write 1982, 1982-05 or 1982-05-13)")
    return parsed.date(), "day"
