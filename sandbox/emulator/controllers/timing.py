"""How long simulated things take, and when each pending step falls due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sandbox.emulator.clock import Clock


@dataclass(frozen=True)
class Delays:
    """Seconds each step of a pod's life takes; the defaults feel like a local minikube."""

    schedule: float = 0.2
    pull: float = 1.0
    start: float = 0.5
    terminate: float = 1.0

    @classmethod
    def instant(cls) -> Delays:
        """No waiting at all, for tests that only care about end states."""
        return cls(0.0, 0.0, 0.0, 0.0)


class Timeline:
    """Per-object start times, and per namespace the earliest moment a step falls due.

    Keys are "<namespace>/<anything>", so that the controllers can revisit just the
    namespaces where something is about to happen.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._starts: dict[str, datetime] = {}
        self.due: dict[str, datetime] = {}

    def start(self, key: str, at: datetime | None = None) -> None:
        """Start `key`'s clock (at `at`, or now) unless it is already running."""
        self._starts.setdefault(key, at or self._clock.now())

    def reached(self, key: str, offset: float) -> bool:
        """Whether `offset` seconds have passed since `key` started; if not, note when."""
        due = self._starts[key] + timedelta(seconds=offset)
        if due <= self._clock.now():
            return True
        namespace = key.split("/", 1)[0]
        if namespace not in self.due or due < self.due[namespace]:
            self.due[namespace] = due
        return False

    def restart(self, key: str, at: datetime) -> None:
        """Start `key`'s clock again from `at`."""
        self._starts[key] = at

    def forget(self, key: str) -> None:
        """Stop tracking `key`."""
        self._starts.pop(key, None)

    def forget_prefix(self, prefix: str) -> None:
        """Stop tracking every key that starts with `prefix`."""
        for key in [k for k in self._starts if k.startswith(prefix)]:
            del self._starts[key]
