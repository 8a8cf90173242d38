"""What makes a place name written in Chinese or Japanese part of an
organisation's name: an office, a council, a school, a station, a zoo, a
bureau ('高雄市觀光局', '台北市立動物園', '駐福岡辦事處'), or the facility a place
owns that is the party ('台中市的逢甲大學與'). Patterns are matched on text
folded to one character set (``fold_characters``)."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold_characters

# (分處, 分处 and 分処, 辦事處 and 弁事処 alike)
ORG_AFTER = re.compile(fold_characters(
    r"(?<![市縣县郡])[市縣县郡]?(?:議會|商會|協會|醫院|銀行)|(?:駐[\u4e00-\u9fff]{1,4}?)?(?:經濟文化|經文化|經濟貿易|經貿)?(?:辦事處|弁事処|代表處|代表所|代表部)|分處"
    r"|分所|大學|公司|(?:國際)?機場|(?:國際)?空港|港務|議會|醫院|銀行|商會|協會|動物園|博物館|車站"
    r"|國小|國中|高中|中學|小學|學校|高校"
    r"|(?:觀光|経済|經發|經濟發展|文化|教育|交通|衛生|農業|環保|工務|警察|消防|財政|港灣|海洋)局"  # ('高雄市觀光局': a bureau, not the city)
    r"|事務所|病院|商工会議所|観光協会|空港"
    r"|[の的](?:企業|会社|業者|廠商|團體|団体)"  # ('台中市の企業と熊本市の企業が業務提携': the firms act for themselves)
    r"|溫泉|駅|站|港務局|漁協|農會|農協|鐵道|鉄道|鐵路"  # ('台北市立動物園', '旭川市旭山動物園': a named institution)
    r"|(?:(?![與和及的之在長])[\u4e00-\u9fff]){0,4}?(?:動物園|美術館|博物館|圖書館|大學|高中|國中|國小|高校|醫院|病院|機場|鐵道|鉄道|園區|管理局|聯盟|連盟)(?!生)"))
# '花蓮縣議會今天三讀通過與夏威夷郡締結姊妹縣案': a council approving its own government's tie speaks for it.
# ('石垣市議会は9日、…との姉妹都市提携を解消する議案を可決した': in Japanese the vote comes after the tie.)
COUNCIL_APPROVES = re.compile(fold_characters(r"[市縣县郡]?議會[^。；]{0,20}?(?:通過|同意|核准|議決)[^。；]{0,40}?"
                                              r"(?:姊妹|姐妹|友好|締盟|結盟)"
                                              r"|[市縣县郡町村]?議會[はが、\s]?[^。；]{0,30}?(?:姊妹|姐妹|友好|提携)"
                                              r"[^。；]{0,30}?(?:可決|承認|議決)"))
OFFICE_AHEAD = re.compile(fold_characters(r"[\u4e00-\u9fff]{0,8}?(?:辦事處|弁事処|代表處)"))
# '代表處札幌分處', '代表所札幌分所': a place right after an office's name is where its branch sits.
OFFICE_BEFORE = re.compile(fold_characters(r"(?:辦事處|弁事処|代表處|代表所|代表部)$"))
STATIONED = fold_characters("駐")
MISSION_AFTER = re.compile(fold_characters(r"(?:駐[\u4e00-\u9fff]{1,4}?)?(?:經濟文化|經文化|經濟貿易|經貿)?"
                                           r"(?:辦事處|弁事処|代表處|代表所|代表部)|分處|分所"))
# '日南市・JR九州の日南駅と', '台中市的逢甲大學與': a place owning the facility that is the party (stations, schools).
# ('日南市と台中市の日南駅の「姉妹駅協定」': both cities name their stations)
FACILITY_OF = re.compile(fold_characters(
    r"(?:[と與与和及][^、。，,の的]{1,6}?)?[・の的][^、。，,與与和と及]{0,10}?"
    r"(?:駅|車站|空港|機場|港|大學|大学|高校|學校|学校|温泉|溫泉|博物館|美術館)"
    r"(?:と|が|は|の|與|与|和|及|、|\(|（)"))

# '高雄至胡志明市航線', '台北と仙台を結ぶ定期便': the ends of an air or sea route, no parties to the
# agreement that opens it.
ROUTE_END = re.compile(fold_characters(
    r"[市縣县]?(?:(?:至|到|—|－|-|～|と|與|和)[\u4e00-\u9fff\u30a0-\u30ff]{1,8}?[市縣县]?)?(?:を結ぶ|之?間的?)?"
    r"(?:航線|航班|班機|直航|定期便|直行便|路線|航路|空路)"))
