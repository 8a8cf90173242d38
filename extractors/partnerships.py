"""spaCy component ``citypairs_partnerships``: who partners with whom.

Works sentence by sentence over the places ``citypairs_places`` found. Every
sentence that names a relation (sister city, friendship city, MOU,
cooperation agreement...) proposes a *candidate* for each pair of local
governments it puts together; when it names only one side, or refers to "the
two cities", the missing side comes from the sentences just before or from
the government the document is about. The hand-written rules below (explicit
partners, lists, third parties, someone else's tie) do not drop candidates:
their verdicts become features of the learned pair scorer (``pair_scorer.py``),
which decides which pairs the document asserts and how sure it is. The event
comes from the verbs around the pair, the date from the nearest date
expression, the themes from the passage.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.agreements import agreement_mentions
from extractors.anniversaries import (anniversary_ahead, anniversary_date, anniversary_span, founded_and_kept, on_the_day,
                                     marked_founding, plans_renewal, years_over_at, years_since)
from extractors.apposed_ties import apposed_partners, its_ties_with, possessed_partner
from extractors.asides import aims_only, aside_told, outside_asides, relative_asides
from extractors.clause_ties import ClauseTie, aside_ties, clause_ties, later_ties, pair_item
from extractors.dates import find_dates
from extractors.elses_ties import (coordinated_partners, gapped_partners, listed_date, on_someone_elses_list, organisations_tie,
                                   partners_of_subject, signers_own, someone_elses_tie, tells_another_tie)
from extractors.event_dates import (CEREMONY_WINDOW, anothers_item_date, bracketed_years, ceremony_date, clause_date,
                                    field_date_before, founding_aside, item_dates, nearest_date, said_same_day)
from extractors.followups import anniversary_followups, example_pairs, unsaid_pair
from extractors.lexicon import event_of, relations_in
from extractors.locators import drop_contained
from extractors.other_side import (FIRST_PERSON, LOOKBACK, Sentence, implicit_owner, passage_sides, subject_pairs,
                                   subject_referent, topic_before, unnamed_subject)
from extractors.pair_features import document_context, pair_features
from extractors.pair_scorer import Candidate, load_scorer, rule_mentions
from extractors.pair_structure import (adjacent_pairs, between_pairs, co_objects, continuation, continued_partners,
                                       distinct_places, list_chains, listed_together, not_in, parallel_clauses,
                                       respective_pairs, resumed_subject, same_kind_pair, standing_alone, third_party_between)
from extractors.pair_clauses import described_beside, fronted_tie, not_the_pairs, other_clauses
from extractors.pair_wording import (COOPERATION_TALK, apposed_relation, closest_mentions, describes_only, in_other_item,
                                     item_relation, pair_event, plan_clause, rule_confidence, themes_around)
from extractors.places import PlaceSpan
from extractors.record_pages import record_mention
from extractors.segmentation import text_of
from extractors.table_rows import (ROWS_AFTER_HEADER, kind_column_rows, owner_heading, page_at, province_with_town,
                                  row_candidates, unread_row, year_hint_at)
from extractors.theme_scorer import ThemeCue, theme_cues
from extractors.tie_kinds import beside_others, relation_of, upgraded_from, upgraded_to
from extractors.timelines import TIMELINE_ROWS, timeline_row, timeline_sides
from extractors.trip_sides import firm_party, guests_only, trip_only, witnesses
from models.records import Event, Evidence, Mention

for _name, _default in (("mentions", None), ("candidates", None), ("pair_context", None), ("published", None),
                        ("title", None), ("year_headings", None), ("pages", ())):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

@Language.factory("citypairs_partnerships", default_config={"theme_window": 6, "scorer": ""},
                  assigns=["doc._.mentions", "doc._.candidates"], requires=["doc._.places"])
def make_partnerships(nlp: Language, name: str, theme_window: int, scorer: str) -> "PartnershipFinder":
    return PartnershipFinder(theme_window, scorer, lang=nlp.lang)


class PartnershipFinder:
    def __init__(self, theme_window: int = 6, scorer: str = "", lang: str = "en"):
        self.theme_window = theme_window
        # 'off': the rules alone decide (how training data is gathered).
        self.scorer = None if scorer == "off" else load_scorer(scorer)
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        places = [p for p in (doc._.places or []) if p.is_side]
        # An organisation named after a foreign city still stands for a third party ('Prague councillors').
        orgs = [p for p in (doc._.places or []) if p.kind == "org" and p.place is not None]
        sentences = []
        for sent in doc.sents:
            sides = owner_heading(doc, sent.start_char, sent.end_char,
                                  [p for p in places if sent.start_char <= p.start < sent.end_char])
            others = [p for p in orgs if sent.start_char <= p.start < sent.end_char]
            sentences.append(Sentence(sent.start_char, sent.end_char, sent.text,
                                       drop_contained(sides, text_of(doc)), others))
        ctx = document_context(doc, places, self.lang, sentences)
        parties = drop_contained(places, text_of(doc))
        agreed = agreement_mentions(text_of(doc), parties, doc._.published, lambda at: page_at(doc, at)) or [
            m for m in [record_mention(text_of(doc), parties, doc._.page_owner, doc._.published,
                                       lambda at: page_at(doc, at))] if m is not None]  # a record page's fields
        candidates = [Candidate(pair=frozenset((m.a.id, m.b.id)), mentions=[m], selected=True,
                                # the title block names both parties and the tie, as a sentence the rules chose would
                                features={"agreement": 1.0, "rule_conf": m.confidence, "selected": 1.0,
                                          "in_sentence": 1.0, "event_cue": 1.0, f"rel:{m.relation.value}": 1.0,
                                          "tw_foreign": float((m.a.country == "TW") != (m.b.country == "TW"))},
                                themes={t.value: ThemeCue(evidence=1) for t in m.themes})
                      for m in agreed]
        agreed_pairs = {c.pair for c in candidates}
        header: tuple[int, list] | None = None  # the last sentence with a cue, and its cues
        timeline = timeline_sides(sentences, doc._.title, doc._.page_owner)
        before: list[Candidate] = []  # the candidates of the sentence before
        for i, sent in enumerate(sentences):
            cues = [c for c in relations_in(sent.text) if not firm_party(doc, sent.start + c[2])]
            asides = relative_asides(doc, sent.start, sent.end) if cues else []
            if aims_only(text_of(doc), sent.start, cues, asides, sent.sides):
                continue  # '…the Asian Mayors Forum, which promotes sister city exchanges': the forum's aim, no tie
            if not cues:
                if header is not None and i - header[0] <= ROWS_AFTER_HEADER:
                    candidates.extend(row_candidates(doc, sentences, i, header, ctx.place_counts))
                if header is not None and i - header[0] <= 2:  # (the sentence after, or the one after that)
                    candidates.extend(anniversary_followups(sent, before, doc._.published, page_at(doc, sent.start))
                                      or example_pairs(doc, sentences, i, page_at(doc, sent.start)) or unsaid_pair(
                                          sent, sentences[i - 1], before, self.lang, doc._.published, page_at(doc, sent.start)))
                continue
            if header is not None and i - header[0] <= ROWS_AFTER_HEADER and (
                    rows := kind_column_rows(doc, sentences, i, header, cues, ctx.place_counts)):
                candidates.extend(rows)  # ('3 美國 德州科林郡 2019年10月8日 姊妹市': a row with a column for the kind)
                continue
            header = header if header is not None and unread_row(sent) else (i, cues)
            if timeline and 0 < i - timeline[0] <= TIMELINE_ROWS and (
                    row := timeline_row(sent, cues, timeline, doc._.published, page_at(doc, sent.start))):
                candidates.append(row)
            if not sent.sides and not sent.orgs and (kept := anniversary_followups(
                    sent, before, doc._.published, page_at(doc, sent.start)) or (i and unsaid_pair(
                    sent, sentences[i - 1], before, self.lang, doc._.published, page_at(doc, sent.start)))):
                candidates.extend(kept)  # ('令和5年には協定締結5周年を記念し、…': the tie of the sentence before)
                continue
            before = []
            for cand in self._sentence_candidates(doc, sentences, i, cues, ctx.place_counts, asides):
                # Inside an agreement, 'agree to become sister cities' performs the act: no proposal.
                if cand.pair in agreed_pairs:
                    cand.mentions = [m for m in cand.mentions if m.event is not Event.PROPOSED]
                    if not cand.mentions:
                        continue
                candidates.append(cand)
                before.append(cand)
        candidates = [c for c in candidates if not province_with_town(c)]
        doc._.candidates = candidates
        doc._.pair_context = ctx
        doc._.mentions = (self.scorer.decide(candidates, ctx) if self.scorer is not None
                          else rule_mentions(candidates))
        return doc

    def _sentence_candidates(self, doc: Doc, sentences: list[Sentence], i: int, cues, counts: dict[str, int],
                             asides: list[tuple[int, int]]) -> list[Candidate]:
        sent = sentences[i]
        lookback_texts = [s.text for s in sentences[max(0, i - LOOKBACK):i]]
        relation = relation_of(sent.text, cues, lookback_texts)
        sides = passage_sides(sentences, i, doc._.page_owner, doc._.places or [], self.lang)
        local, foreign, borrowed, anaphor = sides.local, sides.foreign, sides.borrowed, sides.anaphor
        back_local = sides.back_local
        chains = list_chains(text_of(doc), sent.sides)
        between = between_pairs(text_of(doc), sent.sides)
        adjacent = adjacent_pairs(text_of(doc), sent.sides)
        respective = respective_pairs(sent.text, sent.sides, sent.start) or \
            parallel_clauses(sent.text, sent.sides, sent.start)
        trips = trip_only(text_of(doc), foreign) | trip_only(text_of(doc), local) | guests_only(text_of(doc), foreign) \
            | witnesses(text_of(doc), sent.sides, sent.start)  # ('A delegation from Santa Clara … visited Zhubei')
        structured = [(a, b) for a, b in (respective or between or adjacent) + resumed_subject(text_of(doc), sent.sides)
                      if not {a.place.id, b.place.id} & trips and not organisations_tie(a, b, sent.orgs)]
        named = trips | {s.place.id for pair in structured for s in pair}  # (the rest may still pair: 'from Busan, …')
        rule_pairs = structured + [
            (a, b) for a, b in (closest_mentions(sent.sides, x, y, self.lang) for x in distinct_places(local)
                                for y in distinct_places(foreign))
            if not {a.place.id, b.place.id} & named and not listed_together(doc, a, b, chains)
            and not third_party_between(a, b, not_in(sent.sides + sent.orgs, trips), chains, asides, text_of(doc))
            and not someone_elses_tie(text_of(doc), a, b, sent.sides) and not organisations_tie(a, b, sent.orgs)]
        rule_pairs = signers_own(rule_pairs, text_of(doc), sent.sides)
        known = {frozenset((a.place.id, b.place.id)) for a, b in rule_pairs}
        later = [*continued_partners(text_of(doc), sent.sides), *gapped_partners(text_of(doc), sent.sides)]
        rule_pairs += [(a, b) for a, b in later
                       if frozenset((a.place.id, b.place.id)) not in known and b.place.id not in trips]
        owned = partners_of_subject(text_of(doc), sent.sides) or coordinated_partners(text_of(doc), sent.sides)
        if owned:
            rule_pairs = [(sent.sides[0], s) for s in distinct_places(sent.sides) if s.place.id in owned] + [
                (a, b) for a, b in rule_pairs if not {a.place.id, b.place.id} & set(owned)]
        if apposed := apposed_partners(text_of(doc), sent.sides):  # 'Kaohsiung, the sister city of Miami'
            named = {s.place.id for pair in apposed for s in pair}
            rule_pairs = apposed + [(a, b) for a, b in rule_pairs if not {a.place.id, b.place.id} & named]
        rule_pairs = its_ties_with(text_of(doc), sent.sides, rule_pairs)  # ("…, while the city's ties with X")
        holder = None
        if co_objects(text_of(doc), sent.sides):  # 'formed with A in 1990 and with B in 2004'
            holder = unnamed_subject(sentences, i, doc._.page_owner)
            rule_pairs = [(holder, s) for s in distinct_places(sent.sides)] if holder is not None else []
        subject = subject_referent(sentences, i, counts, doc._.page_owner) or (topic_before(sentences, i) if self.lang == "ja" else None)
        if subject is not None:
            rule_pairs = subject_pairs(sent, subject, rule_pairs)
        rule_pairs = rule_pairs or same_kind_pair(local, foreign, text_of(doc))
        # For recall (the scorer weighs them): every pair named, and a lone side with the last of the other kind before.
        pool = distinct_places(sent.sides)
        spans = {p.place.id for p in pool}
        extra: dict[str, str] = {}
        if (foreign or not local) and not (tells_another_tie(sent.text, local) and not borrowed):
            for s in (local if borrowed else back_local[-1:]):
                if s.place.id not in spans:
                    pool.append(s)
                    spans.add(s.place.id)
                    extra[s.place.id] = "borrowed"
        if borrowed:
            for s in foreign:
                if s.place.id not in spans:
                    pool.append(s)
                    spans.add(s.place.id)
                    extra[s.place.id] = "borrowed"
        if subject is not None and subject.place.id not in spans:
            pool.append(subject)
            spans.add(subject.place.id)
            extra[subject.place.id] = "subject"
        owner = holder or implicit_owner(sent, doc._.page_owner)
        if owner is not None and owner.place.id not in spans:
            pool.append(owner)
            spans.add(owner.place.id)
            extra[owner.place.id] = "owner"
        pairs = {frozenset((a.place.id, b.place.id)): _oriented(a, b) for a, b in rule_pairs
                 if a.place.id != b.place.id and "list" not in getattr(owner, "notes", ())}  # (a list of the owner's)
        chosen = set(pairs)
        if owner is not None and holder is None and (FIRST_PERSON.search(sent.text) or "list" in owner.notes or (
                "implicit" in owner.notes and not rule_pairs and relations_in(sent.text) and (
                    (self.lang in ("ja", "zh") and event_of(sent.text)[1])
                    or _ROW_HEAD.match(text_of(doc), sent.start).end() == min(p.start for p in sent.sides)))):
            # 'Our sister city relationship with Chiayi City began in 1989' on Murray's own page; '平成27年4月、台湾桃園市と
            # 「友好交流に関する覚書」を締結しました' on Shizuoka's (Chinese and Japanese leave out a subject the reader
            # knows; an English one names its own, unless a row headed by the partner: 'Taichung City, Taiwan - …')
            for s in distinct_places(sent.sides):
                if (s.place.country == "TW") != (owner.place.country == "TW"):
                    key = frozenset((owner.place.id, s.place.id))
                    pairs[key] = _oriented(owner, s)
                    chosen.add(key)
        for x_i, x in enumerate(pool):
            for y in pool[x_i + 1:]:
                key = frozenset((x.place.id, y.place.id))
                if len(key) == 2 and key not in pairs and not (x.place.id in extra and y.place.id in extra):
                    pairs[key] = _oriented(x, y)
        pairs = {k: closest_mentions(sent.sides, a, b, self.lang) for k, (a, b) in pairs.items()}
        if not pairs:
            return []
        year_hint = year_hint_at(doc, sent.start)
        described = describes_only(sent.text, cues)
        near = None if described else nearest_date(sent.text, doc._.published, cues, year_hint)
        ceremony = ceremony_date([s.text for s in sentences[i + 1:i + 1 + CEREMONY_WINDOW]], doc._.published)
        date = near or ceremony or (None if described else field_date_before(  # (no day of a visit for a tie in force)
            [s.text for s in sentences[max(0, i - 3):i]], doc._.published, borrowed, said_same_day(sent.text)))
        # A tie already made takes no date from a clause about what is to come.
        past_date = date if near is None else (
            nearest_date(sent.text, doc._.published, cues, year_hint, past=True) or ceremony)
        window = [s.text if COOPERATION_TALK.search(s.text) else "" for s in sentences[i + 1:i + 1 + self.theme_window]]
        themes = themes_around(sent.text, " ".join(window))
        theme_cue_map = theme_cues(sent.text, window)
        evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end,
                            page=page_at(doc, sent.start))
        # Without a publication date, counts of years ('It is ten years since') run from the latest year named.
        written = doc._.published or (dt.date(year_hint, 12, 31) if year_hint else None)
        founded, kept = founded_and_kept(sent.text, date or anniversary_date(sent.text, written))
        aside = None
        if (span := anniversary_span(sent.text, written)) is not None:
            founded, kept = span[0], on_the_day(span[1], ceremony)  # the founding, and when the anniversary is kept
            past_date = founded
        elif (aside := founding_aside(sent.text, doc._.published, year_hint)) is not None:
            founded, rest = aside  # ', established in 2017, were upgraded on Monday'
            kept = nearest_date(rest, doc._.published, relations_in(rest), year_hint) if relations_in(rest) else None
        elif (aside := marked_founding(sent.text, doc._.published, cues, year_hint)) is not None:
            founded, kept = aside  # 'to renew the agreement first signed in 2011', '…2010年簽署的備忘錄暫停執行'
        if past_date is not None and (over := years_over_at(sent.text)) is not None \
                and not 0 <= sent.text.find(past_date.text or "\0") < over:
            past_date = None  # '締結姊妹縣已逾20年，今年…': older than this year's news
        dated_items = item_dates(text_of(doc), sent.start, sent.end, sent.sides, doc._.published)
        # '締結友好城市已屆10年，雙方今年將…': the count dates the founding, whatever later clauses date
        # (from a guessed year a count yields to the sentence's date: '41-year sisterhood, which began in 1982')
        years_ago = years_since(sent.text, doc._.published) or (None if past_date else years_since(sent.text, written))
        ahead = anniversary_ahead(sent.text)
        between_keys = {frozenset((a.place.id, b.place.id)) for a, b in between}
        adjacent_keys = {frozenset((a.place.id, b.place.id)) for a, b in adjacent}
        respective_keys = {frozenset((a.place.id, b.place.id)) for a, b in respective}
        n_rule = len(chosen)
        alone = frozenset(standing_alone(text_of(doc), sent.sides))
        out = []
        for key, (a, b) in pairs.items():
            event, has_event_cue = pair_event(text_of(doc), a, b, sent.text, sent.start)
            if event is Event.RENEWED and ahead:
                event = Event.ESTABLISHED  # the sentence states the tie; its anniversary is yet to come
            selected = key in chosen
            item = pair_item(sent.text, sent.sides, a, b, sent.start)
            tie, own_date = relation, None
            if item is not None:  # the pair's own item of an enumeration of ties
                item_text = sent.text[item[0]:item[1]]
                item_cues = relations_in(item_text)
                tie = item_relation(item_text, item_cues, relation)
                own_date = (len(dated_items) > 1 and (dated_items.get(b.start) or dated_items.get(a.start))) or clause_date(
                    sent.text[:item[0]], item_text, doc._.published, item_cues, year_hint)  # ('including Portland (1988), Miami (1995)')
                if self.lang == "en" and item[0] <= min(a.start, b.start) - sent.start and event_of(item_text)[1]:
                    event, has_event_cue = event_of(item_text)  # both sides in it: its own verbs speak
            confidence = rule_confidence(tie, has_event_cue, borrowed and selected, max(1, n_rule),
                                     foreign_only=a.place.country != "TW",
                                     provisional=a.place.provisional or b.place.provisional)
            # ('the tie, established in 1986, was terminated last year': the main clause dates the ending)
            pair_date = kept if event is Event.RENEWED or (aside and (event is Event.TERMINATED or plans_renewal(sent.text, event))) else years_ago if event is Event.ESTABLISHED and years_ago else (
                (past_date if not ahead or (past_date and doc._.published and past_date.value.year < doc._.published.year)
                 else None)  # (a tie whose anniversary is to come: its founding, not the day that was said)
                if event is Event.ESTABLISHED else None if ahead else date)
            if own_date is None and (said := next((c for s in sorted((a, b), key=lambda s: s.place.country == "TW")
                                                  if s.end > sent.start and (c := continuation(text_of(doc), s))), "")):
                own_date = next((d.date for d in find_dates(said, doc._.published)), None)  # 'and in 2017 of Kure'
            if own_date is None and owned.get(a.place.id, owned.get(b.place.id, 0)) is None:  # a listed partner
                pair_date = listed_date(text_of(doc), sent.sides, pair_date, doc._.published)
            if own_date is not None and not (event is Event.RENEWED and span is not None):
                pair_date = own_date  # (an anniversary counted from the item's date is kept later)
            elif item is not None and pair_date is not None and (other_clauses(
                    item, sent.text.find(pair_date.text or "\0"), min(a.start, b.start) - sent.start)
                    if self.lang == "en" else self.lang == "zh" and in_other_item(
                    sent.text, sent.text.find(pair_date.text or "\0"), item)):
                pair_date = None
            elif event is Event.ESTABLISHED and (len(dated_items) > 1 or bracketed_years(sent.text) > 1
                                                 or anothers_item_date(dated_items, sent.sides, key, pair_date, self.lang)):
                pair_date = dated_items.get(b.start) or dated_items.get(a.start)  # (a list's items carry their own dates)
            if (plan := plan_clause(text_of(doc), a, b)) is not None:  # ('…, and hopes to … with Taipei'): its own date
                pair_date = nearest_date(text_of(doc)[plan[0]:plan[1]], doc._.published, [], year_hint)
            elif not_the_pairs(self.lang, sent.text, pair_date, a, b, sent.sides, sent.start):
                pair_date = None
            told = aside_told(text_of(doc), asides, a, b)
            selected = selected and (told is None or bool(relations_in(told)))  # (', who was in Manila for a forum,')
            if told is None and not any(x <= min(a.start, b.start) < y for x, y in asides):
                main_tie = outside_asides(sent.text, sent.start, asides, tie)  # (the main clause's own kind of tie)
                # (the aside's tie is with the places it names itself, not with the pair's other side)
                tie, selected = main_tie or tie, selected and (main_tie is not None or borrowed or not any(
                    {p.place.id for p in sent.sides if x <= p.start < y} - key for x, y in asides))
            tie = apposed_relation(sent.text, sent.start, cues, (b, a)) or (beside_others(
                sent.text, sent.start, cues, sent.sides, key, lookback_texts) if tie is relation else None) or tie
            if possessed_partner(text_of(doc), a, b):
                pair_date = None
            if told is not None and event is not Event.RENEWED:  # a partner named in an aside: the aside dates it
                pair_date = nearest_date(told, doc._.published, relations_in(told), year_hint) \
                    if relations_in(told) else None
            if (apposed := owned.get(a.place.id) or owned.get(b.place.id)) and sent.sides[0].place.id in key:
                said = text_of(doc)[apposed[0]:apposed[1]]  # ', its sister city since 1979': the tie as it stands
                pair_date = nearest_date(said, doc._.published, relations_in(said), year_hint) or (
                    years_since(said, doc._.published))  # (', its sister city of 24 years')
                event = event_of(said)[0] if event_of(said)[1] else Event.ESTABLISHED
            second: list[ClauseTie] = []
            # (where the sentence first names each side: a later clause may name them again)
            firsts = [min((p.end for p in sent.sides if p.place.id == s.place.id), default=-1) for s in (a, b)]
            later = later_ties(sent.text, max(firsts) - sent.start, [
                p.start - sent.start for p in sent.sides if p.place.id not in key]) if max(firsts) >= 0 else []  # (one side unsaid)
            ties = clause_ties(sent.text, later, tie, doc._.published, year_hint) if later else aside_ties(
                sent.text, [(x - sent.start, y - sent.start) for x, y in asides if not any(
                    x <= s.start < y for s in sent.sides)], tie, doc._.published, year_hint)  # asides naming no one
            if ties:
                # the pair's first tie is the main clause's, each later clause or aside states another
                first, *second = ties
                later_date = pair_date is not None and any(  # ('…已逾40年，今年雙方簽署續約': the later clause's)
                    x <= sent.text.find(pair_date.text or "\0") < y for x, y in later)
                tie, pair_date = first.relation, first.date or (None if later_date else pair_date)
                event, has_event_cue = (first.event, True) if first.has_event_cue else (event, has_event_cue)
            if (fronted := fronted_tie(sent.text, sent.start, (a, b), sent.sides, doc._.published,
                                       year_hint)) is not None:
                event, pair_date, tie = fronted[0], fronted[1], fronted[2] or tie  # ('After signing … with X last year, …')
            # ('visited its sister city Sendai and signed … with Kumamoto': Sendai's tie is older than the day)
            older = event is Event.ESTABLISHED and described_beside(sent.text, sent.start, cues, (a, b), sent.sides)
            tie = (event is Event.RENEWED and not second and upgraded_to(sent.text)) or tie
            mention = Mention(a=a.place, b=b.place, a_text=a.text, b_text=b.text, relation=tie, event=event,
                              date=None if older else pair_date, themes=themes, evidence=evidence, confidence=confidence)
            mentions = [mention] + [mention.model_copy(update={"relation": t.relation, "event": t.event,
                                                               "date": t.date}) for t in second]
            if (founded or years_ago) and (event is Event.RENEWED or (aside and (event is Event.TERMINATED or plans_renewal(
                    sent.text, event)))) and not not_the_pairs(self.lang, sent.text, founded, a, b, sent.sides, sent.start):
                mentions.append(mention.model_copy(update={"event": Event.ESTABLISHED, "date": founded or years_ago,
                                                           "relation": upgraded_from(sent.text) or tie}))
            features = pair_features(doc, sent, a, b, tie, event, has_event_cue, cues, chains, asides)
            # "could join Long Beach's list of sister cities, including Yokkaichi": the scorer drops it (too rare to learn)
            features["elses_list"] = float(not selected and on_someone_elses_list(text_of(doc), a, b, sent.sides))
            # 'friendship cities since 2017, the mayor said during a visit to Seoul': a trip's stop beside another partner
            features["trip_only"] = float(a.place.id in trips or b.place.id in trips)
            features.update({
                "selected": float(selected), "rule_conf": confidence if selected else 0.0,
                "between": float(key in between_keys), "adjacent": float(key in adjacent_keys),
                "respective": float(key in respective_keys), "not_respective": float(bool(respective) and key not in respective_keys),
                "borrowed": float(extra.get(a.place.id) == "borrowed" or extra.get(b.place.id) == "borrowed"),
                "anaphor": float(anaphor), "rule_pairs": math.log1p(n_rule),
                "subject_anaphor": float("subject" in (extra.get(a.place.id), extra.get(b.place.id))),
                "owner_unsaid": float("owner" in (extra.get(a.place.id), extra.get(b.place.id))), "dated": float(date is not None),
            })
            out.append(Candidate(pair=key, mentions=mentions, features=features, selected=selected, alone=alone,
                                 themes=theme_cue_map))
        # 'Hsinchu County's sister city Santa Clara County with the mayor of Zhubei City': a rival pair.
        for cand in out:
            cand.features["rival_selected"] = float(not cand.selected and any(
                other.selected and other.pair & cand.pair for other in out))
        return out


_ROW_HEAD = re.compile(r"\s*(?:[-•*·▪|｜・]\s*|\d{1,3}[.)]\s+)?(?:(?:台湾|臺灣|台灣)[\s・]*)?")  # before a row's place ('台湾 台北市', '・台湾台中市')


def _oriented(a: PlaceSpan, b: PlaceSpan) -> tuple[PlaceSpan, PlaceSpan]:
    """The Taiwanese side first, else the order of the text."""
    if b.place.country == "TW" and a.place.country != "TW":
        return b, a
    return (a, b) if a.place.country == "TW" != b.place.country or a.start <= b.start else (b, a)
