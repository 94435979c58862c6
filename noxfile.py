"""Development sessions: ``nox -l`` lists them, ``nox`` runs the default set.

The same checks as ``.ci/run``, one session each, on the Python versions the package
claims (the ``Programming Language :: Python :: 3.x`` classifiers in pyproject.toml; a test
in ``tests/test_packaging.py`` keeps the two lists equal):

* ``tests-3.9`` … ``tests-3.14``: the test suite (``nox -s tests-3.12 -- -k vectors``);
* ``demo-3.9`` … ``demo-3.14``: ``pip install .`` (a built wheel) and the demo, run from
  outside the source tree;
* ``lint``: ruff check and ruff format --check;
* ``typecheck``: mypy --strict on the package and on ``tests/`` for the lowest Python
  (standard-library signatures differ by version), then pyright (``.ci/steps/pyright.sh``);
* ``docs``, ``package``, ``examples``, ``fuzz``: the ``.ci/steps/*.sh`` script of that
  name, and ``step(name)`` for any step script, including ones added later.

nox finds ``python3.X`` on ``PATH``; ``.ci/run`` puts pyenv's interpreters there and runs
the 3.14 sessions inside a Debian chroot (``.ci/lib/debian-python.sh``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PYTHONS = ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]
LOWEST = PYTHONS[0]
STEPS = sorted(path.stem for path in (ROOT / ".ci" / "steps").glob("*.sh"))

nox.options.sessions = ["lint", "typecheck", "tests", "docs", "package"]
nox.options.error_on_missing_interpreters = True
nox.needs_version = ">=2024.3.2"


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole test suite (doctests of the package and the docs included)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHONS)
def demo(session: nox.Session) -> None:
    """The wheel installs and its demo runs, from a directory outside the checkout."""
    session.install(".")
    with tempfile.TemporaryDirectory() as elsewhere:
        session.chdir(elsewhere)
        session.run("python", "-c", "import zoomsig, sys; print(zoomsig.__file__, sys.version)")
        session.run("zoomsig", "--version")
        session.run("python", "-m", "zoomsig", "demo", silent=True)


@nox.session(python=LOWEST)
def lint(session: nox.Session) -> None:
    session.install("-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=LOWEST)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on zoomsig/ and tests/ under the lowest Python, then pyright."""
    session.install("-e", ".[lint,test,examples]")
    session.run("mypy", "--strict")
    mypy_tests(session)
    session.run("bash", ".ci/steps/pyright.sh", external=True)


def mypy_tests(session: nox.Session) -> None:
    # The tests import their helpers as top-level modules (_support, mistakes), so mypy
    # checks them from inside tests/ with the project's configuration; test_fuzz_claims
    # imports fuzz/claims.py the same way (it puts fuzz/ on sys.path), hence MYPYPATH.
    files = sorted(path.name for path in (ROOT / "tests").glob("*.py"))
    session.run("python", "--version")
    config = _mypy_config_for_tests(session)
    with session.chdir(ROOT / "tests"):
        session.run(
            "mypy",
            "--config-file",
            str(config),
            "--strict",
            "--python-version",
            LOWEST,
            *files,
            env={"MYPYPATH": str(ROOT / "fuzz")},
        )


def _mypy_config_for_tests(session: nox.Session) -> Path:
    """pyproject.toml without the override that skips pytest's sources.

    The package is checked where pytest 9 is installed, whose sources mypy cannot read for a
    Python 3.9 target, so pyproject.toml skips them. The lowest Python's session has a
    pytest that supports 3.9: its types are read there, so that the tests' fixtures and
    decorators are checked instead of being Any.
    """
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    blocks = text.split("[[tool.mypy.overrides]]")
    kept = [blocks[0], *(b for b in blocks[1:] if '"_pytest.*"' not in b)]
    config = Path(session.create_tmp()).resolve() / "mypy-tests.toml"
    config.write_text("[[tool.mypy.overrides]]".join(kept), encoding="utf-8")
    return config


@nox.session(python=LOWEST, name="mypy-tests")
def mypy_tests_session(session: nox.Session) -> None:
    """mypy --strict on tests/ alone, for the lowest Python."""
    session.install("-e", ".[test,lint]")
    mypy_tests(session)


def run_step(session: nox.Session, step: str) -> None:
    session.install("-e", ".")
    session.run("bash", "-euo", "pipefail", f".ci/steps/{step}.sh", external=True)


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    run_step(session, "docs")


@nox.session(python="3.11")
def package(session: nox.Session) -> None:
    run_step(session, "package")


@nox.session(python="3.11")
def examples(session: nox.Session) -> None:
    run_step(session, "examples")


@nox.session(python="3.11")
@nox.parametrize("step", STEPS)
def step(session: nox.Session, step: str) -> None:
    """Any ``.ci/steps/NAME.sh``, as ``.ci/run`` runs it (in this session's virtualenv)."""
    run_step(session, step)
