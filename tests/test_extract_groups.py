"""A batch's mentions are stored in groups as its documents finish: a run
stopped or crashed part-way keeps every group stored before it, leaves the
rest unextracted, and the next run reads only those, to the same mentions
as a run that was never stopped."""

from __future__ import annotations

import datetime as dt
import hashlib
import signal

import pytest
from sqlalchemy import select

import flows.extract
from extractors.pipeline import extractor_version
from flows.extract import extract_documents
from flows.stopping import Stopped
from models import schema as t
from models.records import ParsedDocument
from models.settings import load_settings
from models.store import Store

ARTICLES = [
    "Kaohsiung and Cebu City in the Philippines signed a sister city agreement on Friday.",
    "Taoyuan and Jonava in Lithuania signed a memorandum of understanding on youth exchanges.",
    "Tainan and Sendai in Japan signed a friendship city agreement in 2006, officials recalled.",
    "Taichung and Sacramento in California renewed their sister city agreement this week.",
    "Hsinchu City and Cupertino signed a sister city agreement to work on semiconductors.",
    "Keelung and Mobile in Alabama marked 20 years as sister cities with a harbour festival.",
]


def filled(url: str) -> list[int]:
    store = Store(url)
    try:
        for i, text in enumerate(ARTICLES):
            parsed = ParsedDocument(sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                                    text=text, published=dt.date(2024, 3, 1 + i))
            store.add_document("inbox", f"inbox/{i}.txt", len(text), parsed)
        return store.documents_to_extract("none yet")
    finally:
        store.close()


def stopping_after(documents: int, error: BaseException):
    """A progress wrapper that lets ``documents`` results through, then fails
    as a stop (or a crash) would between documents."""

    def wrapper(items, description, total=None):
        for i, item in enumerate(items):
            if i == documents:
                raise error
            yield item

    return wrapper


def extracted(url: str, version: str) -> list[tuple]:
    store = Store(url)
    try:
        d, m = t.documents.c, t.mentions.c
        with store.engine.connect() as conn:
            done = conn.execute(select(d.sha256).where(d.extractor_version == version).order_by(d.id)).all()
            mentions = conn.execute(select(d.sha256, m.key, m.a_id, m.b_id, m.relation, m.event, m.event_date,
                                           m.evidence, m.confidence, m.extractor_version)
                                    .join(t.documents, d.id == m.document_id).order_by(m.key)).all()
        return [tuple(r) for r in done], [tuple(r) for r in mentions]
    finally:
        store.close()


@pytest.mark.parametrize("error", [Stopped(signal.SIGTERM), RuntimeError("worker crashed")], ids=["stop", "crash"])
def test_a_stopped_batch_keeps_its_stored_groups_and_the_next_run_reads_only_the_rest(
        error, db_url, tmp_path, monkeypatch):
    settings = load_settings(database_url=db_url, processes=1, store_every=2)
    version = extractor_version(settings.spacy_model, settings.pair_scorer)
    ids = filled(db_url)

    # Five documents come out, the stop comes before the sixth: two groups of
    # two were stored, the fifth was in hand.
    with monkeypatch.context() as patch:
        patch.setattr(flows.extract, "progress", stopping_after(5, error))
        with pytest.raises(type(error)):
            extract_documents(ids, settings)
    done, _ = extracted(db_url, version)
    assert len(done) == 4
    store = Store(db_url)
    left = store.documents_to_extract(version)
    store.close()
    assert left == ids[4:]

    extract_documents(left, settings)

    reference = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    extract_documents(filled(reference), settings.model_copy(update={"database_url": reference}))
    resumed, uninterrupted = extracted(db_url, version), extracted(reference, version)
    assert resumed == uninterrupted
    assert len(resumed[0]) == len(ARTICLES) and len(resumed[1]) >= 4


def test_a_group_is_stored_after_store_seconds_even_when_smaller(sqlite_url, monkeypatch):
    settings = load_settings(database_url=sqlite_url, processes=1, store_every=1_000)
    version = extractor_version(settings.spacy_model, settings.pair_scorer)
    ids = filled(sqlite_url)
    monkeypatch.setattr(flows.extract, "STORE_SECONDS", 0.0)
    monkeypatch.setattr(flows.extract, "progress", stopping_after(3, RuntimeError("crashed")))
    with pytest.raises(RuntimeError):
        extract_documents(ids, settings)
    done, _ = extracted(sqlite_url, version)
    assert len(done) == 3
