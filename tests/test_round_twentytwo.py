"""The twenty-second round: themes. The theme model weighs where a theme's
words stand, never which theme it is; partners of one signing share its
themes; words that only date or dress a story (the pandemic's name, the
food a city is known for, a site's news section) name no field of
cooperation."""

from __future__ import annotations

from extractors.theme_scorer import ThemeCue, shared_signing, theme_features
from extractors.themes import themes_of
from models.records import Event, Evidence, Level, Mention, Place, Relation, Theme

TAINAN = Place(id="TW-TNN", name="Tainan", country="TW", level=Level.SPECIAL_MUNICIPALITY)
AOMORI = Place(id="iso:JP-02", name="Aomori Prefecture", country="JP", level=Level.PREFECTURE)
HIROSAKI = Place(id="gn:2112527", name="Hirosaki", country="JP", level=Level.CITY)
SEOUL = Place(id="gn:1835848", name="Seoul", country="KR", level=Level.CITY)

SIGNING = "Tainan signed a MOU with Aomori Prefecture and Hirosaki City on Dec 4."


def _mention(b: Place, themes: tuple[Theme, ...], evidence: str = SIGNING, event: Event = Event.ESTABLISHED
             ) -> Mention:
    return Mention(a=TAINAN, b=b, a_text="Tainan", b_text=b.name, relation=Relation.MOU, event=event,
                   evidence=Evidence(text=evidence, start=0, end=len(evidence)), confidence=0.9, themes=themes)


# ---------------------------------------------------------------- no theme of its own

def test_the_theme_features_are_the_same_names_whichever_theme_is_weighed():
    cues = [{"tourism": ThemeCue(evidence=1), "sports": ThemeCue(following=2, distance=1)}]
    args = ({"tourism": 2, "sports": 1}, 10, "en", {"tourism": 1})
    tourism, sports = theme_features("tourism", cues, *args), theme_features("sports", cues, *args)
    assert set(tourism) == set(sports)
    assert not any(t in name for name in tourism for t in ("tourism", "sports"))
    assert tourism["evidence"] > 0 and sports["evidence"] == 0 and sports["following"] > 0


# ---------------------------------------------------------------- one signing, one set of themes

def test_partners_of_one_signing_share_the_themes_either_got():
    got = shared_signing([_mention(AOMORI, (Theme.AGRICULTURE_FOOD, Theme.TOURISM)),
                          _mention(HIROSAKI, (Theme.AGRICULTURE_FOOD, Theme.SPORTS))])
    assert [m.themes for m in got] == [(Theme.AGRICULTURE_FOOD, Theme.TOURISM, Theme.SPORTS)] * 2


def test_a_partner_the_model_gave_no_theme_keeps_none():
    listed = "Tainan's sister cities include Aomori Prefecture and Hirosaki."
    got = shared_signing([_mention(AOMORI, (Theme.TOURISM,), listed), _mention(HIROSAKI, (), listed)])
    assert [m.themes for m in got] == [(Theme.TOURISM,), ()]


def test_other_sentences_and_other_events_are_not_shared():
    got = shared_signing([_mention(AOMORI, (Theme.TOURISM,)),
                          _mention(HIROSAKI, (Theme.SPORTS,), event=Event.RENEWED),
                          _mention(SEOUL, (Theme.HEALTH,), "Tainan and Seoul signed a MOU.")])
    assert [m.themes for m in got] == [(Theme.TOURISM,), (Theme.SPORTS,), (Theme.HEALTH,)]


# ---------------------------------------------------------------- words that name no field

def test_the_pandemic_by_name_dates_a_story_and_names_no_health_cooperation():
    assert themes_of("The visit was postponed by COVID-19 and the coronavirus outbreak.") == ()
    assert themes_of("Tainan donated face masks and medical supplies.") == (Theme.HEALTH,)


def test_food_a_city_is_known_for_is_no_agriculture_but_seafood_and_farming_are():
    assert themes_of("Taichung is known for sightseeing and food.") == (Theme.TOURISM,)
    assert themes_of("The two cities will promote seafood and farming.") == (Theme.AGRICULTURE_FOOD,)


def test_sustainable_development_and_one_china_are_boilerplate():
    assert themes_of("Both cities share a vision of sustainable development.") == ()
    assert themes_of("Beijing insisted on its one China principle.") == ()
    assert themes_of("The cities will cooperate on renewable energy.") == (Theme.ENVIRONMENT_SUSTAINABILITY,)


def test_a_site_news_section_and_public_works_are_no_governance_but_governing_experience_is():
    assert themes_of("首頁 > 市政新聞 > 台南市長出訪") == ()
    assert themes_of("對台南市的市政建設印象深刻") == ()
    assert themes_of("雙方交流市政經驗") == (Theme.GOVERNANCE_POLITICS,)


# ---------------------------------------------------------------- the pair, however it is called

def test_a_sentence_about_the_two_islands_or_the_two_counties_is_talk_about_the_tie():
    from extractors.pair_wording import COOPERATION_TALK

    for text in ("The two islands share strengths in tourism and agriculture.",
                 "The two counties plan joint farming projects.",
                 "兩縣將在觀光方面加強往來", "両市は観光で協力する", "両県の連携を深める"):
        assert COOPERATION_TALK.search(text), text
    assert not COOPERATION_TALK.search("The mayor then toured a tea plantation.")


def test_themes_named_after_the_sentence_that_proposes_the_tie_are_kept(nlp):
    from conftest import run

    text = ("The Yilan County Council on Thursday approved a proposal to establish sister-county relations with "
            "Maui County, Hawaii, paving the way for a signing ceremony expected in May. County Commissioner "
            "Lin Zi-miao said the two islands share strengths in tourism and agriculture.")
    got = {m.b.name: set(m.themes) for m in run(nlp, text, lang="en")}
    assert got == {"Maui County": {Theme.TOURISM, Theme.AGRICULTURE_FOOD}}


# ---------------------------------------------------------------- a founding behind a plan

def test_a_vote_to_renew_an_agreement_first_signed_long_ago_plans_the_renewal_and_dates_the_founding(nlp):
    from conftest import run
    import datetime as dt

    text = ("The City Council on Tuesday voted to renew Sacramento's sister-city agreement with Taichung, "
            "Taiwan, first signed in 1986.")
    got = {(m.event.value, m.date.iso() if m.date else None)
           for m in run(nlp, text, published=dt.date(2023, 7, 1), lang="en")}
    assert got == {("proposed", "2023-06-27"), ("established", "1986")}


def test_a_tie_first_signed_long_ago_is_still_a_founding():
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("Taipei and Austin first signed an agreement in 1986.") == (Event.ESTABLISHED, True)


# ---------------------------------------------------------------- plans of a meeting, districts at a sentence's start

def _ties(nlp, text, published=None):
    from conftest import run
    import datetime as dt

    return {(m.a.name, m.b.name, m.event.value) for m in run(nlp, text, published=published or dt.date(2020, 11, 11),
                                                              lang="en")}


def test_a_plan_agreed_in_the_meeting_the_sentence_opens_with_is_the_pairs_plan(nlp):
    text = ("New Taipei Mayor Hou Yu-ih and Sendai Mayor Kazuko Kori held an online meeting on Tuesday, where "
            "they agreed to explore a friendship-city agreement, officials said.")
    assert _ties(nlp, text) == {("New Taipei", "Sendai", "proposed")}


def test_working_toward_an_agreement_plans_it_and_working_toward_more_exchanges_plans_nothing():
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("The two cities agreed to work toward a friendship-city agreement.")[0] is Event.PROPOSED
    assert event_of("Both cities are moving towards establishing sister-city ties.")[0] is Event.PROPOSED
    assert event_of("The sister cities will work toward deeper cooperation in trade.")[0] is not Event.PROPOSED


def test_a_korean_district_at_the_start_of_a_sentence_keeps_its_unit_word_and_is_the_party(nlp):
    text = "Busanjin District of Busan and Lingya District of Kaohsiung signed a sister-district agreement on Friday."
    assert _ties(nlp, text) == {("Lingya", "Busanjin District", "established")}


# ---------------------------------------------------------------- a mayor of a city written by sound; a tie's Nth year

def test_the_mayor_of_a_city_written_by_sound_after_its_state_speaks_for_that_city(nlp):
    from conftest import run
    import datetime as dt

    text = "新北市長侯友宜15日與來訪的美國奧克拉荷馬州塔爾薩市長畢能簽署友好城市協定。"
    got = {(m.b.name, m.b.country) for m in run(nlp, text, published=dt.date(2023, 5, 16), lang="zh")}
    assert got == {("Tulsa", "US")}


def test_a_two_character_word_before_a_mayor_is_no_city():
    from extractors.cjk_extra_names import locate_unknown_towns
    from extractors.gazetteer.index import load_gazetteer
    from models.settings import Settings
    from extractors.place_cues import PlaceSpan

    gaz = load_gazetteer(Settings().cache_dir)
    california = next(p for p in gaz.foreign_lookup("California") if p.level is Level.STATE)
    text = "加州台裔市長陳某出席活動"
    spans = [PlaceSpan(0, 2, "加州", "foreign", place=california)]
    locate_unknown_towns(text, spans, gaz.world)
    assert [s.text for s in spans if s.kind == "foreign"] == []


def test_a_partnerships_thirteenth_year_is_kept_now_and_counts_back_to_the_founding(nlp):
    from conftest import run
    import datetime as dt

    text = ("Tainan and Sendai, which became friendship cities in 2006, celebrated the partnership's 13th year "
            "with a lantern exhibition in Sendai on Wednesday.")
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2019, 4, 18))}
    assert got == {("renewed", "2019-04-17"), ("established", "2006")}


def test_a_name_heard_exactly_goes_to_the_city_readers_know_over_a_smaller_near_namesake():
    from extractors.gazetteer.index import load_gazetteer
    from extractors.gazetteer.transliteration import by_sound
    from models.settings import Settings

    world = load_gazetteer(Settings().cache_dir).world
    assert by_sound(world, "帕莎迪納市", "US", "California", (Level.CITY,)).name == "Pasadena"
    assert by_sound(world, "塔爾薩市", "US", "Oklahoma", (Level.CITY,)).name == "Tulsa"


# ---------------------------------------------------------------- a headline never counts against a pair

def test_a_headline_that_names_the_pair_does_not_lower_its_confidence(nlp):
    from conftest import run
    import datetime as dt

    text = "屏東縣政府昨天與日本鹿兒島縣南大隅町締結友好交流協定，由縣長潘孟安與町長石畑博透過視訊簽署。"
    bare = run(nlp, text, published=dt.date(2021, 3, 15), lang="zh")
    titled = run(nlp, text, published=dt.date(2021, 3, 15), lang="zh", title="屏東縣與日本鹿兒島縣南大隅町締結友好交流協定")
    assert [m.b.name for m in titled] == [m.b.name for m in bare] == ["Minamiosumi"]
    assert titled[0].confidence >= bare[0].confidence >= 0.8


# ---------------------------------------------------------------- a village in a Taiwanese town

def test_a_village_the_text_places_in_a_taiwanese_town_is_no_foreign_namesake(nlp):
    from conftest import run
    import datetime as dt

    text = ("The delegation from Westmont, Illinois, visited Hsinchu County to mark the sister-county ties. "
            "Its last stop was Xinglong Village in Hukou Township and Fuxing Village in Emei Township, where "
            "villagers showed the visitors how tea is made.")
    got = {(m.a.name, m.b.name, m.b.country) for m in run(nlp, text, published=dt.date(2018, 4, 10))}
    assert got == {("Hsinchu County", "Westmont", "US")}


# ---------------------------------------------------------------- a signing that upgrades

def test_a_pact_signed_to_upgrade_a_tie_renews_it_and_one_to_be_signed_plans_it():
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("The two mayors signed a pact on Monday to upgrade their friendship ties to sister-city "
                    "status.")[0] is Event.RENEWED
    assert event_of("The two mayors will sign an agreement to renew the sister-city ties next month.")[0] \
        is Event.PROPOSED
    assert event_of("Taipei and Prague signed an agreement to establish sister city ties.")[0] is Event.ESTABLISHED


# ---------------------------------------------------------------- a Japanese council voting on its city's tie

def test_a_japanese_council_voting_to_end_its_citys_tie_speaks_for_the_city(nlp):
    from conftest import run
    import datetime as dt

    text = "石垣市議会は9日、台湾・蘇澳鎮との姉妹都市提携を解消する議案を可決した。"
    got = {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None)
           for m in run(nlp, text, published=dt.date(2016, 11, 10), lang="ja")}
    assert got == {("Su'ao", "Ishigaki", "terminated", "2016-11-09")}


def test_councils_that_sign_with_each_other_are_still_no_governments(nlp):
    from conftest import run
    import datetime as dt

    text = "京都市会と台南市議会は友好交流協定を締結した。"
    assert run(nlp, text, published=dt.date(2021, 6, 30), lang="ja") == []


# ---------------------------------------------------------------- a head named after a foreign dateline

def test_a_mayor_or_governor_named_after_a_foreign_dateline_leads_that_city_or_its_state(nlp):
    from conftest import run
    import datetime as dt

    def ties(text):
        return {(m.a.name, m.b.name, m.b.level.value) for m in run(nlp, text, published=dt.date(2019, 3, 1))}

    assert ties("SACRAMENTO — Mayor Darrell Steinberg on Friday signed a sister-city agreement with Taichung, "
                "Taiwan.") == {("Taichung", "Sacramento", "city")}
    assert ties("HONOLULU — Gov. David Ige on Friday signed a sister-state agreement with Taiwan's Taitung "
                "County.") == {("Taitung", "Hawaii", "state")}


def test_a_visiting_mayor_named_with_his_own_city_after_a_foreign_dateline_is_not_the_datelines(nlp):
    from conftest import run
    import datetime as dt

    text = "SENDAI — Mayor Lai Ching-te of Tainan on Friday signed a friendship agreement with Sendai."
    got = {(m.a.name, m.b.name) for m in run(nlp, text, published=dt.date(2019, 3, 1))}
    assert got == {("Tainan", "Sendai")}


# ---------------------------------------------------------------- a second agreement of the same pair

def test_a_second_agreement_the_same_city_also_signed_is_its_own_record(nlp):
    from conftest import run
    import datetime as dt

    for text, lang in (("Oita signed a friendship agreement with Taichung in 2013. In 2019 it also signed a "
                        "memorandum on disaster prevention.", "en"),
                       ("大分市は2013年に台湾の台中市と友好交流協定を締結した。また、2019年には防災協力に関する覚書を交わした。", "ja")):
        got = {(m.relation.value, m.date.iso() if m.date else None)
               for m in run(nlp, text, published=dt.date(2024, 1, 10), lang=lang)}
        assert got == {("friendship", "2013"), ("mou", "2019")}, lang


def test_exchanging_a_signed_memorandum_is_a_signing_and_exchanging_views_is_not():
    from extractors.lexicon import event_of

    assert event_of("両市は協定書を取り交わした。")[1]
    assert not event_of("両市長は意見を交わした。")[1]
