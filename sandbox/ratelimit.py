"""A per-learner sliding-window rate limit: at most N commands in any window of W seconds.

Time comes from an injectable monotonic clock, so tests move it by hand.
Learners who stop sending commands are forgotten once their window has
passed (the whole table is swept at most once a window, so each command
costs the same however many learners there are), so strangers cannot grow
the table without bound.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.refusals import CommandRefused


class RateLimiter:
    """Counts each learner's commands over a sliding window."""

    def __init__(
        self,
        limits: Limits = DEFAULT_LIMITS,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limit = limits.commands_per_minute
        self._window = limits.rate_window_seconds
        self._clock = clock
        self._sent: dict[str, deque[float]] = {}
        self._swept_at = clock()

    def admit(self, learner_key: str) -> float:
        """Record a command if the learner may send one now.

        Returns:
            0.0 when the command is admitted (and counted); otherwise the seconds
            until the next command will be admitted (nothing is counted).
        """
        now = self._clock()
        cutoff = now - self._window
        if self._swept_at <= cutoff:
            self._swept_at = now
            for key in list(self._sent):
                self._forget(key, cutoff)
        self._forget(learner_key, cutoff)
        sent = self._sent.setdefault(learner_key, deque())
        if len(sent) >= self._limit:
            return max(sent[0] + self._window - now, 0.0) or math.ulp(now)
        sent.append(now)
        return 0.0

    def enforce(self, learner_key: str) -> None:
        """Count the command, or refuse it when the learner is over the limit.

        Raises:
            CommandRefused: "rate_limited", with the whole seconds to wait.
        """
        wait = self.admit(learner_key)
        if wait > 0:
            raise CommandRefused("rate_limited", seconds=math.ceil(wait), limit=self._limit)

    def __len__(self) -> int:
        """How many learners the limiter currently remembers."""
        return len(self._sent)

    def _forget(self, learner_key: str, cutoff: float) -> None:
        """Drop the learner's commands older than the window; drop the learner if none remain."""
        sent = self._sent.get(learner_key)
        if sent is None:
            return
        while sent and sent[0] <= cutoff:
            sent.popleft()
        if not sent:
            del self._sent[learner_key]
