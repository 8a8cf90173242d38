"""Write the sample agreement PDFs into data/samples/agreements/.

    .venv/bin/python data/samples/make_pdfs.py

The PDFs are committed; rerun this only to change them. Output is byte-for-byte
reproducible (reportlab's ``invariant`` mode fixes dates and document ids). The
texts are invented for testing; the places are real, the people are not.

Chinese text uses reportlab's built-in CID font MSung-Light (no font file needed).
reportlab pairs it with the simplified-Chinese CMap ``UniGB-UCS2-H`` by default, which
makes viewers and pdfminer/pdfplumber map the characters to the wrong glyphs; we
register it with the traditional-Chinese CMap ``UniCNS-UCS2-H`` instead, and then
pdfplumber extracts the Chinese exactly.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import cidfonts, pdfmetrics
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

OUT = Path(__file__).resolve().parent / "agreements"
CJK_FONT = "MSung-Light"

cidfonts.defaultUnicodeEncodings[CJK_FONT] = ("cht", "UniCNS-UCS2-H")
pdfmetrics.registerFont(cidfonts.UnicodeCIDFont(CJK_FONT))

TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20,
                       alignment=TA_CENTER, spaceAfter=6)
SUBTITLE = ParagraphStyle("subtitle", fontName="Helvetica", fontSize=12, leading=16,
                          alignment=TA_CENTER, spaceAfter=14)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=11, leading=14,
                         spaceBefore=8, spaceAfter=3)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=5)
ZH_TITLE = ParagraphStyle("zh_title", parent=TITLE, fontName=CJK_FONT, wordWrap="CJK")
ZH_HEADING = ParagraphStyle("zh_heading", parent=HEADING, fontName=CJK_FONT, wordWrap="CJK")
ZH_BODY = ParagraphStyle("zh_body", parent=BODY, fontName=CJK_FONT, wordWrap="CJK", leading=16)


def build(name: str, title: str, story: list) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=title,
                            author="citypairs sample data", subject=title,
                            creator="data/samples/make_pdfs.py",
                            leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                            topMargin=2.2 * cm, bottomMargin=2.2 * cm)
    doc.build(story)
    return path


def articles(items: list[tuple[str, str]], heading=HEADING, body=BODY) -> list:
    story = []
    for head, text in items:
        story += [Paragraph(head, heading), Paragraph(text, body)]
    return story


def signatures(left: list[str], right: list[str], font: str = "Helvetica") -> Table:
    rows = [[a, b] for a, b in zip(left, right)]
    table = Table(rows, colWidths=[8 * cm, 8 * cm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 10.5),
                               ("TOPPADDING", (0, 0), (-1, -1), 4)]))
    return table


def kaohsiung_cebu() -> Path:
    story = [
        Paragraph("SISTER CITY AGREEMENT", TITLE),
        Paragraph("between Kaohsiung City, Republic of China (Taiwan)<br/>and the City of Cebu, "
                  "Republic of the Philippines", SUBTITLE),
        Paragraph("Kaohsiung City, Republic of China (Taiwan), and the City of Cebu, Republic of "
                  "the Philippines (hereinafter referred to as \"the Parties\"), sharing a long "
                  "history as port cities and gateways to their regions, wishing to strengthen the "
                  "friendship between their residents and to promote mutual prosperity, have "
                  "agreed as follows:", BODY),
    ]
    story += articles([
        ("Article 1. Establishment",
         "The Parties hereby establish a sister city relationship between Kaohsiung City and the "
         "City of Cebu."),
        ("Article 2. Fields of Cooperation",
         "The Parties shall promote exchanges and cooperation in the following fields:<br/>"
         "(a) trade, investment and port logistics;<br/>"
         "(b) tourism and the promotion of direct air and sea links;<br/>"
         "(c) education, including student, teacher and youth exchanges;<br/>"
         "(d) culture, the arts and sports;<br/>"
         "(e) disaster risk reduction and emergency response;<br/>"
         "(f) environmental protection and the management of coastal areas."),
        ("Article 3. Implementation",
         "Each Party shall designate an office responsible for carrying out this Agreement. The "
         "offices shall agree on a work plan every two years and exchange reports on its progress."),
        ("Article 4. Costs",
         "Unless otherwise agreed, each Party shall bear its own costs arising from activities "
         "under this Agreement, subject to the availability of funds."),
        ("Article 5. Amendment",
         "This Agreement may be amended at any time by mutual written consent of the Parties."),
        ("Article 6. Entry into Force and Duration",
         "This Agreement shall enter into force on the date of its signature and shall remain in "
         "force for five years. It shall be renewed automatically for further periods of five "
         "years unless either Party gives the other six months' written notice of termination."),
    ])
    story += [
        Spacer(1, 10),
        Paragraph("Signed at Kaohsiung on 20 September 2024, in two originals in the English "
                  "language, both texts being equally authentic.", BODY),
        Spacer(1, 18),
        signatures(["For Kaohsiung City", "", "______________________", "Lin Kuan-yu",
                    "Deputy Mayor"],
                   ["For the City of Cebu", "", "______________________", "Ramon D. Alcantara",
                    "Vice Mayor"]),
    ]
    return build("kaohsiung-cebu-sister-city-agreement.pdf",
                 "Sister City Agreement between Kaohsiung City and the City of Cebu", story)


def hualien_sendai() -> Path:
    story = [
        Paragraph("MEMORANDUM OF UNDERSTANDING ON FRIENDSHIP EXCHANGE", TITLE),
        Paragraph("between Hualien County, Taiwan<br/>and the City of Sendai, Japan", SUBTITLE),
        Paragraph("Hualien County, Taiwan, and the City of Sendai, Japan (hereinafter \"the two "
                  "sides\"), recalling the support their residents gave each other after the "
                  "earthquakes of 2011 and 2024, and wishing to build a lasting friendship, have "
                  "reached the following understanding:", BODY),
    ]
    story += articles([
        ("1. Friendship", "The two sides will establish a friendship exchange relationship."),
        ("2. Areas of Exchange",
         "The two sides will promote exchanges in (a) disaster prevention and reconstruction; "
         "(b) tourism; (c) education and youth, including school visits and sports events; and "
         "(d) culture, including the arts of indigenous peoples and traditional festivals."),
        ("3. Contact Offices",
         "The International Affairs Section of the Hualien County Government and the International "
         "Affairs Division of the City of Sendai will serve as contact offices."),
        ("4. Nature of this Memorandum",
         "This Memorandum does not create legal obligations. It takes effect on the date of "
         "signature and remains in effect for three years, after which the two sides will review "
         "it. The Memorandum is made in English and Chinese, both texts being equally valid."),
    ])
    story += [
        Spacer(1, 10),
        Paragraph("Signed at Sendai on 8 November 2024.", BODY),
        Spacer(1, 16),
        signatures(["For Hualien County", "______________________", "Chang Chih-ming",
                    "Deputy Magistrate"],
                   ["For the City of Sendai", "______________________", "Kenji Oshima",
                    "Deputy Mayor"]),
        PageBreak(),
        Paragraph("臺灣花蓮縣與日本國仙台市友好交流備忘錄", ZH_TITLE),
        Spacer(1, 10),
        Paragraph("臺灣花蓮縣與日本國仙台市（以下簡稱「雙方」），感念兩地居民於二○一一年及二○二四年地震後"
                  "相互扶持之情誼，並期盼建立長久之友好關係，茲達成以下共識：", ZH_BODY),
    ]
    story += articles([
        ("一、友好關係", "雙方同意建立友好交流關係。"),
        ("二、交流領域", "雙方將推動下列領域之交流：（一）防災及災後重建；（二）觀光；"
                     "（三）教育及青少年交流，包括學校互訪及體育活動；（四）文化，包括原住民族藝術及傳統節慶。"),
        ("三、聯絡窗口", "花蓮縣政府國際事務科及仙台市國際交流課為雙方之聯絡窗口。"),
        ("四、備忘錄性質", "本備忘錄不產生法律義務，自簽署之日起生效，效期三年，屆期由雙方檢討。"
                       "本備忘錄以英文及中文作成，兩種文本同等有效。"),
    ], heading=ZH_HEADING, body=ZH_BODY)
    story += [
        Spacer(1, 10),
        Paragraph("中華民國一一三年十一月八日（西元2024年11月8日）簽署於仙台市。", ZH_BODY),
        Spacer(1, 16),
        signatures(["花蓮縣代表", "______________________", "張志明", "副縣長"],
                   ["仙台市代表", "______________________", "大島健二", "副市長"], font=CJK_FONT),
    ]
    return build("hualien-sendai-friendship-mou.pdf",
                 "Memorandum of Understanding on Friendship Exchange between Hualien County "
                 "and the City of Sendai", story)


def taoyuan_jonava() -> Path:
    story = [
        Paragraph("SISTER CITY AGREEMENT", TITLE),
        Paragraph("between Taoyuan City, Taiwan<br/>and Jonava District Municipality, "
                  "Republic of Lithuania", SUBTITLE),
        Paragraph("Taoyuan City and Jonava District Municipality, following the exchange of "
                  "delegations in 2024 and the approval of this text by the Jonava District "
                  "Municipal Council, agree to become sister cities and to cooperate as follows.",
                  BODY),
    ]
    story += articles([
        ("Article 1", "The Parties shall cooperate in industry, including the chemical and "
                      "logistics sectors; vocational training and education; culture; and "
                      "tourism."),
        ("Article 2", "The Parties shall encourage contacts between their companies, schools, "
                      "cultural institutions and civil society organisations."),
        ("Article 3", "This Agreement enters into force on signature and remains valid for an "
                      "indefinite period. Either Party may terminate it by written notice, which "
                      "takes effect six months after receipt."),
    ])
    grid = [["Party", "Name", "Title", "Signature", "Date"],
            ["Taoyuan City", "Su Ming-hsuan", "Deputy Secretary-General", "", "24 October 2024"],
            ["Jonava District\nMunicipality", "Tomas Gudaitis", "Deputy Mayor", "",
             "24 October 2024"]]
    table = Table(grid, colWidths=[3.4 * cm, 3.2 * cm, 4.2 * cm, 2.8 * cm, 2.8 * cm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Helvetica", 9.5),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9.5),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 14),
    ]))
    story += [Spacer(1, 10), Paragraph("Signed at Taoyuan in two originals in English.", BODY),
              Spacer(1, 10), table]
    return build("taoyuan-jonava-sister-city-agreement.pdf",
                 "Sister City Agreement between Taoyuan City and Jonava District Municipality",
                 story)


if __name__ == "__main__":
    for make in (kaohsiung_cebu, hualien_sendai, taoyuan_jonava):
        print(make())
