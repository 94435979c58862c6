"""``assert_valid_signature`` and ``assert_findings``: one-line checks for a service's tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional, Union

from zoomsig._enums import Severity
from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import Redactor, secret_texts
from zoomsig._time import Now
from zoomsig.diagnose import decode_and_validate
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding, Report

__all__ = ["CodeLike", "assert_findings", "assert_valid_signature"]

CodeLike = Union[FindingCode, str]
"""A :class:`~zoomsig.FindingCode` or its name (``"ROLE_MISSING"``)."""

_PREVIEW = 12
"""Characters of the signature shown in a failure message (never the whole token)."""


def assert_valid_signature(
    signature: object,
    *,
    secret: str,
    sdk_key: Optional[str] = None,
    meeting_number: Optional[Union[str, int]] = None,
    role: Optional[int] = None,
    topic: Optional[str] = None,
    now: Now = None,
    allow: Iterable[CodeLike] = (),
) -> Report:
    """Assert that ``signature`` is one Zoom accepts; return its :class:`~zoomsig.Report`.

    Checks it with :func:`zoomsig.decode_and_validate` and the same arguments. Fails with
    a plain :class:`AssertionError` that lists **every** error and every warning, each
    with its fix, unless its code is in ``allow``. The message never holds the secret or
    the whole token, and pytest shows the failure at the caller's line.

    Args:
        signature: What the service under test returned.
        secret: The secret the service signs with (a fake one in tests).
        sdk_key, meeting_number, role, topic: What the signature must be for; each one
            given is compared with the token.
        now: The time to judge expiry at (``None``: the clock, read once).
        allow: Finding codes to tolerate (errors or warnings), e.g.
            ``allow={FindingCode.LEGACY_FORMAT}``.

    >>> from zoomsig import sign_meeting_sdk
    >>> from zoomsig.testing import fake_credentials
    >>> creds = fake_credentials()
    >>> token = sign_meeting_sdk(sdk_key=creds.key, sdk_secret=creds.secret,
    ...                          meeting_number="85746065432", role=0, now=1763900000)
    >>> assert_valid_signature(token, secret=creds.secret, meeting_number="85746065432",
    ...                        role=0, now=1763900000)
    Report(kind=MEETING_SDK, ok=True, codes=[])
    """
    __tracebackhide__ = True
    allowed = _codes(allow, "allow")
    text, report = _diagnose(
        signature,
        secret=secret,
        sdk_key=sdk_key,
        meeting_number=meeting_number,
        role=role,
        topic=topic,
        now=now,
    )
    problems = [
        f for f in report.findings if f.severity is not Severity.INFO and f.code not in allowed
    ]
    if problems:
        errors = sum(f.severity is Severity.ERROR for f in problems)
        warnings = len(problems) - errors
        verdict = "is not valid" if errors else "has warnings"
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        lines = [f"the {_kind(report)} {verdict} ({counts}): {_preview(text, secret)}"]
        lines.extend(_describe(f) for f in problems)
        if not errors:
            lines.append("(tolerate a warning with allow={FindingCode.<CODE>})")
        raise AssertionError("\n".join(lines))
    return report


def assert_findings(
    signature: object,
    codes: Union[CodeLike, Iterable[CodeLike]],
    *,
    exact: bool = False,
    secret: Optional[str] = None,
    sdk_key: Optional[str] = None,
    meeting_number: Optional[Union[str, int]] = None,
    role: Optional[int] = None,
    topic: Optional[str] = None,
    now: Now = None,
) -> Report:
    """Assert that zoomsig reports ``codes`` for ``signature``; return the report.

    For tests of a service's error handling: every code in ``codes`` must be among the
    findings; with ``exact=True`` the errors and warnings must be exactly ``codes``
    (infos such as ``HOST_NEEDS_ZAK`` are not counted). The other keyword arguments are
    :func:`zoomsig.decode_and_validate`'s.

    >>> from zoomsig import FindingCode
    >>> report = assert_findings("eyJhbGciOi", FindingCode.MALFORMED, now=1763900000)
    >>> report.ok
    False
    """
    __tracebackhide__ = True
    wanted = _codes([codes] if isinstance(codes, (str, FindingCode)) else codes, "codes")
    if not wanted:
        raise InvalidParameterError("codes", "expected at least one finding code, got none")
    text, report = _diagnose(
        signature,
        secret=secret,
        sdk_key=sdk_key,
        meeting_number=meeting_number,
        role=role,
        topic=topic,
        now=now,
    )
    reported = report.codes
    counted = {f.code for f in report.findings if f.severity is not Severity.INFO}
    missing = wanted - reported
    unexpected = frozenset(counted - wanted) if exact else frozenset[FindingCode]()
    if missing or unexpected:
        lines = [
            f"the {_kind(report)} {_preview(text, secret)} was expected to have "
            f"{'exactly ' if exact else ''}{_names(wanted)}"
        ]
        if missing:
            lines.append(f"missing: {_names(missing)}")
        if unexpected:
            lines.append(f"unexpected: {_names(unexpected)}")
        lines.append("reported:" if report.findings else "reported: nothing")
        lines.extend(_describe(f) for f in report.findings)
        raise AssertionError("\n".join(lines))
    return report


def _diagnose(
    signature: object,
    *,
    secret: Optional[str],
    sdk_key: Optional[str],
    meeting_number: Optional[Union[str, int]],
    role: Optional[int],
    topic: Optional[str],
    now: Now,
) -> tuple[Union[str, bytes], Report]:
    __tracebackhide__ = True
    if not isinstance(signature, (str, bytes)):
        raise AssertionError(  # noqa: TRY004 - an assertion helper fails with AssertionError
            f"expected a signature (str), got {type(signature).__name__}: did the service "
            "return it under another name, or nothing at all?"
        )
    report = decode_and_validate(
        signature,
        secret=secret,
        sdk_key=sdk_key,
        meeting_number=meeting_number,
        role=role,
        topic=topic,
        now=now,
    )
    return signature, report


def _codes(values: Iterable[CodeLike], parameter: str) -> frozenset[FindingCode]:
    if isinstance(values, (str, bytes)):
        raise InvalidParameterError(
            parameter, f"expected a collection of finding codes, got the string {values!r}"
        )
    known = FindingCode.__members__
    items = list(values)
    codes = [value if isinstance(value, FindingCode) else known.get(value) for value in items]
    for value, code in zip(items, codes):
        if code is None:
            raise InvalidParameterError(
                parameter, f"{value!r} is not a FindingCode (see docs/finding-codes.md)"
            )
    return frozenset(code for code in codes if code is not None)


def _describe(finding: Finding) -> str:
    where = f" [{finding.claim}]" if finding.claim else ""
    return (
        f"  {finding.severity.value.lower()} {finding.code.value}{where}: {finding.message}\n"
        f"    fix: {finding.fix}"
    )


def _kind(report: Report) -> str:
    return {
        "MEETING_SDK": "Meeting SDK signature",
        "VIDEO_SDK": "Video SDK token",
        "LEGACY_WEB_SDK": "legacy Web SDK signature",
    }.get(report.kind.value, "signature")


def _preview(signature: Union[str, bytes], secret: Optional[str]) -> str:
    """The start of the signature, unless it holds 8 characters in a row of the secret."""
    text = signature.decode("utf-8", "replace") if isinstance(signature, bytes) else signature
    shown = text[:_PREVIEW]
    quoted = repr(shown + "…") if len(text) > _PREVIEW else repr(shown)
    # The library's one redaction rule: a run of 8 characters of the secret in any spelling
    # (JSON, URL, repr escapes), in the preview or in the repr that quotes it.
    if secret and Redactor(*secret_texts(secret.encode("utf-8", "replace"))).holds_any(
        [shown, quoted]
    ):
        return "(not shown: it holds part of the secret)"
    return quoted


def _names(codes: Iterable[FindingCode]) -> str:
    return ", ".join(sorted(code.value for code in codes))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"
