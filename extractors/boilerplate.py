"""A page's lists of links to other stories ('Related News', '延伸閱讀',
'関連記事'): headlines of other articles, each of which may name a tie
('Taichung and Kumamoto renew friendship agreement') that this page does
not report. The block is blanked before extraction, keeping every offset,
so that no evidence can come from it."""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"(?im)^[ \t]*(?:related\s+(?:news|articles?|stories|posts|content|links)|read\s+(?:more|also)|more\s+(?:news|stories)"
    r"|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|most\s+(?:read|popular)|latest\s+news|other\s+news"
    r"|相關新聞|相关新闻|延伸閱讀|延伸阅读|相關報導|相关报道|相關文章|推薦閱讀|熱門新聞|最新新聞|更多新聞"
    r"|関連記事|関連ニュース|関連リンク|おすすめ記事|新着記事)[ \t]*[:：]?[ \t]*$")
# One link set in the text on a line of its own: 'Also read: Taichung, Kumamoto sign …', '▲延伸閱讀：…'.
_INLINE_LINK = re.compile(
    r"(?im)^[ \t]*[▲►▶●■◆※【\[]?[ \t]*(?:also\s+read|read\s+(?:more|also|next)|related(?:\s+(?:news|story|article))?|see\s+also"
    r"|延伸閱讀|延伸阅读|相關新聞|相关新闻|相關報導|推薦閱讀|看更多|関連記事|あわせて読みたい)[】\]]?[ \t]*[:：|｜][^\n]*")
# A line of such a block: a headline or a date, short and without a sentence's closing stop.
MAX_LINK_LINE = 120
_CLOSES_SENTENCE = re.compile(r"[.!?。！？」』][\"'”’)）]*\s*$")


def link_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block of links: its heading and the short lines
    after it, up to the first line of prose (long, or closed by a full stop);
    and of each line that is one link ('Also read: …')."""
    out = []
    for m in _HEADING.finditer(text):
        end = m.end()
        for line in re.finditer(r"[^\n]*\n?", text[m.end():]):
            body = line.group(0).strip()
            if not line.group(0) or len(body) > MAX_LINK_LINE or (body and _CLOSES_SENTENCE.search(body)):
                break
            end = m.end() + line.end()
        out.append((m.start(), end))
    return out + [m.span() for m in _INLINE_LINK.finditer(text)]


def blank_link_blocks(text: str) -> str:
    """``text`` with every link block's characters but line breaks turned to spaces."""
    for start, end in link_blocks(text):
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    return text
