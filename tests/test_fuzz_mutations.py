"""Property tests: mutated tokens are never reported ok, and no input makes the engine raise.

Hypothesis makes valid Meeting SDK, Video SDK and legacy signatures, then changes them the
ways tokens get damaged (a flipped, inserted or deleted character, truncation, the
standard base64 alphabet, '=' padding, swapped parts, a change of case). Whatever the
damage, :func:`decode_and_validate` returns a :class:`Report`, and a token that changed is
never ``ok`` with its HMAC verified. Arbitrary text and bytes never raise either.

The longer-running coverage-guided fuzzer is in ``fuzz/``.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Optional, Union

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from zoomsig import (
    LegacyEncoding,
    Report,
    Role,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
TOKENISH = B64URL + "+/=.%\"' \n\r\t{}[]:,\\é\u2028\x00"
MUTATIONS = (
    "flip",
    "insert",
    "delete",
    "truncate",
    "standard",
    "padding",
    "swap",
    "case",
    "dup-part",
)


# -- Valid tokens ------------------------------------------------------------------------

meeting_numbers = st.integers(min_value=100_000_000, max_value=999_999_999_999).map(str)
roles = st.sampled_from([Role.PARTICIPANT, Role.HOST])
lifetimes = st.integers(min_value=1800, max_value=172_800)
secrets = st.one_of(
    st.just(SDK_SECRET),
    st.text(alphabet=B64URL, min_size=32, max_size=40),
)
topics = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@st.composite
def signed(draw: st.DrawFn) -> tuple[str, str, str]:
    """(kind, token, secret) for a valid signature of any kind."""
    kind = draw(st.sampled_from(["meeting", "native", "video", "legacy"]))
    secret = draw(secrets)
    if kind == "meeting":
        value = sign_meeting_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=secret,
            meeting_number=draw(meeting_numbers),
            role=draw(roles),
            expires_in=draw(lifetimes),
            now=NOW,
            video_webrtc_mode=draw(st.sampled_from([None, 0, 1])),
        )
    elif kind == "native":
        value = sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=secret, expires_in=draw(lifetimes), now=NOW
        )
    elif kind == "video":
        topic = draw(topics)
        assume(secret not in topic)  # that is SECRET_IN_TOKEN, an error on purpose
        value = sign_video_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=secret,
            topic=topic,
            role=draw(roles),
            expires_in=draw(lifetimes),
            now=NOW,
        )
    else:
        value = sign_legacy_web_sdk(
            api_key=SDK_KEY,
            api_secret=secret,
            meeting_number=draw(meeting_numbers),
            role=draw(roles),
            now=NOW,
            encoding=draw(st.sampled_from([LegacyEncoding.URL_SAFE, LegacyEncoding.STANDARD])),
        )
    return kind, value, secret


# -- Mutations ----------------------------------------------------------------------------


def _b64url_bytes(part: str) -> Optional[bytes]:
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return None


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(kind, original, mutated, secret)."""
    kind, original, secret = draw(signed())
    how = draw(st.sampled_from(MUTATIONS))
    value = original
    parts = original.split(".")
    position = draw(st.integers(min_value=0, max_value=len(original) - 1))
    if how == "flip":
        value = (
            original[:position] + draw(st.sampled_from(B64URL + "+/=.")) + original[position + 1 :]
        )
    elif how == "insert":
        extra = draw(st.text(alphabet=TOKENISH, min_size=1, max_size=3))
        value = original[:position] + extra + original[position:]
    elif how == "delete":
        length = draw(st.integers(min_value=1, max_value=4))
        value = original[:position] + original[position + length :]
    elif how == "truncate":
        value = original[:position]
    elif how == "standard" and len(parts) == 3:
        index = draw(st.integers(min_value=0, max_value=2))
        raw = _b64url_bytes(parts[index])
        if raw is not None:
            padded = draw(st.booleans())
            text = base64.b64encode(raw).decode("ascii")
            parts[index] = text if padded else text.rstrip("=")
        value = ".".join(parts)
    elif how == "padding":
        index = draw(st.integers(min_value=0, max_value=len(parts) - 1))
        parts[index] += "=" * draw(st.integers(min_value=1, max_value=3))
        value = ".".join(parts)
    elif how == "swap" and len(parts) == 3:
        order = draw(st.permutations([0, 1, 2]))
        value = ".".join(parts[i] for i in order)
    elif how == "case":
        end = draw(st.integers(min_value=position + 1, max_value=len(original)))
        value = original[:position] + original[position:end].swapcase() + original[end:]
    elif how == "dup-part" and len(parts) == 3:
        index = draw(st.integers(min_value=0, max_value=2))
        parts.insert(index, parts[index])
        value = ".".join(parts)
    return kind, original, value, secret


def legacy_content(value: str) -> Optional[bytes]:
    """What a legacy signature decodes to, whichever base64 dialect it uses."""
    body = value.strip().rstrip("=").replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def diagnose(value: Union[str, bytes], secret: Optional[str] = None) -> Report:
    report = decode_and_validate(value, secret=secret, now=NOW)
    assert isinstance(report, Report)
    json.dumps(report.to_dict())
    str(report)
    if secret is None:
        assert report.signature_verified is None
    elif report.ok:  # with a secret, ok means the HMAC was checked and matched
        assert report.signature_verified is True, [f.code.value for f in report.findings]
    return report


# -- Properties ---------------------------------------------------------------------------


@FUZZ
@given(signed())
def test_signed_tokens_are_ok(case: tuple[str, str, str]) -> None:
    """Baseline for the mutations below: every unmutated token is ok and verified."""
    kind, value, secret = case
    report = diagnose(value, secret)
    assert report.signature_verified is True
    if kind != "legacy":  # a correct legacy signature gets the LEGACY_FORMAT warning only
        assert report.ok, [f.code.value for f in report.findings]


@FUZZ
@given(mutated())
def test_changed_token_is_never_ok_and_verified(case: tuple[str, str, str, str]) -> None:
    kind, original, value, secret = case
    report = diagnose(value, secret)
    diagnose(value)  # without the secret too
    diagnose(value.encode("utf-8"), secret)
    if not (report.ok and report.signature_verified is True):
        return
    # The engine diagnoses the stripped value (SURROUNDING_WHITESPACE is a warning), and a
    # legacy signature is valid in either base64 dialect: those are the same signature.
    if kind == "legacy":
        assert legacy_content(value) == legacy_content(original), "changed legacy signature ok"
    else:
        assert value.strip() == original, f"changed token reported ok: {value!r}"


@FUZZ
@given(mutated())
def test_changed_jwt_is_flagged(case: tuple[str, str, str, str]) -> None:
    """A changed JWT gets at least one error, whether or not the secret is known."""
    kind, original, value, _ = case
    if kind == "legacy" or value.strip() == original:
        return
    report = diagnose(value, SDK_SECRET + "x")  # a wrong secret: never verified
    assert report.signature_verified is not True
    assert not report.ok


def test_mangled_legacy_hash_is_not_ok() -> None:
    """Found by the mutation test: a legacy signature whose hash field is cut or not base64
    had only the LEGACY_FORMAT warning, so it was ok although nothing could be verified."""
    value = sign_legacy_web_sdk(
        api_key=SDK_KEY, api_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    content = legacy_content(value)
    assert content is not None
    key, mn, ts, role, digest = content.decode().split(".")
    for broken in (digest[:20], digest[:-4], "!" + digest[1:], digest + "AAAA"):
        text = ".".join([key, mn, ts, role, broken]).encode()
        mangled = base64.urlsafe_b64encode(text).rstrip(b"=").decode()
        for secret in (SDK_SECRET, None):
            assert not diagnose(mangled, secret).ok, broken


@pytest.mark.parametrize(
    "value",
    [
        '"\r"',
        '" "',
        "' '",
        "&quot; &quot;",
        "\u201c \u201d",
        "` `",
        "%20",
        '"%20"',
        '""',
        "Bearer  ",
    ],
)
def test_wrappers_around_nothing(value: str) -> None:
    """Found by fuzz/fuzz_decode.py: quotes or URL encoding around only whitespace raised
    IndexError once the wrapping was peeled off."""
    for secret in (None, SDK_SECRET):
        assert not diagnose(value, secret).ok
        assert not diagnose(value.encode(), secret).ok


@FUZZ
@given(st.text(max_size=600))
def test_arbitrary_text_never_raises(value: str) -> None:
    diagnose(value)
    diagnose(value, SDK_SECRET)


@FUZZ
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(value: bytes) -> None:
    diagnose(value)
    diagnose(value, SDK_SECRET)


@FUZZ
@given(st.lists(st.text(alphabet=TOKENISH, max_size=80), min_size=1, max_size=7))
def test_token_shaped_text_never_raises(parts: list[str]) -> None:
    value = ".".join(parts)
    assert not diagnose(value, SDK_SECRET).signature_verified


@FUZZ
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=20,
    ),
    st.sampled_from(["header", "payload", "response"]),
)
def test_arbitrary_json_never_raises(value: object, where: str) -> None:
    """Any JSON where the header, the payload or a pasted response object goes."""
    text = json.dumps(value)
    part = base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()
    header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    if where == "header":
        candidate = f"{part}.{header}.{'A' * 43}"
    elif where == "payload":
        candidate = f"{header}.{part}.{'A' * 43}"
    else:
        candidate = text
    report = diagnose(candidate, SDK_SECRET)
    assert report.signature_verified is not True
    assert not report.ok  # nothing here carries a valid HMAC
