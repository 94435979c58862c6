"""The catalogue recipe of docs/testing.md tests what it claims, whatever clock the service uses.

Regression for issue 19: the recipe made every token at ``zoom_now``, then a fixed time in
2025, so a service whose check reads the real clock rejected all of them as expired and the
suite was green, while 11 of the mistakes got through that same service with tokens made at
the real time. The recipe block of the page runs here, verbatim, in a pytest run of its
own, against a lax check (PyJWT's ``jwt.decode`` and nothing more, reading the real clock),
a correct one, a correct one under a frozen clock, and the old fixed ``zoom_now``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zoomsig.testing import FAKE_NOW
from zoomsig.testing.mistakes import ERROR_MISTAKES

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
FIRST_LINE = "# test_join_check.py"

# What a check made of jwt.decode alone lets through (the finding).
LET_THROUGH_BY_JWT_DECODE = {
    "role_missing",
    "role_as_string",
    "role_inverted",
    "meeting_number_claim_name",
    "other_meeting",
    "base64_padding",
    "video_sdk_token",
    "lifetime_too_short",
    "lifetime_too_long",
    "jwt_app_token",
    "api_key_claim",
    # Catalogued after the count of 11: a lax check lets these token kinds through too.
    "cobrowse_token",
    "video_sdk_api_token",
    "ai_skill_backdated_iat",
}

LAX_SERVICE = '''
import jwt


class JoinCheck:
    """Checks the HMAC and the expiry against the real clock, and nothing else."""

    def __init__(self, *, sdk_key, sdk_secret):
        self.sdk_secret = sdk_secret

    def check(self, token, *, meeting_number, role):
        try:
            jwt.decode(token, self.sdk_secret, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return 422
        return 200
'''

CORRECT_SERVICE = '''
from zoomsig import decode_and_validate


class JoinCheck:
    """zoomsig's diagnosis, reading the real (or frozen) clock: now= is not passed."""

    def __init__(self, *, sdk_key, sdk_secret):
        self.sdk_key, self.sdk_secret = sdk_key, sdk_secret

    def check(self, token, *, meeting_number, role):
        report = decode_and_validate(
            token, secret=self.sdk_secret, sdk_key=self.sdk_key,
            meeting_number=meeting_number, role=role,
        )
        return 200 if report.ok else 422
'''

# The old zoom_now: a fixed time of 2025 that the service's clock does not share.
OLD_FIXED_ZOOM_NOW = f"""
import pytest


@pytest.fixture
def zoom_now():
    return {FAKE_NOW}
"""

# A clock frozen before the test asks for zoom_now: the service reads the same frozen time.
FROZEN_CLOCK = """
import freezegun
import pytest


@pytest.fixture(autouse=True)
def frozen_clock():
    with freezegun.freeze_time("2025-11-23 12:13:20"):
        yield
"""


def recipe() -> str:
    blocks: list[str] = re.findall(r"^```python\n(.*?)^```", PAGE, flags=re.MULTILINE | re.S)
    (block,) = [b for b in blocks if b.startswith(FIRST_LINE)]
    return block


def run_recipe(pytester: pytest.Pytester, service: str, conftest: str = "") -> dict[str, str]:
    """Each case of the recipe with its outcome ("passed", "failed"…), by mistake name."""
    pytester.makepyfile(my_service=service, test_join_check=recipe())
    if conftest:
        pytester.makeconftest(conftest)
    pytester.syspathinsert()
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-rA")
    outcomes = {}
    for outcome, case in re.findall(
        r"^(PASSED|FAILED|ERROR) test_join_check\.py::test_join_check_rejects\[(\w+)\]",
        result.stdout.str(),
        flags=re.MULTILINE,
    ):
        outcomes[case] = outcome.lower()
    assert len(outcomes) == len(ERROR_MISTAKES), result.stdout.str()[-3000:]
    return outcomes


def failed(outcomes: dict[str, str]) -> set[str]:
    return {name for name, outcome in outcomes.items() if outcome != "passed"}


def test_the_recipe_is_a_block_of_the_page() -> None:
    assert "zoom_now" in recipe()
    assert "ERROR_MISTAKES" in recipe()


def test_catalogue_recipe_fails_a_check_that_lets_11_mistakes_through(
    pytester: pytest.Pytester,
) -> None:
    # The finding, reproduced: the service reads the real clock, and exactly the
    # mistakes that jwt.decode cannot see make the recipe fail.
    assert failed(run_recipe(pytester, LAX_SERVICE)) == LET_THROUGH_BY_JWT_DECODE


def test_catalogue_recipe_passes_a_correct_check(pytester: pytest.Pytester) -> None:
    assert failed(run_recipe(pytester, CORRECT_SERVICE)) == set()


def test_catalogue_recipe_fails_every_case_when_zoom_now_is_not_the_services_clock(
    pytester: pytest.Pytester,
) -> None:
    # With the old fixed zoom_now even a correct check fails every case (the control token
    # is expired for it), instead of the whole catalogue passing without testing anything.
    outcomes = run_recipe(pytester, CORRECT_SERVICE, OLD_FIXED_ZOOM_NOW)
    assert failed(outcomes) == {m.name for m in ERROR_MISTAKES}


def test_catalogue_recipe_under_a_frozen_clock_still_catches_the_lax_check(
    pytester: pytest.Pytester,
) -> None:
    # Frozen before zoom_now is set up: the tokens and the service share the frozen time.
    assert failed(run_recipe(pytester, LAX_SERVICE, FROZEN_CLOCK)) == LET_THROUGH_BY_JWT_DECODE
    pytester.makepyfile(
        my_service=CORRECT_SERVICE,
        test_frozen=(
            f"def test_zoom_now_is_the_frozen_time(zoom_now):\n    assert zoom_now == {FAKE_NOW}\n"
        ),
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=len(ERROR_MISTAKES) + 1)
