"""What the wheel and the sdist hold: fail on a missing or a stray file.

    python .ci/lib/check_dist.py WHEEL SDIST [SOURCE_ROOT]

Nothing here lists zoomsig's modules: the expected contents come from the source tree (the
CI copy holds the tracked files only), so a new module or subpackage under zoomsig/ is
expected in both archives without editing this file, and a file that is in the tree but not
in an archive is reported missing. What may ship at all is fixed here:

* wheel: ``zoomsig/**`` and the ``.dist-info``; ``entry_points.txt`` names the ``zoomsig``
  command; the metadata's runtime requirements are exactly PyJWT and typing-extensions;
* sdist: ``zoomsig/``, ``tests/``, ``docs/`` (what the tests need: the docs' examples run
  as doctests), the fuzz case builders the tests import (``SDIST_TEST_SUPPORT``), README,
  CHANGELOG, LICENSE, pyproject.toml and PKG-INFO; nothing else (not ``examples/tests``
  without the examples, no ``benchmarks/``, the rest of ``fuzz/``, ``.ci/``).

Neither may hold compiled files or caches.
"""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path, PurePosixPath

PACKAGE = "zoomsig"
SDIST_DIRS = ("zoomsig", "tests", "docs")
SDIST_FILES = ("README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml", "PKG-INFO", ".gitignore")
SDIST_TEST_SUPPORT = (  # imported by tests/test_fuzz_claims.py and tests/test_fuzz_targets.py
    "fuzz/claims.py",
    "fuzz/hostile.py",
    "fuzz/endpoint_cases.py",
    "fuzz/webhook_cases.py",
    "fuzz/cli_cases.py",
)
REQUIRED_IN_WHEEL = ("zoomsig/__init__.py", "zoomsig/py.typed", "zoomsig/__main__.py")
REQUIRED_IN_SDIST = (
    "tests/vectors/official-samples.json",
    "tests/test_vectors.py",
    "docs/conf.py",
    "docs/index.md",
)
RUNTIME_REQUIREMENTS = {"pyjwt", "typing-extensions"}
IGNORED_PARTS = {"__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", "_build"}


def is_junk(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(IGNORED_PARTS & set(path.parts)) or path.suffix in (".pyc", ".pyo")


def tree_files(root: Path, top: str) -> set[str]:
    base = root / top
    if base.is_file():
        return {top}
    return {
        path.relative_to(root).as_posix()
        for path in base.rglob("*")
        if path.is_file() and not is_junk(path.relative_to(root).as_posix())
    }


def check_wheel(wheel: Path, root: Path) -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        dist_info = {n for n in names if n.split("/")[0].endswith(".dist-info")}
        problems += [
            f"wheel: stray file outside {PACKAGE}/: {stray}"
            for stray in sorted(names - dist_info)
            if not stray.startswith(f"{PACKAGE}/")
        ]
        problems += [f"wheel: compiled or cache file: {n}" for n in sorted(names) if is_junk(n)]
        expected = tree_files(root, PACKAGE)
        problems += [f"wheel: missing {n}" for n in sorted(expected - names)]
        problems += [
            f"wheel: not in the source tree: {n}" for n in sorted(names - dist_info - expected)
        ]
        problems += [f"wheel: missing {n}" for n in REQUIRED_IN_WHEEL if n not in names]
        entry_points = [n for n in dist_info if n.endswith("/entry_points.txt")]
        if not entry_points:
            problems.append(
                "wheel: no entry_points.txt: the zoomsig command would not be installed"
            )
        elif "zoomsig = zoomsig.cli" not in archive.read(entry_points[0]).decode():
            problems.append("wheel: entry_points.txt has no zoomsig console script")
        metadata = [n for n in dist_info if n.endswith("/METADATA")]
        if metadata:
            message = Parser().parsestr(archive.read(metadata[0]).decode())
            runtime = {
                re.split(r"[\s;\[<>=!~(]", requirement, maxsplit=1)[0].lower()
                for requirement in message.get_all("Requires-Dist") or []
                if "extra ==" not in requirement
            }
            if runtime != RUNTIME_REQUIREMENTS:
                problems.append(
                    f"wheel: runtime requirements {sorted(runtime)}, "
                    f"expected {sorted(RUNTIME_REQUIREMENTS)}"
                )
            if not (message.get("Description-Content-Type") or "").startswith("text/markdown"):
                problems.append("wheel: the long description is not declared as Markdown")
        else:
            problems.append("wheel: no METADATA")
        print(f"{wheel.name}: {len(names)} files, {len(names - dist_info)} in {PACKAGE}/")
    return problems


def check_sdist(sdist: Path, root: Path) -> list[str]:
    problems: list[str] = []
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
    prefixes = {m.name.split("/")[0] for m in members}
    if len(prefixes) != 1:
        return [f"sdist: expected one top-level folder, got {sorted(prefixes)}"]
    (prefix,) = prefixes
    names = {m.name[len(prefix) + 1 :] for m in members}
    allowed_top = set(SDIST_DIRS) | set(SDIST_FILES)
    for name in sorted(names):
        if name in SDIST_TEST_SUPPORT:
            continue
        if name.split("/")[0] not in allowed_top or ("/" not in name and name in SDIST_DIRS):
            problems.append(f"sdist: stray file: {name}")
        elif is_junk(name):
            problems.append(f"sdist: compiled or cache file: {name}")
    expected: set[str] = set()
    for top in (*SDIST_DIRS, *SDIST_FILES, *SDIST_TEST_SUPPORT):
        if top != "PKG-INFO":
            expected |= tree_files(root, top)
    problems += [f"sdist: missing {n}" for n in sorted(expected - names)]
    problems += [
        f"sdist: not in the source tree: {n}" for n in sorted(names - expected - {"PKG-INFO"})
    ]
    problems += [f"sdist: missing {n}" for n in (*REQUIRED_IN_SDIST, "PKG-INFO") if n not in names]
    print(f"{sdist.name}: {len(names)} files")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[2] if len(argv) == 3 else ".").resolve()
    problems = check_wheel(Path(argv[0]), root) + check_sdist(Path(argv[1]), root)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
