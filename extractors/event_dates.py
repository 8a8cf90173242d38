"""Dates of an event as a sentence gives them: the nearest date to the
cue, and the founding an anniversary implies ('the third anniversary of
Taoyuan and Chiba becoming sister cities', 'It is ten years since Yokohama
and Taipei became partner cities', '締結30周年')."""

from __future__ import annotations

import re

from extractors.dates import cjk_number, find_dates  # noqa: F401  (cjk_number re-exported)
from extractors.gazetteer.names import fold_core
from extractors.lexicon import CLAUSE_MARK, SIGNED_PAST, relations_in
from models.records import DatePrecision, EventDate


_ANNIVERSARY_OF_FOUNDING = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(?:\w+\s+){0,6}?"
    r"(?:signing|establishment|founding|becoming|formation|forging|twinning|inking)\b"
    r"|(?:締結|結盟|簽署|簽訂|締盟|提携)[^。，,；]{0,16}?(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,4})\s*[週周]年", re.I)


# 'the 30th anniversary of the sister city relationship': of the tie, so of its founding
# (a date after it is when the anniversary is kept, unlike one after 'the signing').
_ANNIVERSARY_OF_TIE = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+(?:celebrations?\s+|ceremony\s+)?of\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:sister|friendship|twin)[\s-](?:city|cities|county|state|town)\s+(?:relationship|ties|partnership|agreement)\b", re.I)


def founding_date(text: str, date: EventDate | None) -> EventDate | None:
    """'August 9 is the third anniversary of Taoyuan and Chiba becoming
    sister cities': an anniversary of the founding, with its date, dates the
    founding too."""
    m = _ANNIVERSARY_OF_FOUNDING.search(text) or _ANNIVERSARY_WORDS.search(text) or YEARS_OF_TIES.search(text) \
        or _ANNIVERSARY_OF_TIE.search(text)
    if not m or date is None:
        return None
    zh = m.groupdict().get("zh")
    n = cjk_number(zh) if zh else _count(m.group("n"))
    try:
        value = date.value.replace(year=date.value.year - n)
    except ValueError:  # 29 February
        value = date.value.replace(year=date.value.year - n, day=28)
    # The day an anniversary is celebrated is seldom the day the tie was
    # signed: only the year carries over, unless the text says the two coincide.
    same_day = _SAME_DAY.search(text) is not None
    return EventDate(value=value if same_day else value.replace(month=1, day=1),
                     precision=date.precision if same_day else DatePrecision.YEAR, text=m.group(0))


# The count of an anniversary, wherever it stands: '60th anniversary',
# '30周年', '第30年', '30週年', '五週年'.
_ANNIVERSARY_COUNT = re.compile(r"(?i)\b(\d{1,3}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                                r"(?:st|nd|rd|th|[- ]years?)?\s+anniversary\b|(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[週周]年"
                                r"|第(\d{1,3})年")
_COUNT_WORDS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()


def anniversary_span(text: str, published) -> tuple[EventDate, EventDate] | None:
    """'1985年に…締結し、2015年には30周年を迎えた', '自84年9月締結…今年邁入第30年':
    two dates the anniversary's count apart are the founding and the year
    it is kept, as (founding, anniversary)."""
    words = [next(g for g in m.groups() if g).lower() for m in _ANNIVERSARY_COUNT.finditer(text)]
    counts = {int(w) if w.isdigit() else _COUNT_WORDS.index(w) if w in _COUNT_WORDS else cjk_number(w) for w in words}
    counts |= {_count(m.group("n")) for m in YEARS_OF_TIES.finditer(text)}
    if not counts:
        return None
    found = find_dates(text, published)
    dates = [d.date for d in found]
    # (a count one year off still pairs them: '1982年に締結し、今年40周年' written
    # in 2023 counts the way the speaker does)
    for slack in (0, 1):
        for early in dates:
            for late in dates:
                if any(abs(late.value.year - early.value.year - n) <= slack for n in counts) \
                        and late.value.year > early.value.year:
                    return early, late
    if len(found) == 1 and len(counts) == 1:
        # 'on the 30th anniversary of the tie, first signed in 1994', '早在1986年即締結
        # 為姊妹市，今年適逢締盟35週年' (written in 2021): the one date is the
        # founding, and the anniversary is kept that many years on.
        early, n = dates[0], next(iter(counts))
        kept_now = published is not None and abs(early.value.year + n - published.year) <= 1 \
            and early.value.year < published.year - 1
        # 'the fifth anniversary of the signing of the … agreement between Taipei and Hamamatsu in July 2013'
        # (English only: '締結20周年記念式典が23日' has the count after the signing, and the day is the ceremony's)
        # ('on October 5' after it is the day the anniversary is kept: only 'in' a year or month is the signing's)
        of_signing = early.precision is not DatePrecision.DAY and re.search(
            r"\bin\s+$", text[max(0, found[0].start - 4):found[0].start]) is not None and any(
            m.group("n") and m.end() <= found[0].start and not CLAUSE_MARK.search(text, m.end(), found[0].start)
            for m in (*_ANNIVERSARY_OF_FOUNDING.finditer(text), *_ANNIVERSARY_WORDS.finditer(text)))
        if kept_now or of_signing or _FOUNDED_AT.search(text, max(0, found[0].start - 30), found[0].start):
            return early, EventDate(value=early.value.replace(year=early.value.year + n, month=1, day=1),
                                    precision=DatePrecision.YEAR, text="")
    return None


# A date that the words before it mark as the founding's.
_FOUNDED_AT = re.compile(r"(?i)\b(?:first|originally|initially)\s+(?:signed|established|formed|forged|inked|"
                         r"concluded)\s+(?:in|on)\s+$|\bsince\s+$|(?:最初|首次|當初|当初)[^，。]{0,6}$|(?:自|從|从|早在)\s*$")


_ANNIVERSARY = re.compile(r"(?i)\banniversary\b|[週周]年")
# '来年で30周年を迎える', 'visit next year for the 40th anniversary': an
# anniversary still to come renews nothing yet.
_ANNIVERSARY_AHEAD = re.compile(
    r"(?i)(?:来年|明年|來年|\bnext\s+year\b|\bthe\s+coming\s+year\b)[^。.;；]{0,40}?(?:\banniversary\b|[週周]年)"
    r"|\banniversary\b[^.;]{0,30}?\bnext\s+year\b")


def anniversary_ahead(text: str) -> bool:
    return bool(_ANNIVERSARY_AHEAD.search(text))


def anniversary_date(text: str, published) -> EventDate | None:
    """An anniversary the text names without a date is being kept the year
    the text was written ('His visit coincides with the 55th anniversary')."""
    if published is None or not (_ANNIVERSARY.search(text) or YEARS_OF_TIES.search(text)):
        return None
    return EventDate(value=published.replace(month=1, day=1), precision=DatePrecision.YEAR, text=str(published.year))


_SAME_DAY = re.compile(r"(?i)\b(?:is|was|marks|marked|will mark)\s+the\s+\w+\s+anniversary")


_CARDINALS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
# 'marked 20 years of ties', 'celebrating forty years of sister-city
# friendship': an anniversary by another name.
YEARS_OF_TIES = re.compile(
    rf"\b(?:mark|celebrat|commemorat|observ)\w*\s+(?:the\s+|their\s+|its\s+|over\s+)?"
    rf"(?P<n>(?:\d{{1,3}}|{'|'.join(_CARDINALS)})\s+years|(?:a|{'|'.join(_CARDINALS)})\s+decades?)\s+(?:of|as)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:ties|friendship|sister|sisterhood|partnership|relations|relationship|twinning|exchanges?|cooperation"
    r"|partners|(?:sister|friendship|twin)[\s-](?:cities|counties|states|towns))\b", re.I)


def _count(words: str) -> int:
    """'20', 'twentieth', 'forty years', 'two decades': the count of years."""
    first, *rest = words.lower().split()
    if rest and rest[-1].startswith("decade"):
        return 10 * (1 if first == "a" else _count(first))
    word = first
    return int(word) if word.isdigit() else _ORDINALS[word] if word in _ORDINALS else _CARDINALS[word]


# 'It is ten years since Yokohama and Taipei became partner cities': the
# founding, counted back from when the text was written.
_YEARS_SINCE = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{'|'.join(_CARDINALS)})\s+years\s+(?:since|after)\b[^.;]{{0,80}}?"
    r"\b(?:became|signed|established|formed|forged|twinned|inked|concluded)\b"
    # 'its sister city of 24 years'
    rf"|\b(?:sister|friendship|twin)[\s-]+(?:city|county|state|town)\s+of\s+(?P<m>\d{{1,2}}|{'|'.join(_CARDINALS)})\s+years\b",
    re.I)


# '兩市締交已經37年', '締結姊妹市至今已20年': the same count, in Chinese.
_YEARS_SINCE_ZH = re.compile(r"(?:締交|締結|締盟|結盟|缔结|缔盟|结盟)[^。，,；]{0,8}?(?:已經|已经|已有|至今已?|已屆|已届|屆滿|届满|已滿|已)\s*"
                             r"(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:個|个)?年(?![前度0-9])")


# '締結姊妹縣已逾20年，今年…', 'sister cities for more than 20 years': the
# founding lies further back than a count, and no later date is its own.
_YEARS_OVER = re.compile(rf"(?:已逾|逾|已超過|超過|超过|已超过|長達|长达)\s*(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*(?:個|个)?(?:多)?年"
                         rf"|\b(?:more\s+than|over)\s+(?:\d{{1,3}}|{'|'.join(_CARDINALS)})\s+years\b", re.I)


def years_over_at(text: str) -> int | None:
    """Where a count of years the tie is older than stands, if any: its
    clause speaks of the tie ('the two sides have cooperated for over 20
    years, and the agreement was signed in 2018' counts the cooperation)."""
    m = _YEARS_OVER.search(text)
    if m is None:
        return None
    starts = [c.end() for c in _CLAUSE_OR_AND.finditer(text, 0, m.start())]
    end = _CLAUSE_OR_AND.search(text, m.end())
    clause = text[starts[-1] if starts else 0:end.start() if end else len(text)]
    return m.start() if relations_in(clause) or SIGNED_PAST.search(clause) else None


_CLAUSE_OR_AND = re.compile(r"[，,；;。]|\band\b")


def years_since(text: str, published) -> EventDate | None:
    m = _YEARS_SINCE.search(text) or _YEARS_SINCE_ZH.search(text)
    if m is None or published is None:
        return None
    word = m.group("n") or m.groupdict().get("m")
    n = _CARDINALS[word.lower()] if word.lower() in _CARDINALS else cjk_number(word)
    return EventDate(value=published.replace(month=1, day=1, year=published.year - n),
                     precision=DatePrecision.YEAR, text=m.group(0))


_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}
_ANNIVERSARY_WORDS = re.compile(
    rf"\b(?P<n>{'|'.join(list(_ORDINALS)[1:])})\s+anniversary\s+of\s+(?:the\s+)?(?:\w+\s+){{0,6}}?"
    r"(?:signing|establishment|founding|becoming|formation|forging|twinning|inking)\b", re.I)

# 'PostDate: 2015-12-18', '發布日期：2024-06-15': when the page was made, not the event.
DATE_LABEL = re.compile(r"(?i)(?:post\s*date|date|published|updated|modified|posted|發布日期|日期|更新)\s*[:：]?\s*$")


# A date that belongs to someone's term or a city's founding, not to a tie:
# 'since Ko took office in 2014', '2014年上任', 'founded in 1781'.
_OTHER_EVENT_BEFORE = re.compile(r"(?i)(?:took office|assumed office|(?:was|were|been|got) (?:re-?)?elected|"
                                 r"was born|was founded|were founded|was incorporated|was sworn in)\s+(?:in|on)\s+$")
_OTHER_EVENT_AFTER = re.compile(r"^\s*(?:上任|就任|就職|當選|当选|当選|建市|設市)")


# 'Between 1981 and 1985, Hualien forged ties with ...': a span dates no one
# tie exactly.
_RANGE_BEFORE = re.compile(r"(?i)(?:\bbetween|\bfrom)\s+$|(?:\bbetween|\bfrom)\s+\S{4,20}\s+(?:and|to|until)\s+$")
_RANGE_AFTER = re.compile(r"(?i)\s*(?:and|to|until)\s+(?:\w+\s+)?\d")


def in_range(text: str, d) -> bool:
    before = text[max(0, d.start - 40):d.start]
    return bool(_RANGE_BEFORE.search(before)) and (
        _RANGE_AFTER.match(text, d.end) is not None or re.search(r"(?i)(?:and|to|until)\s+$", before) is not None)


ITEM_CHARS = 60
# The date of one item of a list: in brackets or after a comma, right after
# the item's name and its locators ('Yonaguni Town in Okinawa (1982), ...').
_LOCATOR_WORDS = frozenset({"state", "prefecture", "province", "county", "city", "town", "township", "village",
                            "district", "region", "republic", "municipality", "since"})
_ITEM_DATE = re.compile(r"[(（]\s*$|,\s*(?:since\s+)?$|\s(?:in|since)\s+$")  # ('Columbus in 1979, and Sakai in 2014')


def item_date(text: str, side_end: int, stop: int, published) -> EventDate | None:
    """The date an item of a list carries after its name, reading up to
    ``stop`` (the next party's name) and never past a semicolon."""
    segment = text[side_end:min(stop, side_end + ITEM_CHARS)].split(";")[0]
    for d in find_dates(segment, published):
        lead = segment[:d.start]
        # Only names and the words that locate them stand between ('in the
        # U.S. state of'); a verb means the date belongs to a clause.
        if _ITEM_DATE.search(lead) and all(w in _LOCATOR_WORDS for w in re.findall(r"\b[a-z]{4,}\b", lead)):
            return d.date
        return None
    return None


def item_dates(text: str, sent_start: int, sent_end: int, sides: list, published) -> dict[int, EventDate]:
    """Start of each side of a sentence -> the date its list item carries, where the
    sentence lists items with dates ('Ulsan (1981), Yonaguni (1982)')."""
    starts = sorted(p.start for p in sides if sent_start <= p.start < sent_end)
    out = {}
    for p in sides:
        if not sent_start <= p.start < sent_end:
            continue
        nexts = [st for st in starts if st > p.start and not _locates(text, sides, p, st)]
        found = item_date(text, p.end, min(nexts[0] if nexts else sent_end, sent_end), published)
        if found is not None:
            out[p.start] = found
    return out


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
                or _OTHER_EVENT_AFTER.match(text[d.end:d.end + 6])
                or (titled and not relations_in(titled.group(1))))


# '... and exchanges would continue as planned this year': a date in a
# clause about what is still to come dates no tie already made.
_FUTURE_CLAUSE = re.compile(r"(?i)\b(?:will|would|shall|plans?\s+to|planned|expected\s+to|is\s+to|are\s+to)\b"
                            r"|將|将|預計|予定")
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
    starts = [m.end() for m in _CLAUSE_START.finditer(head)]
    return bool(_FUTURE_CLAUSE.search(head[starts[-1] if starts else 0:]))


def nearest_date(text: str, published, cues, year_hint: int | None = None, *, past: bool = False
                 ) -> EventDate | None:
    """The date nearest the relation cue; ``past``: only dates of what has
    happened (for a tie already made)."""
    now = [c[1] for c in cues if _THIS_TIME.search(text, max(0, c[1] - 8), c[1])]
    found = [d for d in find_dates(text, published, year_hint)
             if not DATE_LABEL.search(text[max(0, d.start - 16):d.start]) and not _other_event(text, d)
             and not in_range(text, d) and not (past and in_future_clause(text, d))
             and not any(CLAUSE_MARK.search(text, min(d.end, c), max(d.start, c)) for c in now)]
    if not found:
        return None
    anchor = cues[0][1] if cues else 0  # (no cue: the passage is the tie's own, read from its start)

    def apart(d) -> bool:
        x, y = min(d.end, anchor), max(d.start, anchor)
        return CLAUSE_MARK.search(text, x, y) is not None or _AND_PREDICATE.search(text, x, y) is not None

    # A date in the cue's own clause first ('met in 2016, and signed … in 2023';
    # 'welcomed a delegation on Monday and signed … on Tuesday').
    return min(found, key=lambda d: (apart(d), abs(d.start - anchor))).date


# ' and signed', ' and then formed': a second predicate of the same subject.
_AND_PREDICATE = re.compile(r"(?i)\band\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?(?:signed|inked|formed|forged|"
                            r"established|renewed|agreed|concluded|sealed|ended|terminated|cut|visited|met|held|"
                            r"welcomed|hosted|received|attended)\b")


# 'The signing ceremony took place in Kaohsiung on Tuesday, June 25, 2024.',
# 'The agreement was signed on Tuesday, May 21, 2024.': the sentence after
# the one that states a tie often dates it.
CEREMONY_WINDOW = 2
_CEREMONY = re.compile(r"(?i)\b(?:signing ceremony|ceremony|took place|was held|(?:was|were) (?:formally |officially )?"
                       r"(?:signed|inked|formali[sz]ed|concluded)|signed (?:on|in))\b|儀式|典禮|調印|締結式|調印式")


# '日 時:平成30年4月19日(木曜日)', '時間：2024年5月1日': a press release's field
# for when the event it announces takes place.
_WHEN_FIELD = re.compile(r"^\s*(?:日\s*時|開催日|締結日|調印日|期\s*日|時\s*間)\s*[:：]")


# '提携日 平成25年7月31日', 'Date of Affiliation : September 27, 1985': a partner
# page's field for when the tie was made, above the prose about it.
_TIE_DATE_FIELD = re.compile(r"(?i)^\s*(?:提携日|提携年月日|締結日|締結年月日|調印日|締約日期|締結日期|簽約日期|"
                             r"date\s+of\s+(?:affiliation|signing|agreement|establishment)|year\s+(?:established|signed)"
                             r"|(?:sister|friendship|twin)\s+(?:city|cities|county|state)\s+since)\s*[:：|｜]?\s*")


def field_date_before(preceding: list[str], published) -> EventDate | None:
    """The date of the nearest such field among the lines just before."""
    # (joined first: a field's value may stand in a sentence of its own, 'Year established:' '1997')
    for line in reversed(" ".join(preceding).splitlines()):
        if (m := _TIE_DATE_FIELD.match(line)) is not None:
            found = find_dates(line[m.end():], published)
            return found[0].date if found else None
    return None


# '（2018年10月締結）': a note in brackets under the sentence, dating its signing.
_SIGNED_NOTE = re.compile(r"^\s*[（(]?[^）)]{4,20}?(?:締結|調印|提携|署名|簽署|締盟)[）)]\s*$")


def ceremony_date(following: list[str], published) -> EventDate | None:
    """A day or month given by one of the next sentences when it speaks of
    the signing or is the release's field for when; None when none does."""
    for text in following:
        if not (_CEREMONY.search(text) or _WHEN_FIELD.match(text) or _SIGNED_NOTE.match(text)):
            continue
        for d in find_dates(text, published):
            if d.date.precision is not DatePrecision.YEAR and not DATE_LABEL.search(text[max(0, d.start - 16):d.start]):
                return d.date
        return None  # the ceremony sentence gives no day: stop there
    return None


# "Tainan and Kumamoto's ties, established in 2017, were upgraded on Monday":
# an aside that dates the founding, apart from the main clause's event.
_FOUNDING_ASIDE = re.compile(r"(?i),\s*(?:(?:[\w-]+\s+)?years?\s+after\s+)?(?:first\s+|originally\s+)?"
                             r"(?:established|signed|signing|formed|forged|inked|concluded|set\s+up)\s+(?:it\s+|them\s+)?"
                             r"(?:in|on)\s+([^,;.]{4,30})(?:,|\.?\s*$)")  # (', eight years after first signing it in 2016.')


def founding_aside(text: str, published, year_hint: int | None = None) -> tuple[EventDate, str] | None:
    """The founding an aside dates, and the text without the aside (where the
    main clause's own date is to be found)."""
    m = _FOUNDING_ASIDE.search(text)
    found = find_dates(m.group(1), published, year_hint) if m else []
    if not found:
        return None
    return found[0].date, text[:m.start()] + text[m.end() - 1:]
