"""bench-scale measures the merge step in fresh processes and reports how
its time grows against n log n; its database part runs the whole dedupe
flow on a generated SQLite database per size and reports what it stored; its extraction part reports words/s on the
local path and on 1 and 2 Dask workers, and says in one line why it did not
run when PostgreSQL cannot be used."""

from __future__ import annotations

import pytest
from conftest import PG_ADMIN_URL
from sqlalchemy import create_engine, text

from flows.bench_dask import DaskBench, ExtractTiming, corpus, run_dask_bench, throwaway_databases
from flows.bench_dask import report_lines as dask_lines
from flows.bench_dedupe import report_lines as dedupe_lines
from flows.bench_dedupe import run_dedupe_bench
from flows.bench_scale import report_lines, run_scale_bench
from models.settings import load_settings


def test_bench_scale_merges_each_size_in_its_own_process():
    results = run_scale_bench((500, 1_500))
    assert [r.mentions for r in results] == [500, 1_500]
    assert all(0 < r.partnerships <= r.mentions and r.seconds > 0 and r.peak_rss_mb > 0 for r in results)
    lines = report_lines(results)
    assert len(lines) == 3 and "n log n would be" in lines[-1]


def test_bench_scale_runs_dedupe_on_a_filled_database_and_reports_what_it_stored(tmp_path):
    [result] = run_dedupe_bench(load_settings(), (2_000,), folder=tmp_path)
    engine = create_engine(f"sqlite:///{tmp_path / 'dedupe-2000.db'}")
    with engine.connect() as conn:
        mentions = conn.scalar(text("SELECT count(*) FROM mentions"))
        stored = conn.scalar(text("SELECT count(*) FROM partnerships"))
        clusters = conn.scalar(text("SELECT count(DISTINCT cluster_id) FROM documents"))
    engine.dispose()
    assert mentions == result.mentions == 2_000 and result.documents == 666
    assert 0 < result.partnerships == stored == result.inserted <= 400
    assert result.clusters == clusters < result.documents, "near-copies were clustered"
    assert result.seconds > 0 and result.peak_rss_mb > 0
    [line] = dedupe_lines([result])
    assert line.lstrip().startswith(f"2,000 mentions -> {stored:>7,} partnerships: dedupe with SQLite")


def test_extraction_report_gives_words_per_second_and_the_ratios_between_worker_counts():
    timings = (ExtractTiming(0, 800, 200_000, 1_600, 50.0, 3.0),
               ExtractTiming(1, 800, 200_000, 1_600, 55.0, 8.0),
               ExtractTiming(2, 800, 200_000, 1_600, 29.0, 12.0),
               ExtractTiming(2, 800, 200_000, 1_600, 31.0, 11.0),
               ExtractTiming(1, 800, 200_000, 1_600, 52.0, 8.0),
               ExtractTiming(0, 800, 200_000, 1_600, 51.0, 3.0))
    lines = dask_lines(DaskBench(timings, load_before=1.0, load_after=2.0))
    assert "200,000 words" in lines[0] and "load average 1.0 before and 2.0 after" in lines[0]
    assert lines[1].split(":")[0].strip() == "local path, 1 process" and "4,000 words/s" in lines[1]
    assert "Dask, 1 worker:" in lines[2] and "3,846 words/s" in lines[2]  # the better of its two runs
    assert "best of 55.0, 52.0 s" in lines[2]
    assert "Dask, 2 workers:" in lines[3] and "6,897 words/s" in lines[3] and "12.0 s not timed" in lines[3]
    assert "2 workers / 1 worker 1.79x; 1 worker / local path 0.96x" in lines[4]
    assert lines[5].strip().startswith("timed:") and "not timed:" in lines[5]


def test_unreachable_postgres_skips_the_extraction_part_in_one_line():
    bench = run_dask_bench(load_settings(), 1_000, "postgresql+psycopg://postgres@127.0.0.1:1/postgres")
    assert not bench.timings and bench.skipped
    [line] = dask_lines(bench)
    assert line.startswith("extraction part skipped: PostgreSQL at") and "127.0.0.1:1" in line


def test_corpus_has_the_words_asked_for_in_distinct_articles():
    texts = corpus(5_000)
    assert 5_000 <= sum(len(t.split()) for t in texts) < 5_000 + max(len(t.split()) for t in texts)
    assert len(set(texts)) == len(texts)


@pytest.mark.postgres
def test_throwaway_databases_copy_a_template_and_are_dropped():
    with throwaway_databases(PG_ADMIN_URL) as new_database:
        template = new_database(None)
        engine = create_engine(template)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x int)"))
            conn.execute(text("INSERT INTO t VALUES (7)"))
        engine.dispose()
        copied = new_database(template)
        copy = create_engine(copied)
        with copy.connect() as conn:
            assert conn.scalar(text("SELECT x FROM t")) == 7
        copy.dispose()
        names = {template.rsplit("/", 1)[1], copied.rsplit("/", 1)[1]}
    admin = create_engine(PG_ADMIN_URL)
    with admin.connect() as conn:
        left = conn.scalars(text("SELECT datname FROM pg_database WHERE datname LIKE 'citypairs_bench_%'")).all()
    admin.dispose()
    assert not names & set(left)
