"""The one reading of request headers, for verification and diagnosis alike.

Python frameworks hand headers over in several forms; :func:`header_values` reads every one
of them into lower-cased HTTP names, so that :func:`zoomsig.verify_webhook` and
:func:`zoomsig.diagnose_webhook` cannot disagree on which headers a request has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Optional, Union, cast

from typing_extensions import Protocol

from zoomsig._errors import InvalidParameterError

__all__ = [
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "HeaderItems",
    "HeaderPair",
    "Headers",
    "header_values",
]

SIGNATURE_HEADER = "x-zm-signature"
"""The header that carries ``v0=`` and the hex HMAC-SHA256 of the request."""
TIMESTAMP_HEADER = "x-zm-request-timestamp"
"""The header that carries the Unix time (seconds) the request was signed at."""
_OURS = frozenset((SIGNATURE_HEADER, TIMESTAMP_HEADER))
# The names CGI/WSGI (PEP 3333) keep without the HTTP_ prefix.
_CGI_PLAIN: Mapping[str, str] = MappingProxyType(
    {"content_type": "content-type", "content_length": "content-length"}
)
_ASGI_TYPES = frozenset(("http", "websocket"))


class HeaderItems(Protocol):
    """Anything with ``items()`` of (name, value) pairs: a dict, Django's, Starlette's or
    Werkzeug's (Flask's) ``request.headers``, an ``email.message.Message``."""

    def items(self) -> Iterable[tuple[str, str]]: ...  # pragma: no cover - a protocol


HeaderPair = tuple[Union[str, bytes], Union[str, bytes]]
"""One header as a (name, value) pair; bytes as in ASGI's raw headers (read as latin-1)."""

Headers = Union[Mapping[str, str], Mapping[str, object], HeaderItems, Sequence[HeaderPair]]
"""What ``headers=`` takes: a mapping, anything with ``items()``, or (name, value) pairs."""


def header_values(headers: object) -> dict[str, list[str]]:
    """Lower-cased HTTP header name -> every value given for it, from any form of headers.

    Reads, with the same result for the same request:

    - a ``dict`` or any mapping, names in any case (``X-Zm-Signature``);
    - WSGI/CGI names, as in Django's ``request.META`` or a WSGI ``environ``
      (``HTTP_X_ZM_SIGNATURE`` is ``x-zm-signature``); entries that are not headers
      (``wsgi.input``…) are skipped;
    - ASGI raw headers, (name, value) pairs of bytes (read as latin-1), and an ASGI
      ``scope`` itself (its ``"headers"``);
    - header objects: Django's ``HttpHeaders``, Werkzeug's (Flask's) ``Headers`` and
      ``EnvironHeaders``, Starlette's ``Headers`` (``multi_items()`` where there is one,
      so a repeated header is seen twice), ``email.message.Message`` and
      ``http.client.HTTPMessage``;
    - a list of values for one name (API Gateway's ``multiValueHeaders``).

    A pair whose value is not text is skipped (a WSGI ``environ`` holds ``wsgi.input``…),
    unless it is one of the two ``x-zm-*`` headers.

    Raises:
        InvalidParameterError: naming ``headers``: not a form of headers, an item that is
            not a (name, value) pair, a name that is not str or bytes, or an ``x-zm-*``
            value that is not str or bytes.
    """
    found: dict[str, list[str]] = {}
    for item in _items(headers):
        if not isinstance(item, (tuple, list)) or len(item) != 2:  # pyright: ignore[reportUnknownArgumentType]
            raise InvalidParameterError("headers", "expected (name, value) pairs")
        pair = cast("Sequence[object]", item)
        name = _text(pair[0])
        values = _values(pair[1])
        if name is None or values is None:
            if name is None or _http_name(name) in _OURS:
                raise InvalidParameterError(
                    "headers", "header names and values must be str or bytes"
                )
            continue  # not a header: an environ entry such as wsgi.input
        name = _http_name(name)
        found.setdefault(name, []).extend(values)
    return found


def _items(headers: object) -> Iterable[object]:
    """The (name, value) items of any form of headers."""
    scope = _asgi_headers(headers)
    if scope is not None:
        return scope
    for method in ("multi_items", "items"):
        read = getattr(headers, method, None)
        if callable(read):
            return cast("Iterable[object]", read())
    kind = type(headers).__name__
    if not isinstance(headers, (str, bytes, bytearray, memoryview)) and isinstance(
        headers, Sequence
    ):
        return cast("Sequence[object]", headers)
    raise InvalidParameterError(
        "headers", f"expected a mapping of header names to values, got {kind}"
    )


def _asgi_headers(headers: object) -> Optional[Sequence[object]]:
    """The raw headers of an ASGI ``scope`` (or Starlette's ``Request``, a mapping of it)."""
    if not isinstance(headers, Mapping):
        return None
    scope = cast("Mapping[object, object]", headers)
    raw = scope.get("headers")
    if scope.get("type") in _ASGI_TYPES and isinstance(raw, (list, tuple)):
        return cast("Sequence[object]", raw)
    return None


def _http_name(name: str) -> str:
    """The lower-cased HTTP name of a header name, or of its CGI/WSGI ``HTTP_`` key."""
    lower = name.lower()
    if lower.startswith("http_"):
        return lower[5:].replace("_", "-")
    return _CGI_PLAIN.get(lower, lower)


def _values(value: object) -> Optional[list[str]]:
    """A header's values: one for text, each of a list of texts, ``None`` for anything else."""
    text = _text(value)
    if text is not None:
        return [text]
    if isinstance(value, (list, tuple)):
        texts = [_text(part) for part in cast("Sequence[object]", value)]
        return None if None in texts else cast("list[str]", texts)
    return None


def _text(value: object) -> Optional[str]:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")  # HTTP header bytes: latin-1 by definition
    return None
