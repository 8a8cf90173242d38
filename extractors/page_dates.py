"""When a page was published, where its source did not say: a date near its
top after a label or a source line's bracket, or a date in its address.
Stand-ins that only resolve relative dates ('on Monday', '19日')."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from extractors.dates import DAY, _date, find_dates


# Where a page writes when it was published: a label, a bracketed source
# line ('【中日新聞:2016年5月20日】') or a news dateline.
_DATELINE_LABEL = re.compile(r"(?i)(?:post\s*date|date|published|posted|updated|發布|发布|時間|时间|日期|[【\[(（:：|—-])\s*[^\s]{0,12}\s*$")
DATELINE_CHARS = 400


def dateline(text: str) -> dt.date | None:
    """The publication date a text gives near its top, for texts that come
    without one: the first full date (day, month and year) in the first
    few hundred characters that follows a date label or a source line's
    bracket. Used only to resolve relative dates ('on Monday', '19日')."""
    head = text[:DATELINE_CHARS]
    for d in find_dates(head, None):
        if d.date.precision is DAY and _DATELINE_LABEL.search(head[max(0, d.start - 24):d.start]):
            return d.date.value
    return None


# A date in a page's address: '/2017/11/18/', '/2017-11-18', '/20171118'.
_URL_DATE = re.compile(r"(?<![0-9])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])")


def url_date(url: str | None) -> dt.date | None:
    """The publication date a page's address carries, where its path holds
    one (news sites and blogs file their pages by day). Like ``dateline``,
    only a stand-in for a publication date the source did not give."""
    if not url:
        return None
    path = urlsplit(url).path
    for m in _URL_DATE.finditer(path):
        value = _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if value is not None:
            return value
    return None
