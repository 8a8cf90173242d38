"""The learned theme model: where a theme's words stand around a pair's
evidence, and which of those themes a trained model keeps."""

from __future__ import annotations

import json

from extractors.pair_scorer import DocContext, PairScorer
from extractors.theme_scorer import (ThemeCue, ThemeScorer, candidate_themes, document_themes, pair_standing,
                                     theme_cues)
from extractors.theme_training import ThemeRow, ThemeRows, fit_themes
from extractors.themes import themes_of
from models.records import Event, Evidence, Level, Mention, Place, Relation, Theme

TAIPEI = Place(id="TW-TPE", name="Taipei", country="TW", level=Level.SPECIAL_MUNICIPALITY)
PRAGUE = Place(id="gn:3067696", name="Prague", country="CZ", level=Level.CITY)


def test_a_theme_that_cooperation_governs_is_framed_and_one_merely_nearby_is_not():
    cues = theme_cues("Taipei and Prague signed a sister-city agreement to cooperate in education and tourism.",
                      ["", "The mayor then visited a museum of modern art."])
    assert cues["education_youth"].framed == 1 and cues["tourism"].framed == 1
    assert cues["culture_arts"] == ThemeCue(evidence=0, following=2, distance=2, framed=0)


def test_a_sentence_left_out_of_the_cooperation_talk_gives_no_theme():
    cues = theme_cues("Taipei and Prague became sister cities.", ["", "", "Trade grew."])
    assert cues["economy_trade"].distance == 3
    assert theme_cues("Taipei and Prague became sister cities.", ["", ""]) == {}


def test_a_city_government_is_no_governance_theme_and_a_university_of_technology_no_technology_theme():
    assert themes_of("台北市政府與布拉格市政府簽署協定") == ()
    assert themes_of("鄉內有2間科技大學") == (Theme.EDUCATION_YOUTH,)
    assert Theme.GOVERNANCE_POLITICS in themes_of("雙方交流市政經驗")


def test_the_document_counts_sentences_per_theme_and_those_where_cooperation_governs_them():
    counts, framed = document_themes(["We will cooperate on trade.", "Trade fell.", "A concert followed."])
    assert counts == {"economy_trade": 2, "culture_arts": 1}
    assert framed == {"economy_trade": 1}


def _scorer() -> ThemeScorer:
    # Keeps a theme whose words stand in the evidence, drops the others.
    return ThemeScorer(weights={"evidence": 6.0}, intercept=-3.0, threshold=0.5)


def test_the_model_keeps_the_themes_its_features_support():
    cues = [{"economy_trade": ThemeCue(evidence=2), "tourism": ThemeCue(following=1, distance=1)}]
    assert candidate_themes(cues) == ["economy_trade", "tourism"]
    assert _scorer().choose(cues, {}, 5, "en", {}) == (Theme.ECONOMY_TRADE,)


def test_a_pair_scorer_with_a_theme_model_gives_every_mention_of_a_pair_the_pair_themes():
    from extractors.pair_scorer import Candidate

    mention = Mention(a=TAIPEI, b=PRAGUE, a_text="Taipei", b_text="Prague", relation=Relation.SISTER,
                      event=Event.ESTABLISHED, evidence=Evidence(text="...", start=0, end=3), confidence=0.5,
                      themes=(Theme.ECONOMY_TRADE, Theme.TOURISM))
    cands = [Candidate(pair=frozenset((TAIPEI.id, PRAGUE.id)), mentions=[mention], features={}, selected=True,
                       themes={"economy_trade": ThemeCue(evidence=1), "tourism": ThemeCue(following=1)})]
    scorer = PairScorer(weights={}, intercept=0.0, calibration=([], []), threshold=0.5, version="t",
                        themes=_scorer())
    [decided] = scorer.decide(cands, DocContext())
    assert decided.themes == (Theme.ECONOMY_TRADE,)
    # and the model file keeps it
    again = PairScorer.from_json(json.loads(json.dumps(scorer.to_json())))
    assert again.themes is not None and again.themes.to_json() == scorer.themes.to_json()


def test_a_founding_recalled_behind_a_later_event_keeps_only_the_themes_its_own_sentence_names():
    import datetime as dt

    from extractors.pair_scorer import Candidate
    from models.records import DatePrecision, EventDate

    def said(event: Event, year: int, text: str) -> Mention:
        return Mention(a=TAIPEI, b=PRAGUE, a_text="Taipei", b_text="Prague", relation=Relation.SISTER,
                       event=event, date=EventDate(value=dt.date(year, 1, 1), precision=DatePrecision.YEAR),
                       evidence=Evidence(text=text, start=0, end=len(text)), confidence=0.5)

    renewal = said(Event.RENEWED, 2024, "This year the two cities renewed their ties to cooperate in trade.")
    founding = said(Event.ESTABLISHED, 2001, "They have been sister cities since 2001.")
    founding_on_trade = said(Event.ESTABLISHED, 2001, "They became sister cities in 2001 to promote trade.")
    pair = frozenset((TAIPEI.id, PRAGUE.id))
    scorer = PairScorer(weights={}, intercept=0.0, calibration=([], []), threshold=0.5, version="t",
                        themes=_scorer())
    for founding_said, founding_themes in ((founding, ()), (founding_on_trade, (Theme.ECONOMY_TRADE,))):
        cands = [Candidate(pair=pair, mentions=[renewal, founding_said], features={}, selected=True,
                           themes={"economy_trade": ThemeCue(evidence=1)})]
        decided = {m.event: m.themes for m in scorer.decide(cands, DocContext())}
        assert decided == {Event.RENEWED: (Theme.ECONOMY_TRADE,), Event.ESTABLISHED: founding_themes}


def test_training_learns_which_cue_matters_and_is_deterministic():
    rows = []
    for doc in range(20):
        rows.append(ThemeRow(doc, {"is:tourism": 1.0, "evidence": 1.0}, 1))
        rows.append(ThemeRow(doc, {"is:tourism": 1.0, "evidence": 0.0}, int(doc % 5 == 0)))
    data = ThemeRows(rows, {doc: 1 + int(doc % 5 == 0) for doc in range(20)})
    folds = [[doc % 5 for doc in range(20)]]
    first, second = fit_themes(data, folds), fit_themes(data, folds)
    assert first.weights["evidence"] > 1.0
    assert first.probability({"is:tourism": 1.0, "evidence": 1.0}) > first.threshold
    assert first.probability({"is:tourism": 1.0}) < first.threshold
    assert first.to_json() == second.to_json()


def test_a_pair_named_in_passing_stands_apart_from_the_pair_the_document_is_about():
    # Taipei-Prague: both sides named 5 and 4 times; Taipei-Houston: Houston once, in a list.
    main = pair_standing([5, 4], [[5, 4], [5, 1]], listed=False)
    aside = pair_standing([5, 1], [[5, 4], [5, 1]], listed=True)
    assert main["pair_main"] == 1.0 and aside["pair_main"] == 0.0
    assert aside["pair_listed"] == 1.0 and main["doc_pairs"] == aside["doc_pairs"] > 0


def test_no_pair_of_a_list_page_that_names_every_partner_once_is_the_main_pair():
    # Kaohsiung's page: the owner named often, five partners once each.
    pairs = [[9, 1]] * 5
    assert pair_standing([9, 1], pairs, listed=True)["pair_main"] == 0.0
    # Two pairs equally strong (a signing of two partners at once) are both main.
    assert pair_standing([4, 3], [[4, 3], [4, 3], [4, 1]], listed=False)["pair_main"] == 1.0


def test_the_theme_model_can_withhold_themes_from_a_tie_named_in_passing():
    cues = [{"economy_trade": ThemeCue(evidence=1)}]
    scorer = ThemeScorer(weights={"evidence": 6.0, "pair_main": 4.0}, intercept=-7.0, threshold=0.5)
    assert scorer.choose(cues, {}, 5, "en", {}, pair_standing([3, 3], [[3, 3], [3, 1]], False)) == (
        Theme.ECONOMY_TRADE,)
    assert scorer.choose(cues, {}, 5, "en", {}, pair_standing([3, 1], [[3, 3], [3, 1]], True)) == ()


def test_the_pair_a_document_is_about_may_take_a_theme_framed_further_down():
    cues = [{"economy_trade": ThemeCue(evidence=1)}]
    framed_elsewhere = {"education_youth": 1}
    main = pair_standing([3, 3], [[3, 3], [3, 1]], False)
    aside = pair_standing([3, 1], [[3, 3], [3, 1]], False)
    assert candidate_themes(cues, framed_elsewhere, main) == ["economy_trade", "education_youth"]
    assert candidate_themes(cues, framed_elsewhere, aside) == ["economy_trade"]


def test_a_theme_written_in_a_list_of_fields_is_enumerated_and_one_standing_alone_is_not():
    cues = theme_cues("Taipei and Prague will cooperate in trade, tourism and education.", [])
    assert {t: c.enumerated for t, c in cues.items()} == {"economy_trade": 1, "tourism": 1, "education_youth": 1}
    cues = theme_cues("台北市與布拉格市將在觀光、教育等領域合作。", [])
    assert cues["tourism"].enumerated == 1 and cues["education_youth"].enumerated == 1
    cues = theme_cues("Taipei and Prague signed the pact; students then visited the town's museum.", [])
    assert cues["education_youth"].enumerated == 0 and cues["culture_arts"].enumerated == 0
