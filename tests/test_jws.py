"""zoomsig._jws: HS256 and base64url, checked against RFC 7515 Appendix A.1 and PyJWT."""

from __future__ import annotations

import hashlib
import hmac
import json
import warnings
from typing import Any

import jwt
import pytest
from _support import SDK_SECRET

from zoomsig import _jws

# RFC 7515 Appendix A.1 (JWS using HMAC SHA-256): the exact JWS Signing Input, the JWK
# key and the resulting signature, copied from the RFC.
RFC_HEADER = b'{"typ":"JWT",\r\n "alg":"HS256"}'
RFC_PAYLOAD = b'{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}'
RFC_SIGNING_INPUT = (
    b"eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    b"."
    b"eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
)
RFC_JWK_K = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
RFC_SIGNATURE = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

# The header every Zoom sample sends, as it appears in Zoom's official vectors.
ZOOM_HEADER_B64 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"


def _rfc_key() -> bytes:
    key = _jws.b64url_decode(RFC_JWK_K)
    assert key is not None
    return key


def _flip_bit(data: bytes, index: int, bit: int = 0) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 1 << bit
    return bytes(changed)


def _pyjwt_decode(token: str, key: bytes | str) -> dict[str, Any]:
    with warnings.catch_warnings():
        # Short test keys are fine here; newer PyJWT warns about them.
        warnings.simplefilter("ignore", getattr(jwt, "InsecureKeyLengthWarning", UserWarning))
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=["HS256"],
            options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
        )
    return claims


# --- RFC 7515 Appendix A.1 --------------------------------------------------------------


def test_rfc7515_a1_key_decodes_to_64_octets() -> None:
    key = _rfc_key()
    assert len(key) == 64
    assert key[:4] == bytes([3, 35, 53, 75])  # the RFC lists the octets of k


def test_rfc7515_a1_signing_input_parts() -> None:
    header, payload = RFC_SIGNING_INPUT.split(b".")
    assert _jws.b64url_encode(RFC_HEADER) == header
    assert _jws.b64url_encode(RFC_PAYLOAD) == payload
    assert _jws.b64url_decode(header.decode()) == RFC_HEADER
    assert _jws.b64url_decode(payload.decode()) == RFC_PAYLOAD


def test_rfc7515_a1_hs256() -> None:
    mac = _jws.hs256(_rfc_key(), RFC_SIGNING_INPUT)
    assert _jws.b64url_encode(mac).decode("ascii") == RFC_SIGNATURE


def test_rfc7515_a1_verify_accepts_the_rfc_signature() -> None:
    mac = _jws.b64url_decode(RFC_SIGNATURE)
    assert mac is not None
    assert _jws.verify(RFC_SIGNING_INPUT, mac, _rfc_key()) is True


@pytest.mark.parametrize(("index", "bit"), [(0, 0), (15, 3), (31, 7)])
def test_rfc7515_a1_verify_rejects_a_flipped_mac_bit(index: int, bit: int) -> None:
    mac = _jws.b64url_decode(RFC_SIGNATURE)
    assert mac is not None
    assert _jws.verify(RFC_SIGNING_INPUT, _flip_bit(mac, index, bit), _rfc_key()) is False


@pytest.mark.parametrize("index", [0, 40, len(RFC_SIGNING_INPUT) - 1])
def test_rfc7515_a1_verify_rejects_a_flipped_message_bit(index: int) -> None:
    mac = _jws.b64url_decode(RFC_SIGNATURE)
    assert mac is not None
    assert _jws.verify(_flip_bit(RFC_SIGNING_INPUT, index), mac, _rfc_key()) is False


def test_rfc7515_a1_verify_rejects_another_key_and_a_short_mac() -> None:
    mac = _jws.b64url_decode(RFC_SIGNATURE)
    assert mac is not None
    assert _jws.verify(RFC_SIGNING_INPUT, mac, _flip_bit(_rfc_key(), 63)) is False
    assert _jws.verify(RFC_SIGNING_INPUT, mac[:-1], _rfc_key()) is False
    assert _jws.verify(RFC_SIGNING_INPUT, b"", _rfc_key()) is False


def test_rfc7515_a1_pyjwt_agrees() -> None:
    token = (RFC_SIGNING_INPUT + b"." + RFC_SIGNATURE.encode()).decode()
    claims = _pyjwt_decode(token, _rfc_key())
    assert claims == {"iss": "joe", "exp": 1300819380, "http://example.com/is_root": True}


# --- hs256 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "message"),
    [(b"", b""), (b"k", b"message"), (b"x" * 100, b"long key, hashed first"), (b"\x00", b"\xff")],
    ids=["empty", "short", "key-longer-than-block", "binary"],
)
def test_hs256_is_hmac_sha256(key: bytes, message: bytes) -> None:
    assert _jws.hs256(key, message) == hmac.new(key, message, hashlib.sha256).digest()


# --- base64url --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [
        (b"", b""),
        (b"f", b"Zg"),
        (b"fo", b"Zm8"),
        (b"foo", b"Zm9v"),
        (b"foob", b"Zm9vYg"),
        (b"\xfb\xff", b"-_8"),
        (b"\xfb\xef\xbe", b"----"),
        (b"\xff\xff\xff", b"____"),
    ],
)
def test_b64url_encode(raw: bytes, encoded: bytes) -> None:
    # RFC 4648 section 10 vectors without padding, plus the two url-safe characters.
    assert _jws.b64url_encode(raw) == encoded
    assert _jws.b64url_decode(encoded.decode()) == raw


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Zg==", id="padding-kept"),
        pytest.param("Zg=", id="half-padding"),
        pytest.param("Zm9v=", id="padding-after-full-quantum"),
        pytest.param("+_8", id="standard-plus"),
        pytest.param("-/8", id="standard-slash"),
        pytest.param("Zh", id="non-canonical-last-char-2"),
        pytest.param("Zm9", id="non-canonical-last-char-3"),
        pytest.param("Z", id="length-mod-4-is-1"),
        pytest.param("Zm9vY", id="length-mod-4-is-1-long"),
        pytest.param("Zm 9v", id="inner-space"),
        pytest.param("Zm9v\n", id="trailing-newline"),
        pytest.param("Zm9v.", id="dot"),
        pytest.param("Zm9é", id="non-ascii"),
        pytest.param("Zm9v\x00", id="nul"),
    ],
)
def test_b64url_decode_is_strict(text: str) -> None:
    assert _jws.b64url_decode(text) is None


def test_b64url_decode_canonical_neighbours_still_decode() -> None:
    # "Zg" and "Zm8" are the canonical forms next to the refused "Zh" and "Zm9".
    assert _jws.b64url_decode("Zg") == b"f"
    assert _jws.b64url_decode("Zm8") == b"fo"


# --- signing_input / sign / verify ------------------------------------------------------


def test_signing_input_uses_zooms_header() -> None:
    message = _jws.signing_input(b'{"a":1}')
    header, payload = message.split(b".")
    assert header.decode() == ZOOM_HEADER_B64
    assert _jws.b64url_decode(header.decode()) == b'{"alg":"HS256","typ":"JWT"}'
    assert payload == _jws.b64url_encode(b'{"a":1}')


def test_sign_compact_json_in_insertion_order() -> None:
    payload: dict[str, object] = {"z": 1, "a": "two", "m": [1, 2], "b": None}
    token = _jws.sign(payload, b"key")
    header, body, mac = token.split(".")
    assert header == ZOOM_HEADER_B64
    assert _jws.b64url_decode(body) == b'{"z":1,"a":"two","m":[1,2],"b":null}'
    signature = _jws.b64url_decode(mac)
    assert signature == _jws.hs256(b"key", f"{header}.{body}".encode())
    assert _jws.verify(f"{header}.{body}".encode(), signature, b"key")


def test_sign_writes_non_ascii_as_utf8_not_escapes() -> None:
    token = _jws.sign({"tpc": "Café ☕ 会议"}, SDK_SECRET.encode())
    body = _jws.b64url_decode(token.split(".")[1])
    assert body == '{"tpc":"Café ☕ 会议"}'.encode()
    assert b"\\u" not in body
    assert _pyjwt_decode(token, SDK_SECRET) == {"tpc": "Café ☕ 会议"}


def test_sign_escapes_control_characters_like_json() -> None:
    token = _jws.sign({"t": 'a"b\\c\n\x01/'}, b"k")
    body = _jws.b64url_decode(token.split(".")[1])
    assert body == b'{"t":"a\\"b\\\\c\\n\\u0001/"}'


@pytest.mark.parametrize(
    "payload",
    [
        {"appKey": "k", "sdkKey": "k", "mn": "123456789", "role": 0, "iat": 1, "exp": 2},
        {"app_key": "k", "role_type": 1, "tpc": "t", "version": 1, "iat": 5, "exp": 7205},
        {"x": "~!@#$%^&*()_+`-={}|[]\\:\";'<>?,./"},
    ],
    ids=["meeting-shape", "video-shape", "ascii-punctuation"],
)
def test_sign_matches_pyjwt_encode_for_ascii(payload: dict[str, object]) -> None:
    token = _jws.sign(payload, SDK_SECRET.encode())
    assert token == jwt.encode(payload, SDK_SECRET, algorithm="HS256")
    decoded = _pyjwt_decode(token, SDK_SECRET)
    assert decoded == payload
    assert list(decoded) == list(payload)


def test_sign_output_is_three_unpadded_base64url_parts() -> None:
    token = _jws.sign({"k": "\xff" * 50}, b"secret")
    parts = token.split(".")
    assert len(parts) == 3
    for part in parts:
        assert "=" not in part
        assert "+" not in part
        assert "/" not in part
        assert _jws.b64url_decode(part) is not None


def test_sign_json_roundtrips() -> None:
    payload: dict[str, object] = {"n": 12345678901234567890, "f": 0.5, "s": "x"}
    body = _jws.b64url_decode(_jws.sign(payload, b"k").split(".")[1])
    assert body is not None
    assert json.loads(body) == payload


@pytest.mark.parametrize("accelerated", [True, False])
def test_payload_json_with_and_without_the_c_encoder(
    accelerated: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the C accelerator (PyPy) the encoder falls back to JSONEncoder.encode: both
    # write compact JSON in insertion order with non-ASCII text as is.
    if not accelerated:
        monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    encode = _jws._payload_encoder()
    payload: dict[str, object] = {"tpc": 'Straße "1"\n', "role_type": 1, "iat": 1763900000}
    assert encode(payload) == json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
