"""``zoomsig explain CODE``: what a Zoom join error code means, its causes and the fix."""

from __future__ import annotations

import argparse

from zoomsig.cli import _args
from zoomsig.cli._args import EXIT_INVALID, EXIT_OK

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

    from zoomsig.cli._output import Out
    from zoomsig.errors_explained import ErrorExplanation

EPILOG = """\
examples:
  zoomsig explain 3712          # "Signature is invalid"
  zoomsig explain 4011 --json   # for a script or a bot
  zoomsig explain 63 --platform native       # Linux / Windows / macOS MeetingFailCode
  zoomsig explain AUTHRET_JWTTOKENWRONG      # by Zoom's name
  zoomsig explain "Signature is invalid"     # by Zoom's message (all matches)
  zoomsig explain               # every code zoomsig knows

exit status: 0 the code is known, 1 it is not (the answer says so), 2 usage error.
"""


def _code(text: str) -> str:
    query = text.strip()
    if query.isdigit() and len(query) <= 9:
        return query
    if query and not query.isdigit() and len(query) <= 200:
        from zoomsig.errors_explained import find_errors  # noqa: PLC0415 - explain only

        if find_errors(query):
            return query
    raise argparse.ArgumentTypeError(
        "expected a Zoom error code such as 3712, or a Zoom error name or message, "
        f"got {_args.shown(text)}"
    )


def register(subparsers: _args.Subparsers) -> None:
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
        run=run,
    )
    explain.add_argument(
        "code", nargs="?", type=_code, metavar="CODE", help="the error code, name or message"
    )
    explain.add_argument(
        "--platform",
        choices=("web", "native"),
        default="web",
        help="which SDK reported the number (default web; native: Windows/macOS/Linux)",
    )


def run(args: argparse.Namespace, out: Out) -> int:
    from zoomsig import errors_explained  # noqa: PLC0415 - the table only for explain

    if args.code is None:
        entries = list(errors_explained.ERROR_CODES.values())
        if args.json:
            out.json([entry.to_dict() for entry in entries])
            return EXIT_OK
        from zoomsig.cli._output import width, wrap  # noqa: PLC0415

        columns = width()
        for entry in entries:
            lines = wrap(entry.meaning, " " * 8, columns)
            out.line(out.paint(f"{entry.code:>6}", "bold") + lines[0][6:])
            for text_line in lines[1:]:
                out.line(text_line)
        out.line()
        out.line("zoomsig explain CODE for the causes and the fix of one.")
        return EXIT_OK
    found = _lookup(errors_explained, args.code, args.platform)
    *earlier, explanation = found
    if earlier and args.json:
        out.json([entry.to_dict() for entry in found])
        return EXIT_OK
    for entry in earlier:
        _show(entry, out)
        out.line()
    status = EXIT_OK if explanation.known else EXIT_INVALID
    if args.json:
        out.json(explanation.to_dict())
        return status
    _show(explanation, out)
    return status


def _lookup(module: ModuleType, code: str, platform: str) -> tuple[ErrorExplanation, ...]:
    found: tuple[ErrorExplanation, ...] = module.find_errors(code, platform=platform)
    if not found and not code.isdigit():
        found = module.find_errors(code)
    return found or (module.explain_error(code, platform=platform),)


def _show(explanation: ErrorExplanation, out: Out) -> None:
    from zoomsig.cli._output import width, wrap  # noqa: PLC0415

    columns, indent = width(), " " * 10

    def block(label: str, text: str, number: str = "") -> None:
        lines = wrap(f"{number}{text}", indent, columns, " " * len(number))
        lines[0] = f"{out.paint(f'{label:<10}', 'bold')}{lines[0][len(indent) :]}"
        for text_line in lines:
            out.line(text_line)

    label = f"{explanation.code} {explanation.name}".strip()
    if explanation.platform != "web":
        label += f" ({explanation.platform})"
    title = wrap(f"Zoom error {label}: {explanation.meaning}", "", columns)
    out.line(out.paint(title[0], "bold"))
    for text_line in title[1:]:
        out.line(out.paint(text_line, "bold"))
    if explanation.products:
        block("Where", ", ".join(explanation.products))
    for number, cause in enumerate(explanation.causes, 1):
        block("Causes" if number == 1 else "", cause, f"{number}. ")
    block("Fix", explanation.fix)
    if explanation.finding_codes:
        codes = ", ".join(code.value for code in explanation.finding_codes)
        block("Look for", f"{codes} (in the report of zoomsig check)")
    if explanation.messages:
        block("Zoom says", " / ".join(f"'{m}'" for m in explanation.messages))
    if explanation.source:
        block("Source", explanation.source)
