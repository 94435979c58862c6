"""``zoomsig explain CODE``: what a Zoom join error code means, its causes and the fix."""

from __future__ import annotations

import argparse

from zoomsig.cli import _args
from zoomsig.cli._args import EXIT_INVALID, EXIT_OK

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from zoomsig.cli._output import Out

EPILOG = """\
examples:
  zoomsig explain 3712          # "Signature is invalid"
  zoomsig explain 4011 --json   # for a script or a bot
  zoomsig explain               # every code zoomsig knows

exit status: 0 the code is known, 1 it is not (the answer says so), 2 usage error.
"""


def _code(text: str) -> int:
    digits = text.strip()
    if not digits.isdigit() or len(digits) > 9:
        raise argparse.ArgumentTypeError(
            f"expected a Zoom error code such as 3712, got {text!r:.20}"
        )
    return int(digits)


def register(subparsers: argparse._SubParsersAction[_args.Parser]) -> None:
    """Add ``explain``."""
    explain = _args.add_command(
        subparsers,
        "explain",
        help="explain a Zoom SDK join error code (3712, 4011, ...)",
        epilog=EPILOG,
        parents=[_args.output_options("print the explanation as JSON")],
        description="Explain a Meeting SDK / Video SDK join error code: what it means,\n"
        "the most likely causes in order, the fix, and the finding codes of\n"
        "zoomsig check to look for. Without a code: list every code zoomsig knows.",
    )
    explain.set_defaults(run=run)
    explain.add_argument("code", nargs="?", type=_code, metavar="CODE", help="the error code")


def run(args: argparse.Namespace, out: Out) -> int:
    import json  # noqa: PLC0415
    from importlib import import_module  # noqa: PLC0415

    # The table only for explain. (A lazy import by name until zoomsig.errors_explained lands.)
    errors_explained: Any = import_module("zoomsig.errors_explained")

    if args.code is None:
        table = errors_explained.ERROR_CODES
        entries = list(table.values()) if hasattr(table, "values") else list(table)
        if args.json:
            out.line(json.dumps([entry.to_dict() for entry in entries], indent=2))
            return EXIT_OK
        for entry in entries:
            out.line(f"{out.paint(str(entry.code), 'bold'):>6}  {entry.meaning}")
        out.line()
        out.line("zoomsig explain CODE for the causes and the fix of one.")
        return EXIT_OK
    explanation = errors_explained.explain_error(args.code)
    status = EXIT_OK if explanation.known else EXIT_INVALID
    if args.json:
        out.line(json.dumps(explanation.to_dict(), indent=2))
        return status
    label = 10
    out.line(out.paint(f"Zoom error {explanation.code}", "bold") + f": {explanation.meaning}")
    if explanation.causes:
        out.line(f"{'Causes':<{label}}1. {explanation.causes[0]}")
        for number, cause in enumerate(explanation.causes[1:], 2):
            out.line(f"{'':<{label}}{number}. {cause}")
    out.line(f"{'Fix':<{label}}{explanation.fix}")
    if explanation.finding_codes:
        codes = ", ".join(code.value for code in explanation.finding_codes)
        out.line(f"{'Look for':<{label}}{codes} in zoomsig check's report")
    return status
