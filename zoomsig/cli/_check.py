"""``zoomsig check``: diagnose a signature, for a person or for CI."""

from __future__ import annotations

from zoomsig.cli import _args
from zoomsig.cli._args import EXIT_INVALID, EXIT_OK, KEY_ENV, SECRET_ENV, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Optional

    from zoomsig._time import Now
    from zoomsig.cli._output import Out
    from zoomsig.cli._secrets import Secret
    from zoomsig.diagnose.report import Report

EPILOG = f"""\
examples:
  export {SECRET_ENV}=...  # or --secret-file PATH
  zoomsig check "$SIGNATURE" --meeting 85746065432 --role 0
  zoomsig check -                   # paste it (or pipe it in)
  pbpaste | zoomsig check --json    # from the clipboard
  zoomsig check 'https://example.com/join?signature=eyJ...'
  zoomsig check "$SIGNATURE" --strict --require-verified   # CI

{_args.SECRET_RULES}
exit status: 0 ok, 1 the signature has an error (with --strict: or a warning;
with --require-verified: or its HMAC was not checked), 2 usage error.
"""


def register(subparsers: argparse._SubParsersAction[_args.Parser]) -> None:
    """Add ``check``."""
    check = _args.add_command(
        subparsers,
        "check",
        help="diagnose a signature",
        epilog=EPILOG,
        parents=[
            _args.secret_options(),
            _args.now_option(),
            _args.output_options("print the report as JSON"),
        ],
        description="Diagnose a signature: every mistake with its code and the fix.\n"
        "The HMAC is checked when a secret is available. A token inside a URL or a\n"
        "query string is found and diagnosed. One trailing newline of a piped token\n"
        "is removed.",
    )
    check.set_defaults(run=run)
    check.add_argument(
        "token",
        nargs="?",
        default="-",
        metavar="TOKEN",
        help="the signature; '-' or nothing reads it from standard input (on a terminal: "
        "prompts for it)",
    )
    check.add_argument("--meeting", metavar="N", help="the meeting number passed to join()")
    check.add_argument("--role", type=_args.role, help="the role expected: 0/participant or 1/host")
    check.add_argument(
        "--sdk-key",
        dest="key",
        metavar="KEY",
        help=f"the key expected; default: the {KEY_ENV} environment variable if set",
    )
    check.add_argument("--topic", help="the Video SDK session name passed to join()")
    gate = check.add_argument_group("gates (for CI)")
    gate.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit status 1) on warnings too, not only errors",
    )
    gate.add_argument(
        "--require-verified",
        action="store_true",
        help="fail unless the HMAC was checked and matches: needs the secret; a token "
        "that cannot be read far enough to check fails",
    )


def status_of(report: Report, args: argparse.Namespace) -> int:
    """The exit status: errors fail; with --strict warnings too; --require-verified."""
    if not report.ok or (args.strict and report.warnings):
        return EXIT_INVALID
    if args.require_verified and report.signature_verified is not True:
        return EXIT_INVALID
    return EXIT_OK


def _unix(now: Now) -> float:
    import time  # noqa: PLC0415
    from datetime import datetime  # noqa: PLC0415

    if now is None:
        return time.time()
    if isinstance(now, datetime):
        return now.timestamp()
    return float(now)


def run(args: argparse.Namespace, out: Out) -> int:
    import json  # noqa: PLC0415

    from zoomsig import diagnose  # noqa: PLC0415 - the engine only for check
    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415
    from zoomsig.cli import _output  # noqa: PLC0415
    from zoomsig.cli._secrets import (  # noqa: PLC0415
        prompt_token,
        read_key,
        read_secret,
        read_stdin,
        stdin_is_terminal,
        strip_one_newline,
    )
    from zoomsig.cli._sign import library_error  # noqa: PLC0415

    token_arg: str = args.token
    from_stdin = token_arg == "-"
    prompted = False
    if from_stdin and stdin_is_terminal():
        token, prompted = prompt_token(), True
    elif from_stdin:
        token = strip_one_newline(read_stdin())
    else:
        token = token_arg
    # A prompted token leaves the terminal free for a --secret-stdin prompt.
    secret = read_secret(args, stdin_taken=from_stdin and not prompted)
    if args.require_verified and secret is None:
        raise UsageError(
            f"--require-verified needs the secret: set {SECRET_ENV}, or pass --secret-file "
            "PATH or --secret-stdin"
        )
    if secret is not None:
        out.hide(secret.value)
    key, key_source = read_key(args, "--sdk-key")
    now: Now = args.now
    moment = _unix(now)  # read the clock once, for the check and for "in 2 h"
    options = {
        "secret": secret.origin() if secret else "",
        "sdk_key": key_source,
        "meeting_number": "--meeting",
        "role": "--role",
        "topic": "--topic",
        "now": "--now",
    }
    try:
        report = diagnose.decode_and_validate(
            token,
            secret=None if secret is None else secret.value,
            sdk_key=key,
            meeting_number=args.meeting,
            role=args.role,
            topic=args.topic,
            now=moment if now is None else now,
        )
    except InvalidParameterError as exc:
        raise library_error(exc, options) from None
    status = status_of(report, args)
    if args.json:
        out.line(json.dumps(report.to_dict(), indent=2, sort_keys=False))
        return status

    source = "the prompt" if prompted else "standard input" if from_stdin else "the argument"
    shown = _output.preview(token, None if secret is None else secret.value)
    if any(f.code.value == "SECRET_IN_TOKEN" for f in report.findings) and secret is None:
        shown = "(not shown: it holds a secret)"
    field = _output.field
    out.line(field(out, "Token", f"{shown} ({len(token)} characters, from {source})"))
    out.line(field(out, "Verdict", _output.verdict(out, report, strict=args.strict)))
    out.line(field(out, "HMAC", mac_text(report, secret, args.require_verified)))
    compared = [f"meeting {_output.safe(args.meeting)}"] if args.meeting is not None else []
    if args.role is not None:
        compared.append(f"role {int(args.role)}")
    if key is not None:
        compared.append(f"key from {key_source}")
    if args.topic is not None:
        compared.append(f"topic {_output.safe(repr(args.topic))}")
    out.line(
        field(
            out,
            "Expected",
            ", ".join(compared)
            if compared
            else "nothing given (add --meeting, --role, --sdk-key or --topic to compare)",
        )
    )
    if report.expires_at is not None:
        out.line(field(out, "Expires", _output.when(report.expires_at.timestamp(), moment)))
    if report.header:
        header = json.dumps(dict(report.header), ensure_ascii=False)
        out.line(field(out, "Header", _output.safe(header)))
    if report.claims:
        first, *rest = _output.claim_lines(report.claims, moment)
        out.line(field(out, "Claims", first))
        for text in rest:
            out.line(" " * 10 + text)
    if report.findings:
        out.line(out.paint("Findings", "bold"))
        for text in _output.finding_lines(out, report, "  "):
            out.line(text)
    else:
        out.line(field(out, "Findings", "none"))
    return status


def mac_text(report: Report, secret: Optional[Secret], required: bool = False) -> str:
    failed = " (--require-verified: fails)" if required else ""
    if secret is None:
        return f"not checked (no secret: set {SECRET_ENV} or pass --secret-file / --secret-stdin)"
    if report.signature_verified is None:
        return f"not checked (the token could not be read far enough){failed}"
    if report.signature_verified:
        return f"matches the secret from {secret.source}"
    return f"does NOT match the secret from {secret.source}"
