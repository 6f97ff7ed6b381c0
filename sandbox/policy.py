"""The sandbox policy: what a learner's command may do, decided before any API call.

`check_command` judges a parsed command against the learner's namespace and
the sandbox's limits and raises `CommandRefused` with the reason; it returns
None when the command may run. `screen` does the whole path for a chat
message (size, invisible characters, parsing, policy), so every hostile
message ends in one kind of answer. The cluster enforces the same boundaries
again through RBAC and quotas; these checks make the answer clear and early.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sandbox.allowed_kinds import READABLE_PLURALS, WRITABLE_PLURALS, kind_category
from sandbox.commandline import Command, CommandSyntaxError, FlagValue, Target, extract_command
from sandbox.commandline import parse as parse_command
from sandbox.images import check_image
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.manifests import check_manifest, load_manifests
from sandbox.object_names import check_label, check_name, describe_character
from sandbox.pod_specs import check_replicas
from sandbox.policy_rules import (
    CONNECTION_FLAGS,
    CREATED_KINDS,
    FORBIDDEN_COMMANDS,
    FORBIDDEN_FLAGS,
    LOCAL_FILE_FLAGS,
    READ_VERBS,
    SUPPORTED_KUBECTL,
    SUPPORTED_MINIKUBE,
)
from sandbox.refusals import CommandRefused

__all__ = ["CommandRefused", "check_command", "check_message", "screen"]


def screen(text: str, *, namespace: str, limits: Limits = DEFAULT_LIMITS) -> Command:
    """The command in a chat message, if the sandbox may run it.

    Raises:
        CommandRefused: for anything that should not run, including a command
            kubectl itself would reject ("syntax", with kubectl's message).
    """
    check_message(text, limits)
    command_text = extract_command(text)
    try:
        command = parse_command(command_text if command_text is not None else text.strip())
    except CommandSyntaxError as error:
        raise CommandRefused("syntax", message=error.message, hint=error.hint or "") from error
    check_command(command, namespace=namespace, limits=limits)
    return command


def check_message(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a message too long to be a command, or one with invisible characters.

    Raises:
        CommandRefused: "message_too_long" or "invisible_character".
    """
    size = len(text.encode("utf-8", "replace"))
    if size > limits.max_message_bytes:
        raise CommandRefused("message_too_long", size=size, limit=limits.max_message_bytes)
    for char in text:
        if unicodedata.category(char) == "Cf":
            raise CommandRefused("invisible_character", character=describe_character(char))


def check_command(command: Command, *, namespace: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a command the learner may not run; return None if it may run.

    Args:
        command: the parsed command.
        namespace: the learner's namespace, the only one the command may touch.
        limits: the sandbox's limits (replicas, YAML sizes, image deny list).

    Raises:
        CommandRefused: with the first rule the command breaks.
    """
    _check_verb(command)
    _check_flags(command, namespace)
    for target in command.targets:
        _check_target(command, target, namespace)
    _check_values(command, limits)
    _check_manifests(command, namespace, limits)


def _check_verb(command: Command) -> None:
    typed = " ".join((command.program, *command.verb))
    if command.program == "minikube":
        if command.verb not in SUPPORTED_MINIKUBE:
            raise CommandRefused("unsupported_command", command=typed)
        return
    if not command.verb:
        raise CommandRefused("no_command")
    first = command.verb[0]
    if first in FORBIDDEN_COMMANDS:
        raise CommandRefused(
            "forbidden_command", command=f"kubectl {first}", category=FORBIDDEN_COMMANDS[first]
        )
    if command.verb[:1] == ("create",) and command.verb[1:2] and command.verb[1] in CREATED_KINDS:
        kind = CREATED_KINDS[command.verb[1]]
        raise CommandRefused("forbidden_kind", kind=kind, category=kind_category(kind))
    if command.verb not in SUPPORTED_KUBECTL:
        raise CommandRefused("unsupported_command", command=typed)


def _check_flags(command: Command, namespace: str) -> None:
    flags = command.flags
    requested = flags.get("namespace")
    if isinstance(requested, str) and requested not in ("", namespace):
        raise CommandRefused("other_namespace", namespace=namespace, requested=requested)
    if flags.get("all-namespaces") is True:
        raise CommandRefused("all_namespaces", namespace=namespace, flag="--all-namespaces")
    for name, value in flags.items():
        if name in CONNECTION_FLAGS or (command.program == "minikube" and name == "profile"):
            raise CommandRefused("connection_flag", flag=f"--{name}")
        if name in LOCAL_FILE_FLAGS or (name == "profile" and value != "none"):
            raise CommandRefused("local_file", flag=f"--{name}", value=_text(value))
        if name in FORBIDDEN_FLAGS and value not in (False, ""):
            raise CommandRefused(
                "forbidden_flag",
                flag=f"--{name}",
                command=" ".join((command.program, *command.verb)),
                category=FORBIDDEN_FLAGS[name],
            )
    for path in _values(flags.get("filename")):
        if path != "-":
            raise CommandRefused("local_file", flag="-f", value=path)
    output = flags.get("output")
    if isinstance(output, str) and output.partition("=")[0].endswith("-file"):
        raise CommandRefused("local_file", flag="-o", value=output)


def _check_target(command: Command, target: Target, namespace: str) -> None:
    resource = target.resource
    if resource is None or command.verb == ("explain",):
        return
    reading = command.verb in READ_VERBS
    if resource.plural == "namespaces" and reading and command.verb != ("logs",):
        if target.name is None:
            raise CommandRefused("namespace_list", namespace=namespace)
        if target.name != namespace:
            raise CommandRefused("other_namespace", namespace=namespace, requested=target.name)
        return
    if resource.plural == "nodes" and command.verb == ("get",):
        return
    if resource.plural == "nodes" and command.verb == ("describe",):
        raise CommandRefused("node_details")
    allowed = READABLE_PLURALS if reading else WRITABLE_PLURALS
    if resource.plural not in allowed:
        raise CommandRefused(
            "forbidden_kind", kind=resource.kind, category=kind_category(resource.kind)
        )
    if target.name is not None:
        creates_service = command.verb[:2] == ("create", "service")
        check_name(target.name, resource.kind,
                   "dns1035_label" if creates_service else "dns1123_subdomain")


def _check_values(command: Command, limits: Limits) -> None:
    flags = command.flags
    verb = command.verb
    if verb in {("create", "deployment"), ("scale",)}:
        replicas = flags.get("replicas")
        if isinstance(replicas, str) and replicas.lstrip("-").isdigit():
            check_replicas(int(replicas), limits)
    for image in _values(flags.get("image")):
        check_image(image, limits.image_denylist)
    if verb == ("run",) and command.args:
        check_name(command.args[0], "Pod")
    if verb == ("expose",) and isinstance(flags.get("name"), str):
        check_name(str(flags["name"]), "Service", "dns1035_label")
    for pair in _pairs(flags.get("labels")):
        _check_update(pair, annotation=False)
    for pair in _values(flags.get("annotations")):
        _check_update(pair, annotation=True)
    if verb in {("label",), ("annotate",)}:
        for update in command.args:
            _check_update(update, annotation=verb == ("annotate",))
    if verb == ("set", "image"):
        for update in command.args:
            container, _, image = update.partition("=")
            if container != "*":
                check_name(container, "container", "dns1123_label")
            check_image(image, limits.image_denylist)


def _check_manifests(command: Command, namespace: str, limits: Limits) -> None:
    if "-" not in _values(command.flags.get("filename")):
        if command.stdin is not None:
            # A second line is never a second command: only `-f -` reads what follows.
            raise CommandRefused("extra_text", text=command.stdin.strip().splitlines()[0])
        return
    if command.stdin is None:
        raise CommandRefused("missing_manifest", command=" ".join(("kubectl", *command.verb)))
    for obj in load_manifests(command.stdin, limits=limits):
        check_manifest(obj, namespace=namespace, limits=limits)


def _check_update(update: str, *, annotation: bool) -> None:
    if "=" in update:
        key, _, value = update.partition("=")
        check_label(key, value, annotation=annotation)
    else:
        check_label(update.removesuffix("-"), None, annotation=annotation)


def _values(value: FlagValue | None) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return value
    return (value,) if isinstance(value, str) else ()


def _pairs(value: FlagValue | None) -> Iterable[str]:
    for text in _values(value):
        yield from (pair for pair in text.split(",") if pair)


def _text(value: FlagValue) -> str:
    return " ".join(value) if isinstance(value, tuple) else str(value)
