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

from zoomsig._lazy import lazy_exports as _lazy_exports
from zoomsig.testing._credentials import FAKE_NOW, FakeCredentials, fake_credentials

TYPE_CHECKING = False
if TYPE_CHECKING:
    from zoomsig.testing._assertions import CodeLike, assert_findings, assert_valid_signature
else:  # hidden from type checkers, so that a misspelt name stays an error
    # Imported on first use, so that the pytest plugin can register the helpers for
    # assertion rewriting before they are imported (pytest.register_assert_rewrite).
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        dict.fromkeys(
            ("CodeLike", "assert_findings", "assert_valid_signature"),
            "zoomsig.testing._assertions",
        ),
    )

__all__ = [
    "FAKE_NOW",
    "CodeLike",
    "FakeCredentials",
    "assert_findings",
    "assert_valid_signature",
    "fake_credentials",
]
