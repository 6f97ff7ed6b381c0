"""What "a clear refusal" means, checked the same way by every policy test."""

from __future__ import annotations

import re
import string

from sandbox.refusal_texts import TEXTS, WHY
from sandbox.refusals import CommandRefused, render

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ALWAYS_THERE = {"supported", "why"}


def assert_clear(refusal: CommandRefused) -> None:
    """Both languages say something specific, with every fact the message quotes."""
    assert refusal.reason in TEXTS, f"no words for {refusal.reason!r}"
    for language in ("en", "ko"):
        template = TEXTS[refusal.reason][language]
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        missing = fields - set(refusal.details) - _ALWAYS_THERE
        assert not missing, f"{refusal.reason}: details {missing} missing"
        if "why" in fields:
            assert refusal.details.get("category") in WHY, refusal.details
        text = render(refusal, language)
        assert 20 <= len(text) <= 3_000
    assert _HANGUL.search(render(refusal, "ko"))
    assert render(refusal, "en") != render(refusal, "ko")
    assert str(refusal) == render(refusal, "en")
