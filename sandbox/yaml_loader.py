"""YAML read defensively: small, shallow, no anchors or aliases, no duplicate keys.

A learner's YAML is screened event by event before any object is built: the
size is checked before parsing, and the first anchor or alias, the first
document past the limit or the first level of nesting past the limit stops
the reading at once. A billion-laughs document therefore costs no more than
reading its first anchor, and a ten-thousand-level nesting no more than
reading twenty levels. What remains is built by PyYAML's safe constructor,
with JSON's types only (dates stay text, as Kubernetes reads them).
"""

from __future__ import annotations

from typing import Any

import yaml

from sandbox.limits import Limits
from sandbox.refusals import CommandRefused

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# libyaml screens fastest; PyYAML's own scanner looks up to 1024 characters ahead
# at a cost that grows with the nesting it has seen, which is slow on `[[[[...`.
_SCREENING_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with JSON's types only, refusing duplicate or non-text keys and huge numbers."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class attribute)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key_node.value!r} must be text; quote it",
                    key_node.start_mark,
                )
            if key in seen:
                raise _DuplicateKey(str(key), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as error:
            # int() refuses numbers of more than 4300 digits; say where the number is.
            raise yaml.constructor.ConstructorError(
                None, None, f"the value cannot be read: {error}", node.start_mark
            ) from error


def _refuse_tag(loader: yaml.SafeLoader, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {node.tag} has no meaning in Kubernetes YAML", node.start_mark
    )


# Kubernetes reads YAML as JSON: bytes, sets, pairs and dates have no place in it.
for _tag in ("binary", "set", "omap", "pairs", "timestamp"):
    _StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


class _DuplicateKey(yaml.constructor.ConstructorError):
    def __init__(self, key: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, f'found duplicate key "{key}"', mark)
        self.key = key


def load_documents(text: str, limits: Limits) -> list[Any]:
    """The documents of `text`, empty ones left out, after every screening check.

    Raises:
        CommandRefused: "yaml_too_large", "too_many_documents", "yaml_too_deep",
            "yaml_alias", "yaml_duplicate_key" or "yaml_error" (with its line).
    """
    size = len(text.encode("utf-8", "replace"))
    if size > limits.max_yaml_bytes:
        raise CommandRefused("yaml_too_large", size=size, limit=limits.max_yaml_bytes)
    try:
        _screen(text, limits)
        loader = _StrictLoader(text)
        try:
            documents = []
            while loader.check_data():  # type: ignore[no-untyped-call]
                documents.append(loader.get_data())
        finally:
            loader.dispose()
    except _DuplicateKey as error:
        raise CommandRefused(
            "yaml_duplicate_key", key=error.key, line=_line(error, text)
        ) from error
    except yaml.YAMLError as error:
        raise CommandRefused(
            "yaml_error", problem=_problem(error), line=_line(error, text)
        ) from error
    return [document for document in documents if document is not None]


def _screen(text: str, limits: Limits) -> None:
    try:
        _screen_events(text, limits)
    except yaml.MarkedYAMLError as error:
        # libyaml stops at 1000 levels on its own, before our count reaches the limit.
        if "nesting depth" in str(error.problem):
            raise CommandRefused(
                "yaml_too_deep", limit=limits.max_depth, line=_line(error, text)
            ) from error
        raise


def _screen_events(text: str, limits: Limits) -> None:
    depth = 0
    documents = 0
    for event in yaml.parse(text, Loader=_SCREENING_LOADER):
        line = 1 if event.start_mark is None else event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise CommandRefused("yaml_alias", line=line)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > limits.max_documents:
                raise CommandRefused("too_many_documents", limit=limits.max_documents)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > limits.max_depth:
                raise CommandRefused("yaml_too_deep", limit=limits.max_depth, line=line)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1


def _problem(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError):
        return error.problem or error.context or "not valid YAML"
    if isinstance(error, yaml.reader.ReaderError):
        return f"the character U+{error.character:04X} is not allowed in YAML"
    return "not valid YAML"


def _line(error: yaml.YAMLError, text: str) -> int:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark is not None:
            return int(mark.line) + 1
    if isinstance(error, yaml.reader.ReaderError):
        return text.count("\n", 0, error.position) + 1
    return 1
