"""Hypothesis strategies for Zoom signatures: inputs, valid tokens and broken ones.

Needs the ``hypothesis`` extra (``pip install "zoomsig[hypothesis]"``)::

    from hypothesis import given
    from zoomsig.testing import strategies as zs

    @given(meeting_number=zs.meeting_numbers(), role=zs.roles())
    def test_my_signer_is_valid(meeting_number, role): ...

The valid signatures come from zoomsig's own signers; the broken ones from the
:mod:`zoomsig.testing.mistakes` catalogue, each with what it takes to diagnose it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Optional, TypeVar, Union

try:
    from hypothesis import strategies as st
except ImportError as _missing:  # pragma: no cover - the test runs it in a subprocess
    raise ImportError(
        'zoomsig.testing.strategies needs hypothesis: pip install "zoomsig[hypothesis]"'
    ) from _missing

from zoomsig._enums import Role
from zoomsig._errors import InvalidParameterError
from zoomsig._registry import MAX_LIFETIME, MIN_LIFETIME
from zoomsig._secrecy import holds_part
from zoomsig._time import Now, resolve_now
from zoomsig.meeting_sdk import sign_meeting_sdk
from zoomsig.testing.mistakes import ERROR_MISTAKES, Mistake
from zoomsig.video_sdk import sign_video_sdk

__all__ = [
    "BrokenSignature",
    "broken_signatures",
    "meeting_numbers",
    "meeting_sdk_signatures",
    "roles",
    "topics",
    "video_sdk_signatures",
]

_T = TypeVar("_T")
_TOPIC_CHARACTERS = st.characters(
    whitelist_categories=("L", "N"), whitelist_characters=" -_.'", max_codepoint=0x2FFF
)


class BrokenSignature(NamedTuple):
    """A token with a known mistake, and what a check needs to diagnose it.

    Check it with the credentials it was drawn for and these fields, e.g.
    ``assert_findings(b.signature, b.mistake.codes, secret=..., sdk_key=...,
    meeting_number=b.meeting_number, role=b.role, now=b.now)``.
    """

    signature: str
    mistake: Mistake
    meeting_number: str
    role: int
    now: int


def meeting_numbers() -> st.SearchStrategy[str]:
    """Meeting numbers as Zoom makes them: 9 to 12 digits, no leading zero."""
    return st.integers(min_value=10**8, max_value=10**12 - 1).map(str)


def roles() -> st.SearchStrategy[Role]:
    """``Role.PARTICIPANT`` or ``Role.HOST``."""
    return st.sampled_from(Role)


def topics() -> st.SearchStrategy[str]:
    """Video SDK session names (``tpc``): 1 to 200 letters, digits, spaces and ``-_.'``."""
    return st.text(_TOPIC_CHARACTERS, min_size=1, max_size=200).filter(
        lambda text: text.strip() == text and bool(text)
    )


def _lifetimes() -> st.SearchStrategy[int]:
    return st.integers(min_value=MIN_LIFETIME + 1, max_value=MAX_LIFETIME - 300)


def _given_or(value: Optional[_T], strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T]:
    return strategy if value is None else st.just(value)


def meeting_sdk_signatures(
    *,
    sdk_key: str,
    sdk_secret: str,
    meeting_number: Optional[Union[str, int]] = None,
    role: Optional[int] = None,
    now: Now = None,
) -> st.SearchStrategy[str]:
    """Valid Meeting SDK (Web) signatures for these credentials.

    ``meeting_number`` and ``role`` are drawn when not given; the lifetime always is.
    With ``now=None`` the tokens are signed at the current time.
    """

    def sign(drawn: tuple[Union[str, int], int, int]) -> str:
        number, role_, lifetime = drawn
        return sign_meeting_sdk(
            sdk_key=sdk_key,
            sdk_secret=sdk_secret,
            meeting_number=number,
            role=role_,
            expires_in=lifetime,
            now=now,
        )

    numbers: st.SearchStrategy[Union[str, int]] = _given_or(meeting_number, meeting_numbers())
    return st.tuples(numbers, _given_or(role, roles()), _lifetimes()).map(sign)


def video_sdk_signatures(
    *,
    sdk_key: str,
    sdk_secret: str,
    topic: Optional[str] = None,
    role: Optional[int] = None,
    now: Now = None,
) -> st.SearchStrategy[str]:
    """Valid Video SDK tokens for these credentials; ``topic`` and ``role`` drawn if not given."""

    def sign(drawn: tuple[str, int, int]) -> str:
        topic_, role_, lifetime = drawn
        return sign_video_sdk(
            sdk_key=sdk_key,
            sdk_secret=sdk_secret,
            topic=topic_,
            role=role_,
            expires_in=lifetime,
            now=now,
        )

    # The signer refuses a topic holding 16 characters of the secret (it would ship it).
    drawn_topics: st.SearchStrategy[str] = topics().filter(
        lambda text: not holds_part(text, sdk_secret)
    )
    return st.tuples(_given_or(topic, drawn_topics), _given_or(role, roles()), _lifetimes()).map(
        sign
    )


def _can_make(mistake: Mistake, sdk_key: str, sdk_secret: str) -> bool:
    try:
        mistake.make(
            sdk_key=sdk_key, sdk_secret=sdk_secret, meeting_number="123456789", role=0, now=0
        )
    except InvalidParameterError:
        return False
    return True


def broken_signatures(
    *,
    sdk_key: str,
    sdk_secret: str,
    meeting_number: Optional[Union[str, int]] = None,
    role: Optional[int] = None,
    now: Optional[int] = None,
    mistakes: Sequence[Mistake] = ERROR_MISTAKES,
) -> st.SearchStrategy[BrokenSignature]:
    """Signatures with one mistake of the catalogue each (by default the ones Zoom rejects).

    With ``now=None`` the mistakes are made at the current time (whole seconds). Mistakes
    that cannot be made with these credentials (``secret_base64_decoded`` needs a secret
    that reads as base64) are left out.
    """
    usable = [m for m in mistakes if _can_make(m, sdk_key, sdk_secret)]
    if not usable:
        raise InvalidParameterError(
            "mistakes", "expected at least one Mistake that these credentials can make"
        )

    def make(drawn: tuple[Mistake, Union[str, int], int]) -> BrokenSignature:
        mistake, number, role_ = drawn
        at = int(resolve_now(None)) if now is None else now
        token = mistake.make(
            sdk_key=sdk_key,
            sdk_secret=sdk_secret,
            meeting_number=str(number),
            role=int(role_),
            now=at,
        )
        return BrokenSignature(token, mistake, str(number), int(role_), at)

    numbers: st.SearchStrategy[Union[str, int]] = _given_or(meeting_number, meeting_numbers())
    drawn = st.tuples(st.sampled_from(usable), numbers, _given_or(role, roles()))
    return drawn.map(make)
