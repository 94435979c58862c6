"""Rules for a legacy Web SDK signature ``base64(key.mn.ts.role.hash)`` (zoom-rules.md §3)."""

from __future__ import annotations

import base64
import hmac
from typing import Optional

from zoomsig._registry import MEETING_NUMBER_DIGITS
from zoomsig.diagnose._context import Context, look_alike
from zoomsig.diagnose._decode import HEX_DIGEST, MAC_LENGTH, is_canonical_b64, loose_b64decode
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._secret import Variant, verify
from zoomsig.diagnose._text import duration, show
from zoomsig.diagnose.codes import FindingCode

__all__ = ["legacy_claims", "legacy_rules", "verify_legacy"]

_C = FindingCode
_LEGACY_LIFETIME = 86400
"""A legacy signature was valid for about 24 hours (uncertain, hence warnings only)."""
_FUTURE_TOLERANCE_MS = 60_000
_HASH_LENGTH = 44  # base64 of 32 bytes, with its "=" padding


def legacy_claims(fields: list[str]) -> dict[str, object]:
    """The readable fields of a legacy signature (the hash is left out)."""
    names = ("apiKey", "meetingNumber", "timestamp", "role")
    return dict(zip(names, fields[:4]))


def legacy_rules(fields: list[str], context: Context, found: Findings) -> Optional[int]:
    """Field and time rules; returns the expiry (Unix seconds) if known."""
    found.add(
        _C.LEGACY_FORMAT,
        "a legacy key.mn.ts.role.hash signature: Web SDK 2.7.0 and later reject it and no "
        "SDK version Zoom still lets connect accepts it, so the join fails (its fields are "
        "still read and checked, for old deployments and tests). Its HMAC covers key, "
        "meeting number, timestamp and role run together, so digits can move from one field "
        "to the next without breaking it: this format cannot bind its fields (a Meeting SDK "
        "JWT can)",
    )
    if len(fields) != 5:
        found.add(
            _C.LEGACY_FIELDS_INVALID,
            f"the signature has {len(fields)} dot-separated fields; a legacy one has 5",
        )
        return None
    key, mn, timestamp, role, digest = fields
    # 13 digits of milliseconds (2001 to 2286); 10 or fewer are seconds, reported below.
    numeric_timestamp = (
        timestamp.isascii()
        and timestamp.isdigit()
        and (len(timestamp) == 13 or len(timestamp) <= 10)
    )
    _validate_shape(mn, timestamp, role, numeric_timestamp, found)
    _validate_expected(key, mn, role, context, found)
    _validate_hash(digest, found)
    if not numeric_timestamp:
        return None
    return _validate_timestamp(timestamp, context, found)


def _validate_shape(
    mn: str, timestamp: str, role: str, numeric_timestamp: bool, found: Findings
) -> None:
    """The fields are read where the dots are; the HMAC does not see the dots, so each field
    must have its one possible shape for the reading to mean anything."""
    mn_ok = mn.isascii() and mn.isdigit() and len(mn) in MEETING_NUMBER_DIGITS
    bad = [
        f"{name} {show(value)} ({expected})"
        for name, value, ok, expected in (
            ("meeting number", mn, mn_ok, "9 to 12 digits"),
            ("timestamp", timestamp, numeric_timestamp, "13 digits of milliseconds"),
            ("role", role, role in ("0", "1"), "0 or 1"),
        )
        if not ok
    ]
    if bad:
        found.add(_C.LEGACY_FIELDS_INVALID, f"wrong shape: {', '.join(bad)}")


def _validate_expected(key: str, mn: str, role: str, context: Context, found: Findings) -> None:
    """The key, meeting number and role against what the caller expects."""
    if context.sdk_key is not None and key != context.sdk_key:
        found.add(
            _C.SDK_KEY_MISMATCH,
            f"the API key is {show(key)}, not the expected key {show(context.sdk_key)}"
            + look_alike(key, context.sdk_key),
            "apiKey",
        )
    if context.meeting_number is not None and mn != context.meeting_number:
        found.add(
            _C.MEETING_NUMBER_MISMATCH,
            f"the meeting number is {show(mn)} but the meeting being joined is "
            f"{show(context.meeting_number)}",
            "meetingNumber",
        )
    if context.role is not None and role in ("0", "1") and int(role) != context.role:
        found.add(_C.ROLE_MISMATCH, f"role is {role} but you expect {context.role}", "role")


def _validate_timestamp(timestamp: str, context: Context, found: Findings) -> Optional[int]:
    """The timestamp (digits only) against ``now``; returns the expiry when it is known."""
    if len(timestamp) <= 10:
        found.add(
            _C.LEGACY_TIMESTAMP_SECONDS,
            f"the timestamp {timestamp} has {len(timestamp)} digits: seconds, not milliseconds",
            "timestamp",
        )
        return None
    issued_ms = int(timestamp)
    now_ms = context.now * 1000
    if issued_ms > now_ms + _FUTURE_TOLERANCE_MS:
        found.add(
            _C.LEGACY_IN_FUTURE,
            f"the timestamp is {duration((issued_ms - now_ms) / 1000)} after now",
            "timestamp",
        )
    elif now_ms - issued_ms > _LEGACY_LIFETIME * 1000:
        found.add(
            _C.LEGACY_EXPIRED,
            f"the timestamp is {duration((now_ms - issued_ms) / 1000)} old",
            "timestamp",
        )
    return issued_ms // 1000 + _LEGACY_LIFETIME


def _hash_bytes(digest: str) -> tuple[Optional[bytes], bool]:
    """The HMAC in the hash field and whether it was written as hex.

    Zoom's samples wrote ``base64(HMAC)``; CryptoJS users wrote ``base64(hex(HMAC))`` and
    some wrote the hex alone.
    """
    if HEX_DIGEST.fullmatch(digest):
        return bytes.fromhex(digest.replace("-", "")), True
    raw = loose_b64decode(digest)
    if raw is not None and len(raw) == 64 and HEX_DIGEST.fullmatch(raw.decode("latin-1")):
        return bytes.fromhex(raw.decode("ascii")), True
    return raw, False


def _validate_hash(digest: str, found: Findings) -> None:
    """The hash must be the 44-character standard base64 of a 32-byte HMAC-SHA256."""
    mac, hexed = _hash_bytes(digest)
    if hexed:
        found.add(
            _C.SIGNATURE_HEX,
            "the hash field holds a hex digest (CryptoJS .toString(enc.Hex) or "
            "hexdigest()), not base64 of the HMAC bytes",
            "hash",
        )
    elif mac is None or len(mac) != MAC_LENGTH or len(digest) != _HASH_LENGTH:
        size = "cannot be decoded" if mac is None else f"decodes to {len(mac)} byte"
        size += "s" * (mac is not None and len(mac) != 1)
        found.add(
            _C.SIGNATURE_LENGTH_INVALID,
            f"the hash field has {len(digest)} character{'s' * (len(digest) != 1)} and {size}; "
            f"it should be the {_HASH_LENGTH}-character base64 of a 32-byte HMAC-SHA256: was it "
            "cut?",
            "hash",
        )
    elif "-" in digest or "_" in digest:
        found.add(
            _C.MALFORMED,
            "the hash has base64url characters ('-' or '_') where Zoom's standard base64 has "
            "'+' and '/': Zoom recomputes the hash in standard base64, so this spelling does "
            "not match it: the signature was altered or re-encoded",
            "hash",
        )
    elif not is_canonical_b64(digest, mac):
        found.add(
            _C.MALFORMED,
            "the hash's last character is not canonical base64: the signature was altered",
            "hash",
        )


def verify_legacy(
    fields: list[str],
    secret: bytes,
    sdk_key: Optional[str],
    others: tuple[Variant, ...],
    found: Findings,
) -> bool:
    """Whether ``secret`` made the legacy hash (``False`` when there is no readable hash); a
    mismatch that a known variant of the secret explains goes to ``found``.

    ``others`` are the caller's other secrets (``SIGNED_WITH_OTHER_SECRET``).
    """
    if len(fields) != 5:
        return False
    given, _ = _hash_bytes(fields[4])
    if given is None or len(given) != MAC_LENGTH:
        return False
    raw_message = "".join(fields[:4]).encode("utf-8")
    message = base64.b64encode(raw_message)

    def expected(key: bytes) -> bytes:
        return hmac.digest(key, message, "sha256")

    def over_raw(key: bytes) -> bytes:
        return hmac.digest(key, raw_message, "sha256")

    raw = Variant(
        _C.LEGACY_HMAC_RAW_MESSAGE,
        secret,
        "the hash was made over key+meeting number+timestamp+role itself, not over its base64",
        over_raw,
    )
    return verify(
        given, expected, secret=secret, sdk_key=sdk_key, extra=(raw, *others), found=found
    )
