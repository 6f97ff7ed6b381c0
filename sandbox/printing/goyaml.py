"""YAML text as go-yaml v2 writes it, which is what kubectl's `-o yaml` shows.

PyYAML and go-yaml share libyaml's emitter (two-space indent, sequences not
indented under their key, plain scalars folded at 80 columns). They differ in
quoting (go-yaml double-quotes text that would read as another type, where
PyYAML picks single quotes), in how multi-line strings are written (go-yaml
prefers a literal block), and in the order of map keys (go-yaml's "natural"
order). This module makes PyYAML agree.

Nodes are built straight from the JSON-like value (no representer, so no anchors
for shared objects, which go-yaml never writes) and written by libyaml's C
emitter, which go-yaml v2 was ported from line by line: a listing of pods takes
a few milliseconds rather than tens.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from typing import Any

import yaml

from sandbox.printing.goresolve import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    go_float,
    needs_quotes,
    plain_tag,
)

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class _GoDumper(yaml.CSafeDumper):
    """libyaml's C emitter, which go-yaml v2 is a line-by-line port of, with go-yaml's
    idea of which plain scalars read as what (so the emitter keeps `=` plain, as go-yaml
    does, where PyYAML's YAML 1.1 resolver would have it quoted)."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return plain_tag(value) if implicit[0] else STR
        resolved: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return resolved


def _node(value: Any) -> yaml.Node:
    """The YAML node for a JSON-like value, maps in go-yaml's key order, never aliased.

    Strings are plain where go-yaml would read them back as the same string, double-
    quoted where it would not, and literal blocks when they hold line breaks; the
    emitter falls back to single quotes where plain text is not allowed, as go-yaml's.
    """
    if isinstance(value, str):
        style = "|" if "\n" in value else ('"' if needs_quotes(value) else None)
        return yaml.ScalarNode(STR, value, style=style)
    if isinstance(value, Mapping):
        keys = sorted(value, key=_natural_key)
        return yaml.MappingNode(_MAP_TAG, [(_node(k), _node(value[k])) for k in keys],
                                flow_style=False)
    if isinstance(value, list | tuple):
        return yaml.SequenceNode(_SEQ_TAG, [_node(item) for item in value], flow_style=False)
    if value is None:
        return yaml.ScalarNode(NULL, "null")
    if isinstance(value, bool):
        return yaml.ScalarNode(BOOL, "true" if value else "false")
    if isinstance(value, int):
        return yaml.ScalarNode(INT, str(value))
    if isinstance(value, float):
        return yaml.ScalarNode(FLOAT, go_float(value))
    return _node(str(value))


def go_yaml(obj: Any) -> str:
    """Serialise a JSON-like value as go-yaml v2 does."""
    stream = io.StringIO()
    dumper = _GoDumper(stream, default_flow_style=False, allow_unicode=True, width=80,
                       indent=2)
    dumper.open()
    dumper.serialize(_node(obj))
    dumper.close()
    text = stream.getvalue()
    # libyaml ends the stream with "..." once a `|+` block was written; go-yaml does not.
    return text[:-4] if text.endswith("\n...\n") else text


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


_natural_key = functools.cmp_to_key(_natural_compare)
