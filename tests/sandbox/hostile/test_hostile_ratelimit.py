"""Bursts of commands: the 21st in a minute is refused, and allowed once the window moves on."""

from __future__ import annotations

import pytest

from sandbox.limits import Limits
from sandbox.ratelimit import RateLimiter
from sandbox.refusals import CommandRefused
from tests.sandbox.hostile.clarity import assert_clear


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("spacing", [0.0, 0.5, 2.9], ids=["instant", "half_second", "steady"])
def test_21st_command_in_a_minute_is_refused_then_allowed_after_the_window(
    spacing: float,
) -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    first = clock.now
    for _ in range(20):
        limiter.enforce("learner")
        clock.now += spacing
    with pytest.raises(CommandRefused) as refused:
        limiter.enforce("learner")
    assert refused.value.reason == "rate_limited"
    assert_clear(refused.value)
    wait = limiter.admit("learner")
    assert wait == pytest.approx(first + 60 - clock.now)
    clock.now += wait
    limiter.enforce("learner")


def test_a_burst_from_one_learner_does_not_limit_another() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    for _ in range(20):
        limiter.enforce("noisy")
    assert limiter.admit("noisy") > 0
    assert limiter.admit("quiet") == 0.0


def test_refused_commands_do_not_extend_the_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(Limits(commands_per_minute=2), clock=clock)
    limiter.enforce("learner")
    limiter.enforce("learner")
    for _ in range(1_000):
        clock.now += 0.01
        assert limiter.admit("learner") > 0
    clock.now += 60
    assert limiter.admit("learner") == 0.0


def test_a_flood_of_strangers_is_forgotten_after_the_window() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    for number in range(10_000):
        limiter.enforce(f"stranger-{number}")
    clock.now += 61
    limiter.enforce("newcomer")
    assert limiter.admit("stranger-1") == 0.0
    assert len(limiter) == 2
