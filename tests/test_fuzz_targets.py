"""The fuzz targets of issue 23 in the normal suite: the signature endpoint's body, the webhook
functions and the ``zoomsig`` argument parser (``fuzz/endpoint_cases.py``,
``fuzz/webhook_cases.py``, ``fuzz/cli_cases.py``; long runs: ``python fuzz/fuzz_<name>.py``).

Each property test runs a bounded, derandomised number of cases through the target's claims.
Breaks an open issue already names (a module's ``KNOWN``) pass there, and each has its
minimal reproducer below, marked ``xfail(strict=True)``: once the library is fixed, the
reproducer passes, the strict mark fails the suite, and the kind leaves ``KNOWN``.
"""

from __future__ import annotations

import contextlib
import random
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
import cli_cases
import endpoint_cases
import hostile
import webhook_cases
from claims import ByteRandom

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _tolerating_known(check: Callable[[Any], None], case: object) -> None:
    """``check(case)``; a known defect passes here (its reproducer below is the xfail)."""
    with contextlib.suppress(hostile.KnownDefect):
        check(case)


# --- the property tests ------------------------------------------------------------------


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_endpoint_bodies_keep_the_endpoints_claims(rng: random.Random) -> None:
    _tolerating_known(endpoint_cases.check, endpoint_cases.build(rng))


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_webhook_requests_keep_the_webhook_claims(rng: random.Random) -> None:
    _tolerating_known(webhook_cases.check, webhook_cases.build(rng))


@settings(SETTINGS, max_examples=150)
@given(st.randoms(use_true_random=False))
def test_cli_argv_keeps_the_command_lines_claims(rng: random.Random) -> None:
    _tolerating_known(cli_cases.check, cli_cases.build(rng))


@pytest.mark.parametrize("module", [endpoint_cases, webhook_cases, cli_cases])
@pytest.mark.parametrize("seed", range(0, 200, 40))
def test_byte_driven_builders_are_deterministic(module: ModuleType, seed: int) -> None:
    """The atheris targets' adapter: the same bytes build the same case."""
    data = random.Random(seed).randbytes(200)
    first = re.sub(" at 0x[0-9a-f]+", "", repr(module.build(ByteRandom(data))))
    assert re.sub(" at 0x[0-9a-f]+", "", repr(module.build(ByteRandom(data)))) == first


# --- the checks can fail ---------------------------------------------------------------------


def test_endpoint_check_catches_a_wrong_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker fails on a 413 for a body under the cap, and on error shapes it forbids."""
    from zoomsig.endpoint import too_large_response

    case = endpoint_cases.Case("meeting", b"{}" * 40, None, 64, False)
    endpoint_cases.check(case)  # 80 bytes over a 64-byte cap: a 413
    monkeypatch.setattr(endpoint_cases, "respond", lambda case: too_large_response(64))
    with pytest.raises(AssertionError):
        endpoint_cases.check(case._replace(body=b"{}"))  # a 413 for 2 bytes
    with pytest.raises(AssertionError, match="without errors"):
        endpoint_cases._check_errors(400, {"errors": []})
    with pytest.raises(AssertionError, match="500"):
        endpoint_cases._check_errors(500, {"errors": [{"property": "$server", "reason": "x"}]})


def test_webhook_check_catches_a_forged_request() -> None:
    """A request that claims to be signed but is not makes the checker fail."""
    body = b'{"event": "meeting.started", "payload": {}}'
    headers = {"x-zm-request-timestamp": str(webhook_cases.NOW), "x-zm-signature": "v0=" + "0" * 64}
    case = webhook_cases.Case(headers, body, True, False, False, 1_048_576)
    with pytest.raises(AssertionError):
        webhook_cases.check(case)


def test_cli_check_catches_a_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output holding 8 characters of a secret makes the checker fail (here: a fake main)."""
    import zoomsig.cli

    def leaky_main(argv: list[str]) -> int:
        print("secret: " + cli_cases.SDK_SECRET[3:11])
        return 0

    monkeypatch.setattr(zoomsig.cli, "main", leaky_main)
    with pytest.raises(AssertionError, match="of a secret printed"):
        cli_cases.check(cli_cases.Case(["demo"], {"ZOOM_SDK_SECRET": cli_cases.SDK_SECRET}))


# --- known defects: minimal reproducers ----------------------------------------------------

ENV = {
    "ZOOM_SDK_SECRET": cli_cases.SDK_SECRET,
    "ZOOM_WEBHOOK_SECRET_TOKEN": cli_cases.WEBHOOK_SECRET,
    "ZOOM_SDK_KEY": cli_cases.KEY,
}


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks with no known defect tolerated."""
    for module in (endpoint_cases, webhook_cases, cli_cases):
        monkeypatch.setattr(module, "KNOWN", frozenset())


@pytest.mark.parametrize(
    "argv",
    [
        ["sign", "meeting", "--now", cli_cases.SDK_SECRET],
        ["sign", "meeting", "--role", cli_cases.SDK_SECRET],
        ["check", "--color", cli_cases.SDK_SECRET, "x"],
        ["explain", cli_cases.SDK_SECRET],
        [cli_cases.SDK_SECRET],
        ["check", "--other-secret-env", cli_cases.SDK_SECRET, "x"],
        ["webhook", "sign", "--timestamp", cli_cases.WEBHOOK_SECRET],
    ],
)
def test_cli_usage_error_does_not_echo_a_secret(argv: list[str], strict: None) -> None:
    cli_cases.check(cli_cases.Case(argv, ENV))


@pytest.mark.parametrize("name", ["ZOOM_ZAK", "ZOOM_OBF_TOKEN", "ZOOM_WEBHOOK_SECRET_TOKEN"])
def test_cli_non_utf8_environment_is_a_usage_error(name: str, strict: None) -> None:
    argv = ["webhook", "sign", "--body", cli_cases.files()["event"], "--timestamp", "1"]
    if name != "ZOOM_WEBHOOK_SECRET_TOKEN":
        argv = ["check", "x"]
    env = {**ENV, name: "ab\udcffcdefghijklmnopqrstuvwx"}
    cli_cases.check(cli_cases.Case(argv, env))


@pytest.mark.parametrize("now", ["1e400", "nan", "-5", "1e18"])
def test_cli_demo_now_out_of_range_is_a_usage_error(now: str, strict: None) -> None:
    cli_cases.check(cli_cases.Case(["demo", "--now", now], ENV))


@pytest.mark.parametrize(
    "argv",
    [
        ["webhook", "sign", "--body", "EVENT", "--url", "http://127.0.0.1/" + cli_cases.SDK_SECRET],
        ["sign", "meeting", "--sdk-key", cli_cases.WEBHOOK_SECRET, "--json"],
        ["check", "--meeting", cli_cases.WEBHOOK_SECRET, "x"],
    ],
)
def test_cli_output_does_not_echo_a_secret_given_as_a_value(argv: list[str], strict: None) -> None:
    argv = [cli_cases.files()["event"] if value == "EVENT" else value for value in argv]
    cli_cases.check(cli_cases.Case(argv, ENV))


def test_webhook_signed_challenge_with_a_lone_surrogate_is_answered(strict: None) -> None:
    from zoomsig import sign_webhook

    body = b'{"event": "endpoint.url_validation", "payload": {"plainToken": "\\ud800"}}'
    headers = sign_webhook(body, secret_token=webhook_cases.SECRET, timestamp=webhook_cases.NOW)
    webhook_cases.check(webhook_cases.Case(headers, body, True, False, False, 1_048_576))


def test_endpoint_does_not_sign_a_request_that_holds_the_secret(strict: None) -> None:
    body = b'{"sessionName": "Weekly sync", "role": 0, "sessionKey": "%s"}' % (
        endpoint_cases.SECRET.encode()
    )
    endpoint_cases.check(endpoint_cases.Case("video", body, None, 16 * 1024, False))
