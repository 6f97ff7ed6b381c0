"""Grade "type the command" answers by meaning, not by spelling.

Two commands mean the same when they parse to the same program, command,
resources, flags (by long name, without flags set to their defaults) and
arguments: `k get po/x -owide` is `kubectl get pods x --output=wide`. Docker
commands are compared the same way. A command that does not parse is compared
word by word, so a wrong answer is never accepted by accident.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from sandbox.commandline.command import Command, FlagValue
from sandbox.commandline.docker import parse_docker
from sandbox.commandline.errors import CommandSyntaxError
from sandbox.commandline.extract import unwrap_message
from sandbox.commandline.flagspec import FlagKind, FlagSpec
from sandbox.commandline.kubectl_commands import GLOBAL_FLAGS, KUBECTL
from sandbox.commandline.parse import parse
from sandbox.commandline.tokens import split_command


def same_meaning(a: str, b: str) -> bool:
    """True when commands `a` and `b` mean the same thing.

    Aliases (k/kubectl, po/pods, deploy/deployment.apps), flag order, `--flag=value`
    against `--flag value`, short against long flag names, `pod/x` against `pod x`,
    spacing and a leading `$ ` make no difference; different names, images or
    verbs do. Docker and minikube commands are compared likewise.
    """
    return _meaning(a) == _meaning(b)


def _meaning(text: str) -> Hashable:
    command_text = unwrap_message(text)
    try:
        words = split_command(command_text).words
        if words and words[0] == "docker":
            verb, parsed = parse_docker(words[1:])
            return ("docker", verb, tuple(parsed.positionals), _flags(parsed.values, {}),
                    tuple(parsed.after_dashes or ()))
        return _command_meaning(parse(command_text))
    except CommandSyntaxError:
        return ("unparsed", tuple(command_text.split()))


def _command_meaning(command: Command) -> Hashable:
    defaults = _flag_specs(command) if command.program == "kubectl" else {}
    targets = sorted(
        (
            (target.category or "", "") if target.resource is None
            else (target.resource.plural, target.resource.group),
            target.name or "",
        )
        for target in command.targets
    )
    stdin = (command.stdin or "").strip()
    return (command.program, command.verb, tuple(targets), _flags(command.flags, defaults),
            command.args, stdin)


def _flag_specs(command: Command) -> dict[str, FlagSpec]:
    node = KUBECTL
    for word in command.verb:
        child = node.child(word)
        if child is None:
            break
        node = child
    return {spec.name: spec for spec in (*(node.flags or ()), *GLOBAL_FLAGS)}


def _flags(values: Mapping[str, FlagValue], specs: Mapping[str, FlagSpec]) -> Hashable:
    kept: list[tuple[str, Hashable]] = []
    for name, value in values.items():
        spec = specs.get(name)
        if spec is not None and _is_default(spec, value):
            continue
        kept.append((name, tuple(sorted(value)) if isinstance(value, tuple) else value))
    return frozenset(kept)


def _is_default(spec: FlagSpec, value: FlagValue) -> bool:
    if spec.kind is FlagKind.BOOL:
        return value is (spec.default == "true")
    return isinstance(value, str) and value == spec.default
