"""Tests of ``zoomsig.cli``: the ``zoomsig`` command, run in-process through ``main(argv)``.

Most ``check`` and ``demo`` tests replace the diagnosis engine with a fake that returns a
chosen :class:`Report`, so that they test only what the command line does with it; the
tests marked "real engine" run the whole thing.
"""

from __future__ import annotations

import getpass
import io
import json
import os
import runpy
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

import pytest
from _cli import Result, Terminal, clean_environment, set_credentials
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET, load_vectors, secret_fragments

import zoomsig
from zoomsig import (
    Finding,
    FindingCode,
    InvalidParameterError,
    LegacyEncoding,
    Report,
    Role,
    Severity,
    TokenKind,
    diagnose,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig._jws import b64url_decode
from zoomsig.cli import _demo, _output, main

VECTORS = load_vectors()
MEETING = "85746065432"
TOKEN = sign_meeting_sdk(
    sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
)
ESC = "\033["


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    def _run(*argv: str, stdin: Optional[str] = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture
def creds(monkeypatch: pytest.MonkeyPatch) -> None:
    set_credentials(monkeypatch)


def claims_of(token: str) -> dict[str, Any]:
    raw = b64url_decode(token.split(".")[1])
    assert raw is not None
    claims: dict[str, Any] = json.loads(raw)
    return claims


@dataclass
class FakeEngine:
    """Stands in for ``decode_and_validate``: records each call, returns ``report``."""

    report: Report
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def __call__(self, signature: str, **kwargs: Any) -> Report:
        self.calls.append((signature, kwargs))
        return self.report


def report_with(*findings: Finding, **fields: Any) -> Report:
    return Report(TokenKind.MEETING_SDK, findings, **fields)


ROLE_MISSING = Finding.of(FindingCode.ROLE_MISSING, "mn is there but role is not", "role")
EXPIRES_SOON = Finding.of(FindingCode.EXPIRES_SOON, "expires in 3 minutes", "exp")
ZAK = Finding.of(FindingCode.HOST_NEEDS_ZAK, "role 1 needs the host's ZAK", "role")
GOOD = report_with(
    ZAK,
    header={"alg": "HS256", "typ": "JWT"},
    claims=claims_of(TOKEN),
    signature_verified=True,
    expires_at=datetime.fromtimestamp(NOW + 7170, timezone.utc),
)
BAD = report_with(ROLE_MISSING, EXPIRES_SOON, signature_verified=False)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine(GOOD)
    monkeypatch.setattr(diagnose, "decode_and_validate", fake)
    return fake


# --- top level ----------------------------------------------------------------------------


def test_version(run: Any) -> None:
    result = run("--version")
    assert (result.code, result.out) == (0, f"zoomsig {zoomsig.__version__}\n")


@pytest.mark.parametrize(
    ("argv", "example"),
    [
        (["--help"], "zoomsig check"),
        (["sign", "--help"], "zoomsig sign meeting"),
        (["sign", "meeting", "--help"], "zoomsig sign meeting"),
        (["check", "--help"], "zoomsig check"),
    ],
)
def test_help_has_examples_and_secret_rules(run: Any, argv: list[str], example: str) -> None:
    result = run(*argv)
    assert result.code == 0
    assert "examples:" in result.out
    assert example in result.out
    assert "never command-line arguments" in result.out
    assert "exactly one trailing newline" in result.out


def test_demo_help(run: Any) -> None:
    result = run("demo", "--help")
    assert result.code == 0
    assert "FAKE" in result.out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frobnicate"], "invalid choice"),
        (["sign", "video", "--role", "0"], "--topic"),
        (["sign", "meeting", "--expires-in", "soon"], "invalid int value"),
        (["sign", "meeting", "--video-webrtc-mode", "2"], "invalid choice"),
        (["sign", "meeting", "--sdk"], "unrecognized arguments: --sdk"),  # no abbreviations
    ],
)
def test_usage_errors_exit_2(run: Any, argv: list[str], message: str) -> None:
    result = run(*argv)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["sign", "meeting", "--secret", SENTINEL_SECRET],
        ["sign", "meeting", f"--secret={SENTINEL_SECRET}"],
        ["sign", "video", "--topic", "t", "--role", "0", "--sdk-secret", SENTINEL_SECRET],
        ["sign", "legacy", "--meeting", MEETING, "--role", "0", "--api-secret", SENTINEL_SECRET],
        ["check", TOKEN, "--client-secret", SENTINEL_SECRET],
    ],
)
def test_there_is_no_secret_argument(run: Any, argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == 2
    assert "unrecognized arguments: --" in result.err
    assert "Secrets are never command-line arguments" in result.err
    for fragment in secret_fragments():
        assert fragment not in result.both


def test_unknown_values_are_not_echoed(run: Any) -> None:
    result = run("sign", "meeting", SENTINEL_SECRET)
    assert result.code == 2
    assert "unrecognized arguments: 1 other value(s), not shown" in result.err
    assert SENTINEL_SECRET not in result.both


def test_python_dash_m(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["zoomsig", "--version"])
    # zoomsig ships a pytest11 plugin, so pytest rewrites the whole package, and its
    # import hook cannot serve runpy (no get_code); run the module the way python -m does.
    finders = [f for f in sys.meta_path if type(f).__name__ != "AssertionRewritingHook"]
    monkeypatch.setattr(sys, "meta_path", finders)
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("zoomsig", run_name="__main__")
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"zoomsig {zoomsig.__version__}\n"


# --- sign -----------------------------------------------------------------------------------


def _meeting_argv(inputs: dict[str, Any]) -> list[str]:
    argv = ["sign", "meeting", "--sdk-key", inputs["sdk_key"], "--now", str(inputs["now"])]
    argv += ["--clock-skew", str(inputs["clock_skew"]), "--expires-in", str(inputs["expires_in"])]
    if inputs["meeting_number"] is not None:
        argv += ["--meeting", inputs["meeting_number"], "--role", str(inputs["role"])]
    if inputs["video_webrtc_mode"] is not None:
        argv += ["--video-webrtc-mode", str(inputs["video_webrtc_mode"])]
    return argv


@pytest.mark.parametrize("vector", VECTORS["meeting_sdk"])
def test_sign_meeting_matches_official_sample(
    run: Any, monkeypatch: pytest.MonkeyPatch, vector: dict[str, Any]
) -> None:
    monkeypatch.setenv("ZOOM_SDK_SECRET", vector["inputs"]["sdk_secret"])
    result = run(*_meeting_argv(vector["inputs"]))
    assert (result.code, result.out, result.err) == (0, vector["signature"] + "\n", "")


@pytest.mark.parametrize("vector", VECTORS["video_sdk"])
def test_sign_video_matches_official_sample(
    run: Any, monkeypatch: pytest.MonkeyPatch, vector: dict[str, Any]
) -> None:
    inputs = vector["inputs"]
    monkeypatch.setenv("ZOOM_SDK_KEY", inputs["sdk_key"])
    monkeypatch.setenv("ZOOM_SDK_SECRET", inputs["sdk_secret"])
    argv = ["sign", "video", "--topic", inputs["topic"], "--role", str(inputs["role"])]
    argv += ["--now", str(inputs["now"]), "--clock-skew", str(inputs["clock_skew"])]
    argv += ["--expires-in", str(inputs["expires_in"])]
    for name in (
        "user_identity", "session_key", "cloud_recording_option", "cloud_recording_election",
        "video_webrtc_mode", "audio_webrtc_mode",
    ):  # fmt: skip
        if name in inputs:
            argv += [f"--{name.replace('_', '-')}", str(inputs[name])]
    if "geo_regions" in inputs:
        argv += ["--geo-regions", ", ".join(inputs["geo_regions"])]
    result = run(*argv)
    assert (result.code, result.out, result.err) == (0, vector["signature"] + "\n", "")


@pytest.mark.parametrize("vector", VECTORS["legacy_web_sdk"])
@pytest.mark.parametrize("encoding", ["url-safe", "STANDARD", None])
def test_sign_legacy_matches_official_sample(
    run: Any, monkeypatch: pytest.MonkeyPatch, vector: dict[str, Any], encoding: Optional[str]
) -> None:
    inputs = vector["inputs"]
    monkeypatch.setenv("ZOOM_SDK_SECRET", inputs["api_secret"])
    argv = ["sign", "legacy", "--api-key", inputs["api_key"], "--meeting"]
    argv += [inputs["meeting_number"], "--role", str(inputs["role"]), "--now", str(inputs["now"])]
    if encoding:
        argv += ["--encoding", encoding]
    result = run(*argv)
    expected = vector["signature_standard" if encoding == "STANDARD" else "signature_url_safe"]
    assert (result.code, result.out) == (0, expected + "\n")


def test_sign_telemetry_tracking_id(run: Any, creds: None) -> None:
    result = run("sign", "video", "--topic", "t", "--role", "1", "--telemetry-tracking-id", "x1")
    assert result.code == 0
    assert claims_of(result.out.strip())["telemetry_tracking_id"] == "x1"


@pytest.mark.parametrize(
    ("role", "expected"),
    [("0", 0), ("1", 1), ("host", 1), ("HOST", 1), (" Participant ", 0), ("participant", 0)],
)
def test_sign_role_spellings(run: Any, creds: None, role: str, expected: int) -> None:
    result = run("sign", "meeting", "--meeting", MEETING, "--role", role)
    assert result.code == 0
    assert claims_of(result.out.strip())["role"] == expected


def test_sign_meeting_native_when_no_meeting_and_role(run: Any, creds: None) -> None:
    claims = claims_of(run("sign", "meeting").out.strip())
    assert "mn" not in claims
    assert "role" not in claims


def test_sign_json_shape(run: Any, creds: None) -> None:
    result = run(
        "sign", "meeting", "--meeting", MEETING, "--role", "1", "--json", "--now", "1763900000"
    )
    data = json.loads(result.out)
    assert list(data) == ["signature", "sdkKey", "expiresAt"]
    assert data["sdkKey"] == SDK_KEY
    assert data["expiresAt"] == NOW - 30 + 7200
    assert data["expiresAt"] == claims_of(data["signature"])["exp"]


def test_sign_json_video_and_legacy(run: Any, creds: None) -> None:
    video = json.loads(run("sign", "video", "--topic", "t", "--role", "0", "--json").out)
    assert video["expiresAt"] == claims_of(video["signature"])["exp"]
    legacy = json.loads(run("sign", "legacy", "--meeting", MEETING, "--role", "0", "--json").out)
    assert legacy["expiresAt"] is None
    assert legacy["sdkKey"] == SDK_KEY


def test_sign_key_option_wins_over_environment(run: Any, creds: None) -> None:
    result = run("sign", "meeting", "--sdk-key", "other-key")
    assert claims_of(result.out.strip())["appKey"] == "other-key"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sign", "meeting"], "no key: pass --sdk-key KEY or set ZOOM_SDK_KEY"),
        (["sign", "legacy", "--meeting", MEETING, "--role", "0"], "pass --api-key KEY"),
    ],
)
def test_sign_without_key(run: Any, argv: list[str], message: str) -> None:
    result = run(*argv)
    assert (result.code, result.out) == (2, "")
    assert message in result.err


def test_sign_without_secret(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", SDK_KEY)
    result = run("sign", "meeting")
    assert result.code == 2
    assert (
        "no secret: set ZOOM_SDK_SECRET, or pass --secret-file PATH or --secret-stdin" in result.err
    )


@pytest.mark.parametrize("ending", ["", "\n", "\r\n"])
def test_sign_secret_file_loses_one_newline(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ending: str
) -> None:
    monkeypatch.setenv("ZOOM_SDK_SECRET", "not this one, the file wins")
    path = tmp_path / "secret"
    path.write_bytes((SDK_SECRET + ending).encode())
    result = run(*_meeting_argv(VECTORS["meeting_sdk"][0]["inputs"]), "--secret-file", str(path))
    assert result.out == VECTORS["meeting_sdk"][0]["signature"] + "\n"


@pytest.mark.parametrize("ending", ["", "\n", "\r\n"])
def test_sign_secret_stdin_loses_one_newline(run: Any, ending: str) -> None:
    argv = _meeting_argv(VECTORS["meeting_sdk"][0]["inputs"])
    result = run(*argv, "--secret-stdin", stdin=SDK_SECRET + ending)
    assert result.out == VECTORS["meeting_sdk"][0]["signature"] + "\n"


def test_sign_secret_prompt_on_terminal(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return SDK_SECRET

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    argv = _meeting_argv(VECTORS["meeting_sdk"][0]["inputs"])
    result = run(*argv, "--secret-stdin")
    assert result.out == VECTORS["meeting_sdk"][0]["signature"] + "\n"
    assert prompts == ["Zoom SDK secret (not shown): "]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (SDK_SECRET + "\n\n", "leading or trailing whitespace"),
        (SDK_SECRET + " \n", "leading or trailing whitespace"),
        (" " + SDK_SECRET, "leading or trailing whitespace"),
        ("\n", "the secret is empty"),
    ],
)
def test_sign_secret_file_other_whitespace_is_refused(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str, message: str
) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", SDK_KEY)
    path = tmp_path / "secret"
    path.write_bytes(content.encode("utf-8"))
    result = run("sign", "meeting", "--secret-file", str(path))
    assert (result.code, result.out) == (2, "")
    assert "sdk_secret (from --secret-file, after removing one trailing newline)" in result.err
    assert message in result.err


def test_sign_environment_secret_is_not_stripped(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", SDK_KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET", SDK_SECRET + "\n")
    result = run("sign", "meeting")
    assert result.code == 2
    assert "sdk_secret (from ZOOM_SDK_SECRET): the secret has leading or trailing" in result.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xef\xbb\xbf" + SDK_SECRET.encode(), "byte order mark"),
        (b"\xff\xfe" + SDK_SECRET.encode("utf-16-le"), "not UTF-8 text"),
    ],
)
def test_sign_secret_file_encoding_problems(
    run: Any, creds: None, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "secret"
    path.write_bytes(content)
    result = run("sign", "meeting", "--secret-file", str(path))
    assert result.code == 2
    assert message in result.err


def test_sign_secret_stdin_bom(run: Any, creds: None) -> None:
    result = run("sign", "meeting", "--secret-stdin", stdin="\ufeff" + SDK_SECRET)
    assert result.code == 2
    assert "the secret from stdin starts with a byte order mark" in result.err


@pytest.mark.parametrize("name", ["missing", "."])
def test_sign_unreadable_secret_file(run: Any, creds: None, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    result = run("sign", "meeting", "--secret-file", str(path))
    assert (result.code, result.out) == (2, "")
    assert "cannot read the file given to --secret-file: " in result.err
    assert str(path) not in result.err  # people paste the secret itself as the path


def test_sign_secret_file_and_stdin_exclude_each_other(run: Any, creds: None) -> None:
    result = run("sign", "meeting", "--secret-file", "x", "--secret-stdin")
    assert result.code == 2
    assert "not allowed with argument" in result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--meeting", "978-759-818", "--role", "0"],
            "meeting_number (--meeting): expected digits",
        ),
        (["--role", "0"], "meeting_number (--meeting): role was given without meeting_number"),
        (
            ["--meeting", MEETING, "--role", "2"],
            "argument --role: expected 0, 1, participant or host",
        ),
        (["--expires-in", "100"], "expires_in (--expires-in): Zoom accepts 1800"),
        (["--clock-skew", "999"], "clock_skew (--clock-skew)"),
        (["--now", "1763900000000"], "looks like milliseconds"),
        (["--now", "2025-11-23T12:00:00"], "has no UTC offset"),
        (["--now", "yesterday"], "expected a Unix time or ISO-8601"),
        (["--credential-type", "s2s"], "expected one of meeting-sdk, general-app, video-sdk"),
        (
            ["--credential-type", "server-to-server-oauth"],
            "credential_type (--credential-type): Server-to-Server OAuth credentials",
        ),
        (["--credential-type", "video_sdk"], "Video SDK credentials belong to a different product"),
    ],
)
def test_sign_meeting_refusals(run: Any, creds: None, argv: list[str], message: str) -> None:
    result = run("sign", "meeting", *argv)
    assert (result.code, result.out) == (2, "")
    assert message in result.err
    if argv[0] == "--now" and "UTC" not in message and "ISO" not in message:
        assert "now (--now): " in result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--geo-regions", "US,XX"], "geo_regions (--geo-regions): unknown region 'XX'"),
        (["--user-identity", "u" * 36], "user_identity (--user-identity)"),
        (["--session-key", "k" * 37], "session_key (--session-key)"),
        (["--credential-type", "meeting-sdk"], "credential_type (--credential-type)"),
    ],
)
def test_sign_video_refusals(run: Any, creds: None, argv: list[str], message: str) -> None:
    result = run("sign", "video", "--topic", "t", "--role", "0", *argv)
    assert result.code == 2
    assert message in result.err


def test_sign_video_empty_topic(run: Any, creds: None) -> None:
    result = run("sign", "video", "--topic", "", "--role", "0")
    assert result.code == 2
    assert "topic (--topic): must not be empty" in result.err


def test_sign_legacy_refusals(run: Any, creds: None) -> None:
    result = run(
        "sign", "legacy", "--meeting", MEETING, "--role", "0", "--credential-type", "general-app"
    )
    assert result.code == 2
    assert "credential_type (--credential-type)" in result.err
    bad = run("sign", "legacy", "--meeting", MEETING, "--role", "0", "--encoding", "hex")
    assert bad.code == 2
    assert "expected url-safe or standard" in bad.err


def test_sign_general_app_and_case_insensitive_type(run: Any, creds: None) -> None:
    result = run("sign", "meeting", "--credential-type", "General-App")
    assert result.code == 0


@pytest.mark.parametrize(
    "when",
    [
        "1763900000",
        "1763900000.75",
        "2025-11-23T12:13:20Z",
        "2025-11-23T13:13:20+01:00",
        "2025-11-23T12:13:20z",
    ],
)
def test_sign_now_forms(run: Any, creds: None, when: str) -> None:
    result = run("sign", "meeting", "--now", when, "--clock-skew", "0")
    assert claims_of(result.out.strip())["iat"] == NOW


def test_sign_is_the_library(run: Any, creds: None) -> None:
    """The command adds nothing: its output is what the library makes."""
    result = run(
        "sign",
        "legacy",
        "--meeting",
        MEETING,
        "--role",
        "host",
        "--encoding",
        "standard",
        "--now",
        "1763900000",
    )
    expected = sign_legacy_web_sdk(
        api_key=SDK_KEY, api_secret=SDK_SECRET, meeting_number=MEETING, role=Role.HOST,
        now=NOW, encoding=LegacyEncoding.STANDARD,
    )  # fmt: skip
    assert result.out == expected + "\n"
    video = run("sign", "video", "--topic", "Weekly", "--role", "0", "--now", "1763900000")
    assert (
        video.out
        == sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="Weekly", role=0, now=NOW)
        + "\n"
    )


# --- check (fake engine) --------------------------------------------------------------------


def test_check_passes_everything_to_the_engine(run: Any, engine: FakeEngine, creds: None) -> None:
    result = run(
        "check",
        TOKEN,
        "--meeting",
        MEETING,
        "--role",
        "host",
        "--topic",
        "T",
        "--now",
        "1763900000",
    )
    assert result.code == 0
    assert engine.calls == [
        (
            TOKEN,
            {
                "secret": SDK_SECRET, "sdk_key": SDK_KEY, "meeting_number": MEETING,
                "role": Role.HOST, "topic": "T", "now": NOW, "zak": None, "obf_token": None,
                "other_secrets": None,
            },
        )
    ]  # fmt: skip


def test_check_reads_the_clock_once_when_no_now(
    run: Any, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "time", lambda: 1763900123.5)
    run("check", TOKEN)
    assert engine.calls[0][1] == {
        "secret": None, "sdk_key": None, "meeting_number": None, "role": None,
        "topic": None, "now": 1763900123.5, "zak": None, "obf_token": None,
        "other_secrets": None,
    }  # fmt: skip


def test_check_sdk_key_option_wins(run: Any, engine: FakeEngine, creds: None) -> None:
    run("check", TOKEN, "--sdk-key", "K2")
    assert engine.calls[0][1]["sdk_key"] == "K2"


@pytest.mark.parametrize(
    ("stdin", "token"),
    [
        ("abc\n", "abc"),
        ("abc\r\n", "abc"),
        ("abc", "abc"),
        ("abc\n\n", "abc\n"),  # only the pipe's own newline goes
        ("  abc \n", "  abc "),  # inner content untouched: the engine reports the spaces
    ],
)
@pytest.mark.parametrize("dash", [True, False])
def test_check_token_from_stdin(
    run: Any, engine: FakeEngine, stdin: str, token: str, dash: bool
) -> None:
    result = run("check", *(["-"] if dash else []), stdin=stdin)
    assert result.code == 0
    assert engine.calls[0][0] == token
    assert "from standard input" in result.out


def test_check_argument_is_passed_untouched(run: Any, engine: FakeEngine) -> None:
    run("check", " abc\n")
    assert engine.calls[0][0] == " abc\n"


def test_check_prompts_on_terminal_stdin(
    run: Any, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: `zoomsig check -` on a terminal asks for the token instead of refusing."""

    class PastedTTY(Terminal):
        def __init__(self) -> None:
            super().__init__(TOKEN + "\n")

    monkeypatch.setattr(sys, "stdin", PastedTTY())
    result = run("check", "-")
    assert result.code == 0
    assert "Paste the signature (or the URL or JSON response holding it)" in result.err
    assert engine.calls[0][0] == TOKEN
    assert "from the prompt" in result.out


def test_check_without_stdin_at_all(
    run: Any, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert run("check").code == 0
    assert engine.calls[0][0] == ""


def test_check_secret_stdin_needs_the_token_as_argument(run: Any, engine: FakeEngine) -> None:
    result = run("check", "--secret-stdin", stdin=TOKEN)
    assert result.code == 2
    assert "--secret-stdin: standard input already holds the token" in result.err
    ok = run("check", TOKEN, "--secret-stdin", stdin=SDK_SECRET + "\n")
    assert ok.code == 0
    assert engine.calls[0][1]["secret"] == SDK_SECRET


def test_check_secret_file(run: Any, engine: FakeEngine, tmp_path: Path) -> None:
    path = tmp_path / "s"
    path.write_text(SDK_SECRET + "\n", encoding="utf-8")
    result = run("check", TOKEN, "--secret-file", str(path))
    assert engine.calls[0][1]["secret"] == SDK_SECRET
    assert "HMAC      matches the secret from --secret-file" in result.out


def test_check_exit_status_follows_the_report(run: Any, engine: FakeEngine) -> None:
    engine.report = BAD
    assert run("check", TOKEN).code == 1
    engine.report = report_with(EXPIRES_SOON, signature_verified=True)  # warnings only
    assert run("check", TOKEN).code == 0
    engine.report = report_with(EXPIRES_SOON)  # no error, but the HMAC was not checked
    assert run("check", TOKEN).code == 3


@pytest.mark.parametrize("report", [GOOD, BAD, Report(TokenKind.UNKNOWN)])
def test_check_json_is_the_report(run: Any, engine: FakeEngine, report: Report) -> None:
    engine.report = report
    result = run("check", TOKEN, "--json")
    assert result.out == json.dumps(report.to_dict(), indent=2) + "\n"
    assert json.loads(result.out)["ok"] is report.ok
    unverified = report.ok and report.signature_verified is None
    assert result.code == (3 if unverified else 0 if report.ok else 1)
    assert TOKEN not in result.out


def test_check_human_report(run: Any, engine: FakeEngine, creds: None) -> None:
    result = run(
        "check", TOKEN, "--meeting", MEETING, "--role", "0", "--topic", "T", "--now", "1763900000"
    )
    lines = result.out.splitlines()
    assert lines[0] == f"Token     {TOKEN[:12]}… ({len(TOKEN)} characters, from the argument)"
    assert lines[1] == "Verdict   OK: Meeting SDK signature; 0 errors, 0 warnings"
    assert lines[2] == "HMAC      matches the secret from ZOOM_SDK_SECRET"
    assert lines[3] == f"Expected  meeting {MEETING}, role 0, key from ZOOM_SDK_KEY, topic 'T'"
    assert lines[4] == "Expires   2025-11-23T14:12:50+00:00 (in 2 h)"
    assert lines[5] == 'Header    {"alg": "HS256", "typ": "JWT"}'
    assert lines[6] == f'Claims    appKey    "{SDK_KEY}"'
    assert "          iat       1763899970  = 2025-11-23T12:12:50+00:00 (30 s ago)" in lines
    findings = lines.index("Findings")
    assert lines[findings : findings + 4] == [
        "Findings",
        "  info     HOST_NEEDS_ZAK [role]",
        "           role 1 needs the host's ZAK",
        f"           fix: {ZAK.fix[:20]}" + lines[findings + 3][36:],
    ]
    fix = " ".join(line.strip() for line in lines[findings + 3 :])
    assert fix == f"fix: {ZAK.fix}"  # wrapped at 80 columns (the width of a pipe)
    assert all(len(line) <= 80 for line in lines[findings:])
    assert TOKEN not in result.out
    assert ESC not in result.out


def test_check_human_report_bare(run: Any, engine: FakeEngine) -> None:
    engine.report = Report(TokenKind.UNKNOWN, (Finding.of(FindingCode.MALFORMED, "bad"),))
    result = run("check", "abc")
    assert result.code == 1
    assert result.out.splitlines() == [
        "Token     a… (3 characters, from the argument)",
        "Verdict   INVALID: not recognised as any Zoom signature; 1 error, 0 warnings",
        "HMAC      not checked (no secret: set ZOOM_SDK_SECRET or pass --secret-file / "
        "--secret-stdin)",
        "Expected  nothing given (add --meeting, --role, --sdk-key or --topic to compare)",
        "Findings",
        "  error    MALFORMED",
        "           bad",
        *textwrap.wrap(
            f"fix: {Finding.of(FindingCode.MALFORMED, '').fix}",
            80,
            initial_indent=" " * 11,
            subsequent_indent=" " * 11,
        ),
    ]
    engine.report = Report(TokenKind.VIDEO_SDK)
    assert "Findings  none" in run("check", "abc").out


@pytest.mark.parametrize(
    ("verified", "text"),
    [
        (True, "matches the secret from ZOOM_SDK_SECRET"),
        (False, "does NOT match the secret from ZOOM_SDK_SECRET"),
        (None, "not checked (the token could not be read far enough)"),
    ],
)
def test_check_hmac_line(
    run: Any, engine: FakeEngine, creds: None, verified: Optional[bool], text: str
) -> None:
    engine.report = Report(TokenKind.MEETING_SDK, signature_verified=verified)
    assert f"HMAC      {text}\n" in run("check", TOKEN).out


def test_check_claims_are_shown_safely(run: Any, engine: FakeEngine) -> None:
    engine.report = Report(
        TokenKind.MEETING_SDK,
        claims={"iat": True, "exp": 1763900000000, "tokenExp": "1763900000", "x": "y" * 100},
    )
    out = run("check", TOKEN).out
    assert "iat       true\n" in out
    assert "exp       1763900000000\n" in out  # milliseconds: no date next to it
    assert 'tokenExp  "1763900000"\n' in out
    assert f'x         "{"y" * 58}…\n' in out


def test_check_terminal_codes_are_escaped(run: Any, engine: FakeEngine) -> None:
    engine.report = Report(
        TokenKind.MEETING_SDK,
        (Finding.of(FindingCode.UNKNOWN_CLAIM, "unknown claim '\x1b]0;pwned\x07'", "\x1b[2J"),),
        claims={"\x1b[31mevil": "\x1b[0m", "ok": 1},
    )
    out = run("check", "\x1b[2Jabcdefghijklmnopqrstuvwxyz0123456789").out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "Token     \\x1b[2Jabcdefgh…" in out
    assert 'Claims    \\x1b[31mevil  "\\u001b[0m"\n' in out
    assert "          ok            1\n" in out
    assert "UNKNOWN_CLAIM [\\x1b[2J]" in out
    assert "unknown claim '\\x1b]0;pwned\\x07'" in out


def test_check_engine_refusal_is_a_usage_error(
    run: Any, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(signature: str, **kwargs: Any) -> Report:
        raise InvalidParameterError("meeting_number", "expected digits only, got 'x-1'")

    monkeypatch.setattr(diagnose, "decode_and_validate", refuse)
    result = run("check", TOKEN, "--meeting", "x-1")
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "zoomsig: error: meeting_number (--meeting): expected digits only, got 'x-1'\n"
    )

    def refuse_secret(signature: str, **kwargs: Any) -> Report:
        raise InvalidParameterError("secret", "the secret is empty")

    monkeypatch.setattr(diagnose, "decode_and_validate", refuse_secret)
    assert run("check", TOKEN).err == "zoomsig: error: secret: the secret is empty\n"
    monkeypatch.setenv("ZOOM_SDK_SECRET", "")
    assert "secret (from ZOOM_SDK_SECRET): the secret is empty" in run("check", TOKEN).err


# --- colour ---------------------------------------------------------------------------------


def tty_stdout(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """Make stdout a terminal; called in the test, as pytest resets sys.stdout after setup."""
    stream = Terminal()
    monkeypatch.setattr(sys, "stdout", stream)
    return stream


def test_colour_on_a_terminal(engine: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = tty_stdout(monkeypatch)
    engine.report = BAD
    assert main(["check", TOKEN]) == 1
    out = stdout.getvalue()
    assert f"{ESC}31;1mINVALID{ESC}0m" in out
    assert f"{ESC}31;1merror   {ESC}0m" in out
    assert f"{ESC}33mwarning {ESC}0m" in out


def test_colour_info_and_ok(engine: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = tty_stdout(monkeypatch)
    assert main(["check", TOKEN]) == 0
    out = stdout.getvalue()
    assert f"{ESC}32;1mOK{ESC}0m" in out
    assert f"{ESC}36minfo    {ESC}0m" in out


@pytest.mark.parametrize("value", ["1", "yes"])
def test_no_colour_with_no_color(
    engine: FakeEngine, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    stdout = tty_stdout(monkeypatch)
    monkeypatch.setenv("NO_COLOR", value)
    engine.report = BAD
    main(["check", TOKEN])
    assert ESC not in stdout.getvalue()
    assert "INVALID" in stdout.getvalue()


def test_empty_no_color_does_not_disable(
    engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = tty_stdout(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: only a non-empty value counts
    main(["check", TOKEN])
    assert ESC in stdout.getvalue()


def test_no_colour_in_json(engine: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = tty_stdout(monkeypatch)
    main(["check", TOKEN, "--json"])
    assert ESC not in stdout.getvalue()


def test_stream_without_isatty() -> None:
    class Bare:
        def write(self, text: str) -> int:
            return len(text)

    assert _output.Out(Bare()).colour is False  # type: ignore[arg-type]


def test_unencodable_output_is_replaced() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    _output.Out(stream).line("eyJ… → fix")
    stream.flush()
    assert raw.getvalue() == b"eyJ? ? fix\n"


# --- demo -----------------------------------------------------------------------------------


class DemoEngine:
    """OK for the demo's four signed tokens (the Video SDK one without expiry), then not."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, signature: str, **kwargs: Any) -> Report:
        self.calls += 1
        if self.calls > 4:
            return BAD
        expires = None if self.calls == 4 else datetime.fromtimestamp(NOW + 7170, timezone.utc)
        return Report(TokenKind.MEETING_SDK, signature_verified=True, expires_at=expires)


def test_demo_with_fake_engine(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagnose, "decode_and_validate", DemoEngine())
    result = run("demo", "--now", "1763900000")
    assert result.code == 0, result.out
    out = result.out
    assert "FAKE credentials" in out
    assert f"Meeting SDK key {_demo.DEMO_SDK_KEY}  secret {_demo.DEMO_SDK_SECRET}" in out
    assert "now             2025-11-23T12:13:20+00:00" in out
    for title in (
        "1. Meeting SDK, Web",
        "2. Meeting SDK, native",
        "3. Meeting SDK, Web, host",
        "4. Video SDK",
    ):
        assert title in out
    for title in ("a. role missing", "b. meetingNumber instead of mn", "c. iat in milliseconds",
                  "d. btoa standard base64", "e. '+' turned into a space",
                  "f. secret with a trailing newline"):  # fmt: skip
        assert title in out
    assert out.count("expires  2025-11-23T14:12:50+00:00 (in 2 h)") == 3
    assert out.count("HMAC     matches the secret from the demo credentials") == 4
    assert out.count("   check    INVALID: ") == 6
    assert "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." not in out  # tokens shown truncated
    assert result.err == ""


def test_demo_broken_plus_token_search() -> None:
    """The btoa token is searched until it holds a '+', even when the first one does not."""
    now = 1763900008  # the first candidate token has no '+' at this time
    iat = now - 30
    first = _demo.btoa_token(
        {"appKey": _demo.DEMO_SDK_KEY, "sdkKey": _demo.DEMO_SDK_KEY,
         "mn": _demo.DEMO_MEETING_NUMBER,
         "role": 0, "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200},
        _demo.DEMO_SDK_SECRET,
    )  # fmt: skip
    assert "+" not in first
    tokens = {title: token for title, _, token in _demo.broken_demo_tokens(now)}
    assert "+" in tokens["btoa standard base64"]
    assert tokens["'+' turned into a space"] == tokens["btoa standard base64"].replace("+", " ")
    assert tokens["btoa standard base64"].endswith("=")


def test_demo_fails_when_a_check_is_wrong(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagnose, "decode_and_validate", FakeEngine(report_with()))
    assert run("demo").code == 1  # every broken signature passed: say so
    monkeypatch.setattr(diagnose, "decode_and_validate", FakeEngine(BAD))
    assert run("demo").code == 1  # the good ones failed


# --- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "in 0 s"), (45, "in 45 s"), (-45, "45 s ago"), (600, "in 10 min"),
        (-3000, "50 min ago"), (7170, "in 2 h"), (5400, "in 1.5 h"), (-36000, "10 h ago"),
        (172800, "in 2 d"), (3.5 * 86400, "in 3.5 d"),
    ],
)  # fmt: skip
def test_relative(seconds: float, text: str) -> None:
    assert _output.relative(seconds) == text


def test_keyboard_interrupt(run: Any, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted(io.StringIO):
        def read(self, size: Optional[int] = -1) -> str:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupted())
    assert main(["check"]) == 130


class BrokenPipe(io.StringIO):
    def __init__(self, descriptor: Optional[int]) -> None:
        super().__init__()
        self.descriptor = descriptor

    def write(self, text: str) -> int:
        raise BrokenPipeError

    def fileno(self) -> int:
        if self.descriptor is None:
            raise io.UnsupportedOperation("fileno")
        return self.descriptor


@pytest.fixture
def scratch_fd(tmp_path: Path) -> Iterator[int]:
    descriptor = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT)
    yield descriptor
    os.close(descriptor)


def test_broken_pipe(monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, scratch_fd: int) -> None:
    monkeypatch.setattr(sys, "stdout", BrokenPipe(scratch_fd))
    assert main(["check", TOKEN]) == 1
    assert os.readlink(f"/proc/self/fd/{scratch_fd}") == os.devnull
    monkeypatch.setattr(sys, "stdout", BrokenPipe(None))
    assert main(["check", TOKEN]) == 1


# --- secrets never leak -----------------------------------------------------------------


def _sentinel_cases(tmp_path: Path) -> list[tuple[list[str], dict[str, str], Optional[str]]]:
    plain = tmp_path / "plain"
    plain.write_text(SENTINEL_SECRET + "\n", encoding="utf-8")
    spaced = tmp_path / "spaced"
    spaced.write_text(f" {SENTINEL_SECRET}\n", encoding="utf-8")
    env = {"ZOOM_SDK_KEY": SDK_KEY, "ZOOM_SDK_SECRET": SENTINEL_SECRET}
    file_only = {"ZOOM_SDK_KEY": SDK_KEY}
    return [
        (["sign", "meeting", "--meeting", MEETING, "--role", "0"], env, None),
        (["sign", "meeting", "--json"], env, None),
        (["sign", "video", "--topic", "t", "--role", "1", "--json"], env, None),
        (["sign", "legacy", "--meeting", MEETING, "--role", "0", "--json"], env, None),
        (["sign", "meeting", "--secret-file", str(plain), "--json"], file_only, None),
        (["sign", "meeting", "--secret-stdin"], file_only, SENTINEL_SECRET + "\n"),
        (["sign", "meeting", "--meeting", MEETING, "--role", "admin"], env, None),
        (["sign", "meeting", "--credential-type", "nonsense"], env, None),
        (["sign", "meeting", "--credential-type", "server-to-server-oauth"], env, None),
        (["sign", "video", "--topic", "t", "--role", "0", "--credential-type", "oauth"], env, None),
        (["sign", "legacy", "--meeting", "1-2", "--role", "0"], env, None),
        (["sign", "meeting", "--secret-file", str(tmp_path / SENTINEL_SECRET)], file_only, None),
        (["sign", "meeting", "--secret-file", SENTINEL_SECRET], file_only, None),
        (["sign", "meeting", "--secret-file", str(spaced)], file_only, None),
        (["sign", "meeting", "--secret-stdin"], file_only, SENTINEL_SECRET + " \n"),
        (["sign", "meeting"], {**env, "ZOOM_SDK_SECRET": SENTINEL_SECRET + "\n"}, None),
        (["sign", "meeting", "--expires-in", "10"], env, None),
        (["sign", "meeting", "--secret", SENTINEL_SECRET], file_only, None),
        (["check", "--secret-stdin"], env, TOKEN),
    ]


def test_sentinel_secret_never_printed(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for argv, env, stdin in _sentinel_cases(tmp_path):
        monkeypatch.delenv("ZOOM_SDK_SECRET", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        result = run(*argv, stdin=stdin)
        for fragment in secret_fragments():
            assert fragment not in result.both, (argv, result)


# --- real engine ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", TOKEN, "--json"],
        ["check", TOKEN],
        ["check", TOKEN, "--meeting", MEETING, "--role", "1"],
        ["check", "-", "--meeting", MEETING],
        ["check", TOKEN[:-3] + "abc"],
        ["check", TOKEN.replace(".", "", 1)],
    ],
)
def test_sentinel_secret_never_printed_by_check(
    run: Any, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """Real engine: a wrong secret (the sentinel) is reported, never shown."""
    monkeypatch.setenv("ZOOM_SDK_SECRET", SENTINEL_SECRET)
    result = run(*argv, stdin=TOKEN + "\n")
    assert result.code == 1
    for fragment in secret_fragments():
        assert fragment not in result.both


def test_check_real_engine_ok(run: Any, creds: None) -> None:
    result = run("check", TOKEN, "--meeting", MEETING, "--role", "0", "--now", str(NOW + 60))
    assert result.code == 0, result.out
    assert "OK: Meeting SDK signature" in result.out
    assert "HMAC      matches the secret from ZOOM_SDK_SECRET" in result.out


def test_check_real_engine_wrong_secret(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_SDK_SECRET", "another-secret-of-32-characters!")
    result = run("check", TOKEN, "--json", "--now", str(NOW + 60))
    assert result.code == 1
    report = json.loads(result.out)
    assert report["signature_verified"] is False
    assert "SIGNATURE_MISMATCH" in [f["code"] for f in report["findings"]]


def test_check_real_engine_stdin_newline_is_not_whitespace(run: Any, creds: None) -> None:
    result = run("check", "--json", "--now", str(NOW + 60), stdin=TOKEN + "\n")
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert result.code == 0
    assert "SURROUNDING_WHITESPACE" not in codes
    spaced = run("check", "--json", "--now", str(NOW + 60), stdin=TOKEN + " \n")
    assert "SURROUNDING_WHITESPACE" in [f["code"] for f in json.loads(spaced.out)["findings"]]


def test_check_real_engine_expired_and_milliseconds(run: Any, creds: None) -> None:
    later = datetime.fromtimestamp(NOW, timezone.utc) + timedelta(days=3)
    result = run("check", TOKEN, "--now", later.isoformat())
    assert result.code == 1
    assert "EXPIRED" in result.out
    assert run("check", TOKEN, "--now", "1763900000000").code == 2


def test_demo_real_engine(run: Any) -> None:
    result = run("demo")
    assert result.code == 0, result.out
    for code in (
        "ROLE_MISSING", "MEETING_NUMBER_WRONG_CLAIM", "IAT_IN_MILLISECONDS", "NOT_BASE64URL",
        "SPACES_INSTEAD_OF_PLUS", "SECRET_HAS_WHITESPACE", "NATIVE_ONLY", "HOST_NEEDS_ZAK",
    ):  # fmt: skip
        assert code in result.out
    assert result.out.count("   check    OK: ") == 4
    assert result.out.count("   check    INVALID: ") == 6
    assert "(in 2 h)" in result.out


def test_installed_console_script(tmp_path: Path) -> None:
    """The ``zoomsig`` script that pip installed next to this Python works end to end."""
    script = Path(sys.executable).parent / "zoomsig"
    assert script.exists(), f"{script}: install the project (pip install -e .) first"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")}
    version = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=True, env=env,
        cwd=tmp_path,
    )  # fmt: skip
    assert version.stdout == f"zoomsig {zoomsig.__version__}\n"
    env["ZOOM_SDK_SECRET"] = SDK_SECRET
    checked = subprocess.run(
        [str(script), "check", "--json", "--meeting", MEETING, "--now", str(NOW + 60)],
        input=TOKEN + "\n", capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["signature_verified"] is True


def test_severity_styles_cover_every_severity() -> None:
    assert set(_output.SEVERITY_STYLE) == set(Severity)
    assert set(_output.KIND_NAMES) == set(TokenKind)
