"""Sister-city record pages: labelled fields, not prose.

A directory of ties (CLAIR's '姉妹(友好)提携情報', a city's page per partner)
gives each tie as a table of labelled fields: the municipality, the partner,
the date of the tie and what the tie is. No sentence joins the two, so the
fields themselves make one mention: the municipality (else the page's
owner) with the partner, dated by its date field, of the kind the kind or
basis field names.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.dates import find_dates
from extractors.lexicon import relations_in
from extractors.places import PlaceSpan
from models.records import Event, Evidence, Level, Mention, Place, Relation

# '| 提携相手先 | 新店区 (Xindian District) |', '提携相手先：新店区': a label, then its value.
_FIELD = re.compile(r"^[|\s]*(?P<label>[^|\n:：]{2,14}?)\s*(?:\||[:：])\s*(?P<value>[^|\n]*?)[|\s]*$", re.M)
_OWN = ("自治体名称", "自治体名", "団体名")
_PARTNER = ("提携相手先", "提携先", "相手先", "提携相手", "姉妹都市名", "友好都市名")
_DATE = ("提携年月日", "提携日", "締結日", "締結年月日", "調印日")
_KIND = ("提携の種類", "提携種別", "提携区分", "提携日の根拠")


def _field(fields: dict[str, tuple[int, int]], labels: tuple[str, ...]) -> tuple[int, int] | None:
    return next((fields[label] for label in labels if label in fields), None)


def record_mention(text: str, sides: list[PlaceSpan], owner: Place | None, published: date | None,
                   page_of) -> Mention | None:
    """The one tie a record page states, or None where the text has no
    partner field, or its fields do not name one Taiwanese and one foreign
    government."""
    fields: dict[str, tuple[int, int]] = {}
    for m in _FIELD.finditer(text):
        fields.setdefault(m.group("label").strip(), (m.start("value"), m.end("value")))
    partner_at = _field(fields, _PARTNER)
    if partner_at is None:
        return _english_record(text, sides, published, page_of, owner)
    partner = next((s for s in sides if partner_at[0] <= s.start < partner_at[1]), None)
    own_at = _field(fields, _OWN)
    own = next((s for s in sides if own_at and own_at[0] <= s.start < own_at[1]), None)
    own_place = own.place if own is not None else owner
    if partner is None or own_place is None or (partner.place.country == "TW") == (own_place.country == "TW"):
        return None
    date_at = _field(fields, _DATE)
    found = find_dates(text[date_at[0]:date_at[1]], published) if date_at else []
    kind_at = _field(fields, _KIND)
    cues = relations_in(text[kind_at[0]:kind_at[1]]) if kind_at else []
    relation = cues[0][0] if cues else Relation.OTHER
    taiwanese = partner.place.country == "TW"
    own_text = own.text if own is not None else own_place.name
    a, b = (partner.place, own_place) if taiwanese else (own_place, partner.place)
    a_text, b_text = (partner.text, own_text) if taiwanese else (own_text, partner.text)
    end = max(x[1] for x in (partner_at, date_at, kind_at) if x)
    line_start = text.rfind("\n", 0, partner_at[0]) + 1
    return Mention(a=a, b=b, a_text=a_text, b_text=b_text, relation=relation, event=Event.ESTABLISHED,
                   date=found[0].date if found else None,
                   evidence=Evidence(text=text[line_start:end], start=line_start, end=end, page=page_of(line_start)),
                   confidence=0.9)


# 'Date of Affiliation : May 2, 2001' on a partner's own page under 'Sister Cities' ('Knoxville,
# Tennessee, USA' above, 'Officials of the two cities : Mayor … of Hsinchu City and Mayor … of Knoxville').
_DIVISIONS = (Level.STATE, Level.PROVINCE, Level.PREFECTURE, Level.REGION)
_EN_FIELD = re.compile(r"^[|\s]*(?P<label>[A-Z][A-Za-z ]{2,30}?)\s*[|:]\s*(?P<value>[^|\n]*?)[|\s]*$", re.M)
_EN_DATE = ("Date of Affiliation", "Date of Agreement", "Date Signed", "Date of Signing", "Signing Date",
            "Date Established", "Year Established", "Established", "Affiliation Date", "Affiliated Since",
            "Date of conclusion", "Date of Conclusion", "Date Concluded", "Concluded", "Date of Partnership")


def _english_record(text: str, sides: list[PlaceSpan], published: date | None,
                    page_of, owner: Place | None = None) -> Mention | None:
    """The tie of a page whose one dated field stands beside one Taiwanese
    and one foreign government, named nowhere else on the page (the foreign
    one may be the page's owner, never named on its own page)."""
    fields = {}
    for m in _EN_FIELD.finditer(text):
        fields.setdefault(m.group("label").strip(), (m.start("value"), m.end("value")))
    date_at = _field(fields, _EN_DATE)
    found = find_dates(text[date_at[0]:date_at[1]], published) if date_at else []
    local = {s.place.id: s for s in sides if s.place.country == "TW"}
    # (a state or province only locates here: 'Knoxville, Tennessee, USA'; with its town unread, it is
    # no partner either)
    foreign = {s.place.id: s for s in sides if s.place.country != "TW" and s.place.level not in _DIVISIONS}
    cues = relations_in(text[:date_at[0]]) if found else []  # ('Sister Cities' heading the page)
    if not foreign and owner is not None and owner.country != "TW":
        foreign = {owner.id: PlaceSpan(0, 0, owner.name, "foreign", place=owner, notes=["page owner"])}
    if not cues or len(local) != 1 or len(foreign) != 1:
        return None
    [a], [b] = local.values(), foreign.values()
    line_start = text.rfind("\n", 0, date_at[0]) + 1
    return Mention(a=a.place, b=b.place, a_text=a.text, b_text=b.text,
                   relation=cues[0][0], event=Event.ESTABLISHED, date=found[0].date,
                   evidence=Evidence(text=text[line_start:date_at[1]], start=line_start, end=date_at[1],
                                     page=page_of(line_start)), confidence=0.9)
