"""Zoom's other event-subscription authentications: Basic auth, a custom header, OAuth.

An event subscription's ``custom_header_type`` (in the app manifest: 0 default, 1 Basic
auth, 2 OAuth, 3 a custom key/value) makes Zoom add a credential to every delivery. Each
check here is a pure function of the request headers (read by the same
:func:`~zoomsig.webhook.header_values` as :func:`~zoomsig.verify_webhook`), compares in
constant time (``hmac.compare_digest``: its time depends on the lengths, never on where the
values differ), and answers ``True`` or ``False``; a header sent twice is ``False``.

For the integrations' ``authentication=``, :class:`BasicAuth`, :class:`BearerToken` and
:class:`CustomHeader` hold the configured credential (checked when made, never in a
``repr``) and make the same check; :func:`check_authentication` turns one (or any function
of the headers that answers ``True`` or ``False``) into the
:class:`~zoomsig.InvalidWebhookError` an integration logs and answers 401.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from types import MappingProxyType
from typing import Callable, Optional

from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import check_secret_text
from zoomsig.diagnose.codes import FindingCode
from zoomsig.webhook._core import InvalidWebhookError
from zoomsig.webhook._headers import Headers, header_values

__all__ = [
    "CUSTOM_HEADER_TYPES",
    "Authentication",
    "BasicAuth",
    "BearerToken",
    "CustomHeader",
    "check_authentication",
    "check_basic_auth",
    "check_bearer_token",
    "check_custom_header",
]

CUSTOM_HEADER_TYPES: Mapping[int, str] = MappingProxyType(
    {0: "default", 1: "basic_auth", 2: "oauth", 3: "custom_key_value"}
)
"""The manifest's ``custom_header_type`` values and what each adds to a delivery."""


def check_basic_auth(headers: Headers, *, username: str, password: str) -> bool:
    """Whether ``Authorization`` is ``Basic`` with exactly this username and password.

    For ``custom_header_type`` 1, and for the token request of type 2 (OAuth), where Zoom
    authenticates with the client ID and secret you gave it as Basic credentials (OAuth
    2.0's ``client_secret_basic``). Both parts are compared, each in constant time.
    """
    user = _credential(username, "username").encode("utf-8")
    secret = _credential(password, "password").encode("utf-8")
    given = _one(headers, "authorization")
    scheme, _, encoded = (given or "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        decoded = base64.b64decode(encoded.strip().encode("ascii"), validate=True)
    except (ValueError, binascii.Error):  # not ASCII, or not base64
        return False
    name, colon, word = decoded.partition(b":")
    same_name = hmac.compare_digest(name, user)
    same_word = hmac.compare_digest(word, secret)
    return bool(colon) and same_name and same_word


def check_bearer_token(headers: Headers, *, token: str) -> bool:
    """Whether ``Authorization`` is ``Bearer`` and this token (``custom_header_type`` 2:
    Zoom sends the access token your token URL issued it)."""
    expected = _credential(token, "token").encode("utf-8")
    scheme, _, given = (_one(headers, "authorization") or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8", "surrogatepass"), expected
    )


def check_custom_header(headers: Headers, *, name: str, value: str) -> bool:
    """Whether the header ``name`` (any case) holds exactly ``value`` (type 3)."""
    if not isinstance(name, str) or not name.strip() or ":" in name:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise InvalidParameterError("name", "expected a header name, such as 'x-my-key'")
    expected = _credential(value, "value").encode("utf-8")
    given = _one(headers, name.strip().lower())
    return given is not None and hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected
    )


def _one(headers: Headers, name: str) -> Optional[str]:
    """The header's one value, or ``None`` if it is missing or sent with several values."""
    given = header_values(headers).get(name) or []
    return given[0] if len(set(given)) == 1 else None


def _credential(value: object, parameter: str) -> str:
    """A configured credential: a non-empty str of valid Unicode, never echoed."""
    text = check_secret_text(value, parameter, what=f"the {parameter}")
    if not text:
        raise InvalidParameterError(parameter, "is empty")
    return text


Authentication = Callable[[Headers], bool]
"""What ``authentication=`` takes: :class:`BasicAuth`, :class:`BearerToken`,
:class:`CustomHeader`, or any function of the request headers that answers whether the
delivery carries the credential."""


class _HeaderCredential:
    """A configured credential and the header Zoom carries it in (never in a ``repr``)."""

    header: str = "authorization"
    custom_header_type: int = 0
    what: str = ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<credential hidden>)"

    def __call__(self, headers: Headers) -> bool:  # pragma: no cover - each kind has one
        raise NotImplementedError

    def failure(self, headers: Headers) -> str:
        """Why ``headers`` do not carry the credential (never the credential itself)."""
        if _one(headers, self.header) is None:
            return (
                f"the {self.header} header is missing or sent more than once (the event "
                f"subscription's {self.what}, custom_header_type {self.custom_header_type})"
            )
        return (
            f"the {self.header} header does not hold the event subscription's {self.what} "
            f"(custom_header_type {self.custom_header_type})"
        )


class BasicAuth(_HeaderCredential):
    """``custom_header_type`` 1: Zoom sends ``Authorization: Basic`` with this username and
    password (:func:`check_basic_auth`)."""

    custom_header_type: int = 1
    what: str = "Basic auth username and password"

    def __init__(self, username: str, password: str) -> None:
        self._username = _credential(username, "username")
        self._password = _credential(password, "password")

    def __call__(self, headers: Headers) -> bool:
        return check_basic_auth(headers, username=self._username, password=self._password)


class BearerToken(_HeaderCredential):
    """``custom_header_type`` 2 (OAuth): Zoom sends ``Authorization: Bearer`` with the access
    token your token URL issued it (:func:`check_bearer_token`)."""

    custom_header_type: int = 2
    what: str = "OAuth access token (Bearer)"

    def __init__(self, token: str) -> None:
        self._token = _credential(token, "token")

    def __call__(self, headers: Headers) -> bool:
        return check_bearer_token(headers, token=self._token)


class CustomHeader(_HeaderCredential):
    """``custom_header_type`` 3: Zoom sends the header ``name`` holding ``value``
    (:func:`check_custom_header`)."""

    custom_header_type: int = 3
    what: str = "custom header value"

    def __init__(self, name: str, value: str) -> None:
        check_custom_header({}, name=name, value=value)  # checks both now
        self.header: str = name.strip().lower()
        self._value = value

    def __call__(self, headers: Headers) -> bool:
        return check_custom_header(headers, name=self.header, value=self._value)


def check_authentication(headers: Headers, authentication: Authentication) -> None:
    """Refuse a delivery that does not carry the credential ``authentication`` checks.

    Raises:
        InvalidWebhookError: ``WEBHOOK_AUTHENTICATION_FAILED``, saying which header is
            missing or wrong, never the credential.
    """
    if authentication(headers) is True:
        return
    if isinstance(authentication, _HeaderCredential):
        reason = authentication.failure(headers)
    else:
        reason = f"the authentication check {_name(authentication)} refused the request"
    raise InvalidWebhookError(FindingCode.WEBHOOK_AUTHENTICATION_FAILED, reason)


def _name(function: object) -> str:
    return str(getattr(function, "__qualname__", None) or type(function).__name__)
