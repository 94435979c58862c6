"""``zoomsig webhook check``, ``zoomsig webhook check-response`` and ``zoomsig webhook sign``.

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
from types import MappingProxyType

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
    from zoomsig.diagnose.report import Report

__all__ = ["register"]

_MAX_INPUT = 2 * 1_048_576  # files over this are cut, and the diagnosis says the body is big
SECRET_SOURCES = f"set {SECRET_ENV}, or use --secret-file PATH"
"""Where the secret token comes from, for the error when one is tried as an argument."""

EPILOG = f"""\
examples:
  export {SECRET_ENV}=...   # or --secret-file PATH
  zoomsig webhook check --headers headers.txt --body body.json
  pbpaste | zoomsig webhook check --headers - --body body.json --json
  zoomsig webhook check --headers - --body body.json   # on a terminal: paste them
  zoomsig webhook sign --body body.json --json > headers.json   # check reads this too
  zoomsig webhook sign --body body.json --url http://127.0.0.1:8000/zoom/webhook
  curl -si -X POST ... | zoomsig webhook check-response --request challenge.json --response -

the secret token is never a command-line argument: zoomsig reads it from
{SECRET_ENV} or --secret-file PATH (one trailing
newline, \\n or \\r\\n, is removed).
exit status: 0 ok (check: the request verifies; check-response: Zoom accepts the
answer), 1 it does not, 2 usage error.
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
        dest="webhook_command", metavar="{check,check-response,sign}", parser_class=_args.Parser
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
        help="the request headers: a JSON object (the output of 'webhook sign --json' too), "
        "or 'Name: value' lines as in a log or curl -v ('-' for stdin; on a terminal: "
        "prompts, and an empty line ends them)",
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
    _args.add_color(check)
    _register_check_response(commands)

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


def _register_check_response(commands: _args.Subparsers) -> None:
    response = _command(
        commands,
        "check-response",
        help="diagnose the answer to Zoom's URL-validation challenge",
        description="Say why Zoom reports 'URL validation failed': check the answer your\n"
        "endpoint gave to the endpoint.url_validation challenge (status, content type,\n"
        "plainToken, encryptedToken, time). Exit 0 when Zoom accepts it, 1 when not.",
        run=run_check_response,
    )
    response.add_argument(
        "--request",
        required=True,
        metavar="FILE",
        help="the challenge: the body of Zoom's endpoint.url_validation request ('-' for stdin)",
    )
    response.add_argument(
        "--response",
        required=True,
        metavar="FILE",
        help="the answer: its body, or the whole HTTP response as curl -i prints it (status "
        "line and headers too) ('-' for stdin)",
    )
    response.add_argument(
        "--elapsed",
        type=float,
        metavar="SECONDS",
        help="how long the answer took (curl -w '%%{time_total}'); over 3 s Zoom gives up",
    )
    response.add_argument(
        "--verification-token-file",
        metavar="PATH",
        help=f"the app's retired verification token (or {VERIFICATION_ENV}), to name a mix-up",
    )
    response.add_argument("--json", action="store_true", help="print the report as JSON")
    _args.add_color(response)


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


_PROMPTS = MappingProxyType(
    {
        "--headers": "Paste the request headers ('Name: value' lines or JSON), then an empty line:",
        "--body": "Paste the raw body, then Enter and Ctrl-D (Ctrl-Z Enter on Windows); a pasted "
        "body may differ from the bytes Zoom sent:",
        "--request": "Paste the challenge's body, then Enter and Ctrl-D:",
        "--response": "Paste the answer (its body, or curl -i's whole output), then Enter and "
        "Ctrl-D:",
    }
)


def _prompted(option: str) -> bytes:
    """What is pasted on a terminal: headers up to an empty line, anything else up to EOF."""
    from zoomsig.cli._secrets import strip_one_newline  # noqa: PLC0415

    sys.stderr.write(_PROMPTS[option] + "\n")
    sys.stderr.flush()
    lines: list[str] = []
    for line in iter(sys.stdin.readline, ""):
        if option == "--headers" and not line.strip() and lines:
            break
        lines.append(line)
    return strip_one_newline("".join(lines)).encode("utf-8", "surrogateescape")


def _read_input(name: str, option: str) -> bytes:
    """A file, or standard input for ``-`` (on a terminal: a prompt); at most 2 MiB + 1."""
    if name == "-":
        stream = sys.stdin
        isatty = getattr(stream, "isatty", None)
        if callable(isatty) and isatty():
            return _prompted(option)
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
        inner = parsed.get("headers")  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
        if isinstance(inner, dict) and len(parsed) == 1:  # pyright: ignore[reportUnknownArgumentType]
            parsed = inner  # the output of zoomsig webhook sign --json  # pyright: ignore[reportUnknownVariableType]
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
        print_report(out, report, _summary(out, report, secret, body))
    return EXIT_OK if report.ok else EXIT_INVALID


def _summary(out: Out, report: Report, secret: Secret, body: bytes) -> list[tuple[str, str]]:
    """The labelled lines above the findings: the request, the verdict, the HMAC, headers."""
    import json  # noqa: PLC0415

    from zoomsig.cli import _output  # noqa: PLC0415

    event = report.claims.get("event")
    what = f"event {event}" if isinstance(event, str) else "no event name"
    lines = [
        ("Request", _output.safe(f"{what}, {_output.plural(len(body), 'byte')} of body")),
        ("Verdict", _output.verdict(out, report)),
        ("HMAC", _mac_text(report, secret)),
    ]
    if report.header:
        lines.append(("Headers", _output.safe(json.dumps(dict(report.header), ensure_ascii=False))))
    return lines


def _mac_text(report: Report, secret: Secret) -> str:
    if report.signature_verified is None:
        return (
            "not checked: the request lacks what is needed to check it (see the findings); "
            f"the secret token is from {secret.source}"
        )
    if report.signature_verified:
        return f"matches the secret token from {secret.source}"
    return f"does NOT match the secret token from {secret.source}"


def print_report(out: Out, report: Report, summary: list[tuple[str, str]]) -> None:
    """A report for a person, as ``zoomsig check`` prints one: fields, then the findings."""
    from zoomsig.cli import _output  # noqa: PLC0415

    for label, text in summary:
        out.line(_output.field(out, label, text))
    if report.findings:
        out.line(out.paint("Findings", "bold"))
        for text in _output.finding_lines(out, report, "  "):
            out.line(text)
    else:
        out.line(_output.field(out, "Findings", "none"))


def run_check_response(args: argparse.Namespace, out: Out) -> int:
    """``webhook check-response``: the answer to the challenge; 0 when Zoom accepts it."""
    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415
    from zoomsig.cli._sign import library_error  # noqa: PLC0415
    from zoomsig.webhook import diagnose_url_validation  # noqa: PLC0415 - only for this command

    if args.request == "-" and args.response == "-":
        raise UsageError("only one of --request and --response can be '-' (stdin)")
    secret = _secret(args, out)
    verification = _verification_token(args, out)
    challenge = _read_input(args.request, "--request")
    answer = _read_input(args.response, "--response")
    options = {**_options(secret), "event_or_body": "--request", "elapsed": "--elapsed"}
    try:
        report = diagnose_url_validation(
            challenge,
            answer,
            secret_token=secret.value,
            elapsed=args.elapsed,
            verification_token=verification,
        )
    except InvalidParameterError as exc:
        raise library_error(exc, options) from None
    if args.json:
        out.json(report.to_dict())
    else:
        print_report(out, report, _response_summary(out, report, secret))
    return EXIT_OK if report.ok else EXIT_INVALID


def _response_summary(out: Out, report: Report, secret: Secret) -> list[tuple[str, str]]:
    from zoomsig.cli import _output  # noqa: PLC0415

    plain = report.claims.get("plainToken")
    if report.signature_verified is None:
        token = "not checked (the answer has no readable encryptedToken)"
    elif report.signature_verified:
        token = f"matches the secret token from {secret.source}"
    else:
        token = f"does NOT match the secret token from {secret.source}"
    lines = [
        ("Challenge", _output.safe(f"plainToken {plain}")),
        (
            "Verdict",
            _output.verdict(out, report).replace("Zoom webhook signature", "URL validation answer"),
        ),
        ("Encrypted", token),
    ]
    said = [f"{name} {value}" for name, value in report.header.items()]
    lines.append(
        (
            "Response",
            _output.safe(", ".join(said)) if said else "body only (no status or headers given)",
        )
    )
    return lines


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
