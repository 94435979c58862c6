"""The ``zoomsig`` command: sign, check and demo.

This is the only module of zoomsig that reads environment variables, files or standard
input, or prints. Secrets come from ``ZOOM_SDK_SECRET``, ``--secret-file`` or standard input,
never from the command line, and never appear in any output or error message.

Exit status: 0 success (the signature is OK), 1 the signature has errors, 2 usage error.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import getpass
import json
import math
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import MappingProxyType
from typing import NamedTuple, NoReturn, Optional, TextIO, Union

from zoomsig import (
    CredentialType,
    InvalidParameterError,
    LegacyEncoding,
    Report,
    Role,
    Severity,
    TokenKind,
    __version__,
    _jws,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig._time import Now

__all__ = ["main"]

EXIT_OK = 0
"""The command worked; for ``check``: the signature has no error."""
EXIT_INVALID = 1
"""``check``: the signature has at least one error."""
EXIT_USAGE = 2
"""Bad arguments, a missing secret or an unreadable secret file."""

KEY_ENV = "ZOOM_SDK_KEY"
SECRET_ENV = "ZOOM_SDK_SECRET"

DEMO_SDK_KEY = "DEMO-KEY-not-a-real-zoom-key"
"""The demo's fake Meeting SDK key. Fake, so it may be printed."""
DEMO_SDK_SECRET = "demo-secret-not-real-0123456789ab"
"""The demo's fake Meeting SDK secret. Fake, so it may be printed; a real one never is."""
DEMO_VIDEO_KEY = "DEMO-VIDEO-KEY-not-a-real-key"
DEMO_VIDEO_SECRET = "demo-video-secret-not-real-98765"
DEMO_MEETING_NUMBER = "85746065432"
DEMO_TOPIC = "zoomsig-demo-session"

_PREVIEW = 12
"""How many leading characters of a token ``check`` shows."""

_EPILOG = f"""\
examples:
  export {KEY_ENV}=...  {SECRET_ENV}=...     # or --secret-file PATH / --secret-stdin
  zoomsig sign meeting --meeting 85746065432 --role participant
  zoomsig sign meeting --meeting 85746065432 --role host --expires-in 3600 --json
  zoomsig sign meeting                        # native SDK token: no meeting, no role
  zoomsig sign video --topic my-session --role 1 --geo-regions US,DE
  zoomsig check "$SIGNATURE" --meeting 85746065432 --role 0
  pbpaste | zoomsig check --json              # token from standard input
  zoomsig demo                                # fake credentials, see everything at once

secrets are never command-line arguments (they would end up in shell history and in
`ps`): zoomsig reads them from {SECRET_ENV}, --secret-file PATH or --secret-stdin. From a
file or standard input exactly one trailing newline (\\n or \\r\\n) is removed, as files
and pipes end with one; any other whitespace around the secret is refused, not removed.

exit status: 0 ok, 1 the signature has errors (check), 2 usage error.
"""


class _UsageError(Exception):
    """A mistake in the command line or its inputs: printed, exit status 2."""


class _Exit(Exception):  # noqa: N818 - not an error: --help and --version end this way too
    """The parser is done (``--help``, ``--version`` or a usage error): return ``status``."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """``ArgumentParser`` that never echoes unknown arguments' values (they may be secrets)."""

    def parse_args(  # type: ignore[override]
        self, args: Optional[Sequence[str]] = None, namespace: None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            options = [extra.split("=", 1)[0] for extra in extras if extra.startswith("-")]
            values = len(extras) - len(options)
            shown = " ".join(options)
            if values:
                shown += f"{' and ' if options else ''}{values} other value(s), not shown"
            message = f"unrecognized arguments: {shown}"
            if any("secret" in option.lower() for option in options):
                message += (
                    f". Secrets are never command-line arguments: set {SECRET_ENV}, or use "
                    "--secret-file PATH or --secret-stdin"
                )
            self.error(message)
        return parsed

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def exit(self, status: int = 0, message: Optional[str] = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


# --- argument types ---------------------------------------------------------------------


def _role(text: str) -> Role:
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
            f"expected 0, 1, participant or host, got {text!r:.40}"
        ) from None


def _credential_type(text: str) -> CredentialType:
    try:
        return CredentialType[text.strip().upper().replace("-", "_")]
    except KeyError:
        choices = ", ".join(_cli_name(c) for c in CredentialType)
        raise argparse.ArgumentTypeError(f"expected one of {choices}, got {text!r:.40}") from None


def _encoding(text: str) -> LegacyEncoding:
    try:
        return LegacyEncoding[text.strip().upper().replace("-", "_")]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"expected url-safe or standard, got {text!r:.40}"
        ) from None


def _now(text: str) -> Union[int, float, datetime]:
    """A Unix time (``1763900000``) or ISO-8601 with an offset (``2025-11-23T12:13:20Z``)."""
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
            f"expected a Unix time or ISO-8601 such as 2025-11-23T12:13:20+00:00, got {text!r:.40}"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r:.40} has no UTC offset, so the moment it means is a guess; add one, "
            "e.g. Z or +01:00"
        )
    return moment


def _geo_regions(text: str) -> list[str]:
    return [region.strip() for region in text.split(",")]


def _cli_name(credential: CredentialType) -> str:
    return credential.name.lower().replace("_", "-")


# --- the parser -------------------------------------------------------------------------


def _build_parser() -> _Parser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="zoomsig",
        description="Make Zoom SDK signatures, and say exactly why one is invalid.",
        epilog=_EPILOG,
        formatter_class=fmt,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"zoomsig {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    secret = _Parser(add_help=False, allow_abbrev=False)
    group = secret.add_argument_group("secret (never a command-line argument)")
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
    now = _Parser(add_help=False, allow_abbrev=False)
    now.add_argument(
        "--now",
        type=_now,
        metavar="TIME",
        help="the time to use instead of the clock: Unix seconds or ISO-8601 with an offset",
    )

    sign = commands.add_parser(
        "sign",
        help="make a signature",
        formatter_class=fmt,
        allow_abbrev=False,
        description="Make a signature and print it (with --json: as Zoom's auth endpoint does).",
        epilog=_EPILOG,
    )
    kinds = sign.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser)
    kinds.required = True

    def signer(
        name: str,
        help_text: str,
        key_option: str,
        default_credential: CredentialType,
    ) -> _Parser:
        sub = kinds.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[secret, now],
            formatter_class=fmt,
            allow_abbrev=False,
            epilog=_EPILOG,
        )
        sub.add_argument(
            key_option,
            dest="key",
            metavar="KEY",
            help=(
                "the JWT app's API key" if key_option == "--api-key" else "the SDK key / Client ID"
            )
            + f"; default: the {KEY_ENV} environment variable",
        )
        sub.add_argument(
            "--credential-type",
            type=_credential_type,
            default=default_credential,
            metavar="TYPE",
            help="where the key and secret come from: "
            f"{', '.join(_cli_name(c) for c in CredentialType)} (default: "
            f"{_cli_name(default_credential)}); zoomsig refuses types that cannot sign",
        )
        sub.add_argument(
            "--json",
            action="store_true",
            help='print {"signature": ..., "sdkKey": ..., "expiresAt": unix-seconds}',
        )
        return sub

    meeting = signer(
        "meeting",
        "Meeting SDK signature (Web with --meeting and --role; native without)",
        "--sdk-key",
        CredentialType.MEETING_SDK,
    )
    meeting.add_argument("--meeting", metavar="N", help="meeting number, digits only")
    meeting.add_argument("--role", type=_role, help="0/participant or 1/host")
    _add_lifetime(meeting)
    meeting.add_argument(
        "--video-webrtc-mode", type=int, choices=(0, 1), help="WebRTC video on (1) or off (0)"
    )

    video = signer("video", "Video SDK token", "--sdk-key", CredentialType.VIDEO_SDK)
    video.add_argument("--topic", required=True, help="session name, as passed to join()")
    video.add_argument("--role", type=_role, required=True, help="0/participant or 1/host")
    _add_lifetime(video)
    video.add_argument("--user-identity", metavar="ID", help="user id, at most 35 characters")
    video.add_argument("--session-key", metavar="KEY", help="session key, at most 36 characters")
    video.add_argument(
        "--geo-regions", type=_geo_regions, metavar="US,DE", help="comma-separated region codes"
    )
    video.add_argument(
        "--cloud-recording-option", type=int, choices=(0, 1), help="cloud_recording_option"
    )
    video.add_argument(
        "--cloud-recording-election", type=int, choices=(0, 1), help="cloud_recording_election"
    )
    video.add_argument("--telemetry-tracking-id", metavar="ID", help="telemetry_tracking_id")
    video.add_argument(
        "--video-webrtc-mode", type=int, choices=(0, 1), help="WebRTC video on (1) or off (0)"
    )
    video.add_argument(
        "--audio-webrtc-mode", type=int, choices=(0, 1), help="WebRTC audio on (1) or off (0)"
    )

    legacy = signer(
        "legacy",
        "legacy Web SDK signature (before Web SDK 2.7.0; JWT-app API key)",
        "--api-key",
        CredentialType.JWT_APP,
    )
    legacy.add_argument("--meeting", metavar="N", required=True, help="meeting number")
    legacy.add_argument("--role", type=_role, required=True, help="0/participant or 1/host")
    legacy.add_argument(
        "--encoding",
        type=_encoding,
        default=LegacyEncoding.URL_SAFE,
        metavar="ENC",
        help="outer base64: url-safe (default, no '=') or standard (with '=' padding)",
    )

    check = commands.add_parser(
        "check",
        help="diagnose a signature",
        parents=[secret, now],
        formatter_class=fmt,
        allow_abbrev=False,
        epilog=_EPILOG,
        description="Diagnose a signature: every mistake with its code and the fix. The "
        "HMAC is checked when a secret is available (not from standard input when the token "
        "comes from there). One trailing newline of a piped token is removed.",
    )
    check.add_argument(
        "token",
        nargs="?",
        default="-",
        metavar="TOKEN",
        help="the signature; '-' or nothing reads it from standard input",
    )
    check.add_argument("--meeting", metavar="N", help="the meeting number passed to join()")
    check.add_argument("--role", type=_role, help="the role expected: 0/participant or 1/host")
    check.add_argument(
        "--sdk-key",
        dest="key",
        metavar="KEY",
        help=f"the key expected; default: the {KEY_ENV} environment variable if set",
    )
    check.add_argument("--topic", help="the Video SDK session name passed to join()")
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    commands.add_parser(
        "demo",
        help="sign and check demo tokens with fake credentials",
        parents=[now],
        formatter_class=fmt,
        allow_abbrev=False,
        description="Sign Web, native, host and Video SDK tokens with built-in FAKE "
        "credentials, check them, then diagnose classic broken signatures.",
    )
    return parser


def _add_lifetime(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--expires-in",
        type=int,
        default=7200,
        metavar="SECONDS",
        help="lifetime, 1800 to 172800 (default 7200)",
    )
    sub.add_argument(
        "--clock-skew",
        type=int,
        default=30,
        metavar="SECONDS",
        help="backdate iat by this much (default 30; 0 matches Zoom's sample)",
    )


# --- inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Secret:
    value: str = field(repr=False)
    source: str


def _strip_one_newline(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n"):
        return text[:-1]
    return text


def _refuse_bom(text: str, source: str) -> str:
    if text.startswith("\ufeff"):
        raise _UsageError(
            f"the secret from {source} starts with a byte order mark (saved by Notepad?); "
            "save it as UTF-8 without BOM"
        )
    return text


def _read_stdin() -> str:
    stream = sys.stdin
    if stream is None:  # pythonw, or a closed descriptor
        return ""
    return stream.read()


def _stdin_is_terminal() -> bool:
    stream = sys.stdin
    return stream is not None and stream.isatty()


def _read_secret(args: argparse.Namespace, *, stdin_taken: bool = False) -> Optional[_Secret]:
    """The secret from --secret-file, --secret-stdin or the environment, or ``None``."""
    path: Optional[str] = args.secret_file
    if path is not None:
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            # The path is not echoed: people paste the secret itself after --secret-file.
            raise _UsageError(
                f"cannot read the file given to --secret-file: {exc.strerror or type(exc).__name__}"
            ) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _UsageError("the file given to --secret-file is not UTF-8 text") from None
        return _Secret(_refuse_bom(_strip_one_newline(text), "--secret-file"), "--secret-file")
    if args.secret_stdin:
        if stdin_taken:
            raise _UsageError(
                "--secret-stdin: standard input already holds the token; pass the token as "
                f"an argument, or the secret with {SECRET_ENV} or --secret-file"
            )
        if _stdin_is_terminal():
            return _Secret(getpass.getpass("Zoom SDK secret (not shown): "), "the prompt")
        return _Secret(_refuse_bom(_strip_one_newline(_read_stdin()), "stdin"), "stdin")
    if SECRET_ENV in os.environ:
        return _Secret(os.environ[SECRET_ENV], SECRET_ENV)
    return None


def _read_key(args: argparse.Namespace, option: str) -> tuple[Optional[str], str]:
    key: Optional[str] = args.key
    if key is not None:
        return key, option
    return os.environ.get(KEY_ENV), KEY_ENV


# --- output -----------------------------------------------------------------------------

_SGR = MappingProxyType(
    {"red": "31", "green": "32", "yellow": "33", "cyan": "36", "bold": "1", "dim": "2"}
)


class _Out:
    """Lines to one stream, in colour only when it is a terminal and NO_COLOR is unset."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        isatty = getattr(stream, "isatty", None)
        self.colour = bool(isatty and isatty()) and not os.environ.get("NO_COLOR")

    def paint(self, text: str, *styles: str) -> str:
        if not self.colour or not styles:
            return text
        codes = ";".join(_SGR[style] for style in styles)
        return f"\033[{codes}m{text}\033[0m"

    def line(self, text: str = "") -> None:
        try:
            self.stream.write(text + "\n")
        except UnicodeEncodeError:  # a console or pipe that cannot show '…' or '→'
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write((text + "\n").encode(encoding, "replace").decode(encoding))


def _safe(text: str) -> str:
    """``text`` with control characters escaped: tokens and claims may hold terminal codes."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _preview(token: str) -> str:
    """The first few characters of a token: never the whole thing."""
    return _safe(token[: min(_PREVIEW, len(token) // 3)]) + "…"


def _iso(unix: float) -> str:
    return datetime.fromtimestamp(math.floor(unix), timezone.utc).isoformat()


def _relative(seconds: float) -> str:
    """``in 2 h`` / ``5 min ago``: a rough distance in time for people."""
    size = abs(seconds)
    if size < 90:
        text = f"{round(size)} s"
    elif size < 90 * 60:
        text = f"{round(size / 60)} min"
    elif size < 48 * 3600:
        text = f"{size / 3600:.1f}".rstrip("0").rstrip(".") + " h"
    else:
        text = f"{size / 86400:.1f}".rstrip("0").rstrip(".") + " d"
    return f"in {text}" if seconds >= 0 else f"{text} ago"


def _when(unix: float, now: float) -> str:
    return f"{_iso(unix)} ({_relative(unix - now)})"


_TIME_CLAIMS = frozenset({"iat", "exp", "tokenExp"})


def _claim_lines(claims: Mapping[str, object], now: float) -> list[str]:
    names = {name: _safe(name) for name in claims}
    width = min(max((len(name) for name in names.values()), default=0), 20)
    lines: list[str] = []
    for name, value in claims.items():
        text = json.dumps(value, ensure_ascii=False)
        if len(text) > 60:
            text = text[:59] + "…"
        if (
            name in _TIME_CLAIMS
            and isinstance(value, int)
            and not isinstance(value, bool)
            and 0 <= value < 10**11
        ):
            text += f"  = {_when(value, now)}"
        lines.append(f"{names[name]:<{width}}  {text}")
    return lines


def _decode_payload(token: str) -> dict[str, object]:
    """The claims of a JWT this module just signed."""
    raw = _jws.b64url_decode(token.split(".")[1])
    if raw is None:  # pragma: no cover - the signers make base64url
        raise AssertionError("the signer made a payload that is not base64url")
    claims: dict[str, object] = json.loads(raw)
    return claims


_SEVERITY_STYLE = MappingProxyType(
    {
        Severity.ERROR: ("red", "bold"),
        Severity.WARNING: ("yellow",),
        Severity.INFO: ("cyan",),
    }
)
_KIND_NAMES = MappingProxyType(
    {
        TokenKind.MEETING_SDK: "Meeting SDK signature",
        TokenKind.VIDEO_SDK: "Video SDK token",
        TokenKind.LEGACY_WEB_SDK: "legacy Web SDK signature",
        TokenKind.UNKNOWN: "not recognised as any Zoom signature",
    }
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _verdict(out: _Out, report: Report) -> str:
    verdict = out.paint("OK", "green", "bold") if report.ok else out.paint("INVALID", "red", "bold")
    counts = f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}"
    return f"{verdict}: {_KIND_NAMES[report.kind]}; {counts}"


def _mac_text(report: Report, secret: Optional[_Secret]) -> str:
    if secret is None:
        return f"not checked (no secret: set {SECRET_ENV} or pass --secret-file / --secret-stdin)"
    if report.signature_verified is None:
        return "not checked (the token could not be read far enough)"
    if report.signature_verified:
        return f"matches the secret from {secret.source}"
    return f"does NOT match the secret from {secret.source}"


def _finding_lines(out: _Out, report: Report, indent: str) -> list[str]:
    lines: list[str] = []
    for finding in report.findings:
        label = out.paint(
            f"{finding.severity.value.lower():<8}", *_SEVERITY_STYLE[finding.severity]
        )
        where = f" [{_safe(finding.claim)}]" if finding.claim else ""
        lines.append(f"{indent}{label} {out.paint(finding.code.value, 'bold')}{where}")
        lines.append(f"{indent}         {_safe(finding.message)}")
        lines.append(f"{indent}         {out.paint('fix:', 'dim')} {finding.fix}")
    return lines


def _field(out: _Out, label: str, text: str) -> str:
    return f"{out.paint(f'{label:<10}', 'bold')}{text}"


# --- commands ---------------------------------------------------------------------------


def _library_error(exc: InvalidParameterError, options: Mapping[str, str]) -> _UsageError:
    """A signer's or checker's refusal, pointing at the option or source it came from."""
    where = options.get(exc.parameter)
    if not where:
        return _UsageError(str(exc))
    rest = str(exc).removeprefix(f"{exc.parameter}: ")
    return _UsageError(f"{exc.parameter} ({where}): {rest}")


def _secret_origin(secret: _Secret) -> str:
    if secret.source in ("--secret-file", "stdin"):
        return f"from {secret.source}, after removing one trailing newline"
    return f"from {secret.source}"


def _sign(args: argparse.Namespace, out: _Out) -> int:
    kind: str = args.kind
    key_option = "--api-key" if kind == "legacy" else "--sdk-key"
    key, key_source = _read_key(args, key_option)
    if key is None:
        raise _UsageError(f"no key: pass {key_option} KEY or set {KEY_ENV}")
    secret = _read_secret(args)
    if secret is None:
        raise _UsageError(
            f"no secret: set {SECRET_ENV}, or pass --secret-file PATH or --secret-stdin "
            "(secrets are never command-line arguments)"
        )
    options = {
        "sdk_key": key_source,
        "api_key": key_source,
        "sdk_secret": _secret_origin(secret),
        "api_secret": _secret_origin(secret),
        "meeting_number": "--meeting",
        "role": "--role",
        "expires_in": "--expires-in",
        "clock_skew": "--clock-skew",
        "now": "--now",
        "topic": "--topic",
        "user_identity": "--user-identity",
        "session_key": "--session-key",
        "geo_regions": "--geo-regions",
        "telemetry_tracking_id": "--telemetry-tracking-id",
        "credential_type": "--credential-type",
    }
    try:
        if kind == "meeting":
            token = sign_meeting_sdk(
                sdk_key=key,
                sdk_secret=secret.value,
                meeting_number=args.meeting,
                role=args.role,
                expires_in=args.expires_in,
                now=args.now,
                clock_skew=args.clock_skew,
                video_webrtc_mode=args.video_webrtc_mode,
                credential_type=args.credential_type,
            )
        elif kind == "video":
            token = sign_video_sdk(
                sdk_key=key,
                sdk_secret=secret.value,
                topic=args.topic,
                role=args.role,
                expires_in=args.expires_in,
                now=args.now,
                clock_skew=args.clock_skew,
                user_identity=args.user_identity,
                session_key=args.session_key,
                geo_regions=args.geo_regions,
                cloud_recording_option=args.cloud_recording_option,
                cloud_recording_election=args.cloud_recording_election,
                telemetry_tracking_id=args.telemetry_tracking_id,
                video_webrtc_mode=args.video_webrtc_mode,
                audio_webrtc_mode=args.audio_webrtc_mode,
                credential_type=args.credential_type,
            )
        else:
            token = sign_legacy_web_sdk(
                api_key=key,
                api_secret=secret.value,
                meeting_number=args.meeting,
                role=args.role,
                now=args.now,
                credential_type=args.credential_type,
                encoding=args.encoding,
            )
    except InvalidParameterError as exc:
        raise _library_error(exc, options) from None
    if not args.json:
        out.line(token)
        return EXIT_OK
    expires_at: Optional[object] = None
    if kind != "legacy":
        expires_at = _decode_payload(token).get("exp")
    out.line(json.dumps({"signature": token, "sdkKey": key, "expiresAt": expires_at}, indent=2))
    return EXIT_OK


def _unix(now: Now) -> float:
    if now is None:
        return time.time()
    if isinstance(now, datetime):
        return now.timestamp()
    return float(now)


def _check(args: argparse.Namespace, out: _Out) -> int:
    token_arg: str = args.token
    from_stdin = token_arg == "-"
    if from_stdin:
        if _stdin_is_terminal():
            raise _UsageError(
                "no token: pass it as an argument, or pipe it in (zoomsig check < token.txt)"
            )
        token = _strip_one_newline(_read_stdin())
    else:
        token = token_arg
    secret = _read_secret(args, stdin_taken=from_stdin)
    key, key_source = _read_key(args, "--sdk-key")
    now: Now = args.now
    moment = _unix(now)  # read the clock once, for the check and for "in 2 h"
    options = {
        "secret": _secret_origin(secret) if secret else "",
        "sdk_key": key_source,
        "meeting_number": "--meeting",
        "role": "--role",
        "topic": "--topic",
        "now": "--now",
    }
    try:
        report = decode_and_validate(
            token,
            secret=None if secret is None else secret.value,
            sdk_key=key,
            meeting_number=args.meeting,
            role=args.role,
            topic=args.topic,
            now=moment if now is None else now,
        )
    except InvalidParameterError as exc:
        raise _library_error(exc, options) from None
    status = EXIT_OK if report.ok else EXIT_INVALID
    if args.json:
        out.line(json.dumps(report.to_dict(), indent=2, sort_keys=False))
        return status

    source = "standard input" if from_stdin else "the argument"
    out.line(_field(out, "Token", f"{_preview(token)} ({len(token)} characters, from {source})"))
    out.line(_field(out, "Verdict", _verdict(out, report)))
    out.line(_field(out, "HMAC", _mac_text(report, secret)))
    compared = [f"meeting {args.meeting}"] if args.meeting is not None else []
    if args.role is not None:
        compared.append(f"role {int(args.role)}")
    if key is not None:
        compared.append(f"key from {key_source}")
    if args.topic is not None:
        compared.append(f"topic {args.topic!r}")
    out.line(
        _field(
            out,
            "Expected",
            ", ".join(compared)
            if compared
            else "nothing given (add --meeting, --role, --sdk-key or --topic to compare)",
        )
    )
    if report.expires_at is not None:
        out.line(_field(out, "Expires", _when(report.expires_at.timestamp(), moment)))
    if report.header:
        out.line(_field(out, "Header", json.dumps(dict(report.header), ensure_ascii=False)))
    if report.claims:
        first, *rest = _claim_lines(report.claims, moment)
        out.line(_field(out, "Claims", first))
        for text in rest:
            out.line(" " * 10 + text)
    if report.findings:
        out.line(out.paint("Findings", "bold"))
        for text in _finding_lines(out, report, "  "):
            out.line(text)
    else:
        out.line(_field(out, "Findings", "none"))
    return status


# --- demo -------------------------------------------------------------------------------


def _b64_std(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _btoa_token(payload: dict[str, object], secret: str) -> str:
    """A JWT made with standard base64 (``btoa``) and ``=`` padding: a classic mistake."""
    header = _b64_std(b'{"alg":"HS256","typ":"JWT"}')
    body = _b64_std(json.dumps(payload, separators=(",", ":")).encode())
    message = f"{header}.{body}"
    return f"{message}.{_b64_std(_jws.hs256(secret.encode(), message.encode()))}"


def _broken_demo_tokens(now: float) -> list[tuple[str, str, str]]:
    """``(title, what the code did, token)`` for each classic mistake, built from scratch."""
    key, secret = DEMO_SDK_KEY, DEMO_SDK_SECRET
    iat = math.floor(now) - 30
    base: dict[str, object] = {
        "appKey": key,
        "sdkKey": key,
        "mn": DEMO_MEETING_NUMBER,
        "role": 0,
        "iat": iat,
        "exp": iat + 7200,
        "tokenExp": iat + 7200,
    }

    def jwt(claims: dict[str, object], with_secret: str = secret) -> str:
        return _jws.sign(claims, with_secret.encode())

    no_role = {name: value for name, value in base.items() if name != "role"}
    wrong_claim = {
        ("meetingNumber" if name == "mn" else name): value for name, value in base.items()
    }
    millis = dict(base, iat=iat * 1000, exp=(iat + 7200) * 1000, tokenExp=(iat + 7200) * 1000)
    # Standard base64 has '+' only in some tokens: move iat by a few seconds until the
    # btoa token holds one, so the "+ became a space" case has something to break.
    for backdate in range(1000):
        btoa = _btoa_token(dict(base, iat=iat - backdate), secret)
        if "+" in btoa:
            break
    else:  # pragma: no cover - the odds of 1000 tokens without '+' are about 2**-600
        raise AssertionError("no standard-base64 token with '+' found")
    return [
        (
            "role missing",
            "the payload has mn but no role (the #1 cause on Zoom's forum)",
            jwt(no_role),
        ),
        (
            "meetingNumber instead of mn",
            "the meeting number went into a claim Zoom ignores",
            jwt(wrong_claim),
        ),
        ("iat in milliseconds", "Date.now() used without dividing by 1000", jwt(millis)),
        (
            "btoa standard base64",
            "the parts were encoded with btoa(): '+', '/' and '=' padding",
            btoa,
        ),
        (
            "'+' turned into a space",
            "the token went through a URL query string unencoded",
            btoa.replace("+", " "),
        ),
        (
            "secret with a trailing newline",
            "the secret was read from a file with its newline",
            jwt(base, secret + "\n"),
        ),
    ]


class _DemoCase(NamedTuple):
    title: str
    call: str
    token: str
    key: str
    secret: str
    meeting_number: Optional[str] = None
    role: Optional[Role] = None
    topic: Optional[str] = None


def _good_demo_cases(now: float) -> list[_DemoCase]:
    key, secret, mn = DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER
    return [
        _DemoCase(
            "Meeting SDK, Web/Web component, participant",
            f'sign_meeting_sdk(meeting_number="{mn}", role=Role.PARTICIPANT)',
            sign_meeting_sdk(
                sdk_key=key, sdk_secret=secret, meeting_number=mn, role=Role.PARTICIPANT, now=now
            ),
            key,
            secret,
            mn,
            Role.PARTICIPANT,
        ),
        _DemoCase(
            "Meeting SDK, native (Android, iOS, macOS, Windows)",
            "sign_meeting_sdk()  # no meeting number, no role",
            sign_meeting_sdk(sdk_key=key, sdk_secret=secret, now=now),
            key,
            secret,
        ),
        _DemoCase(
            "Meeting SDK, Web, host",
            f'sign_meeting_sdk(meeting_number="{mn}", role=Role.HOST)',
            sign_meeting_sdk(
                sdk_key=key, sdk_secret=secret, meeting_number=mn, role=Role.HOST, now=now
            ),
            key,
            secret,
            mn,
            Role.HOST,
        ),
        _DemoCase(
            "Video SDK, session host (Video SDK credentials are a different key and secret)",
            f'sign_video_sdk(topic="{DEMO_TOPIC}", role=Role.HOST)',
            sign_video_sdk(
                sdk_key=DEMO_VIDEO_KEY,
                sdk_secret=DEMO_VIDEO_SECRET,
                topic=DEMO_TOPIC,
                role=Role.HOST,
                now=now,
            ),
            DEMO_VIDEO_KEY,
            DEMO_VIDEO_SECRET,
            topic=DEMO_TOPIC,
        ),
    ]


def _demo(args: argparse.Namespace, out: _Out) -> int:
    now = _unix(args.now)  # the clock, read once
    out.line(
        f"{out.paint('zoomsig demo', 'bold')}: signing and checking with built-in FAKE credentials"
    )
    out.line("(fake, so safe to show here; never print a real secret). Nothing talks to Zoom.")
    out.line(f"  Meeting SDK key {DEMO_SDK_KEY}  secret {DEMO_SDK_SECRET}")
    out.line(f"  Video SDK key   {DEMO_VIDEO_KEY}  secret {DEMO_VIDEO_SECRET}")
    out.line(f"  now             {_iso(now)}")
    failures = 0
    for number, case in enumerate(_good_demo_cases(now), 1):
        out.line()
        out.line(out.paint(f"{number}. {case.title}", "bold"))
        out.line(f"   {case.call}")
        out.line(f"   token    {_preview(case.token)} ({len(case.token)} characters)")
        claims = _decode_payload(case.token)
        first, *rest = _claim_lines(claims, now)
        out.line(f"   claims   {first}")
        for text in rest:
            out.line(f"            {text}")
        report = decode_and_validate(
            case.token,
            secret=case.secret,
            sdk_key=case.key,
            now=now,
            meeting_number=case.meeting_number,
            role=case.role,
            topic=case.topic,
        )
        if report.expires_at is not None:
            out.line(f"   expires  {_when(report.expires_at.timestamp(), now)}")
        out.line(f"   check    {_verdict(out, report)}")
        out.line(f"   HMAC     {_mac_text(report, _Secret(case.secret, 'the demo credentials'))}")
        for text in _finding_lines(out, report, "   "):
            out.line(text)
        failures += not report.ok

    out.line()
    out.line(out.paint("Classic broken signatures, and what zoomsig says about them", "bold"))
    out.line(f"(each checked as for meeting {DEMO_MEETING_NUMBER}, role 0, with the demo secret)")
    for letter, (title, what, token) in zip("abcdefghij", _broken_demo_tokens(now)):
        out.line()
        out.line(out.paint(f"{letter}. {title}", "bold") + f": {what}")
        out.line(f"   token    {_preview(token)} ({len(token)} characters)")
        report = decode_and_validate(
            token,
            secret=DEMO_SDK_SECRET,
            sdk_key=DEMO_SDK_KEY,
            meeting_number=DEMO_MEETING_NUMBER,
            role=Role.PARTICIPANT,
            now=now,
        )
        out.line(f"   check    {_verdict(out, report)}")
        for text in _finding_lines(out, report, "   "):
            out.line(text)
        failures += report.ok  # a broken signature that passes would be a zoomsig bug

    out.line()
    out.line("Next: zoomsig sign meeting --help, zoomsig check --help, and the docs.")
    return EXIT_INVALID if failures else EXIT_OK


# --- entry point ------------------------------------------------------------------------


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``zoomsig`` with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except _Exit as exc:  # --help, --version and usage errors
        return exc.status
    out = _Out(sys.stdout)
    command: str = args.command
    try:
        if command == "sign":
            return _sign(args, out)
        if command == "check":
            return _check(args, out)
        return _demo(args, out)
    except _UsageError as exc:
        _Out(sys.stderr).line(f"zoomsig: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`zoomsig demo | head`): not our error
        with contextlib.suppress(OSError, ValueError):
            descriptor = sys.stdout.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, descriptor)  # so that Python's flush at exit fails no more
            os.close(devnull)
        return EXIT_INVALID
