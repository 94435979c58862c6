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


# --- Every code list in the docs comes from the one table (issue 21 §1) ---

ROOT = DOCS.parent
_PAGES = [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]
_CODE_ROW = re.compile(r"^\|\s*\[?`?(\d{4,5})\b")
_IN_PROSE = re.compile(
    r"(?:\*\*(\d{3,5})\*\*"
    r"|\b(?:error|errorCode|code|fails? with)[ \t]+\**(\d{3,5})\b"
    r"|\((\d{4,5})(?:\s*/\s*\d{4,5})*\)"
    r"|\b(\d{4,5})\s*/\s*(\d{4,5})\b)"
)
_YEARS = range(1990, 2100)  # "(2026)" is a year, not a code; no Zoom web code is one
_QUOTED_AFTER = re.compile(r"\b(\d{3,5})\s+\(?[\"\u201c]([^\"\u201d]+)[\"\u201d]")
_BOLD_BEFORE = re.compile(r"\*\*([^*]+)\*\*\s*\((?:error\s+)?(\d{3,5})\)")


def _outside_blocks(text: str) -> str:
    block: re.Pattern[str] = _generator().BLOCK
    return block.sub("", text)


def _normal(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def test_credentials_md_had_a_hand_written_code_table() -> None:
    """docs/credentials.md listed join codes by hand (and once said 3707 was "role or
    permission"): now no page has a table row of codes outside a generated block, and every
    code in a row is one the table knows."""
    stray = []
    for page in _PAGES:
        for number, line in enumerate(_outside_blocks(page.read_text("utf-8")).splitlines(), 1):
            match = _CODE_ROW.match(line)
            if match and page.name != "error-codes.md":
                stray.append(f"{page.name}:{number}: {line[:60]}")
    assert stray == []
    generated = (DOCS / "credentials.md").read_text("utf-8")
    rows = [m[1] for line in generated.splitlines() if (m := _CODE_ROW.match(line))]
    assert "3707" in rows
    assert all(int(code) in ERROR_CODES for code in rows)


def test_committed_blocks_equal_the_generated_ones() -> None:
    module = _generator()
    pages = module.pages_with_blocks()
    assert DOCS / "credentials.md" in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert module.rewrite_blocks(text) == text, (
            f"{page.name}: a generated block is stale: run python docs/_error_codes_page.py"
        )
    credentials = (DOCS / "credentials.md").read_text(encoding="utf-8")
    assert "<!-- error-codes:credentials -->" in credentials
    assert "<!-- error-codes:credentials-native -->" in credentials


def test_a_block_says_what_the_table_says() -> None:
    module = _generator()
    block = module.render_block("credentials")
    assert "| [3707](error-codes.md#3707) | The meeting number is not found. |" in block
    native = module.render_block("credentials-native")
    assert "[11 `AUTHRET_JWTTOKENWRONG`](error-codes.md#authret_jwttokenwrong)" in native
    assert "[501 `MEETING_FAIL_AUTHORIZED_USER_NOT_INMEETING`]" in native


def test_a_stale_block_is_rewritten_and_an_unknown_one_refused() -> None:
    module = _generator()
    stale = (
        "x\n<!-- error-codes:credentials -->\n"
        "| 3707 | role or permission | - |\n<!-- /error-codes -->\n"
    )
    fresh = module.rewrite_blocks(stale)
    assert "role or permission" not in fresh
    assert "The meeting number is not found." in fresh
    assert fresh.startswith("x\n<!-- error-codes:credentials -->\n| code |")
    assert fresh.endswith("<!-- /error-codes -->\n")
    import pytest

    with pytest.raises(KeyError):
        module.rewrite_blocks("<!-- error-codes:nope -->\n<!-- /error-codes -->")


def test_every_code_named_in_the_docs_is_a_known_code() -> None:
    named = []
    for page in _PAGES:
        if page.name == "error-codes.md":
            continue
        for match in _IN_PROSE.finditer(page.read_text(encoding="utf-8")):
            named += [(page.name, int(g)) for g in match.groups() if g and int(g) not in _YEARS]
    assert len(named) > 20  # the scan finds the codes the pages name
    assert [(page, code) for page, code in named if code not in ERROR_CODES] == []


def test_a_message_quoted_next_to_a_code_is_that_codes_message() -> None:
    from zoomsig import ERROR_TABLE

    owners: dict[str, set[int]] = {}
    for entry in ERROR_TABLE:
        if entry.platform == "web":
            for message in entry.messages:
                owners.setdefault(_normal(message), set()).add(entry.code)
    checked = 0
    for page in _PAGES:
        text = page.read_text(encoding="utf-8")
        pairs = [(int(m[1]), m[2]) for m in _QUOTED_AFTER.finditer(text)]
        pairs += [(int(m[2]), m[1]) for m in _BOLD_BEFORE.finditer(text)]
        for code, message in pairs:
            if _normal(message) in owners:  # a text Zoom uses for some code
                checked += 1
                assert code in owners[_normal(message)], (page.name, code, message)
    assert checked >= 2  # index.md's "Signature is invalid." (3712), e2e.md's 3636


def test_error_codes_page_had_no_native_codes_nor_zoom_names() -> None:
    page = (DOCS / "error-codes.md").read_text(encoding="utf-8")
    assert "## Native SDK: AuthResult" in page
    assert "## Native SDK: MeetingFailCode" in page
    from zoomsig import ERROR_TABLE

    natives = [e for e in ERROR_TABLE if e.platform == "native"]
    assert re.findall(r"^### (\w+)$", page, flags=re.MULTILINE) == [e.name for e in natives]
    assert "**Zoom's name:** `TOKEN_ERROR`" in page
    assert "**Zoom's messages:** \u201cSignature is invalid.\u201d" in page
    assert "**Code:** 501" in page
