"""Reference lists: a researcher's spreadsheet, JSON file or Wikidata query
result is read with its line numbers, resolved through the gazetteers
without guessing, and stored as claims that a re-import updates in place."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from sqlalchemy import func, select

from extractors.reference_read import ListError, read_list
from extractors.reference_resolve import resolve_rows
from flows.references import import_list
from models import schema as t
from models.settings import load_settings
from models.sources import ReferenceSource
from models.store import Store


def write_csv(path, rows: list[list[str]]) -> None:
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(path, index=False)


def test_csv_with_the_default_headers_keeps_spreadsheet_line_numbers(tmp_path):
    path = tmp_path / "ties.csv"
    write_csv(path, [["taiwan_side", "partner", "partner_country", "relation", "established"],
                     ["Taipei", "Los Angeles", "US", "sister city", "1979"],
                     ["Tainan", "Sendai", "Japan", "friendship", "2006-04"]])
    rows = read_list(path)
    assert [r.line for r in rows] == [2, 3]
    assert rows[1].fields["partner"] == "Sendai" and rows[1].fields["established"] == "2006-04"


def test_chinese_headers_and_an_excel_sheet_are_found_without_a_mapping(tmp_path):
    path = tmp_path / "ties.xlsx"
    pd.DataFrame({"縣市": ["臺北市"], "締約城市": ["休士頓"], "國家": ["美國"], "締約日期": [dt.datetime(1961, 5, 8)],
                  "備註": ["首個姊妹市"]}).to_excel(path, index=False, sheet_name="姊妹市")
    [row] = read_list(path)
    assert row.fields == {"taiwan_side": "臺北市", "partner": "休士頓", "partner_country": "美國",
                          "established": "1961-05-08", "note": "首個姊妹市"}


def test_a_column_mapping_names_the_columns_and_a_wrong_one_names_the_file(tmp_path):
    path = tmp_path / "list.csv"
    write_csv(path, [["Our city", "Their city", "Nation"], ["Kaohsiung", "Cebu City", "Philippines"]])
    [row] = read_list(path, {"taiwan_side": "Our city", "partner": "Their city", "partner_country": "Nation"})
    assert row.fields["partner_country"] == "Philippines"
    with pytest.raises(ListError, match="list.csv.*no column 'Sister'"):
        read_list(path, {"taiwan_side": "Our city", "partner": "Sister"})
    with pytest.raises(ListError, match="no column for 'taiwan_side'"):
        read_list(path)


def test_a_wikidata_sparql_result_takes_labels_and_times(tmp_path, gazetteer):
    def uri(q):
        return {"type": "uri", "value": f"http://www.wikidata.org/entity/{q}"}

    def lit(v):
        return {"type": "literal", "value": v, "xml:lang": "en"}

    result = {"head": {"vars": ["item", "itemLabel", "twin", "twinLabel", "twinCountryLabel", "start"]},
              "results": {"bindings": [
                  {"item": uri("Q1867"), "itemLabel": lit("Taipei"), "twin": uri("Q65"), "twinLabel": lit("Los Angeles"),
                   "twinCountryLabel": lit("United States of America"),
                   "start": {"type": "literal", "value": "1979-01-01T00:00:00Z"}},
                  {"item": uri("Q1867"), "itemLabel": lit("Taipei"), "twin": uri("Q999999"),
                   "twinLabel": lit("Q999999")}]}}
    path = tmp_path / "p190.json"
    path.write_text(json.dumps(result), encoding="utf-8")
    rows = read_list(path)
    assert rows[0].fields["taiwan_side"] == "Taipei" and rows[0].fields["partner"] == "Los Angeles"
    assert rows[1].fields["partner"] == ""  # an unlabelled entity names no place
    claims, problems = resolve_rows(rows, "wikidata", gazetteer)
    [c] = [r.claim for r in claims]
    assert (c.a_id, c.relation, c.established, c.established_precision) == ("TW-TPE", "sister",
                                                                             dt.date(1979, 1, 1), "year")
    assert [(p.line, p.reason) for p in problems] == [(2, "missing_place")]


def test_rows_that_do_not_resolve_are_reported_with_line_and_reason_never_guessed(tmp_path, gazetteer):
    path = tmp_path / "ties.csv"
    write_csv(path, [["taiwan_side", "partner", "partner_country", "established"],
                     ["Taichung", "Columbus", "US", ""],             # 2: Ohio or Georgia?
                     ["Taichung", "Columbus, Georgia", "", "1998"],  # 3: says which
                     ["Atlantis", "Sendai", "JP", ""],               # 4: no such Taiwanese place
                     ["Taipei", "Sendai", "Narnia", ""],             # 5: no such country
                     ["Tainan", "Sendai", "JP", "someday"],          # 6: no date
                     ["Guam", "Taipei", "", "1973"],                 # 7: sides swapped: still a tie
                     ["Taichung", "Columbus, GA", "US", ""]])        # 8: line 3 again
    claims, problems = resolve_rows(read_list(path), "t", gazetteer)
    assert {p.line: p.reason for p in problems} == {2: "ambiguous_place", 4: "not_taiwan", 5: "unknown_country",
                                                    6: "bad_date", 8: "duplicate"}
    assert "Georgia" in next(p.detail for p in problems if p.line == 2)
    by_line = {r.claim.line: r for r in claims}
    assert by_line[3].places[1].admin1 == "Georgia"
    assert by_line[7].claim.a_id == "TW-TPE" and by_line[7].places[1].name == "Guam"


def test_reimporting_a_changed_list_updates_its_claims_without_duplicates(tmp_path, db_url):
    path = tmp_path / "ties.csv"
    write_csv(path, [["taiwan_side", "partner", "partner_country", "established"],
                     ["Taipei", "Los Angeles", "US", "1979"], ["Tainan", "Sendai", "JP", "2006"]])
    settings = load_settings(database_url=db_url, sources_path=tmp_path / "sources.toml")
    source = ReferenceSource(kind="reference", name="think-tank", path=path)
    first = import_list(settings, source)
    assert first.changes == {"added": 2, "updated": 0, "removed": 0, "unchanged": 0}
    assert import_list(settings, source).skipped  # same bytes, same settings: not read again
    write_csv(path, [["taiwan_side", "partner", "partner_country", "established"],
                     ["Taipei", "Los Angeles", "US", "1979-12"], ["Kaohsiung", "Cebu City", "PH", "1991"]])
    second = import_list(settings, source)
    assert second.changes == {"added": 1, "updated": 1, "removed": 1, "unchanged": 0}
    store = Store(db_url)
    try:
        with store.engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(t.reference_claims)) == 2
            assert conn.scalar(select(func.count()).select_from(t.reference_lists)) == 1
        la = next(c for c in store.reference_claims() if c.a_id == "TW-TPE")
        assert (la.established, la.established_precision) == (dt.date(1979, 12, 1), "month")
    finally:
        store.close()


def test_a_list_that_cannot_be_read_is_an_error_naming_it_and_stores_nothing(tmp_path, sqlite_url):
    path = tmp_path / "ties.csv"
    path.write_bytes(b"\xff\xfe\x00bad")
    settings = load_settings(database_url=sqlite_url)
    report = import_list(settings, ReferenceSource(kind="reference", name="bad", path=path))
    assert report.error and "ties.csv" in report.error
    store = Store(sqlite_url)
    try:
        assert store.reference_lists() == []
    finally:
        store.close()


def test_a_reference_source_with_an_unknown_field_is_a_configuration_error(tmp_path):
    from models.errors import ConfigError
    from models.sources import load_sources

    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "l"\nkind = "reference"\npath = "l.csv"\n'
                                           'columns = {partnr = "Partner"}\n')
    with pytest.raises(ConfigError, match="unknown field partnr"):
        load_sources(tmp_path / "sources.toml")


def test_reference_import_command_reports_rows_not_taken_and_reconciles(tmp_path, sqlite_url):
    from typer.testing import CliRunner

    from flows.cli import app

    path = tmp_path / "ties.csv"
    write_csv(path, [["taiwan_side", "partner", "partner_country"], ["Taipei", "Los Angeles", "US"],
                     ["Kaohsiung", "Portland", "US"]])
    runner = CliRunner()
    result = runner.invoke(app, ["reference", "import", str(path), "--name", "mine", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "list 'mine': 2 rows, 1 ties" in result.stdout
    assert "line 3: ambiguous_place" in result.stdout
    listed = runner.invoke(app, ["reference", "list", "--db", sqlite_url])
    assert "mine" in listed.stdout and "0%" in listed.stdout  # no text has confirmed it yet
    missing = runner.invoke(app, ["reference", "import", str(tmp_path / "nope.csv"), "--db", sqlite_url])
    assert missing.exit_code == 2 and "nope.csv" in missing.output and "Traceback" not in missing.output
    bad = runner.invoke(app, ["reference", "import", str(path), "--column", "partnr=x", "--db", sqlite_url])
    assert bad.exit_code == 2 and "partnr" in bad.output
