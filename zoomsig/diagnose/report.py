"""``Finding`` and ``Report``: what :func:`zoomsig.decode_and_validate` returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Optional

from typing_extensions import Self

from zoomsig._enums import Severity, TokenKind
from zoomsig._errors import ZoomSigError
from zoomsig.diagnose.codes import CODE_INFO, FindingCode

__all__ = ["Finding", "InvalidSignatureError", "Report"]

_EMPTY: Mapping[str, object] = MappingProxyType({})
_KIND_NAMES = MappingProxyType(
    {
        TokenKind.MEETING_SDK: "Meeting SDK signature",
        TokenKind.VIDEO_SDK: "Video SDK token",
        TokenKind.LEGACY_WEB_SDK: "legacy Web SDK signature",
        TokenKind.UNKNOWN: "signature of unknown kind",
        TokenKind.WEBHOOK: "Zoom webhook signature",
        TokenKind.COBROWSE_SDK: "Cobrowse SDK token",
        TokenKind.VIDEO_SDK_API: "Video SDK REST API token",
    }
)


@dataclass(frozen=True)
class Finding:
    """One problem (or piece of context) found in a signature.

    Attributes:
        code: The stable :class:`FindingCode`.
        severity: ``ERROR`` (Zoom rejects it), ``WARNING`` (risky) or ``INFO``.
        message: What was found, with the offending value (never a secret, a recomputed
            MAC or a whole token; long values are cut).
        fix: One sentence: what to change.
        claim: The claim or part concerned (``"mn"``, ``"header"``…), or ``None``.
    """

    code: FindingCode
    severity: Severity
    message: str
    fix: str
    claim: Optional[str] = None

    @classmethod
    def of(cls, code: FindingCode, message: str, claim: Optional[str] = None) -> Finding:
        """Make a finding with the severity and fix text that belong to ``code``."""
        info = CODE_INFO[code]
        return cls(code, info.severity, message, info.fix, claim)

    def to_dict(self) -> dict[str, Optional[str]]:
        """A JSON-ready dict with stable keys."""
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "claim": self.claim,
        }

    def __str__(self) -> str:
        where = f" [{self.claim}]" if self.claim else ""
        return (
            f"{self.severity.value.lower()} {self.code.value}{where}: {self.message}. "
            f"Fix: {self.fix}"
        )


@dataclass(frozen=True)
class Report:
    """The diagnosis of one signature.

    Attributes:
        kind: What the signature is (:class:`TokenKind`).
        header: The decoded JWT header, or an empty mapping when there was none to read.
        claims: The decoded claims (for a legacy signature: its fields), or empty.
        findings: Every finding, errors first.
        signature_verified: ``True`` when the HMAC matches the given secret, ``False`` when
            it does not, ``None`` when no secret was given (not checked).
        expires_at: When the signature expires, if it says so.
    """

    kind: TokenKind
    findings: tuple[Finding, ...] = ()
    header: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
    claims: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
    signature_verified: Optional[bool] = None
    expires_at: Optional[datetime] = None

    @property
    def ok(self) -> bool:
        """``True`` when no finding is an error (warnings and infos are allowed)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings Zoom would reject the signature for."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The risky-but-working findings."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def codes(self) -> frozenset[FindingCode]:
        """The set of finding codes, handy in tests: ``FindingCode.EXPIRED in r.codes``."""
        return frozenset(f.code for f in self.findings)

    def raise_for_errors(self) -> Self:
        """Raise :class:`InvalidSignatureError` if there is an error; else return ``self``."""
        __tracebackhide__ = True  # pytest shows the failure at the caller's line
        if not self.ok:
            raise InvalidSignatureError(self)
        return self

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict with stable keys (``json.dumps(report.to_dict())`` works)."""
        return {
            "ok": self.ok,
            "kind": self.kind.value,
            "signature_verified": self.signature_verified,
            "expires_at": None if self.expires_at is None else self.expires_at.isoformat(),
            "header": dict(self.header),
            "claims": dict(self.claims),
            "findings": [f.to_dict() for f in self.findings],
        }

    def __repr__(self) -> str:
        # Short on purpose: pytest prints the repr of every value in a failed ``assert``;
        # str(report) has the whole story.
        codes = ", ".join(dict.fromkeys(f.code.value for f in self.findings))
        return f"Report(kind={self.kind.value}, ok={self.ok}, codes=[{codes}])"

    def __str__(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        verdict = "OK" if self.ok else "INVALID"
        counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        if self.signature_verified is None:
            # A webhook diagnosis always has its secret: what is missing is in the request.
            missing = "see the findings" if self.kind is TokenKind.WEBHOOK else "no secret given"
            mac = f"HMAC not checked ({missing})"
        elif self.signature_verified:
            mac = "HMAC matches the secret"
        else:
            mac = "HMAC does NOT match the secret"
        lines = [f"{verdict}: {_KIND_NAMES[self.kind]}; {counts}; {mac}"]
        if self.expires_at is not None:
            lines.append(f"expires at {self.expires_at.isoformat()}")
        lines.extend(str(finding) for finding in self.findings)
        return "\n".join(lines)


class InvalidSignatureError(ZoomSigError):
    """Raised by :meth:`zoomsig.Report.raise_for_errors` when a report has errors.

    The message names every error, one per line after a summary line when there are
    several; :attr:`report` holds the whole :class:`~zoomsig.Report`.
    """

    __module__ = "zoomsig"
    code = "invalid_signature"

    def __init__(self, report: Report) -> None:
        errors = report.errors
        if len(errors) == 1:
            super().__init__(errors[0].code.value, errors[0].message)
        else:
            codes = ", ".join(f.code.value for f in errors)
            lines = (f"- {f.code.value}: {f.message}" for f in errors)
            super().__init__(f"{len(errors)} errors", "\n".join([codes, *lines]))
        self.report = report
