"""Split a command line into words by the shell's quoting rules, without a shell.

Quotes and backslashes work as in a POSIX shell, so a learner can copy a
command from a tutorial; nothing is ever expanded or run. Where a shell would
do more than quote (run a second command, pipe, redirect, substitute a
command or a variable), the command is refused with a clear error instead of
being silently cut or passed on as text. Only the first line (with `\\`
continuations) is the command; whatever follows is its standard input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sandbox.commandline.errors import CommandSyntaxError

_OPERATORS = {
    ";": "runs a second command",
    "&": "chains commands or runs one in the background",
    "|": "pipes into another program",
    ">": "redirects output to a file",
    "<": "reads input from a file",
    "`": "runs a command and pastes its output",
    "(": "starts a subshell",
    ")": "ends a subshell",
}
# Phones turn `--` into a dash and quotes into curly ones; the learner meant the plain ones.
_DASHES = {"—", "–"}
_QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"}
_VARIABLE_START = "({_"


@dataclass(frozen=True)
class CommandLine:
    """The words of the command line, and the text after it (its standard input)."""

    words: tuple[str, ...]
    stdin: str | None


def split_command(text: str) -> CommandLine:
    """Split `text` into the command's words and its standard input.

    Raises:
        CommandSyntaxError: for a control character, an unclosed quote, or shell
            syntax (`;`, `&&`, `|`, `>`, `<`, backticks, `$(...)`, `$VAR`) outside quotes.
    """
    _refuse_control_characters(text)
    words, rest = _Splitter(text).run()
    return CommandLine(tuple(words), unwrap_stdin(rest))


def unwrap_stdin(text: str) -> str | None:
    """The text after the command line, without a surrounding ``` fence; None if blank."""
    body = text.strip("\n\r").rstrip()
    if body.lstrip().startswith("```"):
        body = body.lstrip()
        newline = body.find("\n")
        body = "" if newline == -1 else body[newline + 1 :]
        closing = body.rfind("```")
        if closing != -1:
            body = body[:closing]
        body = body.strip("\n\r").rstrip()
    return body + "\n" if body.strip() else None


def _refuse_control_characters(text: str) -> None:
    for char in text:
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) == "Cc":
            raise CommandSyntaxError(
                f"error: the command contains a control character (U+{ord(char):04X}), "
                "which no kubectl command uses"
            )


class _Splitter:
    """A single pass over the text: a POSIX shell's quoting, and nothing else."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.words: list[str] = []
        self.current: list[str] = []
        self.in_word = False

    def run(self) -> tuple[list[str], str]:
        text = self.text
        while self.position < len(text):
            char_at = self.position
            char = text[char_at]
            self.position += 1
            if char == "\n":
                break
            if char in " \t\r":
                self._end_word()
            elif char == "\\":
                self._escape()
            elif char == "'" or _QUOTES.get(char) == "'":
                self._quoted("'")
            elif char == '"' or _QUOTES.get(char) == '"':
                self._quoted('"')
            elif char == "#" and not self.in_word:
                self._skip_comment()
            elif char in _OPERATORS:
                _refuse_operator(text, char_at)
            elif char == "$" and text[self.position : self.position + 1] and (
                text[self.position] in _VARIABLE_START or text[self.position].isalpha()
            ):
                _refuse_expansion(text, char_at)
            elif char in _DASHES and not self.in_word:
                self._add("--")
            else:
                self._add(char)
        self._end_word()
        return self.words, text[self.position :]

    def _add(self, chars: str) -> None:
        self.current.append(chars)
        self.in_word = True

    def _end_word(self) -> None:
        if self.in_word:
            self.words.append("".join(self.current))
        self.current = []
        self.in_word = False

    def _escape(self) -> None:
        if self.position >= len(self.text):
            return
        char = self.text[self.position]
        self.position += 1
        if char == "\r" and self.text[self.position : self.position + 1] == "\n":
            self.position += 1
            return
        if char != "\n":
            self._add(char)

    def _quoted(self, quote: str) -> None:
        opened_at = self.position - 1
        self.in_word = True
        text = self.text
        while self.position < len(text):
            char = text[self.position]
            self.position += 1
            if char == quote or _QUOTES.get(char) == quote:
                return
            if quote == '"' and char == "\\" and self.position < len(text):
                following = text[self.position]
                if following in '$`"\\\n':
                    self.position += 1
                    if following != "\n":
                        self._add(following)
                    continue
            self._add(char)
        raise CommandSyntaxError(
            f"error: unterminated quote: the {text[opened_at]} opened here is never closed: "
            f"{text[opened_at : opened_at + 20]}"
        )

    def _skip_comment(self) -> None:
        newline = self.text.find("\n", self.position)
        self.position = len(self.text) if newline == -1 else newline


def _refuse_operator(text: str, at: int) -> None:
    char = text[at]
    operator = text[at : at + 2] if text[at : at + 2] in {"&&", "||", ">>", "<<"} else char
    raise CommandSyntaxError(
        f'error: "{operator}" {_OPERATORS[char]} in a shell, but commands here are not run '
        "by a shell: type one kubectl command, and quote the character if it belongs to a value"
    )


def _refuse_expansion(text: str, at: int) -> None:
    shown = text[at : at + 12].split(maxsplit=1)[0]
    raise CommandSyntaxError(
        f'error: "{shown}" would be expanded by a shell, but commands here are not run by a '
        "shell: type the value itself"
    )
