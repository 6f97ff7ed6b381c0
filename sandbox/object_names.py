"""Names, label keys and label values, checked by Kubernetes' own rules and words.

The rules and messages are apimachinery's (`IsDNS1123Label`,
`IsDNS1123Subdomain`, `IsDNS1035Label`, `IsQualifiedName`, `IsValidLabelValue`),
so a learner reads what the API server would have said. A character that
merely looks like an allowed one (a Cyrillic `е`, a full-width `ｗ`, a
zero-width space) is named, since the learner cannot see the difference.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from sandbox.refusals import CommandRefused

NameRule = Literal["dns1123_label", "dns1123_subdomain", "dns1035_label"]

_LABEL = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
_SUBDOMAIN = rf"{_LABEL}(\.{_LABEL})*"
_DNS1035 = r"[a-z]([-a-z0-9]*[a-z0-9])?"
_QUALIFIED_PART = r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
_LABEL_VALUE = rf"({_QUALIFIED_PART})?"

_RULES: dict[NameRule, tuple[re.Pattern[str], int, str]] = {
    "dns1123_label": (
        re.compile(_LABEL),
        63,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        "and must start and end with an alphanumeric character (e.g. 'my-name',  or "
        f"'123-abc', regex used for validation is '{_LABEL}')",
    ),
    "dns1123_subdomain": (
        re.compile(_SUBDOMAIN),
        253,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
        "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
        f"regex used for validation is '{_SUBDOMAIN}')",
    ),
    "dns1035_label": (
        re.compile(_DNS1035),
        63,
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
        "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
        f"'abc-123', regex used for validation is '{_DNS1035}')",
    ),
}
_QUALIFIED_NAME = re.compile(_QUALIFIED_PART)
_VALUE = re.compile(_LABEL_VALUE)
_QUALIFIED_MESSAGE = (
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "
    "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
    f"used for validation is '{_QUALIFIED_PART}')"
)
_VALUE_MESSAGE = (
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
    f"'my_value',  or '12345', regex used for validation is '{_LABEL_VALUE}')"
)
# A name inside a URL path may not be these, whatever else it is.
_PATH_SEGMENTS_REFUSED = {".", ".."}


def check_name(name: str, kind: str, rule: NameRule = "dns1123_subdomain") -> None:
    """Refuse `name` unless it is a valid name for `kind` under `rule`.

    Raises:
        CommandRefused: "invalid_name" with Kubernetes' own wording of the problem.
    """
    problem = name_problem(name, rule)
    if problem is not None:
        raise CommandRefused("invalid_name", name=name, kind=kind, problem=problem)


def name_problem(name: str, rule: NameRule = "dns1123_subdomain") -> str | None:
    """What is wrong with `name` under `rule`, in Kubernetes' words; None if it is valid."""
    pattern, longest, message = _RULES[rule]
    foreign = foreign_character(name)
    if foreign is not None:
        return f"it contains {foreign}"
    if name in _PATH_SEGMENTS_REFUSED:
        return f"may not be '{name}'"
    if len(name) > longest:
        return f"must be no more than {longest} characters"
    if pattern.fullmatch(name) is None:
        return message
    return None


def check_label(key: str, value: str | None, *, annotation: bool = False) -> None:
    """Refuse a label (or annotation) key that is not a qualified name, or a bad label value.

    Annotation values may be any single line of printable text up to 1024 characters.

    Raises:
        CommandRefused: "invalid_label", naming the key or value and the problem.
    """
    what = "annotation" if annotation else "label"
    problem = qualified_name_problem(key)
    if problem is not None:
        raise CommandRefused("invalid_label", category=f"{what}_key", text=key, problem=problem)
    if value is None:
        return
    problem = annotation_value_problem(value) if annotation else label_value_problem(value)
    if problem is not None:
        raise CommandRefused(
            "invalid_label", category=f"{what}_value", text=value, problem=problem
        )


def qualified_name_problem(key: str) -> str | None:
    """IsQualifiedName's complaint about `key` (`app`, `example.com/tier`), or None."""
    foreign = foreign_character(key)
    if foreign is not None:
        return f"it contains {foreign}"
    prefix, slash, name = key.rpartition("/")
    if slash and not prefix:
        return "prefix part must be non-empty"
    if prefix:
        if "/" in prefix:
            return (
                "a qualified name must consist of alphanumeric characters, '-', '_' or '.', "
                "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            )
        problem = name_problem(prefix, "dns1123_subdomain")
        if problem is not None:
            return f"prefix part {problem}"
    if not name:
        return "name part must be non-empty"
    if len(name) > 63:
        return "name part must be no more than 63 characters"
    if _QUALIFIED_NAME.fullmatch(name) is None:
        return _QUALIFIED_MESSAGE
    return None


def label_value_problem(value: str) -> str | None:
    """IsValidLabelValue's complaint about `value`, or None."""
    foreign = foreign_character(value)
    if foreign is not None:
        return f"it contains {foreign}"
    if len(value) > 63:
        return "must be no more than 63 characters"
    if _VALUE.fullmatch(value) is None:
        return _VALUE_MESSAGE
    return None


def annotation_value_problem(value: str) -> str | None:
    """Why `value` cannot be an annotation typed in chat, or None."""
    if len(value) > 1024:
        return "must be no more than 1024 characters"
    for char in value:
        if not char.isprintable() or unicodedata.category(char) == "Cf":
            return f"it contains {describe_character(char)}"
    return None


def foreign_character(text: str) -> str | None:
    """The first character of `text` outside printable ASCII, described; None if none."""
    for char in text:
        if not (char.isascii() and char.isprintable()):
            return describe_character(char)
    return None


def describe_character(char: str) -> str:
    """`U+0435 CYRILLIC SMALL LETTER IE`, with the Latin letter it resembles, if any."""
    name = unicodedata.name(char, "an unnamed character")
    described = f"U+{ord(char):04X} ({name})"
    plain = unicodedata.normalize("NFKC", char)
    if plain != char and plain.isascii() and plain.isprintable():
        described += f", which looks like '{plain}'"
    return described
