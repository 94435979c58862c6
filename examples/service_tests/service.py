"""The service's signature endpoint and its check of signatures that clients send back.

Framework-free (request dict in, status and JSON dict out), as the service's own
framework layer would call it.
"""

from __future__ import annotations

from typing import Optional

from signing import Settings, sign_meeting

from zoomsig import decode_and_validate

CAN_SIGN = {"MEETING_SDK", "GENERAL_APP"}


def signature_endpoint(
    settings: Settings, body: dict[str, object], now: Optional[int] = None
) -> tuple[int, dict[str, object]]:
    """POST /zoom/signature ``{"meetingNumber": "...", "role": 0}``."""
    if settings.app_type not in CAN_SIGN:
        return 500, {"error": f"{settings.app_type} credentials cannot sign Meeting SDK joins"}
    number, role = body.get("meetingNumber"), body.get("role")
    if not (isinstance(number, str) and number.isdigit()) or role not in (0, 1):
        return 400, {"error": "meetingNumber (digits) and role (0 or 1) are required"}
    assert isinstance(role, int)
    return 200, {
        "signature": sign_meeting(settings, number, role, now),
        "sdkKey": settings.client_id,
    }


def check_client_signature(
    settings: Settings, signature: str, meeting_number: str, role: int, now: Optional[int] = None
) -> tuple[int, dict[str, object]]:
    """POST /zoom/join-check: a client asks why its signature fails; 422 lists the codes."""
    report = decode_and_validate(
        signature,
        secret=settings.client_secret,
        sdk_key=settings.client_id,
        meeting_number=meeting_number,
        role=role,
        now=now,
    )
    if report.ok:
        return 200, {"ok": True}
    return 422, {"ok": False, "codes": sorted(f.code.value for f in report.errors)}
