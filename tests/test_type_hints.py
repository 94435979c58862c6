"""Annotations of the public API evaluate at run time, on the lowest supported Python.

Sphinx, FastAPI, pydantic and others call ``typing.get_type_hints``. Regression for issue
12: ``Self`` and ``Report`` were imported only under ``TYPE_CHECKING``, so
``get_type_hints(Report.raise_for_errors)`` raised ``NameError`` (and a dependency checker
saw typing-extensions as unused).
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator

import pytest

import zoomsig


def public_callables() -> Iterator[tuple[str, object]]:
    """Every public name of ``zoomsig.__all__`` that is callable, and its public methods."""
    for name in zoomsig.__all__:
        value = getattr(zoomsig, name)
        if inspect.isfunction(value):
            yield name, value
        elif inspect.isclass(value):
            yield name, value
            for attr, member in vars(value).items():
                if attr.startswith("_") and attr not in ("__init__", "__new__", "__post_init__"):
                    continue
                function = (
                    member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
                )
                if isinstance(function, property):
                    function = function.fget
                if inspect.isfunction(function):
                    yield f"{name}.{attr}", function


PUBLIC = dict(public_callables())


def test_the_walk_finds_the_api() -> None:
    # A walk that found nothing would make the test below pass vacuously.
    for expected in (
        "sign_meeting_sdk",
        "decode_and_validate",
        "Report.raise_for_errors",
        "InvalidSignatureError.__init__",
        "Finding",
    ):
        assert expected in PUBLIC
    assert len(PUBLIC) > 20


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_get_type_hints_works(name: str) -> None:
    value = PUBLIC[name]
    hints = typing.get_type_hints(value)
    assert isinstance(hints, dict)
    if inspect.isfunction(value) and value.__annotations__:
        assert set(hints) == set(value.__annotations__)


def test_self_resolves_to_typing_extensions_self() -> None:
    from typing_extensions import Self

    assert typing.get_type_hints(zoomsig.Report.raise_for_errors)["return"] is Self


def test_invalid_signature_error_report_annotation_is_the_class() -> None:
    hints = typing.get_type_hints(zoomsig.InvalidSignatureError.__init__)
    assert hints["report"] is zoomsig.Report
