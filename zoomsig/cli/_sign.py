"""``zoomsig sign meeting|video|legacy|cobrowse|video-api``: make a signature and print it."""

from __future__ import annotations

import argparse

from zoomsig._enums import CobrowseRole, CredentialType, LegacyEncoding
from zoomsig._registry import (
    COBROWSE_SDK_CLAIMS,
    LIFETIME,
    MEETING_SDK_CLAIMS,
    VIDEO_SDK_API_CLAIMS,
    VIDEO_SDK_CLAIMS,
    FieldKind,
)
from zoomsig.cli import _args
from zoomsig.cli._args import EXIT_OK, KEY_ENV, SECRET_ENV, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Optional, TypedDict

    from zoomsig._errors import InvalidParameterError
    from zoomsig._time import Now
    from zoomsig.cli._output import Out

    class _SdkOptions(TypedDict):
        """The arguments ``sign meeting`` and ``sign video`` pass alike."""

        sdk_key: str
        sdk_secret: str
        expires_in: int
        now: Now
        clock_skew: int
        video_webrtc_mode: Optional[int]
        credential_type: CredentialType


EPILOG = f"""\
examples:
  export {KEY_ENV}=... {SECRET_ENV}=...   # or --secret-file PATH
  zoomsig sign meeting --meeting 85746065432 --role 0
  zoomsig sign meeting --meeting 85746065432 \\
      --role host --expires-in 3600 --json
  zoomsig sign meeting          # native SDK: no meeting, no role
  zoomsig sign video --topic my-session --role 1
  zoomsig sign legacy --meeting 85746065432 --role 0
  zoomsig sign cobrowse --role customer --user-id user123 --user-name Ekaansh
  zoomsig sign video-api --api-key KEY   # secret: the Video SDK API secret

{_args.SECRET_RULES}
{_args.EXIT_RULES}"""


def register(subparsers: _args.Subparsers) -> None:
    """Add ``sign`` and its three kinds."""
    sign = _args.add_command(
        subparsers,
        "sign",
        help="make a signature",
        description="Make a signature and print it (with --json: as Zoom's auth endpoint does).",
        epilog=EPILOG,
    )
    kinds = sign.add_subparsers(dest="kind", metavar="KIND", parser_class=_args.Parser)
    parents = (_args.secret_options(), _args.now_option())

    def signer(name: str, text: str, key_option: str, default: CredentialType) -> _args.Parser:
        sub = _args.add_command(
            kinds, name, help=text, description=text, epilog=EPILOG, parents=parents, run=run
        )
        key_help = "the JWT app's API key" if key_option == "--api-key" else "the SDK key"
        sub.add_argument(
            key_option,
            dest="key",
            metavar="KEY",
            help=f"{key_help} / Client ID; default: the {KEY_ENV} environment variable",
        )
        sub.add_argument(
            "--credential-type",
            type=_args.credential_type,
            default=default,
            metavar="TYPE",
            help="where the key and secret come from: "
            f"{', '.join(_args.cli_name(c) for c in CredentialType)} (default: "
            f"{_args.cli_name(default)}); zoomsig refuses types that cannot sign",
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
    meeting.add_argument("--role", type=_args.role, help="0/participant or 1/host")
    _add_lifetime(meeting)
    meeting.add_argument(
        "--video-webrtc-mode", type=int, choices=(0, 1), help="WebRTC video on (1) or off (0)"
    )

    video = signer("video", "Video SDK token", "--sdk-key", CredentialType.VIDEO_SDK)
    video.add_argument("--topic", required=True, help="session name, as passed to join()")
    video.add_argument("--role", type=_args.role, required=True, help="0/participant or 1/host")
    _add_lifetime(video)
    _add_video_options(video)
    _register_other_tokens(kinds)

    legacy = signer(
        "legacy",
        "legacy Web SDK signature (before Web SDK 2.7.0; JWT-app API key)",
        "--api-key",
        CredentialType.JWT_APP,
    )
    legacy.add_argument("--meeting", metavar="N", required=True, help="meeting number")
    legacy.add_argument("--role", type=_args.role, required=True, help="0/participant or 1/host")
    legacy.add_argument(
        "--encoding",
        type=_args.encoding,
        default=LegacyEncoding.URL_SAFE,
        metavar="ENC",
        help="outer base64: url-safe (default, no '=') or standard (with '=' padding)",
    )


def cobrowse_role(text: str) -> CobrowseRole:
    """``--role`` of ``sign cobrowse``: 1/customer or 2/agent."""
    customer, agent = CobrowseRole.CUSTOMER, CobrowseRole.AGENT
    names = {"1": customer, "customer": customer, "2": agent, "agent": agent}
    try:
        return names[text.strip().lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"expected 1, 2, customer or agent, got {_args.shown(text)}"
        ) from None


def _register_other_tokens(kinds: _args.Subparsers) -> None:
    """``sign cobrowse`` and ``sign video-api``: no credential type, a ``token`` answer."""
    parents = (_args.secret_options(), _args.now_option())
    json_help = 'print {"token": ..., "expiresAt": unix-seconds}'
    for name, text, key_help in (
        ("cobrowse", "Cobrowse SDK token (customer SDK_TOKEN or agent ACCESS_TOKEN)", "SDK key"),
        ("video-api", "Video SDK REST API token ({iss, iat, exp}; API key and secret)", "API key"),
    ):
        sub = _args.add_command(
            kinds, name, help=text, description=text, epilog=EPILOG, parents=parents, run=run
        )
        option = "--sdk-key" if name == "cobrowse" else "--api-key"
        sub.add_argument(
            option, dest="key", metavar="KEY", help=f"the {key_help}; default: {KEY_ENV}"
        )
        sub.add_argument("--json", action="store_true", help=json_help)
        if name == "video-api":
            _add_lifetime(sub, default=1800, low=60)
            continue
        sub.add_argument("--role", type=cobrowse_role, required=True, help="1/customer or 2/agent")
        for row in COBROWSE_SDK_CLAIMS.values():
            if row.kind is FieldKind.TEXT and row.flag is not None:
                sub.add_argument(
                    row.flag, required=row.required, metavar="TEXT", help=f"{row.claim}, at most "
                    f"{row.limit} characters"
                )  # fmt: skip
        sub.add_argument("--enable-byop", type=int, choices=(0, 1), help="enable_byop: 1 or 0")
        _add_lifetime(sub)


def _add_lifetime(sub: argparse.ArgumentParser, default: int = 7200, low: int = 1800) -> None:
    sub.add_argument(
        "--expires-in",
        type=int,
        default=default,
        metavar="SECONDS",
        help=f"lifetime, {low} to 172800 (default {default})",
    )
    sub.add_argument(
        "--clock-skew",
        type=int,
        default=30,
        metavar="SECONDS",
        help="backdate iat by this much (default 30; 0 matches Zoom's sample)",
    )


def library_error(exc: InvalidParameterError, options: Mapping[str, str]) -> UsageError:
    """A signer's or checker's refusal, pointing at the option or source it came from."""
    where = options.get(exc.parameter)
    if not where:
        return UsageError(cli_words(str(exc)))
    return UsageError(f"{exc.parameter} ({where}): {cli_words(exc.reason)}")


def cli_words(text: str) -> str:
    """``text`` with the library's ``CredentialType.MEETING_SDK`` as the user types it.

    That is ``meeting-sdk``, the spelling of ``--credential-type``.
    """
    import re  # noqa: PLC0415 - only for a refusal

    def spell(match: re.Match[str]) -> str:
        credential = CredentialType.__members__.get(match.group(1))
        return match.group(0) if credential is None else _args.cli_name(credential)

    return re.sub(r"\bCredentialType\.([A-Z_]+)\b", spell, text)


def _add_video_options(video: _args.Parser) -> None:
    """The optional Video SDK claims, one option per row of the registry."""
    for row in VIDEO_SDK_CLAIMS.values():
        if row.flag is None or row.required or row.parameter == "sdk_key":
            continue
        if row.kind is FieldKind.TEXT:
            video.add_argument(
                row.flag,
                metavar="TEXT",
                help=f"{row.claim}, at most {row.limit} characters (UTF-16 code units)",
            )
        elif row.kind is FieldKind.FLAG:
            values = tuple(range((row.limit or 1) + 1))
            shown = " or ".join(str(value) for value in reversed(values))
            video.add_argument(row.flag, type=int, choices=values, help=f"{row.claim}: {shown}")
        else:  # the region list
            video.add_argument(
                row.flag, type=_args.geo_regions, metavar="US,DE", help="comma-separated regions"
            )


def _flags() -> dict[str, str]:
    """Each signer keyword and the option that sets it, from the registry."""
    rows = (
        *MEETING_SDK_CLAIMS.values(),
        *VIDEO_SDK_CLAIMS.values(),
        *COBROWSE_SDK_CLAIMS.values(),
        *VIDEO_SDK_API_CLAIMS.values(),
        LIFETIME,
    )
    return {row.parameter: row.flag for row in rows if row.parameter and row.flag}


def run(args: argparse.Namespace, out: Out) -> int:
    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415 - see _args
    from zoomsig.cli._secrets import read_key, read_secret  # noqa: PLC0415

    kind: str = args.kind
    key_option = "--api-key" if kind in ("legacy", "video-api") else "--sdk-key"
    key, key_source = read_key(args, key_option)
    if key is None:
        raise UsageError(f"no key: pass {key_option} KEY or set {KEY_ENV}")
    secret = read_secret(args)
    if secret is None:
        raise UsageError(
            f"no secret: set {SECRET_ENV}, or pass --secret-file PATH or --secret-stdin "
            "(secrets are never command-line arguments)"
        )
    options = {
        **_flags(),
        "sdk_key": key_source,
        "api_key": key_source,
        "sdk_secret": secret.origin(),
        "api_secret": secret.origin(),
        "clock_skew": "--clock-skew",
        "credential_type": "--credential-type",
    }
    try:
        token = _sign(args, key, secret.value)
    except InvalidParameterError as exc:
        raise library_error(exc, options) from None
    if not args.json:
        out.line(token)
        return EXIT_OK
    import json  # noqa: PLC0415

    expires_at: Optional[object] = None
    if kind != "legacy":
        from zoomsig import _jws  # noqa: PLC0415

        payload = _jws.b64url_decode(token.split(".")[1])
        expires_at = json.loads(payload or b"{}").get("exp")
    if kind in ("cobrowse", "video-api"):  # the Cobrowse sample answers {"token": ...}
        out.json({"token": token, "expiresAt": expires_at})
    else:
        out.json({"signature": token, "sdkKey": key, "expiresAt": expires_at})
    return EXIT_OK


def _sign_other(args: argparse.Namespace, key: str, secret: str) -> str:
    """``sign cobrowse`` and ``sign video-api``."""
    if args.kind == "video-api":
        from zoomsig.video_sdk_api import sign_video_sdk_api  # noqa: PLC0415

        return sign_video_sdk_api(
            api_key=key,
            api_secret=secret,
            expires_in=args.expires_in,
            now=args.now,
            clock_skew=args.clock_skew,
        )
    from zoomsig.cobrowse import sign_cobrowse_sdk  # noqa: PLC0415

    return sign_cobrowse_sdk(
        sdk_key=key,
        sdk_secret=secret,
        role=args.role,
        user_id=args.user_id,
        user_name=args.user_name,
        expires_in=args.expires_in,
        now=args.now,
        clock_skew=args.clock_skew,
        enable_byop=args.enable_byop,
    )


def _sign(args: argparse.Namespace, key: str, secret: str) -> str:
    if args.kind in ("cobrowse", "video-api"):
        return _sign_other(args, key, secret)
    if args.kind == "legacy":
        from zoomsig.legacy import sign_legacy_web_sdk  # noqa: PLC0415

        return sign_legacy_web_sdk(
            api_key=key,
            api_secret=secret,
            meeting_number=args.meeting,
            role=args.role,
            now=args.now,
            credential_type=args.credential_type,
            encoding=args.encoding,
        )
    common: _SdkOptions = {
        "sdk_key": key,
        "sdk_secret": secret,
        "expires_in": args.expires_in,
        "now": args.now,
        "clock_skew": args.clock_skew,
        "video_webrtc_mode": args.video_webrtc_mode,
        "credential_type": args.credential_type,
    }
    if args.kind == "meeting":
        from zoomsig.meeting_sdk import sign_meeting_sdk  # noqa: PLC0415

        return sign_meeting_sdk(**common, meeting_number=args.meeting, role=args.role)
    from zoomsig.video_sdk import sign_video_sdk  # noqa: PLC0415

    return sign_video_sdk(
        **common,
        topic=args.topic,
        role=args.role,
        user_identity=args.user_identity,
        session_key=args.session_key,
        geo_regions=args.geo_regions,
        cloud_recording_option=args.cloud_recording_option,
        cloud_recording_election=args.cloud_recording_election,
        telemetry_tracking_id=args.telemetry_tracking_id,
        audio_webrtc_mode=args.audio_webrtc_mode,
        cloud_recording_transcript_option=args.cloud_recording_transcript_option,
    )
