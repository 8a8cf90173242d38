"""The extractor version: a digest of what decides extraction, kept apart
from the pipeline so that a scheduled run can tell, without loading spaCy,
whether stored documents need extracting again."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

# What decides extraction: our code, lexicons and gazetteer tables, and the
# trained scorer. Their digest is part of the version stored with each
# document, so a better extractor re-extracts what an older one produced.
_DECIDES = ("*.py", "data/*", "gazetteer/*.py", "gazetteer/data/*")
_NOT_EXTRACTION = {"training.py", "evaluation.py", "corpus_io.py", "links.py", "urls.py", "merge.py",
                   "decisions.py", "near_duplicates.py", "reconcile.py", "reference_read.py", "reference_resolve.py",
                 "refold.py", "parallel.py", "pdf_guard.py", "allocator.py"}


@cache
def code_digest(scorer: str = "") -> str:
    root = Path(__file__).parent
    files = sorted({f for pattern in _DECIDES for f in root.glob(pattern)
                    if f.is_file() and f.name not in _NOT_EXTRACTION})
    if scorer:
        files.append(Path(scorer))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes() if f.exists() else b"")
    return digest.hexdigest()[:12]


def extractor_version(model: str, scorer: str = "") -> str:
    return f"citypairs-{code_digest(scorer)}/{model}"
