"""Edit-distance suggestions for mistyped commands and resource types.

kubectl (through cobra) suggests a command when the typed word is at most two
edits away from it or is a prefix of it. Resource types get the same treatment
here, which kubectl itself cannot offer offline. Words are compared only when
short, so a hostile 100 KB token costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_DISTANCE = 2
_MAX_WORD = 64


def distance(a: str, b: str) -> int:
    """Levenshtein distance between `a` and `b`, case-insensitive as in cobra."""
    a, b = a.lower(), b.lower()
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


def close_words(typed: str, candidates: Iterable[str]) -> list[str]:
    """Candidates within two edits of `typed` or starting with it, in the given order."""
    if not typed or len(typed) > _MAX_WORD:
        return []
    found: list[str] = []
    for candidate in candidates:
        if candidate in found:
            continue
        near = abs(len(candidate) - len(typed)) <= MAX_DISTANCE
        if candidate.lower().startswith(typed.lower()) or (
            near and distance(typed, candidate) <= MAX_DISTANCE
        ):
            found.append(candidate)
    return found


def closest_word(typed: str, candidates: Iterable[str]) -> str | None:
    """The single candidate nearest to `typed` within two edits, if any."""
    if not typed or len(typed) > _MAX_WORD:
        return None
    best: tuple[int, int, str] | None = None
    for candidate in candidates:
        if abs(len(candidate) - len(typed)) > MAX_DISTANCE:
            continue
        edits = distance(typed, candidate)
        # On a tie, a name that starts with what was typed is the likelier one (sv -> svc).
        score = (edits, 0 if candidate.startswith(typed.lower()) else 1, candidate)
        if edits <= MAX_DISTANCE and (best is None or score[:2] < best[:2]):
            best = score
    return None if best is None else best[2]


def did_you_mean_this(words: list[str]) -> str | None:
    """cobra's suggestion block for a list of commands, or None when empty."""
    if not words:
        return None
    return "Did you mean this?\n" + "\n".join(f"\t{word}" for word in words)
