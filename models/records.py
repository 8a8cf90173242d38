"""Records passed between the stages of citypairs.

Every boundary of the pipeline (ingest -> extract -> dedupe) hands over one of
these frozen records, never a loose dict.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Relation(StrEnum):
    SISTER = "sister"
    FRIENDSHIP = "friendship"
    MOU = "mou"
    COOPERATION = "cooperation"
    OTHER = "other"


class Event(StrEnum):
    ESTABLISHED = "established"
    PROPOSED = "proposed"
    RENEWED = "renewed"
    TERMINATED = "terminated"


class Theme(StrEnum):
    ECONOMY_TRADE = "economy_trade"
    AGRICULTURE_FOOD = "agriculture_food"
    EDUCATION_YOUTH = "education_youth"
    CULTURE_ARTS = "culture_arts"
    TOURISM = "tourism"
    TECHNOLOGY_SMART_CITY = "technology_smart_city"
    HEALTH = "health"
    ENVIRONMENT_SUSTAINABILITY = "environment_sustainability"
    SPORTS = "sports"
    DISASTER_RESILIENCE = "disaster_resilience"
    GOVERNANCE_POLITICS = "governance_politics"


class Level(StrEnum):
    """Administrative level of a place.

    Taiwan: special municipalities (Taipei...), provincial cities (Keelung,
    Hsinchu City, Chiayi City: ``county_city``), counties, county-administered
    cities (Hualien City, Zhubei...), townships and districts. Abroad: cities,
    first-level divisions (state, prefecture, province, region) and counties.
    """

    SPECIAL_MUNICIPALITY = "special_municipality"
    COUNTY_CITY = "county_city"
    COUNTY = "county"
    COUNTY_ADMINISTERED_CITY = "county_administered_city"
    TOWNSHIP = "township"
    DISTRICT = "district"
    CITY = "city"
    STATE = "state"
    PREFECTURE = "prefecture"
    PROVINCE = "province"
    REGION = "region"
    COUNTRY = "country"
    OTHER = "other"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Place(Frozen):
    """A resolved local government.

    ``id`` is stable across runs and releases: ``TW-...`` for Taiwan (ISO
    3166-2 codes for the 22 top-level units), ``gn:<geonameid>`` for cities
    from GeoNames, ``iso:<ISO 3166-2 code>`` for first-level divisions, and
    ``prov:<country>:<slug>`` for provisional places the gazetteer lacks.
    """

    id: str
    name: str  # conventional English name of today's government
    country: str  # ISO 3166-1 alpha-2
    level: Level
    admin1: str | None = None  # state/prefecture/province name, where known
    native: str | None = None  # name in the local script (Chinese for Taiwan)
    population: int | None = None
    provisional: bool = False  # not in the gazetteer: needs an analyst


class EventDate(Frozen):
    value: dt.date  # first day of the period for month/year precision
    precision: DatePrecision
    text: str = ""  # the words that gave it

    def iso(self) -> str:
        if self.precision is DatePrecision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision is DatePrecision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


def within(outer: tuple[dt.date, str], inner: tuple[dt.date, str]) -> bool:
    """Whether date ``inner`` (value, precision) lies in the period ``outer``
    names: 1995-09 lies in 1995, 1983-07-22 in 1983-07."""
    (o, op), (i, _) = outer, inner
    if op == DatePrecision.YEAR:
        return o.year == i.year
    if op == DatePrecision.MONTH:
        return (o.year, o.month) == (i.year, i.month)
    return o == i


def founding_choice(dates: list, key) -> object:
    """The founding date among several a text gives: the earliest, made as
    precise as another date inside its period allows ('in 1995' and 'in
    September 1995' are one signing). ``key`` maps an item to (value,
    precision)."""
    order = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}
    first = min(dates, key=lambda d: (key(d)[0], order[DatePrecision(key(d)[1])]))
    inside = [d for d in dates if within(key(first), key(d))]
    return min(inside, key=lambda d: (order[DatePrecision(key(d)[1])], key(d)[0]))


class Evidence(Frozen):
    text: str
    start: int  # character offsets into the document text
    end: int
    page: int | None = None  # 1-based page for PDFs


class PageSpan(Frozen):
    page: int  # 1-based
    start: int
    end: int


class DocumentStatus(StrEnum):
    INGESTED = "ingested"
    EXTRACTED = "extracted"
    FAILED = "failed"
    SKIPPED = "skipped"


class ParsedDocument(Frozen):
    """Text and metadata read out of one stored document."""

    sha256: str
    media_type: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    lang: str = "en"
    pages: tuple[PageSpan, ...] = ()  # empty unless the source was paginated
    encoding: str | None = None
    text_source: str | None = None  # how text was got where not read from a text layer (OCR)

    def page_at(self, offset: int) -> int | None:
        for span in self.pages:
            if span.start <= offset < span.end:
                return span.page
        return None


class Mention(Frozen):
    """One partnership as stated by one passage of one document."""

    a: Place  # the Taiwanese side when there is one
    b: Place
    a_text: str  # names as written
    b_text: str
    relation: Relation
    event: Event
    date: EventDate | None = None
    themes: tuple[Theme, ...] = ()
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)


class DocumentInput(Frozen):
    """What extraction needs of a document: its text and its context."""

    key: str  # document id in the store, or the corpus id
    text: str
    published: dt.date | None = None
    lang: str = "en"
    pages: tuple[PageSpan, ...] = ()
    title: str | None = None  # page title, where the source gave one
    url: str | None = None  # where the text came from
    outlet: str | None = None  # the site or publisher
    text_source: str | None = None  # 'OCR (...)' where the text was read from a scan


class DocumentMentions(Frozen):
    key: str
    mentions: tuple[Mention, ...]
    problem: str | None = None  # reason code where extraction stopped short: text_too_long, time_limit
    detail: str | None = None  # the sentence for it
