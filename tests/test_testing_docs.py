"""docs/testing.md stays true: its catalogue table, fixture table and pytest output.

The ``>>>`` examples of the page run as doctests; these tests check the parts that are not
doctests against the code and against a real run of the example service suite.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from _sdist import needs_repository

import zoomsig.testing.plugin
from zoomsig.testing.mistakes import MISTAKES

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
SERVICE = ROOT / "examples" / "service_tests"


def _table_rows(first_header: str) -> list[list[str]]:
    start = PAGE.index(f"| {first_header} |")
    rows = []
    for line in PAGE[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_catalogue_table_is_the_catalogue() -> None:
    rows = _table_rows("name")
    assert [row[0].strip("`") for row in rows] == [m.name for m in MISTAKES]
    for row, mistake in zip(rows, MISTAKES):
        codes = re.findall(r"`([A-Z0-9_]+)`", row[2])
        assert codes == sorted(code.value for code in mistake.codes), mistake.name
        assert row[1] == mistake.description, mistake.name


def test_fixture_table_is_the_plugin() -> None:
    documented = {row[0].strip("`") for row in _table_rows("fixture")}
    assert documented == set(zoomsig.testing.plugin.__all__)


def test_pytest_output_block_is_what_pytest_prints() -> None:
    needs_repository("examples/service_tests")
    block = PAGE.split("```text\n", 1)[1].split("```", 1)[0]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-k", "test_v1_signer_makes_valid_signatures"],
        cwd=SERVICE,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    output = result.stdout
    for line in block.splitlines():
        if line.strip():
            assert line in output, f"not in pytest's output: {line!r}"
