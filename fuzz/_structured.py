"""What the structure-aware targets of issue 23 share: the byte-driven check, the built-in
loop and the atheris set-up, over a module with ``build(rng)`` and ``check(case)``.

A :class:`hostile.KnownDefect` (a break an open issue names, listed in the module's
``KNOWN``) is counted and reported, not a crash; any other exception stops the run and saves
the input for ``--replay``.
"""

# ruff: noqa: S311, PLC0415
from __future__ import annotations

import collections
import contextlib
import hashlib
import random
import sys
import time
from pathlib import Path
from typing import Callable, Optional, Protocol

from _engine import arguments, fuzz
from claims import ByteRandom
from hostile import KnownDefect

HERE = Path(__file__).resolve().parent


class Cases(Protocol):
    """A case module: ``endpoint_cases``, ``webhook_cases`` or ``cli_cases``."""

    def build(self, rng: random.Random) -> object: ...

    def check(self, case: object) -> None: ...


def checker(cases: Cases) -> Callable[[bytes], None]:
    """The target's entry point: the bytes choose the case; known defects pass."""

    def check_bytes(data: bytes) -> None:
        with contextlib.suppress(KnownDefect):
            cases.check(cases.build(ByteRandom(data)))

    return check_bytes


def builtin(name: str, cases: Cases) -> Callable[[float, Optional[int]], int]:
    """The fallback engine: random bytes from a seeded generator, for ``seconds``."""
    crashes = HERE / "corpus-run" / f"{name}-crashes"

    def run(seconds: float, seed: Optional[int]) -> int:
        seed = random.randrange(2**32) if seed is None else seed
        rng = random.Random(seed)
        deadline = time.monotonic() + seconds
        runs = 0
        known: collections.Counter[str] = collections.Counter()
        print(f"built-in {name} fuzzer: seed {seed}, {seconds:g} s")
        while time.monotonic() < deadline:
            data = rng.randbytes(rng.randrange(16, 512))
            runs += 1
            try:
                cases.check(cases.build(ByteRandom(data)))
            except KnownDefect as defect:
                known[defect.kind] += 1
            except Exception:
                crashes.mkdir(parents=True, exist_ok=True)
                path = crashes / f"crash-{hashlib.sha1(data).hexdigest()}"  # noqa: S324
                path.write_bytes(data)
                print(f"CRASH after {runs} runs; replay with --replay {path}", file=sys.stderr)
                raise
        if known:
            seen = ", ".join(f"{kind} x{count}" for kind, count in sorted(known.items()))
            print(f"known defects (open issues, not failures): {seen}")
        print(f"done: {runs} cases in {seconds:g} s, no crash (seed {seed})")
        return 0

    return run


def atheris_runner(name: str, check_bytes: Callable[[bytes], None]) -> Callable[..., None]:
    """Coverage-guided fuzzing with atheris, the corpus and crashes under corpus-run/."""

    def run(seconds: float, extra: list[str]) -> None:
        import atheris

        with atheris.instrument_imports(include=["zoomsig"]):
            import zoomsig  # noqa: F401

        corpus = HERE / "corpus-run" / name
        crashes = HERE / "corpus-run" / f"{name}-crashes"
        crashes.mkdir(parents=True, exist_ok=True)
        corpus.mkdir(parents=True, exist_ok=True)
        argv = [
            sys.argv[0],
            str(corpus),
            f"-max_total_time={int(seconds)}",
            "-max_len=512",
            "-timeout=10",
            f"-artifact_prefix={crashes}/",
            "-print_final_stats=1",
            *extra,
        ]
        atheris.Setup(argv, check_bytes)
        atheris.Fuzz()

    return run


def main(name: str, cases: Cases, doc: Optional[str]) -> int:
    """The command line of one target (``--seconds``, ``--engine``, ``--seed``, ``--replay``)."""
    args = arguments((doc or "").split("\n\n")[0]).parse_args()
    check_bytes = checker(cases)
    return fuzz(
        args,
        check=check_bytes,
        atheris=atheris_runner(name, check_bytes),
        builtin=builtin(name, cases),
    )
