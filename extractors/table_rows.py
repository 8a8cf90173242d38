"""Rows of a table or items of a list under a heading that names the
relation ('Sister cities' ... 'Juneau  Chiayi  Taiwan Province  1988'): the
candidates each row proposes, with the heading's relation and the row's own
date, and the year a row's month and day fall in when the text is undated."""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc

from extractors.dates import find_dates, latest_year, year_at, year_headings
from extractors.event_dates import DATE_LABEL, item_dates
from extractors.gazetteer.names import fold_core
from extractors.lexicon import event_of, relations_in
from extractors.other_side import PROSE_END, ROW_DATE, Sentence, foreign_owner, section_owner
from extractors.pair_features import pair_features
from extractors.pair_scorer import Candidate
from extractors.locators import TAIWAN_PROVINCE
from extractors.pair_structure import co_listed, distinct_places, list_chains
from extractors.tie_kinds import relation_of
from extractors.places import PlaceSpan
from extractors.segmentation import text_of
from models.records import Event, Evidence, Level, Mention, Relation

ROWS_AFTER_HEADER = 60  # lines of a table or list read under a heading with a cue
MAX_ROW_CHARS = 200  # longer is prose, not a row
_ROW_START = re.compile(r"^(?:[-•*·・◆■●|]|\d{1,3}[.)]?\s)")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
# A row dated in an era's years ('民國95年4月25日', '平成28年'), as Taiwanese and Japanese tables write them.
_ROW_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|(?:民國|民国|令和|平成|昭和)\s*(?:\d{1,3}|元)\s*年")
# 'Kaoshiung, Taiwan, 1962.': an item of a list of ties, full stop and all.
_DIVISION_CELL = re.compile(r"(?:[區区州省道邦]|\b(?:District|Province|State|Region))\s*$")
_CJK = re.compile(r"[\u3040-\u9fff]")
_DATED_ITEM = re.compile(r"^[^.;:]{2,60},\s*(?:19|20)\d\d\.$")


def year_hint_at(doc: Doc, offset: int) -> int | None:
    """Without a publication date, the year heading a timeline puts
    above, else the latest year the document names."""
    if doc._.published is not None:
        return None
    if doc._.year_headings is None:
        latest = latest_year(text_of(doc))
        doc._.year_headings = [(-1, latest)] * (latest is not None) + year_headings(text_of(doc))
    return year_at(doc._.year_headings, offset)


# 'WHEREAS, the City of Boise and Tainan City have enjoyed … since 2015; and': a resolution's recital, prose.
_RECITAL = re.compile(r"^(?:WHEREAS|Whereas)\b|;\s*(?:and|or)?$")


def row_candidates(doc: Doc, sentences: list[Sentence], i: int, header: tuple[int, list],
                   counts: dict[str, int], own_cues: list | None = None) -> list[Candidate]:
    """A row of a table or list under a heading that names the relation
    ('Sister cities' ... 'Juneau  Chiayi  Taiwan Province  1988'): a
    short line without a cue of its own that names a Taiwanese and a
    foreign government pairs them, with the heading's relation and the
    row's own date."""
    sent = sentences[i]
    line = sent.text.strip()
    # A row starts its line, perhaps after a bullet the parser split off.
    prefix = text_of(doc)[text_of(doc).rfind("\n", 0, sent.start) + 1:sent.start].strip()
    # ... or after a heading's colon on its line ("Hsinchu City's sister cities: A (1988); B (1998).").
    after_colon = prefix.endswith((":", "："))
    at_line_start = not prefix or _ROW_START.match(prefix + " ") is not None or after_colon
    # 'Taipei has 52 sister cities. In Asia: Seoul (1968), Manila (1966), …': a list of
    # dated partners run on as a sentence of its own, right after its heading.
    run_on = i - header[0] <= 3 and len(item_dates(text_of(doc), sent.start, sent.end, sent.sides,
                                                   doc._.published)) >= 2
    if not run_on and (len(line) > MAX_ROW_CHARS or not at_line_start or _RECITAL.search(line) or not (after_colon or
            _ROW_START.match(line) or not PROSE_END.search(line) or _DATED_ITEM.search(line))):
        return []  # prose: a whole sentence ends with a full stop; a row or an item does not
    local = distinct_places([p for p in sent.sides if p.place.country == "TW"])
    foreign = distinct_places([p for p in sent.sides if p.place.country != "TW"])
    head = sentences[header[0]]
    from_header = partner_list = False
    below = _date_below(doc, sentences, i)
    itemised = bool(prefix or _ROW_START.match(line) or _YEAR.search(line) or below or run_on
                    or head.text.rstrip().endswith((":", "："))  # (under "Lafayette is twinned with:")
                    # ('Friendship Cities' then 'Hsinchu County, Taiwan': a line of a place and its country only;
                    # a Chinese or Japanese one, '蘇澳鎮（台湾）', is read with the date on the line below)
                    or (i > header[0] and not PROSE_END.search(line) and not _CJK.search(line)
                        and _bare_row(doc, sent)))
    if not local and itemised:
        # "Kaohsiung's sister cities:" then one partner per item; an item
        # has a bullet or a year, a dateline or a caption has neither.
        # A dated line with a cue of its own ('台南市 台湾 2006年4月12日（友好交流協定）')
        # is the row above, not the heading.
        head_local = [] if ROW_DATE.search(head.text) else distinct_places(
            [p for p in head.sides if p.place.country == "TW"])
        if not head_local:
            head_local = section_owner(sentences, header[0])
        if not head_local and not head.sides:
            # 'International Sister Cities' on Taichung's own site: the page's owner.
            head_local = _page_owner_span(doc, sent, "TW")
        local, from_header = (head_local, True) if len(head_local) == 1 else ([], False)
    elif local and foreign and co_listed(text_of(doc), sent.sides):
        # 'China: Tai'an, Taiwan: Kaohsiung, Korea: Siheung' under 'Hachioji's
        # friendship cities': partners of the heading's owner, not of each other.
        foreign = foreign_owner(head, sentences, counts)
        from_header = partner_list = bool(foreign)
    elif local and not foreign and itemised:
        # The partner's own page: 'sister cities of Los Angeles ... 25:'
        # then '- Taipei Municipality, Taiwan'; under a heading that names
        # no one ('友好都市'), the page's owner from its title or address.
        foreign = foreign_owner(head, sentences, counts) or _foreign_page_owner(doc, sent)
        from_header = partner_list = bool(foreign)
    # A row gives the partner with its state ('California | Alameda County'):
    # the most specific government is the party.
    foreign = [f for f in foreign if not any(
        o is not f and o.place.country == f.place.country and o.place.admin1  # (as written: 'Seattle | Washington')
        and fold_core(o.place.admin1) in (fold_core(f.place.name), fold_core(f.text)) for o in foreign)]
    # ... or the division column by its written unit ('以色列 特拉維夫區 拉馬干': GeoNames gives no division)
    if len(foreign) == 2 and foreign[0].place.country == foreign[1].place.country \
            and _DIVISION_CELL.search(foreign[0].text) and not text_of(doc)[foreign[0].end:foreign[1].start].strip(" \t|"):
        foreign = foreign[1:]
    if not local or not foreign:
        return []
    relation = relation_of(sent.text, own_cues, [head.text]) if own_cues else relation_of(head.text, header[1], [])
    if below is not None and not own_cues and (kind := _kind_below(sentences[i + 1].text)) is not None:
        relation = kind  # ('台湾 台中市' then '友好交流協定締結日 2017年10月2日' under '姉妹都市・友好都市')
    found = [d for d in find_dates(sent.text, doc._.published, year_hint_at(doc, sent.start))
             if not DATE_LABEL.search(sent.text[max(0, d.start - 16):d.start])]
    date = found[0].date if found else below
    items = item_dates(text_of(doc), sent.start, sent.end, sent.sides, doc._.published) \
        if len(foreign) > 1 or partner_list else {}  # 'A (1988); B (1998)'
    event, has_event_cue = event_of(sent.text)
    if not has_event_cue:
        event = Event.ESTABLISHED  # a list of ties lists ties that exist
    evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end, page=page_at(doc, sent.start))
    chains = list_chains(text_of(doc), sent.sides)
    out = []
    for a in local:
        for b in foreign:
            mention = Mention(a=a.place, b=b.place, a_text=a.text, b_text=b.text, relation=relation,
                              event=event, date=items.get(b.start) or items.get(a.start) or date, themes=(), evidence=evidence,
                              confidence=0.5)
            features = pair_features(doc, sent, a, b, relation, event, has_event_cue, [], chains)
            features.update({"table_row": 1.0, "row_pairs": math.log1p(len(local) * len(foreign)),
                             "side_from_header": float(from_header), "partner_list": float(partner_list),
                             "header_distance": math.log1p(i - header[0]) / 4.0,
                             "dated": float(date is not None)})
            # One owner, one partner and a date: the shape of a row in a
            # list of ties, which the rules take.
            well_formed = len(local) == 1 and date is not None and (
                len(foreign) == 1 or len(items) == len(foreign))  # or every item of a list dated
            out.append(Candidate(pair=frozenset((a.place.id, b.place.id)), mentions=[mention],
                                 features=features, selected=well_formed))
    return out



def page_at(doc: Doc, offset: int) -> int | None:
    for page, start, end in doc._.pages or ():
        if start <= offset < end:
            return page
    return None


_COUNTRY_NOTE = re.compile(r"[(（][^)）]{1,12}[)）]|台湾|臺灣|台灣|Taiwan|[・,、:：|｜]|^\s*(?:[-•*·・◆■●|]|\d{1,3}[.)]?\s)"
                          # (a record's label: 'City: Dallas, Texas', 'Sister City: Chiayi, Taiwan', '城市：')
                          r"|^\s*(?i:(?:partner\s+|sister\s+|friendship\s+)?(?:city|county|municipality|town))\s*(?=[:：])|^\s*(?:城市|都市)(?=[:：])"
                          r"|(?:締結|提携|調印|締盟|結盟)\s*$")


def _bare_row(doc: Doc, sent: Sentence) -> bool:
    """A line that holds only its place(s), perhaps a bullet, a country,
    the prefecture or county locating the place, a date and the word for
    signing ('- 蘇澳鎮（台湾）', '花蓮市（台湾） 2024年', '台湾 屏東県屏東市
    2019年11月締結'): a row of a list, not a caption or prose that names a
    place."""
    rest = sent.text
    for place in sorted(doc._.places or (), key=lambda p: p.start, reverse=True):
        if sent.start <= place.start and place.end <= sent.end and place.kind in ("taiwan", "foreign", "locator"):
            rest = rest[:place.start - sent.start] + rest[place.end - sent.start:]
    for side in sent.sides:
        rest = rest.replace(side.text, "")
    for d in reversed(find_dates(rest, doc._.published)):
        rest = rest[:d.start] + rest[d.end:]
    return len(_COUNTRY_NOTE.sub("", rest).strip()) <= 2


def _date_below(doc: Doc, sentences: list[Sentence], i: int):
    """The date of a row written over two lines ('蘇澳鎮（台湾）' then
    '1995年9月11日締結'): the next line is short, names no place and gives
    a date."""
    if i + 1 >= len(sentences) or not _bare_row(doc, sentences[i]):
        return None
    below = sentences[i + 1]
    if below.sides or len(below.text.strip()) > 30:
        # A partner's own page: 'Hualien, Taiwan' over a paragraph, 'Bellevue and Hualien established
        # their relationship in 1984.': a sentence naming no one else that tells of the founding dates it.
        own = {p.place.id for p in sentences[i].sides} | ({doc._.page_owner.id} if doc._.page_owner else set())
        if not (below.sides and {p.place.id for p in below.sides} <= own and not relations_in(below.text)
                and event_of(below.text) == (Event.ESTABLISHED, True)):
            return None
    found = find_dates(below.text, doc._.published, year_hint_at(doc, below.start))
    return found[0].date if found else None


def _kind_below(text: str) -> Relation | None:
    """The kind of tie the line under a row names with its date, where it
    names one more specific than a bare agreement or 提携."""
    cues = [c for c in relations_in(text) if c[0] in (Relation.SISTER, Relation.FRIENDSHIP, Relation.MOU)]
    return relation_of(text, cues, []) if cues else None


def _foreign_page_owner(doc: Doc, sent: Sentence) -> list[PlaceSpan]:
    return _page_owner_span(doc, sent, None) if _bare_row(doc, sent) else []


def _page_owner_span(doc: Doc, sent: Sentence, country: str | None) -> list[PlaceSpan]:
    """The page's owner as an unsaid side of a row: a Taiwanese owner where
    ``country`` is 'TW', a foreign one where it is None."""
    owner = doc._.page_owner
    if owner is None or (owner.country == "TW") != (country == "TW"):
        return []
    kind = "taiwan" if owner.country == "TW" else "foreign"
    return [PlaceSpan(sent.start, sent.start, owner.name, kind, place=owner, notes=["page owner", "implicit"])]


# 'Sister Cities: Munakata (Japan, 1992), …' opening a line of a government's own page.
_OWNERS_HEADING = re.compile(r"(?i)\s*(?:(?:international|our)\s+)?(?:sister|friendship|twin|partner)\s+"
                             r"(?:cities|towns|municipalities)\s*[:：]|\s*(?:姉妹都市|友好都市|姊妹市|姐妹市|友好城市|姊妹城市)\s*[:：]")


def owner_heading(doc: Doc, start: int, end: int, sides: list[PlaceSpan]) -> list[PlaceSpan]:
    """The page's owner put before a list its own heading introduces, where
    the heading opens a line and names no government ('Sister Cities: A
    (1992), B (1998)' on Gimhae's site lists Gimhae's partners)."""
    owner = doc._.page_owner
    text = text_of(doc)
    m = _OWNERS_HEADING.match(text, start, end) if owner is not None else None
    if m is None or (start and text[start - 1] != "\n") or any(p.start < m.end() or p.place.id == owner.id for p in sides):
        return sides
    return [PlaceSpan(start, start, owner.name, "taiwan" if owner.country == "TW" else "foreign", place=owner,
                      notes=["page owner", "implicit"]), *sides]


def kind_column_rows(doc: Doc, sentences: list[Sentence], i: int, header: tuple[int, list], cues: list,
                     counts: dict[str, int]) -> list[Candidate]:
    """A dated row naming one side only, with the kind of tie in a column after
    it ('1 美國 加州聖塔克拉拉郡 1984年5月17日 姊妹市', 'Sendai, Japan | 2006 |
    Friendship City'): a row under the heading above, of its own kind. Only
    rows the rules take (one owner, one partner, a date) are kept."""
    sent = sentences[i]
    line = sent.text.strip()
    if not sent.sides or len(line) > MAX_ROW_CHARS or PROSE_END.search(line) or not _ROW_YEAR.search(line) \
            or len({p.place.country == "TW" for p in sent.sides}) > 1 \
            or any(sent.start + c[1] < min(p.start for p in sent.sides) for c in cues) \
            or text_of(doc)[text_of(doc).rfind("\n", 0, sent.start) + 1:sent.start].strip() \
            or _ROW_YEAR.search(sentences[header[0]].text):
        return []  # (under a heading, not under a row of another table: 'Hiroshima, Japan — 1959 — Sister City')
    rows = row_candidates(doc, sentences, i, header, counts, own_cues=cues)
    return rows if rows and all(c.selected for c in rows) else []


def unread_row(sent: Sentence) -> bool:
    """A dated row whose place was not read ('アメリカ合衆国 ウィスコンシン州 ウォーソー市（姉妹都市）1993年'),
    or a table's column names whose only word for a tie is a generic one
    ('Country | City | Date of Agreement' under 'Sister Cities'): it heads
    no rows after it; the heading above still does."""
    line = sent.text.strip()
    if sent.sides or len(line) > MAX_ROW_CHARS or PROSE_END.search(line):
        return False
    return bool(_YEAR.search(line)) or (len(_COLUMN_NAMES.findall(line)) >= 2 and all(
        c[0] in (Relation.COOPERATION, Relation.OTHER) for c in relations_in(line)))


_COLUMN_NAMES = re.compile(r"(?i)\b(?:date|year|country|nation|city|cities|name|partner|since|signed|state|province)\b"
                           r"|締結日|提携日|締結年月日|國家|国名|國別|日期|年份|城市|都市名")


def province_with_town(cand: Candidate) -> bool:
    """Taiwan Province signed with states and provinces; beside a city it is
    the province column of a table ('Enfield  Zhongli  Taiwan Province')."""
    m = cand.mentions[0]
    first_level = (Level.STATE, Level.PROVINCE, Level.PREFECTURE, Level.REGION)
    return any(x.id == TAIWAN_PROVINCE and y.level not in first_level for x, y in ((m.a, m.b), (m.b, m.a)))
