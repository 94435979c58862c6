"""The command line under hostile argv and environment (issue 23).

A usage error never echoes a secret the process holds, nor more than 7 characters of any
value; a non-UTF-8 credential in the environment is a usage error, not a traceback; the
webhook and demo commands end with an exit status, never a crash. Each test is named after
what went wrong. Sentinel secrets in the environment prove that nothing of them is printed:
no run of 8 characters, raw or escaped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from _cli import Result, clean_environment

from zoomsig import sign_webhook
from zoomsig.cli import main

SDK = "SENTINEL-s3cret-NEVER-PRINT-0042x"
WEBHOOK = "WEBHOOK-t0ken-GUARDIAN-77xQ"
ZAK = "ZAK-eyJ0eXAiOiJKV1QiLCJzdiI6IjAw"
OBF = "OBF-tokenValue-Kz81mQ-pL4nXv"
OTHER = "OTHER-s2s-ClientSecret-Yu7Wq3"
VERIFICATION = "Vt9kQ2-old-Zx71pLm4Rw"
SECRETS = {
    "ZOOM_SDK_SECRET": SDK,
    "ZOOM_WEBHOOK_SECRET_TOKEN": WEBHOOK,
    "ZOOM_ZAK": ZAK,
    "ZOOM_OBF_TOKEN": OBF,
    "ZOOM_WEBHOOK_VERIFICATION_TOKEN": VERIFICATION,
    "MY_S2S_SECRET": OTHER,
}
"""Every secret the process holds: the CLI's variables, and one --other-secret-env names."""
VALUE = "Quokka-Marmalade-Zeppelin-0451"
"""A long value that is no secret: no usage error quotes more than 7 characters of it."""
NOW = 1763900000
EVENT = b'{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"}}'

# Each command line gets a value in the wrong place ({v}); H and B are a headers and a body
# file. The cases first (--now, --role, --color, --expires-in, --credential-type,
# explain CODE, an unknown command, --other-secret-env, webhook --now/--timestamp/--headers),
# then every other option that takes a value.
MISTAKES = {
    "sign-now": ["sign", "meeting", "--now", "{v}"],
    "sign-now=": ["sign", "meeting", "--now={v}"],
    "sign-role": ["sign", "meeting", "--role", "{v}"],
    "sign-video-role": ["sign", "video", "--role", "{v}"],
    "sign-expires-in": ["sign", "meeting", "--expires-in", "{v}"],
    "sign-credential-type": ["sign", "meeting", "--credential-type", "{v}"],
    "sign-clock-skew": ["sign", "meeting", "--clock-skew", "{v}"],
    "sign-webrtc-mode": ["sign", "meeting", "--video-webrtc-mode", "{v}"],
    "sign-legacy-encoding": ["sign", "legacy", "--meeting", "1", "--role", "0", "--encoding={v}"],
    "sign-kind": ["sign", "{v}"],
    "check-color": ["check", "--color", "{v}", "x"],
    "check-now": ["check", "--now", "{v}", "x"],
    "check-now-json": ["check", "--json", "--now", "{v}", "x"],
    "check-role": ["check", "--role", "{v}", "x"],
    "check-other-secret-env": ["check", "--other-secret-env", "{v}", "x"],
    "check-unknown-option": ["check", "--{v}", "x"],
    "check-unknown-option=": ["check", "--sdk-secret={v}", "x"],
    "explain-code": ["explain", "{v}"],
    "explain-code-json": ["explain", "--json", "{v}"],
    "explain-color": ["explain", "--colour", "{v}"],
    "demo-now": ["demo", "--now", "{v}"],
    "unknown-command": ["{v}"],
    "unknown-command-json": ["{v}", "--json"],
    "webhook-command": ["webhook", "{v}"],
    "webhook-check-now": ["webhook", "check", "--now", "{v}", "--headers", "H", "--body", "B"],
    "webhook-check-tolerance": [
        "webhook",
        "check",
        "--tolerance",
        "{v}",
        "--headers",
        "H",
        "--body",
        "B",
    ],
    "webhook-check-headers": ["webhook", "check", "--headers", "{v}", "--body", "B"],
    "webhook-check-body-json": ["webhook", "check", "--json", "--headers", "H", "--body", "{v}"],
    "webhook-sign-timestamp": ["webhook", "sign", "--timestamp", "{v}", "--body", "B"],
    "webhook-sign-body": ["webhook", "sign", "--body", "{v}"],
}


def runs_of(secret: str, size: int = 8) -> set[str]:
    """Every run of ``size`` characters of ``secret``: raw, JSON- and URL-escaped."""
    forms = {secret, json.dumps(secret)[1:-1], quote(secret, safe="")}
    return {form[i : i + size] for form in forms for i in range(len(form) - size + 1)}


def printed_runs(text: str, *secrets: str) -> list[str]:
    return sorted(run for secret in secrets for run in runs_of(secret) if run in text)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """A signed webhook request: its headers file (H) and its body file (B)."""
    headers = sign_webhook(EVENT, secret_token=WEBHOOK, timestamp=NOW)
    (tmp_path / "headers.json").write_text(json.dumps(headers))
    (tmp_path / "body.json").write_bytes(EVENT)
    return {"H": str(tmp_path / "headers.json"), "B": str(tmp_path / "body.json")}


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """``zoomsig ARGV`` in-process, with every secret of :data:`SECRETS` in the environment."""
    clean_environment(monkeypatch)
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)

    def _run(argv: list[str]) -> Result:
        code = main(argv)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


def _argv(case: str, value: str, files: dict[str, str]) -> list[str]:
    argv = [files.get(part, part.replace("{v}", value)) for part in MISTAKES[case]]
    if case == "check-other-secret-env":  # the secret given where a variable's name belongs
        return argv
    return (
        [*argv[:1], "--other-secret-env", "MY_S2S_SECRET", *argv[1:]]
        if argv[0] == "check"
        else argv
    )


@pytest.mark.parametrize(
    "secret", [SDK, WEBHOOK, ZAK, OTHER], ids=["sdk", "webhook", "zak", "other"]
)
@pytest.mark.parametrize("case", list(MISTAKES))
def test_usage_errors_printed_the_environments_secret(
    run: Any, files: dict[str, str], case: str, secret: str
) -> None:
    result = run(_argv(case, secret, files))
    assert result.code == 2, result.both
    assert "error" in result.both
    assert not printed_runs(result.both, *SECRETS.values()), result.both


@pytest.mark.parametrize("case", list(MISTAKES))
def test_usage_errors_printed_more_than_seven_characters_of_a_value(
    run: Any, files: dict[str, str], case: str
) -> None:
    result = run(_argv(case, VALUE, files))
    assert result.code == 2, result.both
    assert not printed_runs(result.both, VALUE), result.both


def test_usage_errors_still_say_which_value_was_wrong(run: Any) -> None:
    """The first 7 characters and the length: enough to recognise the mistake."""
    result = run(["sign", "meeting", "--now", VALUE])
    assert "argument --now: expected a Unix time" in result.err
    assert f"'{VALUE[:7]}…' (str), {len(VALUE)} characters long" in result.err
    short = run(["check", "--role", "2", "x"])
    assert "expected 0, 1, participant or host, got '2' (str)" in short.err


def test_usage_errors_name_an_option_or_a_variable_whole(run: Any) -> None:
    """Names spelt as options or variables are no values: shown whole, as before."""
    assert "unrecognized arguments: --sdk-secret." in run(["check", "--sdk-secret", "x"]).err
    unset = run(["check", "x", "--other-secret-env", "NOT_SET_ANYWHERE"])
    assert "the environment variable 'NOT_SET_ANYWHERE' is not set" in unset.err


def test_usage_message_redacts_every_secret_the_process_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last net under every usage error: a run of a held secret, in any spelling, goes."""
    from zoomsig.cli._args import usage_message  # new in issue 23

    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    for secret in SECRETS.values():
        arguments = ["--other-secret-env", "MY_S2S_SECRET"]
        message = usage_message(f"cannot use {json.dumps(secret[2:])[1:-1]}", arguments)
        assert not printed_runs(message, secret), message
        assert message.startswith("cannot use <secret>")


@pytest.mark.parametrize(
    "argv",
    [
        ["webhook", "sign", "--body", "B", "--url", "http://127.0.0.1/" + SDK],
        ["sign", "meeting", "--sdk-key", WEBHOOK, "--json"],
        ["check", "--meeting", WEBHOOK, "x"],
        ["check", "--topic", ZAK, "x"],
    ],
    ids=["webhook-sign-url", "sign-sdk-key-json", "check-meeting", "check-topic"],
)
def test_output_printed_a_value_that_holds_a_secret_of_the_environment(
    run: Any, files: dict[str, str], argv: list[str]
) -> None:
    """Found by fuzz_cli: a command that works printed a secret the user gave as a value."""
    result = run([files.get(part, part) for part in argv])
    assert result.code in (0, 1), result.both
    assert not printed_runs(result.both, *SECRETS.values()), result.both


# --- the environment holds bytes that are not UTF-8 ----------------------------------------


def _run_with_bytes(
    name: str, argv: list[str], tmp_path: Path
) -> subprocess.CompletedProcess[bytes]:
    """``python -m zoomsig ARGV`` with ``name`` holding a non-UTF-8 byte (POSIX only: bytes
    reach a child's environment only there)."""
    body = tmp_path / "body.json"
    body.write_bytes(EVENT)
    env = {key.encode(): value.encode() for key, value in os.environ.items()}
    env.update({key.encode(): value.encode() for key, value in SECRETS.items()})
    env[name.encode()] = b"ab\xff" + SDK.encode()
    argv = [str(body) if part == "B" else part for part in argv]
    return subprocess.run(
        [sys.executable, "-m", "zoomsig", *argv], env=env, capture_output=True, check=False
    )


def _assert_clean_usage_error(name: str, result: subprocess.CompletedProcess[bytes]) -> None:
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert f"{name}' holds bytes" in err or f"{name} holds bytes" in err
    assert "holds bytes that are not UTF-8 text" in err
    assert not printed_runs(err + result.stdout.decode(), *SECRETS.values()), err


posix_only = pytest.mark.skipif(os.name != "posix", reason="environment bytes: POSIX only")
CHECK = ["check", "x"]
WEBHOOK_SIGN = ["webhook", "sign", "--body", "B", "--timestamp", str(NOW)]


@posix_only
def test_non_utf8_zak_in_the_environment_was_a_traceback(tmp_path: Path) -> None:
    _assert_clean_usage_error("ZOOM_ZAK", _run_with_bytes("ZOOM_ZAK", CHECK, tmp_path))


@posix_only
def test_non_utf8_obf_token_in_the_environment_was_a_traceback(tmp_path: Path) -> None:
    result = _run_with_bytes("ZOOM_OBF_TOKEN", CHECK, tmp_path)
    _assert_clean_usage_error("ZOOM_OBF_TOKEN", result)


@posix_only
def test_non_utf8_webhook_secret_token_in_the_environment_was_a_traceback(
    tmp_path: Path,
) -> None:
    result = _run_with_bytes("ZOOM_WEBHOOK_SECRET_TOKEN", WEBHOOK_SIGN, tmp_path)
    _assert_clean_usage_error("ZOOM_WEBHOOK_SECRET_TOKEN", result)


@posix_only
@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("ZOOM_SDK_SECRET", CHECK),
        ("ZOOM_SDK_SECRET", ["sign", "meeting", "--sdk-key", "k" * 22]),
        ("ZOOM_WEBHOOK_VERIFICATION_TOKEN", ["webhook", "check", "--headers", "B", "--body", "B"]),
        ("MY_S2S_SECRET", [*CHECK, "--other-secret-env", "MY_S2S_SECRET"]),
    ],
    ids=["sdk-secret-check", "sdk-secret-sign", "verification-token", "other-secret-env"],
)
def test_non_utf8_secret_in_the_environment_is_a_usage_error(
    name: str, argv: list[str], tmp_path: Path
) -> None:
    _assert_clean_usage_error(name, _run_with_bytes(name, argv, tmp_path))


@posix_only
def test_non_utf8_secret_the_command_does_not_read_is_no_error(tmp_path: Path) -> None:
    """Hidden from the output all the same, but only the command that reads it refuses it."""
    result = _run_with_bytes("ZOOM_ZAK", ["explain", "3712"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Signature is invalid" in result.stdout


# --- webhook check and demo end with an exit status ------------------------------------------


def test_webhook_check_crashed_on_a_lone_surrogate_in_the_event(run: Any, tmp_path: Path) -> None:
    """A signed event whose plainToken is ``\\ud800``: it verifies (0), escaped in the report."""
    event = b'{"event":"endpoint.url_validation","payload":{"plainToken":"\\ud800"}}'
    (tmp_path / "body.json").write_bytes(event)
    headers = sign_webhook(event, secret_token=WEBHOOK, timestamp=NOW)
    (tmp_path / "headers.json").write_text(json.dumps(headers))
    argv = ["webhook", "check", "--headers", str(tmp_path / "headers.json")]
    argv += ["--body", str(tmp_path / "body.json"), "--now", str(NOW)]
    for extra in ([], ["--json"]):
        result = run(argv + extra)
        assert result.code == 0, result.both
        assert "\\ud800" in result.out
        result.out.encode("utf-8")  # no lone surrogate printed raw


@pytest.mark.parametrize("opening", [b"[", b'{"a":'], ids=["list", "object"])
def test_webhook_check_crashed_on_a_deeply_nested_headers_file(
    run: Any, files: dict[str, str], tmp_path: Path, opening: bytes
) -> None:
    closing = b"]" if opening == b"[" else b"}"
    nested = tmp_path / "nested.json"
    nested.write_bytes(b'{"x-zm-signature":' + opening * 100_000 + closing * 100_000 + b"}")
    result = run(["webhook", "check", "--headers", str(nested), "--body", files["B"]])
    assert result.code == 2, result.both
    assert "the headers JSON is nested too deeply" in result.err


@pytest.mark.parametrize("now", ["1e400", "nan", "-5", "1e18"])
def test_demo_now_out_of_range_was_a_traceback(run: Any, now: str) -> None:
    """Found by fuzz_cli: ``zoomsig demo --now`` printed the date before anything checked it."""
    result = run(["demo", "--now", now])
    assert result.code == 2, result.both
    assert "now (--now): " in result.err
    assert result.out == ""
