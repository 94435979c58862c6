"""``zoomsig demo``: sign and check tokens with built-in FAKE credentials, then break some."""

from __future__ import annotations

from zoomsig.cli import _args
from zoomsig.cli._args import EXIT_INVALID, EXIT_OK

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Optional

    from zoomsig._enums import Role
    from zoomsig._time import Now
    from zoomsig.cli._output import Out

DEMO_SDK_KEY = "DEMO-KEY-not-a-real-zoom-key"
"""The demo's fake Meeting SDK key. Fake, so it may be printed."""
DEMO_SDK_SECRET = "demo-secret-not-real-0123456789ab"
"""The demo's fake Meeting SDK secret. Fake, so it may be printed; a real one never is."""
DEMO_VIDEO_KEY = "DEMO-VIDEO-KEY-not-a-real-key"
DEMO_VIDEO_SECRET = "demo-video-secret-not-real-98765"
DEMO_MEETING_NUMBER = "85746065432"
DEMO_TOPIC = "zoomsig-demo-session"


def register(subparsers: _args.Subparsers) -> None:
    """Add ``demo``."""
    demo = _args.add_command(
        subparsers,
        "demo",
        help="sign and check demo tokens with fake credentials",
        parents=[_args.now_option()],
        description="Sign Web, native, host and Video SDK tokens with built-in FAKE\n"
        "credentials, check them, then diagnose classic broken signatures.",
        epilog="example:\n  zoomsig demo | less -R\n",
        run=run,
    )
    _args.add_color(demo)
    demo.set_defaults(json=False)


def _b64_std(data: bytes) -> str:
    import base64  # noqa: PLC0415

    return base64.b64encode(data).decode("ascii")


def btoa_token(payload: dict[str, object], secret: str) -> str:
    """A JWT made with standard base64 (``btoa``) and ``=`` padding: a classic mistake."""
    import json  # noqa: PLC0415

    from zoomsig import _jws  # noqa: PLC0415

    header = _b64_std(b'{"alg":"HS256","typ":"JWT"}')
    body = _b64_std(json.dumps(payload, separators=(",", ":")).encode())
    message = f"{header}.{body}"
    return f"{message}.{_b64_std(_jws.hs256(secret.encode(), message.encode()))}"


def broken_demo_tokens(now: float) -> list[tuple[str, str, str]]:
    """``(title, what the code did, token)`` for each classic mistake, built from scratch."""
    import math  # noqa: PLC0415

    from zoomsig import _jws  # noqa: PLC0415

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
        btoa = btoa_token(dict(base, iat=iat - backdate), secret)
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


class DemoCase:
    """One good token of the demo and what to check it against."""

    def __init__(  # noqa: PLR0917 - a plain record
        self,
        title: str,
        call: str,
        token: str,
        key: str,
        secret: str,
        meeting_number: Optional[str] = None,
        role: Optional[Role] = None,
        topic: Optional[str] = None,
    ) -> None:
        self.title, self.call, self.token = title, call, token
        self.key, self.secret = key, secret
        self.meeting_number, self.role, self.topic = meeting_number, role, topic


def good_demo_cases(now: float) -> list[DemoCase]:
    from zoomsig._enums import Role  # noqa: PLC0415
    from zoomsig.meeting_sdk import sign_meeting_sdk  # noqa: PLC0415
    from zoomsig.video_sdk import sign_video_sdk  # noqa: PLC0415

    key, secret, mn = DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER
    return [
        DemoCase(
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
        DemoCase(
            "Meeting SDK, native (Android, iOS, macOS, Windows)",
            "sign_meeting_sdk()  # no meeting number, no role",
            sign_meeting_sdk(sdk_key=key, sdk_secret=secret, now=now),
            key,
            secret,
        ),
        DemoCase(
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
        DemoCase(
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


def moment(now: Now) -> float:
    """``--now`` as a Unix time, refused as every signer refuses it (a usage error), or the
    clock: the demo prints it as a date before anything signs with it."""
    from zoomsig._errors import InvalidParameterError  # noqa: PLC0415
    from zoomsig._time import resolve_now  # noqa: PLC0415
    from zoomsig.cli._sign import library_error  # noqa: PLC0415

    try:
        return resolve_now(now)
    except InvalidParameterError as exc:
        raise library_error(exc, {"now": "--now"}) from None


def run(args: argparse.Namespace, out: Out) -> int:
    import json  # noqa: PLC0415

    from zoomsig import _jws, diagnose  # noqa: PLC0415
    from zoomsig._enums import Role  # noqa: PLC0415
    from zoomsig.cli._check import mac_text  # noqa: PLC0415
    from zoomsig.cli._output import claim_lines, finding_lines, iso, preview, verdict, when  # noqa: PLC0415
    from zoomsig.cli._secrets import Secret  # noqa: PLC0415

    now = moment(args.now)  # the clock, read once
    out.line(
        f"{out.paint('zoomsig demo', 'bold')}: signing and checking with built-in FAKE credentials"
    )
    out.line("(fake, so safe to show here; never print a real secret). Nothing talks to Zoom.")
    out.line(f"  Meeting SDK key {DEMO_SDK_KEY}  secret {DEMO_SDK_SECRET}")
    out.line(f"  Video SDK key   {DEMO_VIDEO_KEY}  secret {DEMO_VIDEO_SECRET}")
    out.line(f"  now             {iso(now)}")
    failures = 0
    for number, case in enumerate(good_demo_cases(now), 1):
        out.line()
        out.line(out.paint(f"{number}. {case.title}", "bold"))
        out.line(f"   {case.call}")
        out.line(f"   token    {preview(case.token)} ({len(case.token)} characters)")
        claims = json.loads(_jws.b64url_decode(case.token.split(".")[1]) or b"{}")
        first, *rest = claim_lines(claims, now)
        out.line(f"   claims   {first}")
        for text in rest:
            out.line(f"            {text}")
        report = diagnose.decode_and_validate(
            case.token,
            secret=case.secret,
            sdk_key=case.key,
            now=now,
            meeting_number=case.meeting_number,
            role=case.role,
            topic=case.topic,
        )
        if report.expires_at is not None:
            out.line(f"   expires  {when(report.expires_at.timestamp(), now)}")
        out.line(f"   check    {verdict(out, report)}")
        out.line(f"   HMAC     {mac_text(report, Secret(case.secret, 'the demo credentials'))}")
        for text in finding_lines(out, report, "   "):
            out.line(text)
        failures += not report.ok

    out.line()
    out.line(out.paint("Classic broken signatures, and what zoomsig says about them", "bold"))
    out.line(f"(each checked as for meeting {DEMO_MEETING_NUMBER}, role 0, with the demo secret)")
    for letter, (title, what, token) in zip("abcdefghij", broken_demo_tokens(now)):
        out.line()
        out.line(out.paint(f"{letter}. {title}", "bold") + f": {what}")
        out.line(f"   token    {preview(token)} ({len(token)} characters)")
        report = diagnose.decode_and_validate(
            token,
            secret=DEMO_SDK_SECRET,
            sdk_key=DEMO_SDK_KEY,
            meeting_number=DEMO_MEETING_NUMBER,
            role=Role.PARTICIPANT,
            now=now,
        )
        out.line(f"   check    {verdict(out, report)}")
        for text in finding_lines(out, report, "   "):
            out.line(text)
        failures += report.ok  # a broken signature that passes would be a zoomsig bug

    out.line()
    out.line("Next: zoomsig sign meeting --help, zoomsig check --help, and the docs.")
    return EXIT_INVALID if failures else EXIT_OK
