"""Times as kubectl shows them: ages ("2m5s", "3d4h") and RFC 1123 dates.

kubectl computes describe ages against its own clock, so every function here
takes `now` explicitly; dates are printed in UTC (kubectl uses the local zone of
the machine it runs on, which is UTC on servers and in our tests).
"""

from __future__ import annotations

from datetime import UTC, datetime


def parse_time(text: str) -> datetime:
    """A metav1.Time or MicroTime string as a UTC-aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def human_duration(seconds_elapsed: float) -> str:
    """k8s.io/apimachinery duration.HumanDuration: about two significant units."""
    seconds = int(seconds_elapsed)
    if seconds < -1:
        return "<invalid>"
    if seconds < 0:
        return "0s"
    if seconds < 120:
        return f"{seconds}s"
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if minutes < 10:
        return _pair(minutes, "m", seconds % 60, "s")
    if minutes < 180:
        return f"{minutes}m"
    if hours < 8:
        return _pair(hours, "h", minutes % 60, "m")
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        return _pair(days, "d", hours % 24, "h")
    if hours < 24 * 365 * 2:
        return f"{days}d"
    if hours < 24 * 365 * 8:
        return _pair(days // 365, "y", days % 365, "d")
    return f"{days // 365}y"


def since(timestamp: str | None, now: datetime) -> str:
    """translateTimestampSince: the age of a timestamp, "<unknown>" when unset."""
    if not timestamp:
        return "<unknown>"
    return human_duration((now - parse_time(timestamp)).total_seconds())


def rfc1123z(timestamp: str) -> str:
    """Go's time.RFC1123Z layout in UTC: "Sat, 01 Mar 2025 12:00:00 +0000"."""
    return parse_time(timestamp).strftime("%a, %d %b %Y %H:%M:%S +0000")


def _pair(big: int, big_unit: str, small: int, small_unit: str) -> str:
    return f"{big}{big_unit}" if small == 0 else f"{big}{big_unit}{small}{small_unit}"
