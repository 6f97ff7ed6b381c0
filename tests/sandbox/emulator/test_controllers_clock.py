"""The emulator's clocks: a manual clock moves only forward, and times round-trip."""

from datetime import UTC, datetime, timedelta

import pytest

from sandbox.emulator.clock import (
    ManualClock,
    SystemClock,
    format_micro_time,
    format_time,
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
