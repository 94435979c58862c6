"""zoomsig.testing.strategies: every valid signature drawn is ok, every broken one is not."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from _support import NOW, SENTINEL_SECRET
from hypothesis import given, settings
from hypothesis import strategies as st

from zoomsig import (
    CredentialType,
    InvalidParameterError,
    Role,
    TokenKind,
    decode_and_validate,
)
from zoomsig.testing import fake_credentials
from zoomsig.testing import strategies as zs
from zoomsig.testing.mistakes import MISTAKES, MISTAKES_BY_NAME

MEETING = fake_credentials()
VIDEO = fake_credentials(CredentialType.VIDEO_SDK)
CATALOGUE_CODES = frozenset().union(*(m.codes for m in MISTAKES))
FEW = settings(max_examples=25, deadline=None)


@FEW
@given(zs.meeting_numbers())
def test_meeting_numbers_are_9_to_12_digits(number: str) -> None:
    assert number.isdigit()
    assert 9 <= len(number) <= 12
    assert number[0] != "0"


@FEW
@given(zs.roles())
def test_roles(role: Role) -> None:
    assert role in (Role.PARTICIPANT, Role.HOST)


@FEW
@given(zs.topics())
def test_topics(topic: str) -> None:
    assert 1 <= len(topic) <= 200
    assert topic == topic.strip()


@FEW
@given(st.data())
def test_valid_meeting_sdk_signatures_verify_and_are_ok(data: st.DataObject) -> None:
    number = data.draw(zs.meeting_numbers())
    role = data.draw(zs.roles())
    token = data.draw(
        zs.meeting_sdk_signatures(
            sdk_key=MEETING.key,
            sdk_secret=MEETING.secret,
            meeting_number=number,
            role=role,
            now=NOW,
        )
    )
    report = decode_and_validate(
        token, secret=MEETING.secret, sdk_key=MEETING.key, meeting_number=number, role=role, now=NOW
    )
    assert report.ok, str(report)
    assert report.signature_verified is True
    assert report.kind is TokenKind.MEETING_SDK
    assert not report.codes & CATALOGUE_CODES


@FEW
@given(zs.meeting_sdk_signatures(sdk_key=MEETING.key, sdk_secret=MEETING.secret))
def test_drawn_meeting_and_role_at_the_current_time(token: str) -> None:
    report = decode_and_validate(token, secret=MEETING.secret, sdk_key=MEETING.key)
    assert report.ok, str(report)
    assert report.signature_verified is True


@FEW
@given(st.data())
def test_valid_video_sdk_signatures_verify_and_are_ok(data: st.DataObject) -> None:
    topic = data.draw(zs.topics())
    token = data.draw(
        zs.video_sdk_signatures(sdk_key=VIDEO.key, sdk_secret=VIDEO.secret, topic=topic, now=NOW)
    )
    report = decode_and_validate(
        token, secret=VIDEO.secret, sdk_key=VIDEO.key, topic=topic, now=NOW
    )
    assert report.ok, str(report)
    assert report.signature_verified is True
    assert report.kind is TokenKind.VIDEO_SDK
    assert not report.codes & CATALOGUE_CODES


@FEW
@given(zs.video_sdk_signatures(sdk_key=VIDEO.key, sdk_secret=VIDEO.secret, role=Role.HOST))
def test_video_sdk_signatures_at_the_current_time(token: str) -> None:
    report = decode_and_validate(token, secret=VIDEO.secret)
    assert report.ok, str(report)
    assert report.claims["role_type"] == 1


@settings(max_examples=60, deadline=None)
@given(zs.broken_signatures(sdk_key=MEETING.key, sdk_secret=MEETING.secret))
def test_every_broken_signature_is_not_ok(broken: zs.BrokenSignature) -> None:
    report = decode_and_validate(
        broken.signature,
        secret=MEETING.secret,
        sdk_key=MEETING.key,
        meeting_number=broken.meeting_number,
        role=broken.role,
        now=broken.now,
    )
    assert not report.ok, broken.mistake.name
    assert broken.mistake.codes <= report.codes, broken.mistake.name


@FEW
@given(
    zs.broken_signatures(
        sdk_key=MEETING.key,
        sdk_secret=SENTINEL_SECRET,
        meeting_number="85746065432",
        role=0,
        now=NOW,
        mistakes=[MISTAKES_BY_NAME["role_missing"], MISTAKES_BY_NAME["secret_base64_decoded"]],
    )
)
def test_broken_signatures_leave_out_what_the_secret_cannot_make(
    broken: zs.BrokenSignature,
) -> None:
    assert broken.mistake.name == "role_missing"
    assert (broken.meeting_number, broken.role, broken.now) == ("85746065432", 0, NOW)


def test_broken_signatures_need_a_mistake() -> None:
    with pytest.raises(InvalidParameterError) as raised:
        zs.broken_signatures(sdk_key=MEETING.key, sdk_secret=MEETING.secret, mistakes=[])
    assert raised.value.parameter == "mistakes"


def test_without_hypothesis_the_import_error_says_what_to_install() -> None:
    # Without pytest too: only the plugin module needs it.
    code = textwrap.dedent(
        """
        import sys
        for name in ("hypothesis", "pytest", "_pytest"):
            sys.modules[name] = None  # as if it were not installed
        # The helpers and the catalogue need neither hypothesis nor pytest.
        import zoomsig.testing.mistakes
        from zoomsig.testing import assert_valid_signature, fake_credentials
        try:
            import zoomsig.testing.strategies
        except ImportError as error:
            print(error)
        else:
            raise SystemExit("imported")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert 'pip install "zoomsig[hypothesis]"' in result.stdout
