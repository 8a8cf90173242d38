"""Encodings: UTF-8 first, then what the document or server declares, then a
guess that prefers the encodings our languages are written in, recorded and logged."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from extractors.documents import parse_document
from extractors.encodings import Basis, decode, mess
from flows.ingest import discover, ingest_files
from models import schema as t
from models.settings import load_settings
from models.store import Store

WESTERN = [  # (language, text, encoding it was saved in)
    ("pt", "A cidade de São Paulo assinou um acordo de cidades-irmãs com Taipé; a cooperação "
           "económica começará em março.", "latin-1"),
    ("de", "Die Stadt Zürich und Taichung unterzeichneten eine Städtepartnerschaft. "
           "Bürgermeisterin Müller begrüßte die Delegation.", "latin-1"),
    ("no", "Tromsø kommune og Hualien har inngått en vennskapsbyavtale; ordføreren i Tromsø "
           "ønsker samarbeid om nordlys og turisme.", "latin-1"),
    ("fr", "La façade de l’hôtel de ville de Besançon accueillera la délégation de Tainan – "
           "« un geste fort », a déclaré le maire.", "cp1252"),
    ("es", "El alcalde de Cádiz firmó un memorando con Kaohsiung: “una relación histórica”, "
           "afirmó. Año de cooperación en España.", "cp1252"),
    ("pt-short", "São Paulo", "latin-1"),
    ("de-short", "Zürich", "latin-1"),
    ("no-short", "Tromsø", "latin-1"),
]
EAST_ASIAN = [
    ("big5", "臺北市與布拉格締結姊妹市，雙方將在文化、教育及觀光領域合作。", "big5", ("cp950", "big5")),
    ("big5-short", "臺北市與布拉格締結姊妹市", "big5", ("cp950", "big5")),
    ("gb18030", "台北市与布拉格缔结姐妹市，双方签署合作备忘录。", "gb18030", ("gb18030",)),
    ("shift_jis", "台南市の黄市長は山形県山形市の市長と面会し、友好交流協定を締結した。", "shift_jis",
     ("cp932", "shift_jis")),
    ("euc-jp", "台南市の黄市長は山形県山形市の市長と面会し、友好交流協定を締結した。", "euc_jp", ("euc_jp",)),
    ("shift_jis-short", "仙台市と台南市", "shift_jis", ("cp932", "shift_jis")),
]
# Czech in windows-1250: valid cp1252 too, where 'ř' reads as 'ø'. Only a declaration tells.
CZECH = "Praha a Tchaj-pej podepsaly smlouvu o spolupráci, řekl primátor. Město Ostrava také."


class TestUtf8AndDeclarations:
    def test_valid_utf8_always_wins(self):
        text = "São Paulo, Zürich, Tromsø, 臺北市"
        decoded = decode(text.encode("utf-8"), "mixed.txt", declared="windows-1252")
        assert (decoded.text, decoded.encoding, decoded.basis) == (text, "utf-8", Basis.UTF8)

    def test_a_declared_charset_wins_over_a_guess(self):
        data = CZECH.encode("cp1250")
        assert decode(data, "praha.txt").text != CZECH, "a guess reads it as Western European"
        decoded = decode(data, "praha.txt", declared="windows-1250")
        assert (decoded.text, decoded.encoding, decoded.basis) == (CZECH, "cp1250", Basis.DECLARED)

    def test_a_meta_charset_windows_1252_page_decodes(self):
        page = ("<html><head><meta charset=windows-1252><title>Besançon accueille Tainan</title></head><body>"
                "<p>La façade de l’hôtel de ville accueillera la délégation de Tainan.</p></body></html>")
        doc = parse_document(page.encode("cp1252"), "besancon.html")
        assert "La façade de l’hôtel de ville" in doc.text
        assert doc.title == "Besançon accueille Tainan"
        assert doc.encoding == "cp1252"

    def test_an_http_equiv_meta_and_an_xml_declaration_are_declarations(self):
        body = f"<body><p>{CZECH}</p></body></html>"
        equiv = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
                 f"</head>{body}")
        xml = f'<?xml version="1.0" encoding="windows-1250"?><html xmlns="http://www.w3.org/1999/xhtml">{body}'
        for page in (equiv, xml):
            doc = parse_document(page.encode("cp1250"), "praha.html")
            assert CZECH in doc.text and doc.encoding == "cp1250"

    def test_the_servers_charset_wins_over_the_pages(self):
        page = f"<html><head><meta charset='iso-8859-1'></head><body><p>{CZECH}</p></body></html>"
        data = page.encode("cp1250")
        for kwargs in ({"charset": "windows-1250"}, {"media_type": "text/html; charset=windows-1250"}):
            doc = parse_document(data, "praha.html", **kwargs)
            assert CZECH in doc.text and doc.encoding == "cp1250"

    def test_iso_2022_jp_escapes_are_read_though_the_bytes_are_ascii(self):
        text = "台南市の黄市長は山形市と友好交流協定を締結した。"
        decoded = decode(text.encode("iso2022_jp"), "mail.txt")
        assert (decoded.text, decoded.encoding) == (text, "iso2022_jp")

    def test_a_wrong_declaration_that_cannot_decode_falls_back_to_a_guess(self):
        data = "Tromsø og Zürich".encode("latin-1")
        decoded = decode(data, "x.txt", declared="utf-8")
        assert (decoded.text, decoded.encoding, decoded.guessed) == ("Tromsø og Zürich", "cp1252", True)


class TestGuesses:
    @pytest.mark.parametrize(("lang", "text", "saved_as"), WESTERN, ids=[w[0] for w in WESTERN])
    def test_western_european_text_reads_as_written(self, lang, text, saved_as):
        doc = parse_document(text.encode(saved_as), f"{lang}.txt")
        assert doc.text == text
        assert doc.encoding == "cp1252", "Latin-1 is read as its superset, as browsers do"

    @pytest.mark.parametrize(("name", "text", "saved_as", "recorded"), EAST_ASIAN,
                             ids=[e[0] for e in EAST_ASIAN])
    def test_chinese_and_japanese_text_reads_as_written(self, name, text, saved_as, recorded):
        doc = parse_document(text.encode(saved_as), f"{name}.txt")
        assert doc.text == text
        assert doc.encoding in recorded

    def test_an_exotic_code_page_never_beats_cp1252(self):
        # charset-normalizer alone reads this as cp775 / cp1250 ('SŃo', 'Săo').
        data = "A cidade de São Paulo assinou um acordo com Taipé.".encode("latin-1")
        assert "São Paulo" in decode(data, "sp.txt").text

    def test_the_euro_sign_picks_iso_8859_15(self):
        text = "Le billet coûte 5 € pour l'œuvre exposée à Besançon."
        decoded = decode(text.encode("iso8859-15"), "prix.txt")
        assert (decoded.text, decoded.encoding) == (text, "iso8859-15")

    def test_other_scripts_still_read_in_their_own_code_pages(self):
        russian = "Город Тайбэй и Москва подписали соглашение о сотрудничестве."
        greek = "Η Αθήνα και η Ταϊπέι υπέγραψαν συμφωνία αδελφοποίησης."
        assert decode(russian.encode("cp1251"), "ru.txt").text == russian
        assert decode(russian.encode("koi8_r"), "ru.txt").text == russian
        assert decode(greek.encode("cp1253"), "el.txt").text == greek

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_a_byte_order_mark(self, codec):
        for text in ("Kaohsiung and Cebu signed a sister city agreement.", "臺北市與布拉格締結姊妹市。"):
            decoded = decode(text.encode(codec), "u16.txt")
            assert (decoded.text, decoded.encoding, decoded.guessed) == (text, codec, True)

    def test_a_guess_is_logged_with_the_file_and_the_encoding(self, caplog):
        with caplog.at_level(logging.WARNING, logger="extractors.encodings"):
            decoded = decode("Tromsø kommune".encode("latin-1"), "tromso.txt")
        assert decoded.guessed and decoded.basis is Basis.GUESSED
        messages = [r.getMessage() for r in caplog.records]
        assert any("tromso.txt" in m and "cp1252" in m for m in messages)

    def test_utf8_and_declared_readings_are_not_logged_as_guesses(self, caplog):
        with caplog.at_level(logging.WARNING, logger="extractors.encodings"):
            decode("São Paulo".encode(), "sp.txt")
            decode(CZECH.encode("cp1250"), "praha.txt", declared="cp1250")
        assert not caplog.records


class TestMess:
    def test_clean_text_scores_zero_and_misreadings_score_high(self):
        assert mess("plain ASCII") == 0.0
        assert mess("São Paulo, Zürich, Tromsø, façade, “quoted”") == 0.0
        assert mess("臺北市與布拉格締結姊妹市，雙方簽署合作備忘錄。") == 0.0
        for wrong in ("SŃo Paulo", "Z³rich", "TromsЇ", "S緌 Paulo", "Ðîññèÿ"):
            assert mess(wrong) > 0.2, wrong
        assert mess("caf\x85") == float("inf"), "a C1 control is never clean text"


def test_the_chosen_encoding_is_stored_with_the_document(tmp_path, sqlite_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "tromso.txt").write_bytes("Tromsø kommune og Hualien fylke er vennskapsbyer.".encode("latin-1"))
    (inbox / "taipei.txt").write_bytes("臺北市與布拉格締結姊妹市，雙方將在文化領域合作。".encode("big5"))
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n', encoding="utf-8")
    settings = load_settings(database_url=sqlite_url, sources_path=tmp_path / "sources.toml",
                             raw_dir=tmp_path / "raw")

    ingest_files(discover(settings), settings)

    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        stored = {r.origin.rsplit("/", 1)[-1]: r for r in conn.execute(select(t.documents))}
    store.close()
    assert stored["tromso.txt"].encoding == "cp1252"
    assert stored["tromso.txt"].text.startswith("Tromsø kommune")
    assert stored["taipei.txt"].encoding in ("cp950", "big5")
    assert stored["taipei.txt"].text.startswith("臺北市與布拉格")
