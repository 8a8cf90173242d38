"""Foreign places as Taiwanese Chinese names them, places GeoNames lacks,
and the division written after a name choosing among namesakes."""

from __future__ import annotations

from conftest import run

from extractors.gazetteer.foreign_table import read_rows


def test_every_row_of_the_table_resolves_to_one_place(nlp):
    table = nlp.get_pipe("citypairs_places").gaz.table
    unresolved = [r.name for r in read_rows() if not r.own and table.chinese(r.zh[0], r.country) is None]
    assert unresolved == []


def test_taiwanese_transliterations_resolve_in_their_state(nlp):
    found = run(nlp, "台北市曾與美國休士頓及洛杉磯、芬蘭赫爾辛基締結姊妹市。", lang="zh")
    partners = {(m.b.name, m.b.admin1, m.b.country) for m in found}
    assert partners == {("Houston", "Texas", "US"), ("Los Angeles", "California", "US"), ("Helsinki", "Uusimaa", "FI")}
    assert all(m.a.name == "Taipei" for m in found)


def test_an_atoll_geonames_lacks_is_a_place_with_a_stable_id(nlp):
    [m] = run(nlp, "屏東縣與馬紹爾群島共和國米利環礁市締結姊妹市。", lang="zh")
    assert (m.a.name, m.b.name, m.b.id, m.b.provisional) == ("Pingtung", "Mili Atoll", "tbl:MH:mili-atoll", False)


def test_the_division_after_a_name_picks_the_namesake_inside_it(nlp):
    [m] = run(nlp, "Tainan signed a sister city agreement with Columbus, Georgia on Monday.")
    assert (m.b.name, m.b.admin1) == ("Columbus", "Georgia")
    [m] = run(nlp, "Keelung signed a sister city agreement with Kure, Hiroshima on Monday.")
    assert m.b.name == "Kure"  # Hiroshima only locates it


def test_a_dateline_is_where_the_story_was_filed_not_a_party(nlp):
    found = run(nlp, "TAIPEI (Taiwan News) — Kaohsiung and Cebu City signed a sister city agreement on Friday.")
    assert {(m.a.name, m.b.name) for m in found} == {("Kaohsiung", "Cebu City")}
    found = run(nlp, "Taipei, May 28 (CNA) Hualien and Yonaguni in Japan signed a sister city agreement.")
    assert all("Taipei" not in (m.a.name, m.b.name) for m in found)
    found = run(nlp, "(中央社記者林琳柏林1日專電)台灣桃園縣桃園市與波蘭拉當市(Radom)締結為姊妹市。", lang="zh")
    assert all(m.b.name != "Berlin" for m in found) and any(m.b.name == "Radom" for m in found)


def test_a_bare_dash_after_a_headline_name_is_not_a_dateline(nlp):
    found = run(nlp, "Kaohsiung - Cebu City sister city agreement signed\n\nThe two cities signed on Friday.")
    assert ("Kaohsiung", "Cebu City") in {(m.a.name, m.b.name) for m in found}
