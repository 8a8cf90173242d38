"""Dates of an event as a sentence gives them: the nearest date to the
cue, the date of a list item, a ceremony or a press release's field, and
what dates belong to other events (a term of office, a named document, a
clause about what is to come). How old a tie is, from its anniversaries,
lives in ``anniversaries.py``."""

from __future__ import annotations

import datetime as dt
import re

from extractors.dates import find_dates
from extractors.gazetteer.names import fold_core
from extractors.lexicon import CLAUSE_MARK, relations_in
from models.records import DatePrecision, EventDate


# 'PostDate: 2015-12-18', '發布日期：2024-06-15': when the page was made, not the event.
DATE_LABEL = re.compile(r"(?i)(?:post\s*date|date|published|updated|modified|posted|發布日期|日期|更新)\s*[:：]?\s*$")


# 'Taipei, Republic of China (Taiwan) (18 November 2025) — His Excellency…': a
# press release's dateline gives when it was filed, not when anything was signed.
# (and '(中央社記者林琳柏林1日專電)', '【大紀元10月1日報導】': the day a wire story was filed)
_DATELINE_DATE = re.compile(r"\s*[)）]\s*[—–-]|\s*(?:專|专)?(?:電|电)\s*[)）]|\s*(?:報導|报导|報道)\s*[】〕\]]")


# A date that belongs to someone's term, a city's founding or a statement, not to a tie:
# 'since Ko took office in 2014', '2014年上任', 'founded in 1781'.
_OTHER_EVENT_BEFORE = re.compile(r"(?i)(?:took office|assumed office|(?:was|were|been|got) (?:re-?)?elected|"
                                 r"was born|was founded|were founded|was incorporated|was sworn in)\s+(?:in|on)\s+$|"
                                 # ('Koike, who served as defense minister in 2007, …': a career's date)
                                 r"\b(?:served|serving|serves)\s+as\s+(?:[\w'’-]+\s+){1,6}?(?:in|on)\s+$"
                                 # ('…its sister city, Beaverton, the city said yesterday': when it was said)
                                 r"|\b(?:said|says|announced|stated|added|noted|told\s+reporters)(?:\s+on)?\s+$")
_OTHER_EVENT_AFTER = re.compile(r"^\s*(?:上任|就任|就職|當選|当选|当選|建市|設市)")
# '今年適逢高雄建港110週年': the year of another thing's jubilee.
_OTHER_JUBILEE_AFTER = re.compile(r"\s*(?:適逢|适逢|恰逢|正逢)[^，。,]{0,8}?(?:市制|建市|建城|設市|升格|開港|开港|建港|築港|開埠|"
                                  r"創立|创立|設立|设立|建校|開館|開業|建國|建国)")


# 'Between 1981 and 1985, Hualien forged ties with ...': a span dates no one
# tie exactly.
_RANGE_BEFORE = re.compile(r"(?i)(?:\bbetween|\bfrom)\s+$|(?:\bbetween|\bfrom)\s+\S{4,20}\s+(?:and|to|until)\s+$")
_RANGE_AFTER = re.compile(r"(?i)\s*(?:and|to|until)\s+(?:\w+\s+)?\d")


def in_range(text: str, d) -> bool:
    before = text[max(0, d.start - 40):d.start]
    return bool(_RANGE_BEFORE.search(before)) and (
        _RANGE_AFTER.match(text, d.end) is not None or re.search(r"(?i)(?:and|to|until)\s+$", before) is not None)


ITEM_CHARS = 100  # (a locator chain can be long: "Municipality of Western Cape Province in the Republic of South Africa")
# The date of one item of a list: in brackets or after a comma, right after
# the item's name and its locators ('Yonaguni Town in Okinawa (1982), ...').
_LOCATOR_WORDS = frozenset({"state", "prefecture", "province", "county", "city", "town", "township", "village",
                            "district", "region", "republic", "municipality", "since",
                            # the kind of tie a list's bracket names first ('Taichung (friendship, 2017)')
                            "sister", "friendship", "friendly", "twin", "partner"})
_ITEM_DATE = re.compile(r"[(（]\s*(?:since\s+)?$|,\s*(?:since\s+)?$|\s(?:in|since)\s+$")  # ('Columbus in 1979, and Sakai in 2014', 'Ishigaki (since 2013)')


# 'with Kaohsiung, signed in 2018, and with Hsinchu City': a participle dating that item alone.
# (or in the item's brackets: 'Boise City, Idaho, USA (signed 1988)')
_SIGNED_LEAD = re.compile(r"\s*,\s*(?:first\s+)?(?:signed|established|formed|inked|forged|twinned)\s+(?:in|on)\s+"
                          r"|(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}){0,2}\s*[(（]\s*(?:signed|established|twinned)\s+(?:in\s+)?")


def item_date(text: str, side_end: int, stop: int, published) -> EventDate | None:
    """The date an item of a list carries after its name, reading up to
    ``stop`` (the next party's name) and never past a semicolon."""
    segment = text[side_end:min(stop, side_end + ITEM_CHARS)].split(";")[0]
    for d in find_dates(segment, published):
        lead = segment[:d.start]
        # Only names and the words that locate them stand between ('in the
        # U.S. state of'); a verb means the date belongs to a clause.
        if (_ITEM_DATE.search(lead) and all(w in _LOCATOR_WORDS for w in re.findall(r"\b[a-z]{4,}\b", lead))) \
                or _SIGNED_LEAD.fullmatch(lead):
            return d.date
        return None
    return None


_BRACKETED_YEAR = re.compile(r"[(（]\s*(?:19|20)\d\d\s*年?\s*[)）]")


def bracketed_years(text: str) -> int:
    """How many items of a list carry a year in brackets ('台中市（2016年）、
    ケンタッキー州（1991年）'): with two or more, each side takes its own item's
    even where the other items' places are not read."""
    return len(_BRACKETED_YEAR.findall(text))


def item_dates(text: str, sent_start: int, sent_end: int, sides: list, published) -> dict[int, EventDate]:
    """Start of each side of a sentence -> the date its list item carries, where the
    sentence lists items with dates ('Ulsan (1981), Yonaguni (1982)') or gives
    them in order ('with Ishigaki and with Guam, in 2017 and 2019 respectively')."""
    if out := respective_dates(text, sent_start, sent_end, sides, published):
        return out  # (the dates the items take in order; a single partner's own is none of them)
    starts = sorted(p.start for p in sides if sent_start <= p.start < sent_end)
    out = {}
    for p in sides:
        if not sent_start <= p.start < sent_end:
            continue
        nexts = [st for st in starts if st > p.start and not _locates(text, sides, p, st)]
        found = item_date(text, p.end, min(nexts[0] if nexts else sent_end, sent_end), published) \
            or _dated_before(text[max(sent_start, p.start - 16):p.start], published)
        if found is not None:
            out[p.start] = found
    return out


# '包括2017年締盟的青森縣、2018年的熊本縣，以及今年3月新增的大阪府': a Chinese item's date before its name.
_CJK_ITEM_LEAD = re.compile(r"(?:[、，,：:]|以及|包括|包含)\s*([^、，,。；]{2,12}?)\s*(?:締盟|締結|缔结|結盟|结盟|簽署|签署|新增|加入)?[的之]$")


# '繼2015年與日本熊本縣、2016年1月與美國奧斯汀市之後': each item's date, then 與 and the partner (its country first).
_CJK_DATED_WITH = re.compile(r"(?:^|[、，,：:]|繼|继|以及|包括|包含|及)\s*((?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?)"
                             r"\s*(?:與|与|和|同|跟)[^、，,。；\d]{0,4}$")


def _dated_before(lead: str, published) -> EventDate | None:
    if (m := _CJK_DATED_WITH.search(lead)) is not None:
        found = find_dates(m.group(1), published)
        return found[0].date if len(found) == 1 else None
    m = _CJK_ITEM_LEAD.search(lead)
    words = re.sub(r"^(?:以及|包括|包含|及)", "", m.group(1)).strip() if m else ""
    found = find_dates(words, published) if words else []
    return found[0].date if len(found) == 1 and found[0].end - found[0].start == len(words) else None


# 'in 2017 and 2019 respectively', '分別於2017年及2019年': dates in the order of the items named before.
_DATE_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*[、及與与和]\s*)$")
_RESPECTIVE_AFTER = re.compile(r"(?i)^\s*,?\s*respectively\b")
_RESPECTIVE_BEFORE = re.compile(r"(?:分別|分别|それぞれ)(?:於|在|为|為|是)?\s*$")


def respective_dates(text: str, sent_start: int, sent_end: int, sides: list, published) -> dict[int, EventDate]:
    sentence = text[sent_start:sent_end]
    found = find_dates(sentence, published)
    for i in range(len(found)):
        run = [found[i]]
        while len(run) < len(found) - i and _DATE_JOIN.match(sentence[run[-1].end:found[i + len(run)].start]):
            run.append(found[i + len(run)])
        if len(run) < 2 or not (_RESPECTIVE_AFTER.match(sentence[run[-1].end:])
                                or _RESPECTIVE_BEFORE.search(sentence[:run[0].start])):
            continue
        before = [p for p in sorted(sides, key=lambda p: p.start) if sent_start <= p.start < sent_start + run[0].start]
        for taiwanese in (False, True):
            items: list = []
            for p in before:
                if (p.place.country == "TW") == taiwanese and p.place.id not in {q.place.id for q in items} \
                        and not any(fold_core(p.place.name) == fold_core(q.place.admin1 or "") for q in items):
                    items.append(p)
            if len(items) == len(run):
                return {p.start: d.date for p, d in zip(items, run)}
        return {}
    return {}


def anothers_item_date(dated: dict[int, EventDate], sides: list, pair: frozenset, date: EventDate | None,
                       lang: str) -> bool:
    """Whether ``date`` is only the date of another partner's item ('ties
    with Kaohsiung, signed in 2018, and with Hsinchu City': not Hsinchu's).
    English only: a Chinese sentence's day opens a clause, not an item."""
    owners = {s.start: s.place.id for s in sides}
    return lang == "en" and date is not None and any(d == date for d in dated.values()) and not any(
        d == date and owners.get(st) in pair for st, d in dated.items())


def _locates(text: str, pool: list, item, start: int) -> bool:
    """Whether the side at ``start`` only says where ``item`` is (its state,
    prefecture or province: 'Yonaguni Town in Okinawa')."""
    other = next((p for p in pool if p.start == start), None)
    if other is None:
        return False
    if item.place.admin1 is not None and fold_core(other.place.name) == fold_core(item.place.admin1):
        return True
    return _LOCATED_IN.fullmatch(text[item.end:start]) is not None


_LOCATED_IN = re.compile(r"(?:\s+(?:Town|City|Village|County))?\s+in\s+[^,;()]{0,30}")


# '美台雙方在2019年簽署的《台美教育共同倡議》': the date of a named document
# that is no tie between the two governments, however near the tie's cue.
_TITLED_AFTER = re.compile(r"^\s*(?:所|共同)?(?:簽署|簽訂|签署|签订|發布|发布|發表|发表|通過|通过|公布|提出)的\s*"
                           r"[《「『]([^》」』]{1,40})[》」』]")


def _other_event(text: str, d) -> bool:
    titled = _TITLED_AFTER.match(text[d.end:d.end + 60])
    return bool(_OTHER_EVENT_BEFORE.search(text[max(0, d.start - 30):d.start])
                or _OTHER_EVENT_AFTER.match(text[d.end:d.end + 6]) or _OTHER_JUBILEE_AFTER.match(text, d.end)
                or (titled and not relations_in(titled.group(1))))


# '... and exchanges would continue as planned this year': a date in a
# clause about what is still to come dates no tie already made.
_FUTURE_CLAUSE = re.compile(r"(?i)\b(?:will|would|shall|plans?\s+to|planned|expected\s+to|is\s+to|are\s+to)\b"
                            r"|將|将|預計|予定")
_SIGNED_PARTICIPLE = re.compile(r"(?i)\b(?:agreement|pact|accord|memorandum|MOU)\s+(?:signed|inked|concluded)\s+(?:in|on)\s+$")
_CLAUSE_START = re.compile(r"[,;:，；：。]|\b(?:and|but|while)\b")


# '雙方自二○一九年起…持續往來，此次締結姊妹市後…': the tie made 'this time' is
# not dated by a clause about what came before it.
_THIS_TIME = re.compile(r"(?:此次|這次|这次|本次|今次|今回|この度)\s*(?:締結|缔结|簽署|签署|簽訂|签订|締盟|結盟|与|與)?\s*$")


# 'next month', '明年', '来月': a date still to come dates no tie already made.
_FUTURE_RELATIVE = re.compile(r"(?i)\b(?:next|coming|upcoming)\b|\btomorrow\b|明年|明天|下個?月|下周|下週|來年|来年|来月|来週|明日")


def in_future_clause(text: str, d) -> bool:
    if _FUTURE_RELATIVE.search(d.date.text or ""):
        return True
    head = text[max(0, d.start - 80):d.start]
    if _SIGNED_PARTICIPLE.search(head):
        return False  # ('would continue exchanges under the friendship agreement signed in 2018': that signing is past)
    starts = [m.end() for m in _CLAUSE_START.finditer(head)]
    return bool(_FUTURE_CLAUSE.search(head[starts[-1] if starts else 0:]))


def nearest_date(text: str, published, cues, year_hint: int | None = None, *, past: bool = False
                 ) -> EventDate | None:
    """The date nearest the relation cue; ``past``: only dates of what has
    happened (for a tie already made)."""
    now = [c[1] for c in cues if _THIS_TIME.search(text, max(0, c[1] - 8), c[1])]
    anchor = min((c[1] for c in cues), default=0)  # the first cue (no cue: the passage is the tie's own, read from its start)
    found = [d for d in find_dates(text, published, year_hint)
             if not DATE_LABEL.search(text[max(0, d.start - 16):d.start]) and not _other_event(text, d)
             and not _CONCESSIVE.search(text, anchor, d.start)  # (', though the province was dissolved in 1998')
             and not _DATELINE_DATE.match(text, d.end)
             and not in_range(text, d) and not (past and in_future_clause(text, d))
             and not any(CLAUSE_MARK.search(text, min(d.end, c), max(d.start, c)) for c in now)]
    if not found:
        return None

    def apart(d) -> bool:
        x, y = min(d.end, anchor), max(d.start, anchor)
        return CLAUSE_MARK.search(text, x, y) is not None or _AND_PREDICATE.search(text, x, y) is not None

    # A date in the cue's own clause first ('met in 2016, and signed … in 2023';
    # 'welcomed a delegation on Monday and signed … on Tuesday').
    return sharpest(found, min(found, key=lambda d: (apart(d), abs(d.start - anchor)))).date


_THAT_YEAR = re.compile(r"(?i)\b(?:that|the\s+same)\s+year\b|同年|該年|该年|当年(?!度)")


def clause_date(before: str, clause: str, published, cues, year_hint: int | None = None) -> EventDate | None:
    """``nearest_date`` of a clause read apart from the words ``before`` it,
    whose last year a 'that year' in the clause refers back to ('… in 2020,
    while Taipei and Prague signed … in January that year')."""
    if _THAT_YEAR.search(clause) and (years := [d.date.value.year for d in find_dates(before, published)
                                                if not d.relative]):
        return nearest_date(clause, dt.date(years[-1], 12, 31), cues)  # (a month then falls in that year)
    return nearest_date(clause, published, cues, year_hint)


def sharpest(found: list, best):
    """'今年期滿後雙方決定續約，縣長昨日…簽署續約書': a relative year ('this year')
    says less than a date within it that the same passage names."""
    if not best.relative or best.date.precision is not DatePrecision.YEAR:
        return best
    finer = [d for d in found if d.date.value.year == best.date.value.year and d.date.precision is not DatePrecision.YEAR]
    return min(finer, key=lambda d: abs(d.start - best.start)) if finer else best


_CONCESSIVE = re.compile(r"(?i),\s*(?:though|although|even\s+though)\b|，\s*(?:雖然|虽然|儘管|尽管)")
# ' and signed', ' and then formed': a second predicate of the same subject.
_AND_PREDICATE = re.compile(r"(?i)\band\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?(?:signed|inked|formed|forged|"
                            r"established|renewed|agreed|concluded|sealed|ended|terminated|cut|visited|met|held|"
                            r"welcomed|hosted|received|attended)\b")


# 'The signing ceremony took place in Kaohsiung on Tuesday, June 25, 2024.',
# 'The agreement was signed on Tuesday, May 21, 2024.': the sentence after
# the one that states a tie often dates it.
CEREMONY_WINDOW = 2
_CEREMONY = re.compile(r"(?i)\b(?:signing ceremony|ceremony|took place|was held|(?:was|were) (?:formally |officially )?"
                       r"(?:signed|inked|formali[sz]ed|concluded)|signed (?:on|in))\b|儀式|典禮|調印|締結式|調印式|式典"
                       r"|簽約|簽署|簽訂|签约|签署|签订|署名")  # ('…訪問波蘭，28日在拉當市議會簽約': the day of the signing)


# '日 時:平成30年4月19日(木曜日)', '時間：2024年5月1日': a press release's field
# for when the event it announces takes place.
_WHEN_FIELD = re.compile(r"^\s*(?:日\s*時|開催日|締結日|調印日|期\s*日|時\s*間)\s*[:：]")


# '提携日 平成25年7月31日', 'Date of Affiliation : September 27, 1985': a partner
# page's field for when the tie was made, above the prose about it.
_TIE_DATE_FIELD = re.compile(r"(?i)^\s*(?:提携日|提携年月日|締結日|締結年月日|調印日|締約日期|締結日期|簽約日期|"
                             r"date\s+of\s+(?:affiliation|signing|agreement|establishment)|year\s+(?:established|signed)"
                             r"|(?:sister|friendship|twin)\s+(?:city|cities|county|state)\s+since)\s*[:：|｜]?\s*")


_FIELD_BELOW = re.compile(r"(?i)\s*(?:established|date\s+(?:signed|established|of\s+(?:affiliation|signing|agreement|"
                          r"establishment))|signed|since|year\s+(?:established|signed))\s*[:：|｜]\s*")


_SAME_DAY = re.compile(r"同日|同天|當天|当天|当日|同じ日|(?i:\b(?:the\s+same|that)\s+day\b)")


def said_same_day(text: str) -> bool:
    """'黄市長は同日、…覚書に署名した', 'signed … the same day': on the day a sentence before gives."""
    return _SAME_DAY.search(text) is not None


def field_date_before(preceding: list[str], published, borrowed: bool = False, same_day: bool = False
                      ) -> EventDate | None:
    """The date of the nearest such field among the lines just before."""
    # (joined first: a field's value may stand in a sentence of its own, 'Year established:' '1997')
    for line in reversed(" ".join(preceding).splitlines()):
        if (m := _TIE_DATE_FIELD.match(line)) is not None:
            found = find_dates(line[m.end():], published)
            return found[0].date if found else None
    # 'Mayor Lu welcomed Kumamoto Governor Kimura at City Hall today. The two sides
    # signed a memorandum': a passage whose sides come from the sentence before
    # happened the day that sentence gives.
    # ('黄市長は同日、…署名した': ``same_day``, the nearest sentence before that gives a day)
    for before in reversed(preceding if same_day else preceding[-1:] if borrowed else []):
        days = [d for d in find_dates(before, published) if d.date.precision is DatePrecision.DAY
                and not DATE_LABEL.search(before[max(0, d.start - 16):d.start])]
        if days:
            return days[0].date if len(days) == 1 else None
    return None


# '（2018年10月締結）': a note in brackets under the sentence, dating its signing.
_SIGNED_NOTE = re.compile(r"^\s*[（(]?[^）)]{4,20}?(?:締結|調印|提携|署名|簽署|締盟)[）)]\s*$")


def ceremony_date(following: list[str], published) -> EventDate | None:
    """A day or month given by one of the next sentences when it speaks of
    the signing or is the release's field for when; None when none does."""
    if following and (field := _FIELD_BELOW.match(following[0])) is not None:
        # ('Sister City: Chiayi, Taiwan' over 'Established: 1998': the record's own field, a year will do)
        # (its value may stand on a line of its own: 'Established:' '1998')
        found = find_dates(" ".join(following[:2])[field.end():], published)
        return found[0].date if found and not found[0].relative else None
    for text in following:
        if not ((told := _CEREMONY.search(text)) or _WHEN_FIELD.match(text) or _SIGNED_NOTE.match(text)):
            continue
        days = [d for d in find_dates(text, published)
                if d.date.precision is not DatePrecision.YEAR and not DATE_LABEL.search(text[max(0, d.start - 16):d.start])]
        # (the day nearest the signing: '於9月27日至30日訪問波蘭，28日在…簽約')
        return min(days, key=lambda d: abs(d.start - told.start()) if told else 0).date if days else None
    return None


# "Tainan and Kumamoto's ties, established in 2017, were upgraded on Monday":
# an aside that dates the founding, apart from the main clause's event.
# (', which began in 1988, was dissolved in 2012': the same, as a relative clause)
# (and ', more than four decades after the two first signed it in 1982')
_FOUNDING_ASIDE = re.compile(r"(?i),\s*(?:(?:more\s+than|nearly|almost|over|some|about)\s+)?"
                             r"(?:(?:[\w-]+\s+)?(?:years?|decades?)\s+after\s+)?"
                             r"(?:(?:the\s+two|both)(?:\s+(?:cities|sides|towns|counties|governments))?\s+)?"
                             r"(?:which\s+(?:was\s+|were\s+)?)?(?:first\s+|originally\s+)?"
                             r"(?:established|signed|signing|formed|forged|inked|concluded|set\s+up|began|started)\s+"
                             r"(?:it\s+|them\s+)?"
                             r"(?:in|on)\s+([^,;.]{4,30})(?:,|\.?\s*$)")  # (', eight years after first signing it in 2016.')


def founding_aside(text: str, published, year_hint: int | None = None) -> tuple[EventDate, str] | None:
    """The founding an aside dates, and the text without the aside (where the
    main clause's own date is to be found)."""
    m = _FOUNDING_ASIDE.search(text)
    found = find_dates(m.group(1), published, year_hint) if m else []
    if not found:
        return None
    return found[0].date, text[:m.start()] + text[m.end() - 1:]
