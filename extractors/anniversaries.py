"""How old a tie is: the founding an anniversary implies ('the third
anniversary of Taoyuan and Chiba becoming sister cities', 'It is ten years
since Yokohama and Taipei became partner cities', '締結30周年', 'their
55-year sister-city relationship'), and when the anniversary is kept."""

from __future__ import annotations

import re

from extractors.dates import cjk_number, find_dates
from extractors.event_dates import nearest_date
from extractors.lexicon import CLAUSE_MARK, SIGNED_PAST, relations_in
from models.records import DatePrecision, Event, EventDate


_ANNIVERSARY_OF_FOUNDING = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(?:\w+\s+){0,6}?"
    r"(?:signing|establishment|founding|becoming|formation|forging|twinning|inking)\b"
    r"|(?:締結|結盟|簽署|簽訂|締盟|提携)[^。，,；]{0,16}?(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,4})\s*[週周]年", re.I)


# 'the 30th anniversary of the sister city relationship': of the tie, so of its founding
# (a date after it is when the anniversary is kept, unlike one after 'the signing').
_ANNIVERSARY_OF_TIE = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+(?:celebrations?\s+|ceremony\s+)?of\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:(?:sister|friendship|twin)[\s-](?:city|cities|county|state|town|prefecture|island|province|district|port)\s+|(?:sister|friendship|twinning|"
    r"partnership|cooperation)\s+)?(?:relationship|ties|partnership|agreement|pact|twinning|alliance|sisterhood|bond)\b", re.I)


def founding_date(text: str, date: EventDate | None) -> EventDate | None:
    """'August 9 is the third anniversary of Taoyuan and Chiba becoming
    sister cities': an anniversary of the founding, with its date, dates the
    founding too."""
    m = _ANNIVERSARY_OF_FOUNDING.search(text) or _ANNIVERSARY_WORDS.search(text) or YEARS_OF_TIES.search(text) \
        or TIES_TURN.search(text) \
        or _ANNIVERSARY_OF_TIE.search(text)
    if not m or date is None:
        return None
    zh = m.groupdict().get("zh")
    n = cjk_number(zh) if zh else _count(m.group("n") or m.groupdict().get("m"))
    try:
        value = date.value.replace(year=date.value.year - n)
    except ValueError:  # 29 February
        value = date.value.replace(year=date.value.year - n, day=28)
    # The day an anniversary is celebrated is seldom the day the tie was
    # signed: only the year carries over, unless the text says the two coincide.
    same_day = _SAME_DAY.search(text) is not None
    return EventDate(value=value if same_day else value.replace(month=1, day=1),
                     precision=date.precision if same_day else DatePrecision.YEAR, text=m.group(0))


# ', which was officially formed in 1980': the founding written out beside the anniversary.
_FOUNDED_IN = re.compile(r"(?i)\b(?:formed|established|founded|signed|inked|forged|twinned|concluded)\s+"
                         r"(?:officially\s+|formally\s+|first\s+)?(?:in|on)\s+$")


def founded_and_kept(text: str, kept: EventDate | None) -> tuple[EventDate | None, EventDate | None]:
    """The founding an anniversary implies and the date it is kept; where
    the date found is the founding the text writes out ('this year marks the
    40th anniversary of the alliance, which was formed in 1980'), that is
    the founding, and the anniversary falls the count of years later."""
    founded = founding_date(text, kept)
    if founded is None or kept is None or kept.text is None:
        return founded, kept
    at = text.find(kept.text)
    if at < 0 or not _FOUNDED_IN.search(text, max(0, at - 40), at):
        return founded, kept
    years = kept.value.year - founded.value.year
    return kept, EventDate(value=kept.value.replace(year=kept.value.year + years, month=1, day=1),
                           precision=DatePrecision.YEAR, text=founded.text)


# The count of an anniversary, wherever it stands: '60th anniversary',
# '30周年', '第30年', '30週年', '五週年'.
_ANNIVERSARY_COUNT = re.compile(r"(?i)\b(\d{1,3}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                                r"(?:st|nd|rd|th|[- ]years?)?\s+anniversary\b|(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[週周]年"
                                r"|第(\d{1,3})年|(\d{1,3}|[一二三四五六七八九十]{1,3})\s*年目(?=を迎え)"  # ('今年で41年目を迎え')
                                # ("the partnership's 13th year")
                                r"|\b(?:partnership|relationship|friendship|ties|sisterhood|agreement|pact)(?:'s|’s|'|’)\s+"
                                r"(\d{1,3})(?:st|nd|rd|th)\s+year\b")
_COUNT_WORDS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()


def on_the_day(kept: EventDate, ceremony: EventDate | None) -> EventDate:
    """'今年で10周年を迎えました。…5月18日に記念式典を開催': the year an
    anniversary is kept, made the day of the ceremony the next sentences
    hold in that year."""
    if ceremony is not None and kept.precision is DatePrecision.YEAR and ceremony.value.year == kept.value.year \
            and ceremony.precision is not DatePrecision.YEAR:
        return ceremony
    return kept


def anniversary_span(text: str, published) -> tuple[EventDate, EventDate] | None:
    """'1985年に…締結し、2015年には30周年を迎えた', '自84年9月締結…今年邁入第30年':
    two dates the anniversary's count apart are the founding and the year
    it is kept, as (founding, anniversary)."""
    words = [next(g for g in m.groups() if g).lower() for m in _ANNIVERSARY_COUNT.finditer(text)]
    counts = {int(w) if w.isdigit() else _COUNT_WORDS.index(w) if w in _COUNT_WORDS else cjk_number(w) for w in words}
    counts |= {_count(m.group("n") or m.groupdict().get("m"))
               for rx in (YEARS_OF_TIES, TIES_TURN) for m in rx.finditer(text)}
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
        if kept_now or of_signing or _FOUNDED_AT.search(text, max(0, found[0].start - 60), found[0].start):
            return early, EventDate(value=early.value.replace(year=early.value.year + n, month=1, day=1),
                                    precision=DatePrecision.YEAR, text="")
    return None


# A date that the words before it mark as the founding's.
_FOUNDED_AT = re.compile(r"(?i)\b(?:first|originally|initially)\s+(?:signed|established|formed|forged|inked|"
                         r"concluded|executed|adopted)\s+(?:(?:between|by)\s+[^,.;]{3,60}?\s+)?(?:in|on)\s+$"  # ('… between Guam and Penghu in 2014')
                         # 'renewed the agreement signed in 2013': the agreement's own signing
                         # ('reaffirming the sister county relationship the two counties formed in 2004')
                         r"|\b(?:agreement|pact|accord|memorandum|MOU|relationship|ties|partnership)\s+(?:(?:that|which)\s+)?"
                         r"(?:they\s+|(?:was|were)\s+|(?:the\s+two|both)\s+(?:cities|counties|sides|towns|governments)\s+)?"
                         r"(?:signed|inked|concluded|formed|established|forged)\s+(?:in|on)\s+$|\bsince\s+$|"
                         r"\b(?:(?:dates|dated|dating|goes|went|going)\s+back\s+to|dat(?:es|ing)\s+(?:from|to)|began\s+in)\s+$|(?:最初|首次|首度|當初|当初)[^，。]{0,6}$|(?:自|從|从|早在)\s*$")


_ANNIVERSARY = re.compile(r"(?i)\banniversary\b|[週周]年|年目を迎え|(?:屆滿|届满)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*年")
# '来年で30周年を迎える', 'visit next year for the 40th anniversary': an
# anniversary still to come renews nothing yet.
_ANNIVERSARY_AHEAD = re.compile(
    r"(?i)(?:来年|明年|來年|\bnext\s+year\b|\bthe\s+coming\s+year\b)[^。.;；]{0,40}?(?:\banniversary\b|[週周]年)"
    r"|\banniversary\b[^.;]{0,50}?\bnext\s+year\b"
    # 'ahead of the 20th anniversary', 'the upcoming 50th anniversary', '20周年を控え'
    r"|\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for|to\s+prepare\s+for)\s+(?:the|their|its)\s+"
    r"(?:[\w-]+\s+){1,2}anniversary\b|\bupcoming\s+(?:[\w-]+\s+)?anniversary\b|[週周]年を(?:控え|前に)|[週周]年前夕")


def anniversary_ahead(text: str) -> bool:
    return bool(_ANNIVERSARY_AHEAD.search(text))


def anniversary_date(text: str, published) -> EventDate | None:
    """An anniversary the text names without a date is being kept the year
    the text was written ('His visit coincides with the 55th anniversary')."""
    if published is None or not (_ANNIVERSARY.search(text) or YEARS_OF_TIES.search(text) or TIES_TURN.search(text)):
        return None
    return EventDate(value=published.replace(month=1, day=1), precision=DatePrecision.YEAR, text=str(published.year))


# ('August 9 is the third anniversary …': a day that is the anniversary; not 'the two sides marked the 10th
# anniversary' or '… on Sunday marked the 10th anniversary', which keep it on some day of the year)
_SAME_DAY = re.compile(r"(?i)\b(?<!\bon\s)(?:today|tomorrow|day|date|\d{1,2}(?:st|nd|rd|th)?|\d{1,2},?\s+\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
                       r"\s+(?:is|was|marks|marked|will\s+mark)\s+the\s+\w+\s+anniversary")


_CARDINALS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
# 'marked 20 years of ties', 'celebrating forty years of sister-city
# friendship': an anniversary by another name.
YEARS_OF_TIES = re.compile(
    rf"\b(?:mark|celebrat|commemorat|observ|recogniz|recognis|honou?r)\w*\s+(?:the\s+|their\s+|its\s+|over\s+)?"
    rf"(?P<n>(?:\d{{1,3}}|{'|'.join(_CARDINALS)})\s+years|\d{{1,3}}(?:st|nd|rd|th)\s+year"  # ('their 40th year as')
    rf"|(?:a|{'|'.join(_CARDINALS)})\s+decades?)\s+(?:of|as)\s+"
    r"(?:[\w'’-]+\s+){0,3}?"  # ('ten years of the cities' friendship')
    r"(?:ties|friendship|sister|sisterhood|partnership|relations|relationship|twinning|alliance|exchanges?|cooperation"
    r"|partners|(?:sister|friendship|twin)[\s-](?:cities|counties|states|towns))\b", re.I)
# 'Kaohsiung-Busan sister city ties turn 50': a headline's anniversary; 'celebrated their 10-year partnership'.
# ('… relationship with Nantou City in Taiwan turned 20 this year': a few words may stand between)
TIES_TURN = re.compile(rf"(?i)\b(?:ties|friendship|sisterhood|partnership|relationship|twinning|alliance)\s+(?:[\w-]+\s+){{0,6}}?"
                       rf"turn(?:s|ed)?\s+"
                       rf"(?P<n>\d{{1,3}}|{'|'.join(_CARDINALS)})\b(?!\s*(?:%|percent|people|cities|delegates))"
                       rf"|\b(?:mark|celebrat|commemorat)\w*\s+(?:the|their|its)\s+(?P<m>\d{{1,3}}|{'|'.join(_CARDINALS)})"
                       r"[\s-]+years?[\s-]+(?:old\s+|long\s+)?(?:[\w-]+\s+)?(?:partnership|relationship|friendship|ties|sisterhood)")


def _count(words: str) -> int:
    """'20', 'twentieth', 'forty years', 'two decades': the count of years."""
    first, *rest = words.lower().split()
    if rest and rest[-1].startswith("decade"):
        return 10 * (1 if first == "a" else _count(first))
    word = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", first)  # '40th year'
    return int(word) if word.isdigit() else _ORDINALS[word] if word in _ORDINALS else _CARDINALS[word]


# 'It is ten years since Yokohama and Taipei became partner cities': the
# founding, counted back from when the text was written.
_YEARS_SINCE = re.compile(
    rf"\b(?:(?P<n>\d{{1,2}}|{'|'.join(_CARDINALS)})\s+years|(?P<a>a)\s+year)\s+(?:since|after)\b[^.;]{{0,80}}?"
    r"\b(?:became|signed|established|formed|forged|twinned|inked|concluded)\b"
    # 'its sister city of 24 years'
    rf"|\b(?:sister|friendship|twin)[\s-]+(?:city|county|state|town)\s+of\s+(?P<m>\d{{1,2}}|{'|'.join(_CARDINALS)})\s+years\b"
    # 'their 55-year sister-city relationship', 'a 40-year-old friendship' (not 'a 10-year agreement': its term)
    rf"|\b(?P<k>\d{{1,2}}|{'|'.join(_CARDINALS)})[\s-]year(?:[\s-]old)?\s+(?:(?:sister|friendship|twin)[\s-]+"
    r"(?:city|cities|county|state|town)\s+)?(?:relationship|ties|partnership|bond|friendship|sisterhood|alliance)\b"
    # 'have been sister cities for 25 years'
    rf"|\b(?:have|has)\s+been\s+(?:sister|friendship|twin)[\s-]+(?:cities|counties|states|towns)\s+for\s+(?:over\s+|more\s+than\s+)?"
    rf"(?P<j>\d{{1,2}}|{'|'.join(_CARDINALS)})\s+years\b",
    re.I)


# '兩市締交已經37年', '締結姊妹市至今已20年': the same count, in Chinese.
_YEARS_SINCE_ZH = re.compile(r"(?:締交|締結|締盟|結盟|缔结|缔盟|结盟)[^。，,；]{0,8}?(?:已經|已经|已有|至今已?|已屆|已届|屆滿|届满|已滿|已)\s*"
                             r"(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:個|个)?年(?![前度0-9])"
                             # '締結姊妹市13年，今年…': the count right after the tie, closing its clause
                             r"|(?:締交|締結|締盟|結盟|缔结|缔盟|结盟)(?:(?![逾超長长近約约])[^。，,；\d]){0,8}?"
                             r"(?P<k>\d{1,2}|[一二三四五六七八九十]{1,3})\s*"
                             r"(?:個|个)?(?:多)?年(?=[，,。；]|來|来|以來|以来)"
                             # '協定を結んで10年になる', '締結から5年を迎え'
                             r"|(?:締結|提携|結ん|結び)(?:して|で|から)\s*(?P<j>\d{1,3}|[一二三四五六七八九十]{1,3})\s*年"
                             r"(?=になる|を迎え|が経|目)")


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
    word = next(w for w in (m.groupdict().get(g) for g in ("n", "m", "k", "j", "a")) if w)
    n = 1 if word.lower() == "a" else _CARDINALS[word.lower()] if word.lower() in _CARDINALS else cjk_number(word)
    return EventDate(value=published.replace(month=1, day=1, year=published.year - n),
                     precision=DatePrecision.YEAR, text=m.group(0))


_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}
_ANNIVERSARY_WORDS = re.compile(
    rf"\b(?P<n>{'|'.join(list(_ORDINALS)[1:])})\s+anniversary\s+of\s+(?:the\s+)?(?:\w+\s+){{0,6}}?"
    r"(?:signing|establishment|founding|becoming|formation|forging|twinning|inking)\b", re.I)


# '年以來', '年起', '年から続く': a date after which the tie has stood ('自2007年以來的友好關係').
_SINCE_AFTER = re.compile(r"\s*(?:以來|以来|起|至今|から(?:続|つづ)|(?:首度|首次|初次|第一次)(?:簽署|簽訂|締結|簽約|签署|签订|缔结))"  # ('於2017年首度簽署')
                          # '2016年に締結した協定を更新', '2016年簽訂的協定': the date of the agreement renewed
                          r"|\s*に?(?:[^。、]{1,12}?と)?(?:(?:締結|調印|提携)(?:した|された)|結んだ)(?=[^。、]{0,12}(?:協定|覚書|提携|関係))"
                          r"|\s*に(?:締結|調印)され[、，,]"  # '協定は2006年に締結され、今回で3回目の更新': when it was made
                          r"|\s*(?:所)?(?:簽訂|簽署|締結|签订|签署|缔结)的(?=[^。，,]{0,12}(?:協定|協議|備忘錄|协定|协议|备忘录|關係|关系))"
                          # 'to terminate its 2017 sister city agreement': the year the agreement carries
                          r"|(?:(?<=\b[Ii]ts\s\d{4})|(?<=\b[Tt]he\s\d{4})|(?<=\b[Tt]heir\s\d{4})|(?<=\b[Aa]\s\d{4})|(?<='s\s\d{4})|(?<=’s\s\d{4}))"
                          r"\s+(?:[\w-]+\s+){0,3}?(?:agreement|pact|accord|memorandum|MOU)\b")


def plans_renewal(text: str, event: Event) -> bool:
    """'That the City Council approve the renewal of the agreement … originally
    executed on March 3, 1999': a renewal still to come, whose sentence marks
    the founding (not a plan beside another pair's founding: '…since 1961, but
    Kaohsiung hopes to sign its own agreement')."""
    return event is Event.PROPOSED and _RENEWAL_WORD.search(text) is not None


_RENEWAL_WORD = re.compile(r"(?i)\brenew(?:al|ed|ing|s)?\b|續約|續簽|续约|续签|更新")


def marked_founding(text: str, published, cues, year_hint: int | None = None
                    ) -> tuple[EventDate, EventDate | None] | None:
    """(founding, the other date) where a renewal's sentence marks one date
    as the founding's ('to renew the agreement first signed in 2011',
    '簽署續約書，延續兩市自2007年以來的友好關係'): the renewal is dated by the
    rest of the sentence, never by the founding."""
    for d in find_dates(text, published, year_hint):
        if not d.relative and (_FOUNDED_AT.search(text, max(0, d.start - 60), d.start)
                               or _SINCE_AFTER.match(text, d.end)):
            rest = text[:d.start] + " " * (d.end - d.start) + text[d.end:]  # (offsets kept for the cues)
            return d.date, nearest_date(rest, published, cues, year_hint)
    return None


def counted_back(date: EventDate) -> bool:
    """Whether a founding was counted back from an anniversary ('40周年',
    'the 30th anniversary', '25 years of ties') rather than written out."""
    counts = (_ANNIVERSARY_OF_FOUNDING, _ANNIVERSARY_WORDS, YEARS_OF_TIES, TIES_TURN, _ANNIVERSARY_OF_TIE,
              _YEARS_SINCE, _YEARS_SINCE_ZH)
    return bool(date.text) and not re.search(r"\d{4}", date.text) and (
        re.search(r"(?i)周年|週年|anniversary|\byears?\b", date.text) is not None
        or any(p.search(date.text) for p in counts))
