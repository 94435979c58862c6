"""The parser and the dispatch: which commands exist, and running one.

Each command is a module with ``register(subparsers) -> None``, which adds its parser and
sets ``run`` (``run(args, out) -> int``) as its default. A new command is two lines here:
its import and its entry in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse

from zoomsig._version import __version__
from zoomsig.cli import _args, _check, _demo, _explain, _sign, _webhook

COMMANDS = (_sign, _check, _demo, _explain, _webhook)
"""The command modules, in the order ``zoomsig --help`` lists them."""

EPILOG = f"""\
examples:
  zoomsig demo                  # fake credentials: see everything at once
  zoomsig sign meeting --meeting 85746065432 --role 0
  zoomsig check "$SIGNATURE" --meeting 85746065432 --role 0
  zoomsig check -               # paste the signature
  zoomsig explain 3712          # what a Zoom error code means

Run zoomsig COMMAND --help for each command's options and examples.

{_args.SECRET_RULES}
{_args.EXIT_RULES}"""


def build_parser() -> _args.Parser:
    parser = _args.Parser(
        prog="zoomsig",
        description="Make Zoom SDK signatures, and say exactly why one is invalid.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"zoomsig {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_args.Parser)
    for command in COMMANDS:
        command.register(commands)
    return parser
