#!/usr/bin/env python
"""Fuzz ``zoomsig.cli.main`` with argv lists (issue 23).

The cases and the claims are in ``fuzz/cli_cases.py`` (shared with
``tests/test_fuzz_targets.py``). With atheris the fuzzer's bytes steer every choice of the
builder; without it the built-in engine draws them from a seeded generator::

    python fuzz/fuzz_cli.py --seconds 60
    python fuzz/fuzz_cli.py --engine builtin --seconds 10 --seed 7
    python fuzz/fuzz_cli.py --replay fuzz/corpus-run/cli-crashes/crash-…

Known defects (the module's ``KNOWN``) are counted, not crashes. Crashing inputs go to
``fuzz/corpus-run/cli-crashes/`` (git-ignored).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent))  # an installed (e.g. editable) zoomsig comes first

import cli_cases  # noqa: E402
from _structured import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main("cli", cli_cases, __doc__))
