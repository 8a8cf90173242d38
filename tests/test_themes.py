"""Themes of a partnership sentence, from the keyword lexicon in data/themes.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run

from extractors.themes import DEFAULT_PATH, find_themes, load_lexicon, themes_of
from models.errors import ConfigError
from models.records import Theme

T = Theme


@pytest.mark.parametrize("text, themes", [
    ("The agreement will expand trade and bring students from both cities together.",
     (T.ECONOMY_TRADE, T.EDUCATION_YOUTH)),
    ("The MOU promotes investment, agricultural products and fruit exports.",
     (T.ECONOMY_TRADE, T.AGRICULTURE_FOOD)),
    ("Both sides will hold a music festival and open a museum exhibition.", (T.CULTURE_ARTS,)),
    ("The mayor hopes to attract more tourists and launch direct flights.", (T.TOURISM,)),
    ("They will share smart city solutions and support semiconductor startups.",
     (T.TECHNOLOGY_SMART_CITY,)),
    ("Taipei donated masks and medical supplies during the COVID-19 pandemic.", (T.HEALTH,)),
    ("The partners pledged to cut carbon emissions and expand renewable energy.",
     (T.ENVIRONMENT_SUSTAINABILITY,)),
    ("Young baseball players and marathon runners will visit each year.",
     (T.EDUCATION_YOUTH, T.SPORTS)),
    ("The cities will cooperate on earthquake and typhoon preparedness.",
     (T.DISASTER_RESILIENCE,)),
    ("The mayor praised their shared values of democracy and human rights.",
     (T.GOVERNANCE_POLITICS,)),
    ("雙方將深化經貿與農業交流，並推動青年學生互訪。",
     (T.ECONOMY_TRADE, T.AGRICULTURE_FOOD, T.EDUCATION_YOUTH)),
    ("兩市將在智慧城市領域合作。", (T.TECHNOLOGY_SMART_CITY,)),
    ("雙方將加強文化藝術與觀光旅遊交流。", (T.CULTURE_ARTS, T.TOURISM)),
    ("兩市同意在醫療防疫、環境永續及減碳方面合作。", (T.HEALTH, T.ENVIRONMENT_SUSTAINABILITY)),
    ("雙方將舉辦棒球與體育交流，並分享防災救災經驗。", (T.SPORTS, T.DISASTER_RESILIENCE)),
    ("兩市長肯定彼此的民主價值與市政經驗。", (T.GOVERNANCE_POLITICS,)),
])
def test_themes_of_a_sentence(text, themes):
    assert themes_of(text) == themes


@pytest.mark.parametrize("text", [
    "The article was published by the party on its website.",
    "The city uses state-of-the-art equipment.",
    "The two mayors held fruitful talks on important matters.",
    "Police opened an investigation into the smart phone theft.",
    "The city hall partnered with its counterpart as a last resort.",
    "The mayor visited Sapporo and signed the sister city agreement.",
    "雙方市長簽署姊妹市協定。",
])
def test_sentences_without_a_theme(text):
    assert themes_of(text) == ()


def test_themes_come_in_taxonomy_order_without_repeats():
    text = "Students, schools and universities will join trade fairs and trade missions."
    assert themes_of(text) == (T.ECONOMY_TRADE, T.EDUCATION_YOUTH)


def test_offsets_point_at_the_keyword():
    text = "To boost Investments, the cities signed an MOU on smart-city projects."
    hits = find_themes(text)
    assert [(text[h.start:h.end], h.theme, h.keyword) for h in hits] == [
        ("Investments", T.ECONOMY_TRADE, "investment*"),
        ("smart-city", T.TECHNOLOGY_SMART_CITY, "smart city"),
    ]


def test_chinese_offsets_and_overlaps():
    text = "推動循環經濟與智慧城市"
    hits = find_themes(text)
    assert [(text[h.start:h.end], h.theme) for h in hits] == [
        ("循環經濟", T.ENVIRONMENT_SUSTAINABILITY),  # not 經濟 for the economy
        ("智慧城市", T.TECHNOLOGY_SMART_CITY),
    ]
    # No spaces in Chinese: '擴大學生' is 擴大 + 學生, found though 大學 starts first.
    assert "學生" in [h.keyword for h in find_themes("擴大學生互訪")]


def test_wildcards_and_word_boundaries():
    assert themes_of("economic and economies") == (T.ECONOMY_TRADE,)
    assert themes_of("an artist and the arts") == (T.CULTURE_ARTS,)
    assert themes_of("articles, artificial lakes, parties") == ()
    assert themes_of("net-zero, net zero and netzero goals") == (T.ENVIRONMENT_SUSTAINABILITY,)
    assert themes_of("TRADE") == (T.ECONOMY_TRADE,)


def test_lexicon_lists_every_theme_in_both_languages():
    lexicon = load_lexicon()
    for lang in ("en", "zh"):
        assert {theme for theme, _ in lexicon.entries[lang] if theme} == set(Theme)


def test_lexicon_is_cached():
    assert load_lexicon() is load_lexicon(DEFAULT_PATH)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "themes.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_custom_lexicon(tmp_path):
    lexicon = load_lexicon(write(tmp_path, '[sports]\nen = ["pétanque", "bowl*"]\nzh = ["保齡球"]\n'))
    assert themes_of("Bowling and pétanque, 保齡球", lexicon) == (T.SPORTS,)
    assert themes_of("trade", lexicon) == ()


def test_malformed_toml_is_a_config_error(tmp_path):
    path = write(tmp_path, "[sports\nen = [")
    with pytest.raises(ConfigError) as err:
        load_lexicon(path)
    assert err.value.where == str(path)


def test_every_problem_is_reported_at_once(tmp_path):
    path = write(tmp_path, """
[sport]
en = ["golf"]
[sports]
en = ["ba*seball", "golf"]
zh = "棒球"
colour = "red"
[health]
en = ["golf"]
""")
    with pytest.raises(ConfigError) as err:
        load_lexicon(path)
    problems = " | ".join(err.value.problems)
    assert len(err.value.problems) == 5, problems
    assert "unknown theme 'sport'" in problems
    assert "'ba*seball'" in problems
    assert "zh must be a list" in problems
    assert "unknown key 'colour'" in problems
    assert "'golf' already in [sports]" in problems


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_lexicon(tmp_path / "nope.toml")


def test_an_economic_and_cultural_office_is_no_cultural_theme():
    from extractors.pair_wording import themes_around

    text = "The summit, organized by the Taipei Economic and Cultural Office in Guam, ended with a signing."
    assert Theme.CULTURE_ARTS not in themes_around(text, "")
    assert Theme.CULTURE_ARTS in themes_around("The two cities will hold cultural exchanges.", "")
    assert Theme.CULTURE_ARTS not in themes_around("駐休士頓台北經濟文化辦事處處長出席。", "")


def test_simplified_and_japanese_characters_read_like_traditional_ones():
    traditional = themes_of("兩市將在經貿、醫療、環境保護等領域合作")
    assert themes_of("两市将在经贸、医疗、环境保护等领域合作") == traditional
    assert Theme.ECONOMY_TRADE in themes_of("経済交流を進める")


def test_of_a_pairs_records_of_different_events_the_older_keeps_only_its_own_themes():
    from extractors.pair_scorer import background
    from models.records import DatePrecision, Event, EventDate, Evidence, Mention, Place, Relation
    import datetime as dt

    tw = Place(id="TW-TNN", name="Tainan", country="TW", level="special_municipality")
    jp = Place(id="gn:1", name="Sendai", country="JP", level="city")

    def record(event: Event, year: int) -> Mention:
        return Mention(a=tw, b=jp, a_text="Tainan", b_text="Sendai", relation=Relation.FRIENDSHIP, event=event,
                       date=EventDate(value=dt.date(year, 1, 1), precision=DatePrecision.YEAR),
                       evidence=Evidence(text="x", start=0, end=1), confidence=0.9)
    renewed, again = record(Event.RENEWED, 2015), record(Event.ESTABLISHED, 2023)
    assert background(renewed, [renewed, again]) and not background(again, [renewed, again])


def test_a_pair_only_a_tables_rows_state_keeps_only_the_themes_its_row_names(nlp):
    text = ("Sister Cities of Tacoma\nCity\tCountry\tYear\nKitakyushu\tJapan\t1959\nKaohsiung\tTaiwan\t1974\n"
            "George\tSouth Africa\t1996\n"
            "The Kitakyushu partnership has focused on trade, tourism and school exchanges, with a cultural festival "
            "every summer.")
    found = run(nlp, text, published=dt.date(2023, 5, 1), title="Sister Cities | City of Tacoma",
                url="https://www.cityoftacoma.org/sistercities")
    # (and 'the Kitakyushu partnership' on Tacoma's page is Tacoma's, not Kaohsiung's)
    assert [(m.a.name, m.b.name, m.themes) for m in found if m.a.country == "TW"] == [("Kaohsiung", "Tacoma", ())]
