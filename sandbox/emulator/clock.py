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


def human_duration(elapsed: timedelta) -> str:
    """Render an age the way kubectl does (k8s.io/apimachinery/pkg/util/duration.HumanDuration).

    About two significant figures: "36s", "2m5s", "5m", "3h4m", "10h", "2d3h", "45d",
    "3y120d". A clock a second ahead of the object still reads "0s"; further is "<invalid>".
    """
    seconds = int(elapsed.total_seconds())  # truncates toward zero, as Go's int() does
    if seconds < -1:
        return "<invalid>"
    if seconds < 0:
        return "0s"
    if seconds < 60 * 2:
        return f"{seconds}s"
    minutes = seconds // 60
    if minutes < 10:
        rest = seconds % 60
        return f"{minutes}m" if rest == 0 else f"{minutes}m{rest}s"
    if minutes < 60 * 3:
        return f"{minutes}m"
    hours = seconds // 3600
    if hours < 8:
        rest = minutes % 60
        return f"{hours}h" if rest == 0 else f"{hours}h{rest}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        rest = hours % 24
        return f"{hours // 24}d" if rest == 0 else f"{hours // 24}d{rest}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        rest = (hours // 24) % 365
        years = hours // 24 // 365
        return f"{years}y" if rest == 0 else f"{years}y{rest}d"
    return f"{hours // 24 // 365}y"


def age(timestamp: str | None, now: datetime) -> str:
    """The AGE cell for a metav1.Time string: "<unknown>" when unset, as translateTimestampSince."""
    if not timestamp:
        return "<unknown>"
    return human_duration(now - parse_time(timestamp))
