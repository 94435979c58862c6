"""``zoomsig sign cobrowse`` and ``zoomsig sign video-api``; ``zoomsig check`` of such tokens."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, Callable, Optional

import pytest
from _cli import Result, clean_environment
from _support import SENTINEL_SECRET, secret_fragments

from zoomsig.cli import main

OFFICIAL = json.loads(
    (Path(__file__).parent / "vectors" / "official-cobrowse.json").read_text(encoding="utf-8")
)
API = json.loads(
    (Path(__file__).parent / "vectors" / "video-sdk-api.json").read_text(encoding="utf-8")
)
Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(*argv: str, secret: str, stdin: Optional[str] = None) -> Result:
        monkeypatch.setenv("ZOOM_SDK_SECRET", secret)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


def test_sign_cobrowse_is_the_official_sample_s_token(run: Run) -> None:
    vector: dict[str, Any] = OFFICIAL["vectors"][0]
    request = vector["request"]
    result = run(
        "sign", "cobrowse", "--sdk-key", OFFICIAL["sdk_key"], "--role", "customer",
        "--user-id", request["userId"], "--user-name", request["userName"],
        "--now", str(OFFICIAL["now_ms"] // 1000), "--clock-skew", "0",
        secret=OFFICIAL["sdk_secret"],
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.strip() == vector["token"]


def test_sign_video_api_is_jsrsasign_s_token(run: Run) -> None:
    result = run(
        "sign", "video-api", "--api-key", API["api_key"], "--now", str(API["now"]), "--json",
        secret=API["api_secret"],
    )  # fmt: skip
    assert result.code == 0, result.err
    answer = json.loads(result.out)
    assert answer["token"] == API["token"]
    assert answer["expiresAt"] == API["now"] - 30 + 1800


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("--role", "0", "--user-id", "u"), "expected 1, 2, customer or agent"),
        (("--role", "agent", "--user-id", "u" * 36), "user_id (--user-id)"),
        (("--role", "agent", "--user-id", "u", "--user-name", "n" * 81), "user_name (--user-name)"),
        (("--role", "agent", "--user-id", "u", "--expires-in", "60"), "expires_in (--expires-in)"),
    ],
)
def test_sign_cobrowse_refusals_name_the_option(
    run: Run, argv: tuple[str, ...], needle: str
) -> None:
    result = run("sign", "cobrowse", "--sdk-key", "K", *argv, secret=SENTINEL_SECRET)
    assert result.code == 2
    assert needle in result.err
    for fragment in secret_fragments():
        assert fragment not in result.both


def test_check_names_a_cobrowse_token(run: Run) -> None:
    token = OFFICIAL["vectors"][1]["token"]
    result = run(
        "check", "--now", str(OFFICIAL["now_ms"] // 1000), "-", stdin=token,
        secret=OFFICIAL["sdk_secret"],
    )  # fmt: skip
    assert result.code == 0, result.both
    assert "Cobrowse SDK token" in result.out
