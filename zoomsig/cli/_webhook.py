"""``zoomsig webhook check`` and ``zoomsig webhook sign``.

Like the rest of the command line, the only kind of module that reads the environment or
prints. The secret token never comes from an argument: ``ZOOM_WEBHOOK_SECRET_TOKEN`` or
``--secret-file``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from typing import Any, BinaryIO, Callable, Optional

from zoomsig._errors import InvalidParameterError
from zoomsig.cli._args import UsageError

__all__ = ["SECRET_ENV", "register"]

SECRET_ENV = "ZOOM_WEBHOOK_SECRET_TOKEN"
VERIFICATION_ENV = "ZOOM_WEBHOOK_VERIFICATION_TOKEN"
_MAX_INPUT = 2 * 1_048_576  # files over this are cut, and the diagnosis says the body is big


class _UsageError(UsageError):
    """Exit 2 with this message (as JSON with ``--json``), like every zoomsig usage error."""


def register(subparsers: Any) -> None:  # argparse's _SubParsersAction is private
    """Add ``webhook check`` and ``webhook sign`` to a ``zoomsig`` command line."""
    webhook = subparsers.add_parser(
        "webhook",
        help="check or sign a Zoom webhook request",
        description="Check why a Zoom webhook request fails verification, or sign a test one. "
        f"The secret token comes from {SECRET_ENV} or --secret-file, never an argument.",
    )
    webhook.set_defaults(run=_run, handler=_no_subcommand, webhook_parser=webhook)
    # Each handler takes the parsed arguments and returns the exit status (0, 1, or 2 with
    # the error on stderr): the caller only runs ``sys.exit(args.handler(args))``.
    commands = webhook.add_subparsers(dest="webhook_command", metavar="{check,sign}")

    check = commands.add_parser(
        "check",
        help="diagnose a webhook request (headers and body from files or stdin)",
        description="Diagnose a Zoom webhook request: which mistake makes the signature "
        "fail. Exit 0 when it verifies, 1 when it does not, 2 on a usage error.",
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
    _secret_options(check)
    check.add_argument(
        "--verification-token-file",
        metavar="PATH",
        help=f"the app's retired verification token (or {VERIFICATION_ENV}), to name a mix-up",
    )
    check.add_argument("--now", type=int, metavar="UNIX", help="the time to check at")
    check.add_argument(
        "--tolerance", type=int, default=300, metavar="SECONDS", help="replay window (300)"
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(handler=_check)

    sign = commands.add_parser(
        "sign",
        help="print the x-zm-* headers of a correctly signed test request",
        description="Sign a webhook body the way Zoom does, for local development: prints "
        "the two x-zm-* headers, or a curl command with --url.",
    )
    sign.add_argument(
        "--body", required=True, metavar="FILE", help="the exact body to send ('-' for stdin)"
    )
    _secret_options(sign)
    sign.add_argument(
        "--timestamp", type=int, metavar="UNIX", help="the signing time (default: now)"
    )
    sign.add_argument("--url", help="print a curl command that posts the body to URL")
    sign.add_argument("--json", action="store_true", help="print the headers as JSON")
    sign.set_defaults(handler=_sign)


def _run(args: argparse.Namespace, out: object) -> int:
    """The ``run`` of :mod:`zoomsig.cli`: each subcommand's handler prints for itself."""
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


def _secret_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--secret-file",
        metavar="PATH",
        help=f"read the secret token from PATH (one trailing newline removed); else {SECRET_ENV}",
    )


def _no_subcommand(args: argparse.Namespace) -> int:
    args.webhook_parser.print_help()
    return 2


def _read_token(path: Optional[str], env: str, option: str) -> Optional[str]:
    if path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            # The path is not echoed: people paste the secret itself after the option.
            raise _UsageError(
                f"cannot read the file given to {option}: {exc.strerror or type(exc).__name__}"
            ) from None
        except UnicodeDecodeError:
            raise _UsageError(f"the file given to {option} is not UTF-8 text") from None
        return text[:-1] if text.endswith("\n") else text
    return os.environ.get(env)


def _secret(args: argparse.Namespace) -> str:
    token = _read_token(args.secret_file, SECRET_ENV, "--secret-file")
    if not token or not token.strip():
        raise _UsageError(f"no secret token: set {SECRET_ENV} or pass --secret-file PATH")
    return token


def _read_input(name: str, stdin: BinaryIO) -> bytes:
    if name == "-":
        return stdin.read(_MAX_INPUT + 1)
    try:
        with open(name, "rb") as handle:
            return handle.read(_MAX_INPUT + 1)
    except OSError as exc:
        raise _UsageError(f"cannot read {name}: {exc.strerror or type(exc).__name__}") from None


def parse_headers(data: bytes) -> dict[str, str]:
    """Headers from a JSON object or from ``Name: value`` lines (a request line is skipped)."""
    text = data.decode("latin-1").lstrip("\ufeff")
    if text.lstrip().startswith("{"):
        try:
            parsed = json.loads(text)
        except ValueError:
            raise _UsageError("the headers file starts with '{' but is not JSON") from None
        if not isinstance(parsed, dict):  # pragma: no cover - starts with "{"
            raise _UsageError("the headers JSON is not an object")
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in parsed.items()}  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    headers: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip().lstrip("<> ").strip()  # curl -v prefixes lines with '> '
        name, sep, value = stripped.partition(":")
        if not sep or not name or " " in name.strip():
            continue  # the request line, a status line, a blank line
        headers[name.strip().lower()] = value.strip()
    return headers


def _check(args: argparse.Namespace) -> int:
    from zoomsig.webhook import diagnose_webhook  # noqa: PLC0415 - only for this command

    if args.headers == "-" and args.body == "-":
        raise _UsageError("only one of --headers and --body can be '-' (stdin)")
    secret = _secret(args)
    verification = _read_token(
        args.verification_token_file, VERIFICATION_ENV, "--verification-token-file"
    )
    stdin = sys.stdin.buffer
    headers = parse_headers(_read_input(args.headers, stdin))
    body = _read_input(args.body, stdin)
    try:
        report = diagnose_webhook(
            headers,
            body,
            secret_token=secret,
            now=args.now,
            tolerance=args.tolerance,
            verification_token=verification or None,
        )
    except InvalidParameterError as exc:
        raise _UsageError(str(exc)) from None
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(str(report) + "\n")
    return 0 if report.ok else 1


def _sign(args: argparse.Namespace) -> int:
    from zoomsig.webhook import sign_webhook  # noqa: PLC0415 - only for this command

    if args.url is not None and args.body == "-":
        raise _UsageError("--url needs --body FILE (curl posts the file itself)")
    secret = _secret(args)
    body = _read_input(args.body, sys.stdin.buffer)
    timestamp = int(time.time()) if args.timestamp is None else args.timestamp
    try:
        headers = sign_webhook(body, secret_token=secret, timestamp=timestamp)
    except InvalidParameterError as exc:
        raise _UsageError(str(exc)) from None
    headers = {"content-type": "application/json", **headers}
    if args.json:
        sys.stdout.write(json.dumps({"headers": headers}, indent=2) + "\n")
    elif args.url is not None:
        parts = ["curl", "-sS", "-X", "POST", shlex.quote(args.url)]
        for name, value in headers.items():
            parts += ["-H", shlex.quote(f"{name}: {value}")]
        parts += ["--data-binary", shlex.quote("@" + args.body)]
        sys.stdout.write(" ".join(parts) + "\n")
    else:
        sys.stdout.write("".join(f"{name}: {value}\n" for name, value in headers.items()))
    return 0
