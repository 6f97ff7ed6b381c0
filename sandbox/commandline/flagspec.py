"""What a flag is (boolean, string, number, duration, list) and how its value reads.

Flag tables are written the way `kubectl <verb> --help` lists them
(`-o, --output=''`, `-w, --watch=false`, `-f, --filename=[]`), so they can be
checked against the real binary line by line; the default in that text tells
the kind of value the flag takes. Values are checked as pflag checks them,
with the same error text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum

from sandbox.commandline.errors import CommandSyntaxError


class FlagKind(Enum):
    """How a flag's value is read."""

    BOOL = "bool"
    STRING = "string"
    INT = "int"
    DURATION = "duration"
    LIST = "list"


@dataclass(frozen=True)
class FlagSpec:
    """One flag of a command, as its help text lists it.

    Attributes:
        name: the long name, without dashes.
        kind: how the value is read.
        default: the default as the help text prints it (quotes removed).
        short: the one-letter shorthand, if any.
        bare_value: the value a flag given without one takes (pflag's NoOptDefVal):
            "true" for booleans, "unchanged" for --dry-run, None when a value is required.
    """

    name: str
    kind: FlagKind
    default: str
    short: str | None = None
    bare_value: str | None = None

    @property
    def label(self) -> str:
        """How pflag names the flag in errors: `-w, --watch` or `--image`."""
        return f"-{self.short}, --{self.name}" if self.short else f"--{self.name}"


# Flags that take an optional value: kubectl sets NoOptDefVal on these.
_BARE_VALUES = {"dry-run": "unchanged", "cascade": "background", "validate": "strict"}
_SPEC = re.compile(r"(?:-(?P<short>\w),\s+)?--(?P<name>[\w-]+)=(?P<default>\S*)")
_DURATION = re.compile(r"(?:(?:\d+(?:\.\d*)?|\.\d+)[a-zµμ]+)+")


def specs(help_text: str) -> tuple[FlagSpec, ...]:
    """Read flags from help-style text: `-A, --all-namespaces=false --chunk-size=500 ...`."""
    found = []
    for match in _SPEC.finditer(help_text):
        default = match["default"].strip("'")
        name = match["name"]
        found.append(
            FlagSpec(
                name=name,
                kind=_kind_of(match["default"]),
                default=default,
                short=match["short"],
                bare_value=_BARE_VALUES.get(name, "true" if default in {"true", "false"} else None),
            )
        )
    return tuple(found)


def _kind_of(default: str) -> FlagKind:
    if default in {"true", "false"}:
        return FlagKind.BOOL
    if default.startswith("["):
        return FlagKind.LIST
    if re.fullmatch(r"-?\d+", default):
        return FlagKind.INT
    if _DURATION.fullmatch(default):
        return FlagKind.DURATION
    return FlagKind.STRING


def go_quote(text: str) -> str:
    """Quote as Go's %q does for the printable text that reaches this point."""
    return json.dumps(text, ensure_ascii=False)


_TRUE = {"1", "t", "T", "TRUE", "true", "True"}
_FALSE = {"0", "f", "F", "FALSE", "false", "False"}
_INT_FORMS = (
    (re.compile(r"[+-]?[1-9]\d*|[+-]?0"), 10),
    (re.compile(r"[+-]?0[xX][0-9a-fA-F]+"), 16),
    (re.compile(r"[+-]?0[bB][01]+"), 2),
    (re.compile(r"[+-]?0[oO]?[0-7]+"), 8),
)
_UNITS = ("ns", "us", "µs", "μs", "ms", "s", "m", "h")
_DURATION_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)([^\d.]*)")


def convert(spec: FlagSpec, value: str, command_path: str) -> str | bool:
    """Check `value` as pflag would for `spec`; booleans become bool, the rest text.

    Raises:
        CommandSyntaxError: pflag's `invalid argument` error, word for word.
    """
    problem: str | None = None
    if spec.kind is FlagKind.BOOL:
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        problem = f"strconv.ParseBool: parsing {go_quote(value)}: invalid syntax"
    elif spec.kind is FlagKind.INT:
        number = _go_int(value)
        if number is None:
            problem = f"strconv.ParseInt: parsing {go_quote(value)}: invalid syntax"
        elif not -(2**63) <= number < 2**63:
            problem = f"strconv.ParseInt: parsing {go_quote(value)}: value out of range"
        else:
            return str(number)
    elif spec.kind is FlagKind.DURATION:
        problem = duration_problem(value)
    if problem is None:
        return value
    raise CommandSyntaxError(
        f"Error: invalid argument {go_quote(value)} for {go_quote(spec.label)} flag: {problem}\n"
        f"See '{command_path} --help' for usage."
    )


def _go_int(value: str) -> int | None:
    """The number strconv.ParseInt(value, 0, 64) reads, before its range check."""
    for form, base in _INT_FORMS:
        if form.fullmatch(value):
            digits = re.sub(r"^([+-]?)0[oO]", r"\g<1>0", value) if base == 8 else value
            return int(digits, base)
    return None


def duration_problem(value: str) -> str | None:
    """Go's time.ParseDuration error for `value`, or None when it parses."""
    quoted = go_quote(value)
    text = value[1:] if value[:1] in {"+", "-"} else value
    if text == "0":
        return None
    if not text:
        return f"time: invalid duration {quoted}"
    position = 0
    while position < len(text):
        match = _DURATION_PART.match(text, position)
        if match is None:
            return f"time: invalid duration {quoted}"
        unit = match[2]
        if not unit:
            return f"time: missing unit in duration {quoted}"
        if unit not in _UNITS:
            return f"time: unknown unit {go_quote(unit)} in duration {quoted}"
        position = match.end()
    return None
