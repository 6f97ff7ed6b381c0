"""The entry point: command text in, a `Command` or kubectl's error out."""

from __future__ import annotations

import unicodedata

from sandbox.commandline.command import Command
from sandbox.commandline.errors import CommandSyntaxError
from sandbox.commandline.kubectl_parse import parse_kubectl
from sandbox.commandline.minikube import parse_minikube
from sandbox.commandline.tokens import split_command

_PROGRAMS = ("kubectl", "k", "minikube")


def parse(command_text: str) -> Command:
    """Parse a kubectl, k or minikube command line (and its standard input).

    The text is split by shell quoting rules and never evaluated: shell syntax
    outside quotes (`;`, `&&`, `|`, `>`, backticks, `$(...)`) is refused.

    Raises:
        CommandSyntaxError: with kubectl's own message wherever kubectl has one.
    """
    line = split_command(command_text)
    if not line.words:
        raise CommandSyntaxError("error: no command given: type a kubectl or minikube command")
    program, *words = line.words
    if program in ("kubectl", "k"):
        return parse_kubectl(words, line.stdin, command_text)
    if program == "minikube":
        return parse_minikube(words, line.stdin, command_text)
    raise _unknown_program(program)


def _unknown_program(program: str) -> CommandSyntaxError:
    message = (
        f'error: "{program[:40]}" is not a command here: commands start with kubectl, '
        "k or minikube"
    )
    if not program.isascii():
        look_alike = _as_latin(program)
        if look_alike in _PROGRAMS:
            return CommandSyntaxError(
                message,
                f'"{program}" contains non-Latin letters that look like "{look_alike}"; '
                f'type "{look_alike}" with Latin letters',
            )
    return CommandSyntaxError(message)


# Cyrillic and Greek letters that look like the Latin letters of kubectl and minikube.
_LOOK_ALIKES = str.maketrans(
    {
        "а": "a", "е": "e", "і": "i", "к": "k", "м": "m", "п": "n", "о": "o", "с": "c",
        "т": "t", "ь": "b", "ӏ": "l", "κ": "k", "ι": "i", "ο": "o", "υ": "u", "ν": "v",
    }
)


def _as_latin(word: str) -> str:
    return unicodedata.normalize("NFKC", word).translate(_LOOK_ALIKES)
