"""What the two fuzz targets share: their command line and the choice of the fuzzing engine."""

# ruff: noqa: PLC0415
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable, Optional


def arguments(description: str) -> argparse.ArgumentParser:
    """The options both targets take (each may add its own before parsing)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=float, default=60, help="how long to fuzz (60)")
    parser.add_argument("--engine", choices=["auto", "atheris", "builtin"], default="auto")
    parser.add_argument("--seed", type=int, help="random seed of the built-in engine")
    parser.add_argument("--replay", type=Path, nargs="+", help="run these inputs once")
    parser.add_argument("libfuzzer", nargs="*", help="extra libFuzzer flags after --")
    return parser


def fuzz(
    args: argparse.Namespace,
    *,
    check: Callable[[bytes], object],
    atheris: Callable[[float, list[str]], None],
    builtin: Callable[[float, Optional[int]], int],
) -> int:
    """Replay ``--replay`` inputs through ``check``, or fuzz with the engine asked for.

    ``auto`` is atheris when it is installed, else the built-in engine.
    """
    if args.replay:
        for path in args.replay:
            check(path.read_bytes())
            print(f"{path}: ok")
        return 0
    engine = args.engine
    if engine == "auto":
        try:
            import atheris as _  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "builtin"
    if engine == "atheris":
        atheris(args.seconds, args.libfuzzer)
        return 0
    return builtin(args.seconds, args.seed)
