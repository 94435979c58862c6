"""``zoomsig check``: diagnose a signature, for a person or for CI."""

from __future__ import annotations

from typing import NamedTuple, Optional

from zoomsig.cli import _args
from zoomsig.cli._args import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNVERIFIED,
    KEY_ENV,
    OBF_ENV,
    OTHER_SECRET_ENV,
    SECRET_ENV,
    ZAK_ENV,
    UsageError,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

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
with --require-verified: or its HMAC was not checked), 2 usage error, 3 no error
but unverified: the HMAC was not checked (no secret).
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
        run=run,
    )
    check.add_argument(
        "token",
        nargs="?",
        default="-",
        metavar="TOKEN",
        help="the signature; '-' or nothing reads it from standard input (on a terminal: "
        "prompts for it, and reads a paste of several lines whole)",
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
        OTHER_SECRET_ENV,
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


def _join_inputs(
    args: argparse.Namespace,
) -> tuple[Optional[str], Optional[str], dict[str, str]]:
    """The ZAK, the OBF token and the other secrets, from files or the environment."""
    from zoomsig.cli._secrets import read_env, read_file  # noqa: PLC0415

    zak = read_file(args.zak_file, "--zak-file") if args.zak_file else read_env(ZAK_ENV)
    obf_token = (
        read_file(args.obf_token_file, "--obf-token-file")
        if args.obf_token_file
        else read_env(OBF_ENV)
    )
    others: dict[str, str] = {}
    for name in args.other_secret_env:
        shown = _args.shown_name(name, _args.VARIABLE_NAME, quoted=True)
        value = read_env(name, f"{OTHER_SECRET_ENV}: the environment variable {shown}")
        if value is None:
            raise UsageError(f"{OTHER_SECRET_ENV}: the environment variable {shown} is not set")
        others[name] = value
    for number, path in enumerate(args.other_secret_file, 1):
        others[f"--other-secret-file #{number}"] = read_file(path, "--other-secret-file")
    return zak, obf_token, others


def status_of(report: Report, args: argparse.Namespace) -> int:
    """The exit status: errors fail; with --strict warnings too; --require-verified; no
    error but the HMAC not checked is :data:`~zoomsig.cli._args.EXIT_UNVERIFIED`."""
    if not report.ok or (args.strict and report.warnings):
        return EXIT_INVALID
    if args.require_verified and report.signature_verified is not True:
        return EXIT_INVALID
    return EXIT_UNVERIFIED if report.signature_verified is None else EXIT_OK


def unix(now: Now) -> float:
    import time  # noqa: PLC0415
    from datetime import datetime  # noqa: PLC0415

    if now is None:
        return time.time()
    if isinstance(now, datetime):
        return now.timestamp()
    return float(now)


class Inputs(NamedTuple):
    """What ``check`` read: the token and where it came from, the credentials, the moment."""

    token: str
    source: str
    """``the argument``, ``standard input`` or ``the prompt`` (``, 12 lines pasted``)."""
    secret: Optional[Secret]
    key: Optional[str]
    key_source: str
    zak: Optional[str]
    obf_token: Optional[str]
    others: dict[str, str]
    moment: float
    """The clock, read once: for the check and for "in 2 h"."""


def run(args: argparse.Namespace, out: Out) -> int:
    """Read, diagnose, print: the exit status says whether the signature passed."""
    inputs = read(args, out)
    report = diagnose(args, inputs)
    if args.json:
        out.json(report.to_dict())
    else:
        print_report(out, args, inputs, report)
    return status_of(report, args)


def _read_token(args: argparse.Namespace) -> tuple[str, str]:
    """The token and where it came from: the argument, standard input or the prompt."""
    from zoomsig.cli._output import plural  # noqa: PLC0415
    from zoomsig.cli._secrets import (  # noqa: PLC0415
        prompt_token,
        read_stdin,
        stdin_is_terminal,
        strip_one_newline,
    )

    if args.token != "-":
        return args.token, "the argument"
    if stdin_is_terminal():
        text, lines = prompt_token()
        pasted = f", {plural(lines, 'line')} pasted" if lines > 1 else ""
        return text, f"the prompt{pasted}"
    return strip_one_newline(read_stdin()), "standard input"


def read(args: argparse.Namespace, out: Out) -> Inputs:
    """Everything ``check`` reads, with every credential hidden from ``out`` at once."""
    from zoomsig.cli._secrets import read_key, read_secret  # noqa: PLC0415

    token, source = _read_token(args)
    # A prompted token leaves the terminal free for a --secret-stdin prompt.
    secret = read_secret(args, stdin_taken=source == "standard input")
    if args.require_verified and secret is None:
        raise UsageError(
            f"--require-verified needs the secret: set {SECRET_ENV}, or pass --secret-file "
            "PATH or --secret-stdin"
        )
    zak, obf_token, others = _join_inputs(args)
    for hidden in (secret.value if secret else None, zak, obf_token, *others.values()):
        out.hide(hidden)
    key, key_source = read_key(args, "--sdk-key")
    return Inputs(token, source, secret, key, key_source, zak, obf_token, others, unix(args.now))


def _option_names(args: argparse.Namespace, inputs: Inputs) -> dict[str, str]:
    """Where each argument of the diagnosis came from, for a refusal's message."""
    return {
        "secret": inputs.secret.origin() if inputs.secret else "",
        "sdk_key": inputs.key_source,
        "meeting_number": "--meeting",
        "role": "--role",
        "topic": "--topic",
        "now": "--now",
        "zak": "--zak-file" if args.zak_file else ZAK_ENV,
        "obf_token": "--obf-token-file" if args.obf_token_file else OBF_ENV,
    }


def diagnose(args: argparse.Namespace, inputs: Inputs) -> Report:
    """The report of :func:`zoomsig.decode_and_validate`; a refusal is a usage error."""
    from zoomsig import diagnose  # noqa: PLC0415 - the engine only for check
    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415
    from zoomsig.cli._sign import library_error  # noqa: PLC0415

    now: Now = args.now
    try:
        return diagnose.decode_and_validate(
            inputs.token,
            secret=None if inputs.secret is None else inputs.secret.value,
            sdk_key=inputs.key,
            meeting_number=args.meeting,
            role=args.role,
            topic=args.topic,
            now=inputs.moment if now is None else now,
            zak=inputs.zak,
            obf_token=inputs.obf_token,
            other_secrets=inputs.others or None,
        )
    except InvalidParameterError as exc:
        if exc.parameter == "other_secrets":
            raise UsageError(other_secret_error(exc.reason, inputs.others)) from None
        raise library_error(exc, _option_names(args, inputs)) from None


def other_secret_error(reason: str, others: dict[str, str]) -> str:
    """The library's refusal of an ``other_secrets`` entry, in the words the user typed:
    the option and the variable (or the file's number), not the Python argument."""
    for name in others:
        entry = f"the entry {name!r}"
        if entry not in reason:
            continue
        if name.startswith("--other-secret-file"):
            return "--other-secret-file: " + reason.replace(
                entry, f"the file {name.rsplit(' ', 1)[-1]}"
            )
        return f"{OTHER_SECRET_ENV}: " + reason.replace(entry, f"the variable {name!r}")
    return f"{OTHER_SECRET_ENV} / --other-secret-file: {reason}"


def print_report(out: Out, args: argparse.Namespace, inputs: Inputs, report: Report) -> None:
    """The report for a person: a summary, the header and claims, then the findings."""
    from zoomsig.cli import _output  # noqa: PLC0415

    field = _output.field
    for label, text in _summary(out, args, inputs, report):
        out.line(field(out, label, text))
    if report.claims:
        first, *rest = _output.claim_lines(report.claims, inputs.moment)
        out.line(field(out, "Claims", first))
        for text in rest:
            out.line(" " * 10 + text)
    if report.findings:
        out.line(out.paint("Findings", "bold"))
        for text in _output.finding_lines(out, report, "  "):
            out.line(text)
    else:
        out.line(field(out, "Findings", "none"))


def _summary(
    out: Out, args: argparse.Namespace, inputs: Inputs, report: Report
) -> list[tuple[str, str]]:
    """The labelled lines above the claims: token, verdict, HMAC, expected, expiry, header."""
    import json  # noqa: PLC0415

    from zoomsig.cli import _output  # noqa: PLC0415

    secret = inputs.secret
    shown = _output.preview(inputs.token, None if secret is None else secret.value)
    if secret is None and any(f.code.value == "SECRET_IN_TOKEN" for f in report.findings):
        shown = "(not shown: it holds a secret)"
    length = _output.plural(len(inputs.token), "character")
    lines = [
        ("Token", f"{shown} ({length}, from {inputs.source})"),
        ("Verdict", _output.verdict(out, report, strict=args.strict)),
        ("HMAC", mac_text(report, secret, args.require_verified)),
        ("Expected", _expected(args, inputs)),
    ]
    if report.expires_at is not None:
        lines.append(("Expires", _output.when(report.expires_at.timestamp(), inputs.moment)))
    if report.header:
        header = json.dumps(dict(report.header), ensure_ascii=False)
        lines.append(("Header", _output.safe(header)))
    return lines


def _expected(args: argparse.Namespace, inputs: Inputs) -> str:
    """What the token is compared with, or a hint at the options that compare it."""
    from zoomsig.cli._output import safe  # noqa: PLC0415

    compared = [f"meeting {safe(args.meeting)}"] if args.meeting is not None else []
    if args.role is not None:
        compared.append(f"role {int(args.role)}")
    if inputs.key is not None:
        compared.append(f"key from {inputs.key_source}")
    if args.topic is not None:
        compared.append(f"topic {safe(repr(args.topic))}")
    if not compared:
        return "nothing given (add --meeting, --role, --sdk-key or --topic to compare)"
    return ", ".join(compared)


def mac_text(report: Report, secret: Optional[Secret], required: bool = False) -> str:
    """What the report says of the HMAC: checked only for what was read as a token."""
    failed = " (--require-verified: fails)" if required else ""
    if secret is None:
        return f"not checked (no secret: set {SECRET_ENV} or pass --secret-file / --secret-stdin)"
    if not is_token(report):
        return f"not checked (the input is not a token){failed}"
    if report.signature_verified is None:
        return f"not checked (the token could not be read far enough){failed}"
    if report.signature_verified:
        return f"matches the secret from {secret.source}"
    return f"does NOT match the secret from {secret.source}"


def is_token(report: Report) -> bool:
    """Whether the input was read as a token: a known kind, or a header or claims."""
    return report.kind.value != "UNKNOWN" or bool(report.header) or bool(report.claims)
