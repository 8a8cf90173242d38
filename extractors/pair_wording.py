"""What the words of a passage say about a pair: which event befalls the
pair, which themes it covers, whether the passage only describes the tie,
and the confidence the hand-written rules give it (a feature of the
scorer). Which kind of tie it makes is ``extractors/tie_kinds.py``'s."""

from __future__ import annotations

import re

from extractors.lexicon import SAME_AGAIN, SIGNED_PAST, event_of, relations_in
from extractors.place_cues import PlaceSpan
from extractors.themes import themes_of
from extractors.tie_kinds import CJK_CHAR, relation_of
from models.records import Event, Relation, Theme


# Sentences after the evidence say what the tie covers only when they talk about the cooperation itself.
COOPERATION_TALK = re.compile(
    r"(?i)cooperat|co-operat|collaborat|exchange|partnership|\bareas?\b|\bfields?\b|promot|strengthen|"
    r"agreement|\bMOU|memorand|sister|friendship|\bboth\b|renewal|"
    # 'the two islands share strengths in tourism': the pair, however it is called
    r"\btwo\s+(?:cities|counties|states|towns|townships|islands|districts|municipalities|provinces|prefectures|"
    r"regions|capitals|ports|sides|governments)\b|"
    r"\bcover(?:s|ed|ing)?\b|合作|交流|領域|雙方|双方|兩市|两市|兩縣|两县|兩地|两地|兩城|两城|推動|推动|"
    r"両市|両県|両都市|両自治体|協力|連携|分野")  # ('the document, which covers tourism…')


# Names whose words are no theme: 'Taipei Economic and Cultural Office', 'Texas Tech University'.
_OFFICE_NAMES = re.compile(r"(?i)\b(?:economic|trade)\s+and\s+cultural\s+(?:representative\s+)?office\b"
                           r"|經濟文化(?:辦事處|代表處)|经济文化(?:办事处|代表处)|經濟文化代表処"
                           r"|\b(?:tech|technological|polytechnic)\s+(?:university|institute|college)\b"
                           r"|\b(?:university|institute)\s+of\s+(?:science\s+and\s+)?technology\b|科技大學|科技大学")


def strip_office_names(text: str) -> str:
    return _OFFICE_NAMES.sub(" ", text)


def themes_around(evidence: str, following: str) -> tuple[Theme, ...]:
    """Themes of the evidence sentence and of the cooperation talk after it."""
    evidence, following = strip_office_names(evidence), strip_office_names(following)
    named = set(themes_of(evidence)) | set(themes_of(following))
    return tuple(t for t in Theme if t in named)


# '(Sister city to Kaohsiung)', 'Matsuyama, which is a friendly exchange
# city of Taipei', 'Taipei, which has more than 50 sister cities including
# Houston', "Taichung's sister city Aomori": a tie named to say who
# someone is, not an event; the sentence's date is someone's visit.
DESCRIBING = re.compile(r"(?i)(?:[(（]\s*|,\s*(?:which|that)\s+(?:is|are|has\s+been)\s+(?:a|an|the|its|their)\s+"
                         r"|,\s*(?:which|that)\s+(?:has|have)\s+(?:[\w-]+\s+){0,4}?"
                         r"|,\s*(?:a|an|its|their|another|both|all)\s+(?:\w+\s+){0,2}?|(?:'s|’s)\s+"
                         r"|(?:'s|’s)\s+(?:sister|friendship|twin)(?:[\s-]+cit(?:y|ies))?\s+(?:and|or|&)\s+"  # "Taoyuan's sister and friendship cities"
                         r"|\band\s+(?:of\s+)?(?:its|their)\s+(?:[\w-]+\s+)?"  # 'Kaohsiung and its sister city Busan'
                         r"|\b(?:[Oo]ur|to\s+its|from\s+its)\s+"  # 'Our sister city Hsinchu sent …', 'masks to its sister city'
                         r"|\b(?:between|of)\s+the\s+(?:two|2|both)\s+"  # 'the relationship between the two sister cities'
                         r"|\b(?:mayor|governor|magistrate|delegation|officials?|representatives?|residents?)\s+of\s+"
                         # 'praised the sister city ties between Houston and Taipei': a word on a tie in force
                         r"|\b(?:prais|hail|laud|highlight|recall|stress|emphasi[sz])\w*\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?"
                         # '拜會姊妹市曼徹斯特市長', '高雄市的姊妹市': a visit's or an owner's partner
                         r"|(?:拜會|拜会|拜訪|拜访|訪問|访问|造訪|造访|參訪|参访|接待|接見|接见|前往|抵達|抵达|邀請|邀请|的|之|本市|本縣|本县"
                         r"|[給给贈赠](?:予|與|与)?|支援|援助)\s*"  # ('捐贈5萬片口罩給姊妹市…福遍郡': a gift to a partner)
                         # 'under their sister city agreement', '依據雙方友好協定': work done under a tie in force
                         r"|\bunder\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?|(?:依據|根據|依照|基於|依据|根据|基于)[^，。]{0,6}?)$")
# '姉妹都市の熊本市を訪問', '姉妹都市提携を結んでいる台湾・高雄市': a Japanese cue qualifying the name after it.
_QUALIFIES = re.compile(r"\s*(?:の|である)|\s*(?:提携|協定|関係)?\s*を?(?:結んでいる|締結している|提携している)(?=[^。、，]{0,3}[\u4e00-\u9fff\u30a0-\u30ff])"
                        r"|[^。、]{0,4}?に基づ")  # ('両市の友好交流協定に基づく教育旅行': work under a tie in force)
# (a sentence-initial cue describes only when names follow it)
_NAMES_AFTER = re.compile(r"\s+(?:of\s+)?[A-Z][a-z]")
# 'since the establishment of sister city ties in 2017': the tie's making, named as a noun.
_MAKING = re.compile(r"(?i)\b(?:establishment|signing|founding|formation|conclusion)\s+of\b"
                     # ("renewed Virginia's sister-state relationship with Taiwan Province on Monday": renewed here)
                     r"|\b(?:renewed|renews|renewing|reaffirmed|extended|upgraded)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){0,4}?"
                     r"(?:sister|friendship|twin|partner)")


def describes_only(text: str, cues) -> bool:
    """Every cue of the sentence names an existing tie to describe a party,
    and no verb of signing, forming or ending says the tie was made or
    ended here ('Scottsdale's sister city relationship with Kaohsiung ended
    in 2016')."""
    summaries = [(m.start(), m.end()) for m in _CJK_SUMMARY.finditer(text)]
    said = _CJK_SUMMARY.sub(lambda m: " " * len(m.group(0)), text)  # (the summary's own verb makes no tie)
    said = _WITH_A_BODY.sub(lambda m: " " * len(m.group(0)), said)  # (nor a signing with a university)
    return bool(cues) and all(DESCRIBING.search(text, max(0, c[1] - 40), c[1]) or _QUALIFIES.match(text, c[2])
                              or any(x <= c[1] < y for x, y in summaries)
                              # 'Sister cities Tainan and Sendai held a joint drill': a title before the names
                              or (not text[:c[1]].strip() and _NAMES_AFTER.match(text, c[2])) for c in cues) \
        and not SIGNED_PAST.search(said) and not _MAKING.search(text) and not _DATES_TO.search(text) \
        and event_of(said)[0] is not Event.TERMINATED \
        and not any(_SINCE_AFTER.match(text, c[2]) for c in cues)


# '並與當地大學簽署學術交流備忘錄', 'signed an MOU with a local university': a body's tie, beside a visit.
_WITH_A_BODY = re.compile(r"(?:與|与|和|跟|同)[^，。,、；;]{0,8}?(?:大學|大学|學校|学校|學院|学院|協會|协会|公司|企業|企业|醫院|医院)"
                          r"[^，。；;]{0,20}|(?i:\bsigned\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}(?:memorandum|MOU|agreement)\s+with\s+"
                          r"(?:a|the)\s+(?:local\s+)?(?:university|college|school|company|hospital|business))")


# '台南與日本多個城市締結友好城市，包括仙台市、金澤市': a summary of the ties in force, not one made that day.
_CJK_SUMMARY = re.compile(r"(?:與|和|与)[^，。；]{0,6}?(?:多個|多座|許多|\d+個|[一二三四五六七八九十兩]+個)[^，。；]{0,6}?"
                          r"(?:締結|缔结|結為|结为)[^，。；]{0,8}"
                          r"|(?:締結|缔结)[^，。；]{0,10}[，,](?=(?:包括|包含|例如|如)[^，。；]{0,6}[市縣县町村州郡])")


# "Lake County's sister county relationship with Kaohsiung County dates to 1986": when the tie began.
_DATES_TO = re.compile(r"(?i)\b(?:dates?|dated|dating)\s+(?:back\s+)?to\s+(?:19|20)\d\d|\bgoes\s+back\s+to\s+(?:19|20)\d\d"
                       r"|\b(?:began|started)\s+in\s+(?:19|20)\d\d"
                       r"|(?:始於|始于|始自|起於|起于|開始於|开始于)\s*(?:民國|民国)?\s*\d")  # ('…的姊妹市關係始於2007年')


# "Portland has been Kaohsiung's sister city since 1988": the description dates the tie.
_SINCE_AFTER = re.compile(r"(?i)\s*(?:[\w'’-]+\s+){0,5}?since\s+(?:(?:19|20)\d\d|[A-Z][a-z]+\s+\d)")  # ('a sister city of Taiwan's Chiayi County since 2014')


# A clause of background ('after Prague canceled a similar agreement with Beijing') says nothing of the pair.
_BACKGROUND = re.compile(r"(?i)\b(?:after|following|before|despite|amid|since\s+(?=the\b))\b[^,;.]*")


# 'Guam has sister ties with Taipei', 'Tacoma is a sister city of Kaohsiung': the tie stands, whatever a later clause plans.
_NEXT_PREDICATE = re.compile(r"(?i),?\s+and\s+(?:was|were|is|are|has|had|will|would|later|then)\s+\w+ed\b")
_STATIVE_TIE = re.compile(r"(?i)\b(?:has|have|maintains?|enjoys?)\s+(?!no\b|not\b|never\b)(?:[\w-]+\s+){0,3}?(?:ties|relations|relationships?|"
                          r"partnerships?)\s+with\b|\b(?:is|are|has\s+been|have\s+been)\s+(?:already\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
                          r"(?:sister|friendship|twin)[\s-]+(?:cit(?:y|ies)|count(?:y|ies)|states?|towns?|prefectures?)\b"
                          # "Tainan's friendship cities in Japan also include Kanazawa": ties that are
                          r"|\b(?:sister|friendship|twin)[\s-]+(?:cities|counties|states|towns)\b[^.;,]{0,30}?\b(?:also\s+)?"
                          r"(?:include|are)\b")


_PLAN_CLAUSE = re.compile(r",\s+(?:and|but|while)\s+(?=(?:(?:he|she|they|it|the\s+\w+|[A-Z][\w'’-]+)\s+(?:also\s+)?"
                          r"(?:will|would|hopes?|plans?|intends?|wants?|is\s+(?:expected|set|scheduled)\s+to)|to\s+[a-z]+)\b)"
                          r"|\s+and\s+(?=(?:also\s+)?(?:hopes?|plans?|wants?|intends?|aims?|seeks?|wishes)\s+to\b)")
_STATIVE_AFTER = re.compile(r"(?i),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:that|which)\s+(?:has|have)\s+been\s+"
                            r"(?:its|their|an?|the)\s+(?:[\w-]+\s+)?(?:sister|friendship|twin)[\s-]+(?:city|county|state|town)")
_CLAUSE_END = re.compile(r"[,;.，。；]|\band\b")
# '…雙方於2015年簽署的合作備忘錄，決定終止該備忘錄': the ending is of the tie the clause before told of.
_SAME_TIE_CJK = re.compile(r"(?:該|此|這項?|这项?|同|上述)(?:備忘錄|备忘录|協定|协定|協議|协议|合作|關係|关系|姊妹|友好)")
_CJK_CLAUSE_END = re.compile(r"[，；。,;]")
_KEPT = re.compile(r"維持|维持|持續|持续|不變|不变|照舊|照旧|繼續|继续|\bremains?\s+(?:in\s+(?:force|effect|place)|valid|active|"
                   r"unchanged|unaffected)|\b(?:is|was)\s+(?:not\s+affected|unaffected)|\bstill\s+stands"
                   r"|\b(?:kept|keeps|keep|keeping|retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?)\s+(?:its|their|the)\b"
                   r"|\bdat(?:e|es|ing)\s+(?:back\s+)?to\s+(?:19|20)\d\d\b")  # ('…, while its ties with X date to 2004')
_SIGNED_VP = re.compile(r"\s+and\s+(?:then\s+|later\s+)?(?=(?:signed|inked|formed|forged|established|renewed)\b)")
_HOPE_CJK = re.compile(r"\s*(?:期盼|盼望|盼|希望|期待|期望)")
_SENTENCE_STOP = re.compile(r"[.;!?。；！？]")
_OWN_PARTNER_CLAUSE = re.compile(r"\s*(?:並|并|且|另|也|亦|再)[^，；。]{0,8}?(?:與|与|和|同)")
_SAME_TIE = re.compile(_SAME_TIE_CJK.pattern + r"|\b(?i:the|that|this)\s+(?:agreement|memorandum|MOU|pact|accord|ties|relationship|partnership)\b")


def plan_clause(text: str, a: PlaceSpan, b: PlaceSpan) -> tuple[int, int] | None:
    """'Tainan has friendship ties with Kanazawa and Kyoto, and he will
    travel to Okayama next year to sign an agreement': the later side's own
    clause, where it plans a tie (its span in ``text``); '…與高雄市簽署…，期盼未來能與臺北市建立…' too."""
    lo, hi = sorted((a, b), key=lambda s: s.start)
    marks = [m.end() for m in _CJK_CLAUSE_END.finditer(text, lo.end, hi.start)]
    if marks and mostly_cjk(text[lo.start:hi.end]) and _HOPE_CJK.match(text, marks[-1]):
        close = _CJK_CLAUSE_END.search(text, hi.end)
        return marks[-1], close.start() if close else len(text)
    plan = max((m.end() for m in _PLAN_CLAUSE.finditer(text, min(a.end, b.end), max(a.start, b.start))), default=None)
    stop = _SENTENCE_STOP.search(text, max(a.end, b.end))
    end = stop.start() if stop else max(a.end, b.end) + 120
    if plan is not None and (told := event_of(text[plan:end]))[1] and told[0] is Event.PROPOSED:
        return plan, end
    return None


# What opens a Chinese clause of the later side's own: a connective, or when and 'with' ('，今年1月與台北市簽署').
_OWN_CLAUSE = re.compile(r"\s*(?:並|并|且|另|也|亦|還|还|再|但|而|惟|原因是|因為|因为|期盼|盼|希望|期待|期望"
                         r"|(?:(?:今年|去年|昨年|同年|隔年|翌年|(?:19|20)\d\d年)(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?)"
                         r"(?:與|与|和|跟|同))")


def pair_event(text: str, a: PlaceSpan, b: PlaceSpan, sent_text: str, sent_start: int) -> tuple[Event, bool]:
    """The event words between the two places speak for that pair ('Prague
    signed with Taipei after ending its tie with Beijing'); without any, the
    sentence's event holds, background clauses without the pair left out."""
    if not all(sent_start <= s.start < sent_start + len(sent_text) for s in (a, b)):
        # a side borrowed: 'The agreement, signed in 2003, ...', 'The Tainan relationship was renewed …'
        return event_of(sent_text)
    window = text[min(a.start, b.start):max(a.end, b.end)]
    # '台中市陸續與青森縣…續簽…協定，並新增與布爾諾市…的合作備忘錄': the later side's own CJK clause speaks for it
    marks = [m.end() for m in _CJK_CLAUSE_END.finditer(window)]
    close = _CJK_CLAUSE_END.search(text, max(a.end, b.end))
    own = text[min(a.start, b.start) + marks[-1]:close.start() if close else len(text)] \
        if marks and mostly_cjk(window) and _OWN_CLAUSE.match(window[marks[-1]:]) else ""
    event, found = event_of(own) if own else (Event.ESTABLISHED, False)
    if own and not found and _KEPT.search(own):
        return Event.ESTABLISHED, True  # ('…終止…，但與日本岐阜縣的友好關係維持不變': that tie stands)
    # ('… voted to suspend exchanges with Xiamen, but the agreement with Winnipeg remains in force')
    cut = max((m.end() for m in _EN_CLAUSE.finditer(text, min(a.end, b.end), max(a.start, b.start))), default=None)
    stop = _SENTENCE_STOP.search(text, max(a.end, b.end))
    if cut is not None and _KEPT.search(text, cut, stop.start() if stop else max(a.end, b.end) + 80):
        return Event.ESTABLISHED, True
    if plan_clause(text, a, b) is not None:  # (a plan in the later side's own clause)
        return Event.PROPOSED, True
    # ('… when it ditched a sister city agreement with Beijing and signed one with Taipei': the later side's verb)
    signed = max((m.end() for m in _SIGNED_VP.finditer(text, min(a.end, b.end), max(a.start, b.start))), default=None)
    if signed is not None and (told := event_of(text[signed:stop.start() if stop else max(a.end, b.end) + 80]))[1]:
        return told
    if not found:
        event, found = event_of(window)
    # ('approved a youth exchange program with Taichung, the Taiwanese city that has been its sister city since
    # 1982': what was approved is no tie; the tie the later side's relative clause states stands)
    if found:
        return (Event.ESTABLISHED if not relations_in(window) and _STATIVE_AFTER.match(text, max(a.end, b.end))
                else event), True
    # (or in the clause the later side opens: 'Yilan and Iowa have been sister states since 1989 and …')
    after = _CLAUSE_END.search(text, max(a.end, b.end), max(a.end, b.end) + 120)
    # (or, against an ending or a plan the sentence states, in the rest of the clause that names the
    # pair: '台北市與布拉格市在2019年締結姊妹市，中國隨即宣布與布拉格解除…' is a founding; the next
    # clause is another government's ending)
    # (read from the sentence's start, so that '將率團前往美國，與…簽署' stays a plan)
    # ('Prague suspended its partnership with Shanghai, while Taipei and Prague signed …': from the pair's
    # own English clause)
    opens = 0 if mostly_cjk(sent_text) else max((m.end() for m in _EN_CLAUSE.finditer(sent_text)
                                                 if m.end() <= min(a.start, b.start) - sent_start), default=0)
    own = text[sent_start + opens:after.start() if after else max(a.end, b.end) + 120]
    if min(a.start, b.start) >= sent_start and (told := event_of(own))[1] \
            and told[0] in (Event.ESTABLISHED, Event.RENEWED) \
            and event_of(sent_text)[0] in (Event.TERMINATED, Event.PROPOSED) \
            and not _SAME_TIE.search(text, sent_start + len(own), sent_start + len(sent_text)):
        return told
    stative = _STATIVE_TIE.search(window)
    if stative and _NEXT_PREDICATE.search(window, stative.end()):
        stative = None  # ('has sister-city ties with Joyo, Japan, and was approached … by Yilan': Joyo's tie)
    if stative or _STATIVE_TIE.search(text, max(a.end, b.end), after.start() if after else max(a.end, b.end) + 120):
        return Event.ESTABLISHED, True  # 'Guam has sister ties with Taipei, …, and … hopes to expand': a tie that is
    inside = {a.start - sent_start, b.start - sent_start}
    main = _BACKGROUND.sub(lambda m: m.group(0) if any(m.start() <= i < m.end() for i in inside) else " ",
                           sent_text)
    if mostly_cjk(sent_text):
        # '拜會姊妹市…蒙特利公園市…，並與拉巴克市續簽姊妹市協定': a later clause with a partner of its own
        # renews that partner's tie, not the others'.
        main = "".join(c for c in re.split(r"(?<=[，；,;])", sent_text)
                       if not (_OWN_PARTNER_CLAUSE.match(c) and a.text not in c and b.text not in c))
        if main != sent_text:
            return event_of(main)
    event, found = event_of(main)
    return (event, found) if found else event_of(sent_text)


def rule_confidence(relation: Relation, has_event_cue: bool, borrowed: bool, n_pairs: int, *,
                foreign_only: bool, provisional: bool) -> float:
    score = 0.55
    if relation in (Relation.SISTER, Relation.FRIENDSHIP):
        score += 0.2
    elif relation is Relation.MOU:
        score += 0.1
    if has_event_cue:
        score += 0.1
    if borrowed:
        score -= 0.15
    if n_pairs > 1:
        score -= min(0.3, 0.07 * (n_pairs - 1))
    if foreign_only:
        score -= 0.1
    if provisional:
        score -= 0.15
    return round(max(0.05, min(0.99, score)), 3)


# '例如1999年與柏斯市簽署友誼憲章、2000年與韓國京畿道簽署促進友好合作備忘錄、
# 2006年與日本橫濱市簽屬夥伴市協議': a Chinese or Japanese enumeration whose items
# each state a tie, with its own date and kind.
_ITEM_MARK = re.compile(r"[、，,；;]")
_CJK_LOCAL_SUBJECT = re.compile(r"[\u4e00-\u9fff]{1,4}[市縣县鄉乡鎮镇區区](?:則|则|也|亦|另)")


def mostly_cjk(text: str) -> bool:
    """More CJK characters than Latin letters ('Ko Wen-je (柯文哲) said' stays English)."""
    return len(CJK_CHAR.findall(text)) > len(re.findall(r"[A-Za-z]", text))


def enumerated_item(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) in ``text`` of the enumerated item holding ``offset``,
    where at least two items joined by '、' (or two clauses) name a tie;
    None otherwise."""
    marks = [m.start() for m in _ITEM_MARK.finditer(text)]
    bounds: list[tuple[int, int]] = []
    for s, e in zip([0, *(m + 1 for m in marks)], [*marks, len(text)]):
        # ('並與日本青森縣、岐阜縣締結友好城市': names listed with '、' share the tie named after them)
        if bounds and text[bounds[-1][1]:bounds[-1][1] + 1] == "、" and not relations_in(item := text[slice(*bounds[-1])]) \
                and len(item) <= 20 and not re.search(r"\d|[年月]|[〇一二三四五六七八九十]日", item):
            bounds[-1] = (bounds[-1][0], e)
        else:
            bounds.append((s, e))
    tied = [(s, e) for s, e in bounds if relations_in(text[s:e]) and not _SAME_TIE_CJK.search(text, s, e)]
    listed = [(s, e) for s, e in tied if text[e:e + 1] == "、" or text[s - 1:s] == "、"]
    cjk = mostly_cjk(text)
    if len(tied) > len(listed) >= 2 and cjk and all(_CJK_LOCAL_SUBJECT.match(text, s) for s, e in tied
                                                                     if (s, e) not in listed):
        listed = tied  # ('A與B…協定、C與D…協定，屏東縣則於去年與石垣市簽署備忘錄': a third clause of its own)
    if len(listed) < 2 and len(tied) >= 2 and cjk:
        # '台北市在1995年與華沙締姊妹市盟約，台南市在2004年與艾布洛格市締盟': clauses that each state a tie are items too.
        listed = tied
    if len(listed) < 2 and not cjk and len(shut := [m.end() for m in _BRACKET.finditer(text)]) >= 2:
        # 'Aomori Prefecture–Taichung (friendship, 2017), Shizuoka City–Taoyuan (MOU, 2015)': each bracket closes an item
        listed = [(s, e) for s, e in zip([0, *shut], [*shut, len(text)]) if relations_in(text[s:e])]
    if len(listed) < 2 and not cjk:
        # 'Tainan has been a friendship city of Sendai since 2006, while
        # Taipei and Houston have been sister cities since 1961': English
        # clauses joined by 'while', 'whereas', 'but', a semicolon, or ', and a …'.
        cuts = [m.start() for m in _EN_CLAUSE.finditer(text)]
        bounds = list(zip([0, *cuts], [*cuts, len(text)]))
        listed = [(s, e) for s, e in bounds if relations_in(text[s:e]) or (s and ELLIPSIS.search(text, s, e))
                  or (s and _SIGNED_WITH_ONLY.search(text, s, e))]  # ('…; Taipei signed with Majuro Atoll in 2004')
    if len(listed) < 2:
        return None
    return next(((s, e) for s, e in listed if s <= offset < e), None)


def in_other_item(text: str, at: int, item: tuple[int, int]) -> bool:
    """Whether ``at`` lies in another Chinese clause that states a tie of
    its own ('去年與斯波坎郡簽署合作備忘錄，未來盼與愛達荷州建立…': last year is the
    memorandum's); a clause stating none (a date opening the sentence) dates them all."""
    marks = [m.start() for m in _ITEM_MARK.finditer(text)]
    return any(s <= at < e and (s, e) != item and relations_in(text[s:e])
               for s, e in zip([0, *(m + 1 for m in marks)], [*marks, len(text)]))


# (', and a friendship agreement with Saitama City in 2018': a second tie of the same subject.)
# ('ended its pact with Yokohama and formed a partnership with Kawasaki': a second predicate of one subject.)
# 'Hsinchu County and Okayama followed in 2018': a clause that repeats the tie before it for a pair of its own.
ELLIPSIS = re.compile(r"(?i)\b(?:followed(?:\s+suit)?|did\s+(?:the\s+)?same|likewise)\b")
_BRACKET = re.compile(r"\([^()]{1,40}\)")
_SIGNED_WITH_ONLY = re.compile(r"(?i)\b(?:signed|inked|twinned|partnered)\s+(?:[\w-]+\s+){0,3}?with\b")
_EN_CLAUSE = re.compile(r";|,\s+(?:while|whereas|but)\b|,\s+(?:and\s+)?(?=(?:[A-Z][\w'’-]+\s+){1,3}and\s+(?:[\w'’-]+\s+){0,2}[A-Z])|,\s+and\s+(?:also\s+)?(?:an?|another|\d+|two|three|four|five|six|"
                        r"seven|eight|nine|ten|several|many)\s+"  # (', and 6 friendship cities, among them …')
                        # ('signed a friendship agreement with Sendai in 2006 and a tourism agreement with Kanazawa')
                        r"|\s(?=and\s+(?:an?|another)\s+(?:[\w-]+\s+){0,3}(?:agreement|memorandum|MOU|MoU|pact|accord)\s+with\b)"
                        r"|\s(?=and\s+(?:then\s+|later\s+|also\s+)?(?:signed|inked|formed|forged|established|renewed|"
                        r"concluded|sealed|ended|terminated|cut)\b)"
                        # (', and Kaohsiung has been a sister city of Sakai since 2014': a subject of its own)
                        r"|,\s+(?=and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:has|have|had|signed|inked|formed|"
                        r"became|established|is|was|were|are)\b)"
                        # (', and the city hopes to sign an agreement with Okayama next year': the subject again)
                        r"|,\s+(?=and\s+(?:the\s+(?:city|county|town|prefecture|state)|it|they)\s+(?:also\s+)?"
                        r"(?:hopes?|plans?|aims?|seeks?|wants?|intends?|will|would|has|have|signed|is|was)\b"
                        r"|and\s+the\s+(?:city|town|village|county|prefecture)\s+of\s+[A-Z])")  # (', and the town of Kikuyo …')


def item_relation(item_text: str, item_cues, relation: Relation) -> Relation:
    """The kind of tie an enumerated item states; a bare 締盟 takes the kind
    named before it ('…締姊妹市盟約，台南市…締盟'), and so does a renewal
    agreement ('簽署續約協定，延續兩市…的友好交流關係': the friendship renewed)."""
    tie = relation_of(item_text, item_cues, []) if item_cues else Relation.OTHER  # ('… followed in 2018': the tie before)
    renewal = all(c[0] is Relation.COOPERATION and (_RENEWAL_BEFORE.search(item_text, max(0, c[1] - 3), c[1])
                                                    or re.fullmatch(SAME_AGAIN, item_text[c[1]:c[2]], re.I))
                  for c in item_cues)  # (and 'signed one with': the kind named before, again)
    return relation if tie is Relation.OTHER or (item_cues and renewal) else tie


_RENEWAL_BEFORE = re.compile(r"(?:續約|续约|續簽|续签|更新)$")


def apposed_relation(text: str, start: int, cues, spans) -> Relation | None:
    """The kind of tie written right before one side's name, which names
    that side's tie ('拜會姊妹市仙台市與友好城市金澤市', 'its friendship city Sakai')."""
    for span in spans:
        at = span.start - start
        kinds = {c[0] for c in cues if 0 <= at - c[2] <= 1 and not text[c[2]:at].strip(" 的之の")
                 and not text[c[1]:c[2]].endswith(("with", "between"))}  # ('establish ties with Oxford': no kind)
        if len(kinds) == 1 and kinds != {Relation.OTHER}:  # ('2017年締盟的青森縣': a bare 締盟 names no kind)
            return kinds.pop()
    for span in spans:  # '…及日本北海道釧路市（2019年，友好城市）', 'Kushiro (friendship city, 2019)': a bracket right after
        bracket = _KIND_BRACKET.match(text, span.end - start)
        inner = relations_in(bracket.group(1)) if bracket else []
        if inner and len({c[0] for c in inner}) == 1 and inner[0][0] is not Relation.OTHER:
            return inner[0][0]
    return None


_KIND_BRACKET = re.compile(r"\s*[（(]([^()（）]{1,30})[）)]")


def closest_mentions(sides: list[PlaceSpan], a: PlaceSpan, b: PlaceSpan, lang: str) -> tuple[PlaceSpan, PlaceSpan]:
    """Of the mentions an English sentence makes of the pair's two places,
    the two nearest each other ('Prague suspended its partnership with
    Shanghai, while Taipei and Prague signed …': the second Prague is
    Taipei's partner), in the pair's order; a side the sentence does not
    hold (one borrowed, the page's owner) stays as it is. (Chinese names a
    city again in short, '北市', inside clauses that keep the first's tie.)"""
    mine = [s for s in sides if s.place.id == a.place.id] or [a]
    theirs = [s for s in sides if s.place.id == b.place.id] or [b]
    if lang != "en" or a not in mine or b not in theirs:
        return a, b
    return min(((x, y) for x in mine for y in theirs), key=lambda xy: (abs(xy[0].start - xy[1].start), xy[0].start))
