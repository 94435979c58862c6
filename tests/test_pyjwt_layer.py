"""PyJWT is the JWT layer: it makes every token, and it decides which secrets are keys.

Regression tests for issue 12: PyJWT was a declared dependency that the package never
imported, and an SSH public key passed as a secret was silently used as an HMAC key.
"""

from __future__ import annotations

import warnings
from typing import Any, Callable
from unittest import mock

import jwt
import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET, assert_rejected, pyjwt_encode

from zoomsig import (
    InvalidParameterError,
    _jws,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)

Signer = Callable[..., str]

SIGNERS: dict[str, tuple[Signer, str, dict[str, Any]]] = {
    "meeting": (
        sign_meeting_sdk,
        "sdk_secret",
        {"sdk_key": SDK_KEY, "meeting_number": "85746065432", "role": 0, "now": NOW},
    ),
    "video": (
        sign_video_sdk,
        "sdk_secret",
        {"sdk_key": SDK_KEY, "topic": "Weekly sync", "role": 1, "now": NOW},
    ),
    "legacy": (
        sign_legacy_web_sdk,
        "api_secret",
        {"api_key": SDK_KEY, "meeting_number": "85746065432", "role": 0, "now": NOW},
    ),
}

# Asymmetric keys as someone might paste them into ZOOM_SDK_SECRET. Each carries the
# sentinel, so the no-leak check sees any fragment of it in the error.
ASYMMETRIC = {
    "ssh-rsa public key": f"ssh-rsa AAAAB3NzaC1yc2E{SENTINEL_SECRET} me@laptop",
    "ssh-ed25519 public key": f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5{SENTINEL_SECRET}",
    "ecdsa ssh public key": f"ecdsa-sha2-nistp256 AAAAE2VjZHNh{SENTINEL_SECRET}",
    "PEM public key": (
        f"-----BEGIN PUBLIC KEY-----\nMFkw{SENTINEL_SECRET}\n-----END PUBLIC KEY-----"
    ),
    "PEM private key": (
        f"-----BEGIN PRIVATE KEY-----\nMIGH{SENTINEL_SECRET}\n-----END PRIVATE KEY-----"
    ),
    "PEM certificate": (
        f"-----BEGIN CERTIFICATE-----\nMIIB{SENTINEL_SECRET}\n-----END CERTIFICATE-----"
    ),
}


def pyjwt_refuses(secret: str) -> bool:
    """Outside truth: does PyJWT itself refuse ``secret`` as an HS256 key?"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", getattr(jwt, "InsecureKeyLengthWarning", UserWarning))
        try:
            jwt.encode({"a": 1}, secret, algorithm="HS256")
        except jwt.InvalidKeyError:
            return True
    return False


@pytest.mark.parametrize("signer", sorted(SIGNERS))
@pytest.mark.parametrize("key", sorted(ASYMMETRIC))
def test_asymmetric_key_as_secret_is_refused_as_pyjwt_refuses_it(signer: str, key: str) -> None:
    sign, parameter, kwargs = SIGNERS[signer]
    secret = ASYMMETRIC[key]
    assert pyjwt_refuses(secret), "PyJWT accepts this key: the sample is not what it claims"
    exc = assert_rejected(
        sign, {**kwargs, parameter: secret}, InvalidParameterError, parameter, ("not an HMAC",)
    )
    assert "asymmetric key" in str(exc)  # PyJWT's own reason, passed on


@pytest.mark.parametrize("signer", sorted(SIGNERS))
def test_ssh_public_key_as_secret_is_not_silently_used_as_hmac_key(signer: str) -> None:
    # The defect of issue 12: a PEM key was refused but an SSH public key signed a token.
    sign, parameter, kwargs = SIGNERS[signer]
    with pytest.raises(InvalidParameterError) as info:
        sign(**kwargs, **{parameter: ASYMMETRIC["ssh-ed25519 public key"]})
    assert info.value.parameter == parameter


@pytest.mark.parametrize(
    "secret",
    [
        SDK_SECRET,
        "ssh-rsa",  # the bare word is a prefix PyJWT refuses
        "my ssh-rsa secret",  # only a prefix counts
        '{"kty":"oct","k":"c2VjcmV0"}',  # a JWK: refused by PyJWT versions that check
        '["kty"]',
        "-----BEGIN PUBLIC KEY-----",  # a lone marker is not PEM
        "1234567890",
    ],
)
def test_secret_refused_exactly_when_pyjwt_refuses_it(secret: str) -> None:
    def sign() -> str:
        return sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=secret, meeting_number="85746065432", role=0
        )

    if pyjwt_refuses(secret):
        with pytest.raises(InvalidParameterError) as info:
            sign()
        assert info.value.parameter == "sdk_secret"
    else:
        assert jwt.get_unverified_header(sign()) == {"alg": "HS256", "typ": "JWT"}


@pytest.mark.parametrize("signer", ["meeting", "video"])
def test_pyjwt_makes_every_jwt(signer: str) -> None:
    sign, parameter, kwargs = SIGNERS[signer]
    with mock.patch.object(_jws.JWS, "encode", wraps=_jws.JWS.encode) as encode:
        token = sign(**kwargs, **{parameter: SDK_SECRET})
    assert encode.call_count == 1
    assert encode.call_args.kwargs["algorithm"] == "HS256"
    payload = encode.call_args.args[0]
    assert isinstance(payload, bytes)  # zoomsig's own serialisation, signed by PyJWT
    assert token.split(".")[1] == _jws.b64url_encode(payload).decode("ascii")
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}


def test_pyjwt_computes_the_legacy_hmac() -> None:
    sign, parameter, kwargs = SIGNERS["legacy"]
    with mock.patch.object(_jws.HS256, "sign", wraps=_jws.HS256.sign) as pyjwt_sign:
        sign(**kwargs, **{parameter: SDK_SECRET})
    assert pyjwt_sign.call_count == 1


def test_the_algorithm_is_pyjwts_hmac() -> None:
    assert isinstance(_jws.HS256, jwt.algorithms.HMACAlgorithm)
    assert _jws.HS256.hash_alg is jwt.algorithms.HMACAlgorithm.SHA256
    assert _jws.JWS.get_algorithms() == ["HS256"]


@pytest.mark.parametrize("secret", ["s", "short-secret", "x" * 31])
def test_short_secret_signs_without_pyjwt_key_length_warning(secret: str) -> None:
    # Zoom chooses the secret; PyJWT's warning (PyJWT >= 2.10) is not the caller's to fix.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        token = sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=secret, meeting_number="85746065432", role=0, now=NOW
        )
    claims = jwt.decode(
        token, options={"verify_signature": False}, algorithms=["HS256"]
    )  # the payload PyJWT itself would sign
    assert token == pyjwt_encode(claims, secret)


def test_import_zoomsig_defers_pyjwt_and_the_diagnosis_until_used() -> None:
    # `import zoomsig` (and so `zoomsig --version`) pays for neither PyJWT nor the engine;
    # the first use of a name imports what it needs. Modules, not timings, are asserted.
    import subprocess
    import sys

    code = (
        "import sys, zoomsig\n"
        "before = {m for m in ('jwt', 'zoomsig.diagnose._engine', 'zoomsig.meeting_sdk')"
        " if m in sys.modules}\n"
        "zoomsig.sign_meeting_sdk\n"
        "after_sign = 'jwt' in sys.modules and 'zoomsig.diagnose._engine' not in sys.modules\n"
        "zoomsig.decode_and_validate\n"
        "print(sorted(before), after_sign, 'zoomsig.diagnose._engine' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split("\n")[0] == "[] True True"


def test_zoomsig_diagnose_exports_the_engine_lazily() -> None:
    import zoomsig
    from zoomsig import diagnose

    assert diagnose.decode_and_validate is zoomsig.decode_and_validate
    assert diagnose.MAX_SIGNATURE_LENGTH == zoomsig.MAX_SIGNATURE_LENGTH
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        diagnose.nope  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        zoomsig.nope  # type: ignore[attr-defined]  # noqa: B018
