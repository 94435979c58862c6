"""The findings kernel shared by both diagnosis engines (signatures and webhooks).

One collector, one severity order, one convention for rules:

* a **rule** is a small function ``rule(..., found: Findings) -> None`` that reads what it
  needs (claims, the caller's :class:`~zoomsig.diagnose._context.Context`, a request) and
  calls ``found.add(code, message, claim)`` for each mistake it sees; it never removes a
  finding another rule added, so whatever decides that a finding does not apply is given
  to the rule as context beforehand;
* the engine makes one :class:`Findings`, runs its rules into it, and hands
  :meth:`Findings.ordered` to the :class:`~zoomsig.diagnose.report.Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import Optional

from zoomsig._enums import Severity
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["Findings"]

SEVERITY_ORDER = MappingProxyType({Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2})
"""How a report lists its findings: errors first, then warnings, then information."""


class Findings(list[Finding]):
    """The findings of one diagnosis, in the order the rules found them."""

    __slots__ = ()

    def add(self, code: FindingCode, message: str, claim: Optional[str] = None) -> None:
        """Record one finding, with the severity and fix that belong to ``code``."""
        self.append(Finding.of(code, message, claim))

    def has(self, code: FindingCode) -> bool:
        """Whether a finding with ``code`` was recorded."""
        return any(f.code is code for f in self)

    def ordered(self) -> tuple[Finding, ...]:
        """Every finding, errors first (stable: the rules' order within a severity)."""
        if len(self) < 2:
            return tuple(self)
        return tuple(sorted(self, key=_rank))

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Findings:
        """A collector that starts with ``findings``."""
        return cls(findings)


def _rank(finding: Finding) -> int:
    return SEVERITY_ORDER[finding.severity]
