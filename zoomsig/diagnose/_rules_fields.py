"""The rules that follow from a registry row alone, shared by the Meeting and Video SDK rules.

Each reads the rows of :mod:`zoomsig._registry` (the one home of Zoom's limits) and writes
into a :class:`~zoomsig.diagnose._findings.Findings` collector: a 0/1 switch that is not 0
or 1, a text over its limit (counted in UTF-16 code units, as Zoom's JavaScript counts),
a claim Zoom does not read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from zoomsig._registry import (
    FieldKind,
    FieldRule,
    flag_text,
    flag_values,
    length_note,
    text_length,
)
from zoomsig.diagnose._context import is_int
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import is_secret_claim, near_miss
from zoomsig.diagnose._text import json_type, preview, show
from zoomsig.diagnose.codes import FindingCode

__all__ = ["code_of", "flag_rules", "null_rules", "text_rules", "validate_unknown_claims"]

_NULL = (
    ": leave an optional claim out when it has no value (Python's None, or JavaScript's "
    "null or NaN, is written as null)"
)


def code_of(row: FieldRule) -> FindingCode:
    """The finding code a row's rule reports."""
    return FindingCode(row.code)


def flag_rules(claims: Mapping[str, object], rows: Iterable[FieldRule], found: Findings) -> None:
    """Each optional switch of ``rows`` (0/1, or 0 to its limit) present with another value."""
    for row in rows:
        name = row.claim
        if name is None or name not in claims:
            continue
        value = claims[name]
        values = flag_values(row)
        expected = f"the number {flag_text(row)}"
        if value is None:
            found.add(code_of(row), f"{name} is null, not {expected}{_NULL}", name)
        elif not (is_int(value) and value in values):
            found.add(
                code_of(row), f"{name} is {show(value)}, {json_type(value)}, not {expected}", name
            )


def null_rules(claims: Mapping[str, object], rows: Iterable[FieldRule], found: Findings) -> None:
    """``CLAIM_NULL`` for each optional text or list claim of ``rows`` sent as ``null``."""
    for row in rows:
        name = row.claim
        if name is None or row.required or claims.get(name, 0) is not None:
            continue
        if row.kind is FieldKind.TEXT:
            expected = f"a string of at most {row.limit} characters"
        elif row.kind is FieldKind.LIST:
            expected = "a comma-joined string of region codes"
        else:
            continue  # flags: flag_rules says it with the flag's own code
        found.add(FindingCode.CLAIM_NULL, f"{name} is null; Zoom expects {expected}{_NULL}", name)


def text_rules(claims: Mapping[str, object], rows: Iterable[FieldRule], found: Findings) -> None:
    """Each text claim of ``rows`` longer than its limit, in UTF-16 code units."""
    for row in rows:
        name, limit = row.claim, row.limit
        if name is None or limit is None:
            continue
        value = claims.get(name)
        if isinstance(value, str) and text_length(value) > limit:
            found.add(
                code_of(row),
                f"{name} is {text_length(value)} characters{length_note(value)} ({show(value)}); "
                f"Zoom allows at most {limit}",
                name,
            )


def validate_unknown_claims(
    claims: Mapping[str, object],
    known: frozenset[str],
    product: str,
    found: Findings,
    *,
    handled: Collection[str] = (),
) -> None:
    """``UNKNOWN_CLAIM`` for each claim that is neither ``known`` nor ``handled`` elsewhere.

    A claim named like a secret is left to the secret rules.
    """
    for name in claims:
        if name in known or name in handled or is_secret_claim(name):
            continue
        found.add(
            FindingCode.UNKNOWN_CLAIM,
            f"{preview(name, 40)} is not a {product} claim, so Zoom ignores it"
            + near_miss(name, known),
            name,
        )
