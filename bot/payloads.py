"""Button payloads: short, versioned, and safe to receive long after sending.

A payload is ``v1:<action>:<args>``. Telegram keeps buttons on old messages
forever, so a payload from another version, or naming content that has since
changed, must be recognised as stale rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSION = "v1"
MAX_BYTES = 64


@dataclass(frozen=True)
class Payload:
    action: str
    args: tuple[str, ...]


def payload(action: str, *args: str) -> str:
    text = ":".join((VERSION, action, *args))
    if len(text.encode()) > MAX_BYTES:
        raise ValueError(f"button payload {text!r} is longer than {MAX_BYTES} bytes")
    return text


def parse_payload(text: str) -> Payload | None:
    """The payload's action and arguments, or None when it is not one of ours (stale)."""
    parts = text.split(":")
    if len(parts) < 2 or parts[0] != VERSION or not parts[1]:
        return None
    return Payload(parts[1], tuple(parts[2:]))
