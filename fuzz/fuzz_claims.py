#!/usr/bin/env python
"""Fuzz ``zoomsig.decode_and_validate`` with tokens built from random claims (issue 9).

The structure-aware sibling of ``fuzz_decode.py``: every input is turned into a token by
``fuzz/claims.py`` (hostile claim values, raw JSON hazards, wrappers, a change after
signing) and checked for the invariants there: no exception, never ``ok`` when changed, no
run of 8 characters of the sentinel secret in any output (also of ``zoomsig check`` for one
case in 16 built-in, 1 in 256 with atheris). With atheris the fuzzer's bytes steer every
choice of the builder; without it the built-in engine draws them from a seeded generator::

    python fuzz/fuzz_claims.py --seconds 60
    python fuzz/fuzz_claims.py --engine builtin --seconds 10 --seed 7
    python fuzz/fuzz_claims.py --replay fuzz/corpus-run/claims-crashes/crash-…

Crashing inputs go to ``fuzz/corpus-run/claims-crashes/`` (git-ignored).
"""

# ruff: noqa: S311, PLC0415
from __future__ import annotations

import hashlib
import random
import sys
import time
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus-run" / "claims"  # inputs atheris found interesting (git-ignored)
CRASHES = HERE / "corpus-run" / "claims-crashes"
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent))  # an installed (e.g. editable) zoomsig comes first

import claims  # noqa: E402
from _engine import arguments, fuzz  # noqa: E402


def check_bytes(data: bytes) -> None:
    """The atheris entry point: the bytes choose the case."""
    claims.check(claims.build(claims.ByteRandom(data)), cli=data[:1] == b"\x10")


def builtin_fuzz(seconds: float, seed: Optional[int]) -> int:
    seed = random.randrange(2**32) if seed is None else seed
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    runs = 0
    print(f"built-in claims fuzzer: seed {seed}, {seconds:g} s")
    while time.monotonic() < deadline:
        data = rng.randbytes(rng.randrange(16, 256))
        runs += 1
        try:
            claims.check(claims.build(claims.ByteRandom(data)), cli=runs % 16 == 0)
        except Exception:
            CRASHES.mkdir(parents=True, exist_ok=True)
            path = CRASHES / f"crash-{hashlib.sha1(data).hexdigest()}"  # noqa: S324
            path.write_bytes(data)
            print(f"CRASH after {runs} runs; replay with --replay {path}", file=sys.stderr)
            raise
    print(f"done: {runs} cases in {seconds:g} s, no crash (seed {seed})")
    return 0


def run_atheris(seconds: float, extra: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["zoomsig"]):
        import zoomsig  # noqa: F401

    CRASHES.mkdir(parents=True, exist_ok=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    argv = [
        sys.argv[0],
        str(CORPUS),
        f"-max_total_time={int(seconds)}",
        "-max_len=512",
        "-timeout=10",
        f"-artifact_prefix={CRASHES}/",
        "-print_final_stats=1",
        *extra,
    ]
    atheris.Setup(argv, check_bytes)
    atheris.Fuzz()


def main() -> int:
    args = arguments((__doc__ or "").split("\n\n")[0]).parse_args()
    return fuzz(args, check=check_bytes, atheris=run_atheris, builtin=builtin_fuzz)


if __name__ == "__main__":
    sys.exit(main())
