"""A page's timeline of one tie: '花蓮市等との交流の沿革' or '新竹市との交流の歩み'
above dated rows ('1982年10月 - 姉妹都市締結。', '2002年10月17日 - 姉妹都市締結
20周年記念式典挙行。'). A row that states a tie and names no place is the tie
between the partner the heading names and the page's owner: its site or
title, else the one government of the other country the page names most
('「与那国町」の解説の一部')."""

from __future__ import annotations

import re
from collections import Counter

from extractors.anniversaries import anniversary_span, founding_date
from extractors.dates import find_dates
from extractors.event_dates import DATE_LABEL
from extractors.lexicon import event_of
from extractors.other_side import Sentence
from extractors.pair_scorer import Candidate
from extractors.tie_kinds import relation_of
from extractors.place_cues import PlaceSpan
from models.records import Event, Evidence, Mention, Place

# '…との交流の歩み', '…等との交流の沿革', '與…的交流歷程': the heading of a timeline.
_HEADING = re.compile(r"^(?:等|など)?(?:との|と|與|与|和)(?:友好)?(?:交流|友好交流|姉妹都市交流)?(?:の|的)?"
                      r"(?:歩み|あゆみ|沿革|経緯|歴史|年表|歷程|历程|大事記|大事记)")
TIMELINE_ROWS = 40  # sentences after the heading read as its rows


def timeline_sides(sentences: list[Sentence], title: str | None, owner: Place | None
                   ) -> tuple[int, PlaceSpan, Place] | None:
    """(index of the heading, the partner it names, the page's owner) of a
    timeline, if the page has one."""
    heading = next(((i, s) for i, s in enumerate(sentences[:10]) if len({p.place.id for p in s.sides}) == 1
                    and _HEADING.match(s.text[s.sides[-1].end - s.start:].strip())), None)
    if heading is None:
        return None
    i, head = heading
    partner = head.sides[-1]
    owner = owner if owner is not None and (owner.country == "TW") != (partner.place.country == "TW") \
        else _most_named_other(sentences, partner.place)
    return (i, partner, owner) if owner is not None and owner.id != partner.place.id else None


def _most_named_other(sentences: list[Sentence], partner: Place) -> Place | None:
    """The government of the other side the page names most, if one stands out."""
    other = [p.place for s in sentences for p in s.sides if (p.place.country == "TW") != (partner.country == "TW")]
    counts = Counter(p.id for p in other).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return next(p for p in other if p.id == counts[0][0])


def timeline_row(sent: Sentence, cues, timeline: tuple[int, PlaceSpan, Place], published,
                 page: int | None) -> Candidate | None:
    """The tie a row of the timeline states, with the row's own date."""
    _, partner, owner = timeline
    if sent.sides:
        return None
    dates = [d.date for d in find_dates(sent.text, published)
             if not DATE_LABEL.search(sent.text[max(0, d.start - 16):d.start])]
    date = dates[0] if dates else None
    event, has_cue = event_of(sent.text)
    event = event if has_cue else Event.ESTABLISHED
    if event is Event.PROPOSED:
        return None  # a timeline records what was done
    evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end, page=page)
    a, b = (partner.place, owner) if partner.place.country == "TW" else (owner, partner.place)
    mention = Mention(a=a, b=b, a_text=a.name, b_text=b.name, relation=relation_of(sent.text, cues, []),
                      event=event, date=date, themes=(), evidence=evidence, confidence=0.6)
    mentions = [mention]
    if event is Event.RENEWED:
        span = anniversary_span(sent.text, published)
        founded = span[0] if span else founding_date(sent.text, date)
        if founded is not None:
            mentions.append(mention.model_copy(update={"event": Event.ESTABLISHED, "date": founded}))
    features = {"timeline_row": 1.0, "selected": 1.0, "rule_conf": 0.6, "dated": float(date is not None),
                f"event:{event.value}": 1.0}
    return Candidate(pair=frozenset((a.id, b.id)), mentions=mentions, features=features, selected=True)
