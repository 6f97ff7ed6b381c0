"""Telegram's HTML parse mode, parsed the way the Bot API parses it.

The fake server needs this to refuse what Telegram refuses: a learner's `<` or
`&` that the bot forgot to escape must fail here exactly as it would fail in
production, with "can't parse entities" and a byte offset. It also yields the
plain text and the entities (offsets in UTF-16 code units, as Telegram counts)
that a real Message carries.

One deliberate difference: Telegram keeps a bare `&` that starts no entity as
a literal character; this parser refuses it, so a missing `html.escape` is
caught even when the text happens to contain no `<`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_ALLOWED_TAGS = {*_SIMPLE_TAGS, "span", "a", "code", "pre", "blockquote", "tg-emoji"}
_MARKUP = re.compile("[&<]")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's wording."""


@dataclass
class _OpenTag:
    name: str
    attributes: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's content starts
    byte_offset: int


@dataclass
class _Parser:
    source: str
    position: int = 0
    text: list[str] = field(default_factory=list)
    utf16_length: int = 0
    entities: list[dict[str, Any]] = field(default_factory=list)
    stack: list[_OpenTag] = field(default_factory=list)

    def byte_offset(self, position: int) -> int:
        return len(self.source[:position].encode())

    def emit(self, chars: str) -> None:
        self.text.append(chars)
        self.utf16_length += len(chars.encode("utf-16-le")) // 2

    def peek(self, ahead: int = 0) -> str:
        index = self.position + ahead
        return self.source[index] if index < len(self.source) else ""

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        while self.position < len(self.source):
            char = self.source[self.position]
            if char == "&":
                self.emit(self.read_entity(self.position))
            elif char == "<":
                self.read_tag()
            else:
                markup = _MARKUP.search(self.source, self.position)
                end = markup.start() if markup else len(self.source)
                self.emit(self.source[self.position : end])
                self.position = end
        if self.stack:
            name = self.stack[-1].name
            raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{name}"')
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return "".join(self.text), self.entities

    def read_entity(self, start: int) -> str:
        end = self.source.find(";", start)
        name = self.source[start + 1 : end] if end != -1 else ""
        decoded: str | None = _NAMED_ENTITIES.get(name)
        if decoded is None and name.startswith("#") and len(name) > 1:
            digits, base = (name[2:], 16) if name[1] in "xX" else (name[1:], 10)
            try:
                decoded = chr(int(digits, base))
            except ValueError:
                decoded = None
        if decoded is None:
            raise EntityParseError(
                f"Character '&' at byte offset {self.byte_offset(start)} must be escaped as &amp;"
            )
        self.position = end + 1
        return decoded

    def read_tag(self) -> None:
        begin = self.position
        self.position += 1
        closing = self.peek() == "/"
        if closing:
            self.position += 1
        name_start = self.position
        while self.peek() and not self.peek().isspace() and self.peek() not in ">/":
            self.position += 1
        if not self.peek():
            kind = "end" if closing else "start"
            raise EntityParseError(f"Unclosed {kind} tag at byte offset {self.byte_offset(begin)}")
        name = self.source[name_start : self.position].lower()
        if closing:
            self.close_tag(name, begin)
        else:
            self.open_tag(name, begin)

    def open_tag(self, name: str, begin: int) -> None:
        if name not in _ALLOWED_TAGS:
            raise EntityParseError(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(begin)}'
            )
        attributes = self.read_attributes(name, begin)
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte_offset(begin)}'
            )
        if self.stack and self.stack[-1].name in {"code", "pre"} and name != "code":
            raise EntityParseError(
                f'Tag "{name}" can\'t be nested in "{self.stack[-1].name}" '
                f"at byte offset {self.byte_offset(begin)}"
            )
        self.stack.append(_OpenTag(name, attributes, self.utf16_length, self.byte_offset(begin)))

    def read_attributes(self, tag: str, begin: int) -> dict[str, str]:
        attributes: dict[str, str] = {}
        while True:
            while self.peek().isspace():
                self.position += 1
            if self.peek() == ">":
                self.position += 1
                return attributes
            if self.peek() == "/" and self.peek(1) == ">":
                raise EntityParseError(
                    f'Unsupported self-closing tag "{tag}" at byte offset {self.byte_offset(begin)}'
                )
            name_start = self.position
            while self.peek() and not self.peek().isspace() and self.peek() not in "=>":
                self.position += 1
            if not self.peek():
                raise EntityParseError(
                    f"Unclosed start tag at byte offset {self.byte_offset(begin)}"
                )
            name = self.source[name_start : self.position].lower()
            while self.peek().isspace():
                self.position += 1
            if self.peek() != "=":
                attributes[name] = ""
                continue
            self.position += 1
            while self.peek().isspace():
                self.position += 1
            attributes[name] = self.read_attribute_value(tag, begin)

    def read_attribute_value(self, tag: str, begin: int) -> str:
        quote = self.peek()
        if quote in {'"', "'"}:
            self.position += 1
            value: list[str] = []
            while self.peek() and self.peek() != quote:
                if self.peek() == "&":
                    value.append(self.read_entity(self.position))
                else:
                    value.append(self.peek())
                    self.position += 1
            if not self.peek():
                raise EntityParseError(
                    f'Unclosed end of attribute value in the tag "{tag}" '
                    f"at byte offset {self.byte_offset(begin)}"
                )
            self.position += 1
            return "".join(value)
        start = self.position
        while self.peek() and not self.peek().isspace() and self.peek() != ">":
            self.position += 1
        return self.source[start : self.position]

    def close_tag(self, name: str, begin: int) -> None:
        while self.peek().isspace():
            self.position += 1
        if self.peek() != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        self.position += 1
        if not self.stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        opened = self.stack.pop()
        if opened.name != name:
            raise EntityParseError(
                f"Unmatched end tag at byte offset {self.byte_offset(begin)}, "
                f'expected "</{opened.name}>", found "</{name}>"'
            )
        self.add_entity(opened)

    def add_entity(self, tag: _OpenTag) -> None:
        length = self.utf16_length - tag.offset
        entity: dict[str, Any] = {"offset": tag.offset, "length": length}
        if tag.name in _SIMPLE_TAGS:
            entity["type"] = _SIMPLE_TAGS[tag.name]
        elif tag.name == "span":
            entity["type"] = "spoiler"
        elif tag.name == "a":
            entity.update(type="text_link", url=tag.attributes.get("href", ""))
        elif tag.name == "tg-emoji":
            entity.update(type="custom_emoji", custom_emoji_id=tag.attributes.get("emoji-id", ""))
        elif tag.name == "blockquote":
            expandable = "expandable" in tag.attributes
            entity["type"] = "expandable_blockquote" if expandable else "blockquote"
        elif tag.name == "code" and self.stack and self.stack[-1].name == "pre":
            language = tag.attributes.get("class", "").removeprefix("language-")
            self.stack[-1].attributes["language"] = language
            return
        else:
            entity["type"] = tag.name
            if tag.name == "pre" and tag.attributes.get("language"):
                entity["language"] = tag.attributes["language"]
        if length > 0 and not (entity["type"] == "text_link" and not entity["url"]):
            self.entities.append(entity)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Return the plain text and the MessageEntity objects of a Telegram HTML text.

    Raises:
        EntityParseError: With the reason Telegram gives after "can't parse entities: ".
    """
    return _Parser(source).run()


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2
