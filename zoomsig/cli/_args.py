"""What every command shares: the parser class, exit statuses, option types and groups.

Imports here stay light (argparse, the enums): building the parser must not import the
signers or the diagnosis engine, so that ``zoomsig --version`` and ``--help`` start fast.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from zoomsig._enums import CredentialType, LegacyEncoding, Role

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime
    from typing import NoReturn, Optional, Union

EXIT_OK = 0
"""The command worked; for ``check``: the signature passed."""
EXIT_INVALID = 1
"""``check``: the signature has an error (or, with ``--strict``, a warning)."""
EXIT_USAGE = 2
"""Bad arguments, a missing secret or an unreadable secret file."""
EXIT_UNVERIFIED = 3
"""``check``: no error, but the HMAC was not checked (no secret): well-formed, unverified."""

KEY_ENV = "ZOOM_SDK_KEY"
SECRET_ENV = "ZOOM_SDK_SECRET"
ZAK_ENV = "ZOOM_ZAK"
OBF_ENV = "ZOOM_OBF_TOKEN"
WEBHOOK_SECRET_ENV = "ZOOM_WEBHOOK_SECRET_TOKEN"
VERIFICATION_ENV = "ZOOM_WEBHOOK_VERIFICATION_TOKEN"
SECRET_VARIABLES = (SECRET_ENV, WEBHOOK_SECRET_ENV, ZAK_ENV, OBF_ENV, VERIFICATION_ENV)
"""The environment variables that hold secrets: no output or error shows a run of them."""
OTHER_SECRET_ENV = "--other-secret-env"
"""The option that names one more environment variable holding a secret."""

SECRET_RULES = f"""\
secrets are never command-line arguments (they would end up in shell history
and in `ps`): zoomsig reads them from {SECRET_ENV}, --secret-file PATH or
--secret-stdin. From a file or standard input exactly one trailing newline
(\\n or \\r\\n) is removed, as files and pipes end with one. Other whitespace is
kept, not removed: sign refuses it, and check reports SECRET_HAS_WHITESPACE
when the token was signed without it.
"""

EXIT_RULES = (
    "exit status: 0 ok, 1 the signature failed (check), 2 usage error, 3 well-formed\n"
    "but unverified: no secret to check the HMAC with (check).\n"
)


class UsageError(Exception):
    """A mistake in the command line or its inputs: printed, exit status 2."""


class ParserExit(Exception):  # noqa: N818 - not an error: --help and --version end this way
    """The parser is done (``--help``, ``--version`` or a usage error): return ``status``."""

    def __init__(self, status: int, message: str = "", parser: Optional[Parser] = None) -> None:
        super().__init__(status)
        self.status = status
        self.message = message
        self.parser = parser


class Parser(argparse.ArgumentParser):
    """``ArgumentParser`` that never echoes unknown arguments' values (they may be secrets).

    Errors raise :class:`ParserExit` with the message and the parser of the command that
    failed (so that its own usage line is shown, and ``--json`` can turn it into JSON).
    """

    secret_sources = f"set {SECRET_ENV}, or use --secret-file PATH or --secret-stdin"
    """Where this command reads its secret from: said when one is tried as an argument."""

    def parse_args(  # type: ignore[override]
        self, args: Optional[Sequence[str]] = None, namespace: None = None
    ) -> argparse.Namespace:
        """Parse ``args``; every error's message goes through :func:`usage_message`."""
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            parsed, extras = self.parse_known_args(arguments, namespace)
            if extras:
                # The command's own parser, so that its usage line is shown, not zoomsig's.
                owner: Parser = getattr(parsed, "parser", self)
                owner.error(owner.unrecognized(extras))
        except ParserExit as exc:
            if exc.parser is not None:  # not --help or --version
                exc.message = usage_message(exc.message, arguments)
            raise
        return parsed

    def unrecognized(self, extras: Sequence[str]) -> str:
        """The message for arguments no option took: options by name, values by count."""
        options = [extra.split("=", 1)[0] for extra in extras if extra.startswith("-")]
        values = len(extras) - len(options)
        shown = " ".join(shown_name(option, OPTION_NAME) for option in options)
        if values:
            shown += f"{' and ' if options else ''}{values} other value(s), not shown"
        message = f"unrecognized arguments: {shown}"
        if any("secret" in option.lower() for option in options):
            message += f". Secrets are never command-line arguments: {self.secret_sources}"
        return message

    def error(self, message: str) -> NoReturn:
        raise ParserExit(EXIT_USAGE, message, self)

    def exit(self, status: int = 0, message: Optional[str] = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise ParserExit(status)


# --- usage errors: what they may quote -------------------------------------------------

OPTION_NAME = re.compile(r"--?[a-z]+(?:-[a-z]+)*")
"""An unknown option spelt like one (lower-case words and hyphens): shown whole."""
VARIABLE_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
"""An environment variable's name spelt like one: shown whole (no Zoom secret looks so)."""
_NAME_LENGTH = 64


def shown(value: str) -> str:
    """How a usage error quotes a value of the command line: at most 7 of its characters.

    :func:`zoomsig._secrecy.describe`, the library's rule for echoes: a value given in the
    wrong place may be a secret (``--now "$ZOOM_SDK_SECRET"``).
    """
    from zoomsig._secrecy import describe  # noqa: PLC0415 - only for an error

    return describe(value)


def shown_name(name: str, spelling: re.Pattern[str], *, quoted: bool = False) -> str:
    """``name`` whole (``quoted``: in quotes) when it is spelt as ``spelling`` says (an
    option, a variable), else :func:`shown`."""
    if is_name(name, spelling):
        return repr(name) if quoted else name
    return shown(name)


def is_name(text: str, *spellings: re.Pattern[str]) -> bool:
    """Whether ``text`` is spelt as one of ``spellings`` (default: an option or a variable)."""
    return len(text) <= _NAME_LENGTH and any(
        spelling.fullmatch(text) for spelling in spellings or (OPTION_NAME, VARIABLE_NAME)
    )


def other_secret_names(arguments: Sequence[str]) -> list[str]:
    """The variables ``--other-secret-env`` names in ``arguments`` (before any parsing)."""
    names: list[str] = []
    for number, argument in enumerate(arguments):
        if argument == OTHER_SECRET_ENV and number + 1 < len(arguments):
            names.append(arguments[number + 1])
        elif argument.startswith(OTHER_SECRET_ENV + "="):
            names.append(argument.split("=", 1)[1])
    return names


def held_secrets(arguments: Sequence[str] = ()) -> list[str]:
    """Every secret the process holds: :data:`SECRET_VARIABLES` and the variables that
    ``--other-secret-env`` names in ``arguments``."""
    names = dict.fromkeys((*SECRET_VARIABLES, *other_secret_names(arguments)))
    return [value for value in map(os.environ.get, names) if value]


def _values(argument: str) -> tuple[str, ...]:
    """What argparse may quote of one argument: itself, and the value of ``--opt=value``."""
    if argument.startswith("-") and "=" in argument:
        return (argument, argument.split("=", 1)[1])
    return (argument,)


def usage_message(message: str, arguments: Sequence[str], secrets: Sequence[str] = ()) -> str:
    """The one wording of every usage error: values quoted by :func:`shown`, secrets redacted.

    argparse quotes a value it refuses whole (``invalid choice: '…'``, ``invalid int value:
    '…'``): each argument longer than 7 characters is replaced by :func:`shown`, unless it
    is spelt as an option or an environment variable's name (:func:`is_name`). Then no run
    of 8 characters of a secret the process holds (:func:`held_secrets`, and ``secrets``
    read so far) is left, in any spelling.
    """
    from zoomsig._secrecy import SHOWN_CHARACTERS  # noqa: PLC0415 - only for an error
    from zoomsig.cli._output import redact, secret_runs  # noqa: PLC0415

    values = {
        v for a in arguments for v in _values(a) if len(v) > SHOWN_CHARACTERS and not is_name(v)
    }
    for value in sorted(values, key=len, reverse=True):
        message = message.replace(repr(value), shown(value))
    held = [*held_secrets(arguments), *secrets]
    return redact(message, secret_runs(*held)) if held else message


if TYPE_CHECKING:
    from typing import Callable

    from zoomsig.cli._output import Out

    Subparsers = argparse._SubParsersAction[Parser]  # pyright: ignore[reportPrivateUsage]
    """What ``register(subparsers)`` of a command module receives."""
    Run = Callable[[argparse.Namespace, Out], int]
    """A command: ``run(args, out)`` returns the exit status."""


def add_command(
    subparsers: Subparsers,
    name: str,
    *,
    help: str,
    description: str,
    epilog: str = "",
    parents: Sequence[Parser] = (),
    run: Optional[Run] = None,
) -> Parser:
    """A subcommand parser with zoomsig's conventions (raw epilog, no abbreviations).

    ``run(args, out) -> int`` runs the command; without it (``zoomsig sign``, ``zoomsig
    webhook``: a group of commands) the command prints its help and exits with status 2.
    """
    sub = subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        parents=list(parents),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    sub.set_defaults(parser=sub)
    if run is not None:
        sub.set_defaults(run=run)
    return sub


# --- option groups ----------------------------------------------------------------------


def secret_options() -> Parser:
    """``--secret-file`` / ``--secret-stdin``, as a parent parser."""
    parent = Parser(add_help=False, allow_abbrev=False)
    group = parent.add_argument_group("secret (never a command-line argument)")
    sources = group.add_mutually_exclusive_group()
    sources.add_argument(
        "--secret-file",
        metavar="PATH",
        help="read the secret from PATH (one trailing newline is removed); default: "
        f"the {SECRET_ENV} environment variable",
    )
    sources.add_argument(
        "--secret-stdin",
        action="store_true",
        help="read the secret from standard input (one trailing newline is removed; "
        "prompted without echo on a terminal)",
    )
    return parent


def now_option() -> Parser:
    parent = Parser(add_help=False, allow_abbrev=False)
    parent.add_argument(
        "--now",
        type=now,
        metavar="TIME",
        help="the time to use instead of the clock: Unix seconds or ISO-8601 with an offset",
    )
    return parent


def output_options(json_help: str) -> Parser:
    """``--json`` and ``--color``."""
    parent = Parser(add_help=False, allow_abbrev=False)
    parent.add_argument("--json", action="store_true", help=json_help)
    add_color(parent)
    return parent


def add_color(parser: argparse.ArgumentParser) -> None:
    """Add ``--color`` (also spelt ``--colour``) to ``parser``."""
    parser.add_argument(
        "--color",
        "--colour",
        dest="color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (default: on a terminal, unless NO_COLOR or TERM=dumb; "
        "FORCE_COLOR / CLICOLOR_FORCE force it), always or never",
    )


# --- argument types ---------------------------------------------------------------------


def role(text: str) -> Role:
    names = {
        "0": Role.PARTICIPANT,
        "participant": Role.PARTICIPANT,
        "1": Role.HOST,
        "host": Role.HOST,
    }
    try:
        return names[text.strip().lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"expected 0, 1, participant or host, got {shown(text)}"
        ) from None


def cli_name(credential: CredentialType) -> str:
    return credential.name.lower().replace("_", "-")


def credential_type(text: str) -> CredentialType:
    try:
        return CredentialType[text.strip().upper().replace("-", "_")]
    except KeyError:
        choices = ", ".join(cli_name(c) for c in CredentialType)
        raise argparse.ArgumentTypeError(f"expected one of {choices}, got {shown(text)}") from None


def encoding(text: str) -> LegacyEncoding:
    try:
        return LegacyEncoding[text.strip().upper().replace("-", "_")]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"expected url-safe or standard, got {shown(text)}"
        ) from None


def now(text: str) -> Union[int, float, datetime]:
    """A Unix time (``1763900000``) or ISO-8601 with an offset (``2025-11-23T12:13:20Z``)."""
    import contextlib  # noqa: PLC0415 - only when --now is given
    from datetime import datetime  # noqa: PLC0415

    with contextlib.suppress(ValueError):
        return int(text)
    with contextlib.suppress(ValueError):
        return float(text)
    iso = text.strip()
    if iso[-1:] in ("Z", "z"):
        iso = iso[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "expected a Unix time or ISO-8601 such as 2025-11-23T12:13:20+00:00, got " + shown(text)
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{shown(text)} has no UTC offset, so the moment it means is a guess; add one, "
            "e.g. Z or +01:00"
        )
    return moment


def geo_regions(text: str) -> list[str]:
    return [region.strip() for region in text.split(",")]
