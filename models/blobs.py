"""Write-once, content-addressed store of document bytes under ``data/raw``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class BlobStore:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str, suffix: str = "") -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def put(self, sha256: str, data: bytes, suffix: str = "") -> Path:
        """Store bytes once; an existing blob is never rewritten."""
        path = self.path_for(sha256, suffix)
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)  # atomic: readers never see half a file
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def find(self, sha256: str) -> Path | None:
        """The stored file of a hash, whatever suffix it was stored with."""
        return next((p for p in (self.root / sha256[:2]).glob(f"{sha256}*") if not p.name.startswith(".")), None)
