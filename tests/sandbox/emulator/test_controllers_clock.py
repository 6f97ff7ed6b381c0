"""The emulator's clocks: a manual clock moves only forward, and times round-trip."""

from datetime import UTC, datetime, timedelta

import pytest

from sandbox.emulator.clock import (
    ManualClock,
    SystemClock,
    age,
    format_micro_time,
    format_time,
    human_duration,
    parse_time,
)

START = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)


def test_manual_clock_moves_only_when_advanced() -> None:
    clock = ManualClock(START)
    assert clock.now() == START
    clock.advance(1.5)
    assert clock.now() == START + timedelta(seconds=1.5)


def test_manual_clock_refuses_naive_start_and_going_backwards() -> None:
    with pytest.raises(ValueError):
        ManualClock(datetime(2025, 3, 1))
    with pytest.raises(ValueError):
        ManualClock(START).advance(-1)


def test_system_clock_is_utc_aware() -> None:
    assert SystemClock().now().tzinfo is not None


def test_times_render_like_kubernetes_and_parse_back() -> None:
    moment = START + timedelta(microseconds=250)
    assert format_time(moment) == "2025-03-01T12:00:00Z"
    assert format_micro_time(moment) == "2025-03-01T12:00:00.000250Z"
    assert parse_time("2025-03-01T12:00:00Z") == START
    assert parse_time(format_micro_time(moment)) == moment


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (-5, "<invalid>"),
        (-1.5, "0s"),
        (0, "0s"),
        (36, "36s"),
        (119, "119s"),
        (120, "2m"),
        (125, "2m5s"),
        (599, "9m59s"),
        (600, "10m"),
        (3 * 3600 - 1, "179m"),
        (3 * 3600, "3h"),
        (3 * 3600 + 4 * 60 + 59, "3h4m"),
        (8 * 3600 - 1, "7h59m"),
        (8 * 3600, "8h"),
        (48 * 3600 - 1, "47h"),
        (48 * 3600, "2d"),
        (51 * 3600, "2d3h"),
        (8 * 86400 - 1, "7d23h"),
        (8 * 86400, "8d"),
        (45 * 86400, "45d"),
        (2 * 365 * 86400 - 1, "729d"),
        (2 * 365 * 86400, "2y"),
        ((3 * 365 + 120) * 86400, "3y120d"),
        (8 * 365 * 86400, "8y"),
        (20 * 365 * 86400 + 5 * 86400, "20y"),
    ],
)
def test_ages_read_like_kubectl(seconds: float, shown: str) -> None:
    assert human_duration(timedelta(seconds=seconds)) == shown


def test_age_of_a_missing_timestamp_is_unknown() -> None:
    assert age(None, START) == "<unknown>"
    assert age("2025-03-01T11:59:24Z", START) == "36s"
