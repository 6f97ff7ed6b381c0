"""`CommandRefused`, the sandbox's one permanent "no", and its words in Korean and English.

The policy modules raise `CommandRefused(reason, **details)` with a short
reason code and the facts behind it; nothing in them writes prose. This module
turns a refusal into the learner's language: what was refused, why, and what
to do instead. Values a learner typed are shortened and made visible (a
newline shows as `\\n`) before they are quoted back.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from sandbox.refusal_texts import SUPPORTED_COMMANDS, TEXTS, WHY

Language = Literal["ko", "en"]
_SHOWN_CHARACTERS = 80
# Details written by the sandbox or by the parser, not typed by the learner: shown whole.
_OWN_WORDS = frozenset({"problem", "message", "hint", "character"})


class CommandRefused(Exception):
    """A command or manifest the sandbox will not run, whatever the cluster says.

    Attributes:
        reason: a code naming the rule, such as "other_namespace" or "pod_field".
        details: the facts the message quotes (the namespace asked for, the field).
    """

    def __init__(self, reason: str, **details: object) -> None:
        self.reason = reason
        self.details: Mapping[str, str] = MappingProxyType(
            {
                key: str(value) if key in _OWN_WORDS else shown(value)
                for key, value in details.items()
            }
        )
        super().__init__(render(self, "en"))


def shown(value: object) -> str:
    """`value` as it may be quoted to a learner: visible and at most 80 characters."""
    text = str(value)
    visible = "".join(
        char if char.isprintable() else repr(char)[1:-1] for char in text[: _SHOWN_CHARACTERS * 2]
    )
    if len(visible) > _SHOWN_CHARACTERS or len(text) > _SHOWN_CHARACTERS * 2:
        return f"{visible[: _SHOWN_CHARACTERS - 1]}…"
    return visible


class _Details(dict[str, str]):
    """Format arguments that never fail: a missing detail reads as "?"."""

    def __missing__(self, key: str) -> str:
        return "?"


def render(refusal: CommandRefused, language: Language) -> str:
    """The refusal as the learner reads it, in Korean ("ko") or English ("en").

    Every message says what was refused and why; where something else works,
    it says what. Unknown reasons still get a clear, general message.
    """
    details = _Details(refusal.details)
    details["supported"] = SUPPORTED_COMMANDS[language]
    details["why"] = _why(refusal, language)
    templates = TEXTS.get(refusal.reason, TEXTS["unknown"])
    return templates[language].format_map(details).strip()


def _why(refusal: CommandRefused, language: Language) -> str:
    reasons = WHY.get(refusal.details.get("category", ""))
    return "" if reasons is None else reasons[language]
