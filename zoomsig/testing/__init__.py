"""zoomsig.testing: prove in your own test suite that your service's signatures are right.

Three uses, none of which replaces your service's signer:

- :func:`assert_valid_signature` / :func:`assert_findings`: one-line checks whose failure
  lists every error with its fix, at your test's line;
- :mod:`zoomsig.testing.mistakes`: a catalogue of the real mistakes, as token factories,
  to test how your endpoints and clients handle broken signatures;
- :mod:`zoomsig.testing.strategies`: hypothesis strategies (``zoomsig[hypothesis]``).

The pytest plugin (installed with zoomsig, inert until a test asks for one of its
fixtures) gives fake credentials for every app type: ``zoom_meeting_sdk_credentials``,
``zoom_video_sdk_credentials``… See the "Testing your service with zoomsig" page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zoomsig.testing._credentials import FAKE_NOW, FakeCredentials, fake_credentials

if TYPE_CHECKING:
    from zoomsig.testing._assertions import CodeLike, assert_findings, assert_valid_signature

__all__ = [
    "FAKE_NOW",
    "CodeLike",
    "FakeCredentials",
    "assert_findings",
    "assert_valid_signature",
    "fake_credentials",
]

_LAZY = frozenset({"CodeLike", "assert_findings", "assert_valid_signature"})


def __getattr__(name: str) -> object:
    # Imported on first use, so that the pytest plugin can register the helpers for
    # assertion rewriting before they are imported (pytest.register_assert_rewrite).
    if name in _LAZY:
        from zoomsig.testing import _assertions  # noqa: PLC0415

        value: object = getattr(_assertions, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
