"""The Meeting SDK auth endpoint's logic, shared by the Django and FastAPI recipes.

Framework-free: :func:`sign_request` takes the raw request body and the server's
credentials and returns ``(status, JSON body)`` as Zoom's official auth endpoint sample
answers. ``POST`` a JSON body ``{"meetingNumber", "role", "expirationSeconds"?,
"videoWebRtcMode"?}`` and get ``200 {"signature": ..., "sdkKey": ...}``; a body that cannot
make a signature Zoom accepts gets ``400 {"errors": [{"property": ..., "reason": ...}]}``
naming the field, in the shape of the official sample's errors, so that a frontend written
for the sample works unchanged.

Like the sample, ``role`` and ``expirationSeconds`` may also be strings of digits (``"1"``):
that is what an HTML form or a query string gives, and the sample converts them with
``parseInt``. Anything else (``"host"``, ``"1abc"``, ``true``, ``1.5``, ``null``) is refused
rather than guessed at. Leave out both ``meetingNumber`` and ``role`` for a native SDK token.

Copy this file next to your view. Before you deploy: anyone who can reach the endpoint gets
a signature, for any role. Decide the role on the server from the logged-in user (only hosts
get ``1``) and require a login, as the rest of your app does.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Optional

from zoomsig import InvalidParameterError, sign_meeting_sdk

__all__ = ["FIELDS", "sign_request"]

logger = logging.getLogger(__name__)

FIELDS = {
    "meeting_number": "meetingNumber",
    "role": "role",
    "expires_in": "expirationSeconds",
    "video_webrtc_mode": "videoWebRtcMode",
}
"""The request's JSON field for each zoomsig parameter, to name it in a 400."""

Errors = list[dict[str, str]]


def _error(name: str, reason: str) -> dict[str, str]:
    return {"property": name, "reason": reason}


def _integer(body: dict[str, Any], field: str, errors: Errors, *, digits: bool) -> Optional[int]:
    """An int field; with ``digits``, a string of digits too (as the sample's parseInt)."""
    if field not in body:
        return None
    value = body[field]
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if (
        digits
        and isinstance(value, str)
        and value.isascii()
        and value.isdigit()
        and len(value) < 10
    ):
        return int(value)
    expected = "an integer or a string of digits" if digits else "an integer"
    errors.append(_error(field, f"expected {expected}, got {json.dumps(value)[:40]}"))
    return None


def sign_request(raw: bytes, sdk_key: str, sdk_secret: str) -> tuple[int, dict[str, object]]:
    """``(status, JSON body)`` for one request body; no framework in here."""
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        return 400, {"errors": [_error("$body", "the body is not valid JSON")]}
    if not isinstance(body, dict):
        return 400, {"errors": [_error("$body", "expected a JSON object")]}
    errors: Errors = [
        _error(field, "must not be null; leave the field out instead")
        for field in FIELDS.values()
        if field in body and body[field] is None
    ]
    present: dict[str, Any] = {name: value for name, value in body.items() if value is not None}
    role = _integer(present, "role", errors, digits=True)
    expires_in = _integer(present, "expirationSeconds", errors, digits=True)
    webrtc = _integer(present, "videoWebRtcMode", errors, digits=False)
    meeting_number = present.get("meetingNumber")
    if ("meetingNumber" in body) != ("role" in body):
        missing = "role" if "role" not in body else "meetingNumber"
        errors.append(
            _error(
                missing,
                "meetingNumber and role go together: both for a Web SDK signature, "
                "neither for a native SDK signature",
            )
        )
    if errors:
        return 400, {"errors": errors}
    try:
        signature = sign_meeting_sdk(
            sdk_key=sdk_key,
            sdk_secret=sdk_secret,
            meeting_number=meeting_number,  # zoomsig checks it: digits only, 9 to 12 of them
            role=role,
            expires_in=7200 if expires_in is None else expires_in,
            video_webrtc_mode=webrtc,
        )
    except InvalidParameterError as exc:
        field = FIELDS.get(exc.parameter)
        if field is None:  # the server's own key or secret: not the caller's fault
            logger.exception("cannot sign Zoom signatures")  # zoomsig never puts the secret in it
            reason = "the server's Zoom SDK credentials are missing or invalid"
            return 500, {"errors": [_error("$server", reason)]}
        reason = str(exc).removeprefix(f"{exc.parameter}: ")
        return 400, {"errors": [_error(field, reason)]}
    return 200, {"signature": signature, "sdkKey": sdk_key}
