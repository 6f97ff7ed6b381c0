"""Parse the words of a kubectl command into a `Command`, or fail as kubectl would.

The command is found as cobra finds it (global flags may come before it),
flags are read as pflag reads them, and the positional arguments are shaped
by the command: resources, a NAME to create, a pod for logs. Checks that
kubectl makes before talking to a server (a required flag, a missing name)
are made here too, with kubectl's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from sandbox.commandline.command import Command, Target
from sandbox.commandline.errors import CommandSyntaxError, help_error
from sandbox.commandline.flagparse import FlagTable, ParsedFlags, parse_flags
from sandbox.commandline.kubectl_checks import REQUIRED_FLAGS, check_command
from sandbox.commandline.kubectl_commands import GLOBAL_FLAGS, KUBECTL, CommandNode
from sandbox.commandline.resources import lookup_resource
from sandbox.commandline.suggest import close_words, did_you_mean_this
from sandbox.commandline.targets import checked_name, resource_targets, typed_target


def parse_kubectl(words: Sequence[str], stdin: str | None, raw: str) -> Command:
    """Parse what follows `kubectl` (or `k`).

    Raises:
        CommandSyntaxError: with kubectl's message for any usage error.
    """
    node, path, rest = _find_command(words)
    command_path = " ".join(("kubectl", *path))
    parsed = parse_flags(rest, _table(node), command_path)
    missing = [name for name in REQUIRED_FLAGS.get(tuple(path), ()) if name not in parsed.values]
    if missing:
        raise CommandSyntaxError(f'error: required flag(s) "{missing[0]}" not set')
    targets, args = _arguments(node, parsed, command_path)
    command = Command(
        program="kubectl",
        verb=tuple(path),
        targets=targets,
        flags=MappingProxyType(parsed.values),
        args=args,
        stdin=stdin,
        raw=raw,
    )
    if node.flags is not None:
        check_command(node, command, command_path)
    return command


def _table(node: CommandNode) -> FlagTable:
    if node.flags is None:
        return FlagTable(GLOBAL_FLAGS, loose=True)
    return FlagTable((*node.flags, *GLOBAL_FLAGS))


def _find_command(words: Sequence[str]) -> tuple[CommandNode, list[str], list[str]]:
    """Walk the command tree by the first non-flag words, as cobra's Find does."""
    node, path, rest = KUBECTL, list[str](), list(words)
    while node.children and node.flags is not None:
        position = _next_command_word(rest, _table(node), at_root=node is KUBECTL)
        if position is None:
            break
        child = node.child(rest[position])
        if child is None:
            _unknown_child(node, rest[position], rest[position:], path)
            break
        path.append(child.name)
        del rest[position]
        node = child
    return node, path, rest


def _next_command_word(words: Sequence[str], table: FlagTable, *, at_root: bool) -> int | None:
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return None
        if len(word) < 2 or not word.startswith("-"):
            return index
        name = word[2:].partition("=")[0] if word.startswith("--") else word[1:2]
        spec = table.long(name) if word.startswith("--") else table.short(name)
        if spec is None and at_root:
            raise CommandSyntaxError(f"Error: flags cannot be placed before plugin name: {word}")
        takes_next = "=" not in word and (word.startswith("--") or len(word) == 2)
        if spec is not None and spec.bare_value is None and takes_next:
            index += 1
        index += 1
    return None


def _unknown_child(node: CommandNode, word: str, words: Sequence[str], path: list[str]) -> None:
    names = [child.name for child in node.children]
    if node is KUBECTL:
        raise CommandSyntaxError(
            f'Error: unknown command "{word}" for "kubectl"',
            did_you_mean_this(close_words(word, names)),
        )
    if not node.runnable:
        typed = " ".join(w for w in words if not w.startswith("-"))
        error = help_error(f'unknown command "{typed}"', " ".join(("kubectl", *path)))
        error.hint = did_you_mean_this(close_words(word, names))
        raise error


def _arguments(
    node: CommandNode, parsed: ParsedFlags, command_path: str
) -> tuple[tuple[Target, ...], tuple[str, ...]]:
    positionals = parsed.positionals
    after = parsed.after_dashes or []
    if node.shape in {"loose", "names"}:
        return (), (*positionals, *after)
    if node.shape == "run":
        if not positionals:
            raise help_error("NAME is required for run", command_path)
        checked_name(positionals[0])
        return (), (*positionals, *after)
    positionals = [*positionals, *after]
    if node.shape == "resources":
        return resource_targets(positionals), ()
    if node.shape == "resources+updates":
        updates = [arg for arg in positionals if _is_update(node, arg)]
        resources = [arg for arg in positionals if not _is_update(node, arg)]
        return resource_targets(resources), tuple(updates)
    if node.shape == "named":
        if len(positionals) != 1:
            raise help_error(f"exactly one NAME is required, got {len(positionals)}", command_path)
        return (typed_target(lookup_resource(node.creates or ""), positionals[0]),), ()
    if node.shape == "logs":
        return _logs_arguments(positionals, parsed, command_path)
    if node.shape == "explain":
        return _explain_arguments(positionals)
    return _no_arguments(node, positionals, command_path)


def _is_update(node: CommandNode, arg: str) -> bool:
    if node.name == "image":
        return "=" in arg
    return "=" in arg or arg.endswith("-")


def _logs_arguments(
    positionals: Sequence[str], parsed: ParsedFlags, command_path: str
) -> tuple[tuple[Target, ...], tuple[str, ...]]:
    if len(positionals) > 2 or (not positionals and "selector" not in parsed.values):
        raise help_error(
            "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
            "POD or TYPE/NAME is a required argument for the logs command",
            command_path,
        )
    if not positionals:
        return (), ()
    first, *container = positionals
    if "/" in first:
        return resource_targets([first]), tuple(container)
    return (typed_target(lookup_resource("pods"), first),), tuple(container)


def _explain_arguments(positionals: Sequence[str]) -> tuple[tuple[Target, ...], tuple[str, ...]]:
    if not positionals:
        raise CommandSyntaxError(
            'error: You must specify the type of resource to explain. Use "kubectl '
            'api-resources" for a complete list of supported resources.'
        )
    if len(positionals) > 1:
        raise CommandSyntaxError("error: We accept only this format: explain RESOURCE")
    resource = lookup_resource(positionals[0].split(".", 1)[0])
    return (Target(resource, None),), (positionals[0],)


def _no_arguments(
    node: CommandNode, positionals: Sequence[str], command_path: str
) -> tuple[tuple[Target, ...], tuple[str, ...]]:
    if not positionals:
        return (), ()
    shown = f"[{' '.join(positionals)}]"
    if node.name == "version":
        raise CommandSyntaxError(f"error: extra arguments: {shown}")
    if node.name in {"api-resources", "view"}:
        raise help_error(f"unexpected arguments: {shown}", command_path)
    if node.name in {"create", "apply"}:
        error = help_error(f"Unexpected args: {shown}", command_path)
        names = [word for child in node.children for word in (child.name, *child.aliases)]
        near = close_words(positionals[0], names)
        error.hint = f'did you mean "kubectl create {near[0]}"?' if near else None
        raise error
    return (), tuple(positionals)
