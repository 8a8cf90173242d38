"""``citypairs sources check``: try one source without storing anything.

A web source's entry pages are fetched once (politely, as a crawl would) and
its links filtered as a crawl would; the answer says how many links it found,
how many it would take, and how many of those were never fetched before. A
folder or file source is listed. Nothing is written to the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.crawl import discover, fetcher_for
from models.errors import ConfigError
from models.settings import Settings
from models.sources import WEB_KINDS, load_sources
from models.store import Store


@dataclass(slots=True)
class CheckResult:
    name: str
    kind: str
    pages: int = 0  # entry pages read (feed, sitemaps, listing pages)
    found: int = 0  # document links on them
    taken: int = 0  # left after the source's filters and max_documents
    new: int = 0  # of those, never fetched before
    examples: list[str] = field(default_factory=list)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and self.taken > 0

    def lines(self) -> list[str]:
        out = [f"{self.name} ({self.kind}): {self.pages} entry pages read, {self.found} links found, "
               f"{self.taken} would be taken, {self.new} of them new"]
        out += [f"  e.g. {x}" for x in self.examples]
        if self.problem:
            out.append(f"problem: {self.problem}")
        elif not self.taken:
            out.append("problem: nothing would be taken; check the url and the filters")
        return out


def check_source(settings: Settings, name: str) -> CheckResult:
    sources = {s.name: s for s in load_sources(settings.sources_path)}
    if name not in sources:
        raise ConfigError(str(settings.sources_path), [f"no source named '{name}' (have: {', '.join(sources)})"])
    source = sources[name]
    result = CheckResult(name, source.kind)
    if source.kind not in WEB_KINDS:
        files = source.files()
        result.found = result.taken = result.new = len(files)
        result.examples = [str(f) for f in files[:3]]
        return result
    fetcher = fetcher_for(source, settings)
    try:
        found, result.pages = discover(source, fetcher)
    finally:
        fetcher.close()
    urls = [d.url for d in found.documents]
    result.found, result.taken = found.found, len(urls)
    result.new = len(urls) - len(_known(settings, urls))
    result.examples = [f"{d.title or '(no title)'} <{d.url}>" for d in found.documents[:3]]
    if found.refusal:
        result.problem = f"{found.refusal[0]}: {found.refusal[1]}: {found.refusal[2]}"
    return result


def _known(settings: Settings, urls: list[str]) -> set[str]:
    """URLs the fetch log has, without creating a database that is not there."""
    if settings.sqlite_path is not None and not settings.sqlite_path.exists():
        return set()
    store = Store(settings.database_url)
    try:
        return store.known_urls(urls)
    finally:
        store.close()
