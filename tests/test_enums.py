"""zoomsig._enums: the enums hold Zoom's own values."""

from __future__ import annotations

import json
from enum import Enum, IntEnum

import pytest

from zoomsig import CredentialType, LegacyEncoding, Role, Severity, TokenKind


def test_role_values_are_zooms() -> None:
    assert issubclass(Role, IntEnum)
    assert [(r.name, r.value) for r in Role] == [("PARTICIPANT", 0), ("HOST", 1)]
    assert Role.PARTICIPANT == 0  # type: ignore[comparison-overlap]
    assert Role.HOST == 1  # type: ignore[comparison-overlap]
    assert Role(1) is Role.HOST
    assert json.dumps(Role.HOST) == "1"


@pytest.mark.parametrize("bad", [2, -1, 5])
def test_role_has_no_other_values(bad: int) -> None:
    with pytest.raises(ValueError, match="Role"):
        Role(bad)


@pytest.mark.parametrize(
    ("enum", "names"),
    [
        (
            CredentialType,
            [
                "MEETING_SDK",
                "GENERAL_APP",
                "VIDEO_SDK",
                "JWT_APP",
                "SERVER_TO_SERVER_OAUTH",
                "OAUTH",
            ],
        ),
        (
            TokenKind,
            [
                "MEETING_SDK",
                "VIDEO_SDK",
                "LEGACY_WEB_SDK",
                "UNKNOWN",
                "WEBHOOK",
                "COBROWSE_SDK",
                "VIDEO_SDK_API",
            ],
        ),
        (Severity, ["ERROR", "WARNING", "INFO"]),
        (LegacyEncoding, ["URL_SAFE", "STANDARD"]),
    ],
)
def test_string_enums(enum: type[Enum], names: list[str]) -> None:
    assert issubclass(enum, str)
    assert [member.name for member in enum] == names
    for member in enum:
        # The value is the name, so the plain string works wherever the member does.
        assert member.value == member.name
        assert member == member.name
        assert enum(member.name) is member
        assert json.dumps(member) == json.dumps(member.name)


def test_enum_members_documented() -> None:
    for enum in (Role, CredentialType, TokenKind, Severity, LegacyEncoding):
        assert enum.__doc__
