"""decrypt_app_context: the X-Zoom-App-Context header of a Zoom App, and its usual failures.

Contexts are encrypted here exactly as Zoom's Zoom Apps samples decrypt them
(``decryptZoomAppContext``: base64 of ``[iv len u8][iv][aad len u16 LE][aad][cipher len
i32 LE][cipher][16-byte tag]``, AES-256-GCM, key SHA-256 of the client secret), and
cross-checked with node's crypto when node is installed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
from typing import Any
from urllib.parse import parse_qs, quote

import pytest
from _support import SENTINEL_SECRET, assert_no_secret

from zoomsig import (
    AppContext,
    AppContextError,
    AppContextErrorCode,
    InvalidParameterError,
    decrypt_app_context,
)

AESGCM = pytest.importorskip("cryptography.hazmat.primitives.ciphers.aead").AESGCM

SECRET = SENTINEL_SECRET
NOW = 1763900000
CONTEXT: dict[str, Any] = {
    "typ": "meeting",
    "uid": "Xk3lq8ZzTxy6u_D1Pv0Ajw",
    "mid": "Tq2bYnXGS1qLl3mYk4l8Zg==",
    "aud": "cLiEnTiD0123456789",
    "iss": "marketplace.zoom.us",
    "ts": NOW * 1000 - 2000,
    "exp": NOW * 1000 + 3600_000,
}
_E = AppContextErrorCode


def encrypt(
    context: dict[str, Any],
    secret: str = SECRET,
    *,
    iv: bytes = b"\x07" * 12,
    aad: bytes = b"",
) -> str:
    """A header as Zoom makes it (the layout Zoom's samples read)."""
    key = hashlib.sha256(secret.encode("utf-8")).digest()
    sealed = AESGCM(key).encrypt(iv, json.dumps(context).encode("utf-8"), aad)
    cipher, tag = sealed[:-16], sealed[-16:]
    packed = (
        bytes([len(iv)])
        + iv
        + len(aad).to_bytes(2, "little")
        + aad
        + len(cipher).to_bytes(4, "little")
        + cipher
        + tag
    )
    return base64.b64encode(packed).decode("ascii")


def _error(header: object, secret: str = SECRET, **kwargs: Any) -> AppContextError:
    with pytest.raises(AppContextError) as info:
        decrypt_app_context(header, client_secret=secret, now=kwargs.pop("now", NOW), **kwargs)  # type: ignore[arg-type]
    assert_no_secret(info.value, SECRET)
    assert isinstance(info.value, ValueError)
    return info.value


def test_decrypt_app_context_returns_the_typed_fields() -> None:
    context = decrypt_app_context(encrypt(CONTEXT), client_secret=SECRET, now=NOW)
    assert isinstance(context, AppContext)
    assert (context.typ, context.uid, context.mid) == ("meeting", CONTEXT["uid"], CONTEXT["mid"])
    assert (context.aud, context.iss, context.ts, context.exp) == (
        CONTEXT["aud"],
        CONTEXT["iss"],
        CONTEXT["ts"],
        CONTEXT["exp"],
    )
    assert context.act is None
    assert context.to_dict() == CONTEXT


def test_decrypt_app_context_reads_aad_and_a_deep_link_action() -> None:
    context = dict(CONTEXT, typ="panel", act='{"verb":"join"}')
    header = encrypt(context, aad=b'{"typ":"panel"}', iv=os.urandom(12))
    result = decrypt_app_context(header, client_secret=SECRET, now=NOW)
    assert (result.typ, result.act) == ("panel", '{"verb":"join"}')


def test_app_context_with_the_wrong_client_secret_is_named() -> None:
    # The development and production client secrets differ; so do two apps'.
    error = _error(encrypt(CONTEXT, secret="development-client-secret-0123456"))
    assert error.error is _E.WRONG_SECRET
    assert error.code == "WRONG_SECRET"


def test_app_context_url_decoded_plus_turned_into_space_is_named() -> None:
    # The header forwarded in a query string and read back with unquote_plus / parse_qs.
    header = next(h for n in range(200) if "+" in (h := encrypt(dict(CONTEXT, uid=f"u{n}"))))
    forwarded = parse_qs(f"ctx={header}")["ctx"][0]
    assert " " in forwarded
    assert _error(forwarded).error is _E.SPACES_INSTEAD_OF_PLUS
    assert decrypt_app_context(forwarded.replace(" ", "+"), client_secret=SECRET, now=NOW)


def test_app_context_url_encoded_is_named() -> None:
    header = next(
        h for n in range(200) if "/" in (h := encrypt(dict(CONTEXT, uid=f"u{n}"))) or "+" in h
    )
    assert _error(quote(header, safe="")).error is _E.URL_ENCODED


@pytest.mark.parametrize("cut", [1, 10, 17, 40, 60])
def test_truncated_app_context_is_named(cut: int) -> None:
    header = encrypt(CONTEXT)
    raw = base64.b64decode(header)[:-cut]
    assert _error(base64.b64encode(raw).decode()).error is _E.TRUNCATED


def test_truncated_base64_of_app_context_is_named() -> None:
    header = encrypt(CONTEXT).rstrip("=")
    cut = header[: len(header) - 1 - (len(header) - 1) % 4 - 3]  # 4n + 1 characters
    assert len(cut) % 4 == 1
    assert _error(cut).error is _E.TRUNCATED


def test_stale_app_context_is_refused() -> None:
    assert _error(encrypt(CONTEXT), now=NOW + 301).error is _E.STALE
    assert decrypt_app_context(encrypt(CONTEXT), client_secret=SECRET, now=NOW + 290)


def test_app_context_max_age_is_the_caller_s() -> None:
    header = encrypt(CONTEXT)
    assert decrypt_app_context(header, client_secret=SECRET, now=NOW + 600, max_age=900)
    with pytest.raises(InvalidParameterError):
        decrypt_app_context(header, client_secret=SECRET, now=NOW, max_age=0)


def test_expired_app_context_is_refused() -> None:
    header = encrypt(dict(CONTEXT, exp=NOW * 1000 - 1))
    assert _error(header).error is _E.EXPIRED


def test_app_context_without_ts_or_exp_is_refused() -> None:
    context = {k: v for k, v in CONTEXT.items() if k not in ("ts", "exp")}
    assert _error(encrypt(context)).error is _E.STALE


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("", _E.EMPTY),
        ("   ", _E.EMPTY),
        ("not*base64!", _E.NOT_BASE64),
        ("A" * 20000, _E.TOO_LONG),
        (base64.b64encode(b"\x00" + b"x" * 40).decode(), _E.MALFORMED),
    ],
)
def test_unusable_app_context_header(header: str, code: AppContextErrorCode) -> None:
    assert _error(header).error is code


def test_bytes_after_the_tag_are_malformed() -> None:
    raw = base64.b64decode(encrypt(CONTEXT)) + b"\x00\x01"
    assert _error(base64.b64encode(raw).decode()).error is _E.MALFORMED


def test_app_context_that_is_not_json_is_named() -> None:
    key = hashlib.sha256(SECRET.encode()).digest()
    iv = b"\x01" * 12
    sealed = AESGCM(key).encrypt(iv, b"not json", b"")
    packed = bytes([12]) + iv + b"\x00\x00" + (len(sealed) - 16).to_bytes(4, "little") + sealed
    assert _error(base64.b64encode(packed).decode()).error is _E.NOT_JSON


def test_secret_is_checked_like_every_secret() -> None:
    with pytest.raises(InvalidParameterError) as info:
        decrypt_app_context(encrypt(CONTEXT), client_secret=SECRET + "\n", now=NOW)
    assert info.value.parameter == "client_secret"
    assert_no_secret(info.value, SECRET)


def test_missing_cryptography_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers.aead", None)
    with pytest.raises(ModuleNotFoundError, match=r"zoomsig\[apps\]"):
        decrypt_app_context(encrypt(CONTEXT), client_secret=SECRET, now=NOW)


_NODE_ENCRYPT = r"""
const crypto = require('crypto');
const [context, secret] = [process.argv[1], process.argv[2]];
const iv = crypto.randomBytes(12), aad = Buffer.from('{"typ":"meeting"}');
const key = crypto.createHash('sha256').update(secret).digest();
const c = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
c.setAAD(aad);
const cipher = Buffer.concat([c.update(context, 'utf8'), c.final()]);
const n = (size, v, f) => { const b = Buffer.alloc(size); b[f](v, 0); return b; };
process.stdout.write(Buffer.concat([n(1, iv.length, 'writeUInt8'), iv,
  n(2, aad.length, 'writeUInt16LE'), aad, n(4, cipher.length, 'writeInt32LE'), cipher,
  c.getAuthTag()]).toString('base64'));
"""
_NODE_DECRYPT = r"""
const crypto = require('crypto');
let buf = Buffer.from(process.argv[1], 'base64');
const ivl = buf.readUInt8(0); buf = buf.subarray(1);
const iv = buf.subarray(0, ivl); buf = buf.subarray(ivl);
const al = buf.readUInt16LE(0); buf = buf.subarray(2);
const aad = buf.subarray(0, al); buf = buf.subarray(al);
const cl = buf.readInt32LE(0); buf = buf.subarray(4);
const cipher = buf.subarray(0, cl), tag = buf.subarray(cl);
const d = crypto.createDecipheriv('aes-256-gcm',
  crypto.createHash('sha256').update(process.argv[2]).digest(), iv, { authTagLength: 16 });
d.setAAD(aad); d.setAuthTag(tag);
process.stdout.write(d.update(cipher, 'hex', 'utf-8') + d.final('utf-8'));
"""
node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def _node(script: str, *args: str) -> str:
    node_path = shutil.which("node")
    assert node_path is not None
    done = subprocess.run(
        [node_path, "-e", script, *args], capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout


@node
def test_context_encrypted_by_node_crypto_decrypts() -> None:
    header = _node(_NODE_ENCRYPT, json.dumps(CONTEXT), SECRET)
    assert decrypt_app_context(header, client_secret=SECRET, now=NOW).to_dict() == CONTEXT


@node
def test_node_decrypts_the_test_encryptor_s_context_as_zoom_s_samples_do() -> None:
    header = encrypt(CONTEXT, aad=b'{"typ":"meeting"}')
    assert json.loads(_node(_NODE_DECRYPT, header, SECRET)) == CONTEXT
