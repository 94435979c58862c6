"""Issue 21 §2: what developers still get wrong in 2026, each made as the real code makes it.

Tokens are made with PyJWT (``jwt.encode``), as the Python backends in the reports make them;
each test is named after the mistake and failed on c361e58.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Any

import jwt as pyjwt
import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET

from zoomsig import FindingCode, Severity, decode_and_validate

C = FindingCode
MN = "85746065432"


def _claims(**changes: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "appKey": SDK_KEY,
        "sdkKey": SDK_KEY,
        "mn": MN,
        "role": 0,
        "iat": NOW - 30,
        "exp": NOW + 7170,
        "tokenExp": NOW + 7170,
    }
    claims.update(changes)
    return claims


def _encode(claims: dict[str, Any], secret: str = SDK_SECRET, **kwargs: Any) -> str:
    return pyjwt.encode(claims, secret, algorithm="HS256", **kwargs)


def test_authorization_header_line_pasted_as_signature() -> None:
    """``Authorization: Bearer eyJ…`` (a line copied from a request log) was reported as a
    broken header and a mismatch, though the HMAC matches once it is unwrapped."""
    token = _encode(_claims())
    for line in (f"Authorization: Bearer {token}", f"authorization:bearer {token}\n"):
        report = decode_and_validate(line, secret=SDK_SECRET, now=NOW)
        assert report.signature_verified is True, report.codes
        assert {f.code for f in report.errors} == {C.HEADER_LINE}
        assert "header line" in report.errors[0].message
