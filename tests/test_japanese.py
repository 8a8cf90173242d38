"""Japanese pages go through spaCy's ``ja`` language (SudachiPy) with the
same place finder and partnership component; output names are English."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run

from extractors.gazetteer.names import fold
from models.records import Event, Relation


def test_shinjitai_traditional_and_simplified_spellings_fold_alike():
    assert fold("沖縄県石垣市") == fold("沖繩縣石垣市") == fold("冲绳县石垣市")
    assert fold("富里郷") == fold("富里鄉")
    assert fold("格丁尼亞") == fold("格丁尼亚")
    assert len(fold("宜蘭県蘇澳鎮")) == len("宜蘭県蘇澳鎮")  # one character for one: offsets hold


def test_a_japanese_signing_gives_the_pair_in_english_with_its_era_date(nlp):
    text = ("10月1日、美唄市役所において、台湾・花蓮県富里郷の郷長が出席のもと、"
            "美唄市と富里郷は友好交流協定を締結しました。協定の締結日は令和6年10月1日です。"
            "両市は農業と観光の分野で交流を進めます。")
    found = run(nlp, text, published=dt.date(2024, 10, 2), lang="ja")
    [m] = [m for m in found if {m.a.name, m.b.name} == {"Fuli", "Bibai"}]
    assert m.a.country == "TW" and m.b.country == "JP"
    assert m.relation is Relation.FRIENDSHIP and m.event is Event.ESTABLISHED
    assert m.date is not None and m.date.value.year == 2024


def test_a_japanese_sister_city_anniversary_is_a_renewal(nlp):
    text = "宜蘭県蘇澳鎮と沖縄県石垣市は姉妹都市締結30周年を迎え、記念式典を開催した。"
    found = run(nlp, text, lang="ja")
    events = {m.event for m in found if {m.a.name, m.b.name} == {"Su'ao", "Ishigaki"}}
    assert Event.RENEWED in events


def test_the_word_for_city_is_not_a_place(nlp):
    text = "台南市は友好都市の京都市と交流推進協定を締結した。"
    found = run(nlp, text, lang="ja")
    assert {(m.a.name, m.b.name) for m in found} == {("Tainan", "Kyoto")}


def test_a_japanese_city_is_the_one_its_reading_spells_inside_its_prefecture(nlp):
    found = run(nlp, "熊本県八代市と基隆市が4月19日に友好交流協定を締結した。", published=dt.date(2018, 5, 1),
                lang="ja")
    [m] = found
    assert (m.a.name, m.b.name, m.b.admin1) == ("Keelung", "Yatsushiro", "Kumamoto")
    assert m.date.iso() == "2018-04-19"


def test_a_town_the_gazetteer_lacks_is_named_by_its_reading(nlp):
    [m] = run(nlp, "徳島県牟岐町と彰化県埔塩郷は1983年に姉妹郷町を締結した。", lang="ja")
    assert (m.a.name, m.b.name, m.b.admin1, m.b.provisional) == ("Puyan", "Mugi", "Tokushima", True)


def test_a_person_named_like_a_place_is_not_a_partner(nlp):
    found = run(nlp, "宮城県栗原市(千葉健司・市長)と台湾の南投県南投市が姉妹都市を締結しました。", lang="ja")
    assert {(m.a.name, m.b.name) for m in found} == {("Nantou City", "Kurihara")}


def test_a_numbered_list_run_into_one_line_is_one_sentence_per_item():
    from extractors.japanese import build_japanese_pipeline
    from models.settings import load_settings

    settings = load_settings()
    nlp = build_japanese_pipeline(str(settings.cache_dir), settings.pair_scorer)
    doc = nlp("1)01月11日 熊本県と熊本市が高雄市と「友好交流協定」を締結2)01月13日 大分県竹田市と高雄市田寮区が"
              "「観光文化友好交流都市協定覚書」を締結3)02月08日 福岡市と台北市が「起業支援交流覚書」を締結")
    assert [s.text[:2] for s in doc.sents] == ["1)", "2)", "3)"]


def test_a_district_gun_locates_its_village_and_is_never_a_party(nlp):
    text = ("日台の交流一覧\n番号 都道府県 市町村 台湾側 種別 締結日\n"
            "4 福島県 玉川村(石川郡) 鹿谷郷(南投県) 友好都市 1988年05月03日\n")
    found = run(nlp, text, lang="ja")
    pairs = {frozenset((m.a.name, m.b.name)) for m in found}
    assert frozenset(("Lugu", "Tamakawa")) in pairs
    assert not any("Ishikawa" in pair for pair in pairs)


def test_a_town_is_named_by_its_modern_reading_where_geonames_keeps_an_older_one(nlp):
    text = "番号 都道府県 市町村 台湾側 種別 締結日\n2 沖縄県 与那国町(八重山郡) 花蓮市(花蓮県) 姉妹都市 1982年10月08日\n"
    [m] = [m for m in run(nlp, text, lang="ja") if m.b.country == "JP"]
    assert (m.a.name, m.b.name) == ("Hualien City", "Yonaguni")
    assert m.date.iso() == "1982-10-08"


def test_the_representative_office_and_a_chief_s_name_are_no_parties(nlp):
    text = ("台北駐日経済文化代表処札幌分処より提案があり、花蓮県富里郷の江東成郷長が出席のもと、"
            "美唄市と富里郷は友好交流協定を締結しました。")
    found = run(nlp, text, published=dt.date(2024, 10, 2), lang="ja")
    assert {(m.a.name, m.b.name) for m in found} == {("Fuli", "Bibai")}


def test_a_taiwanese_name_with_a_latin_gloss_stays_taiwanese(nlp):
    from extractors.pipeline import _cjk_pipelines, _make_doc
    from models.records import DocumentInput

    ja = _cjk_pipelines(nlp)["ja"]
    text = "| 提携相手先 | 新店区 (Xindian District) |\n| 州・省・県 | 新北市 (New Taipei City) |\n"
    doc = ja(_make_doc(ja, DocumentInput(key="k", text=text, lang="ja"))[0])
    assert {p.text: p.place.id for p in doc._.places if p.place} == {"新店区": "TW-NWT-xindian", "新北市": "TW-NWT"}


def test_one_name_is_one_place_in_a_document(nlp):
    # Sudachi reads 'これから八代市は' as a number and a counter, with no
    # reading for the name; the reading found for 八代市 elsewhere holds.
    from extractors.pipeline import _cjk_pipelines

    doc = _cjk_pipelines(nlp)["ja"]("これから八代市は、基隆市と産業の交流を進める。八代市は熊本県にある。")
    assert {p.place.name for p in doc._.places if p.text == "八代市"} == {"Yatsushiro"}


def test_a_city_named_by_one_character_is_found_before_a_particle_but_a_surname_before_a_title_is_not(nlp):
    found = run(nlp, "4月28日、呉市と基隆市が姉妹都市を締結しました。", lang="ja")
    assert {(m.a.name, m.b.name) for m in found} == {("Keelung", "Kure")}
    # '吳市長' is Mayor Wu: no Kure in it.
    assert run(nlp, "台南市長與吳市長簽署姊妹市協定。", lang="zh") == []


def test_a_town_written_without_its_prefecture_is_found_by_its_reading(nlp):
    # GeoNames files Nachikatsuura only as another name of Katsuura, with no kanji.
    text = ("那智勝浦町は、台湾花蓮県花蓮市との姉妹都市締結20周年を記念する式典を町内で開いた。"
            "両市町は2004年に姉妹都市となり、観光の交流を続けてきた。")
    found = run(nlp, text, published=dt.date(2024, 11, 5), lang="ja")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Hualien City", "Nachikatsuura", "JP")}


def test_words_for_both_cities_are_no_place(nlp):
    found = run(nlp, "両市町は2004年に姉妹都市となった。同市と各市の代表が出席した。", lang="ja")
    assert found == []


def test_an_anniversary_still_to_come_renews_nothing(nlp):
    text = "沖縄県石垣市と台湾宜蘭県蘇澳鎮は1995年に姉妹都市を締結しており、来年で30周年を迎える。"
    found = run(nlp, text, published=dt.date(2024, 6, 1), lang="ja")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.ESTABLISHED, "1995")}


def test_a_town_written_in_kana_is_read_as_it_is_written(nlp):
    [m] = run(nlp, "みなかみ町と台湾・台南市は2013年に観光友好交流協定を締結しました。", lang="ja")
    assert (m.a.name, m.b.name, m.b.country, m.date.iso()) == ("Tainan", "Minakami", "JP", "2013")
    # Words in kana before 町 are no towns.
    assert run(nlp, "台湾の人々はこの町を訪れ、台南市との交流協定を祝った。", lang="ja") == []


def test_a_timeline_s_rows_are_the_ties_of_the_partner_its_heading_names_with_the_page_s_owner(nlp):
    text = ("新竹市との交流の歩み\n平成22年\u3000新竹市長が本市を訪問\n平成24年10月\u3000友好交流協定を締結\n"
            "平成29年\u3000協定締結5周年記念式典を開催")
    found = run(nlp, text, lang="ja", title="新竹市との交流の歩み｜浜松市")
    assert {(m.a.name, m.b.name, m.event, m.date.iso()) for m in found} == {
        ("Hsinchu City", "Hamamatsu", Event.ESTABLISHED, "2012-10"), ("Hsinchu City", "Hamamatsu", Event.RENEWED, "2017")}


def test_a_signing_announced_for_next_month_is_proposed(nlp):
    [m] = run(nlp, "鹿児島県の塩田知事は、台湾南部の屏東県と友好交流協定を来月締結すると発表した。", lang="ja")
    assert (m.a.name, m.b.name, m.event) == ("Pingtung", "Kagoshima", Event.PROPOSED)


def test_an_anniversary_the_next_sentence_keeps_renews_the_tie_just_stated(nlp):
    found = run(nlp, "那覇市は、台北市と2013年に友好都市協定を締結しました。令和5年には締結10周年記念事業を実施しました。",
                lang="ja")
    assert {(m.event, m.date.iso()) for m in found} == {(Event.ESTABLISHED, "2013"), (Event.RENEWED, "2023")}


def test_the_signing_year_is_not_taken_from_the_clause_after_the_verb(nlp):
    text = "熊本県は台湾の高雄市と2013年に国際交流に関する覚書を締結しており、10月には知事が高雄市を訪問した。"
    found = run(nlp, text, published=dt.date(2024, 10, 15), lang="ja")
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found} == {
        ("Kaohsiung", "Kumamoto", "2013")}


def test_a_town_read_from_its_kanji_is_written_as_english_writes_it(nlp):
    found = run(nlp, "新竹縣與日本熊本縣菊陽町簽署友好交流協定。", lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("Hsinchu County", "Kikuyo")}


def test_cities_that_only_name_their_stations_are_not_parties(nlp):
    text = ("日南市と台中市の日南駅の「姉妹駅協定」は、7月19日に鉄道博物館と国家鉄道博物館が「交流協力協定」を締結して以来の"
            "日台鉄道提携で、今年2件目となります。")
    assert not [m for m in run(nlp, text, lang="ja") if m.confidence >= 0.5]


def test_a_tourism_exchange_city_is_a_cooperation_tie():
    from extractors.lexicon import relations_in
    from extractors.tie_kinds import relation_of

    for text in ("浜松市と台北市が観光交流都市協定を締結", "名古屋市與台中市簽訂「觀光友好城市交流協定」"):
        assert relation_of(text, relations_in(text), []) is Relation.COOPERATION
    text = "群馬県と高雄市が友好協力協定を締結"
    assert relation_of(text, relations_in(text), []) is Relation.FRIENDSHIP


@pytest.mark.parametrize("text,town", [
    ("北海道幌泉郡えりも町と台湾花蓮県豊浜郷が友好交流協定を締結した。", "Erimo"),
    ("鹿児島県肝属郡東串良町と台湾屏東県九如郷が友好交流協定を締結した。", "Higashikushira"),
])
def test_a_town_written_after_its_prefecture_and_district_is_the_party(nlp, text, town):
    found = run(nlp, text, lang="ja")
    assert {m.b.name for m in found if m.b.country == "JP"} == {town}


def test_the_topic_of_the_sentence_before_is_the_unsaid_side_and_keeps_its_own_year(nlp):
    text = ("日光市は、台湾の台南市と2009年に観光友好都市を締結しています。"
            "また、2016年には台南市と教育旅行の相互交流に関する覚書を交わしました。")
    found = {(m.relation.value, m.date.iso()) for m in run(nlp, text, lang="ja") if m.b.name.startswith("Nikk")}
    assert found == {("cooperation", "2009"), ("mou", "2016")}


def test_a_bracketed_note_under_the_sentence_dates_the_signing(nlp):
    text = "秋田県は、台湾の台南市と友好交流協定を結んでいます。（2018年10月締結）"
    assert {(m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text, lang="ja")} == {("Akita", "2018-10")}


def test_an_anniversary_sentence_that_names_the_pair_again_renews_the_tie_before(nlp):
    text = ("八王子市は平成18年11月、台湾の高雄市と友好交流協定を締結しました。"
            "締結10周年の平成28年には、高雄市長が八王子市を訪問しました。")
    found = {(m.event.value, m.date.iso()) for m in run(nlp, text, lang="ja")}
    assert found == {("established", "2006-11"), ("renewed", "2016")}


def test_a_town_after_its_district_alone_is_japanese(nlp):
    found = run(nlp, "八重山郡竹富町と台湾の新北市貢寮区が姉妹都市協定を締結した。", lang="ja")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Gongliao", "Taketomi", "JP")}
