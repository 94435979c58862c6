"""Shared test data: fake credentials, a sentinel secret and Zoom's official vectors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable
from unittest import mock

SDK_KEY = "aBcDeFgHiJkLmNoPqRsT12"
"""The key used by the official-sample vectors (a fake)."""
SDK_SECRET = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1HgFeD"
"""The secret used by the official-sample vectors (a fake, 32 characters)."""
SENTINEL_SECRET = "SENTINEL-s3cret-NEVER-PRINT-0042x"
"""A 33-character secret that must never appear in any output, exception, repr or report."""
NOW = 1763900000
"""2025-11-23T12:13:20Z: the fixed clock of the official vectors."""

VECTORS_PATH = Path(__file__).parent / "vectors" / "official-samples.json"


def load_vectors() -> dict[str, Any]:
    """Zoom's official-sample outputs for fixed inputs (copied from shared/vectors)."""
    data: dict[str, Any] = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
    return data


def secret_fragments(secret: str = SENTINEL_SECRET) -> list[str]:
    """The secret and long pieces of it, to check that no part of it leaked."""
    return [secret, secret[:12], secret[-12:], secret.encode().hex()[:24]]


def assert_no_secret(exc: BaseException, secret: str = SENTINEL_SECRET) -> None:
    """Fail if any fragment of ``secret`` is in the str, repr, args or attributes of ``exc``.

    Follows ``__cause__`` and ``__context__``, also when ``raise ... from None`` suppressed
    the context: the object stays reachable (e.g. a UnicodeEncodeError's ``.object`` holds
    the whole string), so check without try/except or raise outside the except block.
    """
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        texts = [str(current), repr(current), *(repr(arg) for arg in current.args)]
        texts.extend(str(arg) for arg in current.args)
        texts.extend(repr(value) for value in vars(current).values())
        for fragment in secret_fragments(secret):
            for text in texts:
                assert fragment not in text, f"secret fragment leaked in {type(current).__name__}"
        current = current.__cause__ or current.__context__


def assert_rejected(
    sign: Callable[..., str],
    kwargs: dict[str, Any],
    error: type[Exception],
    parameter: str,
    needles: tuple[str, ...] = (),
    secret: str = SENTINEL_SECRET,
) -> Exception:
    """Call ``sign(**kwargs)``, expect exactly ``error`` about ``parameter``, nothing signed.

    Also checks that the error is a ValueError, that its message starts with the parameter
    name and holds every text in ``needles``, and that no fragment of ``secret`` leaked.
    """
    import pytest

    from zoomsig import _jws

    # PyJWT's HS256 object makes every signature; _jws.hs256 is the diagnosis side.
    with mock.patch.object(_jws, "hs256", wraps=_jws.hs256) as hs256:  # noqa: SIM117 (3.9)
        with mock.patch.object(_jws.HS256, "sign", wraps=_jws.HS256.sign) as pyjwt_sign:
            with pytest.raises(error) as info:
                sign(**kwargs)
    exc = info.value
    assert type(exc) is error, f"{type(exc).__name__} instead of {error.__name__}"
    assert isinstance(exc, ValueError)
    assert getattr(exc, "parameter", None) == parameter
    assert str(exc).startswith(f"{parameter}: ")
    for needle in needles:
        assert needle in str(exc)
    assert hs256.call_count == 0, "an HMAC was computed before the error"
    assert pyjwt_sign.call_count == 0, "PyJWT signed before the error"
    assert_no_secret(exc, secret)
    return exc


def b64url_to_bytes(part: str) -> bytes:
    """Decode one unpadded base64url part with the standard library (not zoomsig)."""
    import base64

    assert "=" not in part
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def jwt_parts(token: str) -> tuple[bytes, dict[str, Any], bytes]:
    """The raw header JSON, the payload (claim order kept) and the MAC of a compact JWS."""
    header, payload, mac = token.split(".")
    claims: dict[str, Any] = json.loads(b64url_to_bytes(payload))
    return b64url_to_bytes(header), claims, b64url_to_bytes(mac)


def pyjwt_decode(token: str, secret: str | bytes, **options: Any) -> dict[str, Any]:
    """``jwt.decode`` with HS256 only; time checks off unless ``options`` turn them on.

    Newer PyJWT warns about HMAC keys under 32 bytes; tests use short keys on purpose.
    """
    import warnings

    import jwt

    merged: Any = {"verify_exp": False, "verify_iat": False, **options}  # PyJWT's Options
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", getattr(jwt, "InsecureKeyLengthWarning", UserWarning))
        claims: dict[str, Any] = jwt.decode(token, secret, algorithms=["HS256"], options=merged)
    return claims


def pyjwt_encode(claims: dict[str, Any], secret: str) -> str:
    """``jwt.encode`` with HS256, without the short-key warning of newer PyJWT."""
    import warnings

    import jwt

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", getattr(jwt, "InsecureKeyLengthWarning", UserWarning))
        return jwt.encode(claims, secret, algorithm="HS256")


def run_django(cwd: Path, env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    """``python -m django COMMAND`` in a project folder, as ``manage.py`` would run it."""
    return subprocess.run(
        [sys.executable, "-m", "django", *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
