"""How go-yaml v2 reads a plain scalar, and how it writes numbers.

kubectl's `-o yaml` writes a string plain only when go-yaml would read it back as
that same string; otherwise it double-quotes it. So `1e3`, `0o17`, `2025-03-01`
and `y` are quoted, while `=` is not: go-yaml's rules (resolve.go), not PyYAML's
YAML 1.1 ones (go-yaml looks words up only after a first character that may start
one, so `<<` stays plain too). Floats are written with Go's shortest `%g`.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime
from decimal import Decimal

STR = "tag:yaml.org,2002:str"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

_WORDS: dict[str, str] = {
    **dict.fromkeys(("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
                     "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off",
                     "OFF"), BOOL),
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), NULL),
    **dict.fromkeys((".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf",
                     "+.INF", "-.inf", "-.Inf", "-.INF"), FLOAT),
}
_INT = re.compile(r"[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)")
_YAML_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_DOT_FLOAT = re.compile(r"\.[0-9]+([eE][-+]?[0-9]+)?")
_BASE60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_TIME = r"(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d{1,9})?"
_TIMESTAMPS = (re.compile(_DATE), re.compile(rf"{_DATE}[Tt]{_TIME}(Z|[-+]\d{{2}}:\d{{2}})"),
               re.compile(rf"{_DATE} {_TIME}"))


@functools.lru_cache(maxsize=8192)
def plain_tag(text: str) -> str:
    """The tag go-yaml v2 gives `text` written plain (resolve("", text))."""
    if text in _WORDS:
        return _WORDS[text]
    first = text[0]
    if first == ".":
        return FLOAT if _DOT_FLOAT.fullmatch(text) else STR
    if first not in "+-0123456789":
        return STR
    if first.isdigit() and _is_timestamp(text):
        return TIMESTAMP
    plain = text.replace("_", "")
    if _is_int(plain):
        return INT
    if _YAML_FLOAT.fullmatch(plain):
        return FLOAT
    return STR


def needs_quotes(text: str) -> bool:
    """Whether go-yaml double-quotes `text`: it would read back as something else."""
    return plain_tag(text) != STR or _BASE60.fullmatch(text) is not None


def go_float(value: float) -> str:
    """A float as go-yaml writes it: strconv.FormatFloat(value, 'g', -1, 64)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "-0" if math.copysign(1, value) < 0 else "0"
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    assert isinstance(exponent, int)
    shown = "".join(map(str, digits))
    point = len(shown) + exponent
    if not -4 <= point - 1 < 6:
        text = _exponent_form(shown, point - 1)
    elif point <= 0:
        text = "0." + "0" * -point + shown
    elif point >= len(shown):
        text = shown + "0" * (point - len(shown))
    else:
        text = shown[:point] + "." + shown[point:]
    return ("-" if sign else "") + text


def _exponent_form(digits: str, exponent: int) -> str:
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def _is_int(plain: str) -> bool:
    if not _INT.fullmatch(plain):
        return False
    body = plain.lstrip("+-")
    base = {"x": 16, "o": 8, "b": 2}.get(body[1:2].lower(), 8) if body[:1] == "0" else 10
    number = int(body[2:] if base != 10 and body[1:2].isalpha() else body, base)
    signed = -number if plain.startswith("-") else number
    return -(2**63) <= signed < 2**63 or (not plain.startswith(("-", "+")) and number < 2**64)


def _is_timestamp(text: str) -> bool:
    for pattern in _TIMESTAMPS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year, month, day = (int(part) for part in match.groups()[:3])
        try:
            date(year, month, day)
            if len(match.groups()) > 3:
                hour, minute, second = (int(part) for part in match.groups()[3:6])
                datetime(year, month, day, hour, minute, second)
        except ValueError:
            return False
        return True
    return False
