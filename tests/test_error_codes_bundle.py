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
NATIVE_ENUMS = ("AuthResult", "MeetingFailCode", "SDKError")
NATIVE_ROWS = [(e, n, c, m) for e in NATIVE_ENUMS for n, c, m in NATIVE[e]]
VIDEO: list[dict[str, Any]] = json.loads(
    (VECTORS / "videosdk_2.5.0_error_map.json").read_text("utf-8")
)["join_rows"]


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


def test_the_sdkerror_values_are_numbered_in_header_order() -> None:
    # The header gives SDKERR_SUCCESS = 0 and no other value: each is the one before plus 1.
    assert [code for _name, code, _m in NATIVE["SDKError"]] == list(range(len(NATIVE["SDKError"])))
    assert "zoom_sdk_def.h" in json.dumps(NATIVE["SDKError_source"])


def test_sdkerr_unauthentication_is_explained_with_the_jwt_findings() -> None:
    # cd440a0 had no SDKError rows: "zoomsig explain SDKERR_UNAUTHENTICATION" knew nothing.
    entry = explain_error("SDKERR_UNAUTHENTICATION")
    assert (entry.platform, entry.code) == ("native", 8)
    assert "SDKAuth" in entry.fix
    assert {"SIGNATURE_MISMATCH", "EXPIRED"} <= {c.value for c in entry.finding_codes}
    assert "SDKError" in entry.source
    assert "zoom_sdk_def.h" in entry.source


def test_a_native_number_shared_by_three_enums_lists_all_and_explains_the_first() -> None:
    names = [e.name for e in find_errors(8, platform="native")]
    assert names == [
        "AUTHRET_OVERTIME",
        "MEETING_FAIL_MEETING_NOT_EXIST",
        "SDKERR_UNAUTHENTICATION",
    ]
    assert explain_error(8, platform="native").name == names[0]
    assert [e.name for e in find_errors("sdkerr_unauthentication")] == [names[2]]


def test_an_sdkerror_no_token_causes_says_so() -> None:
    entry = explain_error("SDKERR_NO_VIDEODEVICE_ISFOUND")
    assert entry.causes[0].startswith("This is not your signature")
    assert not entry.finding_codes


@pytest.mark.parametrize("row", VIDEO, ids=lambda r: f"{r['table']}:{r.get('errno')}->{r['code']}")
def test_every_video_sdk_join_error_of_the_2_5_0_bundle_is_explained(row: dict[str, Any]) -> None:
    entry = explain_error(row["code"])
    assert entry.known, row
    assert "Video SDK Web" in entry.products, row
    assert "@zoom/videosdk 2.5.0" in entry.source, row
    if row["reason"]:
        assert _norm(row["reason"]) in {_norm(m) for m in entry.messages}, row


def test_the_video_sdks_verify_jwt_failed_finds_code_200() -> None:
    # cd440a0: "zoomsig explain 'Verify JWT failed'" found nothing, though client.join() of
    # @zoom/videosdk 2.5.0 rejects a token Zoom cannot verify with exactly that reason.
    entry = explain_error("Verify JWT failed")
    assert entry.code == 200
    assert "SIGNATURE_MISMATCH" in {c.value for c in entry.finding_codes}


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
