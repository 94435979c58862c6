"""IAT_IN_FUTURE under a frozen or mocked clock: the hint names the test's clock, not NTP.

Regression test for a test suite that freezes the clock (freezegun, time-machine or
``mock.patch("time.time")``) and checks a token signed at the real time: the diagnosis
used to blame only the server's clock sync.
"""

from __future__ import annotations

import time
from typing import Callable
from unittest import mock

import freezegun
import pytest
import time_machine
from _support import NOW, SDK_KEY, SDK_SECRET

from zoomsig import FindingCode, Role, decode_and_validate, sign_meeting_sdk
from zoomsig._time import mocked_clock
from zoomsig.diagnose.codes import CODE_INFO

C = FindingCode
HINT = "In a test, a frozen or mocked clock is the likely cause"


def _issued_later() -> str:
    """A token signed a day after the frozen time (the real time of the test run)."""
    return sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        meeting_number="85746065432",
        role=Role.PARTICIPANT,
        now=NOW + 86400,
    )


def _freezegun() -> object:
    return freezegun.freeze_time("2025-11-23 12:13:20")


def _time_machine() -> object:
    return time_machine.travel(NOW, tick=False)


def _mock() -> object:
    return mock.patch("time.time", return_value=float(NOW))


@pytest.mark.parametrize(
    ("freeze", "name"),
    [(_freezegun, "freezegun"), (_time_machine, "time_machine"), (_mock, "unittest.mock")],
)
def test_iat_in_future_under_a_frozen_clock_names_it(
    freeze: Callable[[], object], name: str
) -> None:
    token = _issued_later()
    with freeze():  # type: ignore[attr-defined]
        assert mocked_clock() == name
        report = decode_and_validate(token, secret=SDK_SECRET)
    (finding,) = [f for f in report.findings if f.code is C.IAT_IN_FUTURE]
    assert f"the clock is frozen or mocked ({name})" in finding.message
    assert finding.message.startswith("iat is 23 h 59 min after now")
    assert finding.fix.startswith(CODE_INFO[C.IAT_IN_FUTURE].fix)
    assert HINT in finding.fix


def test_real_clock_keeps_the_ntp_hint() -> None:
    assert mocked_clock() is None
    token = _issued_later()
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    (finding,) = [f for f in report.findings if f.code is C.IAT_IN_FUTURE]
    assert finding.fix == CODE_INFO[C.IAT_IN_FUTURE].fix
    assert "frozen" not in finding.message


def test_no_hint_without_iat_in_future() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    with _freezegun():  # type: ignore[attr-defined]
        report = decode_and_validate(token, secret=SDK_SECRET)
    assert report.ok
    assert time.time() > NOW + 86400  # the real clock is back


# --- issue 19: a fixed test time against the real clock ---------------------------------


def test_iat_a_year_ahead_of_a_fixed_now_blames_the_test_clock_not_ntp() -> None:
    # A token made at the real time, checked with the fixed now= of a test (FAKE_NOW, the
    # old zoom_now): a gap of a year is no clock drift, and NTP is not the cause.
    from zoomsig.testing import FAKE_NOW

    token = sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        meeting_number="85746065432",
        role=Role.PARTICIPANT,
        now=FAKE_NOW + 377 * 86400,
    )
    report = decode_and_validate(token, secret=SDK_SECRET, now=FAKE_NOW)
    (finding,) = [f for f in report.findings if f.code is C.IAT_IN_FUTURE]
    assert finding.message.startswith("iat is 376 d 23 h after now; 376 d 23 h is not clock drift")
    assert "FAKE_NOW" in finding.message
    assert "NTP" not in finding.message
    assert HINT in finding.fix


def test_iat_under_a_day_ahead_keeps_the_ntp_hint() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number="85746065432", role=0,
        now=NOW + 3 * 60,
    )  # fmt: skip
    (finding,) = decode_and_validate(token, secret=SDK_SECRET, now=NOW).errors
    assert finding.message.endswith("the signing server's clock is ahead (check NTP)")


def test_token_expired_a_year_ago_names_a_fixed_test_time() -> None:
    from zoomsig.testing import FAKE_NOW

    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number="85746065432", role=0,
        now=FAKE_NOW,
    )  # fmt: skip
    (finding,) = decode_and_validate(token, secret=SDK_SECRET, now=FAKE_NOW + 377 * 86400).errors
    assert finding.code is C.EXPIRED
    assert "a token kept that long, or one of the two times is probably fixed" in finding.message
    # A day-old cached token is just expired: no talk of test clocks.
    (finding,) = decode_and_validate(token, secret=SDK_SECRET, now=FAKE_NOW + 86400).errors
    assert "fixed" not in finding.message
