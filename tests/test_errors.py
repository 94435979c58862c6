"""zoomsig._errors: the exception hierarchy and its stable codes."""

from __future__ import annotations

import pytest

import zoomsig
from zoomsig import (
    InvalidParameterError,
    InvalidSignatureError,
    UnsupportedCredentialError,
    ZoomSigError,
)

ALL_ERRORS = (
    ZoomSigError,
    InvalidParameterError,
    UnsupportedCredentialError,
    InvalidSignatureError,
)


def test_hierarchy() -> None:
    assert issubclass(ZoomSigError, Exception)
    assert not issubclass(ZoomSigError, ValueError)
    assert issubclass(InvalidParameterError, ZoomSigError)
    assert issubclass(InvalidParameterError, ValueError)
    assert not issubclass(InvalidParameterError, TypeError)
    assert issubclass(UnsupportedCredentialError, InvalidParameterError)
    assert issubclass(UnsupportedCredentialError, ValueError)
    assert issubclass(InvalidSignatureError, ZoomSigError)
    assert not issubclass(InvalidSignatureError, ValueError)


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (ZoomSigError, "zoomsig_error"),
        (InvalidParameterError, "invalid_parameter"),
        (UnsupportedCredentialError, "unsupported_credential"),
        (InvalidSignatureError, "invalid_signature"),
    ],
)
def test_stable_codes(cls: type[ZoomSigError], code: str) -> None:
    # Codes are API: callers switch on them instead of matching message text.
    assert cls.code == code


def test_codes_are_unique_snake_case() -> None:
    codes = [cls.code for cls in ALL_ERRORS]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert code == code.lower()
        assert code.replace("_", "").isalpha()


@pytest.mark.parametrize("cls", [InvalidParameterError, UnsupportedCredentialError])
def test_parameter_error_carries_the_parameter(cls: type[InvalidParameterError]) -> None:
    exc = cls("meeting_number", "expected digits only")
    assert exc.parameter == "meeting_number"
    assert exc.reason == "expected digits only"
    assert str(exc) == "meeting_number: expected digits only"
    assert exc.args == ("meeting_number: expected digits only",)
    assert exc.code == cls.code


def test_parameter_error_parts_come_from_a_real_signer_call() -> None:
    from zoomsig import sign_meeting_sdk

    with pytest.raises(InvalidParameterError) as caught:
        sign_meeting_sdk(
            sdk_key="k" * 22, sdk_secret="s" * 32, meeting_number="978-759-818", role=0
        )
    assert caught.value.parameter == "meeting_number"
    assert not caught.value.reason.startswith("meeting_number")
    assert str(caught.value) == f"meeting_number: {caught.value.reason}"


def test_code_on_instances_matches_the_class() -> None:
    exc = UnsupportedCredentialError("credential_type", "no")
    assert exc.code == "unsupported_credential"
    assert InvalidParameterError("p", "m").code == "invalid_parameter"


def test_generic_handlers_catch_parameter_errors() -> None:
    with pytest.raises(ValueError, match=r"^role: bad$"):
        raise InvalidParameterError("role", "bad")
    with pytest.raises(ZoomSigError):
        raise UnsupportedCredentialError("credential_type", "bad")


def test_errors_are_exported_from_the_package() -> None:
    for cls in ALL_ERRORS:
        assert getattr(zoomsig, cls.__name__) is cls
        assert cls.__doc__
