"""Tests that read the repository's own files (examples/, noxfile.py, .ci/) skip in an sdist.

The sdist ships the package, its tests, docs and the fuzz case builders the tests import,
not the example apps or the CI scripts. A distribution packager runs the sdist's suite, so
a test that reads one of those files skips there, with the reason, instead of failing. In
a checkout (no PKG-INFO at the root) a missing file still fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_SDIST = (ROOT / "PKG-INFO").is_file()


def needs_repository(*paths: str) -> None:
    """Skip the calling test in an sdist that lacks one of ``paths`` (relative to the root)."""
    missing = [path for path in paths if not (ROOT / path).exists()]
    if IN_SDIST and missing:
        pytest.skip(f"repository only: the sdist does not ship {', '.join(missing)}")
