"""YAML text as go-yaml v2 writes it, which is what kubectl's `-o yaml` shows.

PyYAML and go-yaml share libyaml's emitter (two-space indent, sequences not
indented under their key, plain scalars folded at 80 columns). They differ in
quoting (go-yaml double-quotes text that would read as another type, where
PyYAML picks single quotes), in how multi-line strings are written (go-yaml
prefers a literal block), and in the order of map keys (go-yaml's "natural"
order). This module makes PyYAML agree.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import yaml


class _GoDumper(yaml.SafeDumper):
    """SafeDumper that writes maps and strings the way go-yaml v2 does."""


_STR_TAG = "tag:yaml.org,2002:str"
# go-yaml v2 also reads these as booleans, where PyYAML reads strings.
_GO_ONLY_BOOLS = frozenset({"y", "Y", "n", "N"})


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Literal blocks for multi-line text; double quotes for text that reads as another type.

    Everything else is left to the emitter, which, like go-yaml's, writes it plain when
    it can and single-quoted when it cannot.
    """
    if "\n" in value:
        return dumper.represent_scalar(_STR_TAG, value, style="|")
    implicit_tag: str = dumper.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if implicit_tag != _STR_TAG or value in _GO_ONLY_BOOLS:
        return dumper.represent_scalar(_STR_TAG, value, style='"')
    return dumper.represent_scalar(_STR_TAG, value)


def _represent_map(dumper: yaml.SafeDumper, value: Mapping[Any, Any]) -> yaml.MappingNode:
    keys = sorted(value, key=functools.cmp_to_key(_natural_compare))
    return dumper.represent_mapping("tag:yaml.org,2002:map", [(k, value[k]) for k in keys])


_GoDumper.add_representer(str, _represent_str)
_GoDumper.add_representer(dict, _represent_map)


def go_yaml(obj: Any) -> str:
    """Serialise a JSON-like value as go-yaml v2 does."""
    text: str = yaml.dump(obj, Dumper=_GoDumper, default_flow_style=False, sort_keys=False,
                          allow_unicode=True, width=80, indent=2)
    return text


def _natural_compare(a: Any, b: Any) -> int:
    """go-yaml v2's keyList.Less for string keys, as a three-way comparison."""
    if not isinstance(a, str) or not isinstance(b, str):
        return _cmp(str(a), str(b))
    return -1 if _less(a, b) else (1 if _less(b, a) else 0)


def _less(a: str, b: str) -> bool:
    for i in range(min(len(a), len(b))):
        if a[i] == b[i]:
            continue
        a_letter, b_letter = a[i].isalpha(), b[i].isalpha()
        if a_letter and b_letter:
            return a[i] < b[i]
        if a_letter or b_letter:
            return b_letter
        a_num, b_num = 0, 0
        if a[i] == "0" or b[i] == "0":
            j = i - 1
            while j >= 0 and a[j].isdecimal():
                if a[j] != "0":
                    a_num, b_num = 1, 1
                    break
                j -= 1
        a_end, b_end = i, i
        while a_end < len(a) and a[a_end].isdecimal():
            a_num = a_num * 10 + (ord(a[a_end]) - 48)
            a_end += 1
        while b_end < len(b) and b[b_end].isdecimal():
            b_num = b_num * 10 + (ord(b[b_end]) - 48)
            b_end += 1
        if a_num != b_num:
            return a_num < b_num
        if a_end != b_end:
            return a_end < b_end
        return a[i] < b[i]
    return len(a) < len(b)


def _cmp(a: str, b: str) -> int:
    return (a > b) - (a < b)
