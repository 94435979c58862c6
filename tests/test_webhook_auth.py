"""The credentials of ``authentication=`` (Zoom's Basic auth, OAuth and custom-header
event subscriptions): checked when made, never shown, each refusal saying why."""

from __future__ import annotations

import base64

import pytest
from _support import SENTINEL_SECRET, secret_fragments

from zoomsig import FindingCode, InvalidParameterError, InvalidWebhookError
from zoomsig.webhook import BasicAuth, BearerToken, CustomHeader, check_authentication

SECRET = SENTINEL_SECRET


def _basic(username: str, password: str) -> dict[str, str]:
    return {
        "Authorization": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()
    }


def _refusal(headers: object, authentication: object) -> str:
    with pytest.raises(InvalidWebhookError) as caught:
        check_authentication(headers, authentication)  # type: ignore[arg-type]
    assert caught.value.finding_code is FindingCode.WEBHOOK_AUTHENTICATION_FAILED
    return str(caught.value)


@pytest.mark.parametrize(
    ("credential", "good", "header"),
    [
        (BasicAuth("zoom", SECRET), _basic("zoom", SECRET), "authorization"),
        (BearerToken(SECRET), {"Authorization": f"Bearer {SECRET}"}, "authorization"),
        (CustomHeader("X-My-Key", SECRET), {"X-MY-KEY": SECRET}, "x-my-key"),
    ],
    ids=["basic", "bearer", "custom"],
)
def test_credential_accepts_its_header_and_names_what_is_wrong(
    credential: object, good: dict[str, str], header: str
) -> None:
    check_authentication(good, credential)  # type: ignore[arg-type]
    assert credential(good) is True  # type: ignore[operator]
    missing = _refusal({}, credential)
    assert f"the {header} header is missing" in missing
    wrong = _refusal({header: SECRET[:-1]}, credential)
    assert f"the {header} header does not hold" in wrong
    twice = _refusal([(header, SECRET), (header, "other")], credential)
    assert "sent more than once" in twice
    for text in (missing, wrong, twice, repr(credential), str(credential)):
        assert not any(fragment in text for fragment in secret_fragments())


@pytest.mark.parametrize(
    ("make", "parameter"),
    [
        (lambda: BasicAuth("", SECRET), "username"),
        (lambda: BasicAuth("zoom", ""), "password"),
        (lambda: BearerToken(None), "token"),  # type: ignore[arg-type]
        (lambda: CustomHeader("x-my-key: 1", SECRET), "name"),
        (lambda: CustomHeader("x-my-key", 1), "value"),  # type: ignore[arg-type]
    ],
)
def test_credential_that_cannot_work_is_refused_when_made(make: object, parameter: str) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        make()  # type: ignore[operator]
    assert caught.value.parameter == parameter


def test_function_that_answers_a_truthy_non_bool_is_a_refusal() -> None:
    # An async check returns a coroutine, which is truthy: it must not let a request in.
    assert "refused" in _refusal({}, lambda headers: "yes")
