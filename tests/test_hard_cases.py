"""The hard cases real news throws at extraction, each on a text written here."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.pipeline import collapse, extract
from models.records import DocumentInput, Event, Relation
from conftest import run


def test_a_municipality_in_a_province_in_a_country(nlp):
    text = ("Changjhih Township established a sister-city relationship with the Municipality of Dingalan "
            "in Aurora Province, Philippines, to promote exchanges in agriculture and fisheries.")
    [m] = run(nlp, text)
    assert (m.a.id, m.b.country) == ("TW-PIF-changzhi", "PH")
    assert m.b.name.startswith("Dingalan") and m.relation is Relation.SISTER
    assert "agriculture_food" in m.themes


def test_the_lithuanian_city_refers_back_to_the_city_just_named(nlp):
    text = ("Tainan Mayor Huang Wei-che visited Jonava in Lithuania on Monday. "
            "Tainan and the Lithuanian city signed a sister city agreement the same day.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Tainan", "Jonava")}


def test_the_japanese_city_is_the_city_just_named_not_the_prefecture_locating_it(nlp):
    text = ("Yilan County Magistrate Lin Zi-miao met a delegation from Ishigaki, Okinawa, on Tuesday. "
            "The county and the Japanese city have been sister cities since 1995.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Yilan", "Ishigaki")}


@pytest.mark.parametrize("text", [
    "Taiwan's Ministry of Economic Affairs signed an MOU with the Czech Ministry of Industry and Trade.",
    "The Port of Kaohsiung signed a cooperation agreement with the Port of Rotterdam.",
    "Taichung-based Giant Manufacturing signed a supply agreement with a firm in Osaka.",
    "Tainan-born pianist Chen signed a recording agreement with a label in Osaka.",
    "National Taiwan University signed an exchange agreement with the University of Tokyo.",
    "The Taipei City Council and the Prague City Council signed a memorandum on parliamentary exchange.",
])
def test_national_bodies_ports_companies_universities_and_councils_are_not_sides(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text,country", [
    ("Hsinchu County signed a friendship agreement with Santa Maria in Bulacan, the Philippines.", "PH"),
    ("Taichung and Victoria, British Columbia, in Canada signed a sister city agreement.", "CA"),
    ("Kaohsiung and the state of Georgia in the United States signed a sister-state agreement.", "US"),
])
def test_ambiguous_names_are_resolved_by_the_country_the_text_gives(nlp, text, country):
    [m] = run(nlp, text)
    assert m.b.country == country


def test_a_country_in_brackets_places_the_partner(nlp):
    text = ("Tainan City and Wotje Atoll (Republic of the Marshall Islands) formalized their sister city "
            "relationship on October 2.")
    [m] = run(nlp, text)
    assert (m.b.name, m.b.country) == ("Wotje Atoll", "MH")


def test_a_place_missing_from_the_gazetteer_is_kept_as_provisional(nlp):
    text = ("Changzhi Township signed a friendship agreement with the town of Kikuyo in Kumamoto Prefecture, "
            "Japan.")
    [m] = run(nlp, text)
    assert (m.b.name, m.b.country, m.b.provisional) == ("Kikuyo", "JP", True)
    assert m.b.id == "prov:JP:kikuyo"
    # The confidence says how likely the pair is right; the review queue
    # asks an analyst to confirm the new place whatever it is.
    from extractors.decisions import triage
    from models.rows import PartnershipRow

    row = PartnershipRow(key="k", a_id=m.a.id, b_id=m.b.id, relation="friendship", status="active",
                         established=None, established_precision=None, last_event=None, last_event_date=None,
                         first_reported=None, last_reported=None, themes=(), n_mentions=1, n_documents=2,
                         n_sources=2, confidence=0.97, mention_ids=(1,), priority=0.0, reasons=())
    [queued] = triage([row], [], set())
    assert "provisional_place" in queued.reasons and queued.priority > 0


def test_a_termination_is_terminated_and_dated(nlp):
    [m] = run(nlp, "Prague terminated its sister city agreement with Taipei on October 7, 2019.")
    assert (m.event, m.date.iso()) == (Event.TERMINATED, "2019-10-07")


def test_an_anniversary_is_a_renewal_on_its_own_date(nlp):
    found = run(nlp, "Taipei and Houston celebrated the 60th anniversary of their sister city ties on July 30, 2021.")
    # (and the founding the count gives, its year only)
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2021-07-30"), (Event.ESTABLISHED, "1961")}


def test_roc_era_and_chinese_dates(nlp):
    [result] = extract(nlp, [DocumentInput(key="zh", lang="zh", published=dt.date(2021, 3, 6),
                                           text="高雄市與日本熊本市於民國110年3月5日締結姊妹市。")])
    [m] = collapse(result.mentions)
    assert (m.a.name, m.b.name, m.date.iso()) == ("Kaohsiung", "Kumamoto", "2021-03-05")


def test_a_capital_speaking_is_its_national_government(nlp):
    text = ("Tainan suspended all exchanges with its five sister cities in the Philippines until Manila "
            "responds to Taiwan's demands.")
    assert all(m.b.name != "Manila" for m in run(nlp, text))


def test_its_tie_with_a_third_city_belongs_to_the_subject(nlp):
    text = ("The Czech capital Prague signed a sister-city agreement with Taipei in January 2020 after "
            "ending its tie with Beijing.")
    found = {(m.a.name, m.b.name): m.event for m in run(nlp, text)}
    assert found[("Taipei", "Prague")] is Event.ESTABLISHED
    assert ("Taipei", "Beijing") not in found
    # Prague's old tie is a pair too (the corpus labels pairs with no Taiwanese side), and it ended.
    assert found.get(("Prague", "Beijing"), Event.TERMINATED) is Event.TERMINATED


def test_a_chinese_anniversary_of_the_signing_dates_the_founding(nlp):
    found = run(nlp, "今(113)年是臺北市與日本松山市締結友好交流協定10週年。", dt.date(2024, 10, 11), lang="zh")
    assert {m.event: m.date.iso() for m in found} == {Event.RENEWED: "2024", Event.ESTABLISHED: "2014"}


def test_a_background_clause_does_not_set_the_event(nlp):
    text = ("Taipei Mayor Ko Wen-je and Prague Mayor Zdenek Hrib on Monday signed a sister-city agreement, "
            "after Prague canceled a similar agreement with Beijing.")
    found = {(m.a.name, m.b.name): m for m in run(nlp, text, dt.date(2020, 1, 15))}
    m = found[("Taipei", "Prague")]
    assert (m.event, m.date.iso()) == (Event.ESTABLISHED, "2020-01-13")


def test_names_listed_beside_a_known_city_are_cities_of_its_country(nlp):
    # The model takes Yonago, Yasugi and Izumo for organisations; Matsuyama vouches for them.
    text = "Taipei signed a memorandum of understanding with Yonago, Matsuyama, Yasugi and Izumo on Friday."
    found = {(m.a.name, m.b.name, m.b.country) for m in run(nlp, text)}
    assert found == {("Taipei", city, "JP") for city in ("Yonago", "Matsuyama", "Yasugi", "Izumo")}


def test_a_list_lends_its_country_only_to_names_that_are_places_there(nlp):
    doc = nlp("Taipei signed a memorandum of understanding with Yonago, Matsuyama, Nowhereville and Izumo on Friday.")
    places = {s.text: s for s in doc._.places if s.kind == "foreign"}
    assert set(places) == {"Yonago", "Matsuyama", "Izumo"}, "a made-up name stays a name"
    assert places["Izumo"].notes == ["listed"] and places["Izumo"].place.country == "JP"


def test_as_planned_is_not_a_plan(nlp):
    text = ("Tainan's other sister cities, Columbus in the US state of Georgia and Sendai in Japan, are not "
            "affected, and exchange programmes with both would continue as planned this year.")
    events = {(m.b.name, m.event) for m in run(nlp, text)}
    assert events and all(event is not Event.PROPOSED for _, event in events), events


def test_years_since_a_founding_count_back_from_publication(nlp):
    text = "It is ten years since Yokohama and Taipei became partner cities, the mayor said."
    [m] = run(nlp, text, published=dt.date(2016, 10, 21))
    assert (m.event, m.date.iso()) == (Event.ESTABLISHED, "2006")


def test_two_ties_of_one_pair_keep_their_own_dates(nlp):
    text = ("Taipei and Seoul signed a memorandum of understanding on youth affairs on Monday. "
            "The two cities have been sister cities since 1968.")
    found = run(nlp, text, published=dt.date(2023, 9, 26))
    dates = {m.relation: m.date.iso() for m in found if m.event is Event.ESTABLISHED and m.date}
    assert dates == {Relation.MOU: "2023-09-25", Relation.SISTER: "1968"}


def test_an_anniversary_in_chinese_numerals_with_no_date_is_kept_the_year_of_writing(nlp):
    found = run(nlp, "今年是台南市與日本京都市締盟四週年。", dt.date(2025, 12, 16), lang="zh")
    assert {m.event: m.date.iso() for m in found} == {Event.RENEWED: "2025", Event.ESTABLISHED: "2021"}


def test_an_english_anniversary_with_no_date_is_a_renewal_the_year_of_writing(nlp):
    text = "His visit coincides with the 55th anniversary of the sister city agreement between Taipei and Seoul."
    found = {m.event: m.date for m in run(nlp, text, dt.date(2023, 9, 22))}
    # The agreement's own date is not stated: an anniversary 'of the agreement' dates no signing.
    assert found[Event.RENEWED].iso() == "2023"


def test_it_at_the_head_of_a_sentence_is_the_town_the_sentence_before_began_with(nlp):
    # Mugi is a town GeoNames lacks; 'The town of' says it is a government,
    # and Japan is the one foreign country the text names.
    text = ("The town of Mugi is located on the southern coast of Tokushima Prefecture in Shikoku, Japan. "
            "It became sister towns with Puyan Township in Changhua County on July 22, 1983.")
    doc = nlp(text)
    mugi = next(p for p in doc._.places if p.text == "Mugi")
    assert mugi.place.country == "JP" and mugi.place.provisional
    found = {(c.mentions[0].a.name, c.mentions[0].b.name): c for c in doc._.candidates}
    assert found[("Puyan", "Mugi")].features["subject_anaphor"] == 1.0
    assert found[("Puyan", "Mugi")].mentions[0].date.iso() == "1983-07-22"


def test_a_sister_port_deal_is_no_tie_between_the_port_cities():
    from extractors.lexicon import relations_in

    assert relations_in("The ports of Kaohsiung and Busan signed a sister port agreement on 29 August.") == []
    assert relations_in("高雄港與釜山港簽署姊妹港協定") == []
    assert relations_in("Kaohsiung and Busan signed a sister city agreement.")


def test_a_friendly_city_in_a_title_names_no_town_called_friendly():
    from extractors.place_cues import not_a_place

    title = "Taipei City and Shizuoka City Sign a Memorandum on Friendly City Exchanges"
    start = title.index("Friendly")
    assert not_a_place(title, start, start + len("Friendly City"))


def test_an_enumeration_of_ties_gives_each_partner_its_own_item_date_and_kind(nlp):
    text = ("黨部主任委員表示,北市府過去曾多次以城市對城市對外交流,例如1999年與柏斯市簽署友誼憲章、"
            "2000年與韓國京畿道簽署促進友好合作備忘錄、2006年與日本橫濱市簽屬夥伴市協議、2016年與基多市締結姊妹市。")
    from extractors.pair_wording import enumerated_item

    start, end = enumerated_item(text, text.index("橫濱"))
    assert text[start:end] == "2006年與日本橫濱市簽屬夥伴市協議"
    assert enumerated_item("台北市與布拉格締結姊妹市、雙方將合作", 8) is None  # one tie, then talk
    found = {m.b.name: m for m in run(nlp, text, lang="zh")}
    assert found["Perth"].relation is Relation.FRIENDSHIP and found["Perth"].date.value.year == 1999


def test_an_office_named_after_a_city_is_no_party_in_any_character_set():
    from extractors.chinese import build_chinese_pipeline
    from models.settings import load_settings

    zh = build_chinese_pipeline(str(load_settings().cache_dir))
    for text in ("富里鄉與美唄市簽署友好交流協定，札幌分處處長出席。", "札幌分处处长出席。", "札幌分処長が出席した。",
                 "台北大阪経済文化弁事処を介して交流した。"):
        kinds = {p.place.name: p.kind for p in zh(text)._.places if p.place is not None}
        assert kinds.get("Sapporo", kinds.get("Osaka")) in ("org", "office"), text


def test_the_city_where_taiwans_mission_sits_stands_between_no_pair(nlp):
    # The Sapporo branch facilitated the signing: not a third government between the two sides.
    text = "花蓮縣瑞穗鄉公所在台北駐日經濟文化代表處札幌分處促成下，今天與日本北海道網走市簽署「友好交流協定」。"
    found = run(nlp, text, lang="zh", published=dt.date(2026, 3, 4))
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found} == {
        ("Ruisui", "Abashiri", "2026-03-04")}


def test_a_name_after_its_country_is_never_a_namesake_elsewhere():
    from extractors.chinese import build_chinese_pipeline
    from models.settings import load_settings

    zh = build_chinese_pipeline(str(load_settings().cache_dir))
    found = {p.text: p.place.country for p in zh("台北市在歐洲有法國凡爾賽市。桃園與美國關島締結姊妹市。")._.places
             if p.place is not None}
    assert found.get("凡爾賽", found.get("凡爾賽市")) in ("FR", None)  # never the Versailles of Kentucky
    assert found["關島"] == "GU"  # a US territory after 美國 is still found


def test_a_name_whose_sister_city_the_text_names_is_a_government(nlp):
    found = {(m.a.name, m.b.name) for m in run(nlp, "A delegation from Chia-Yi City, Murray's sister city in "
                                                    "Taiwan, traveled to Utah to visit Murray.")}
    assert ("Chiayi City", "Murray") in found


def test_the_partners_on_someone_elses_list_are_not_the_newcomers(nlp):
    text = ("Taoyuan City, Taiwan could join Long Beach's list of sister cities - including Yokkaichi, Japan; "
            "Qingdao, China; Sochi, Russia; Phnom Penh, Cambodia; and Mombasa, Kenya.")
    partners_of_taoyuan = {m.b.name for m in run(nlp, text) if m.a.name == "Taoyuan"}
    assert not partners_of_taoyuan & {"Yokkaichi", "Qingdao", "Sochi", "Phnom Penh", "Mombasa"}


def test_a_count_in_chinese_numerals_dates_the_renewal_and_the_founding(nlp):
    text = "新竹市與美國加州庫柏蒂諾市於民國一○八年簽署姊妹市協定，今年適逢締盟五週年。"
    found = run(nlp, text, published=dt.date(2024, 5, 1), lang="zh")
    assert {(m.b.name, m.event, m.date.iso()) for m in found} == {
        ("Cupertino", Event.ESTABLISHED, "2019"), ("Cupertino", Event.RENEWED, "2024")}


@pytest.mark.parametrize("text, lang", [
    ("Taoyuan Mayor Chang San-cheng met Los Angeles officials on Monday to discuss tourism, "
     "but no agreement was signed.", "en"),
    ("台中市與日本大阪市尚未簽署友好城市協定，雙方仍在協商。", "zh"),
])
def test_a_denied_signing_is_no_tie(nlp, text, lang):
    assert run(nlp, text, lang=lang) == []


def test_a_council_approving_its_city_s_tie_acts_for_the_city(nlp):
    text = ("The Irvine City Council voted unanimously Tuesday to approve a sister city relationship "
            "with Hsinchu County, Taiwan.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Hsinchu County", "Irvine")}
    # Councils signing with each other act for themselves.
    assert run(nlp, "The Kaohsiung City Council and the Honolulu City Council signed a memorandum of "
                    "understanding on legislative exchanges on Tuesday.") == []


@pytest.mark.parametrize("text, partner", [
    ("Kumamoto Governor Ikuo Kabashima and Kaohsiung Mayor Chen Chi-mai signed a friendship agreement on Thursday.",
     ("Kumamoto", "prefecture")),
    ("Sendai Mayor Kazuko Kori and Tainan Mayor Huang Wei-che signed an agreement to promote youth exchanges.",
     ("Sendai", "city")),
])
def test_a_place_named_by_its_head_s_title_is_that_government(nlp, text, partner):
    [m] = run(nlp, text)
    assert (m.b.name, m.b.level.value) == partner


def test_a_deputy_s_title_names_no_place(nlp):
    assert run(nlp, "Deputy Mayor Lin met Vice Governor Sato in Taipei to discuss a sister city agreement.") == []


def test_a_mayor_named_by_a_surname_that_is_also_a_city_is_no_partner():
    from extractors.chinese import build_chinese_pipeline
    from models.settings import load_settings

    zh = build_chinese_pipeline(str(load_settings().cache_dir))

    def kinds(text: str) -> dict[str, str]:
        return {p.text: p.kind for p in zh(text)._.places}

    story = "花蓮縣富里鄉與日本北海道美唄市締結友好交流協定，櫻井市長也感謝駐處牽線。"
    assert kinds(story)["櫻井市"] == "person" and kinds(story)["美唄市"] == "foreign"
    # Alone, or named as a city elsewhere, it is the city and its mayor.
    assert kinds("櫻井市長與富里鄉長簽署協定。")["櫻井市"] == "foreign"
    assert kinds("櫻井市與美唄市的代表出席，櫻井市長致詞。")["櫻井市"] == "foreign"


def test_each_phrase_of_a_two_part_headline_is_its_own_sentence():
    from extractors.chinese import build_chinese_pipeline
    from models.settings import load_settings

    zh = build_chinese_pipeline(str(load_settings().cache_dir))
    sentences = [s.text.strip() for s in zh("布拉格與台北締姊妹市  上海解友城關係 - 20200115\n\n全文如下。").sents]
    assert sentences[:2] == ["布拉格與台北締姊妹市", "上海解友城關係 - 20200115"]
    # A table row's columns stay one row, and so does a timeline's dated row.
    for row in ("亞洲   菲律賓 卡拉巴松 黎剎省 2005年10月27日", "平成24年10月\u3000友好交流協定を締結"):
        assert [s.text.strip() for s in zh(row).sents] == [row]


def test_a_town_the_gazetteer_lacks_inside_a_named_prefecture_is_no_namesake_elsewhere(nlp):
    text = ("Yunlin County Magistrate Chang Li-shan signed friendship agreements with Kurayoshi City in Tottori "
            "Prefecture and with the town of Misato in Shimane Prefecture during a visit to Japan.")
    found = {m.b.name: m.b for m in run(nlp, text)}
    assert set(found) == {"Kurayoshi", "Misato"}
    assert (found["Misato"].admin1, found["Misato"].provisional) == ("Shimane", True)


def test_a_friendship_province_or_county_is_a_friendship(nlp):
    [m] = run(nlp, "屏東縣政府與菲律賓北伊羅戈省今日簽署友好省縣協定，雙方將推動農業合作。", lang="zh")
    assert (m.b.name, m.relation) == ("Ilocos Norte", Relation.FRIENDSHIP)


def test_a_tie_named_to_say_who_a_city_is_takes_no_date_from_the_sentence(nlp):
    [m] = run(nlp, "Taipei, which has more than 50 sister cities including Houston, Texas, hosted the forum on Tuesday.")
    assert (m.b.name, m.event, m.date) == ("Houston", Event.ESTABLISHED, None)


def test_a_province_written_with_its_unit_is_the_province_not_its_capital_city(nlp):
    [m] = run(nlp, "臺南市與菲律賓宿霧省締結友好城市，雙方將加強農業技術交流。", lang="zh")
    assert (m.b.name, m.b.level.value) == ("Cebu", "province")
    # The state before 的姊妹市 only says where the sister cities are.
    assert run(nlp, "新北在美國加州的姊妹市代表今日來訪。", lang="zh") == []


def test_a_tie_older_than_a_count_of_years_takes_no_later_date(nlp):
    [m] = run(nlp, "花蓮縣與美國夏威夷州茂宜郡締結姊妹縣已逾20年，今年雙方將擴大文化交流。", lang="zh")
    assert (m.b.name, m.event, m.date) == ("Maui County", Event.ESTABLISHED, None)
    [m] = run(nlp, "花蓮縣與美國夏威夷州茂宜郡於2001年締結姊妹縣，至今已逾20年。", lang="zh")
    assert m.date.iso() == "2001"


def test_each_english_clause_keeps_its_own_tie_and_date(nlp):
    found = run(nlp, "Tainan has been a friendship city of Sendai since 2006, while Taipei and Houston have been "
                     "sister cities since 1961.")
    assert {(m.a.name, m.b.name, m.relation, m.date.iso()) for m in found} == {
        ("Tainan", "Sendai", Relation.FRIENDSHIP, "2006"), ("Taipei", "Houston", Relation.SISTER, "1961")}


def test_a_second_tie_of_the_same_subject_after_and_a_keeps_its_own_partner_kind_and_date(nlp):
    found = run(nlp, "New Taipei City has signed a memorandum of understanding on disaster prevention with Kanagawa "
                     "Prefecture, and a friendship agreement with Saitama City in 2018.")
    assert {(m.b.name, m.relation, m.date.iso() if m.date else None) for m in found} == {
        ("Kanagawa", Relation.MOU, None), ("Saitama", Relation.FRIENDSHIP, "2018")}


@pytest.mark.parametrize("text,lang", [
    ("桃園市與日本成田市於2016年簽署友好城市協定，並於2023年續簽合作備忘錄，擴大在機場城市發展方面的交流。", "zh"),
    ("Taoyuan signed a friendship agreement with Narita in 2016 and renewed a cooperation memorandum in 2023.", "en"),
])
def test_a_later_clause_that_names_no_one_is_a_second_tie_of_the_pair(nlp, text, lang):
    assert {(m.relation, m.event, m.date.iso()) for m in run(nlp, text, lang=lang)} == {
        (Relation.FRIENDSHIP, Event.ESTABLISHED, "2016"), (Relation.MOU, Event.RENEWED, "2023")}


def test_a_first_clause_without_a_date_takes_none_from_the_later_clause(nlp):
    found = run(nlp, "花蓮縣與日本沖繩縣與那國町締結姊妹市已逾40年，今年雙方簽署續約。", lang="zh",
                published=dt.date(2024, 6, 10))
    assert {(m.event, m.date.iso() if m.date else None) for m in found} == {
        (Event.ESTABLISHED, None), (Event.RENEWED, "2024")}


@pytest.mark.parametrize("text,lang", [
    ("台北市與美國鳳凰城在1979年締結姊妹市，2016年續簽合作協定。", "zh"),  # the clause opens with its year
    ("宮古島市と台東市は2009年に友好都市協定を締結し、2019年に協定を更新した。", "ja"),  # after a verb's joining form
])
def test_a_later_clause_opening_with_its_own_year_renews_the_tie_before(nlp, text, lang):
    found = run(nlp, text, lang=lang)
    assert {(m.event, m.date.iso()) for m in found} == {(Event.ESTABLISHED, text[text.index("年") - 4:text.index("年")]),
                                                        (Event.RENEWED, "2016" if lang == "zh" else "2019")}


def test_a_later_clause_naming_the_pair_again_states_its_earlier_tie(nlp):
    found = run(nlp, "新北市長侯友宜今天與日本神奈川縣知事黑岩祐治簽署防災合作備忘錄，這是新北市繼2016年與神奈川縣締結"
                     "友好交流協定後，再次深化合作。", lang="zh")
    assert {(m.relation, m.date.iso()) for m in found} == {(Relation.MOU, "2024-03-25"),
                                                            (Relation.FRIENDSHIP, "2016")}


def test_a_later_clause_is_no_second_tie_where_the_first_states_none(nlp):
    found = run(nlp, "Taoyuan Mayor Cheng met Narita officials in 2016, and signed a friendship agreement "
                     "with Narita in 2023.")
    assert {(m.b.name, m.event, m.date.iso()) for m in found} == {("Narita", Event.ESTABLISHED, "2023")}


def test_a_clause_after_but_keeps_its_own_event_and_takes_no_date_from_the_one_before(nlp):
    found = run(nlp, "Houston has been a sister city of Taipei since 1961, but Kaohsiung hopes to sign its own "
                     "agreement with San Antonio.")
    assert {(m.a.name, m.b.name, m.event, m.date.iso() if m.date else None) for m in found} == {
        ("Taipei", "Houston", Event.ESTABLISHED, "1961"), ("Kaohsiung", "San Antonio", Event.PROPOSED, None)}


def test_the_agreement_beside_one_side_is_the_tie_the_sentence_before_named(nlp):
    found = run(nlp, "The Guam Legislature passed a resolution supporting a sister-island relationship between Guam "
                     "and Penghu County, Taiwan. Governor Lou Leon Guerrero and Penghu County Magistrate Lai Feng-wei "
                     "signed the agreement in March 2019.")
    assert (Event.ESTABLISHED, "2019-03") in {(m.event, m.date.iso() if m.date else None) for m in found
                                              if (m.a.name, m.b.name) == ("Penghu", "Guam")}


def test_a_signing_that_would_happen_is_proposed_and_a_visit_to_mark_years_of_ties_renews(nlp):
    [m] = run(nlp, "The Kaohsiung city government said Mayor Chen would sign a twin city agreement with the Polish "
                   "port city of Gdynia during his trip to Europe next week.")
    assert (m.b.name, m.event) == ("Gdynia", Event.PROPOSED)
    found = run(nlp, "A delegation from Hawaii County led by Mayor Mitch Roth visited Hualien County to mark 10 "
                     "years of sister-county ties.")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2024"), (Event.ESTABLISHED, "2014")}


@pytest.mark.parametrize("text, kept, founded", [
    ("A delegation from Hsinchu City arrived in Beaverton on Tuesday to celebrate 25 years as sister cities.",
     "2024-03-19", "1999"),
    ("Mayor Smith signed a proclamation recognizing the 30th anniversary of the sister city relationship between "
     "Cupertino and Hsinchu City.", "2024", "1994"),
    ("Chiayi City Mayor Huang attended the 35th anniversary celebration of the sister city ties between Chiayi City "
     "and Ichikikushikino.", "2024", "1989"),
    # a year after the tie's anniversary is when it is kept (after 'the signing', it would be the founding)
    ("Taipei and Houston marked the 60th anniversary of their sister city ties in 2021.", "2021", "1961"),
])
def test_an_anniversary_of_the_tie_renews_it_and_dates_its_founding(nlp, text, kept, founded):
    assert {(m.event, m.date.iso()) for m in run(nlp, text)} == {(Event.RENEWED, kept), (Event.ESTABLISHED, founded)}


@pytest.mark.parametrize("text,lang", [
    ("台北市與捷克首都布拉格市在2019年締結姊妹市，中國隨即宣布與布拉格解除姊妹市關係。", "zh"),
    ("Taipei and Prague became sister cities in 2019, and Shanghai then ended its tie with Prague.", "en"),
])
def test_the_clause_naming_the_pair_gives_its_event_not_another_governments_clause(nlp, text, lang):
    found = run(nlp, text, lang=lang)
    assert {(m.a.name, m.b.name, m.event) for m in found} == {("Taipei", "Prague", Event.ESTABLISHED)}


def test_an_agreement_extended_is_renewed_and_its_first_signing_founds_it(nlp):
    found = run(nlp, "The agreement between Hsinchu County and Cupertino, originally signed in 1998, was extended for "
                     "another five years.")
    assert {(m.event, m.date.iso() if m.date else None) for m in found} == {
        (Event.RENEWED, None), (Event.ESTABLISHED, "1998")}


@pytest.mark.parametrize("text,lang", [
    ("台中市長盧秀燕今天訪問美國，拜會姊妹市曼徹斯特市長。", "zh"),  # the partner a visit calls on
    ("台中市の市長は24日、姉妹都市の熊本市を訪問した。", "ja"),  # the cue qualifying the name after it
])
def test_a_visit_to_a_sister_city_does_not_date_the_tie(nlp, text, lang):
    found = run(nlp, text, lang=lang)
    assert [(m.event, m.date) for m in found] == [(Event.ESTABLISHED, None)]


def test_years_since_the_two_cities_made_ties_date_the_founding_from_a_sentence_naming_no_place(nlp):
    found = run(nlp, "台中市長盧秀燕拜會姊妹市曼徹斯特市長。兩市締交已經37年。", lang="zh", published=dt.date(2026, 3, 13))
    assert {(m.b.name, m.event, m.date.iso() if m.date else None) for m in found} == {
        ("Manchester", Event.ESTABLISHED, "1989")}


def test_a_list_with_years_in_brackets_vouches_for_its_members_of_any_country(nlp):
    found = run(nlp, "Keelung's sister cities are Rosemead (1985), Okinawa City (1986) and Puerto Princesa (2010).")
    assert {(m.b.name, m.b.country, m.date.iso()) for m in found} == {
        ("Rosemead", "US", "1985"), ("Okinawa", "JP", "1986"), ("Puerto Princesa", "PH", "2010")}


def test_a_later_clause_after_a_semicolon_and_its_year_renews(nlp):
    found = run(nlp, "In 1979, Taipei and Phoenix signed a sister city agreement; in 2016 the two cities renewed it.")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.ESTABLISHED, "1979"), (Event.RENEWED, "2016")}


@pytest.mark.parametrize("text, lang, partner, date", [
    ("Nantou County Magistrate Hsu Shu-hua visited West Valley City, its sister city of 24 years.", "en",
     "West Valley City", "2000"),
    ("南投縣長許淑華今天接待美國猶他州西谷市市長，兩地締結姊妹市已24年。", "zh", "West Valley City", "2000"),
    ("嘉義縣長翁章梁今天與菲律賓巴丹省長簽署姊妹省縣合作備忘錄。", "zh", "Bataan", "2024-06-15"),
    ("雲林縣與日本山梨縣南阿爾卑斯市今(15)日締結友好交流協定。", "zh", "Minami-Alps", "2024-06-15"),
])
def test_a_partner_of_so_many_years_and_partners_written_in_chinese(nlp, text, lang, partner, date):
    found = run(nlp, text, lang=lang, published=dt.date(2024, 6, 15))
    assert {(m.b.name, m.date.iso() if m.date else None) for m in found} == {(partner, date)}


def test_a_sister_cities_association_and_a_ceremonys_city_are_no_parties(nlp):
    assert run(nlp, "Sister Cities of Tucson board members met with a visiting delegation from Taichung's Xitun "
                    "District on Friday.") == []
    found = run(nlp, "Taiwan's Hsinchu City and Japan's Yatsushiro City formally became friendship cities on Sept. 29, "
                     "2024, at a ceremony in Tokyo.")
    assert {(m.a.name, m.b.name) for m in found} == {("Hsinchu City", "Yatsushiro")}


def test_a_described_tie_that_ended_is_dated_by_its_ending(nlp):
    [m] = run(nlp, "Scottsdale's sister city relationship with Kaohsiung ended in 2016 after years of inactivity.")
    assert (m.event, m.date.iso()) == (Event.TERMINATED, "2016")


def test_a_later_clause_with_a_partner_after_its_country_and_division_and_a_chinese_beginning(nlp):
    found = run(nlp, "屏東縣自2013年起陸續與關島、帛琉、馬紹爾群島等地締結姊妹縣，今年再與日本宮崎縣日南市簽署友好協定。",
                lang="zh", published=dt.date(2024, 6, 10))
    assert ("Nichinan", "2024") in {(m.b.name, m.date.iso() if m.date else None) for m in found}
    [m] = run(nlp, "基隆市與日本宮古島市的姊妹市關係始於2007年。", lang="zh")
    assert (m.b.name, m.date.iso()) == ("Miyakojima", "2007")


@pytest.mark.parametrize("text, pairs", [
    ("Tainan became sister cities with Columbus in 1979, and Sakai in 2014.",
     {("Columbus", "1979"), ("Sakai", "2014")}),
    # a name the model took for a person, after a second 'with' of the same ties
    ("Taoyuan signed friendship city agreements with Narita in 2016 and with Kaga in 2017.",
     {("Narita", "2016"), ("Kaga", "2017")}),
])
def test_each_partner_of_a_list_takes_the_year_written_after_it(nlp, text, pairs):
    assert {(m.b.name, m.date.iso()) for m in run(nlp, text)} == pairs


def test_a_japanese_wire_dateline_is_no_party(nlp):
    found = run(nlp, "【台北共同】台湾南部の高雄市と熊本県八代市は15日、友好交流協定を締結した。", lang="ja")
    assert {(m.a.name, m.b.name) for m in found} == {("Kaohsiung", "Yatsushiro")}


@pytest.mark.parametrize("text, renewed", [
    ("青森県と台湾の台中市は2016年に「友好交流協定」を締結し、昨年9月に協定の期間を延長した。", "2023-09"),
    # this visit's renewal takes no date from the founding's year
    ("鳥取県と台湾の台中市は2016年に友好交流協定を結んでおり、今回の訪問で協定の更新に合意した。", None),
])
def test_a_japanese_later_clause_extending_or_renewing_the_tie(nlp, text, renewed):
    found = run(nlp, text, lang="ja", published=dt.date(2024, 6, 15))
    assert {(m.event, m.date.iso() if m.date else None) for m in found} == {
        (Event.ESTABLISHED, "2016"), (Event.RENEWED, renewed)}


def test_decades_of_ties_count_ten_years_each(nlp):
    found = run(nlp, "Okayama and Hsinchu City celebrated two decades of sister city ties on Friday.")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2024-03-22"), (Event.ESTABLISHED, "2004")}
    found = run(nlp, "Okayama and Hsinchu City marked a decade of friendship in May.", published=dt.date(2024, 6, 10))
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2024-05"), (Event.ESTABLISHED, "2014")}


def test_a_second_object_of_one_signing_dated_apart_is_a_second_tie(nlp):
    found = run(nlp, "New Taipei and Cebu City signed a sister city agreement in 2017 and a memorandum on smart city "
                     "cooperation in 2019.")
    assert {(m.relation, m.date.iso()) for m in found} == {(Relation.SISTER, "2017"), (Relation.MOU, "2019")}
    # dated together, the two objects are one signing
    found = run(nlp, "New Taipei and Cebu City signed a sister city agreement and a memorandum on smart city "
                     "cooperation in 2019.")
    assert {(m.relation, m.date.iso()) for m in found} == {(Relation.SISTER, "2019")}


def test_memorandums_in_the_plural_are_memoranda(nlp):
    found = run(nlp, "The Hsinchu County government has signed memorandums of understanding with Takasaki and "
                     "Isesaki to promote trade.")
    assert {(m.b.name, m.relation) for m in found} == {("Takasaki", Relation.MOU), ("Isesaki", Relation.MOU)}


def test_a_partnership_between_two_governments_is_a_tie(nlp):
    found = run(nlp, "The partnership between Taitung County and Palau's Koror State, formalised in 2012, covers "
                     "tourism and fisheries.")
    assert {(m.a.name, m.b.name, m.relation, m.date.iso()) for m in found} == {
        ("Taitung", "Koror", Relation.OTHER, "2012")}
    assert run(nlp, "The partnership between Taichung City and Acme Corp covers e-bikes.") == []


def test_where_a_trip_went_beside_the_partner_is_no_party(nlp):
    found = run(nlp, "Taoyuan and Jeju Special Self-Governing Province have been friendship cities since 2017, "
                     "Taoyuan Mayor Chang San-cheng said during a visit to Seoul.")
    assert {m.b.name for m in found} == {"Jeju Province"}


def test_island_partners_and_the_possessive_that_locates_them(nlp):
    found = run(nlp, "Penghu County has sister-city ties with Guam and the Northern Mariana Islands' Saipan, and an "
                     "MOU with Okinawa's Miyako Island.")
    assert {(m.b.name, m.b.country, m.relation) for m in found} == {
        ("Guam", "GU", Relation.SISTER), ("Saipan", "MP", Relation.SISTER), ("Miyakojima", "JP", Relation.MOU)}


def test_where_a_countrys_envoy_sits_is_no_party(nlp):
    found = run(nlp, "Tainan Mayor Huang met the Consul General of Japan in Osaka and discussed the city's "
                     "friendship ties with Sendai.")
    assert {m.b.name for m in found} == {"Sendai"}


def test_where_guests_come_from_is_no_party_beside_the_partner_named_after_with(nlp):
    text = ("Kaohsiung hosted mayors from Busan, Fukuoka and Manila at the Asia-Pacific Cities Summit, and signed "
            "a memorandum of understanding with Busan on port cooperation.")
    assert {m.b.name for m in run(nlp, text)} == {"Busan"}
    # an official's city is where the official comes from
    found = run(nlp, "Kaohsiung Mayor Chen met Busan Mayor Park and signed an MOU with Fukuoka on Monday.")
    assert {m.b.name for m in found} == {"Fukuoka"}


def test_chinese_years_since_a_signing_date_the_founding_whatever_a_later_clause_dates(nlp):
    found = run(nlp, "嘉義縣與日本岐阜縣高山市締結友好城市已屆10年，雙方今年將擴大在觀光及教育的交流。",
                published=dt.date(2024, 6, 1), lang="zh")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.ESTABLISHED, "2014")}


def test_a_chinese_signing_on_a_trip_still_to_come_is_proposed(nlp):
    [m] = run(nlp, "屏東縣政府今天表示，縣長周春米將率團前往美國，與德州聖安東尼奧市簽署姊妹市協定。", lang="zh")
    assert (m.b.name, m.event) == ("San Antonio", Event.PROPOSED)


def test_us_counties_in_taiwanese_chinese(nlp):
    found = run(nlp, "連江縣與美國夏威夷州考艾郡締結姊妹縣。", lang="zh")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Lienchiang", "Kauai County", "US")}


def test_a_city_its_division_holds_is_found_whatever_its_size(nlp):
    found = run(nlp, "Chiayi City signed a sister-city agreement with Kanazawa in Ishikawa Prefecture and Imizu in "
                     "Toyama Prefecture.")
    assert {m.b.name for m in found if m.confidence >= 0.5} == {"Kanazawa", "Imizu"}


def test_where_a_summit_or_festival_is_held_is_no_party(nlp):
    found = run(nlp, "The mayor of Tainan attended the Asia-Pacific Cities Summit in Brisbane, where he met "
                     "officials from Kaohsiung's sister city of Busan.")
    assert {(m.a.name, m.b.name) for m in found if m.confidence >= 0.5} == {("Kaohsiung", "Busan")}


def test_a_clause_that_begins_with_today_states_the_pairs_new_tie(nlp):
    found = run(nlp, "澎湖縣與關島於2019年締結姊妹島，今天簽署觀光合作備忘錄，擴大兩地觀光交流。", lang="zh")
    assert {(m.relation, m.date.iso()) for m in found} == {(Relation.SISTER, "2019"), (Relation.MOU, "2024-03-25")}


def test_an_anniversary_counted_from_a_date_after_since_is_kept_that_many_years_on(nlp):
    found = run(nlp, "台南市與日本仙台市自2006年締結友好城市以來交流密切，今年適逢20週年。", lang="zh",
                published=dt.date(2026, 5, 1))
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2026"), (Event.ESTABLISHED, "2006")}


def test_an_aside_dates_the_founding_apart_from_the_main_clauses_renewal(nlp):
    found = run(nlp, "Tainan and Kumamoto's twin-city ties, established in 2017, were upgraded to a friendship "
                     "agreement on Monday.")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.RENEWED, "2024-03-25"), (Event.ESTABLISHED, "2017")}


def test_a_continued_partner_takes_the_date_its_own_words_give(nlp):
    found = run(nlp, "In 2015, Keelung became the sister city of Miyakojima, and in 2017 of Kure, both in Japan.")
    assert {(m.b.name, m.date.iso()) for m in found} == {("Miyakojima", "2015"), ("Kure", "2017")}
    # where people met is no party
    found = run(nlp, "Officials from Fukuoka and its Taiwanese partner city Kaohsiung met in Tokyo on Friday.")
    assert {m.b.name for m in found} == {"Fukuoka"}


def test_a_signing_on_the_anniversary_of_the_ties_is_a_new_tie_and_a_renewal(nlp):
    found = run(nlp, "Kaohsiung Mayor Chen Chi-mai and Fukuoka Mayor Soichiro Takashima on Thursday signed a "
                     "memorandum on smart city cooperation, on the 10th anniversary of the cities' sister ties.")
    assert {(m.relation, m.event, m.date.iso()) for m in found} == {
        (Relation.MOU, Event.ESTABLISHED, "2024-03-21"), (Relation.SISTER, Event.RENEWED, "2024-03-21")}


def test_a_partner_continued_after_a_country_and_unit_takes_its_own_date(nlp):
    found = run(nlp, "Hualien County signed a memorandum of understanding with Japan's Okinawa Prefecture in 2018 "
                     "and with the US state of Hawaii in 2020.")
    assert {(m.b.name, m.date.iso()) for m in found} == {("Okinawa", "2018"), ("Hawaii", "2020")}


def test_a_relative_clause_about_the_pair_states_its_older_tie(nlp):
    found = run(nlp, "Yunlin County and the city of Kurume, Fukuoka, which have been friendship cities since 2015, "
                     "signed an agricultural cooperation memorandum on Wednesday.")
    assert {(m.relation, m.date.iso()) for m in found} == {(Relation.MOU, "2024-03-20"),
                                                            (Relation.FRIENDSHIP, "2015")}
    # partners named only in the aside take no date of the main clause
    found = run(nlp, "Taichung, which already has friendship agreements with Sendai and Osaka, signed a new one "
                     "with Kumamoto City on Monday.")
    assert {(m.b.name, m.date.iso() if m.date else None) for m in found} == {
        ("Sendai", None), ("Osaka", None), ("Kumamoto", "2024-03-25")}


def test_a_later_clause_that_renews_them_is_a_second_event_of_the_tie(nlp):
    found = run(nlp, "The sister-city ties between Pingtung and Mili Atoll were formalised in 2019; the two sides "
                     "renewed them in 2023.")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.ESTABLISHED, "2019"), (Event.RENEWED, "2023")}


def test_the_county_that_opens_a_sentence_is_the_government_named_before(nlp):
    text = ("A delegation from Pingtung County, Taiwan, led by Magistrate Chou Chun-mi, visited the city council "
            "on Tuesday. The county has been a friendship county of San Diego County since 2016.")
    found = {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert found == {("Pingtung", "San Diego County", "2016")}


def test_its_sister_city_in_an_apposition_is_the_subjects_partner(nlp):
    text = ("The Phoenix City Council on Wednesday approved travel for a delegation to Taipei, its sister city "
            "since 1979, and to Chengdu, China, its sister city since 2014.")
    found = {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert ("Taipei", "Phoenix", "established", "1979") in found
    assert not any({"Taipei", "Chengdu"} <= {a, b} for a, b, _, _ in found)


def test_the_sister_city_it_adopted_is_the_subjects_partner(nlp):
    text = ("Seattle sent a delegation to Kaohsiung, the sister city it adopted in 1991, and to Chongqing, China, the "
            "sister city it adopted in 1983.")
    found = {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert ("Kaohsiung", "Seattle", "1991") in found
    assert not any({"Kaohsiung", "Chongqing"} <= {a, b} for a, b, _ in found)


def test_the_sister_city_of_a_named_government_is_that_governments_partner(nlp):
    found = run(nlp, "The mayor of Fresno visited Kaohsiung, the sister city of Miami, during a trip to Asia.")
    assert {(m.a.name, m.b.name) for m in found if m.confidence >= 0.5} == {("Kaohsiung", "Miami")}


def test_a_tie_that_stands_is_established_whatever_a_later_clause_hopes(nlp):
    text = ("Guam has sister ties with Taipei, Kaohsiung and Taoyuan, and Mayor Chen said Kaohsiung hopes to "
            "expand tourism exchanges with the island.")
    found = {(m.a.name, m.event.value) for m in run(nlp, text)}
    assert ("Kaohsiung", "established") in found and not any(e == "proposed" for _, e in found)


def test_a_state_named_with_its_governor_is_a_party(nlp):
    text = ("Koror State Governor Eyos Rudimch and Hsinchu County Magistrate Yang Wen-ke on Monday signed a "
            "friendship agreement at the Koror State Office.")
    assert {(m.a.name, m.b.name, m.b.country) for m in run(nlp, text)} == {("Hsinchu County", "Koror", "PW")}


def test_a_council_approving_its_governments_tie_is_a_proposal_of_that_government(nlp):
    found = run(nlp, "花蓮縣議會今天三讀通過與美國夏威夷郡締結姊妹縣案，縣府預計明年赴美簽約。", lang="zh")
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {("Hualien", "Hawaii County", "proposed")}
    # the bill alone, with no signing still to come written after it
    found = run(nlp, "桃園市議會日前通過與美國加州聖塔克拉拉縣締結姊妹市案。", lang="zh")
    assert {(m.b.name, m.event.value) for m in found} == {("Santa Clara County", "proposed")}


def test_an_undated_signing_takes_the_day_another_passage_gives_it(nlp):
    # The headline names both sides (dated by nothing); the body's signing, whose
    # Taiwanese side is only its mayor, gives the day.
    text = ("苗栗縣頭份市與波蘭克拉科夫市締結姊妹市\n"
            "台灣苗栗縣頭份市與波蘭克拉科夫市(Krakow)締結為姊妹市。"
            "頭份市長與克拉科夫市長於28日上午10時在市議會簽署兩市締結協定書。")
    found = run(nlp, text, lang="zh", published=dt.date(2011, 10, 1))
    assert {(m.b.name, m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("Kraków", "established", "2011-09-28")}


@pytest.mark.parametrize("text,lang", [
    ("沖縄県与那国町と台湾花蓮市は1982年に姉妹都市を締結し、今年40周年を迎えた。", "ja"),
    ("Yonaguni and Hualien City signed their sister city agreement in 1982 and celebrated its 40th anniversary "
     "this year.", "en"),
])
def test_an_anniversary_counted_a_year_off_still_dates_the_founding(nlp, text, lang):
    found = run(nlp, text, published=dt.date(2023, 6, 1), lang=lang)
    assert {(m.a.name, m.b.name, m.event.value, m.date.iso()) for m in found} >= {
        ("Hualien City", "Yonaguni", "established", "1982")}
    assert all(m.date.value.year >= 1982 for m in found)


def test_the_city_is_the_government_the_story_is_about_not_the_one_named_first(nlp):
    text = ("Davao City and the county of Kauai signed a sister city agreement. Davao City officials said the "
            "agreement would promote tourism in Davao City. In 1994, Tacoma City in Washington became Davao City's "
            "sister city. The city also signed sister pacts with Nanning City, China; Keelung City, Taiwan; and "
            "Manado, Indonesia.")
    found = {(m.a.name, m.b.name) for m in run(nlp, text) if m.a.country == "TW"}
    assert found == {("Keelung", "Davao")}


def test_a_prefecture_misspelt_by_one_letter_is_that_prefecture_and_its_signing_dates_it(nlp):
    text = ("Taichung Deputy Mayor Linghu said Taichung and Tottri Prefecture in Japan have been cooperating for "
            "over 20 years, and the agreement of sister cities was signed in November, 2018.")
    found = run(nlp, text, published=dt.date(2020, 2, 10))
    assert {(m.b.name, m.date.iso() if m.date else None) for m in found if m.b.country == "JP"} == {
        ("Tottori", "2018-11")}


def test_a_sentence_about_the_partnership_borrows_the_pair_of_the_tie_stated_before(nlp):
    text = ("Visitors from Pingtung County visited Maui in 2009, commemorating their 27th year as a sister city of "
            "Maui County. A plaque was unveiled at the Sun Yat Sen Park in Kula marking the occasion. The sister city "
            "partnership was formed in March of 1982.")
    found = {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None)
             for m in run(nlp, text, published=dt.date(2011, 9, 13))}
    assert ("Pingtung", "Maui County", "established", "1982-03") in found
    assert not any(b == "Kula" for _, b, _, _ in found)


def test_the_anniversary_of_a_signing_in_a_given_month_dates_the_founding(nlp):
    text = ("To commemorate the fifth anniversary of the signing of the tourism exchange agreement between Taipei "
            "and Hamamatsu in July 2013, the Deputy Mayor of Hamamatsu visited Taipei.")
    found = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2018, 8, 22))}
    assert ("established", "2013-07") in found and ("renewed", "2018") in found


def test_each_item_of_a_chinese_enumeration_of_ties_is_the_subjects_with_its_own_year(nlp):
    text = "北市府過去曾多次對外交流，例如1999年與柏斯市簽署友誼憲章、2006年與日本橫濱市簽署夥伴市協議、2016年與基多市締結姊妹市。"
    found = {(m.b.name, m.date.iso()) for m in run(nlp, text, lang="zh") if m.a.name == "Taipei"}
    assert found == {("Perth", "1999"), ("Yokohama", "2006"), ("Quito", "2016")}


@pytest.mark.parametrize("text,event", [
    ("Gyeongju Is The First City To Sign an Exchange Agreement With Tainan", "established"),
    ("Taoyuan hopes to sign a sister city agreement with Kamloops.", "proposed"),
    ("As sister cities, Kingstown and Taipei stand poised to explore new avenues of cooperation.", "established"),
    ("Oxford is exploring a sister city relationship with Taichung.", "proposed"),
])
def test_wishing_words_plan_a_tie_only_where_the_tie_follows_them(nlp, text, event):
    assert {m.event.value for m in run(nlp, text)} == {event}


def test_a_sister_township_agreement_is_a_sister_tie(nlp):
    text = "Peleliu State Governor Temmy Shmull and Hengchun Township Mayor signed a sister township agreement."
    assert {(m.b.name, m.relation.value) for m in run(nlp, text)} == {("Peleliu", "sister")}


def test_a_tie_established_in_an_aside_and_ended_in_the_main_clause_has_both_dates(nlp):
    text = ("The Keelung City Government said that the sister city relationship with Rochester, New York, "
            "established in 1986, was terminated last year due to a lack of exchanges.")
    found = {(m.event.value, m.date.iso()) for m in run(nlp, text, published=dt.date(2024, 10, 15))}
    assert found == {("terminated", "2023"), ("established", "1986")}


def test_sister_states_since_a_year_are_established_whatever_the_two_plan_next(nlp):
    text = ("Yilan County Magistrate Lin Zi-miao yesterday welcomed a delegation from Iowa. Yilan and Iowa have "
            "been sister states since 1989 and the two sides plan to expand agricultural exchanges.")
    found = {(m.b.name, m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert found == {("Iowa", "established", "1989")}


def test_a_philippine_province_in_chinese(nlp):
    found = run(nlp, "台東縣與菲律賓巴丹群島省締結姊妹省縣。", lang="zh")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Taitung", "Batanes", "PH")}


def test_the_agreement_refers_to_the_tie_its_named_side_was_in_not_the_place_named_last(nlp):
    text = ("The Bloomington City Council voted 7-2 on Wednesday to approve a sister city agreement with Taoyuan, "
            "Taiwan. Bloomington already has sister cities in Santa Clara, Cuba, and Posoltega, Nicaragua. Mayor "
            "Kerry Thomson will travel to Taoyuan in May to sign the agreement.")
    found = {(m.a.name, m.b.name) for m in run(nlp, text) if m.a.country == "TW"}
    assert found == {("Taoyuan", "Bloomington")}


@pytest.mark.parametrize("text,lang", [
    ("Taichung Mayor Lu Shiow-yen, Tainan Mayor Huang Wei-cher and Kaohsiung Mayor Chen Chi-mai attended the "
     "Japan-Taiwan Exchange Summit in Kumamoto on Tuesday, where Taichung signed a friendship agreement with "
     "Kumamoto Prefecture.", "en"),
    ("台中市長盧秀燕與台南市長黃偉哲今天同赴日本熊本縣，出席台日交流高峰會，台中市並與熊本縣簽署友好交流協定。", "zh"),
])
def test_the_government_that_signed_is_the_partner_not_the_mayors_beside_it(nlp, text, lang):
    found = {m.a.name for m in run(nlp, text, lang=lang) if m.confidence >= 0.5}
    assert found in ({"Taichung"}, {"Taichung City"})


def test_a_city_the_model_takes_for_a_person_beside_a_taiwanese_possessive_is_a_place(nlp):
    text = ("Rancho Cordova and Taoyuan's Bade District signed a memorandum of understanding on Tuesday to promote "
            "student exchanges.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Bade", "Rancho Cordova")}


def test_a_tie_that_dates_to_a_year_is_dated_by_it(nlp):
    text = ("Lake County's sister county relationship with Kaohsiung County, Taiwan, dates to 1986 and survived "
            "the 2010 merger of Kaohsiung County into Kaohsiung City.")
    assert {(m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text)} == {("Lake County", "1986")}


@pytest.mark.parametrize("text,lang", [
    ("瑞芳區與日本愛知縣犬山市於民國一○五年簽署友好交流協定，今年雙方再度簽署續約書。", "zh"),
    ("Ruifang District of New Taipei and Inuyama City in Aichi Prefecture renewed their friendship agreement on "
     "Tuesday, eight years after first signing it in 2016.", "en"),
])
def test_a_renewal_this_year_of_a_tie_first_signed_earlier_gives_both_events(nlp, text, lang):
    found = {(m.event.value, m.date.value.year if m.date else None)
             for m in run(nlp, text, published=dt.date(2024, 10, 15), lang=lang)}
    assert found == {("established", 2016), ("renewed", 2024)}


def test_both_parties_refers_back_to_the_governments_just_named(nlp):
    found = run(nlp, "Hsinchu County welcomed a delegation from Miyazaki Prefecture today. In 2017, both parties "
                     "signed a memorandum of understanding on friendship exchanges.", published=dt.date(2022, 11, 9))
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {("Hsinchu County", "Miyazaki", "2017")}


def test_each_clause_of_a_chain_of_ties_dates_its_own_partner(nlp):
    from extractors.pipeline import candidates

    text = ("鎮長表示，金沙鎮於民國六十三年與屏東縣東港鎮締結姊妹鎮，在民國九十三年與雲林縣崙背鄉締結姊妹鎮，"
            "今年(九十八年)和雲林縣褒忠鄉締結姊妹情誼。")
    [(_, found, _)] = candidates(nlp, [DocumentInput(key="t", text=text, lang="zh")])
    dates = {frozenset((m.a.name, m.b.name)): m.date.iso() for c in found for m in c.mentions if m.date}
    assert dates[frozenset(("Jinsha", "Donggang"))] == "1974"
    assert dates[frozenset(("Jinsha", "Lunbei"))] == "2004"
    assert dates[frozenset(("Jinsha", "Baozhong"))] == "2009"
    # one subject, a clause per partner: the rules choose each pair, Taiwanese partners too
    assert {frozenset((m.a.name, m.b.name)) for c in found if c.selected for m in c.mentions} == {
        frozenset(("Jinsha", "Donggang")), frozenset(("Jinsha", "Lunbei")), frozenset(("Jinsha", "Baozhong"))}


@pytest.mark.parametrize("text, expected", [
    ("Prague cut ties with Beijing in 2019 and signed a sister-city agreement with Taipei in 2020.",
     {("Taipei", "Prague", "established", "2020")}),
    ("Hsinchu County ended its friendship pact with Yokohama and formed a new partnership with Kawasaki.",
     {("Hsinchu County", "Yokohama", "terminated", None), ("Hsinchu County", "Kawasaki", "established", None)}),
])
def test_each_predicate_of_one_subject_states_its_own_partners_tie(nlp, text, expected):
    found = run(nlp, text)
    got = {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None) for m in found if "TW" in (
        m.a.country, m.b.country)}
    assert got == expected


def test_a_date_before_a_second_predicate_belongs_to_the_first():
    from extractors.event_dates import nearest_date
    from extractors.lexicon import relations_in

    text = ("Taichung welcomed a delegation from Osaka on Monday and signed a friendship agreement with "
            "Kumamoto Prefecture on Tuesday.")
    assert nearest_date(text, dt.date(2024, 11, 13), relations_in(text)).iso() == "2024-11-12"


def test_a_capital_that_presses_is_its_state_not_a_partner(nlp):
    found = run(nlp, "Taoyuan terminated its sister-city relationship with a Chinese city in 2019 after pressure "
                     "from Beijing.")
    assert not any("Beijing" in (m.a.name, m.b.name) for m in found)


@pytest.mark.parametrize("text, lang, expected", [
    ("Mayors of Hsinchu City and Overland Park, Kansas, met virtually on Tuesday to renew the sister-city "
     "agreement first signed in 2011.", "en", {("renewed", "2024-03-19"), ("established", "2011")}),
    ("基隆市政府11日與日本廣島縣吳市簽署續約書，延續兩市自2007年以來的友好關係。", "zh",
     {("renewed", "2024-03-11"), ("established", "2007")}),
])
def test_a_renewal_dates_the_founding_its_sentence_marks_and_itself_by_the_rest(nlp, text, lang, expected):
    found = run(nlp, text, lang=lang)
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == expected


def test_a_meeting_held_to_renew_a_tie_renews_it_but_one_to_discuss_it_does_not():
    from extractors.lexicon import event_of

    assert event_of("The mayors met in Taipei on Monday to renew their sister-city pact.")[0] is Event.RENEWED
    assert event_of("They met to discuss whether to renew the sister-city pact.")[0] is not Event.RENEWED
    assert event_of("The mayors will meet next month to renew the pact.")[0] is not Event.RENEWED


@pytest.mark.parametrize("text, lang, partner", [
    # a possessive apposition names the partner; the trip's destination is none
    ("Taichung Mayor Lu Shiow-yen led a trade delegation to Osaka last week, where she met representatives of "
     "Kumamoto, Taichung's sister city.", "en", "Kumamoto"),
    # a destination the sentence calls the sister city is the partner, not the cities of officials met there
    ("台南市の黄偉哲市長は、姉妹都市である仙台市を訪問し、大阪市や京都市の関係者とも面会した。", "ja", "Sendai"),
    # '政府' between the government and 與; a bare 熊本 later is the prefecture again, and a later
    # clause of mere contacts pairs no one
    ("台中市政府與日本熊本縣今天簽署合作備忘錄，熊本縣知事表示，台積電在熊本設廠後雙方交流更加密切，"
     "台中市也與大阪府有往來。", "zh", "Kumamoto"),
])
def test_the_partner_among_places_visited_met_or_merely_in_touch(nlp, text, lang, partner):
    found = run(nlp, text, lang=lang)
    assert {m.b.name for m in found if m.a.country == "TW"} == {partner}


def test_two_heads_signing_stand_for_the_places_just_named(nlp):
    found = run(nlp, "Taiwan's Taoyuan will endorse Guam as a tourist destination, the city's mayor said on Wednesday. "
                     "The summit culminated with Gov. Lou Leon Guerrero and Mayor Wen-tsan Cheng signing a "
                     "sister-city agreement.")
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {("Taoyuan", "Guam", "established")}


@pytest.mark.parametrize("text", [
    "He wrote to the mayor of Kamloops, hoping that we can facilitate a bilateral friendship city between the City "
    "of Kamloops and the City of Taoyuan.",
    "Hsinchu Mayor Lin Chih-chien said he would love to see Hsinchu and Oxford establish sister-city ties.",
])
def test_a_wish_for_a_tie_proposes_it(nlp, text):
    assert {m.event for m in run(nlp, text)} == {Event.PROPOSED}


@pytest.mark.parametrize("text, lang, partner", [
    ("高雄市長陳其邁率團訪問日本，先後拜會熊本市、八代市及宇土市，並與熊本市簽署產業交流備忘錄。", "zh", "Kumamoto"),
    ("台湾の台南市長が来日し、京都市、大阪市を表敬訪問した後、仙台市と友好交流協定を締結した。", "ja", "Sendai"),
    ("The Tainan delegation stopped in Tokyo before heading to Sendai, its friendship city since 2006.", "en", "Sendai"),
])
def test_cities_called_on_are_no_partners_beside_the_one_signed_with(nlp, text, lang, partner):
    assert {m.b.name for m in run(nlp, text, lang=lang)} == {partner}


@pytest.mark.parametrize("text, lang, expected", [
    ("Officials from Kaohsiung and its sister city Busan met in Busan on Monday to discuss port cooperation.", "en",
     {("established", None)}),  # the tie describes a party; the meeting dates no founding
    ("Sister cities Tainan and Sendai held a joint disaster drill on Friday.", "en", {("established", None)}),
    ("Yilan County and Kitami City celebrated their 40th year as sister cities in September.", "en",
     {("renewed", "2023-09"), ("established", "1983")}),
    ("新竹市與美國歐佛蘭公園市締結姊妹市13年，今年由歐佛蘭公園市長率團來訪。", "zh", {("established", "2011")}),
])
def test_described_ties_and_their_age(nlp, text, lang, expected):
    found = run(nlp, text, lang=lang)
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == expected


def test_captions_one_per_line_are_sentences_of_their_own(nlp):
    text = ("Electric Techno Neon Gods performing in sister city memorandum signing ceremony between the Deputy "
            "Mayor of Kaohsiung City and the Mayor of Honolulu, Hawaii on August 4, 2012\n"
            "Mr. Sam Adams, Mayor of Portland, Oregon, U.S.A. (Sister city to Kaohsiung City), receiving tokens "
            "from Mayor Chu Chen on July 11, 2012\nThumbnail - Sister Cities Picture 5\n")
    found = {m.b.name: m.date.iso() if m.date else None for m in run(nlp, text)}
    # Portland's caption describes the tie; the visit's day dates no founding
    assert found == {"Honolulu": "2012-08-04", "Portland": None}
