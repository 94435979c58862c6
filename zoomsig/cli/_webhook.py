"""``zoomsig webhook check`` and ``zoomsig webhook sign``.

On the conventions of the other commands: the secret token is read by the shared reader
(:func:`~zoomsig.cli._secrets.read_secret`: ``--secret-file`` or
``ZOOM_WEBHOOK_SECRET_TOKEN``, never an argument); everything is printed through
:class:`~zoomsig.cli._output.Out`, which never prints a run of the secret token; what an
unauthenticated request carries is escaped (:func:`~zoomsig.cli._output.safe`, or ASCII-only
JSON); mistakes are :class:`~zoomsig.cli._args.UsageError`: exit status 2, and JSON with
``--json``.
"""

from __future__ import annotations

import sys

from zoomsig.cli import _args
from zoomsig.cli._args import (
    EXIT_INVALID,
    EXIT_OK,
    VERIFICATION_ENV,
    UsageError,
)
from zoomsig.cli._args import WEBHOOK_SECRET_ENV as SECRET_ENV

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Optional

    from zoomsig.cli._output import Out
    from zoomsig.cli._secrets import Secret

__all__ = ["register"]

_MAX_INPUT = 2 * 1_048_576  # files over this are cut, and the diagnosis says the body is big
SECRET_SOURCES = f"set {SECRET_ENV}, or use --secret-file PATH"
"""Where the secret token comes from, for the error when one is tried as an argument."""

EPILOG = f"""\
examples:
  export {SECRET_ENV}=...   # or --secret-file PATH
  zoomsig webhook check --headers headers.txt --body body.json
  pbpaste | zoomsig webhook check --headers - --body body.json --json
  zoomsig webhook sign --body body.json --url http://127.0.0.1:8000/zoom/webhook

the secret token is never a command-line argument: zoomsig reads it from
{SECRET_ENV} or --secret-file PATH (one trailing
newline, \\n or \\r\\n, is removed).
exit status: 0 ok (check: the request verifies), 1 it does not verify (check),
2 usage error.
"""


def register(subparsers: _args.Subparsers) -> None:
    """Add ``webhook check`` and ``webhook sign`` to a ``zoomsig`` command line."""
    webhook = _command(
        subparsers,
        "webhook",
        help="check or sign a Zoom webhook request",
        description="Check why a Zoom webhook request fails verification, or sign a test one.\n"
        f"The secret token comes from {SECRET_ENV} or --secret-file,\n"
        "never an argument.",
    )
    commands = webhook.add_subparsers(
        dest="webhook_command", metavar="{check,sign}", parser_class=_args.Parser
    )
    check = _command(
        commands,
        "check",
        help="diagnose a webhook request (headers and body from files or stdin)",
        description="Diagnose a Zoom webhook request: which mistake makes the signature fail.\n"
        "Exit 0 when it verifies, 1 when it does not, 2 on a usage error.",
        parents=[_args.now_option()],
        run=run_check,
    )
    check.add_argument(
        "--headers",
        required=True,
        metavar="FILE",
        help="the request headers: a JSON object, or 'Name: value' lines as in a log or "
        "curl -v ('-' for stdin)",
    )
    check.add_argument(
        "--body",
        required=True,
        metavar="FILE",
        help="the raw request body, byte for byte ('-' for stdin)",
    )
    check.add_argument(
        "--verification-token-file",
        metavar="PATH",
        help=f"the app's retired verification token (or {VERIFICATION_ENV}), to name a mix-up",
    )
    check.add_argument(
        "--tolerance", type=int, default=300, metavar="SECONDS", help="replay window (300)"
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    sign = _command(
        commands,
        "sign",
        help="print the x-zm-* headers of a correctly signed test request",
        description="Sign a webhook body the way Zoom does, for local development: prints\n"
        "the two x-zm-* headers, or a curl command with --url.",
        run=sign_request,
    )
    sign.add_argument(
        "--body", required=True, metavar="FILE", help="the exact body to send ('-' for stdin)"
    )
    sign.add_argument(
        "--timestamp", type=int, metavar="UNIX", help="the signing time (default: now)"
    )
    sign.add_argument("--url", help="print a curl command that posts the body to URL")
    sign.add_argument("--json", action="store_true", help="print the headers as JSON")


def _command(
    subparsers: _args.Subparsers,
    name: str,
    *,
    help: str,
    description: str,
    parents: Sequence[_args.Parser] = (),
    run: Optional[_args.Run] = None,
) -> _args.Parser:
    """A ``webhook`` parser: zoomsig's conventions, and ``--secret-file`` for the token."""
    parser = _args.add_command(
        subparsers,
        name,
        help=help,
        description=description,
        epilog=EPILOG,
        parents=parents,
        run=run,
    )
    parser.secret_sources = SECRET_SOURCES
    if run is not None:
        group = parser.add_argument_group("secret token (never a command-line argument)")
        group.add_argument(
            "--secret-file",
            metavar="PATH",
            help="read the secret token from PATH (one trailing newline is removed); "
            f"default: the {SECRET_ENV} environment variable",
        )
        parser.set_defaults(secret_stdin=False)  # what the shared reader asks for
    return parser


def _secret(args: argparse.Namespace, out: Out) -> Secret:
    """The secret token, by the reader of every zoomsig command; hidden from ``out``."""
    from zoomsig.cli._secrets import read_secret  # noqa: PLC0415

    secret = read_secret(args, env=SECRET_ENV)
    if secret is None or not secret.value.strip():
        raise UsageError(f"no secret token: {SECRET_SOURCES}")
    out.hide(secret.value)
    return secret


def _verification_token(args: argparse.Namespace, out: Out) -> Optional[str]:
    from zoomsig.cli._secrets import read_env, read_file  # noqa: PLC0415

    path: Optional[str] = args.verification_token_file
    token = read_file(path, "--verification-token-file") if path else read_env(VERIFICATION_ENV)
    out.hide(token)
    return token or None


def _read_input(name: str, option: str) -> bytes:
    """``--headers`` or ``--body``: a file, or standard input for ``-``; at most 2 MiB + 1."""
    if name == "-":
        stream = sys.stdin
        return b"" if stream is None else stream.buffer.read(_MAX_INPUT + 1)
    try:
        with open(name, "rb") as handle:
            return handle.read(_MAX_INPUT + 1)
    except OSError as exc:
        # The path is not echoed, as for --secret-file: it may be a secret pasted there.
        raise UsageError(
            f"cannot read the file given to {option}: {exc.strerror or type(exc).__name__}"
        ) from None


def _options(secret: Secret) -> dict[str, str]:
    """Where each argument of the library came from, for a refusal's message."""
    return {
        "secret_token": secret.origin(),
        "verification_token": "--verification-token-file / " + VERIFICATION_ENV,
        "now": "--now",
        "tolerance": "--tolerance",
        "timestamp": "--timestamp",
    }


def parse_headers(data: bytes) -> dict[str, str]:
    """Headers from a JSON object or from ``Name: value`` lines (a request line is skipped)."""
    import json  # noqa: PLC0415

    text = data.decode("latin-1").lstrip("\ufeff")
    if text.lstrip().startswith("{"):
        try:
            parsed = json.loads(text)
        except ValueError:
            raise UsageError("the headers file starts with '{' but is not JSON") from None
        except RecursionError:  # within the 2 MiB read: thousands of nested [ or {
            raise UsageError("the headers JSON is nested too deeply to be headers") from None
        if not isinstance(parsed, dict):  # pragma: no cover - starts with "{"
            raise UsageError("the headers JSON is not an object")
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in parsed.items()}  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    headers: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip().lstrip("<> ").strip()  # curl -v prefixes lines with '> '
        name, sep, value = stripped.partition(":")
        if not sep or not name or " " in name.strip():
            continue  # the request line, a status line, a blank line
        headers[name.strip().lower()] = value.strip()
    return headers


def run_check(args: argparse.Namespace, out: Out) -> int:
    """``webhook check``: read, diagnose, print; 0 when the request verifies."""
    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415
    from zoomsig.cli._output import safe  # noqa: PLC0415
    from zoomsig.cli._sign import library_error  # noqa: PLC0415
    from zoomsig.webhook import diagnose_webhook  # noqa: PLC0415 - only for this command

    if args.headers == "-" and args.body == "-":
        raise UsageError("only one of --headers and --body can be '-' (stdin)")
    secret = _secret(args, out)
    verification = _verification_token(args, out)
    headers = parse_headers(_read_input(args.headers, "--headers"))
    body = _read_input(args.body, "--body")
    try:
        report = diagnose_webhook(
            headers,
            body,
            secret_token=secret.value,
            now=args.now,
            tolerance=args.tolerance,
            verification_token=verification,
        )
    except InvalidParameterError as exc:
        raise library_error(exc, _options(secret)) from None
    if args.json:
        out.json(report.to_dict())
    else:
        for line in str(report).splitlines():
            out.line(safe(line))
    return EXIT_OK if report.ok else EXIT_INVALID


def sign_request(args: argparse.Namespace, out: Out) -> int:
    """``webhook sign``: the headers of a correctly signed request, or a curl command."""
    import shlex  # noqa: PLC0415
    import time  # noqa: PLC0415

    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415
    from zoomsig.cli._sign import library_error  # noqa: PLC0415
    from zoomsig.webhook import sign_webhook  # noqa: PLC0415 - only for this command

    if args.url is not None and args.body == "-":
        raise UsageError("--url needs --body FILE (curl posts the file itself)")
    secret = _secret(args, out)
    body = _read_input(args.body, "--body")
    timestamp = int(time.time()) if args.timestamp is None else args.timestamp
    try:
        signed = sign_webhook(body, secret_token=secret.value, timestamp=timestamp)
    except InvalidParameterError as exc:
        raise library_error(exc, _options(secret)) from None
    headers = {"content-type": "application/json", **signed}
    if args.json:
        out.json({"headers": headers})
    elif args.url is not None:
        parts = ["curl", "-sS", "-X", "POST", shlex.quote(args.url)]
        for name, value in headers.items():
            parts += ["-H", shlex.quote(f"{name}: {value}")]
        parts += ["--data-binary", shlex.quote("@" + args.body)]
        out.line(" ".join(parts))
    else:
        for name, value in headers.items():
            out.line(f"{name}: {value}")
    return EXIT_OK
