"""Verification with the caller's secret, and the known ways a secret gets mangled.

When the HMAC does not match, each variant below is tried in turn; the first that matches
names the mistake. Only when none does is the result ``SIGNATURE_MISMATCH``. Every
comparison is constant-time, and no recomputed MAC ever leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Callable, NamedTuple, Optional

from zoomsig import _jws
from zoomsig._secrecy import BOM, NBSP, ZOOM_SECRET_LENGTH, bare_bytes
from zoomsig.diagnose._decode import loose_b64decode
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose.codes import FindingCode

__all__ = ["MIN_SECRET_LENGTH", "NamedSecrets", "Variant", "other_secret_variants", "verify"]

_C = FindingCode
MIN_SECRET_LENGTH = ZOOM_SECRET_LENGTH
"""Zoom's SDK secrets and Client secrets are 32 characters (:mod:`zoomsig._secrecy`)."""

NamedSecrets = tuple[tuple[str, bytes], ...]
"""The caller's ``other_secrets`` (:data:`zoomsig._secrecy.OtherSecrets`) once checked: each
name with its value as bytes, in the order given."""

Mac = Callable[[bytes], bytes]
"""Computes the expected MAC (in the token's own encoding) under a given key."""


class Variant(NamedTuple):
    """One known mistake: the key and MAC function it implies, and what it means."""

    code: FindingCode
    key: bytes
    message: str
    mac: Optional[Mac] = None


_BOM, _NBSP = BOM.encode(), NBSP.encode()
# Whatever a reader of a file, a .env or a secrets manager can leave around a secret: a
# newline, one half of a CRLF, a tab or space, a no-break space, a UTF-8 byte-order mark.
_AROUND = (
    (b"", b"\n", "a trailing newline"),
    (b"", b"\r\n", "a trailing CRLF line ending"),
    (b"", b"\r", "a trailing carriage return (old Mac or mixed line endings)"),
    (b"", b" ", "a trailing space"),
    (b"", b"\t", "a trailing tab"),
    (b"", _NBSP, "a trailing no-break space (U+00A0, copied from a web page)"),
    (_BOM, b"", "a byte-order mark at the start (a file saved as UTF-8 with BOM)"),
    (_BOM, b"\n", "a byte-order mark at the start and a trailing newline"),
    (_BOM, b"\r\n", "a byte-order mark at the start and a trailing CRLF"),
)


def _secret_variants(secret: bytes, sdk_key: Optional[str]) -> Iterator[Variant]:
    stripped = bare_bytes(secret)
    if stripped != secret and stripped:
        yield Variant(
            _C.SECRET_HAS_WHITESPACE,
            stripped,
            "the token matches the secret without its surrounding whitespace: the secret you "
            "checked with has a stray space, newline or byte-order mark",
        )
    for prefix, suffix, name in _AROUND:
        yield Variant(
            _C.SECRET_HAS_WHITESPACE,
            prefix + stripped + suffix,
            f"the token was signed with the secret plus {name} (read from a file, .env or "
            "`echo` without -n)",
        )
    decoded = loose_b64decode(stripped.decode("ascii", "replace"))
    if decoded:
        yield Variant(
            _C.SECRET_BASE64_DECODED,
            decoded,
            "the token was signed with the base64-decoded secret (jwt.io's 'secret base64 "
            "encoded' box, or a base64 decode in the signing code)",
        )
    if sdk_key:
        yield Variant(
            _C.KEY_SECRET_SWAPPED,
            sdk_key.encode("utf-8"),
            "the token was signed with the SDK key / Client ID as the secret",
        )


def other_secret_variants(others: NamedSecrets) -> tuple[Variant, ...]:
    """``SIGNED_WITH_OTHER_SECRET`` for each named other secret, as given and stripped."""
    variants: list[Variant] = []
    for name, key in others:
        message = (
            f"the token was signed with the other secret you named {name!r}, not with the "
            "secret it was checked against"
        )
        variants.append(Variant(_C.SIGNED_WITH_OTHER_SECRET, key, message))
        stripped = bare_bytes(key)
        if stripped != key and stripped:
            variants.append(Variant(_C.SIGNED_WITH_OTHER_SECRET, stripped, message))
    return tuple(variants)


def verify(
    mac: bytes,
    expected: Mac,
    *,
    secret: bytes,
    sdk_key: Optional[str],
    extra: tuple[Variant, ...] = (),
    found: Findings,
    mismatch_hint: str = "",
    explain_mismatch: bool = True,
) -> bool:
    """Whether ``mac`` is ``expected(secret)``; a mismatch a variant explains goes to ``found``.

    True only for the given secret itself.

    ``explain_mismatch=False``: a MAC that nothing explains is not a finding (a token Zoom
    signed with its own key is not expected to match the caller's secret). Every comparison
    is :func:`zoomsig._jws.same_mac`.
    """
    if len(secret.strip()) < MIN_SECRET_LENGTH:
        found.add(
            _C.SECRET_TOO_SHORT,
            f"the secret you gave has {len(secret.strip())} characters; Zoom's have "
            f"{MIN_SECRET_LENGTH}",
        )
    if _jws.same_mac(expected(secret), mac):
        return True
    for variant in (*extra, *_secret_variants(secret, sdk_key)):
        if _jws.same_mac((variant.mac or expected)(variant.key), mac):
            found.add(variant.code, variant.message, "signature")
            return False
    if explain_mismatch:
        found.add(
            _C.SIGNATURE_MISMATCH,
            "the HMAC does not match the secret you gave, nor any known variant of it "
            f"(whitespace, base64-decoded, key and secret swapped){mismatch_hint}",
            "signature",
        )
    return False
