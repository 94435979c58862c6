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

ZAK_ENV = "ZOOM_ZAK"
OBF_ENV = "ZOOM_OBF_TOKEN"

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


def register(subparsers: _args.Subparsers) -> None:
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
    join = check.add_argument_group("join options and other secrets (never command-line arguments)")
    join.add_argument(
        "--zak-file",
        metavar="PATH",
        help=f"the ZAK passed to join(), from PATH; default: the {ZAK_ENV} environment "
        "variable if set",
    )
    join.add_argument(
        "--obf-token-file",
        metavar="PATH",
        help=f"the obfToken passed to join(), from PATH; default: {OBF_ENV} if set",
    )
    join.add_argument(
        "--other-secret-env",
        action="append",
        default=[],
        metavar="VAR",
        help="an environment variable holding another secret of your backend (S2S OAuth, "
        "webhook, another app's): the report names VAR if it made the signature; repeatable",
    )
    join.add_argument(
        "--other-secret-file",
        action="append",
        default=[],
        metavar="PATH",
        help="a file holding another secret, likewise (named by its position, not its path)",
    )
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


def _read_file(path: str, option: str) -> str:
    from zoomsig.cli._secrets import strip_one_newline  # noqa: PLC0415

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:  # the path is not echoed: it may be the pasted value itself
        raise UsageError(
            f"cannot read the file given to {option}: {exc.strerror or type(exc).__name__}"
        ) from None
    try:
        return strip_one_newline(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"the file given to {option} is not UTF-8 text") from None


def _join_inputs(
    args: argparse.Namespace,
) -> tuple[Optional[str], Optional[str], dict[str, str]]:
    """The ZAK, the OBF token and the other secrets, from files or the environment."""
    import os  # noqa: PLC0415

    zak = _read_file(args.zak_file, "--zak-file") if args.zak_file else os.environ.get(ZAK_ENV)
    obf_token = (
        _read_file(args.obf_token_file, "--obf-token-file")
        if args.obf_token_file
        else os.environ.get(OBF_ENV)
    )
    others: dict[str, str] = {}
    for name in args.other_secret_env:
        if name not in os.environ:
            raise UsageError(
                f"--other-secret-env: the environment variable {name!r:.60} is not set"
            )
        others[name] = os.environ[name]
    for number, path in enumerate(args.other_secret_file, 1):
        others[f"--other-secret-file #{number}"] = _read_file(path, "--other-secret-file")
    return zak, obf_token, others


def status_of(report: Report, args: argparse.Namespace) -> int:
    """The exit status: errors fail; with --strict warnings too; --require-verified."""
    if not report.ok or (args.strict and report.warnings):
        return EXIT_INVALID
    if args.require_verified and report.signature_verified is not True:
        return EXIT_INVALID
    return EXIT_OK


def unix(now: Now) -> float:
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
    zak, obf_token, others = _join_inputs(args)
    for hidden in (secret.value if secret else None, zak, obf_token, *others.values()):
        out.hide(hidden)
    key, key_source = read_key(args, "--sdk-key")
    now: Now = args.now
    moment = unix(now)  # read the clock once, for the check and for "in 2 h"
    options = {
        "secret": secret.origin() if secret else "",
        "sdk_key": key_source,
        "meeting_number": "--meeting",
        "role": "--role",
        "topic": "--topic",
        "now": "--now",
        "zak": "--zak-file" if args.zak_file else ZAK_ENV,
        "obf_token": "--obf-token-file" if args.obf_token_file else OBF_ENV,
        "other_secrets": "--other-secret-env / --other-secret-file",
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
            zak=zak,
            obf_token=obf_token,
            other_secrets=others or None,
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
