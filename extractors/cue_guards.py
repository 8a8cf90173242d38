"""Words around a relation cue that say it states no tie between two
governments: a denial ('no plans to', '尚未締結'), a school's or a port's tie,
a company or a university as the other party, a treaty between two
countries, an association's or an event's name, a tie asked about and
refused. ``extractors/lexicon.py`` reads its cues through these."""

from __future__ import annotations

import re

_I = re.I


# "no plans to upgrade to a sister-city agreement", "not a sister-city
# agreement", "but no agreement was signed", "尚未締結": a cue the clause
# denies states nothing.
NEGATION_BEFORE = re.compile(
    r"\b(?:no\s+(?:plans?|intention|immediate\s+plans?)|not(?!\s+only)(?!\s+(?:been\s+)?(?:renew|extend))|never|rather\s+than|instead\s+of|"
    r"without|nor)\b[^.;:]{0,60}$|\bno\s+(?!(?:fewer|less|more)\b)(?:[\w-]+\s+){0,3}$"  # ('no formal sister city agreement')
    r"|(?:沒有|沒|无意|無意|並非|并非|不是|尚未|並未|并未|從未|从未|未曾|雖非|虽非|而非|非屬|非属"
    r"|未(?=簽|签|締|缔|結|结))[^。；，,]{0,20}$", _I)  # ('雖非姊妹市', '但未簽署任何協定')


# "a sister-school agreement", "姐妹校協議", "妹駅協定", "a sister-port deal",
# "the Narita Airport - Taoyuan Airport Sister Agreement":
# ties of schools, stations, ports, airports, temples, spas, railways, zoos, not of
# governments (the corpus labels every such text a distractor). In Chinese
# and Japanese a few characters may come between ('姉妹校提携締結',
# '温泉観光交流協定').
SCHOOL_BEFORE = re.compile(r"(?:\b(?:sister|friendship|twin)[\s-]+(?:schools?|stations?|ports?|airports?|temples?|shrines?|"
                           r"rail(?:way|road)s?|zoos?|parks?|librar(?:y|ies)|museums?|hospitals?|universit(?:y|ies)|lakes?)"
                           r"|\b(?:schools?|airports?|ports?|stations?)['’]?(?:[\s-]+(?:sister|friendship|twin))?"
                           r"|(?:姊妹校|姐妹校|姉妹校|友好校|学校|學校"
                           r"|姉妹駅|妹駅|友好駅|姊妹站|姐妹站|姉妹港|姊妹港|姐妹港|姊妹廟|姐妹廟|温泉|溫泉|鉄道|鐵道|鐵路|姊妹園|姐妹園|動物園)[\u4e00-\u9fff]{0,4}の?)\s*$", _I)


# '與當地大學簽署學術交流備忘錄': a tie whose other party, named just before it in
# the same clause, is a university, a school, an association, a company, a group,
# a bank, a chamber of commerce or an airline ('與日本東京的軟銀集團簽署').
ORG_PARTY_BEFORE = re.compile(r"(?:與|与|和|跟|同)[^，。,、；;]{0,8}?(?:大學|大学|學校|学校|學院|学院|協會|协会|公會|"
                              r"公司|醫院|医院|企業|企业|集團|集团|銀行|银行|商會|商会|航空|株式會社|株式会社)"
                              r"[^，。,、；;]{0,12}$")


# 'the Taiwan-Japan Fisheries Agreement', '台日漁業協議': a treaty between
# two countries, named after them, is no tie of the places around it.
_NATION = (r"(?:Taiwan|Japan|U\.?S\.?A?|America|China|Korea|Philippines|Vietnam|Thailand|Indonesia|Malaysia|"
           r"Singapore|India|Australia|New\s+Zealand|Canada|Britain|U\.?K\.?|EU|Europe|Germany|France|ROC|PRC)")
TREATY_BEFORE = re.compile(rf"\b{_NATION}\s*[-–/]\s*{_NATION}(?:\s+(?:[A-Z][\w-]*|and|on|for|of)){{0,5}}\s+[A-Z][\w-]*\s+$"
                           r"|(?:台日|日台|台美|美台|台韓|韓台|台菲|台紐|台星|台英|台歐|中美|台澳)"
                           r"(?:漁業|貿易|經貿|投資|租稅|避免雙重課稅|經濟合作|自由貿易|海關|航空|司法互助)[^，。,、；;\s]{0,4}$")


# 'Sister Cities International': an association's name, not a tie; 'the
# International Friendship City Products Exhibition': an event's.
ORG_AFTER_CUE = re.compile(r"\s+(?:International\b|(?:[A-Z][a-z]+\s+){0,3}(?:Exhibition|Expo|Festival|Forum|Summit|"
                           r"Conference|Fair|Games|Cup|Marathon|Concert)s?\b"
                           # ('a partnership between San Jose State University and …': the bodies' own tie)
                           r"|(?:between\s+)?(?:the\s+)?(?:[A-Z][\w.&-]*\s+){1,6}(?:University|College|School|Hospital|Port|"
                           r"Airport|Association|Chamber|Museum|Library)\b)")
# 'Sister Cities of Tucson board members': the association a city's sister-city
# program is run by, named in capitals; it states no tie with whoever visits it.
# On a line of its own ('Sister Cities of Cebu City' over a table) the words head a list.
ASSOCIATION_NAME = re.compile(r"Sister\s+Cities\s+of\s+(?:the\s+)?[A-Z](?![^\n.]{0,40}\n)")


# '協定の締結には至っていない': a Japanese tie the words after it deny; '友好交流を続けている':
# friendly exchanges kept up, an activity rather than a tie.
NEGATION_AFTER = re.compile(r"[^。、]{0,10}?(?:には|に)?至って(?:い)?ない|[^。、]{0,6}?(?:して|されて)いない"
                             # '姉妹都市提携はないが', '姉妹都市ではない', '協定もありません'
                             r"|[^。、]{0,4}?(?:[はも]|では|でも)(?:ない|無い|なく|ありません|ございません)"
                             r"|(?<=交流)を(?:続け|深め|重ね|行っ|進め|図っ)"
                             # '台日文化友好交流基金會': a cue inside an association's name
                             r"|[^\s，。、,]{0,2}?(?:基金會|基金会|協會|协会|促進會|促进会|聯誼會|联谊会|委員會|委员会|推進協議会|協会)")


# 'asked whether Taichung would pursue a sister city agreement with Xiamen, but
# the city said it had no such plan': a tie asked about and refused.
_ASKED_BEFORE = re.compile(r"\b(?:whether|if)\b[^.;:!?]{0,60}\b(?:would|could|should|will|might|can)\b[^.;:!?]{0,40}$", _I)
_REFUSED_AFTER = re.compile(r"[^.;!?]{0,120}?\bbut\b[^.;!?]{0,60}?\b(?:(?:had|has|have)\s+no\s+(?:such\s+)?plans?|"
                            r"declined|refused|rejected|ruled\s+(?:it\s+)?out|turned\s+(?:it\s+)?down)\b", _I)


def asked_and_refused(text: str, start: int, end: int) -> bool:
    return bool(_ASKED_BEFORE.search(text[max(0, start - 100):start]) and _REFUSED_AFTER.match(text, end))


# 'On June 10, Mayor Gilbert Wong and Hsinchu Mayor Hsu signed…' after 'Cupertino officials traveled
# to Taiwan': a head named without a place is the head of the place the story is about.
_UNPLACED_HEAD = re.compile(r"(?:^|[,;]\s+|\b(?:and|with|by)\s+)(?:Mayor|Governor|Gov\.|County\s+(?:Judge|Executive))"
                            r"\s+[A-Z][a-z]+")


def unplaced_head(text: str) -> bool:
    """Whether a sentence names a mayor or governor by name alone."""
    return _UNPLACED_HEAD.search(text.strip()) is not None
