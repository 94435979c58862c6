"""Fuzz cases for the ``zoomsig`` command line: argv lists through ``zoomsig.cli.main`` (issue 23).

Every command and option the parser knows (read from the parser itself, so a new option is
fuzzed without editing this file), abbreviations and misspellings of them, ``--opt=value``,
``--``, values that fit and values that do not, the secrets of the environment given by
mistake as values, surrogate-escaped text (what Python makes of non-UTF-8 bytes in argv), and
files that exist, do not, are not UTF-8 or hold deep nesting. ``ZOOM_SDK_SECRET`` and
``ZOOM_WEBHOOK_SECRET_TOKEN`` hold sentinels; sometimes ``ZOOM_ZAK``, ``ZOOM_OBF_TOKEN`` or a
secret holds non-UTF-8 bytes; standard input is empty and output goes to strict UTF-8 streams,
as on a pipe. The claims (:func:`check`):

* ``main`` returns (never raises, not even ``SystemExit``) an exit status of 0, 1 or 2;
* nothing printed holds a run of 8 characters of any secret of the environment.
"""

# zoomsig is imported lazily (atheris instruments it first); invariants are asserts.
# ruff: noqa: S101, PLC0415
from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple, Optional

from hostile import hostile_text, leaked, secret_piece

SDK_SECRET = "SENTINEL-s3cret-NEVER-PRINT-0042x"
WEBHOOK_SECRET = "WEBHOOK-t0ken-GUARDIAN-77xQ"
KEY = "aBcDeFgHiJkLmNoPqRsT12"
NOW = 1763900000
STATUSES = (0, 1, 2)
"""``zoomsig --help``: 0 ok, 1 the signature failed (``check``) or the code is unknown
(``explain``), 2 usage error."""
KNOWN: frozenset[str] = frozenset()
"""Open defects this module tolerates: none. It found, and issue 23 named, usage errors that
printed a secret of the environment given as an option value, tracebacks on non-UTF-8
``ZOOM_ZAK``/``ZOOM_OBF_TOKEN``/``ZOOM_WEBHOOK_SECRET_TOKEN``, ``zoomsig demo --now`` out of
range ending in a traceback, and commands that printed a value holding a secret of the
environment; each is fixed and has its reproducer in ``tests/test_fuzz_targets.py``."""
MANAGED = (
    "ZOOM_SDK_KEY", "ZOOM_SDK_SECRET", "ZOOM_WEBHOOK_SECRET_TOKEN", "ZOOM_ZAK", "ZOOM_OBF_TOKEN",
    "ZOOM_WEBHOOK_VERIFICATION_TOKEN", "NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR",
    "TERM", "COLUMNS",
)  # fmt: skip
"""The environment variables a run sets or removes (and puts back afterwards)."""
_SURROGATE_ENV = ("ZOOM_ZAK", "ZOOM_OBF_TOKEN", "ZOOM_WEBHOOK_SECRET_TOKEN", "ZOOM_SDK_SECRET")


class Option(NamedTuple):
    strings: tuple[str, ...]
    takes_value: bool
    choices: tuple[str, ...]


class Case(NamedTuple):
    """One run: the arguments and the environment variables to set."""

    argv: list[str]
    env: dict[str, str]

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret the process holds: none of them may be printed."""
        held = [self.env.get("ZOOM_SDK_SECRET", ""), self.env.get("ZOOM_WEBHOOK_SECRET_TOKEN", "")]
        held += [self.env.get("ZOOM_ZAK", ""), self.env.get("ZOOM_OBF_TOKEN", "")]
        return tuple(dict.fromkeys(s for s in held if s))


class Result(NamedTuple):
    status: object
    out: str
    err: str
    raised: Optional[BaseException]


@cache
def commands() -> dict[tuple[str, ...], tuple[Option, ...]]:
    """Every command path (``()``, ``("sign", "meeting")``…) and the options of its parser."""
    import argparse

    from zoomsig.cli._app import build_parser

    found: dict[tuple[str, ...], tuple[Option, ...]] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        options: list[Option] = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*path, name))
            elif action.option_strings:
                choices = tuple(str(c) for c in action.choices or ())
                options.append(Option(tuple(action.option_strings), action.nargs != 0, choices))
        found[path] = tuple(options)

    walk(build_parser(), ())
    return found


@cache
def files() -> dict[str, str]:
    """Files an option may name (in a temporary directory, removed when the process ends)."""
    from zoomsig import sign_webhook

    folder = Path(tempfile.mkdtemp(prefix="zoomsig-fuzz-cli-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    event = b'{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"}}'
    headers = sign_webhook(event, secret_token=WEBHOOK_SECRET, timestamp=NOW)
    contents = {
        "secret": (SDK_SECRET + "\n").encode(),
        "webhook-secret": WEBHOOK_SECRET.encode(),
        "event": event,
        "headers": json.dumps(headers).encode(),
        "nested": b"[" * 5000 + b"]" * 5000,
        "surrogate": b'{"event":"endpoint.url_validation","payload":{"plainToken":"\\ud800"}}',
        "not-utf8": b"\xff\xfe" + SDK_SECRET.encode(),
        "empty": b"",
    }
    paths = {}
    for name, data in contents.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = str(path)
    paths["folder"] = str(folder)
    paths["missing"] = str(folder / "missing")
    return paths


def _text_value(rng: random.Random, option: Option) -> str:
    name = option.strings[-1]
    if option.choices:
        return rng.choice(option.choices)
    if name.endswith("-file") or name in ("--headers", "--body"):
        return rng.choice((*files().values(), "-"))
    if name in ("--now", "--timestamp"):
        return rng.choice((str(NOW), "2025-11-23T12:13:20Z", "2025-11-23T12:13:20", "1e400"))
    if name in ("--role",):
        return rng.choice(("0", "1", "host", "participant", "2", "-1"))
    if name == "--other-secret-env":
        return rng.choice(("ZOOM_SDK_SECRET", "ZOOM_WEBHOOK_SECRET_TOKEN", "HOME", "NOPE", ""))
    return rng.choice(
        ("85746065432", "7200", "0", "-5", "9" * 30, "nan", KEY, "US,DE", "http://127.0.0.1/")
    )


def _value(rng: random.Random, option: Option) -> str:
    pick = rng.randrange(10)
    if pick < 4:
        return _text_value(rng, option)
    if pick < 6:  # a secret of the environment, given by mistake
        return secret_piece(rng, rng.choice((SDK_SECRET, WEBHOOK_SECRET)))
    if pick == 6:  # what Python makes of non-UTF-8 bytes in argv
        return os.fsdecode(b"\xff\xfe") + rng.choice(("", "1763900000", SDK_SECRET[:12]))
    return hostile_text(rng, SDK_SECRET, longest=500).replace("\x00", "")


def _option_name(rng: random.Random, path: tuple[str, ...]) -> Option:
    table = commands()
    own = table.get(path, ())
    pick = rng.randrange(10)
    if own and pick < 7:
        return rng.choice(own)
    if pick < 9:  # another command's option
        return rng.choice(rng.choice([options for options in table.values() if options]))
    return Option(("--secret", "--sdk-secret", "--json=1", "-x", "---"), True, ())


def _spelling(rng: random.Random, option: Option) -> str:
    name = rng.choice(option.strings)
    pick = rng.randrange(12)
    if pick == 0 and len(name) > 3:  # an abbreviation (the parsers allow none)
        return name[: rng.randrange(3, len(name))]
    if pick == 1:
        return name.upper()
    return name


def _path(rng: random.Random) -> list[str]:
    paths = [list(path) for path in commands() if path]
    path = rng.choice(paths)
    pick = rng.randrange(12)
    if pick == 0 and path:
        path[-1] = path[-1][: rng.randrange(1, len(path[-1]) + 1)]  # abbreviated
    elif pick == 1:
        path = [secret_piece(rng, rng.choice((SDK_SECRET, WEBHOOK_SECRET)))]
    elif pick == 2:
        path = []
    return path


def _arguments(rng: random.Random, path: tuple[str, ...]) -> list[str]:
    argv: list[str] = []
    for _ in range(rng.randrange(6)):
        option = _option_name(rng, path)
        spelt = _spelling(rng, option)
        if not option.takes_value or rng.randrange(20) == 0:
            argv.append(spelt)
        elif rng.randrange(4) == 0:
            argv.append(f"{spelt}={_value(rng, option)}")
        else:
            argv += [spelt, _value(rng, option)]
    if path in (("check",), ("explain",)) and rng.randrange(3):  # the positional argument
        token = Option(("TOKEN",), True, ())
        value = rng.choice(("-", "3712", "85746065432", _value(rng, token)))
        argv += [value] if rng.randrange(2) else ["--", value]
    if rng.randrange(8) == 0:
        argv.insert(rng.randrange(len(argv) + 1), "--")
    if rng.randrange(40) == 0:
        argv.append(rng.choice(("-h", "--help", "--version")))
    return argv


def _environment(rng: random.Random) -> dict[str, str]:
    env = {
        "ZOOM_SDK_SECRET": SDK_SECRET,
        "ZOOM_WEBHOOK_SECRET_TOKEN": WEBHOOK_SECRET,
        "COLUMNS": "80",
    }
    if rng.randrange(3):
        env["ZOOM_SDK_KEY"] = KEY
    if rng.randrange(8) == 0:  # bytes that are not UTF-8, as os.environ gives them
        name = rng.choice(_SURROGATE_ENV)
        env[name] = "zak-" + os.fsdecode(b"\xff") + WEBHOOK_SECRET[::-1]
    return env


def as_argv(text: str) -> str:
    """``text`` as a command line can hold it: what Python makes of its UTF-8 bytes (a lone
    surrogate becomes surrogate escapes, as for any byte that is not UTF-8)."""
    return os.fsdecode(text.encode("utf-8", "surrogatepass"))


def build(rng: random.Random) -> Case:
    """One fuzz case: a command line and its environment."""
    path = _path(rng)
    argv = [as_argv(argument) for argument in (*path, *_arguments(rng, tuple(path)))]
    return Case(argv, _environment(rng))


@contextlib.contextmanager
def environment(env: dict[str, str]) -> Iterator[None]:
    """Exactly ``env`` for the variables of :data:`MANAGED`, and empty standard input."""
    saved = {name: os.environ.get(name) for name in MANAGED}
    stdin = sys.stdin
    try:
        for name in MANAGED:
            os.environ.pop(name, None)
        os.environ.update(env)
        sys.stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")  # an empty pipe
        yield
    finally:
        sys.stdin = stdin
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _stream() -> io.TextIOWrapper:
    """Strict UTF-8 output, as on a pipe: printing a lone surrogate raises."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def run(case: Case) -> Result:
    """``zoomsig.cli.main(case.argv)`` in the case's environment: what it returned and printed."""
    from zoomsig.cli import main

    out, err = _stream(), _stream()
    status: object = None
    raised: Optional[BaseException] = None
    with environment(case.env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(case.argv))
        except (Exception, SystemExit) as exc:
            raised = exc
    return Result(status, _read(out), _read(err), raised)


def check(case: Case) -> None:
    """Every claim of one case; raises AssertionError (or :class:`KnownDefect`)."""
    result = run(case)
    if result.raised is not None:
        exc = result.raised
        leaks = leaked(f"{exc!s}{exc!r}", *case.secrets) is not None
        raise AssertionError(f"main raised {type(exc).__name__} (leaks: {leaks})")
    assert isinstance(result.status, int), type(result.status)
    assert result.status in STATUSES, result.status
    run_ = leaked(result.out + result.err, *case.secrets)
    if run_ is None:
        return
    raise AssertionError(f"{run_!r} of a secret printed (exit {result.status})")
