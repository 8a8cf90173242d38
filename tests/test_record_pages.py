"""Record pages: a tie given as labelled fields (CLAIR's '姉妹(友好)提携情報',
a city's page per partner) is one mention of the municipality, or the page's
owner, with the partner, dated and typed by its own fields."""

from __future__ import annotations

from conftest import run

CLAIR_PAGE = """姉妹(友好)提携情報
自治体情報
| 都道府県名 | 島根県 (Shimane Prefecture) |
|---|---|
| 自治体名称 | 出雲市 (Izumo-shi) |
提携相手先情報
| 提携相手先 | 新店区 (Xindian District) |
|---|---|
| 州・省・県 | 新北市 (New Taipei City) |
| 国・地域名 | 台湾 (Taiwan) |
提携情報
| 提携年月日 | 2021/05/10 |
|---|---|
| 提携日の根拠 | 友好都市縁組調印の日 |
"""


def test_a_directory_record_names_the_municipality_its_partner_the_date_and_the_kind(nlp):
    found = run(nlp, CLAIR_PAGE, lang="ja")
    assert {(m.a.name, m.b.name, m.relation.value, m.date.iso()) for m in found} == {
        ("Xindian", "Izumo", "friendship", "2021-05-10")}


def test_a_record_without_the_municipality_is_the_page_owners(nlp):
    text = "| 提携相手先 | 台南市 (Tainan City) |\n| 国名 | 台湾 |\n| 提携年月日 | 2019/03/28 |\n| 提携の種類 | 友好都市 |"
    found = run(nlp, text, lang="ja", url="https://www.city.kitakata.fukushima.jp/soshiki/1/2.html")
    assert {(m.a.name, m.b.name, m.relation.value, m.date.iso()) for m in found} == {
        ("Tainan", "Kitakata", "friendship", "2019-03-28")}
    # with no owner and no municipality field there is no second party
    assert run(nlp, text, lang="ja") == []


def test_a_record_whose_fields_name_two_governments_of_one_side_gives_nothing(nlp):
    text = "| 自治体名称 | 出雲市 |\n| 提携相手先 | 松江市 |\n| 提携年月日 | 2019/03/28 |\n| 提携の種類 | 姉妹都市 |"
    assert run(nlp, text, lang="ja") == []
