"""Structure-aware fuzzing of ``decode_and_validate`` (issue 9): tokens built from random
claims by ``fuzz/claims.py``, signed with the sentinel secret, wrapped and sometimes changed.

Each case must not raise, must not be ``ok`` when the token was changed after signing, and
must not show a run of 8 characters of the secret in ``str``, ``repr`` or ``to_dict()`` of
the report, in any exception, or in ``zoomsig check`` output (plain and ``--json``). The
same builder drives the atheris target ``fuzz/fuzz_claims.py`` for long runs.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
import claims as fuzz_claims

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_random_claims_never_raise_leak_or_pass_when_changed(rng: random.Random) -> None:
    fuzz_claims.check(fuzz_claims.build(rng))


@settings(SETTINGS, max_examples=25)
@given(st.randoms(use_true_random=False))
def test_random_claims_through_zoomsig_check(rng: random.Random) -> None:
    fuzz_claims.check(fuzz_claims.build(rng), cli=True)


@pytest.mark.parametrize("seed", range(0, 400, 40))
def test_byte_driven_builder_is_deterministic(seed: int) -> None:
    """The atheris target's adapter: the same bytes build the same case."""
    data = random.Random(seed).randbytes(64)
    first = fuzz_claims.build(fuzz_claims.ByteRandom(data))
    assert fuzz_claims.build(fuzz_claims.ByteRandom(data)) == first
    fuzz_claims.check(first)


def test_invariants_catch_a_leak() -> None:
    """The checker can fail: a report-like object that shows 8 characters of the secret."""
    assert fuzz_claims.leaked("x" + fuzz_claims.SECRET[5:13] + "y") is not None
    assert fuzz_claims.leaked("x" + fuzz_claims.SECRET[5:12] + "y") is None
