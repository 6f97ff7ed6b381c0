"""Tell a command from a chat message: `kubectl ...`, `k ...` or `minikube ...`.

Learners paste commands the way tutorials show them: bare, in a code span,
in a fenced block with a `bash` tag, behind a `$ ` prompt. All of these are
commands; anything else is conversation. `k` alone is also a common English
reply ("k, thanks"), so it counts only when a kubectl command follows it.
"""

from __future__ import annotations

import re

from sandbox.commandline.kubectl_commands import KUBECTL
from sandbox.commandline.suggest import distance

PROGRAMS = ("kubectl", "k", "minikube")
_PROMPT = re.compile(r"\A[ \t]*\$[ \t]+")
_LANGUAGE_TAG = re.compile(r"[A-Za-z0-9_+-]*")
_KUBECTL_WORDS = tuple(
    word for node in KUBECTL.children for word in (node.name, *node.aliases)
)


def extract_command(message: str) -> str | None:
    """The command text if the message is a kubectl/k/minikube command, else None.

    The first word must be exactly `kubectl`, `k` or `minikube`, possibly inside
    a code span or a fenced block (with or without a language tag and a `$ `
    prompt). The result is the command line plus any text after it, such as the
    YAML for `apply -f -`.
    """
    candidate = unwrap_message(message)
    words = candidate.split(maxsplit=2)
    if not words or words[0] not in PROGRAMS:
        return None
    if words[0] == "k" and not _looks_like_kubectl(words[1] if len(words) > 1 else ""):
        return None
    return candidate


def unwrap_message(message: str) -> str:
    """The message without a surrounding code span or fence and without a `$ ` prompt."""
    text = message.strip()
    if text.startswith("```"):
        text = _unfence(text)
    elif text.startswith("`"):
        text = _unspan(text)
    return _PROMPT.sub("", text.lstrip("\r\n"), count=1).rstrip()


def _unfence(text: str) -> str:
    body = text[3:]
    first_line, _, rest = body.partition("\n")
    opening_words = first_line.split(maxsplit=1)
    # A language tag (```bash) stands alone on the fence line; a command may sit there too.
    if not opening_words or (
        opening_words[0] not in PROGRAMS and _LANGUAGE_TAG.fullmatch(first_line.strip())
    ):
        body = rest
    closing = body.find("```")
    if closing == -1:
        return body
    return body[:closing] + body[closing + 3 :]


def _unspan(text: str) -> str:
    closing = text.find("`", 1)
    if closing == -1 or "\n" in text[1:closing]:
        return text
    after = text[closing + 1 :]
    newline = after.find("\n")
    return text[1:closing] + ("" if newline == -1 else after[newline:])


def _looks_like_kubectl(word: str) -> bool:
    """A kubectl command, a flag, or a one-letter slip of a command (`k gt pods`)."""
    if word.startswith("-") or word in _KUBECTL_WORDS:
        return True
    return 2 <= len(word) <= 20 and any(distance(word, known) <= 1 for known in _KUBECTL_WORDS)
