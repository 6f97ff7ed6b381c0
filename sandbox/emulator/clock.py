"""Time as the simulated cluster sees it.

Every timestamp the emulator writes (creationTimestamp, condition transition
times, event times) and every delay its controllers wait out is read from a
`Clock`, so tests can freeze time and move it forward by hand instead of
sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """A source of the current time."""

    def now(self) -> datetime:
        """Return the current time, UTC-aware."""
        ...


class SystemClock:
    """The wall clock, for the running emulator."""

    def now(self) -> datetime:
        """Return the current wall-clock time in UTC."""
        return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told to, for tests."""

    def __init__(self, start: datetime) -> None:
        """Start the clock at `start`, which must be timezone-aware."""
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)

    def advance(self, seconds: float) -> None:
        """Move the clock forward by `seconds` (never backwards)."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += timedelta(seconds=seconds)

    def now(self) -> datetime:
        """Return the clock's current time."""
        return self._now


def format_time(moment: datetime) -> str:
    """Render `moment` as Kubernetes serialises metav1.Time: RFC 3339, seconds, `Z`."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_micro_time(moment: datetime) -> str:
    """Render `moment` as Kubernetes serialises metav1.MicroTime (six fractional digits)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    """Parse a metav1.Time or MicroTime string back into a UTC-aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
