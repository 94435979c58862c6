"""``zoomsig webhook`` on the command line's own conventions, compared with ``zoomsig check``.

What an unauthenticated request carries is escaped as ``check`` escapes a token; usage errors
have the same exit status, usage line and JSON shape; the secret token is read by the same
reader as ``check --secret-file``; output goes through the same writer. Each test runs the
real command, as a user does, with a sentinel secret that must never be printed.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from _cli import Result, clean_environment
from _support import NOW, SENTINEL_SECRET, secret_fragments

from zoomsig import sign_webhook
from zoomsig.cli import main
from zoomsig.testing.webhooks import zoom_json

SECRET = SENTINEL_SECRET
WEBHOOK_ENV = "ZOOM_WEBHOOK_SECRET_TOKEN"
HOSTILE = "\u009b31m\u202eevil\u2066\x1b]0;title\x07"
"""C1 CSI, a bidi override, an isolate, an OSC title change: what a terminal must not get."""


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)
    monkeypatch.delenv(WEBHOOK_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))  # a pipe: has .buffer


def zoomsig(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    code = main(list(argv))
    captured = capsys.readouterr()
    result = Result(code, captured.out, captured.err)
    for fragment in secret_fragments(SECRET):
        assert fragment not in result.both
    return result


def request(tmp_path: Path, body: bytes, *, secret: str = SECRET) -> list[str]:
    """``--headers FILE --body FILE --now NOW`` of a request signed with ``secret``."""
    (tmp_path / "body.json").write_bytes(body)
    headers = sign_webhook(body, secret_token=secret, timestamp=NOW)
    (tmp_path / "headers.json").write_text(json.dumps(headers))
    return [
        "--headers", str(tmp_path / "headers.json"), "--body", str(tmp_path / "body.json"),
        "--now", str(NOW),
    ]  # fmt: skip


def unsafe(text: str) -> list[str]:
    """The characters of ``text`` that move the cursor or reorder text on a terminal."""
    return [
        char
        for char in text
        if (not char.isprintable() and char != "\n") or unicodedata.category(char) == "Cf"
    ]


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_webhook_check_escapes_controls_and_bidi_from_the_request_body(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    as_json: bool,
) -> None:
    monkeypatch.setenv(WEBHOOK_ENV, SECRET)
    event = "meeting.started" + HOSTILE
    body = zoom_json({"event": event, "payload": {"topic": HOSTILE}, "event_ts": NOW * 1000})
    argv = request(tmp_path, body)
    headers = json.loads(Path(argv[1]).read_text())
    headers["x-zm-request-timestamp"] = HOSTILE  # shown in a finding, and as a header
    Path(argv[1]).write_text(json.dumps(headers))
    result = zoomsig(capsys, "webhook", "check", *argv, *(["--json"] if as_json else []))
    assert result.code == 1, result.both
    assert "WEBHOOK_TIMESTAMP" in result.out
    assert unsafe(result.both) == []
    if as_json:  # escaped as `zoomsig check --json` escapes: JSON that reads back the same
        report = json.loads(result.out)
        assert report["claims"]["event"].startswith("meeting.started\u009b31m\u202eevi")
        assert report["header"]["x-zm-request-timestamp"].startswith(HOSTILE[:10])
        assert "\\u009b" in result.out
        assert "\\u202e" in result.out


def test_webhook_check_json_does_not_crash_on_an_ascii_terminal(tmp_path: Path) -> None:
    body = zoom_json({"event": "meeting.started", "payload": {"x": "é"}, "event_ts": NOW * 1000})
    argv = [sys.executable, "-m", "zoomsig", "webhook", "check", *request(tmp_path, body)]
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "ascii", WEBHOOK_ENV: SECRET}
    for extra in (["--json"], []):
        done = subprocess.run(
            [*argv, *extra], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        for fragment in secret_fragments(SECRET):
            assert fragment not in done.stdout + done.stderr
    assert json.loads(
        subprocess.run(
            [*argv, "--json"], capture_output=True, text=True, env=env, timeout=60, check=True
        ).stdout
    )["ok"]


def test_webhook_check_runs_with_standard_input_closed(tmp_path: Path) -> None:
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    argv = [sys.executable, "-m", "zoomsig", "webhook", "check", *request(tmp_path, body)]
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", WEBHOOK_ENV: SECRET}
    done = subprocess.run(
        argv, stdin=None, capture_output=True, text=True, env=env, timeout=60, check=False,
        preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert "Verdict   OK: Zoom webhook signature" in done.stdout


def test_webhook_secret_file_with_a_bom_is_refused_like_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "secret.txt"
    secret_file.write_bytes(("\ufeff" + SECRET + "\r\n").encode())  # Notepad's "UTF-8"
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    argv = request(tmp_path, body)
    webhook = zoomsig(capsys, "webhook", "check", *argv, "--secret-file", str(secret_file))
    check = zoomsig(capsys, "check", "a.b.c", "--secret-file", str(secret_file))
    assert webhook.code == check.code == 2
    assert "byte order mark" in check.err
    assert webhook.err == check.err
    assert webhook.out == ""


def test_webhook_secret_file_is_read_like_check_secret_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "secret.txt"
    secret_file.write_bytes((SECRET + "\r\n").encode())
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    argv = ["webhook", "check", *request(tmp_path, body), "--secret-file", str(secret_file)]
    assert zoomsig(capsys, *argv).code == 0
    for name in ("webhook", "check"):
        secret_file.write_bytes(b"\xff\xfe")
        args = [*argv] if name == "webhook" else ["check", "a.b.c"]
        result = zoomsig(capsys, *args, "--secret-file", str(secret_file))
        assert (result.code, result.err) == (
            2,
            "zoomsig: error: the file given to --secret-file is not UTF-8 text\n",
        )


def test_webhook_secret_argument_is_refused_not_read_as_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    result = zoomsig(capsys, "webhook", "check", *request(tmp_path, body), "--secret", SECRET)
    assert result.code == 2
    assert result.err.startswith("usage: zoomsig webhook check ")
    assert (
        "zoomsig webhook check: error: unrecognized arguments: --secret and 1 other value(s), "
        "not shown. Secrets are never command-line arguments: set ZOOM_WEBHOOK_SECRET_TOKEN"
    ) in " ".join(result.err.split())
    assert "--secret-file" in result.err.splitlines()[-1]


def test_webhook_usage_error_names_the_webhook_usage_and_secret_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    argv = ["webhook", "sign", "--body", str(tmp_path / "b"), "--secret-token", SECRET]
    (tmp_path / "b").write_bytes(body)
    result = zoomsig(capsys, *argv)
    assert result.code == 2
    assert result.err.startswith("usage: zoomsig webhook sign ")
    assert WEBHOOK_ENV in result.err
    assert "ZOOM_SDK_SECRET" not in result.err


def test_webhook_json_usage_error_has_the_shape_of_check_json_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    webhook = zoomsig(capsys, "webhook", "check", "--headers", "-", "--body", "-", "--json")
    check = zoomsig(capsys, "check", "a.b.c", "--require-verified", "--json")
    assert webhook.code == check.code == 2
    assert webhook.err == check.err == ""
    got, expected = json.loads(webhook.out), json.loads(check.out)
    assert list(got) == list(expected)
    assert {k: v for k, v in got.items() if k not in ("message", "usage")} == {
        k: v for k, v in expected.items() if k not in ("message", "usage")
    }
    assert expected["usage"].startswith("usage: zoomsig check ")
    assert got["usage"].startswith("usage: zoomsig webhook check ")
    assert "--headers FILE" in got["usage"]


def test_bare_webhook_prints_help_on_stderr_like_bare_sign(
    capsys: pytest.CaptureFixture[str],
) -> None:
    webhook, sign = zoomsig(capsys, "webhook"), zoomsig(capsys, "sign")
    assert webhook.code == sign.code == 2
    assert webhook.out == sign.out == ""
    assert webhook.err.startswith("usage: zoomsig webhook ")
    assert "check" in webhook.err
    assert "sign" in webhook.err


# --- issue 20: sign --json as input, prompts, colours, check-response ---------------------------


def test_webhook_sign_json_output_was_refused_by_check_claiming_no_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(WEBHOOK_ENV, SECRET)
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    (tmp_path / "body.json").write_bytes(body)
    signed = zoomsig(
        capsys, "webhook", "sign", "--body", str(tmp_path / "body.json"),
        "--timestamp", str(NOW), "--json",
    )  # fmt: skip
    (tmp_path / "signed.json").write_text(signed.out)
    checked = zoomsig(
        capsys, "webhook", "check", "--headers", str(tmp_path / "signed.json"),
        "--body", str(tmp_path / "body.json"), "--now", str(NOW),
    )  # fmt: skip
    assert checked.code == 0, checked.out
    assert "Verdict   OK" in checked.out
    assert "HMAC      matches the secret token from ZOOM_WEBHOOK_SECRET_TOKEN" in checked.out
    assert "no secret" not in checked.both
    (tmp_path / "empty.json").write_text("{}")
    missing = zoomsig(
        capsys, "webhook", "check", "--headers", str(tmp_path / "empty.json"),
        "--body", str(tmp_path / "body.json"), "--now", str(NOW),
    )  # fmt: skip
    assert missing.code == 1
    assert "no secret" not in missing.both  # the secret was given: the headers are missing
    assert "HMAC      not checked: the request lacks" in missing.out


def test_webhook_check_prompts_for_pasted_headers_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from _cli import Terminal

    monkeypatch.setenv(WEBHOOK_ENV, SECRET)
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    (tmp_path / "body.json").write_bytes(body)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    pasted = "".join(f"{name}: {value}\n" for name, value in headers.items()) + "\nignored\n"
    monkeypatch.setattr(sys, "stdin", Terminal(pasted))
    result = zoomsig(
        capsys, "webhook", "check", "--headers", "-", "--body", str(tmp_path / "body.json"),
        "--now", str(NOW),
    )  # fmt: skip
    assert result.code == 0, result.both
    assert result.err.startswith("Paste the request headers")


def test_webhook_check_colours_and_wraps_like_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(WEBHOOK_ENV, SECRET)
    body = zoom_json({"event": "meeting.started", "payload": {}, "event_ts": NOW * 1000})
    argv = request(tmp_path, body, secret="anotherSubscriptionTok")
    plain = zoomsig(capsys, "webhook", "check", *argv)
    assert plain.code == 1
    assert "\x1b[" not in plain.out
    assert all(len(line) <= 80 for line in plain.out.splitlines() if "{" not in line)
    assert "  error    WEBHOOK_SIGNATURE_MISMATCH [signature]" in plain.out
    coloured = zoomsig(capsys, "webhook", "check", *argv, "--color", "always")
    assert "\x1b[31;1mINVALID\x1b[0m" in coloured.out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" not in zoomsig(capsys, "webhook", "check", *argv, "--json").out


def test_webhook_check_response_names_the_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import base64
    import hashlib
    import hmac

    from zoomsig.testing.webhooks import url_validation_request

    monkeypatch.setenv(WEBHOOK_ENV, SECRET)
    plain = "qgg8vlvZRS6UYooatFL8Aw"
    challenge = url_validation_request(plain, secret_token=SECRET, timestamp=NOW).body
    (tmp_path / "challenge.json").write_bytes(challenge)
    digest = hmac.new(SECRET.encode(), plain.encode(), hashlib.sha256).digest()
    answer = {"plainToken": plain, "encryptedToken": base64.b64encode(digest).decode()}
    captured = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n" + json.dumps(answer)
    (tmp_path / "response.txt").write_text(captured)
    argv = [
        "webhook", "check-response", "--request", str(tmp_path / "challenge.json"),
        "--response", str(tmp_path / "response.txt"),
    ]  # fmt: skip
    result = zoomsig(capsys, *argv, "--elapsed", "0.4")
    assert result.code == 1
    assert "Verdict   INVALID: URL validation answer; 1 error" in result.out
    assert "WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX" in result.out
    assert "Response  status 200, content-type application/json" in result.out
    report = json.loads(zoomsig(capsys, *argv, "--json").out)
    assert [f["code"] for f in report["findings"]] == ["WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX"]
    answer["encryptedToken"] = digest.hex()
    (tmp_path / "response.txt").write_text(json.dumps(answer))
    assert zoomsig(capsys, *argv).code == 0
    slow = zoomsig(capsys, *argv, "--elapsed", "4")
    assert (slow.code, "WEBHOOK_RESPONSE_TOO_SLOW" in slow.out) == (1, True)
    (tmp_path / "challenge.json").write_bytes(b'{"event":"meeting.started"}')
    refused = zoomsig(capsys, *argv)
    assert refused.code == 2
    assert "--request" in refused.err
