"""The allocator tuning that build_pipeline applies to its process."""

from __future__ import annotations

import ctypes.util
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import allocator


GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_glibc_takes_the_thresholds():
    assert allocator.keep_freed_memory() is True


def test_a_c_library_without_mallopt_leaves_the_allocator_alone(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: "/nonexistent/libc-that-is-not-there.so")
    assert allocator.keep_freed_memory() is False


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_freed_batches_are_not_faulted_in_again():
    """What the tuning is for: memory freed by one batch serves the next
    without new page faults, even under Dask's 64 kB trim threshold."""
    probe = (
        "import resource, sys\n"
        "from extractors.allocator import keep_freed_memory\n"
        "if sys.argv[1] == 'tuned': keep_freed_memory()\n"
        "import numpy\n"
        "numpy.ones(4_000_000).sum()\n"  # first touch, counted in neither figure
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
        "for _ in range(50): numpy.ones(4_000_000).sum()\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)\n")
    env = {"MALLOC_TRIM_THRESHOLD_": "65536", "PATH": "/usr/bin:/bin"}

    def faults(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", probe, mode], capture_output=True, text=True, env=env,
                              cwd=Path(__file__).resolve().parents[1], check=True)
        return int(done.stdout.strip())

    assert faults("tuned") * 10 < faults("default")
