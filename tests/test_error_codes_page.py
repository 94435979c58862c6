"""docs/error-codes.md is generated from zoomsig.ERROR_CODES: the two cannot disagree."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from zoomsig import ERROR_CODES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_error_codes_page", DOCS / "_error_codes_page.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_page_equals_the_generated_one() -> None:
    committed = (DOCS / "error-codes.md").read_text(encoding="utf-8")
    assert committed == _generator().render(), (
        "docs/error-codes.md is stale: run python docs/_error_codes_page.py"
    )


def test_every_code_has_a_section_and_a_row() -> None:
    page = _generator().render()
    assert re.findall(r"^## (\d+)$", page, flags=re.MULTILINE) == [str(c) for c in ERROR_CODES]
    for code in ERROR_CODES:
        assert f"| [{code}](#{code}) |" in page


def test_the_page_follows_a_change_in_the_table(monkeypatch: object) -> None:
    import dataclasses

    module = _generator()
    changed = {**ERROR_CODES, 3712: dataclasses.replace(ERROR_CODES[3712], fix="Changed.")}
    module.ERROR_CODES = changed  # type: ignore[attr-defined]
    assert "**Fix:** Changed." in module.render()
    assert module.render() != (DOCS / "error-codes.md").read_text(encoding="utf-8")


def test_the_generator_writes_the_page(tmp_path: Path) -> None:
    import runpy
    import sys

    target = tmp_path / "page.md"
    argv = sys.argv
    sys.argv = ["_error_codes_page.py", str(target)]
    try:
        runpy.run_path(str(DOCS / "_error_codes_page.py"), run_name="__main__")
    finally:
        sys.argv = argv
    assert target.read_text(encoding="utf-8") == _generator().render()
