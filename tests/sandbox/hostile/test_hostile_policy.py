"""Every hostile message is refused by the policy with a clear message in both languages.

Nothing but `CommandRefused` may come out of `screen`, and each case names the
rule that must refuse it, so a case refused for the wrong reason fails too.
"""

from __future__ import annotations

import pytest

from sandbox.policy import screen
from sandbox.refusals import CommandRefused
from tests.sandbox.hostile.cases import ALL
from tests.sandbox.hostile.clarity import assert_clear
from tests.sandbox.hostile.manifests import NAMESPACE


def test_the_suite_holds_at_least_200_distinct_cases() -> None:
    names = [name for name, _, _ in ALL]
    assert len(names) >= 200
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(("text", "reason"), [c[1:] for c in ALL], ids=[c[0] for c in ALL])
def test_hostile_message_is_refused_clearly(text: str, reason: str) -> None:
    with pytest.raises(CommandRefused) as refused:
        screen(text, namespace=NAMESPACE)
    assert refused.value.reason == reason, str(refused.value)
    assert_clear(refused.value)
