"""What one crawl did, as a record for the caller and as the markdown of
its Prefect artifact: new documents and partnerships, failures, URLs given
up, and sources that stopped at their deadline."""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.crawl_limits import DeadlineHit
from models.crawl_log import GivenUp


@dataclass(frozen=True, slots=True)
class NewDocument:
    source: str
    url: str
    title: str


@dataclass(frozen=True, slots=True)
class PartnershipChanges:
    added: list[str]  # "Kaohsiung – Cebu City (sister, active)"
    changed: list[str]


@dataclass(slots=True)
class CrawlReport:
    fetched: int = 0  # HTTP requests that got an answer (304s included)
    new: int = 0  # documents stored for the first time
    unchanged: int = 0  # 304s and bytes already stored
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # url, reason, detail
    new_documents: list[NewDocument] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)  # sources whose unfinished run was resumed
    given_up: list[GivenUp] = field(default_factory=list)  # URLs this crawl's failure made it give up on
    skipped: int = 0  # URLs given up before, not asked for
    deadlines: list[DeadlineHit] = field(default_factory=list)  # sources stopped at crawl_source_seconds
    partnerships: PartnershipChanges | None = None

    def add(self, other: CrawlReport) -> None:
        self.fetched += other.fetched
        self.new += other.new
        self.unchanged += other.unchanged
        self.refused += other.refused
        self.new_documents += other.new_documents
        self.resumed += other.resumed
        self.given_up += other.given_up
        self.skipped += other.skipped
        self.deadlines += other.deadlines


def changes(before: dict[str, tuple], after: dict[str, tuple]) -> PartnershipChanges:
    def label(row: tuple) -> str:
        a, b, relation, status, established = row
        since = f", since {established}" if established else ""
        return f"{a} – {b} ({relation}, {status}{since})"

    return PartnershipChanges(added=[label(v) for k, v in after.items() if k not in before],
                              changed=[label(v) for k, v in after.items() if k in before and before[k] != v])


def crawl_markdown(report: CrawlReport, sources: list[str]) -> str:
    """The crawl's report, as the markdown of a Prefect artifact."""
    def cell(text: object) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = [f"# Crawl of {', '.join(sources) or 'no sources'}", "",
             f"{report.fetched} fetched, **{report.new} new documents**, {report.unchanged} unchanged, "
             f"{len(report.refused)} refused."]
    if report.resumed:
        lines += ["", f"Resumed an unfinished run of: {', '.join(report.resumed)}."]
    for hit in report.deadlines:
        lines += ["", f"**{cell(hit.source)} stopped at its deadline** ({hit.seconds:g} s, crawl_source_seconds): "
                      f"{hit.pending} URLs left for the next crawl."]
    if report.skipped:
        lines += ["", f"{report.skipped} URLs given up on earlier were not asked for (citypairs status lists them)."]
    lines += ["", "## New documents", ""]
    lines += ["| source | title | URL |", "| --- | --- | --- |"] + [
        f"| {cell(d.source)} | {cell(d.title)} | {cell(d.url)} |" for d in report.new_documents
    ] if report.new_documents else ["None."]
    found = report.partnerships
    lines += ["", "## New or changed partnerships", ""]
    if found and (found.added or found.changed):
        lines += [f"- new: {cell(x)}" for x in found.added] + [f"- changed: {cell(x)}" for x in found.changed]
    else:
        lines.append("None.")
    lines += ["", "## Failures", ""]
    lines += ["| URL | reason | detail |", "| --- | --- | --- |"] + [
        f"| {cell(u)} | {cell(r)} | {cell(d)} |" for u, r, d in report.refused
    ] if report.refused else ["None."]
    if report.given_up:
        lines += ["", "## Given up", "", "Failed too often; later crawls do not ask for them "
                  "(raise fetch_max_failures to try again).", "",
                  "| URL | failures | reason | detail |", "| --- | --- | --- | --- |"]
        lines += [f"| {cell(g.url)} | {g.failures} | {cell(g.reason or '')} | {cell(g.detail or '')} |"
                  for g in report.given_up]
    return "\n".join(lines) + "\n"
