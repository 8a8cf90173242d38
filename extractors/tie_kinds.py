"""Which kind of tie a passage makes: the strongest word for one
(``lexicon.RELATION_CUES``), less the words that only describe the manner of
contacts ('friendly exchanges'), the purpose of what was signed ('a letter
of intent to explore a friendship city relationship') or the memorandum's
subject ('友好交流覚書'); a bare 'the agreement' takes the kind an earlier
sentence named."""

from __future__ import annotations

import re

from extractors.lexicon import RELATION_RANK, SAME_AGAIN, relations_in
from extractors.themes import find_themes
from models.records import Relation

_DEFINITE = re.compile(r"(?i)\b(?:the|this|that)\s+$|[該此本]$")
_BARE_AGREEMENT = re.compile(r"(?i)(?:agreements?|accords?|pacts?|協定|協議)$")


_PURPOSE = re.compile(r"(?i)\b(?:to\s+(?:explore|establish|pursue|form|forge|become|seek|discuss|study)|toward|towards|"
                      r"aimed\s+at|with\s+a\s+view\s+to|paving\s+the\s+way\s+(?:for|to))\b[^.;]{0,40}$")


def relation_of(text: str, cues, before: list[str]) -> Relation:
    """The relation the sentence creates. 'The sister cities reached an
    accord' names the parties by their old tie: the accord is what was made.
    A bare 'the agreement' means the kind of tie named just before."""
    described = [c for c in cues if c[0] is Relation.SISTER and text[c[1]:c[2]].lower().endswith("cities")
                 and re.search(r"(?i)\b(?:the|their|two|between)\s+$", text[max(0, c[1] - 8):c[1]])]
    if len(described) < len(cues):
        cues = [c for c in cues if c not in described]
    if any(c[0] is Relation.MOU for c in cues):
        # 'signed a letter of intent … to explore a friendship city relationship': the purpose's tie is not what was signed
        cues = [c for c in cues if not (c[0] in (Relation.SISTER, Relation.FRIENDSHIP) and _PURPOSE.search(
            text, max(0, c[1] - 60), c[1]) and any(m[0] is Relation.MOU and m[2] <= c[1] for m in cues))] or cues
        # '友好交流覚書': the friendship words name the memorandum, which is what was signed.
        cues = [c for c in cues if not (c[0] is Relation.FRIENDSHIP and _names_memorandum(text, c))] or cues
    # 'maintained friendly exchanges': the manner of contacts, not a friendship tie.
    # '観光交流都市', '觀光友好城市交流協定', 'tourism friendship city': a tie for tourism, which the
    # labels call a cooperation agreement.
    cues = [(Relation.COOPERATION, *c[1:]) if c[0] is Relation.FRIENDSHIP and (
        _manner(text, c) or _TOURISM_BEFORE.search(text, max(0, c[1] - 10), c[1])) else c for c in cues]
    relation = min((c[0] for c in cues), key=RELATION_RANK.__getitem__)
    if relation in (Relation.COOPERATION, Relation.OTHER) and all(_bare(text, c) for c in cues):
        return _tie_named_before(before) or relation
    # 'Under the memorandum' after 'signed a memorandum on friendship exchange': the one that made the tie.
    if relation is Relation.MOU and all(_definite(text, c) for c in cues):
        earlier = _tie_named_before(before)
        if earlier in (Relation.SISTER, Relation.FRIENDSHIP):
            return earlier
    return relation


_MANNER = re.compile(r"(?i)friendly[\s-]+(?:exchanges?|relations|relationships?|ties|cooperation)"
                     r"|友好交流")  # ('雙方城市友好交流，10年來簽署30餘項合作備忘錄')
_SUBJECT_OF = re.compile(r"(?i)\b(?:on|for|of|regarding)\s+$|(?:締結|缔结|結為|结为|建立)\s*$")  # ('締結友好交流': a tie concluded)
_TIE_NOUN_AFTER = re.compile(r"(?i)[\s-]+(?:agreements?|cit(?:y|ies)|towns?|memorand|MOU|pacts?|accords?|"
                             r"partnerships?|relationships?)\b"
                             r"|\s*(?:に関する|に關於|之|の)?[^。，、,]{0,4}?(?:協定|协定|協議|协议|都市|城市|備忘錄|备忘录|覚書|提携|宣言|"
                             r"關係|关系|関係|合作|協力|促進|締結|缔结|結盟|结盟|[市町村縣县鄉乡鎮镇])")
# '友好交流覚書', '友好交流備忘錄': Japanese and Chinese texts name the memorandum
# after what it covers, and the corpus calls such a tie an MOU. (In English
# it is split: 'MOU for Friendship Exchange' friendship, 'MOU on Friendly City
# Exchanges' an MOU; the friendship reading is kept there.)
# '友好交流覚書', '友好協力に関する覚書', '友好交流都市協定覚書' (a few words between, no
# second object joined by 及/與: '締結友好城市及合作備忘錄' makes both)
_MEMORANDUM_AFTER = re.compile(r"\s*[」』”\"]?\s*[^。、，,；及與与和並并]{0,8}?(?:覚書|覚え書き|備忘錄|备忘录)")
# 'a Memorandum of Understanding on Friendly City Exchanges'
_MEMORANDUM_BEFORE = re.compile(r"(?i)\b(?:memorand(?:um|a)|MOU)\b(?:\s+of\s+understanding)?\s+"
                                r"(?:on|for|concerning|regarding)\s+(?:the\s+|building\s+)?$")


def _names_memorandum(text: str, cue) -> bool:
    return bool(_MEMORANDUM_AFTER.match(text, cue[2]) or _MEMORANDUM_BEFORE.search(text, max(0, cue[1] - 60), cue[1]))


_TOURISM_BEFORE = re.compile(r"(?i)(?:観光|觀光|观光|\btourism\s+)$")


def _manner(text: str, cue) -> bool:
    """'maintained friendly exchanges': how two governments get on, where no
    tie noun follows ('a friendly exchange agreement', '... city') and no
    agreement is 'on' it ('a memorandum on friendly exchange')."""
    return bool(_MANNER.fullmatch(text, cue[1], cue[2])) and not _TIE_NOUN_AFTER.match(text, cue[2]) \
        and not _SUBJECT_OF.search(text, max(0, cue[1] - 12), cue[1]) \
        and not re.match(r"[ \t|）)]*(?:\n|$)", text[cue[2]:])  # ('… 2018年3月22日 友好交流': a table's column for the kind)


def _definite(text: str, cue) -> bool:
    return _DEFINITE.search(text, max(0, cue[1] - 6), cue[1]) is not None


def _tie_named_before(before: list[str]) -> Relation | None:
    """The kind of tie the nearest earlier sentence names, passing over
    sentences that only refer back to one ('the memorandum') and, where an
    earlier one names a tie made, one only mooted ('to discuss a possible
    friendship agreement' with a third government)."""
    mooted = None
    for earlier_text in reversed(before):
        named = [c for c in relations_in(earlier_text) if c[0] not in (Relation.COOPERATION, Relation.OTHER)]
        if named and not all(c[0] is Relation.MOU and _definite(earlier_text, c) for c in named):
            kind = min((c[0] for c in named), key=RELATION_RANK.__getitem__)
            if not all(_MOOTED.search(earlier_text, max(0, c[1] - 20), c[1]) for c in named):
                return kind
            mooted = mooted or kind
    return mooted


_MOOTED = re.compile(r"(?i)\b(?:possible|potential|prospective|proposed|future)\s+$")


def _bare(text: str, cue) -> bool:
    """'the agreement', '該協定', '締盟': a word for a tie that does not say
    which kind. A Chinese or Japanese name written onto it ('友好協力協定',
    '交流推進協定') says what was signed."""
    words = text[cue[1]:cue[2]]
    if _BARE_TIE.fullmatch(words) or _PARTNER_TIE.fullmatch(words) or re.fullmatch(SAME_AGAIN, words, re.I):
        return True
    if not _BARE_AGREEMENT.search(words):
        return False
    if re.fullmatch(r"(?i)[a-z]+(?:[\s-]+[a-z]+)+", words):
        return False  # 'Cooperation Agreement', 'exchange pact': an English cue that names its kind
    if _ANOTHER_ON.search(text, max(0, cue[1] - 9), cue[1]) and _ON_TOPIC.match(text, cue[2]):
        return False  # 'also signed an agreement on disaster relief': a new one, of what it covers
    before = text[cue[1] - 1:cue[1]] if cue[1] else ""
    return not CJK_CHAR.match(before) or before in "該此本這这同上前其"


_ANOTHER_ON = re.compile(r"(?i)\b(?:an?|another|a\s+new|a\s+separate)\s+$")
_ON_TOPIC = re.compile(r"(?i)\s+(?:on|for|covering|concerning|regarding)\s+(?!(?:the\s+)?(?:sister|friendship|twin))")
_PARTNER_TIE = re.compile(r"(?:the|its|our|their)\s+[A-Z].*\s(?:relationship|partnership)", re.I)  # 'the Tainan relationship'
_BARE_TIE = re.compile(r"締盟|結盟|缔盟|结盟|提携"  # ("1972年提携" under a heading of sister cities)
                       r"|(?i:(?:establish|seek|sought|forg|build|explor|pursu)\w*\s+.*(?:ties|relationship|partnership)\s+(?:with|between))")
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


# 'upgraded their friendship city relationship, which began in 2006, to a sister city relationship',
# '由友好城市升格為姊妹市', '友好都市から姉妹都市に格上げ': the tie founded was of the kind upgraded from.
_UPGRADED = re.compile(
    r"(?i)\bupgrad\w*\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?P<old>friendship|friendly|sister|twin)\b"
    r"[^.;]{0,80}?\bto\s+(?:an?\s+)?(?:full\s+)?(?P<new>sister|friendship|twin)"
    r"|(?P<old_zh>友好|姊妹|姐妹)[^，。,]{0,6}?(?:升格|提升|升級)為?(?P<new_zh>姊妹|姐妹|友好)"
    r"|(?P<old_ja>友好|姉妹)[^。、]{0,8}?から(?P<new_ja>姉妹|友好)[^。]{0,12}?(?:格上げ|昇格)")
_KIND = {"friendship": Relation.FRIENDSHIP, "friendly": Relation.FRIENDSHIP, "sister": Relation.SISTER,
         "twin": Relation.SISTER, "友好": Relation.FRIENDSHIP, "姊妹": Relation.SISTER, "姐妹": Relation.SISTER,
         "姉妹": Relation.SISTER}


def _upgrade(text: str) -> tuple[Relation, Relation] | None:
    m = _UPGRADED.search(text)
    if m is None:
        return None
    suffix = next(x for x in ("", "_zh", "_ja") if m.group("old" + x))
    old, new = _KIND[m.group("old" + suffix).lower()], _KIND[m.group("new" + suffix).lower()]
    return (old, new) if old is not new else None


def upgraded_from(text: str) -> Relation | None:
    """The kind of tie a sentence says was upgraded to another, if it says so."""
    return (kinds := _upgrade(text)) and kinds[0]


def upgraded_to(text: str) -> Relation | None:
    """The kind of tie a sentence says another was upgraded to: what the
    renewal made ('簽署協定，將…友好交流關係升格為姊妹市' is no renewal of an agreement)."""
    return (kinds := _upgrade(text)) and kinds[1]


def names_its_agreement(text: str) -> bool:
    """Whether a passage names a cooperation agreement of its own beside the
    pair's sister or friendship tie: a Chinese or Japanese agreement named by
    the field it covers ('簽署觀光交流協定'), or one 'also signed … on disaster
    relief' (an English 'agreement on youth affairs' alone is as often the
    memorandum the story names next)."""
    return _ALSO_SIGNED.search(text) is not None or any(
        c[0] is Relation.COOPERATION and CJK_CHAR.match(text, c[1]) and not _bare(text, c)
        and _field_before(text, c[1]) for c in relations_in(text))  # (not '交流協定': the tie itself)


def _field_before(text: str, at: int) -> bool:
    # ('災害時の相互応援に関する協定': a Japanese field stands further back, before に関する)
    reach = 14 if "に関する" in text[max(0, at - 14):at] else 8
    return bool(find_themes(text[max(0, at - reach):at]))


_ALSO_SIGNED = re.compile(r"(?i)\b(?:also|additionally)\s+(?:signed|inked|concluded)\s+(?:an?|another)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:agreement|accord|pact)\s+(?:on|for|covering|concerning)\s")


def beside_others(text: str, start: int, cues, sides, pair: frozenset[str], before: list[str]) -> Relation | None:
    """The sentence's kind of tie for a pair, leaving out a cue written
    right before a place outside the pair, which names that place's own tie
    ('signed a friendship agreement with Kamiita, and Taitung's sister city
    Oyama sent a delegation': Kamiita's tie is a friendship)."""
    def apposed(c) -> bool:
        return any(s.place.id not in pair and 0 <= s.start - start - c[2] <= 1 and not text[c[2]:s.start - start].strip(" 的之の")
                   for s in sides)

    rest = [c for c in cues if not apposed(c)]
    return relation_of(text, rest, before) if rest and len(rest) < len(cues) else None

