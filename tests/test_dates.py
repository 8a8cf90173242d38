"""Dates in news sentences: what find_dates resolves, and what it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run

from extractors.dates import DateMention, find_dates
from models.records import DatePrecision

FRIDAY = dt.date(2024, 3, 22)
MONDAY = dt.date(2024, 3, 25)
D, M, Y = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


def only(text: str, published: dt.date | None = MONDAY) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def resolved(text: str, published: dt.date | None = MONDAY) -> tuple[str, DatePrecision]:
    mention = only(text, published)
    return mention.date.iso(), mention.date.precision


# English, absolute --------------------------------------------------------------------

@pytest.mark.parametrize("text, iso, precision", [
    ("The agreement was signed on March 5, 2021, in Taipei.", "2021-03-05", D),
    ("The pact was signed on 5 March 2021 at city hall.", "2021-03-05", D),
    ("Signed Mar. 5, 2021, the MOU covers trade.", "2021-03-05", D),
    ("The mayors met on the 5th of March, 2021.", "2021-03-05", D),
    ("On March 5th 2021 the two cities became partners.", "2021-03-05", D),
    ("The ties were formalised in March 2021.", "2021-03", M),
    ("They became sister cities in 2021.", "2021", Y),
    ("The cities have been sister cities since 1961.", "1961", Y),
    ("The ceremony took place on 2021-03-05.", "2021-03-05", D),
    ("The ceremony took place on 2021/3/5.", "2021-03-05", D),
    ("The friendship agreement (2019) was renewed.", "2019", Y),
    ("The 2019 agreement covers tourism.", "2019", Y),
    ("Talks began in mid-2019.", "2019", Y),
    ("The pact was signed in early 2020.", "2020", Y),
    ("市府於２０２１年３月與對方簽約。", "2021-03", M),
])
def test_english_and_absolute_dates(text, iso, precision):
    assert resolved(text) == (iso, precision)
    assert resolved(text, None) == (iso, precision)  # no publication date needed
    assert only(text).relative is False


def test_offsets_and_words_point_at_the_date():
    text = "The agreement was signed on March 5, 2021, in Taipei."
    mention = only(text)
    assert text[mention.start:mention.end] == "March 5, 2021" == mention.date.text
    assert mention.date.value == dt.date(2021, 3, 5)


def test_month_and_year_precision_start_on_the_first_day():
    assert only("in March 2021").date.value == dt.date(2021, 3, 1)
    assert only("since 1961").date.value == dt.date(1961, 1, 1)


def test_a_weekday_before_a_date_belongs_to_it():
    text = "The MOU was signed on Friday, March 22, 2024."
    mention = only(text)
    assert text[mention.start:mention.end] == "Friday, March 22, 2024"
    assert mention.date.iso() == "2024-03-22"
    # in brackets after it too: the date named wins over the weekday counted back from publication
    [mention] = find_dates("They signed a memorandum on Wednesday (May 8).", dt.date(2024, 6, 10))
    assert mention.date.iso() == "2024-05-08"


def test_a_year_range_gives_both_years():
    assert [m.date.iso() for m in find_dates("The 2019-2021 programme ended.", None)] == [
        "2019", "2021"]


def test_several_dates_come_in_text_order():
    text = "Twinned since 1961, the cities renewed the pact on 5 March 2021 and again yesterday."
    assert [m.date.iso() for m in find_dates(text, MONDAY)] == ["1961", "2021-03-05", "2024-03-24"]


# English, relative --------------------------------------------------------------------

@pytest.mark.parametrize("text, published, iso, precision", [
    ("The deal was signed on Friday.", FRIDAY, "2024-03-22", D),
    ("The deal was signed on Friday.", MONDAY, "2024-03-22", D),
    ("The mayor signed the MOU Friday.", MONDAY, "2024-03-22", D),
    ("The deal was signed last Friday.", MONDAY, "2024-03-22", D),
    ("The deal was signed last Friday.", FRIDAY, "2024-03-15", D),
    ("The delegation arrives next Monday.", MONDAY, "2024-04-01", D),
    ("The agreement was signed today.", MONDAY, "2024-03-25", D),
    ("The agreement was signed yesterday.", MONDAY, "2024-03-24", D),
    ("Yesterday the two mayors met.", MONDAY, "2024-03-24", D),
    ("The cities signed an MOU last month.", MONDAY, "2024-02", M),
    ("The cities signed an MOU earlier this month.", MONDAY, "2024-03", M),
    ("The cities became sister cities last year.", MONDAY, "2023", Y),
    ("The cities became sister cities this year.", MONDAY, "2024", Y),
    ("The pact was signed two years ago.", MONDAY, "2022", Y),
    ("The pact was signed 3 days ago.", MONDAY, "2024-03-22", D),
    ("The pact was signed a year ago.", MONDAY, "2023", Y),
    ("The mayors met on June 15.", dt.date(2024, 7, 2), "2024-06-15", D),
    ("The mayors met on 15 June.", dt.date(2024, 7, 2), "2024-06-15", D),
    # More than two months after publication: last year's June 15.
    ("The mayors met on June 15.", MONDAY, "2023-06-15", D),
    ("The mayors will meet on April 2.", MONDAY, "2024-04-02", D),
    ("The pact was signed in May.", dt.date(2024, 7, 2), "2024-05", M),
    ("The pact was signed last March.", MONDAY, "2023-03", M),
])
def test_english_relative_dates(text, published, iso, precision):
    assert resolved(text, published) == (iso, precision)
    assert only(text, published).relative is True


@pytest.mark.parametrize("text", [
    "The deal was signed on Friday.", "The agreement was signed yesterday.",
    "The cities signed an MOU last month.", "The mayors met on June 15.",
    "The pact was signed two years ago.", "去年雙方締結姊妹市。", "3月5日簽約。",
])
def test_relative_dates_need_a_publication_date(text):
    assert find_dates(text, None) == []


def test_a_week_dates_to_the_month_that_holds_it():
    [d] = find_dates("The council passed a motion earlier this week.", MONDAY)
    assert (d.date.iso(), d.date.precision) == ("2024-03", M)
    [d] = find_dates("The delegation visited last week.", MONDAY)
    assert d.date.iso() == "2024-03"


def test_holidays_are_skipped():
    assert find_dates("The festival ends on Good Friday.", MONDAY) == []


# Chinese ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso, precision", [
    ("雙方於2021年3月5日簽署姊妹市協定。", "2021-03-05", D),
    ("雙方於2021年3月簽署合作備忘錄。", "2021-03", M),
    ("兩市於2021年結為友好城市。", "2021", Y),
    ("兩市於民國110年締結姊妹市。", "2021", Y),
    ("兩市於民國110年3月5日締結姊妹市。", "2021-03-05", D),
    ("兩市於110年3月5日締結姊妹市。", "2021-03-05", D),
    ("兩市於１１０年３月５日締結姊妹市。", "2021-03-05", D),
    ("兩市於２０２１年締結姊妹市。", "2021", Y),
    ("民國50年兩市結盟。", "1961", Y),
    ("兩縣於105年締結姊妹縣。", "2016", Y),  # a bare ROC year after a word of time
    ("兩市自84年締結姊妹市至今。", "1995", Y),
])
def test_chinese_absolute_dates(text, iso, precision):
    assert resolved(text, None) == (iso, precision)


@pytest.mark.parametrize("text", ["該廟已有105年歷史。", "在100年以前。", "兩市交流105年來不斷。"])
def test_a_bare_count_of_years_is_no_roc_year(text):
    assert find_dates(text, None) == []


@pytest.mark.parametrize("text, iso, precision", [
    ("雙方於3月5日簽署協定。", "2024-03-05", D),
    ("去年雙方締結姊妹市。", "2023", Y),
    ("今年雙方締結姊妹市。", "2024", Y),
    ("去年3月5日雙方締結姊妹市。", "2023-03-05", D),
    ("市長昨天與對方簽約。", "2024-03-24", D),
    ("市長昨日與對方簽約。", "2024-03-24", D),
    ("市長今天與對方簽約。", "2024-03-25", D),
    ("市長今日與對方簽約。", "2024-03-25", D),
    ("雙方上個月簽署備忘錄。", "2024-02", M),
    ("市長上週五與對方簽約。", "2024-03-22", D),
])
def test_chinese_relative_dates(text, iso, precision):
    assert resolved(text, MONDAY) == (iso, precision)
    assert only(text, MONDAY).relative is True


def test_chinese_offsets():
    text = "兩市於民國110年3月5日締結姊妹市。"
    mention = only(text, None)
    assert text[mention.start:mention.end] == "民國110年3月5日"


# Not dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "More than 2,000 people attended the ceremony.",
    "The cities celebrated the 10th anniversary of their ties.",
    "The bill is listed as No. 2021 in the council records.",
    "For details call (02) 2021-3456.",
    "Tel: +886 2 2021 3456.",
    "The temple is 300 years old.",
    "See page 2021 of the report.",
    "The university hosted 2021 students from abroad.",
    "The port handles 2050 tons a day.",
    "The fund is worth NT$2021 million.",
    "Tourism grew 2020% in the decade.",
    "The sister city ties date back to the 1990s.",
    "The program received 1,950 applications.",
    "共有2000人參加典禮。",
    "The 12th annual meeting of 150 delegates.",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text, MONDAY) == []


def test_empty_text():
    assert find_dates("", MONDAY) == []


def test_us_numeric_dates_read_month_first_unless_the_first_number_is_a_day():
    assert [d.date.iso() for d in find_dates("Final action: 7/19/2022", MONDAY)] == ["2022-07-19"]
    assert [d.date.iso() for d in find_dates("signed 25/12/2020 in Taipei", MONDAY)] == ["2020-12-25"]


@pytest.mark.parametrize(("text", "iso"), [
    ("令和6年10月1日に締結", "2024-10-01"),
    ("平成28年3月", "2016-03"),
    ("令和元年", "2019"),
    ("昭和54年10月10日", "1979-10-10"),
])
def test_japanese_era_years(text, iso):
    [found] = find_dates(text, dt.date(2025, 1, 1))
    assert found.date.iso() == iso


def test_japanese_years_relative_to_publication():
    [last] = find_dates("昨年5月31日に締結", dt.date(2018, 10, 14))
    [this] = find_dates("本年4月19日に締結", dt.date(2018, 10, 14))
    [era] = find_dates("平成29(2017)年5月1日", dt.date(2018, 10, 14))
    assert (last.date.iso(), this.date.iso(), era.date.iso()) == ("2017-05-31", "2018-04-19", "2017-05-01")


# News style: one character for yesterday or today, and a dateline for texts without a date -----

@pytest.mark.parametrize("text, iso", [
    ("侯友宜昨與美國德州理查森市簽署合作備忘錄", "2024-03-24"),
    ("西屯區與霍博肯市昨透過視訊方式締結姊妹市", "2024-03-24"),
    ("市長今赴日本簽署友好協定", "2024-03-25"),
])
def test_a_bare_yesterday_or_today_before_its_verb_is_a_day(text, iso):
    assert resolved(text) == (iso, D)


@pytest.mark.parametrize("text", ["兩市至今與日本多所往來", "如今與日本交流頻繁", "今後將擴大交流", "古今與中外"])
def test_yesterday_and_today_inside_other_words_are_not_dates(text):
    assert find_dates(text, MONDAY) == []


def test_a_dateline_at_the_top_stands_in_for_a_missing_publication_date():
    from extractors.page_dates import dateline

    assert dateline("桃園市と加賀市 友好協定 | 【中日新聞:2016年5月20日】 | 加賀市は19日、") == dt.date(2016, 5, 20)
    assert dateline("PostDate: 2015-12-18 | Taipei and ...") == dt.date(2015, 12, 18)
    assert dateline("Kaohsiung signed a sister city agreement on 13 May 2019 with ...") is None  # an event
    assert dateline("x" * 500 + " Date: 2015-12-18") is None  # too far down to be the page's own


def test_the_sentence_about_the_ceremony_dates_a_tie_its_own_sentence_leaves_undated():
    from extractors.event_dates import ceremony_date

    after = ["The signing ceremony took place in Kaohsiung on Tuesday, June 25, 2024.", "Later, in 2026, ..."]
    assert ceremony_date(after, None).iso() == "2024-06-25"
    assert ceremony_date(["The mayors spoke of trade in June 2024."], None) is None  # no ceremony: not its date
    assert ceremony_date(["The ceremony was held at city hall.", "On 3 May 2024 ..."], None) is None


# Stand-ins for a missing publication date: the page's address, a timeline's year headings ----

@pytest.mark.parametrize("url, iso", [
    ("https://example.org/kyoei/some-title/20171118", "2017-11-18"),
    ("https://news.example.com/2019/04/30/taipei-belmopan/", "2019-04-30"),
    ("https://example.com/story-2021-06-30.html", "2021-06-30"),
    ("https://example.com/item/2024_02_07", "2024-02-07"),
])
def test_a_date_in_the_page_address_stands_in_for_publication(url, iso):
    from extractors.page_dates import url_date

    assert url_date(url).isoformat() == iso


@pytest.mark.parametrize("url", [
    None, "https://example.com/", "https://example.com/id/123456789012",  # digits that are no date
    "https://example.com/20171318", "https://example.com/2017-02-30",  # no such month or day
    "https://example.com/search?d=20171118",  # a query is not where a page is filed
])
def test_an_address_without_a_real_date_gives_none(url):
    from extractors.page_dates import url_date

    assert url_date(url) is None


def test_a_month_and_day_under_a_timeline_year_heading_take_that_year():
    from extractors.dates import year_at, year_headings

    text = "交流の歩み\n2024年(令和6年)\n1月 表敬訪問。\n東京で協定を締結(9月29日)。\n2025\n覚書を締結(1月16日)。\n"
    headings = year_headings(text)
    assert [year for _, year in headings] == [2024, 2025]
    signing = text.index("東京")
    assert year_at(headings, signing) == 2024 and year_at(headings, 0) is None
    [when] = find_dates(text[signing:text.index("\n", signing)], None, year_at(headings, signing))
    assert when.date.iso() == "2024-09-29" and when.relative
    # Without a heading, or with a publication date, the hint changes nothing.
    assert find_dates("(9月29日)", None) == []
    assert only("締結(9月29日)。", dt.date(2023, 10, 1)).date.iso() == "2023-09-29"


def test_an_undated_page_dates_a_month_and_day_by_the_latest_year_it_names():
    from extractors.dates import latest_year

    text = "南投市は2016年3月14日に協定を締結。11月23日、両市は姉妹都市を締結しました。2020年の式典。"
    assert latest_year(text) == 2020
    assert latest_year("No year at all, only 11月23日.") is None
    assert latest_year(f"Plans run to {dt.date.today().year + 5}, ties since 1999.") == 1999  # no future year


def test_a_date_that_belongs_to_a_term_of_office_is_no_tie_date():
    from extractors.event_dates import nearest_date

    cue = [(None, 40)]
    assert nearest_date("Since Ko took office in 2014, Taipei has formed sister-city ties with Quito.", None, cue) is None
    assert nearest_date("柯文哲2014年上任後，台北市與基多締結姊妹市。", None, [(None, 14)]) is None
    assert nearest_date("Taipei and Houston became sister cities in 1961.", None, cue).iso() == "1961"


def test_an_agreement_said_to_be_signed_on_a_day_dates_the_tie_before_it():
    from extractors.event_dates import ceremony_date

    assert ceremony_date(["The agreement was signed on Tuesday, May 21, 2024."], None).iso() == "2024-05-21"
    assert ceremony_date(["The relationship was formalised on 9 September 1997."], None).iso() == "1997-09-09"


def test_anniversaries_count_in_chinese_numerals():
    from extractors.anniversaries import anniversary_date, cjk_number, founding_date

    assert [cjk_number(x) for x in ("20", "四", "十", "二十", "三十五")] == [20, 4, 10, 20, 35]
    kept = anniversary_date("台南市與京都市締盟四週年", dt.date(2025, 12, 16))
    assert kept.iso() == "2025" and founding_date("台南市與京都市締盟四週年", kept).iso() == "2021"
    assert anniversary_date("Taipei and Seoul signed an MOU.", dt.date(2025, 1, 1)) is None  # no anniversary
    assert anniversary_date("the 55th anniversary", None) is None  # nothing to count from


def test_an_item_date_follows_its_name_in_brackets_or_after_a_comma():
    from extractors.event_dates import in_range, item_date

    text = "Yonaguni Town in Okinawa (1982), Kaohsiung, Taiwan, since 1983; Seattle signed in 1990"
    assert item_date(text, len("Yonaguni Town"), len(text), None).iso() == "1982"
    at = text.index("Kaohsiung") + len("Kaohsiung")
    assert item_date(text, at, len(text), None).iso() == "1983"
    assert item_date(text, text.index("Seattle") + 7, len(text), None) is None  # a clause's date, not an item's
    [first, second] = find_dates("Between 1981 and 1985, ties were formed.", None)
    assert in_range("Between 1981 and 1985, ties were formed.", first)
    assert in_range("Between 1981 and 1985, ties were formed.", second)
    [only_one] = find_dates("In 1981 and later, ties were formed.", None)
    assert not in_range("In 1981 and later, ties were formed.", only_one)


def test_a_tie_already_made_takes_no_date_from_a_clause_about_what_is_to_come(nlp):
    from conftest import run

    text = ("Tainan's other sister cities, Columbus in the US state of Georgia and Sendai in Japan, are not "
            "affected, and the department said exchange programmes with both would continue this year.")
    found = run(nlp, text, published=dt.date(2024, 8, 27))
    assert found and all(m.date is None for m in found)
    # A proposal keeps its planned date.
    found = run(nlp, "Taichung will sign a sister city agreement with Houston next month.", published=MONDAY)
    assert [(m.event.value, m.date.iso()) for m in found] == [("proposed", "2024-04")]


def test_the_agreement_opening_a_sentence_dates_the_tie_named_before(nlp):
    from conftest import run

    text = ("Tainan City has terminated its sister-city agreement with Cebu City in the Philippines. "
            "The agreement, signed in 2003, had produced no exchanges for a decade.")
    found = run(nlp, text)
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} >= {("established", "2003")}
    assert "terminated" in {m.event.value for m in found}


def test_days_and_months_in_chinese_numerals():
    pub = dt.date(2025, 12, 16)
    assert only("白河區公所與南越前町十六日簽署備忘錄", pub).date.iso() == "2025-12-16"
    assert only("兩市於十二月十六日簽署", pub).date.iso() == "2025-12-16"
    assert only("廿六日", pub).date.iso() == "2025-11-26"  # a day after publication's is last month's
    # 'one day' and 'for ten days' are durations, not dates.
    assert find_dates("一日遊行程為期十日", pub) == []


def test_a_tie_named_only_to_say_who_someone_is_takes_no_date_from_their_visit(nlp):
    from conftest import run

    text = ("Mr. Tomas Regalado, Mayor of Miami, Florida (Sister city to Kaohsiung), visiting Bao-An Temple "
            "on May 29, 2011.")
    found = run(nlp, text)
    assert found and all(m.date is None for m in found)
    # Where the sentence says the tie was made, its date stays.
    [m] = run(nlp, "Miami, Florida became a sister city of Kaohsiung on May 29, 2011.")
    assert m.date.iso() == "2011-05-29"


def test_years_written_in_chinese_numerals():
    assert only("金沙鎮於民國六十三年時與東港鎮締結姊妹鎮", None).date.iso() == "1974"
    assert only("一○一年與日本締結", None).date.iso() == "2012"  # ROC 101
    assert only("二○一二年與日本締結", None).date.iso() == "2012"


def test_a_tie_counted_in_years_dates_its_founding_in_chinese_too():
    from extractors.anniversaries import years_since

    pub = dt.date(2026, 3, 13)
    assert years_since("兩市締交已經37年", pub).iso() == "1989"
    assert years_since("締結姊妹市至今已二十年", pub).iso() == "2006"
    assert years_since("蘇澳鎮與石垣市締結姊妹市30周年", pub) is None  # an anniversary, read elsewhere


def test_the_making_of_a_tie_named_as_a_noun_keeps_its_date(nlp):
    from conftest import run

    text = ("Deputy Mayor Lo said that since the establishment of sister city ties in 2017, Kaohsiung and "
            "Kumamoto have developed diverse cooperation.")
    assert {m.date.iso() for m in run(nlp, text) if m.date} == {"2017"}


def test_a_tie_made_this_time_is_not_dated_by_a_clause_about_earlier_contacts():
    from extractors.event_dates import nearest_date

    text = "雙方自二○一九年起透過青年志工持續往來，此次締結姊妹市後，將擴大合作。"
    at = text.index("姊妹市")  # where the relation cue stands
    assert nearest_date(text, None, [(None, at, at + 3)]) is None
    text = "2024年5月16日，新竹縣與熊本縣簽署備忘錄。"  # a date clause before the act still dates it
    at = text.index("簽署")
    assert nearest_date(text, None, [(None, at, at + 2)]).iso() == "2024-05-16"


def test_a_press_releases_when_field_dates_the_signing_it_announces(nlp):
    text = "八代市は、台湾基隆市と友好交流協定を締結しました。\n日 時:平成30年4月19日(木曜日)\n場 所:基隆市政府"
    [m] = run(nlp, text, lang="ja")
    assert m.date is not None and m.date.iso() == "2018-04-19"


def test_years_of_ties_celebrated_are_a_renewal_now_and_a_founding_that_many_years_before(nlp):
    found = run(nlp, "The two sister cities, Taichung and Winnipeg, marked 20 years of ties in 2019.")
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("renewed", "2019"), ("established", "1999")}


def test_a_date_still_to_come_does_not_date_a_tie_already_made(nlp):
    text = "Taipei will host the mayors of its sister cities, including Houston and Manila, next month."
    found = run(nlp, text, published=dt.date(2024, 5, 1))
    assert found and all(m.event.value == "established" and m.date is None for m in found)
    [m] = run(nlp, "Taipei and Houston will sign a sister city agreement next month.", published=dt.date(2024, 5, 1))
    assert m.event.value == "proposed" and m.date is not None and m.date.iso() == "2024-06"


def test_an_anniversary_with_only_the_founding_dated_is_kept_that_many_years_on(nlp):
    from models.records import Event

    found = run(nlp, "Hsinchu County and Santa Clara County renewed their sister-county agreement on the 30th "
                     "anniversary of the tie, first signed in 1994.")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2024"), (Event.ESTABLISHED, "1994")}


def test_an_anniversary_kept_this_year_counts_from_the_one_date_given(nlp):
    from models.records import Event

    found = run(nlp, "新竹市與美國加州聖荷西市早在1986年即締結為姊妹市，今年適逢締盟35週年，市長特別錄製影片祝賀。",
                published=dt.date(2021, 6, 1), lang="zh")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2021"), (Event.ESTABLISHED, "1986")}


def test_a_tie_described_with_since_is_dated(nlp):
    [m] = run(nlp, "Portland has been Kaohsiung's sister city since 1988.")
    assert (m.b.name, m.date.iso()) == ("Portland", "1988")


@pytest.mark.parametrize("text, iso, precision", [
    ("Mayor Hayashi visited Mayor Ko on 21 October this year (2016).", "2016-10-21", D),
    ("The mayors met on October 21 this year (2016).", "2016-10-21", D),
    ("This year (2022) marks the fifth anniversary of the agreement.", "2022", Y),
    ("今年（2022年）是兩縣締盟五週年。", "2022", Y),
    ("今年(九十八年)和雲林褒忠鄉締結姊妹情誼。", "2009", Y),
])
def test_a_year_in_brackets_says_which_year_this_year_is(text, iso, precision):
    # With or without a publication date, and against one that says otherwise.
    assert resolved(text, None) == (iso, precision)
    assert resolved(text, dt.date(2010, 5, 5)) == (iso, precision)


def test_a_date_of_a_named_document_that_is_no_tie_does_not_date_the_tie():
    from extractors.event_dates import nearest_date

    text = "美台雙方在2019年簽署的《台美教育共同倡議》鼓勵交流，新北市與庫比蒂諾市成為友好城市。"
    at = text.index("友好城市")
    assert nearest_date(text, None, [(None, at, at + 4)]) is None
    text = "兩市在2019年簽署的《姊妹市協定》仍然有效。"  # the tie's own document
    assert nearest_date(text, None, [(None, text.index("姊妹市"), 0)]).iso() == "2019"


def test_without_a_publication_date_years_since_count_from_the_latest_year_the_page_names(nlp):
    from extractors.pipeline import collapse, extract
    from models.records import DocumentInput

    text = ("Mayor Hayashi visited Taipei on 21 October this year (2016). It is ten years since Yokohama "
            "and Taipei became partner cities.")
    [result] = extract(nlp, [DocumentInput(key="t", text=text)])
    found = collapse(result.mentions)
    assert ("established", "2006") in {(m.event.value, m.date.iso() if m.date else None) for m in found}


def test_the_age_of_a_relationship_dates_its_founding_but_a_term_does_not():
    from extractors.anniversaries import years_since

    pub = dt.date(2024, 11, 13)
    assert years_since("to discuss expanding their 55-year sister-city relationship", pub).iso() == "1969"
    assert years_since("celebrating a 40-year-old friendship", pub).iso() == "1984"
    assert years_since("the two cities signed a 10-year agreement on port logistics", pub) is None
    assert years_since("日光市と台南市は友好都市協定を結んで10年になる。", pub).iso() == "2014"
    assert years_since("交流協定締結から5年を迎え、記念式典が開かれた。", pub).iso() == "2019"
    assert years_since("新竹市與歐佛蘭公園市締結姊妹市13年，今年", pub).iso() == "2011"
    assert years_since("締結姊妹縣已逾20年，今年", pub) is None  # older than that: no year


def test_without_a_publication_date_an_age_yields_to_the_year_the_sentence_gives(nlp):
    from extractors.pipeline import collapse, extract
    from models.records import DocumentInput

    text = ("Mayor Chiang spoke of the close ties between Taipei City and the City of Gold Coast throughout the "
            "cities' 41-year sisterhood, which began in 1982. The mayor visited again in 2025.")
    [result] = extract(nlp, [DocumentInput(key="t", text=text)])
    assert {m.date.iso() for m in collapse(result.mentions) if m.date} == {"1982"}


@pytest.mark.parametrize("text, iso, precision", [
    ("於本月5日簽署", "2024-03-05", D),
    ("先月28日に締結した", "2024-02-28", D),
    ("今月5日に締結した", "2024-03-05", D),
    ("先月末に締結した", "2024-02", M),
    ("中華民國一百零一年簽署", "2012", Y),
    ("民國一百一十三年簽署", "2024", Y),
])
def test_days_of_this_or_last_month_and_roc_years_in_hundreds(text, iso, precision):
    assert resolved(text) == (iso, precision)


def test_a_press_releases_dateline_dates_no_signing():
    from extractors.event_dates import nearest_date
    from extractors.lexicon import relations_in

    text = ("Taipei, Republic of China (Taiwan) (18 November 2025) — the Ambassador emphasized the importance of "
            "sister-city agreements.")
    assert nearest_date(text, dt.date(2025, 11, 19), relations_in(text)) is None


def test_a_passage_whose_sides_come_from_the_sentence_before_takes_its_day(nlp):
    found = run(nlp, "Mayor Lu Shiow-yen of Taichung welcomed Kumamoto Governor Takashi Kimura at City Hall today. "
                     "The two sides signed a memorandum on youth exchanges.", published=dt.date(2024, 11, 13))
    assert {(m.b.name, m.date.iso() if m.date else None) for m in found} == {("Kumamoto", "2024-11-13")}


def test_on_the_28th_is_a_day_of_the_publications_month_or_the_one_before():
    pub = dt.date(2024, 3, 15)
    assert [d.date.iso() for d in find_dates("signed the agreement on the 12th", pub)] == ["2024-03-12"]
    assert [d.date.iso() for d in find_dates("signed the agreement on the 28th", pub)] == ["2024-02-28"]
    assert find_dates("on the 12th anniversary of the ties", pub) == []


def test_decades_ago_count_back_ten_years_each():
    pub = dt.date(2024, 3, 15)
    assert [d.date.iso() for d in find_dates("a decade ago", pub)] == ["2014"]
    assert [d.date.iso() for d in find_dates("two decades ago", pub)] == ["2004"]
