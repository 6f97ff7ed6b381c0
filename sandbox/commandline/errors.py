"""The one error a learner's command line can raise before it reaches a cluster.

kubectl answers a mistyped command with a line of its own (`Error: unknown flag:
--foo`) and sometimes a suggestion; the learner should see the same words here,
so the message keeps kubectl's exact text and the suggestion travels apart,
where the chat can show it below the error.
"""

from __future__ import annotations


class CommandSyntaxError(Exception):
    """A command line that kubectl (or minikube) would reject before any API call.

    Attributes:
        message: the text kubectl prints, word for word where kubectl has one.
        hint: an optional suggestion, such as "Did you mean this?\\n\\tget".
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        message = _shortened(message)
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        """The message followed by the hint, laid out as kubectl prints them."""
        if self.hint is None:
            return self.message
        return f"{self.message}\n\n{self.hint}"


def usage_error(text: str, command_path: str) -> CommandSyntaxError:
    """A flag-parsing error, worded and followed by a pointer as kubectl does."""
    return CommandSyntaxError(f"Error: {text}\nSee '{command_path} --help' for usage.")


def help_error(text: str, command_path: str) -> CommandSyntaxError:
    """An argument error raised by a kubectl command itself, with its help pointer."""
    return CommandSyntaxError(f"error: {text}\nSee '{command_path} -h' for help and examples")


_LONGEST = 1_000


def _shortened(message: str) -> str:
    """kubectl echoes what was typed; a 100 KB word should not fill the chat."""
    if len(message) <= _LONGEST:
        return message
    cut = len(message) - 700
    return f"{message[:500]}… ({cut} characters not shown) …{message[-200:]}"
