"""bench-scale measures the merge step in fresh processes and reports how
its time grows against n log n."""

from __future__ import annotations

from flows.bench_scale import report_lines, run_scale_bench


def test_bench_scale_merges_each_size_in_its_own_process():
    results = run_scale_bench((500, 1_500))
    assert [r.mentions for r in results] == [500, 1_500]
    assert all(0 < r.partnerships <= r.mentions and r.seconds > 0 and r.peak_rss_mb > 0 for r in results)
    lines = report_lines(results)
    assert len(lines) == 3 and "n log n would be" in lines[-1]
