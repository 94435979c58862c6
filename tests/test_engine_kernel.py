"""The findings kernel of the signature engine: one collector, and nothing added then retracted.

Every finding the engine, the decoder, the input cleaner and the verifier make goes through
:meth:`Findings.add` into one collector, and what decides that a finding does not apply
(a token Zoom issued, a Ruby newline that LINE_BREAKS already names) is known before the
finding is made. Every HMAC comparison is :func:`zoomsig._jws.same_mac`.
"""

from __future__ import annotations

import base64
import hmac
import json
import sys
from collections import Counter
from typing import Any, Optional, Union
from unittest import mock

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET
from mistakes import CASES, legacy_signature

from zoomsig import Finding, FindingCode, Report, decode_and_validate, sign_meeting_sdk
from zoomsig.diagnose import _engine
from zoomsig.diagnose._context import Context
from zoomsig.diagnose._decode import decode_jwt
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._rules_meeting import meeting_rules
from zoomsig.diagnose._secret import verify

C = FindingCode
MN = "85746065432"
WRONG_SECRET = "Wr0ngSecretWr0ngSecretWr0ngSecr3"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def part(obj: dict[str, object]) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


ZAK_BODY = ".".join(
    (
        part({"typ": "JWT", "sv": "000001", "zm_skm": "zm_o2m", "alg": "HS256"}),
        part({"aud": "clientsm", "uid": "u-host", "iss": "web", "sk": "0", "sty": 100,
              "wcd": "aw1", "clt": 0, "mnum": MN, "exp": NOW + 7200, "iat": NOW, "aid": "a",
              "cid": ""}),
    )
)  # fmt: skip
"""Header and payload of a ZAK as Zoom issues it (signed with Zoom's key, not yours)."""
OAUTH_BODY = ".".join(
    (
        part({"alg": "HS512", "v": "2.0", "kid": "k"}),
        part({"aud": "https://oauth.zoom.us", "uid": "u", "ver": 9, "auid": "a",
              "nbf": NOW, "iss": "zm:cid:abc", "gno": 0, "exp": NOW + 3600, "iat": NOW}),
    )
)  # fmt: skip
"""Header and payload of a Server-to-Server OAuth access token."""
MEETING_BODY = ".".join(
    (
        part({"alg": "HS256", "typ": "JWT"}),
        part({"appKey": SDK_KEY, "mn": MN, "role": 0, "iat": NOW - 30, "exp": NOW + 7170,
              "tokenExp": NOW + 7170}),
    )
)  # fmt: skip
"""Header and payload of a Meeting SDK signature made with a secret."""
ODD_SIGNATURE_PARTS = ["", "abc", "Q" * 86, "A" * 342, "Zm9v"]
"""Signature parts that are no HMAC-SHA256: empty, cut, HS512-sized, RS256-sized, 3 bytes."""


def codes(report: Report) -> list[FindingCode]:
    return [f.code for f in report.findings]


def diagnose_recording(
    signature: Union[str, bytes], **kwargs: Any
) -> tuple[Report, list[FindingCode], list[FindingCode]]:
    """The report; the code of every finding made (:meth:`Finding.of`) on the way, and of
    every finding :meth:`Findings.add` collected."""
    made: list[FindingCode] = []
    added: list[FindingCode] = []
    real_of, real_add = Finding.of.__func__, Findings.add  # type: ignore[attr-defined]

    def of(cls: type[Finding], code: FindingCode, message: str, claim: Optional[str] = None) -> Any:
        made.append(code)
        return real_of(cls, code, message, claim)

    def add(self: Findings, code: FindingCode, message: str, claim: Optional[str] = None) -> None:
        added.append(code)
        real_add(self, code, message, claim)

    with mock.patch.object(Finding, "of", classmethod(of)), mock.patch.object(Findings, "add", add):
        report = decode_and_validate(signature, **kwargs)
    return report, made, added


# ------------------------------------------------------------ tokens Zoom issued itself


@pytest.mark.parametrize("body", [ZAK_BODY, OAUTH_BODY], ids=["zak", "oauth"])
@pytest.mark.parametrize("signature_part", ODD_SIGNATURE_PARTS)
@pytest.mark.parametrize("secret", [None, SDK_SECRET])
def test_zoom_issued_token_is_never_told_its_signature_length_or_mismatch(
    body: str, signature_part: str, secret: Optional[str]
) -> None:
    report, made, _ = diagnose_recording(f"{body}.{signature_part}", secret=secret, now=NOW)
    assert C.ZOOM_ISSUED_TOKEN in codes(report)
    for code in (C.SIGNATURE_LENGTH_INVALID, C.SIGNATURE_MISMATCH):
        assert code not in codes(report)
        assert code not in made  # decided before it was made: nothing to take back
    assert report.signature_verified is (None if secret is None else False)


@pytest.mark.parametrize("body", [ZAK_BODY, OAUTH_BODY], ids=["zak", "oauth"])
def test_zoom_issued_token_with_a_whole_mac_is_not_told_it_mismatches(body: str) -> None:
    mac = b64url(hmac.digest(WRONG_SECRET.encode(), body.encode(), "sha256"))
    report, made, _ = diagnose_recording(f"{body}.{mac}", secret=SDK_SECRET, now=NOW)
    assert report.signature_verified is False
    assert C.ZOOM_ISSUED_TOKEN in codes(report)
    assert C.SIGNATURE_MISMATCH not in made


@pytest.mark.parametrize("signature_part", ["", "abc", "Q" * 86])
def test_a_token_made_with_a_secret_is_told_its_signature_length(signature_part: str) -> None:
    """The other side of the decision: the same cut signature on an SDK token is an error."""
    report = decode_and_validate(f"{MEETING_BODY}.{signature_part}", secret=SDK_SECRET, now=NOW)
    assert C.SIGNATURE_LENGTH_INVALID in codes(report)


def test_the_decoder_tells_whether_zoom_issued_the_token() -> None:
    found = Findings()
    token = decode_jwt(f"{ZAK_BODY}.abc", found=found)
    assert token.zoom_issued
    assert token.mac is None
    assert not found.has(C.SIGNATURE_LENGTH_INVALID)
    found = Findings()
    token = decode_jwt(f"{MEETING_BODY}.abc", found=found)
    assert not token.zoom_issued
    assert found.has(C.SIGNATURE_LENGTH_INVALID)


def test_verify_reports_an_unexplained_mismatch_only_when_asked() -> None:
    def expected(key: bytes) -> bytes:
        return hmac.digest(key, b"message", "sha256")

    mac = expected(WRONG_SECRET.encode())
    told, quiet = Findings(), Findings()
    told_ok = verify(mac, expected, secret=SDK_SECRET.encode(), sdk_key=None, found=told)
    quiet_ok = verify(
        mac, expected, secret=SDK_SECRET.encode(), sdk_key=None, found=quiet, explain_mismatch=False
    )
    assert [f.code for f in told] == [C.SIGNATURE_MISMATCH]
    assert quiet == []
    assert told_ok is quiet_ok is False


# ------------------------------------------------------------- input shape: Ruby newline


def ruby_encode64(token: str, end: str = "\n") -> str:
    """Ruby's ``Base64.encode64`` style: lines of 60 characters, each ending in a newline."""
    return "\n".join(token[i : i + 60] for i in range(0, len(token), 60)) + end


def test_ruby_trailing_newline_is_one_line_breaks_finding_never_retracted() -> None:
    token = sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0)
    report, made, _ = diagnose_recording(ruby_encode64(token), secret=SDK_SECRET)
    assert codes(report) == [C.LINE_BREAKS]
    assert C.SURROUNDING_WHITESPACE not in made
    # Whitespace besides the newline is a second mistake, and still named.
    report = decode_and_validate(ruby_encode64(token, " \n"), secret=SDK_SECRET)
    assert C.SURROUNDING_WHITESPACE in codes(report)
    assert C.LINE_BREAKS in codes(report)


# ---------------------------------------------------------------- one collector for all


def _corpus() -> list[tuple[Union[str, bytes], dict[str, object]]]:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0, now=NOW
    )
    corpus: list[tuple[Union[str, bytes], dict[str, object]]] = [
        # Join options included: the meeting rule reads them from the Context, so a
        # HOST_NEEDS_ZAK that a ZAK answers is never made, rather than made and taken back.
        (case.signature(), dict(case.kwargs))
        for case in CASES
    ]
    corpus += [
        ("x" * 9000, {}),
        (b"\xff\xfe", {"secret": SDK_SECRET}),
        (f'"{token}"', {"secret": SDK_SECRET}),
        (ruby_encode64(token), {"secret": SDK_SECRET}),
        (f"{ZAK_BODY}.abc", {"secret": SDK_SECRET}),
        (token, {"secret": WRONG_SECRET, "other_secrets": {"old": SDK_SECRET}}),
        (token, {"other_secrets": {"old": SDK_SECRET}}),
    ]
    return corpus


def test_every_finding_made_is_in_the_report_and_findings_collects_them() -> None:
    corpus = _corpus()
    collected = 0
    for signature, kwargs in corpus:
        report, made, added = diagnose_recording(signature, **{"now": NOW, **kwargs})
        missing = Counter(made) - Counter(codes(report))
        assert not missing, (signature, kwargs, missing)
        assert not Counter(added) - Counter(made)
        collected += len(added)
    # The engine's, the decoder's, the cleaner's and the verifier's findings all come
    # through Findings.add (the rule modules' lists are merged into the same collector).
    assert collected > len(corpus) // 2


def test_too_long_input_is_collected_by_findings() -> None:
    report, made, added = diagnose_recording("x" * 9000)
    assert made == added == codes(report) == [C.TOO_LONG]


# ------------------------------------------------------------------ one HMAC comparison


def _comparisons(signature: Union[str, bytes], **kwargs: Any) -> list[str]:
    """The name of the function that made each ``hmac.compare_digest`` call."""
    callers: list[str] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        callers.append(sys._getframe(1).f_code.co_name)
        return real(a, b)

    with mock.patch.object(hmac, "compare_digest", spy):
        decode_and_validate(signature, **{"now": NOW, **kwargs})
    return callers


@pytest.mark.parametrize(
    ("what", "secret", "others"),
    [
        ("clean token, fast path", SDK_SECRET, None),
        ("wrong secret: every variant", WRONG_SECRET, None),
        ("other secrets, no secret", None, {"old": SDK_SECRET}),
        ("other secrets, wrong secret", WRONG_SECRET, {"old": SDK_SECRET}),
    ],
)
def test_every_hmac_comparison_goes_through_jws_same_mac(
    what: str, secret: Optional[str], others: Optional[dict[str, str]]
) -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0, now=NOW
    )
    callers = _comparisons(token, secret=secret, other_secrets=others)
    assert callers, what
    assert set(callers) == {"same_mac"}, what


def test_legacy_hash_comparison_goes_through_jws_same_mac() -> None:
    callers = _comparisons(legacy_signature(secret=WRONG_SECRET), secret=SDK_SECRET)
    assert callers
    assert set(callers) == {"same_mac"}


# ------------------------------------------------------------- rules get the join options


@pytest.mark.parametrize(
    ("zak", "obf_token"), [("", None), (None, "obf"), ("zak-value", "obf"), (None, None)]
)
def test_rules_get_the_join_options_in_their_context(
    zak: Optional[str], obf_token: Optional[str]
) -> None:
    token = sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=1)
    seen: list[Context] = []
    real = meeting_rules

    def spy(claims: Any, context: Context, found: Any) -> Any:
        seen.append(context)
        return real(claims, context, found)

    with mock.patch.object(_engine, "meeting_rules", spy):
        decode_and_validate(token, secret=SDK_SECRET, zak=zak, obf_token=obf_token)
    assert [(c.zak, c.obf_token) for c in seen] == [(zak, obf_token)]
    assert seen[0].joining is (zak is not None or obf_token is not None)
