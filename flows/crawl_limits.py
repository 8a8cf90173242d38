"""How long a crawl keeps at one source, and at a URL that keeps failing.

A document URL whose fetch fails is asked for again by later crawls until
it has failed ``fetch_max_failures`` times in a row; then crawls skip it
without a request, and ``citypairs status`` lists it with its last reason.
The count is kept in ``fetch_log`` and compared with the setting at each
crawl, so raising the setting tries such URLs again.

A source's crawl also has a deadline (``crawl_source_seconds``): past it,
no new fetch starts (one in flight is bounded by ``fetch_deadline``), what
was stored stays stored, and the unfinished run is resumed by the next crawl.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# Refusals decided here without asking the site: the URL did not fail. They
# cost the site nothing, and each crawl decides them again with the settings
# and robots.txt of the day, so an allowance added later takes effect.
DECIDED_HERE = frozenset({"scheme", "bad_url", "robots", "private_address"})


def counts_as_failure(reason: str | None) -> bool:
    """Whether a refusal counts towards giving up on a URL: whatever the
    site or the network did (timeouts, connection and DNS errors, 5xx and
    429 after the fetcher's own retries, other HTTP errors, bodies too large
    or not what they claim, redirect loops) and documents fetched but not
    readable, since the next crawl would fetch and fail on the same bytes.
    A 404 or 410 counts and ends it at once (``models.crawl_log.GONE``);
    a 304 is a success and resets the count."""
    return reason is not None and reason not in DECIDED_HERE


class SourceClock:
    """The time a source's crawl has left, read between fetches."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self._ends


@dataclass(frozen=True, slots=True)
class DeadlineHit:
    """A source whose crawl stopped at its deadline, and what it left."""

    source: str
    seconds: float
    pending: int  # frontier links left to the next crawl
