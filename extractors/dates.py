"""Dates in news sentences, English and Chinese, absolute and relative.

Regular expressions compiled once, run from the most specific to the least; a span, once claimed, is not
matched again. Relative ones ('yesterday', '去年', 'March 5' without a year) resolve against the
publication date and are skipped without one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from models.records import DatePrecision, EventDate

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
_SAME_YEAR_WORDS = ("同年", "該年", "该年", "當年", "当年")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # character offsets in the text
    end: int
    date: EventDate  # resolved value + precision + the words
    relative: bool  # resolved against the publication date


_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}  # year 1 of each era is base + 1
_FULLWIDTH = str.maketrans("０１２３４５６７８９／－．，", "0123456789/-.,")  # same lengths
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_WEEKDAYS = {w: i for i, w in enumerate("mon tue wed thu fri sat sun".split())}
_ZH_WEEKDAYS = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS |= {"a": 1, "an": 1} | {c: i for i, c in enumerate("〇一二三四五六七八九十", 0)}
_NUMBERS |= {"兩": 2, "两": 2}
_UNITS = {"year": "y", "years": "y", "decade": "dec", "decades": "dec", "年": "y", "month": "m", "months": "m", "個月": "m",
          "个月": "m", "day": "d", "days": "d", "天": "d"}
# Fixed words: (unit, shift) against the publication date.
_WORDS = {"today": ("d", 0), "tonight": ("d", 0), "yesterday": ("d", -1), "tomorrow": ("d", 1),
          "last night": ("d", -1), "this morning": ("d", 0), "this afternoon": ("d", 0), "this evening": ("d", 0),
          "今天": ("d", 0), "今日": ("d", 0), "昨天": ("d", -1), "昨日": ("d", -1),
          "前天": ("d", -2), "明天": ("d", 1), "上個月": ("m", -1), "上个月": ("m", -1),
          "上月": ("m", -1), "本月": ("m", 0), "這個月": ("m", 0), "这个月": ("m", 0),
          "下個月": ("m", 1), "下个月": ("m", 1), "下月": ("m", 1), "去年": ("y", -1), "昨年": ("y", -1),
          "先月": ("m", -1), "今月": ("m", 0), "来月": ("m", 1),
          "一昨年": ("y", -2), "来年": ("y", 1), "來年": ("y", 1),
          "今年": ("y", 0), "本年": ("y", 0), "前年": ("y", -2), "明年": ("y", 1),
          "昨": ("d", -1), "今": ("d", 0), "昨晚": ("d", -1), "昨夜": ("d", -1), "今晚": ("d", 0)}

_MON = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
        r"|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
        r"|Dec(?:ember|\.)?)")
_MONI = rf"(?<![A-Za-z])(?P<mon>(?i:{_MON}))(?![A-Za-z])"  # any case, where digits follow
_MONC = rf"(?<![A-Za-z])(?P<mon>{_MON})(?![A-Za-z])"  # capitalised only
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_BEFORE = re.compile(rf"{_WD}(?:,?\s+|\s*\(\s*)(?:the\s+)?$")  # 'Friday, March 22', 'Wednesday (May 8)': one date
_DAYN = r"(?P<day>[0-3]?\d)(?![0-9])(?:st|nd|rd|th)?"
# The year again in another reckoning ('令和元年（2019年）10月24日', '2019年（令和元年）10月'): month and day still follow.
_SAME_YEAR = r"(?:\s*[(（]\s*(?:(?:令和|平成|昭和|民[國国])\s*(?:\d{1,3}|元)|\d{4})\s*年?\s*[)）])?"
_ZH_MD = rf"(?:{_SAME_YEAR}\s*(?P<month>\d{{1,2}})\s*月份?(?:\s*(?P<day>\d{{1,2}})\s*[日號号])?)?"
_ZH_DAY = r"(?:\s*(?P<day>\d{1,2})\s*[日號号])?"
_NUM = r"\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_YEAR = r"(?P<year>\d{4})(?![0-9])"

_CJK_NUM = "〇一二三四五六七八九十廿兩两"
# A month and day in Chinese numerals after a year in them ('民國一○一年九月十九日').
_ZH_MD_CJK = (r"(?:\s*(?P<month>十[一二]?|[一二三四五六七八九])\s*月"
              r"(?:\s*(?P<day>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])\s*[日號号])?)?")

# (kind, gate, pattern), most specific first. A pattern runs only when its gate
# opens: the text has every '#' feature (#d a digit, #m a month name) and, when
# the gate lists strings, one of them (in lower case).
_PATTERNS = [(kind, "#d" in gate, "#m" in gate, tuple(g for g in gate if g[0] != "#"),
              re.compile(rx)) for kind, gate, rx in [
    ("abs", ("#d",), r"(?<![0-9])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)"
                     r"(?P<day>\d{1,2})(?![0-9])"),
    # US style month/day/year ('7/19/2022'); a first number over 12 is a day.
    ("mdy", ("#d", "/"), r"(?<![0-9/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)(?![0-9/])"),
    ("roc", ("#d", "/", "-", "."), r"(?<![0-9/.-])(?P<roc>1[0-4]\d)(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)"
                                   r"(?P<day>\d{1,2})(?![0-9/.-])"),  # ('108/10/21', '108-10-21' on government pages)
    # Japanese era years ('令和6年10月1日', '平成28年', '令和元年').
    # (one in brackets after a year is that year's other name: '2019年（令和元年）10月')
    ("era", ("#d", "年"), rf"(?<![年\d][(（])(?P<era>令和|平成|昭和)\s*(?P<eyear>\d{{1,2}}|元)\s*(?:[(（]\s*\d{{4}}\s*[)）]\s*)?"
                          rf"年度?{_ZH_MD}"),
    ("era", ("年",), rf"(?<![年\d][(（])(?P<era>令和|平成|昭和)\s*(?P<eyear>元)\s*年度?{_ZH_MD}"),
    # '今(113)年': this year, written as its ROC year.
    ("roc", ("#d", "今"), r"今\s*[(（]\s*(?P<roc>1\d\d)\s*[)）]\s*年"),
    # 'this year (2016)', '今年（2022年）', '今年(九十八年)': the year in brackets says
    # which year 'this year' is, with or without a publication date.
    ("abs", ("#d", "#m", "this year"), rf"{_DAYN}\s+{_MONI}\s+(?i:this\s+year)\s*[(（]\s*{_YEAR}\s*[)）]"),
    ("abs", ("#d", "#m", "this year"), rf"{_MONI}\s+{_DAYN},?\s+(?i:this\s+year)\s*[(（]\s*{_YEAR}\s*[)）]"),
    ("abs", ("#d", "this year", "今年", "本年"), r"(?i:this\s+year|今年|本年)\s*[(（]\s*(?P<year>(?:19|20)\d\d)\s*年?\s*[)）]"),
    ("roc", ("今年", "本年"), rf"(?:今年|本年)\s*[(（]\s*(?:民[國国])?\s*(?P<roc>\d{{2,3}}|[{_CJK_NUM}○零]{{1,4}})\s*年?\s*[)）]"),
    ("roc", ("#d", "民"), rf"民[國国]\s*(?P<roc>\d{{1,3}})\s*年度?{_ZH_MD}"),
    # ROC years in Chinese numerals: '民國六十三年', '一○一年' (2012).
    ("roc", ("民",), rf"民[國国]\s*(?P<roc>[{_CJK_NUM}○零百]{{1,6}})\s*年{_ZH_MD_CJK}"),
    ("abs", ("年",), rf"(?<![〇○零一二三四五六七八九十])(?P<year>[一二][〇○零一二三四五六七八九]{{3}})\s*年{_ZH_MD_CJK}"),
    ("roc", ("年",), rf"(?<![〇○零一二三四五六七八九十])(?P<roc>[一][〇○零一二三四五六七八九]{{2}})\s*年{_ZH_MD_CJK}"),
    ("abs", ("#d", "年"), rf"(?<![0-9])(?P<year>\d{{4}})\s*年度?{_ZH_MD}"),
    ("roc", ("#d", "年"), rf"(?<![0-9])(?P<roc>\d{{2,3}})\s*年\s*(?P<month>\d{{1,2}})\s*月份?"
                          rf"{_ZH_DAY}"),
    ("roc", ("#d", "年度"), r"(?<![0-9])(?P<roc>\d{2,3})\s*年度"),
    # '於105年締結', '在九十一年簽訂': a bare ROC year after a word of time (not '105年歷史', a count), or before a month
    ("roc", ("#d", "年"), r"(?<=[於于在自從从])\s*(?P<roc>[5-9]\d|1[01]\d)\s*年(?![前來来間间歷历代以])"),
    ("roc", ("年",), rf"(?:(?<=[於于在自從从])|(?<![{_CJK_NUM}])(?=.{{2,3}}年\s*(?:十[一二]?|[一二三四五六七八九])\s*月))"
                     rf"(?P<roc>[五六七八九]十[一二三四五六七八九]?)\s*年(?![前來来間间歷历代以]){_ZH_MD_CJK}"),
    ("word", ("年",), rf"(?P<word>去年|一昨年|昨年|今年|本年|前年|明年|(?<![將将未從从歷历近向])[来來]年(?![輕轻紀纪齡龄])){_ZH_MD}"),
    ("md", ("#d", "月"), r"(?<![0-9年])(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日號号]"),
    # Days and months in Chinese numerals ('十二月十六日', '十六日簽署'); a bare
    # day only from the tenth on, since '一日' is as often 'one day'.
    ("md", ("月",), rf"(?<![0-9年{_CJK_NUM}])(?P<month>十[一二]?|[一二三四五六七八九])\s*月\s*"
                   rf"(?P<day>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])\s*[日號号]"),
    ("zday", ("日",), rf"(?<![0-9月年期為为{_CJK_NUM}])(?P<day>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?)"
                     rf"\s*日(?!本)"),
    ("ago", ("前",), r"(?<![0-9])(?P<n>\d{1,2}|[一二兩两三四五六七八九十])\s*(?P<unit>年|個月|个月|天)前"),
    ("md", ("#d", "月"), r"(?<![0-9年])(?P<month>\d{1,2})\s*月份?(?![0-9])"),
    ("md", _SAME_YEAR_WORDS, rf"(?<=同年|該年|该年|當年|当年)(?P<month>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月{_ZH_DAY}"),
    # '今(11)日', '16日': a day of the publication's month (or the one before).
    ("zday", ("#d", "日"), r"(?<![0-9月年至到~\-])(?:今|昨)?\s*[(（]?\s*(?P<day>\d{1,2})\s*[)）]?\s*日(?!本)"),
    # '本月5日', '先月28日': a day of this month or the last.
    ("word", ("#d", "月"), r"(?P<word>上個月|上个月|上月|本月|這個月|这个月|先月|今月)\s*(?P<day>\d{1,2})\s*[日號号]"),
    ("word", ("天", "日", "月"), r"(?P<word>昨天|昨日|今天|今日|前天|明天|上個月|上个月|上月|本月|先月|今月|来月"
                               r"|這個月|这个月|下個月|下个月|下月)"),
    # News style: '侯友宜昨與理查森市簽署', '市長今赴日本': yesterday or today,
    # written as one character before the verb or preposition it dates.
    ("word", ("昨", "今"), r"(?<![至如迄而從从自當当于古])(?P<word>昨晚|昨夜|今晚|昨|今)"
                          r"(?=[與与和跟在赴於于率同偕將将出前參参簽签舉举訪访正也再已透締缔宣完共召拜親亲表])"),
    ("wd", ("週", "周", "星期", "禮拜", "礼拜"),
     r"(?<!每)(?P<pre>上|本|下|這|这)?(?:星期|禮拜|礼拜|週|周)(?P<zwd>[一二三四五六日天])"),
    ("abs", ("#d", "#m"), rf"{_MONI}\s*{_DAYN},?\s+{_YEAR}"),
    ("abs", ("#d", "#m"), rf"(?<![0-9A-Za-z]){_DAYN}\s+(?:(?i:day\s+of)\s+|of\s+)?{_MONI},?\s+{_YEAR}"),  # ('16th day of May, 2023')
    ("abs", ("#d", "#m"), rf"{_MONI},?\s+(?:of\s+)?{_YEAR}"),
    ("md", ("#d", "#m"), rf"{_MONC}\s*{_DAYN}(?![0-9A-Za-z]|,[0-9])"),
    ("md", ("#d", "#m"), rf"(?<![0-9A-Za-z]){_DAYN}\s+(?:of\s+)?{_MONC}"),
    ("md", ("#m",), rf"(?<![A-Za-z])(?P<pre>(?i:in|since|during|until|early|late|mid|last|this"
                    rf"|next)(?:-|\s+)|(?i:end|beginning|middle)\s+of\s+){_MONC}"),
    ("rel", ("month", "year"), r"(?<![A-Za-z])(?i:(?:(?:earlier|later|early|late|mid)(?:-|\s+))?"
                               r"(?P<pre>last|this|next)\s+(?P<unit>month|year))(?![A-Za-z])"),
    # A week has no precision of its own: the month that holds it is the
    # nearest date that stays true ('earlier this week', 'last week').
    ("week", ("week",), r"(?<![A-Za-z])(?i:(?:(?:earlier|later)\s+)?(?P<pre>last|this|next)\s+week)(?![A-Za-z])"),
    ("ago", ("ago",), rf"(?<![A-Za-z0-9])(?i:(?P<n>{_NUM})\s+(?P<unit>years?|months?|days?|decades?)\s+ago)"
                      rf"(?![A-Za-z])"),
    # 'signed the agreement on the 28th': a day of the publication's month (or the one before)
    ("zday", ("#d", "the"), r"(?<![A-Za-z])(?i:on\s+the\s+)(?P<day>\d{1,2})(?:st|nd|rd|th)(?![A-Za-z0-9])"
                            r"(?!\s+(?:anniversary|annual|years?|floors?|century|time|edition|session|round|meeting|"
                            r"day|of|month|week|sister|friendship|city|cities|partner)\b)"),
    # ('The council last night voted to formalise…': a morning paper's evening before)
    ("word", ("today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"),
     r"(?<![A-Za-z])(?P<word>(?i:today|tonight|yesterday|tomorrow|last\s+night"
     r"|this\s+(?:morning|afternoon|evening)))(?![A-Za-z])"),
    ("wd", ("day",), rf"(?<![A-Za-z])(?:(?P<pre>(?i:last|this|next|on|past))\s+)?(?<!Good )"
                     rf"(?<!Black )(?P<wd>{_WD})(?![A-Za-z])"),
    ("year", ("#d",), r"(?<![0-9A-Za-z.,$/#])(?:(?i:mid-?|early\s+|late\s+))?"
                      r"(?P<year>19\d\d|20\d\d|2100)(?![0-9])"),
]]

_CJK_DIGITS = {**{c: i for i, c in enumerate("〇一二三四五六七八九")}, "○": 0, "零": 0}


def cjk_number(text: str) -> int:
    """'20', '四', '十', '二十', '三十五', '廿六' as a number."""
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十")
    if "百" in text:  # '一百零一' (ROC year 101), '一百一十三'
        hundreds, _, rest = text.partition("百")
        rest = rest.lstrip("零〇○")
        return (_CJK_DIGITS[hundreds] if hundreds else 1) * 100 + (cjk_number(rest) if rest else 0)
    if "十" not in text:
        return int("".join(str(_CJK_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[ones] if ones else 0)


_DIGIT, _ANY_MONTH = re.compile(r"[0-9]"), re.compile(_MONI)

# Around a bare year: what makes it a count, an amount, a number or a decade instead.
_NOT_YEAR_AFTER = re.compile(
    r"(?:s\b|'s\b(?<=0's)|\s*(?:%|percent)|[.,][0-9]|\s*-?\s*(?i:people|persons?|students?|tons?|"
    r"tonnes?|kms?|kilomet\w*|met(?:er|re)s?|m|kg|visitors?|tourists?|residents?|members?|"
    r"participants?|households?|units?|copies|pieces?|cases|years|hours?|yen|dollars?|yuan|"
    r"euros?|won|nt\$|usd|twd|rmb|acres?|hectares?|ha|seats?|rooms?|jobs?|workers?|employees?|"
    r"pupils?|children|runners?|athletes?|items?|pages?|times)\b|\s*[人名位元個个件張张萬万億亿"
    r"千百次號号頁页公噸吨歲岁台輛辆間间家所座隻只戶户])")
_NOT_YEAR_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?i:no|nos|number|page|pages|p|pp|room|rm|route|lot|tel|fax|ext|phone|"
    r"nt|us|hk|highway|hwy|flight|bus)\.?|"
    r"[#$€£¥第]|[0-9][)\s-])\s*$")
_RANGE_AFTER, _YEAR_DASH = re.compile(r"[-–/]([0-9]+)"), re.compile(r"(?<![0-9])(?:19|20)[0-9][0-9][-–]$")


def _bare_year_ok(text: str, m: re.Match, year: int) -> bool:
    start, end = m.span("year")
    if _NOT_YEAR_AFTER.match(text, end):
        return False
    if start == m.start() and text[start - 1:start] in ("-", "–"):  # '2019-2021', not '02-2021'
        if not _YEAR_DASH.search(text, max(0, start - 5), start):
            return False
    elif start == m.start() and _NOT_YEAR_BEFORE.search(text, max(0, start - 12), start):
        return False
    if rng := _RANGE_AFTER.match(text, end):  # '2019-20', '2019–2021', not '2021-3456'
        n = rng.group(1)
        return len(n) == 2 or (len(n) == 4 and year < int(n) <= 2100)
    return True


def _date(year: int, month: int | None = None, day: int | None = None) -> dt.date | None:
    try:
        return dt.date(year, month or 1, day or 1)
    except ValueError:
        return None


def _precision(month: int | None, day: int | None) -> DatePrecision:
    return DAY if day else MONTH if month else YEAR


def _shift(pub: dt.date, unit: str, n: int) -> tuple[dt.date, DatePrecision]:
    if unit == "dec":
        unit, n = "y", 10 * n
    if unit == "d":
        return pub + dt.timedelta(days=n), DAY
    if unit == "m":
        months = pub.year * 12 + pub.month - 1 + n
        return dt.date(months // 12, months % 12 + 1, 1), MONTH
    return dt.date(pub.year + n, 1, 1), YEAR


# 'will mark … with a concert in September': a month still to come (not 'will mark … the pact signed in March')
# ('is expected to be signed when … visits in October': a signing still to come)
_WILL_BEFORE = re.compile(r"(?i)\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:scheduled|set|expected)\s+to)\s+"
                          r"(?:(?!(?<!\bbe\s)\b(?:signed|inked|formed|established|founded|concluded|began|since)\b)"
                          r"[^.;!?,])*$")


def _infer_year(pub: dt.date, month: int, day: int | None, pre: str) -> dt.date | None:
    """Year of 'March 5' / 'in March': the publication year, or the year
    before when that would be more than two months after publication."""
    if pre == "last":
        return _date(pub.year if month < pub.month else pub.year - 1, month, day)
    if pre == "next":
        return _date(pub.year if month > pub.month else pub.year + 1, month, day)
    value = _date(pub.year, month, day)
    if value and pre != "this" and value > pub + dt.timedelta(days=62):
        value = _date(pub.year - 1, month, day)
    return value


def _weekday(pub: dt.date, wd: int, pre: str) -> dt.date:
    back = (pub.weekday() - wd) % 7
    monday = pub - dt.timedelta(days=pub.weekday())
    if pre in ("last", "past"):  # strictly before the publication day
        return pub - dt.timedelta(days=back or 7)
    if pre == "next":  # strictly after
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if pre in ("this", "本", "這", "这", "上", "下"):  # by calendar week, Monday first
        weeks = {"上": -1, "下": 1}.get(pre, 0)
        return monday + dt.timedelta(days=7 * weeks + wd)
    return pub - dt.timedelta(days=back)  # 'on Friday', 'Friday', '週五': on or before


_SKIP = object()  # well-formed, but needs a publication date there is not


def _resolve(kind: str, m: re.Match, text: str, pub: dt.date | None, year_hint: int | None = None):
    g = m.groupdict()
    mon = g.get("mon")
    month = _MONTHS[mon[:3].lower()] if mon else cjk_number(g["month"]) if g.get("month") else None
    day = cjk_number(g["day"]) if g.get("day") else None
    if kind == "mdy":
        a, b = int(g["a"]), int(g["b"])
        month, day = (a, b) if a <= 12 else (b, a)
        value = _date(int(g["year"]), month, day)
        return value and (value, DAY, False)
    if kind == "era":
        year = _ERAS[g["era"]] + (1 if g["eyear"] == "元" else int(g["eyear"]))
        value = _date(year, month, day)
        return value and (value, _precision(month, day), False)
    if kind in ("abs", "roc", "year"):
        year = cjk_number(g["year"]) if kind != "roc" else cjk_number(g["roc"]) + 1911
        if kind == "roc" and not 1912 <= year <= 2061:
            return None
        if kind == "year" and not _bare_year_ok(text, m, year):
            return None
        value = _date(year, month, day) if 1800 <= year <= 2100 else None
        return value and (value, _precision(month, day), False)
    if pub is None:
        if kind == "md" and year_hint and not g.get("pre"):
            # Under a timeline's year heading ('2024年(令和6年)' ... '(9月29日)').
            value = _date(year_hint, month, day)
            return value and (value, _precision(month, day), True)
        return _SKIP
    if kind == "zday":
        back = day > pub.day
        year, month = (pub.year, pub.month - 1) if back and pub.month > 1 else \
            (pub.year - 1, 12) if back else (pub.year, pub.month)
        value = _date(year, month, day)
        return value and (value, DAY, True)
    if kind == "md":
        pre = (g.get("pre") or "").rstrip(" \t\n-").lower()
        # ('will mark … with a concert in September': the next September)
        if pre in ("", "in", "on") and _WILL_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            pre = "next"
        value = _infer_year(pub, month, day, pre) if pre != "next" or month != pub.month else _date(pub.year, month, day)
        return value and (value, _precision(month, day), True)
    if kind == "word":
        unit, n = _WORDS[" ".join(g["word"].lower().split())]
        value, precision = _shift(pub, unit, n)
        if month:  # '去年3月5日'
            value, precision = _date(value.year, month, day), _precision(month, day)
        elif day and unit == "m":  # '本月5日'
            value, precision = _date(value.year, value.month, day), DAY
        return value and (value, precision, True)
    if kind == "week":
        day = pub + dt.timedelta(days=7 * {"last": -1, "this": 0, "next": 1}[g["pre"].lower()])
        return dt.date(day.year, day.month, 1), MONTH, True
    if kind == "rel" and (g["pre"].lower(), g["unit"].lower()) == ("next", "year") \
            and re.search(r"(?i)\bthe\s+$", text[max(0, m.start() - 5):m.start()]):
        # 'dropped Beijing in 2019 and signed with Taipei the next year': after the year told (else no date)
        years = re.findall(r"(?<![0-9])((?:19|20)\d\d)(?![0-9])", text[max(0, m.start() - 120):m.start()])
        return (dt.date(int(years[-1]) + 1, 1, 1), YEAR, False) if years else _SKIP
    if kind == "rel":
        return (*_shift(pub, g["unit"][0].lower(), {"last": -1, "this": 0, "next": 1}[
            g["pre"].lower()]), True)
    if kind == "ago":
        n = _NUMBERS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
        return (*_shift(pub, _UNITS[g["unit"].lower()], -n), True)
    wd = _WEEKDAYS[g["wd"][:3].lower()] if g.get("wd") else _ZH_WEEKDAYS[g["zwd"]]
    return _weekday(pub, wd, (g.get("pre") or "").lower()), DAY, True


def find_dates(text: str, published: dt.date | None, year_hint: int | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in text order, without overlaps.
    ``year_hint`` dates a month and day when there is no publication date."""
    norm = text.translate(_FULLWIDTH)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    low = norm.lower()
    digit, month = _DIGIT.search(norm) is not None, _ANY_MONTH.search(norm) is not None
    for kind, need_digit, need_month, words, rx in _PATTERNS:
        if (need_digit and not digit) or (need_month and not month) or (
                words and not any(w in low for w in words)):
            continue
        for m in rx.finditer(norm):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            res = _resolve(kind, m, norm, published, year_hint)
            if res is None:
                continue
            if kind in ("abs", "md") and (wd := _WD_BEFORE.search(norm, max(0, start - 16), start)):
                start = wd.start()
            taken.append((start, end))
            if res is not _SKIP:
                value, precision, relative = res
                when = EventDate(value=value, precision=precision, text=text[start:end])
                found.append(DateMention(start, end, when, relative))
    found.sort(key=lambda d: d.start)
    return _that_year(norm, found)


# 'in January that year', 'in May of the same year', '同年六月': the year named last before.
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)


def _that_year(text: str, found: list[DateMention]) -> list[DateMention]:
    for i, d in enumerate(found):
        earlier = [e for e in found[:i] if not e.relative]
        if d.relative and earlier and (_THAT_YEAR.match(text, d.end) or text[d.start - 2:d.start] in _SAME_YEAR_WORDS):
            year = earlier[-1].date.value.year
            value = d.date.value.replace(year=year) if not (d.date.value.month == 2 and d.date.value.day == 29) \
                else d.date.value.replace(year=year, day=28)
            found[i] = DateMention(d.start, d.end, d.date.model_copy(update={"value": value}), False)
    return found


# A line that is only a year: a timeline's section heading.
_YEAR_HEADING = re.compile(r"^[ \t]*((?:19|20)\d\d)[ \t]*(?:年度?)?[ \t]*(?:[(（][^)）\n]{1,12}[)）])?[ \t]*:?[ \t]*$", re.M)


def year_headings(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every line that holds nothing but a year."""
    return [(m.start(), int(m.group(1))) for m in _YEAR_HEADING.finditer(text)]


def latest_year(text: str) -> int | None:
    """The latest year that the dates of an undated text name (up to this
    year): a page without a publication date was written no earlier, and
    its '11月23日' or 'on Sept. 25' most likely falls in that year."""
    this_year = dt.date.today().year
    years = [d.date.value.year for d in find_dates(text, None) if not d.relative and d.date.value.year <= this_year]
    return max(years, default=None)


def year_at(headings: list[tuple[int, int]], offset: int) -> int | None:
    """The year of the last year heading before ``offset``."""
    before = [year for start, year in headings if start < offset]
    return before[-1] if before else None
