"""Cue words for relations and lifecycle events, English, Chinese and Japanese.

Kept as compiled patterns in one place so the partnership detector reads as
logic, not word lists. The relation is what the text says was created: a
memorandum that sets up a sister-city tie is a sister tie, so relations are
ranked and the strongest cue in a passage wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.cue_guards import (ASSOCIATION_NAME, NEGATION_AFTER, NEGATION_BEFORE, ORG_AFTER_CUE, ORG_PARTY_BEFORE,
                                    SCHOOL_BEFORE, TREATY_BEFORE, asked_and_refused)
from extractors.gazetteer.names import fold_characters
from models.records import Event, Relation

_I = re.I

# 'Two years later, Taipei signed one with Seoul', 'did the same with': the tie the sentence before named, again.
SAME_AGAIN = r"\b(?:signed|inked|concluded|sign|seek|pursue|negotiate)\s+(?:one|a\s+similar\s+one)\s+with\b|\b(?:did\s+the\s+same|followed\s+suit)\s+with\b"

# A thing named for a tie ('the sister city monument in Columbus') states no tie of the places around it.
_NAMED_THING = r"\s+(?:monument|park|garden|statue|gate|bridge|plaza|square|street|road|mural|marker|sculpture)s?\b"
# ('the Twin Cities of Minneapolis and St. Paul' names two cities, not a tie; 'twin cities' does)
RELATION_CUES: list[tuple[Relation, re.Pattern[str]]] = [
    (Relation.SISTER, re.compile(
        r"\bsister[\s-]*(?:cit(?:y|ies)|states?|provinces?|prefectures?|count(?:y|ies)|municipalit(?:y|ies)|islands?|districts?|regions?|"
        r"towns?|townships?|jurisdictions?|relationships?|relations|ties|tie|partnerships?|agreements?|pacts?|bonds?|"
        r"-?hood|programs?)\b(?!" + _NAMED_THING + r")|\bsisters?\s+cit(?!(?:y|ies)" + _NAMED_THING + r")|\b(?!(?-i:Twin\s+Cities))twin(?:ned|ning)?(?![\s-]+(?:cit(?:y|ies)[\s-]+)?forum)(?:[\s-]+(?:towns?|cit(?:y|ies)))?\b"
        r"|\bsisterhood\b|\b(?:has|have|had)\s+(?:\w+\s+){0,2}?sisters\b|\b(?:became|become|becoming|becomes)\s+sisters\b|姊妹市|姐妹市|姊妹城市|姐妹城市|姊妹縣|姐妹縣|姊妹鄉|姊妹鎮|姊妹州|姊妹省|姐妹省|姊妹島|姐妹島|姊妹郡|姐妹郡|姊妹區|姐妹區"
        r"|姉妹都市|姉妹提携|姉妹縁組|姉妹[市町村県州郷島区]"
        r"|(?:締結|缔结|結為|结为|結成)\s*(?:姊妹|姐妹)(?:關係|关系|情誼|情谊|盟誼|之?盟)"  # '締結姊妹情誼'
        r"|(?:姊妹|姐妹)(?:締盟|结盟|結盟|盟約|盟约)"  # '簽署姊妹締盟協定'
        r"|\bsister\s+(?:and|&)\s+friendship\s+cit"  # ('the following sister and friendship cities:')
        r"|(?:(?<=\()|(?<=\(\d{4},\s))\s*(?:sister|twin)(?=\s*[,;)])"  # a list's bracket naming the kind: 'Busan (sister, 1966)', '(1966, sister)'
        r"|(?:(?<=[|\t])|(?<=\S\s\s))\s*(?:sister|twin)(?:\s+cit(?:y|ies))?(?=\s*(?:[|\t]|$)|\s\s)", _I)),  # a table's kind cell: '| Sister |'
    (Relation.FRIENDSHIP, re.compile(
        # (not 'a friendly city for pedestrians': what a city is like)
        r"\bfriend(?:ship|ly)[\s-]+(?:cit(?:y|ies)(?!\s+for\s+(?!(?:\d+|an?|over|more|nearly|almost|about|some|several|many|decades|years)\b|the\s+(?:past|last)\b))|towns?|districts?|relationships?|relations|ties|links?|exchanges?|"
        r"agreements?|charters?|partnerships?|pacts?|alliances?|municipalit(?:y|ies)|cooperation|"
        r"provinces?|count(?:y|ies)|states?|prefectures?|regions?)\b"
        r"|\bfriend(?:ship|ly)\s+and\s+(?:cultural\s+)?(?:exchange|cooperation)\s+agreements?\b"  # ('a friendship and exchange agreement')
        r"|\bfriendship\s+partners?\b"  # ("Hualien County's friendship partner Okinawa Prefecture")
        r"|(?:(?<=\()|(?<=\(\d{4},\s))\s*friend(?:ship|ly)(?=\s*[,;)])"  # ('Aomori Prefecture–Taichung (friendship, 2017)')
        r"|(?:(?<=[|\t])|(?<=\S\s\s))\s*friend(?:ship|ly)(?:\s+cit(?:y|ies))?(?=\s*(?:[|\t]|$)|\s\s)"  # ('| Friendship |')
        r"|['’]s\s(?:(?:new|newer|newest|old|older|oldest|long-?standing)\s+)?friendship\s+with\b"  # ("the city's newer friendship with Hsinchu County")
        r"|友好城市|友好交流|友好(?:締盟|結盟|盟約)|友誼市|友好市|友好區|友好区|友好關係|友好協定|友好合作|友好協力|友誼憲章|友好憲章"
        r"|友好都市|友好交流都市|友好提携|友好関係|友好[町村省縣县州郡鄉乡鎮镇島岛]", _I)),
    (Relation.MOU, re.compile(
        r"\bmemorand(?:ums?|a)(?:\s+of\s+(?:understanding|cooperation|agreement))?\b|\bMO[Uu]s?\b|"
        r"\bletters?\s+of\s+intent\b|備忘錄|意向書|覚書|覚え書き", _I)),
    (Relation.COOPERATION, re.compile(
        r"\b(?:cooperation|co-operation|cooperative|partnership|collaboration|exchange)\s+"
        r"(?:agreements?|pacts?|accords?|deals?|frameworks?)\b|\bagreements?\b|\baccords?\b|\bpacts?\b|"
        r"\b(?:forged|formed|signed|established|entered\s+into)\s+an?\s+alliance\s+with\b|"
        r"(?<=\(\d{4},\s)(?:cooperation|partnership)(?=\s*\))|"  # ('Kanazawa, Ishikawa, Japan (2017, cooperation)')
        # ('Koike agreed with Taipei Mayor Chiang on Wednesday to exchange experiences and cooperate on urban governance')
        r"\bagree(?:d|s)?\s+(?:with\s+[^.;]{1,60}?\s+)?to\s+(?:[\w-]+\s+){0,5}?(?:cooperate|collaborate|work\s+together)\b|"
        r"\b(?:exchange|cooperation)\s+program(?:me)?s?\s+between\b|"  # ('the officials exchange program between Taipei City and Kasama City')
        r"合作協定|合作協議|協定|協議|連携協定|協力協定|交流都市"  # ('観光交流都市': a tie for tourism)
        r"|" + SAME_AGAIN, _I)),
]

# Weakest: a tie the text calls a partnership without saying what kind.
RELATION_CUES.append((Relation.OTHER, re.compile(
    r"\b(?:formal|official|city)[\s-]+partnership\b|\bpartner\s+cit(?:y|ies)\b|\bcity[\s-]to[\s-]city\b"
    r"|\bpartnership\s+between\b"  # ('the partnership between Taitung County and Koror State')
    r"|(?<=['’]s\s)partnership\s+with\b|\b(?:its|their)\s+partnership\s+with\b"  # ("Tainan's partnership with Sendai")
    r"|\b(?:years?|decades?)\s+of\s+friendship\b"  # ('marked a decade of friendship': the tie, of no named kind)
    r"|\banniversary\s+of\s+(?:its|their|the)\s+(?:friendship|partnership|relationship|ties)\s+(?:with|between)\b"
    r"|\bbecame\s+(?:[\w'’-]+\s+){0,3}?partner\s+(?:city\s+)?(?:in|from|of)\b"  # ("became Kaohsiung's first partner in Poland")
    r"|\b(?:their|its)\s+\w+[\s-]+years?[\s-]+(?:old\s+|long\s+)?(?:partnership|relationship|friendship)\b"  # ('their 10-year partnership')
    # ('would also like to establish ties with Saipan', 'to establish a closer relationship with Hachioji City')
    r"|\b(?:establish|seek|sought|forg|build|explor|pursu|sign|form)\w*\s+(?:closer\s+|formal\s+|official\s+|lasting\s+)?"
    r"(?:ties|an?\s+(?:[\w-]+\s+)?(?:relationship|partnership))\s+(?:with|between)\b"  # ('exploring a partnership with Kaohsiung')
    # ('The Tainan relationship dates to 1988' on Boise's page: the tie with that partner)
    r"|\b(?:the|its|our|their)\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:relationship|partnership)\b"
    r"|夥伴城市|合作城市|提携|締盟|結盟|缔盟|结盟|締交|缔交", _I)))

RELATION_RANK = {r: i for i, (r, _) in enumerate(RELATION_CUES)}

# ('suspended the meeting', 'cancelled his trip to Osaka': no tie suspended or cancelled)
_NOT_TIES = (r"(?:meeting|session|hearing|flights?|services?|operations?|classes|traffic|trip|visit|tour|event|concert"
             r"|festival|show|game|match)\b")
_TIE_WORDS = r"(?:ties|tie|relationship|relations|partnership|agreement|pact|twinning|sisterhood|friendship|memorandum|MOU)"
# '希望藉由姊妹市關係促進交流': a hope to work through a tie that stands, not one to make it.
# ('以' and '通過' are left out: '希望以最快速度締結', '希望通過…案' still plan one.)
_VIA = r"(?:藉由|藉著|藉此|借由|透過|利用)"

EVENT_CUES: dict[Event, re.Pattern[str]] = {
    Event.TERMINATED: re.compile(
        r"\b(?:terminat\w*|scrap\w*|sever(?:ed|s|ing)?|"
        # ('had been suspended until October because of the pandemic': a pause, not an end)
        r"(?<!temporarily\s)(?:suspend|cancel)\w*\b(?!\s+until\b)(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+)?" + _NOT_TIES + r")|"
        r"revok\w*|annul\w*|dissolv\w*|ditch(?:ed|es|ing)?|"
        r"withdr[ae]w\w*|withdrawal|cut\s+(?:off\s+)?(?:its\s+|their\s+|the\s+)?ties|br(?:oke|eak\w*)\s+off|"
        r"pull(?:ed|s|ing)?\s+out|abandon\w*|(?<!the\s)end\s+(?:its|their|the|an?)"
        # an ending of the tie itself ('ended its sister city relationship', 'the agreement ended'), not of a
        # visit or a forum ('The visit ended with a banquet at which … sister cities since 1966')
        r"|(?:ended|ends|ending)\s+(?:(?:its|their|the|a|an|all)\s+)?(?:[\w-]+\s+){0,3}?" + _TIE_WORDS +
        r"|" + _TIE_WORDS + r"\s+(?:[\w-]+\s+){0,6}?(?:ended|ends)\b(?!\s+(?:with|at|on)\b)"
        r"|dropp(?:ed|ing|s)(?=[^.;]{0,40}\bas\s+(?:a|an|its|their)\s+(?:sister|friendship|twin|partner))"
        r"|lapsed|expired|(?:was|were|has|have|had)\s+not\s+(?:been\s+)?renewed|(?:did|does)\s+not\s+renew"
        r"|let\s+(?:[\w-]+\s+){1,6}?lapse|allow(?:ed|s)?\s+(?:[\w-]+\s+){1,6}?to\s+lapse)\b"
        r"|(?:更新|延長)(?:されなかった|しなかった|されず|せず)|失効|未(?:再)?續約|不再續約|期滿未續"
        r"|解除|終止|斷絕|解消|破棄|凍結|暫停執行|停止執行"
        # (a trip or an event called off ends no tie: '取消赴日行程', '今年活動因疫情取消', '中止交流活動')
        r"|(?<!疫情)(?<!活動)(?<!活动)(?<!行程)(?:取消|中止)(?!赴|前往|出訪|出访|行程|活動|活动|交流活動|交流活动|會議|会议|航班|訪問|访问)", _I),  # ('凍結…交流', '備忘錄暫停執行': suspended)
    Event.RENEWED: re.compile(  # ('renewable energy', 'urban renewal' renew nothing)
        r"\b(?:anniversar\w*|(?<!urban\s)renew(?!abl)\w*|reaffirm\w*|re-affirm\w*|re-sign\w*|resign(?:ed)?\s+the|"
        r"(?:mark|celebrat|commemorat|recogni[sz]|honou?r)\w*\s+(?:the\s+|their\s+|its\s+|over\s+)?\w+\s+(?:years|decades?)\s+(?:of|as)|"
        r"(?:mark|celebrat|commemorat)\w*\s+(?:the|their|its)\s+\w+\s+year\s+of\s+(?:the|their|its)\b|"  # ('to mark the third year of their memorandum')
        # ("celebrated the partnership's 13th year")
        r"(?:mark|celebrat|commemorat)\w*\s+(?:the\s+)?(?:partnership|relationship|friendship|ties|sisterhood|agreement|pact)"
        r"(?:'s|’s|'|’)\s+\w+\s+year\b|"
        r"\d{1,3}(?:st|nd|rd|th)\s+year\s+as\s+(?:an?\s+)?(?:sister|friendship|twin|partner)|"
        r"(?:ties|friendship|sisterhood|partnership|relationship|twinning)\s+(?:[\w-]+\s+){0,6}?turn(?:s|ed)?\s+"
        r"(?:\d{1,3}|[a-z]+ty)\b|"
        r"(?:mark|celebrat|commemorat)\w*\s+(?:the|their|its)\s+\w+[\s-]+years?[\s-]+(?:old\s+|long\s+)?(?:[\w-]+\s+)?"
        r"(?:partnership|relationship|friendship|ties|sisterhood)|"
        r"upgrad\w*|reconfirm\w*|celebrat\w*\s+(?:the|this|that)\s+(?:[\w-]+\s+)?milestone|extend(?:ed|s)?\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,3}(?:agreement|ties|pact|memorandum)|"
        r"(?:was|were|been|be|is|are)\s+extended|(?:reviv|reactivat|re-?establish)\w*(?=[^.;]{0,40}\b(?:sister|friendship|twin|ties|tie|relationship|partnership|"
        r"agreement|pact))|restor(?:ed|es|ing)\s+(?:the|their|its)\b)\b"
        r"|恢復(?=[^。，,；]{0,4}(?:姊妹|姐妹|友好|締盟|關係))|重啟|重启|再開(?=した|し、|する)"
        r"|週年|周年|(?<!就任)(?<!任期)(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*年目を迎え|(?:屆滿|届满)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*年(?![前度])|(?:已屆|已届|已滿|已满)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*年(?=[^。]{0,30}(?:慶祝|庆祝|慶賀|庆贺|紀念|纪念))|續約|續簽|再簽|(?<!交流)(?<!交流再)(?<!合作)(?<!合作再)升[級级]|升格(?=[為为成]?[^，。,]{0,4}(?:姊妹|姐妹|友好))|再締結|更新|格上げ|(?:期間|期限|協定)を?[^。、]{0,6}?延長|(?:覚書|備忘録|備忘錄|協定書)を[^。]{0,10}?延長", _I),
    Event.PROPOSED: re.compile(
        r"\b(?:propos\w*|plan(?:s|ned|ning)?\s+to|(?<!as\s)planned|(?:will|would|could|might|should)\s+(?:[a-z]+ly\s+)?(?:sign|establish|form|ink|forge|pursue|follow|offer|"
        # ('will become sister cities'; not 'the relationship will become ever better')
        r"become(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:sister|friendship|twin|partner|cit(?:y|ies)\b)))|"
        # 'offer Kyiv a sister city relationship'
        r"offer(?:s|ed|ing)?\s+(?:[A-Z][\w-]+\s+){1,3}(?:a|an)\s+(?:[\w-]+\s+)?(?:sister|friendship|twin|partnership)|"
        r"(?:will|would|shall|(?:is|are)\s+to)\s+(?:soon\s+|formally\s+)?be\s+(?:signed|established|formed|inked|concluded|formali[sz]ed)|"
        # 'will join … to host a … sister city agreement signing': a ceremony to come
        r"(?:will|to)\s+(?:[\w-]+\s+){0,4}?(?:host|hold|attend|witness)\b[^.;]{0,120}?\bsigning\b|"
        r"to\s+(?:[a-z]+ly\s+)?(?:sign|execute|establish|form|become|forge|ink|pursue|explore)|"
        # 'agreed to work toward a friendship-city agreement' (a tie must follow: ``_GENERIC_PLAN``)
        r"(?:work|mov|head|build)(?:s|es|ed|ing|e)?\s+toward(?:s)?\b|help(?:s|ed|ing)?\s+(?:to\s+)?(?:establish|forge|form)|seek\w*|sought|hop(?:e|es|ed|ing)\s+to|"
        # 'hoping that we can facilitate a friendship city', 'would love to see Hsinchu and Oxford establish'
        r"hop(?:e|es|ed|ing)\s+(?:that\s+)?(?:\w+\s+){1,3}?(?:can|could|will|would|might)|would\s+(?:love|like)\s+to|"
        r"wish(?:es|ed)?\s+to|"
        # 'If Taipei and Prague do sign an agreement': a tie supposed
        r"(?<![Ee]ven\s)if\s+(?:[\w.'’-]+\s+){0,6}?(?:do\s+|does\s+|ever\s+|were\s+to\s+|eventually\s+)?(?:sign|signs|establish|establishes|form|forms|"
        r"become|becomes|forge|forges)\b|"
        r"approv\w*|passe[ds]\s+(?:a|an|the)\s|endors\w*|"
        # 'a formal sister city relationship would promote trade': a tie supposed, not made
        r"(?:sister|friendship|twin)[\s-]+(?:city|county|state|town)\s+(?:relationship|agreement|partnership|ties)\s+"
        r"(?:would|could)\s+(?!be\s+(?:renewed|extended|celebrated)|continue)|"
        # 'authorizing the Mayor to execute a sister city agreement'
        r"authori[sz]\w*\s+(?:[\w-]+\s+){0,4}?to\s+(?:execute|sign|enter\s+into)|"
        # 'The agreement still needs to be signed by the two leaders'
        r"(?:(?:needs?|has\s+yet|have\s+yet|(?:is|are)\s+(?:yet|still))\s+to\s+be|must\s+(?:still\s+)?be)\s+"
        r"(?:signed|ratified|formali[sz]ed)|negotiat\w*|consider(?:s|ed|ing|ation\s+of)?|intend\w*|"
        r"intention|explor\w*|mull\w*|expected\s+to|"
        r"aim(?:s|ed|ing)?\s+to|(?:potential|possible|prospective|future)\s+(?:sister|twin|friendship|partner)|"
        r"prospect\s+of|possibilit(?:y|ies)\s+of|feasibility\s+of|interest\s+in|"
        r"under\s+way|in\s+the\s+works|vot(?:e|ed|ing)\s+(?:on|(?:[\w-]+\s+){0,3}?(?:to|in\s+favou?r))|in\s+talks|talks\s+(?:with|on|about|over)|"
        # 'are discussing a formal friendship agreement'
        r"discuss(?:es|ed|ing)?\s+(?:a|an|the|establishing|forming|signing)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:agreements?|ties|pacts?|sister|friendship|memorandum|MOU|partnership|relationship))\b"
        r"|\bpostpon\w*\s+(?:the\s+)?(?:signing|ceremony|agreement)|\b(?:signing|ceremony)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:was|were|has\s+been|had\s+been|is|will\s+be)\s+(?:postponed|delayed|put\s+off)\b"
        # '原訂於6月舉行的…締盟活動延期': a signing put off is not yet made
        r"|原[訂定][^，。,；]{0,24}?(?:締盟|簽約|簽署|締結|簽訂|結盟)|(?:締盟|簽約|簽署|締結|調印)[^，。,；]{0,6}(?:延期|延後|暫緩)|(?:延期|延後)[^，。,；]{0,6}(?:締盟|簽約|簽署)"
        r"|擬|將簽|將(?:於[^。，,；]{0,10})?(?:與|和|同)[^。，,；]{1,12}?(?:締結|簽署|簽訂|締盟|結盟)|不排除|預計|洽談|研議|規劃|爭取|有意|建議|提議|盼能|盼(?=與|与|和|早日|儘早|尽早|未來|未来|締結|缔结|締盟|結盟|簽署|签署|簽訂|签订|成為|成为)|期盼(?!"+_VIA+r")|希望(?!"+_VIA+r")|可望|予定|目指|検討|打診|提案"
        r"|(?:締結|調印|提携)(?:する(?:と|こと|方針|見込み|計画)|へ)|(?:締結|調印|提携)する\s*(?:。|$)|(?:提携|締結|調印)(?:に向け|を目指)|(?:結ぶ|締結の|提携の)(?:方針|予定|見込み|計画)"  # '来月締結すると発表', '締結へ'
        r"|(?:結ぶ|締結する|提携する|調印する)こと(?:を|に|で)?(?:決定|決め|合意|正式決定)"  # '提携を結ぶことを決定しました'
        r"|將(?:於|在|要|會)[^。，,；]{0,8}?(?:簽|締結|締盟|結盟|結為)"  # '將於下月簽署': a signing to come
        r"|(?:締結|締盟|結盟|結為)[^。，,；]{0,8}?案(?![件例])"  # '通過與…締結姊妹市案': a council's bill for a tie
        r"|(?:締結|締盟|結盟|結為|簽署|簽訂)[^。，,；]{0,10}?的?(?:意願|意向(?!書|书)|意愿)"  # '表達與彰化市締結姊妹市的意願': willing
        r"|將(?:率團|率隊|前往|出訪|赴|訪問)[^。；]{0,30}?(?:簽|締結|締盟|結盟|結為)", _I),
    Event.ESTABLISHED: re.compile(
        r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|form(?:ed|alized|alised)|establish\w*|forg(?:ed|ing)|"
        r"conclud\w*|enter(?:ed)?\s+into|became|become|since|twinned|officially)\b"
        r"|締結|簽署|簽訂|簽約|結盟|結為|成為|調印|結ん|結び(?=、)|結びました|提携し|(?:(?<=書[をも])|(?<=協定[をも]))(?:取り)?交わし(?:た|ました|てい|、)|新增(?=[^。，,；]{0,24}(?:備忘錄|协定|協定|姊妹|友好))"
        r"|(?<=[日月年])\s?提携(?![^\s]{0,4}(?:予定|を目指))", _I),  # a row's '平成28年4月12日提携'
}

_APPROVED = r"(?:通過|通过)(?!視訊|视讯|視像|视像|線上|线上|網路|网络|遠距|远距|方式)"  # (not 'via': '通過視訊簽署')
# A past-tense signing verb that settles the event even when the same passage also mentions plans ("approved ... and signed").
SIGNED_PAST = re.compile(r"\b(?:signed|inked|established|formed|forged|concluded|became|twinned|formali[sz]ed)\b"
                         r"|締結|簽署|簽訂|調印|結び(?=、)|結びました"  # ('協定を結び、…': concluded, then …)
                         r"|(?:(?<=書[をも])|(?<=協定[をも]))(?:取り)?交わし(?:た|ました|てい|、)", _I)  # ('覚書を交わした': exchanged, signed)
FUTURE_BEFORE = re.compile(r"\b(?:will|would|(?<!relating\s)(?<!pertaining\s)(?<!leading\s)(?<!prior\s)(?<!due\s)to"  # ('RELATING TO THE RENEWAL')
                           r"|plans?\s+to|shall|could|may|might|can)\s+(?:[a-z]+\s+){0,2}$"
                           r"|\b(?:approv\w*|authori[sz]\w*|call(?:s|ed|ing)?\s+for|recommend\w*)\s+(?:the\s+|a\s+)?$"  # ('approve the renewal')
                           r"|(?:將(?![^。，,；!！]{0,14}的[^。，,；]{0,8}(?:關係|关系|協定|协定|備忘錄|备忘录))|擬|盼|不排除|洽談|協商|磋商|研商|商討|探討|討論|希望(?!"+_VIA+r")|建議|提議|計畫|計劃|規劃|有意|爭取|可望|預計|準備|期待|研議|同意|核准|未來|"
                           rf"{_APPROVED})[^。，,；!！]{{0,16}}$"  # ('議會通過與夏威夷郡締結…案': approved, not yet signed)
                           # '將率團前往美國，與聖安東尼奧市簽署': a trip still to come, and its signing
                           r"|將(?:率團|率隊|前往|出訪|赴|訪問)[^。；!！]{0,30}$", _I)
_FUTURE_PLAN = re.compile(r"\b(?:will|would|shall|plans?\s+to|(?:is|are)\s+(?:going|scheduled|expected)\s+to)\s+"
                          r"(?:[a-z]+\s+){0,2}$", _I)
_FIRST_BEFORE = re.compile(r"\b(?:first|originally|initially)\s+$", _I)
_MARKING = re.compile(r"(?:mark|celebrat|commemorat)", _I)
# '市制施行20周年', '建市100週年', '開港150周年': the anniversary of something else than the tie.
_OTHER_JUBILEE = re.compile(r"(?:市制|町制|村制|施行|建市|建城|設市|升格|開港|开港|建港|築港|開埠|創立|创立|設立|设立|建校|開館|開業|建國|建国|建交|國交|国交|[》」』])"
                            r"\s*(?:\d{1,3}|[一二三四五六七八九十百]{1,4})\s*$")
# 'to mark the 150th anniversary of Kure's naval base', '… of the city's founding': another thing's.
_OTHER_ANNIVERSARY = re.compile(r"(?i)\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w.-]*(?:'s|’s)\s+)?(?:(?:city|town)(?:'s|’s)\s+)?"
                                r"(?:[\w-]+\s+)?(?:founding|foundation|incorporation|base|port|harbou?r|school|university|"
                                r"college|hospital|museum|station|airport|company|opening|birth|death|war|earthquake|"
                                r"independence|liberation|diplomatic\s+(?:ties|relations))\b")
# 'The mayors met on Tuesday to renew the agreement': a meeting held for it, and done; 'signed a pact
# on Monday to upgrade their ties': the signing does it.
_MET_TO = re.compile(r"\b(?:met|gathered|convened|came\s+together|signed|inked)(?:\s+(?!to\b)[\w.()'’-]+){0,6}\s+to\s+$", _I)
# '締結する予定', '締結を目指す', '来月締結すると発表', '締結へ': a Japanese signing still to come.
FUTURE_AFTER = re.compile(r"[^。、]{0,4}(?:する予定|の予定|を目指|に向け|を検討|したい|する(?:と|こと|方針|見込み|計画|\s*。|\s*$)|へ(?:\s|$|。))"
                          r"|[^。，,；]{0,8}?案(?![件例])"  # '締結姊妹縣案': the council's bill for a tie
                          r"|[^。，,；]{0,12}?(?:可能|意願|意向(?!書|书)|意愿)"  # '締結友好城市的可能性', '…的意願': whether to, willing to
                          # '調印式は10月に高雄市で行う予定です': a ceremony still to be held
                          r"|式[^。]{0,40}?(?:予定|(?:行う|行われる|開く|開かれる|開催する|開催される)(?:\s*。|\s*$))")

# "the MOU", "the agreement": a reference back to a tie named just before,
# which lets a sentence listing the other signatories borrow the missing side.
DEFINITE_CUE = re.compile(
    r"\bthe\s+(?:same\s+)?(?:MOU|MoU|memorandum|agreement|pact|accord|"
    r"(?:sister|friendship|twin)[\s-](?:city|county|state|town)\s+(?:agreement|partnership|relationship|ties|pact))\b"
    # '同協定', '該備忘錄', 'この協定', '協定は2020年に締結された'
    r"|(?:同|該|该|此|這項|这项|この|その)(?:協定|协定|備忘錄|备忘录|覚書|協議|协议)|(?:協定|覚書|提携)(?:書)?は", _I)

# "The two cities", "both sides", "the prefecture and the city": a reference back to the places just named.
PAIR_ANAPHOR = re.compile(
    r"\b(?:the\s+(?:two|2|both)\s+(?:(?!and\b|of\b)[a-z][\w-]+\s+)?(?:cities|sides|municipalities|counties|towns|governments|places|"
    r"prefectures|regions|capitals|parties|communities|islands|states|provinces|townships|districts|villages)"
    r"|both\s+(?:cities|sides|parties|municipalities|counties|towns|governments|capitals|communities|islands|"
    r"prefectures|townships)|each\s+other|their\s+(?:sister|friendship|twin)|the\s+(?:two\s+)?(?:cities|counties|towns|islands|prefectures)['’]\s|the\s+(?:two|pair)(?=\s+(?:have|had|"
    r"first|later|then|signed|established|became|formed|inked|forged|agreed)\b)"  # ('The two established ties in 2009')
    r"|(?<![,;]\s)\b(?:[Ii]t|[Tt]hey)\s+also\s+(?:signed|inked|concluded|renewed)"  # ('In 2019 it also signed a memorandum')
    # 'the county and the Japanese city', 'the city and its Japanese counterpart'
    r"|the\s+(?:[A-Z][a-z]+\s+)?(?:city|county|prefecture|state|province|town|township)\s+and\s+(?:the|its)\s+"
    r"(?:[A-Z][a-z]+\s+)?(?:city|county|prefecture|state|province|town|township|counterpart|partner))\b"
    # 'Gov. Lou Leon Guerrero and Mayor Wen-tsan Cheng signing': the two heads of the places just named
    r"|(?-i:\b(?:Mayor|Governor|Gov\.|Magistrate|Commissioner)\s+(?:[A-Z][\w'-]+\s+){1,3}and\s+"
    r"(?:Mayor|Governor|Gov\.|Magistrate|Commissioner)\s+[A-Z])"
    r"|\bthe\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:relationship|partnership)\b"  # 'the Tainan relationship'
    r"|,\s+another\s+(?:sister|friendship|twin)[\s-](?:city|county|state|town)\b"  # ('visited Jackson, another sister city')
    r"|雙方|兩市|兩城市|兩縣|双方|両市|両都市|両県|両町|両自治体|両者|兩者|兩地|两地|両地|兩縣市|两县市|両市町", _I)


# Where a clause ends, in the three scripts ('、' lists, except after a
# Japanese verb's joining form: '締結しており、10月には…', '調印し、').
CLAUSE_MARK = re.compile(r"[，,；;。]|(?<=[てでりしが])、")


def _in_treaty_name(text: str, start: int) -> bool:
    # A capitalised cue ends a treaty's name; 'the Taiwan-Japan sister city
    # agreement between Kaohsiung and Kumamoto' is a tie after all.
    if text[start].isascii() and not text[start].isupper():
        return False
    return _folded(TREATY_BEFORE).search(text[max(0, start - 60):start]) is not None


def relations_in(text: str) -> list[tuple[Relation, int, int]]:
    text, f = fold_characters(text), _folded  # (offsets hold: '签署姊妹市意向书' reads as '簽署姊妹市意向書')
    out = []
    for relation, pattern in RELATION_CUES:
        out.extend((relation, m.start(), m.end()) for m in f(pattern).finditer(text)
                   if not f(NEGATION_BEFORE).search(text[max(0, m.start() - 80):m.start()])
                   and not f(NEGATION_AFTER).match(text, m.end())
                   and not f(SCHOOL_BEFORE).search(text[max(0, m.start() - 20):m.start()])
                   and not f(ORG_PARTY_BEFORE).search(text[max(0, m.start() - 30):m.start()])
                   and not f(ORG_AFTER_CUE).match(text, m.end())
                   and not f(ASSOCIATION_NAME).match(text, m.start())
                   and not _in_treaty_name(text, m.start())
                   and not asked_and_refused(text, m.start(), m.end()))
    return out


@lru_cache(maxsize=None)
def _folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A cue pattern over folded characters, so that simplified and
    shinjitai writing meets the cues written in traditional characters."""
    return re.compile(fold_characters(pattern.pattern), pattern.flags)


# Words that put a Chinese signing after them in the future (a wish, '期待', may look back: '期待隨著締結…後').
_CJK_AHEAD = re.compile(r"(?:(?:將|将)(?![^。，,；!！]{0,14}的[^。，,；]{0,8}(?:關係|关系|協定|协定|備忘錄|备忘录))|擬|拟|研商|商討|商讨|探討|探讨|討論|讨论|洽談|洽谈|協商|协商|磋商|未來|未来|核准|"
                        rf"{_APPROVED})[^。，,；!！]{{0,16}}$")  # ('議會今天通過與台北市締結姊妹市協議': approved, not yet signed)


def event_of(text: str) -> tuple[Event, bool]:
    """The lifecycle event a passage states; the flag says a cue was found."""
    text, f = fold_characters(text), _folded
    ended = list(f(EVENT_CUES[Event.TERMINATED]).finditer(text))
    # ('網傳…關係已經終止，縣府澄清，雙方關係並未終止': an ending the sentence denies is none)
    if ended and not any(_denied(text, m.start()) for m in ended):
        return Event.TERMINATED, True
    # ('visited Hualien to mark 10 years of ties': a purpose, not a plan)
    renewed = [m for m in f(EVENT_CUES[Event.RENEWED]).finditer(text)
               if not f(_FUTURE_PLAN if _MARKING.match(m.group(0)) or _MET_TO.search(text[:m.start()])
                        else FUTURE_BEFORE).search(text[:m.start()])
               and not f(_OTHER_JUBILEE).search(text, max(0, m.start() - 12), m.start())
               and not (m.group(0)[:9].lower() == "anniversa" and _OTHER_ANNIVERSARY.match(text, m.end()))]
    if renewed:
        return Event.RENEWED, True
    past = [m for m in f(SIGNED_PAST).finditer(text) if not f(FUTURE_BEFORE).search(text[:m.start()])
            and not f(FUTURE_AFTER).match(text, m.end()) and not _denied(text, m.start())]
    # ('voted to renew the agreement, first signed in 1986': the founding behind a plan is no signing now)
    if past and all(_FIRST_BEFORE.search(text, max(0, m.start() - 12), m.start()) for m in past) \
            and any(_proposes_tie(text, m) for m in f(EVENT_CUES[Event.PROPOSED]).finditer(text)):
        return Event.PROPOSED, True
    if past:
        return Event.ESTABLISHED, True
    if any(_proposes_tie(text, m) for m in f(EVENT_CUES[Event.PROPOSED]).finditer(text)):
        return Event.PROPOSED, True
    if any(_CJK_AHEAD.search(text[:m.start()]) and not _denied(text, m.start()) for m in f(SIGNED_PAST).finditer(text)):
        return Event.PROPOSED, True  # ('兩市將研商締結姊妹市事宜': a signing still to come)
    # ('have not signed a formal agreement': no cue for a tie made)
    return Event.ESTABLISHED, any(not _denied(text, m.start()) for m in f(EVENT_CUES[Event.ESTABLISHED]).finditer(text))


# Words of wishing, weighing and planning that plan a tie only where the tie follows ('hopes to
# sign a sister city agreement', 'exploring a friendship tie'), not further work under one ('hoped
# to promote exchanges', 'poised to explore new avenues', 'would deepen exchanges after the
# signing'); and 'the first city to sign' tells of a signing done.
_GENERIC_PLAN = re.compile(r"(?i)hop|seek|sought|explor|toward|consider|intend|intention|aim|expected|interest|mull|plan|possibilit|talks|"
                           r"feasibility|盼|希望|可望|目指|検討")
_TIE_AHEAD = re.compile(r"(?i)(?:(?!\b(?:after|following|under|maintain\w*|continu\w*|keep|sustain\w*|deepen\w*|strengthen\w*|"
                        r"enhanc\w*|expand\w*)\s|深化|加強|加强|強化|强化|延續|延续|維持|维持|持續|持续)[^.;。；!?]){0,80}?(?:sister|twin|friendship|agreement|memorand|\bMO[Uu]\b|\bties?\b|"
                        r"relationship|partnership|pact|\bsign|establish|\bform|becom|forg|\bink|姊妹|姐妹|友好|締結|締盟|結盟|"
                        r"簽|協定|備忘錄|提携|覚書|\bone\s+with\b)")  # ('to seek one with Taipei': the tie just named)
# '姉妹都市提携について検討を始めた', '締結に向けて検討': a Japanese tie before the word that weighs it.
_TIE_BEHIND = re.compile(r"(?:姊妹|姐妹|姉妹|友好|締結|締盟|結盟|協定|備忘錄|提携|覚書)[^。、，]{0,6}(?:について|に関して|を|の)$")
# 'a planned visit to its sister city', 'plans to visit': an errand to come, not a tie.
_ERRAND_AFTER = re.compile(r"(?i)\s*(?:to\s+)?(?:visits?|visiting|travel\w*|trips?|tours?|meet\w*|host\w*|attend\w*|"
                           r"welcom\w*|events?|delegations?|exhibitions?|festivals?|concerts?|performances?)\b")


def _denied(text: str, at: int) -> bool:
    """'No agreement was signed, but…': a signing its own clause denies."""
    clause = re.split(r"[,，;；。]", text[max(0, at - 60):at])[-1]
    return _folded(NEGATION_BEFORE).search(clause) is not None or _NO_SUBJECT.search(clause) is not None


# 'traveled to Kaohsiung on March 5 to sign', 'met … in the Netherlands to sign': a trip
# made for a signing is told once the signing is done.
_TRIP_MADE = re.compile(r"(?i)\b(?:travell?ed|visited|went|flew|came|arrived|headed|journeyed|met|travell?ing\s+from|"
                        r"led\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation)\b"
                        r"(?![^.;!?]*\b(?:will|would|shall|plans?|hopes?|next|expected)\b)[^.;!?]{0,80}$")
_NO_SUBJECT = re.compile(r"(?i)\bno\s+(?:[\w-]+\s+){0,4}(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:yet\s+)?$")


_ORDINAL_BEFORE = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)"
                             r"|latest|last|only|newest)\b[^.;]{0,30}$")  # ('the fifth Japanese city to establish ties')


def _proposes_tie(text: str, m: re.Match) -> bool:
    if "ここに" in text[max(0, m.start() - 20):m.start()]:
        return False  # '協定をここに締結する': an agreement's own words perform the act
    if m.group(0).lower().startswith("to") and (_ORDINAL_BEFORE.search(text[max(0, m.start() - 40):m.start()])
                                               or _TRIP_MADE.search(text[max(0, m.start() - 100):m.start()])):
        return False
    if _ERRAND_AFTER.match(text, m.end()):
        return False
    return not _folded(_GENERIC_PLAN).search(m.group(0)) or _folded(_TIE_AHEAD).match(text, m.end()) is not None \
        or _folded(_TIE_BEHIND).search(text, max(0, m.start() - 16), m.start()) is not None
