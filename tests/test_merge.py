"""Merge rules: many mentions, one canonical row per pair and relation."""

from __future__ import annotations

import datetime as dt

from extractors.merge import merge
from models.rows import StoredMention

D = dt.date


def mention(id, doc, *, a="TW-TPE", b="gn:3067696", relation="sister", event="established", date=None,
            precision=None, published=D(2020, 1, 15), cluster=None, themes=(), confidence=0.8):
    return StoredMention(id=id, document_id=doc, cluster_id=cluster or doc, published=published, a_id=a, b_id=b,
                         relation=relation, event=event, event_date=date,
                         date_precision=precision or ("day" if date else None), themes=tuple(themes),
                         confidence=confidence)


def test_one_row_per_unordered_pair_and_relation():
    rows = merge([mention(1, 1), mention(2, 2, a="gn:3067696", b="TW-TPE"), mention(3, 3, relation="mou")])
    assert sorted((r.relation, r.n_mentions) for r in rows) == [("mou", 1), ("sister", 2)]
    assert all(r.a_id == "TW-TPE" for r in rows), "Taiwan's side comes first"


def test_earliest_established_date_is_kept_apart_from_reporting_dates():
    rows = merge([
        mention(1, 1, date=D(2020, 1, 13), published=D(2020, 1, 15)),
        mention(2, 2, date=D(2019, 1, 1), precision="year", published=D(2021, 6, 1)),
        mention(3, 3, event="renewed", date=D(2021, 1, 13), published=D(2021, 1, 14)),
    ])
    [row] = rows
    assert (row.established, row.established_precision) == (D(2019, 1, 1), "year")
    assert (row.first_reported, row.last_reported) == (D(2020, 1, 15), D(2021, 6, 1))


def test_a_year_and_a_month_inside_it_are_one_founding_the_month_kept():
    [row] = merge([mention(1, 1, date=D(1995, 1, 1), precision="year"),
                   mention(2, 2, date=D(1995, 9, 1), precision="month"),
                   mention(3, 3, date=D(1996, 1, 1), precision="year")])
    assert (row.established, row.established_precision) == (D(1995, 9, 1), "month")
    # A more precise date outside the earliest period does not move it.
    [row] = merge([mention(1, 1, date=D(1995, 1, 1), precision="year"),
                   mention(2, 2, date=D(1996, 3, 1), precision="month")])
    assert (row.established, row.established_precision) == (D(1995, 1, 1), "year")


def test_a_later_termination_ends_the_tie():
    [row] = merge([mention(1, 1, date=D(2016, 5, 1)), mention(2, 2, event="terminated", date=D(2019, 10, 7))])
    assert row.status == "terminated"


def test_a_renewal_after_a_termination_revives_it():
    [row] = merge([mention(1, 1, event="terminated", date=D(2019, 10, 7)),
                   mention(2, 2, event="renewed", date=D(2022, 1, 1))])
    assert row.status == "active"


def test_proposals_alone_leave_the_tie_proposed():
    [row] = merge([mention(1, 1, event="proposed"), mention(2, 2, event="proposed")])
    assert row.status == "proposed" and row.established is None


def test_near_copies_count_as_one_independent_source():
    [row] = merge([mention(1, 1, cluster=1), mention(2, 2, cluster=1), mention(3, 3, cluster=3)])
    assert (row.n_documents, row.n_sources) == (3, 2)


def test_themes_are_the_union_in_taxonomy_order():
    [row] = merge([mention(1, 1, themes=["tourism"]), mention(2, 2, themes=["economy_trade", "tourism"])])
    assert row.themes == ("economy_trade", "tourism")


def test_independent_sources_raise_confidence():
    [one] = merge([mention(1, 1, confidence=0.6)])
    [two] = merge([mention(1, 1, confidence=0.6), mention(2, 2, confidence=0.6)])
    [copies] = merge([mention(1, 1, confidence=0.6), mention(2, 2, cluster=1, confidence=0.6)])
    assert one.confidence == 0.6 and two.confidence == 0.84 and copies.confidence == 0.6


def test_merging_is_deterministic():
    ms = [mention(i, i, date=D(2000 + i, 1, 1)) for i in range(1, 6)]
    assert merge(ms) == merge(list(reversed(ms)))


def test_a_generic_agreement_in_a_document_that_names_the_tie_is_that_tie():
    headline = mention(1, 1, relation="cooperation")
    story = mention(2, 1, relation="friendship")
    elsewhere = mention(3, 2, relation="cooperation")  # another document: a separate cooperation deal
    rows = merge([headline, story, elsewhere])
    assert sorted((r.relation, r.n_mentions) for r in rows) == [("cooperation", 1), ("friendship", 2)]


def test_two_specific_ties_in_one_document_stay_apart():
    rows = merge([mention(1, 1, relation="mou"), mention(2, 1, relation="sister"),
                  mention(3, 1, relation="cooperation")])
    assert sorted((r.relation, r.n_mentions) for r in rows) == [("mou", 1), ("sister", 2)]


def test_a_dated_generic_agreement_is_the_tie_of_its_year_not_an_older_one():
    from extractors.merge import specific_relations

    # 'inked an agreement on Monday' (2023), sister cities since 1968, the MOU signed that Monday (undated)
    items = [("cooperation", "established", 2023), ("sister", "established", 1968), ("mou", "established", None),
             ("friendship", "proposed", None)]
    assert specific_relations(items, lambda i: "pair", lambda i: i[0], lambda i: (i[1], i[2]))[0] == "mou"
    # without dates, the most specific relation the page names
    assert specific_relations(items, lambda i: "pair", lambda i: i[0])[0] == "sister"
