"""Read flags from a command's words the way pflag (kubectl's flag library) does.

Flags may come anywhere among the positional arguments; `--flag=value`,
`--flag value`, `-o wide`, `-owide`, `-o=wide` and bundled booleans (`-it`)
all work, `--` ends the flags, and every mistake gets pflag's own error text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sandbox.commandline.command import FlagValue
from sandbox.commandline.errors import usage_error
from sandbox.commandline.flagspec import FlagKind, FlagSpec, convert


@dataclass
class FlagTable:
    """The flags one command accepts, by long name and by shorthand.

    A loose table (for commands the sandbox does not run) accepts any flag:
    `--x=v` as a value, a bare `--x` or `-x` as a boolean.
    """

    specs: Sequence[FlagSpec]
    loose: bool = False
    by_name: dict[str, FlagSpec] = field(init=False)
    by_short: dict[str, FlagSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {}
        self.by_short = {}
        for spec in self.specs:
            self.by_name.setdefault(spec.name, spec)
            if spec.short:
                self.by_short.setdefault(spec.short, spec)

    def long(self, name: str) -> FlagSpec | None:
        """The flag called `--name`, or a stand-in boolean when loose."""
        found = self.by_name.get(name)
        if found is None and self.loose:
            return FlagSpec(name, FlagKind.BOOL, "false", None, "true")
        return found

    def short(self, letter: str) -> FlagSpec | None:
        """The flag called `-letter`, or a stand-in boolean when loose."""
        found = self.by_short.get(letter)
        if found is None and self.loose:
            return FlagSpec(letter, FlagKind.BOOL, "false", letter, "true")
        return found


@dataclass
class ParsedFlags:
    """What the flags said, the positional arguments, and the words after `--`."""

    values: dict[str, FlagValue] = field(default_factory=dict)
    positionals: list[str] = field(default_factory=list)
    after_dashes: list[str] | None = None


def parse_flags(
    words: Sequence[str], table: FlagTable, command_path: str, *, interspersed: bool = True
) -> ParsedFlags:
    """Separate flags from positional arguments, checking each flag and value.

    With `interspersed` off (docker run), flags end at the first positional argument.

    Raises:
        CommandSyntaxError: pflag's error for an unknown flag, a missing or bad value.
    """
    parsed = ParsedFlags()
    lists: dict[str, list[str]] = {}
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if len(word) < 2 or word[0] != "-":
            parsed.positionals.append(word)
            if not interspersed:
                parsed.positionals.extend(words[index:])
                break
            continue
        if word == "--":
            parsed.after_dashes = list(words[index:])
            break
        if word.startswith("--"):
            spec, value, index = _long(word, words, index, table, command_path)
            _store(parsed, lists, spec, value, command_path)
            continue
        shorthands = word[1:]
        while shorthands:
            spec, value, shorthands, index = _short(shorthands, words, index, table, command_path)
            _store(parsed, lists, spec, value, command_path)
    for name, values in lists.items():
        parsed.values[name] = tuple(values)
    return parsed


def _long(
    word: str, words: Sequence[str], index: int, table: FlagTable, command_path: str
) -> tuple[FlagSpec, str, int]:
    body = word[2:]
    if body[0] in "-=":
        raise usage_error(f"bad flag syntax: {word}", command_path)
    name, has_value, value = body.partition("=")
    spec = table.long(name)
    if spec is None:
        raise usage_error(f"unknown flag: --{name}", command_path)
    if has_value:
        if table.loose and spec.name not in table.by_name:
            spec = FlagSpec(name, FlagKind.STRING, "", None, None)
        return spec, value, index
    if spec.bare_value is not None:
        return spec, spec.bare_value, index
    if index < len(words):
        return spec, words[index], index + 1
    raise usage_error(f"flag needs an argument: {word}", command_path)


def _short(
    shorthands: str, words: Sequence[str], index: int, table: FlagTable, command_path: str
) -> tuple[FlagSpec, str, str, int]:
    letter = shorthands[0]
    spec = table.short(letter)
    if spec is None:
        raise usage_error(f"unknown shorthand flag: '{letter}' in -{shorthands}", command_path)
    if len(shorthands) > 2 and shorthands[1] == "=":
        return spec, shorthands[2:], "", index
    if spec.bare_value is not None:
        return spec, spec.bare_value, shorthands[1:], index
    if len(shorthands) > 1:
        return spec, shorthands[1:], "", index
    if index < len(words):
        return spec, words[index], "", index + 1
    raise usage_error(f"flag needs an argument: '{letter}' in -{shorthands}", command_path)


def _store(
    parsed: ParsedFlags,
    lists: dict[str, list[str]],
    spec: FlagSpec,
    value: str,
    command_path: str,
) -> None:
    if spec.kind is FlagKind.LIST:
        lists.setdefault(spec.name, []).append(value)
    else:
        parsed.values[spec.name] = convert(spec, value, command_path)
