"""The error table against the facts read out of Zoom's SDKs (tests/vectors/*error*.json)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from zoomsig import explain_error
from zoomsig.errors_explained import ERROR_CODES, ERROR_TABLE, find_errors

VECTORS = Path(__file__).parent / "vectors"
WEB: list[dict[str, Any]] = json.loads(
    (VECTORS / "meetingsdk_6.2.0_error_map.json").read_text("utf-8")
)["rows"]
NATIVE: dict[str, Any] = json.loads((VECTORS / "native_sdk_error_codes.json").read_text("utf-8"))
NATIVE_ROWS = [(e, n, c, m) for e in ("AuthResult", "MeetingFailCode") for n, c, m in NATIVE[e]]


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@pytest.mark.parametrize("row", WEB, ids=lambda r: f"{r['table']}:{r['errno']}->{r['code']}")
def test_every_client_code_of_the_6_2_0_bundle_is_explained(row: dict[str, Any]) -> None:
    entry = explain_error(row["code"])
    assert entry.known, row
    assert entry.platform == "web"
    assert entry.source
    if row.get("message"):
        assert _norm(row["message"]) in {_norm(m) for m in entry.messages}, row


@pytest.mark.parametrize("row", NATIVE_ROWS, ids=lambda r: r[1])
def test_every_native_code_of_the_headers_is_explained(row: tuple[str, str, int, str]) -> None:
    enum, name, code, _message = row
    by_number = find_errors(code, platform="native")
    assert name in [e.name for e in by_number]
    entry = explain_error(name)
    assert (entry.platform, entry.code, entry.name) == ("native", code, name)
    assert enum in entry.source


def test_explain_3610_says_a_token_expired() -> None:
    # c361e58 answered "no entry": the bundle maps server errno 124 "Token has expired." to 3610.
    entry = explain_error(3610)
    assert entry.known
    assert "Token has expired." in entry.messages
    assert entry.finding_codes


def test_the_docs_3707_is_the_bundles_meeting_number_not_found() -> None:
    rows = [r for r in WEB if r["code"] == 3707]
    assert rows
    assert all(r["message"] == "The meeting number is not found." for r in rows)
    assert "not found" in ERROR_CODES[3707].meaning


def test_a_message_finds_its_codes_whatever_the_case_and_punctuation() -> None:
    assert [e.code for e in find_errors("signature IS invalid")] == [3712]
    assert [e.code for e in find_errors("Token error")] == [3265, 3623]
    assert explain_error("Joining meeting timeout.").code == 1


def test_63_on_native_is_the_unpublished_app_not_a_web_code() -> None:
    assert explain_error(63, platform="native").name == (
        "MEETING_FAIL_UNABLE_TO_JOIN_EXTERNAL_MEETING"
    )
    assert not explain_error(63).known


def test_a_code_no_token_causes_says_so_in_one_line() -> None:
    for entry in ERROR_TABLE:
        if not entry.finding_codes and entry.code in (3004, 4005, 6603):
            assert entry.causes[0].startswith("This is not your signature")


def test_a_wrong_platform_names_the_parameter() -> None:
    with pytest.raises(ValueError, match="platform"):
        explain_error(63, platform="ios")


ZOOMSIG = Path(sys.executable).parent / "zoomsig"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["63", "--platform", "native"], "MEETING_FAIL_UNABLE_TO_JOIN_EXTERNAL_MEETING"),
        (["AUTHRET_JWTTOKENWRONG"], "Zoom error 11 AUTHRET_JWTTOKENWRONG"),
        (["Signature is invalid"], "Zoom error 3712"),
        (["3610"], "Token has expired."),
    ],
)
def test_explain_through_the_console_entry_point(argv: list[str], expected: str) -> None:
    done = subprocess.run(
        [str(ZOOMSIG), "explain", *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout.replace("\n", " ")


def test_several_matching_messages_are_all_listed() -> None:
    done = subprocess.run(
        [str(ZOOMSIG), "explain", "token error", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert [e["code"] for e in json.loads(done.stdout)] == [3265, 3623]
