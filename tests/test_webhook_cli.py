"""``zoomsig webhook check|sign`` (zoomsig/cli/_webhook.py), run as a real subprocess and
through ``main``: the secret token never from argv and never in the output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _support import NOW, SENTINEL_SECRET

from zoomsig import sign_webhook
from zoomsig.cli import main
from zoomsig.cli._args import WEBHOOK_SECRET_ENV as SECRET_ENV
from zoomsig.cli._webhook import parse_headers
from zoomsig.testing.webhooks import zoom_json

SECRET = SENTINEL_SECRET
BODY = zoom_json({"event": "meeting.started", "payload": {"x": "é"}, "event_ts": NOW * 1000})


def run(
    *args: str, stdin: bytes = b"", env_secret: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    if env_secret:
        env[SECRET_ENV] = SECRET
    result = subprocess.run(
        [sys.executable, "-m", "zoomsig", *args],
        input=stdin.decode("latin-1"),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    for start in range(len(SECRET) - 7):
        assert SECRET[start : start + 8] not in result.stdout + result.stderr
    return result


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    body = tmp_path / "body.json"
    body.write_bytes(BODY)
    headers = tmp_path / "headers.json"
    headers.write_text(json.dumps(sign_webhook(BODY, secret_token=SECRET, timestamp=NOW)))
    secret = tmp_path / "secret"
    secret.write_text(SECRET + "\n")
    return {"body": str(body), "headers": str(headers), "secret": str(secret), "dir": str(tmp_path)}


def test_check_ok_then_sign_roundtrip(files: dict[str, str]) -> None:
    result = run(
        "webhook",
        "check",
        "--headers",
        files["headers"],
        "--body",
        files["body"],
        "--now",
        str(NOW),
    )
    assert result.returncode == 0, result.stderr
    assert "Verdict   OK: Zoom webhook signature" in result.stdout
    signed = run("webhook", "sign", "--body", files["body"], "--timestamp", str(NOW))
    assert signed.returncode == 0
    lines = Path(files["dir"], "signed.txt")
    lines.write_text(signed.stdout)
    again = run(
        "webhook", "check", "--headers", str(lines), "--body", files["body"], "--now", str(NOW)
    )
    assert again.returncode == 0, again.stdout


def test_check_names_the_mistake_as_json_and_exits_1(files: dict[str, str]) -> None:
    Path(files["body"]).write_bytes(json.dumps(json.loads(BODY)).encode())
    result = run(
        "webhook",
        "check",
        "--headers",
        files["headers"],
        "--body",
        files["body"],
        "--now",
        str(NOW),
        "--json",
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["kind"] == "WEBHOOK"
    assert [f["code"] for f in report["findings"]] == ["WEBHOOK_BODY_RESERIALISED"]


def test_check_reads_curl_style_headers_from_stdin_and_the_secret_from_a_file(
    files: dict[str, str],
) -> None:
    signed = sign_webhook(BODY, secret_token=SECRET, timestamp=NOW)
    curl = (
        "> POST /webhook HTTP/1.1\n> Host: 127.0.0.1\n"
        + "".join(f"> {k}: {v}\n" for k, v in signed.items())
        + ">\n"
    )
    result = run(
        "webhook",
        "check",
        "--headers",
        "-",
        "--body",
        files["body"],
        "--secret-file",
        files["secret"],
        "--now",
        str(NOW),
        stdin=curl.encode(),
        env_secret=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_errors_exit_2(files: dict[str, str]) -> None:
    no_secret = run(
        "webhook", "check", "--headers", files["headers"], "--body", files["body"], env_secret=False
    )
    assert no_secret.returncode == 2
    assert SECRET_ENV in no_secret.stderr
    both_stdin = run("webhook", "check", "--headers", "-", "--body", "-")
    assert both_stdin.returncode == 2
    assert run("webhook").returncode == 2
    assert run().returncode == 2
    assert run("webhook", "check").returncode == 2
    missing = run("webhook", "check", "--headers", "/nonexistent/h", "--body", files["body"])
    assert missing.returncode == 2
    bad_now = run(
        "webhook",
        "check",
        "--headers",
        files["headers"],
        "--body",
        files["body"],
        "--now",
        str(NOW * 1000),
    )
    assert bad_now.returncode == 2
    assert "milliseconds" in bad_now.stderr


def test_secret_file_path_is_not_echoed(files: dict[str, str]) -> None:
    result = run(
        "webhook",
        "sign",
        "--body",
        files["body"],
        "--secret-file",
        "/nonexistent/" + SECRET[:6],
        env_secret=False,
    )
    assert result.returncode == 2
    assert "/nonexistent/" not in result.stderr


def test_sign_json_and_curl(files: dict[str, str]) -> None:
    as_json = json.loads(
        run("webhook", "sign", "--body", files["body"], "--timestamp", str(NOW), "--json").stdout
    )
    assert (
        as_json["headers"]["x-zm-signature"]
        == sign_webhook(BODY, secret_token=SECRET, timestamp=NOW)["x-zm-signature"]
    )
    curl = run(
        "webhook",
        "sign",
        "--body",
        files["body"],
        "--timestamp",
        str(NOW),
        "--url",
        "http://127.0.0.1:4000/webhook",
    )
    assert curl.stdout.startswith("curl -sS -X POST http://127.0.0.1:4000/webhook -H ")
    assert "--data-binary @" in curl.stdout
    assert run("webhook", "sign", "--body", "-", "--url", "http://x").returncode == 2


def test_main_in_process(
    files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    assert (
        main(
            [
                "webhook",
                "check",
                "--headers",
                files["headers"],
                "--body",
                files["body"],
                "--now",
                str(NOW + 999),
            ]
        )
        == 1
    )
    assert "WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW" in capsys.readouterr().out
    assert main(["--help"]) == 0


def test_parse_headers_forms() -> None:
    assert parse_headers(b'{"X-Zm-Signature": "v0=a", "n": 5}') == {
        "X-Zm-Signature": "v0=a",
        "n": "5",
    }
    assert parse_headers(b"HTTP/1.1 200 OK\r\nX-Zm-Signature: v0=a\r\nbad line\r\n") == {
        "x-zm-signature": "v0=a"
    }


def test_sign_and_check_in_process(
    files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setenv(SECRET_ENV, SECRET)
    assert main(["webhook", "sign", "--body", files["body"], "--timestamp", str(NOW)]) == 0
    lines = capsys.readouterr().out
    assert "x-zm-signature: v0=" in lines
    assert main(["webhook", "sign", "--body", files["body"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["headers"]["content-type"] == "application/json"
    url = ["--url", "http://127.0.0.1:1/x", "--timestamp", str(NOW)]
    assert main(["webhook", "sign", "--body", files["body"], *url]) == 0
    assert capsys.readouterr().out.startswith("curl ")
    assert main(["webhook", "sign", "--body", "-", "--url", "http://x"]) == 2

    class Stdin:
        buffer = io.BytesIO(lines.encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    check = ["webhook", "check", "--headers", "-", "--body", files["body"], "--now", str(NOW)]
    assert main([*check, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    Path(files["dir"], "old").write_text("VerificationTokenOld22\n")
    monkeypatch.setenv(SECRET_ENV, "VerificationTokenOld22")
    Stdin.buffer = io.BytesIO(lines.encode())
    old = ["--verification-token-file", str(Path(files["dir"], "old"))]
    assert main([*check, *old]) == 1
    assert "WEBHOOK_VERIFICATION_TOKEN_USED" in capsys.readouterr().out
    Path(files["dir"], "latin").write_bytes(b"\xff\xfe")
    assert main([*check, "--secret-file", str(Path(files["dir"], "latin"))]) == 2
    assert main(["webhook", "check", "--headers", files["body"][:-4] + "x", "--body", "-"]) == 2
    Path(files["dir"], "bad.json").write_text("{not json")
    bad = ["webhook", "check", "--headers", str(Path(files["dir"], "bad.json"))]
    assert main([*bad, "--body", files["body"]]) == 2
    assert (
        main(
            [
                "webhook",
                "check",
                "--headers",
                files["headers"],
                "--body",
                files["body"],
                "--tolerance",
                "0",
            ]
        )
        == 2
    )
    assert main(["webhook", "sign", "--body", files["body"], "--timestamp", str(NOW * 1000)]) == 2
    assert main([]) == 2
    assert main(["webhook"]) == 2
    err = capsys.readouterr().err
    for start in range(len(SECRET) - 7):
        assert SECRET[start : start + 8] not in err


def test_webhook_is_a_command_of_the_zoomsig_command_line() -> None:
    from zoomsig.cli import _app, _webhook

    assert _webhook in _app.COMMANDS
    assert "webhook" in _app.build_parser().format_help()
