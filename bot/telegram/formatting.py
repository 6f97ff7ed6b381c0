"""Outgoing messages as Telegram HTML, escaped and cut to Telegram's sizes.

Every string that a learner typed or a cluster printed goes through
``html.escape`` here, so nothing in it can open a tag or break the markup.
Sizes are counted the way Telegram counts them, in UTF-16 code units of the
text left after the tags are parsed.
"""

from __future__ import annotations

import html

from bot.messages import Reply
from bot.texts import say
from lessons.model import Language

MAX_MESSAGE = 4096
MAX_POLL_QUESTION = 300
MAX_POLL_OPTION = 100
MAX_POLL_EXPLANATION = 200
ELLIPSIS = "…"


def utf16_length(text: str) -> int:
    """Telegram's length of ``text``: astral characters such as emoji count twice."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` UTF-16 units, ending with an ellipsis when cut."""
    if utf16_length(text) <= limit:
        return text
    kept = []
    used = utf16_length(ELLIPSIS)
    for char in text:
        used += utf16_length(char)
        if used > limit:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ELLIPSIS


def reply_html(reply: Reply, language: Language, limit: int = MAX_MESSAGE) -> str:
    """The reply as one HTML message: bold title, text, code in a <pre> block.

    Long code (command output) keeps its first lines and ends with a note of
    how many lines and characters were left out; a long text is cut at the end.
    """
    head_plain = [part for part in (reply.title, reply.text) if part]
    if reply.simulated:
        head_plain.append(say("simulated_cluster", language))
    head = "\n".join(head_plain)
    code = (reply.code or "").rstrip("\n")
    if not code:
        return _head_html(reply, shorten(head, limit), language)
    separator = "\n\n" if head else ""
    room = limit - utf16_length(head) - len(separator)
    shown, note = _fit_code(code, room, language)
    if shown is None:
        return _head_html(reply, shorten(head, limit), language)
    body = f"{separator}<pre>{html.escape(shown)}</pre>"
    if note:
        body += f"\n<i>{html.escape(note)}</i>"
    return _head_html(reply, head, language) + body


def _head_html(reply: Reply, head: str, language: Language) -> str:
    """Title and text as HTML; ``head`` is their plain form, possibly shortened."""
    if reply.title and head.startswith(reply.title):
        rest = head[len(reply.title) :]
        return f"<b>{html.escape(reply.title)}</b>{html.escape(rest)}"
    return html.escape(head)


def _fit_code(code: str, room: int, language: Language) -> tuple[str | None, str]:
    """The code as shown within ``room`` units and the note on what was cut.

    Whole lines are kept from the top; None when not even a note fits.
    """
    if utf16_length(code) <= room:
        return code, ""
    lines = code.split("\n")

    def note_for(kept_lines: int, kept_chars: int) -> str:
        return say(
            "output_cut",
            language,
            lines=len(lines) - kept_lines,
            chars=len(code) - kept_chars,
        )

    kept, kept_units, kept_chars = 0, -1, -1  # -1: no line yet, so no joining newline
    for line in lines:
        units = kept_units + 1 + utf16_length(line)
        chars = kept_chars + 1 + len(line)
        if units + 1 + utf16_length(note_for(kept + 1, chars)) > room:
            break
        kept, kept_units, kept_chars = kept + 1, units, chars
    if kept:
        return "\n".join(lines[:kept]), note_for(kept, kept_chars)
    # Not even the first line fits whole: cut inside it.
    budget = room - 1 - utf16_length(note_for(0, 0))
    if budget <= utf16_length(ELLIPSIS):
        return None, ""
    shown = shorten(lines[0], budget)
    return shown, note_for(0, len(shown) - len(ELLIPSIS))


def poll_explanation(text: str) -> str:
    """An explanation Telegram accepts under a quiz: ≤ 200 units, ≤ 2 line feeds, escaped."""
    lines = [line for line in text.strip().split("\n") if line.strip()]
    flat = "\n".join([*lines[:2], " ".join(lines[2:])]) if len(lines) > 3 else "\n".join(lines)
    return html.escape(shorten(flat, MAX_POLL_EXPLANATION))
