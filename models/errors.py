"""One exception base for the project; the CLI turns it into a clean message."""

from __future__ import annotations


class CitypairsError(Exception):
    """Base of every error citypairs raises on purpose."""


class ConfigError(CitypairsError):
    """A settings or sources file is wrong. Lists every problem at once."""

    def __init__(self, where: str, problems: list[str]):
        self.where = where
        self.problems = problems
        super().__init__(f"{where}: " + "; ".join(problems))


class DocumentRejected(CitypairsError):
    """A document cannot be read. ``reason`` is a short stable code
    (``empty``, ``corrupt_pdf``, ``encrypted``, ``no_text_layer``,
    ``not_text``, ``unknown_encoding``, ``too_large``, ...) counted per run;
    ``detail`` is the human sentence."""

    def __init__(self, reason: str, detail: str):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")
