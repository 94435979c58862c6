"""The ``zoomsig`` command: sign, check, explain, demo and webhook.

This package is the only part of zoomsig that reads environment variables, files or
standard input, or prints. Secrets come from ``ZOOM_SDK_SECRET``, ``--secret-file`` or
standard input, never from the command line, and never appear in any output or error
message. One module per concern: :mod:`~zoomsig.cli._app` (the parser and the list of
commands), one module per command (``_sign``, ``_check``, ``_demo``, ``_explain``,
``_webhook``), :mod:`~zoomsig.cli._output` (colour, escaping, JSON) and
:mod:`~zoomsig.cli._secrets` (the one reader of secrets and credential files).
Each command imports what it needs when it runs, so ``zoomsig --version`` starts fast.

Exit status: 0 success, 1 the signature failed (``check``) or the code is unknown
(``explain``), 2 usage error (also a bare ``zoomsig``, which prints the help), 3 no error
but the HMAC was not checked (``check`` without a secret: well-formed, unverified).
"""

from __future__ import annotations

import sys

from zoomsig.cli._args import EXIT_INVALID, EXIT_USAGE, ParserExit, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Optional

    from zoomsig.cli._args import Parser

__all__ = ["main"]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``zoomsig`` with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    from zoomsig.cli._app import build_parser  # noqa: PLC0415

    arguments = list(sys.argv[1:] if argv is None else argv)
    options = arguments[: arguments.index("--")] if "--" in arguments else arguments
    wants_json = "--json" in options
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except ParserExit as exc:  # --help, --version and usage errors
        if exc.parser is None:
            return exc.status
        return _usage_error(exc.parser, exc.message, exc.status, wants_json)
    command: Optional[Parser] = getattr(args, "parser", None)
    if getattr(args, "run", None) is None:  # `zoomsig` or `zoomsig sign`: show the help
        (command or parser).print_help(sys.stderr)
        return EXIT_USAGE
    wants_json = bool(getattr(args, "json", False))
    from zoomsig.cli._args import held_secrets, usage_message  # noqa: PLC0415
    from zoomsig.cli._output import Out  # noqa: PLC0415 - not needed for --help, --version

    colour: Optional[bool] = {"always": True, "never": False}.get(getattr(args, "color", "auto"))
    out = Out(sys.stdout, colour=False if wants_json else colour)
    for secret in held_secrets(arguments):  # what a value given by mistake may hold
        out.hide(secret)
    try:
        status: int = args.run(args, out)
    except UsageError as exc:
        message = usage_message(str(exc), arguments, out.hidden)
        return _usage_error(command, message, EXIT_USAGE, wants_json, show_usage=False)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`zoomsig demo | head`): not our error
        _silence_stdout()
        return EXIT_INVALID
    return status


def _usage_error(
    parser: Optional[Parser],
    message: str,
    status: int,
    wants_json: bool,
    *,
    show_usage: bool = True,
) -> int:
    """Print a usage error: the command's usage line and message, or JSON with ``--json``."""
    from zoomsig.cli._output import Out, safe  # noqa: PLC0415

    # argparse's errors name the command ("zoomsig check: error:"), zoomsig's own do not.
    prog = parser.prog if parser is not None and show_usage else "zoomsig"
    usage = parser.format_usage().rstrip() if parser is not None else ""
    message = safe(message)
    if wants_json:
        error: dict[str, object] = {
            "ok": False,
            "error": "usage",
            "message": message,
            "usage": " ".join(usage.split()),
        }
        error["exit_status"] = status
        Out(sys.stdout, colour=False).json(error)
        return status
    err = Out(sys.stderr, colour=False)
    if show_usage and usage:
        err.line(usage)
    err.line(f"{prog}: error: {message}")
    return status


def _silence_stdout() -> None:
    import contextlib  # noqa: PLC0415
    import os  # noqa: PLC0415

    with contextlib.suppress(OSError, ValueError):
        descriptor = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)  # so that Python's flush at exit fails no more
        os.close(devnull)
