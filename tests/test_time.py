"""zoomsig._time: ``now=`` handling and the lifetime bounds."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone, tzinfo
from types import SimpleNamespace

import pytest
from _support import NOW

import zoomsig
from zoomsig import InvalidParameterError, _time
from zoomsig._registry import MAX_CLOCK_SKEW, MAX_LIFETIME, MIN_LIFETIME
from zoomsig._time import resolve_now

NOW_UTC = datetime(2025, 11, 23, 12, 13, 20, tzinfo=timezone.utc)


class _NoOffset(tzinfo):
    """A tzinfo that does not know its offset: the datetime is effectively naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None


def test_bounds_are_zooms() -> None:
    assert MIN_LIFETIME == 30 * 60
    assert MAX_LIFETIME == 48 * 60 * 60
    assert MAX_CLOCK_SKEW == 300
    assert zoomsig.MIN_LIFETIME == MIN_LIFETIME
    assert zoomsig.MAX_LIFETIME == MAX_LIFETIME


def test_fixed_clock_matches_its_documented_date() -> None:
    assert NOW_UTC.timestamp() == NOW


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(NOW, float(NOW), id="int"),
        pytest.param(NOW + 0.75, NOW + 0.75, id="float-kept-as-is"),
        pytest.param(0, 0.0, id="epoch"),
        pytest.param(NOW_UTC, float(NOW), id="aware-utc"),
        pytest.param(
            datetime(2025, 11, 23, 13, 13, 20, tzinfo=timezone(timedelta(hours=1))),
            float(NOW),
            id="aware-plus-one-hour",
        ),
        pytest.param(
            datetime(2025, 11, 23, 6, 43, 20, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
            float(NOW),
            id="aware-minus-five-thirty",
        ),
        pytest.param(NOW_UTC.replace(microsecond=500000), NOW + 0.5, id="aware-with-micro"),
        pytest.param(99_999_999_999, 99_999_999_999.0, id="largest-seconds"),
    ],
)
def test_resolve_now_accepts(now: _time.Now, expected: float) -> None:
    result = resolve_now(now)
    assert isinstance(result, float)
    assert result == expected


def test_resolve_now_reads_the_clock_once_only_when_none(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[None] = []

    def fake_time() -> float:
        calls.append(None)
        return 1234567890.5

    monkeypatch.setattr(_time, "time", SimpleNamespace(time=fake_time))
    assert resolve_now(None) == 1234567890.5
    assert len(calls) == 1
    resolve_now(NOW)
    resolve_now(NOW_UTC)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("now", "needle"),
    [
        pytest.param(datetime(2025, 11, 23, 12, 13, 20), "naive", id="naive-datetime"),
        pytest.param(
            datetime(2025, 11, 23, tzinfo=_NoOffset()),  # type: ignore[abstract]
            "naive",
            id="tzinfo-without-offset",
        ),
        pytest.param("1763900000", "got str", id="str"),
        pytest.param(True, "got bool", id="bool-true"),
        pytest.param(False, "got bool", id="bool-false"),
        pytest.param(b"1763900000", "got bytes", id="bytes"),
        pytest.param(NOW_UTC.date(), "got date", id="date-not-datetime"),
        pytest.param(timedelta(seconds=5), "got timedelta", id="timedelta"),
        pytest.param(math.nan, "finite", id="nan"),
        pytest.param(math.inf, "finite", id="inf"),
        pytest.param(-math.inf, "finite", id="minus-inf"),
        pytest.param(-1, "non-negative", id="negative-int"),
        pytest.param(-0.5, "non-negative", id="negative-float"),
        pytest.param(1763900000000, "milliseconds", id="milliseconds"),
        pytest.param(1763900000000.0, "milliseconds", id="milliseconds-float"),
        pytest.param(100_000_000_000, "milliseconds", id="first-millisecond-like"),
        pytest.param(10**400, "401 digits, far outside", id="int-too-large-for-a-float"),
    ],
)
def test_resolve_now_rejects(now: object, needle: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        resolve_now(now)
    assert info.value.parameter == "now"
    assert str(info.value).startswith("now: ")
    assert needle in str(info.value)


def test_resolve_now_names_the_parameter_it_was_given() -> None:
    with pytest.raises(InvalidParameterError) as info:
        resolve_now("soon", "issued_at")
    assert info.value.parameter == "issued_at"
    assert str(info.value).startswith("issued_at: ")


def test_milliseconds_hint_says_divide_by_1000() -> None:
    with pytest.raises(InvalidParameterError, match="divide by 1000"):
        resolve_now(NOW * 1000)
