"""The checks kubectl makes on a parsed command before it calls any server.

Each message is kubectl's own, so a learner who forgets `--image` or a name
reads exactly what the real tool would have told them.
"""

from __future__ import annotations

from sandbox.commandline.command import Command
from sandbox.commandline.errors import CommandSyntaxError, help_error
from sandbox.commandline.kubectl_commands import CommandNode

# Flags cobra marks as required, by command path.
REQUIRED_FLAGS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("create", "deployment"): ("image",),
    ("create", "service", "externalname"): ("external-name",),
    ("run",): ("image",),
    ("scale",): ("replicas",),
}

_NO_RESOURCES = (
    "error: You must provide one or more resources by argument or filename.\n"
    "Example resource specifications include:\n"
    "   '-f rsrc.yaml'\n"
    "   '--filename=rsrc.json'\n"
    "   '<resource> <name>'\n"
    "   '<resource>'"
)
_GET_NOTHING = (
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete '
    "list of supported resources.\n\n"
    "error: Required resource not specified.\n"
    'Use "kubectl explain <resource>" for a detailed description of that resource '
    "(e.g. kubectl explain pods).\n"
    "See 'kubectl get -h' for help and examples"
)
_TCP_SERVICES = {"clusterip", "nodeport", "loadbalancer"}


def check_command(node: CommandNode, command: Command, command_path: str) -> None:
    """Raise kubectl's error if `command` would fail before reaching a server.

    Raises:
        CommandSyntaxError: the first problem kubectl would report.
    """
    flags = command.flags
    from_files = "filename" in flags or "kustomize" in flags
    verb = command.verb
    if verb in {("create",), ("apply",)} and not from_files:
        raise CommandSyntaxError("error: must specify one of -f and -k")
    if not node.runnable:
        if not verb:
            return  # a bare `kubectl` shows its help
        names = ", ".join(child.name for child in node.children)
        raise help_error(f"{command_path} needs one of its commands: {names}", command_path)
    if node.shape not in {"resources", "resources+updates"} or command.targets or from_files:
        _check_with_targets(node, command)
        return
    if verb == ("get",):
        raise CommandSyntaxError(_GET_NOTHING)
    if verb == ("describe",):
        raise CommandSyntaxError(
            'error: You must specify the type of resource to describe. Use "kubectl '
            'api-resources" for a complete list of supported resources.'
        )
    if verb[0] == "rollout":
        raise CommandSyntaxError("error: required resource not specified")
    if verb in {("label",), ("annotate",)}:
        raise CommandSyntaxError(
            "error: one or more resources must be specified as <resource> <name> or "
            "<resource>/<name>"
        )
    if verb == ("delete",) and (flags.get("all") is True or "selector" in flags):
        raise CommandSyntaxError(
            "error: at least one resource must be specified to use a selector"
        )
    raise CommandSyntaxError(_NO_RESOURCES)


def _check_with_targets(node: CommandNode, command: Command) -> None:
    flags = command.flags
    named = any(target.name is not None for target in command.targets)
    if command.verb == ("delete",):
        selecting = flags.get("all") is True or "selector" in flags or "field-selector" in flags
        if named and selecting:
            raise CommandSyntaxError("error: name cannot be provided when a selector is specified")
        if command.targets and not named and not selecting:
            raise CommandSyntaxError(
                "error: resource(s) were provided, but no name was specified"
            )
    if command.verb in {("label",), ("annotate",)} and not command.args and not flags.get("list"):
        kind = "label" if command.verb == ("label",) else "annotation"
        raise CommandSyntaxError(f"error: at least one {kind} update is required")
    if command.verb == ("set", "image") and not command.args:
        raise CommandSyntaxError("error: at least one image update is required")
    if node.name in _TCP_SERVICES and not flags.get("tcp") and flags.get("clusterip") != "None":
        raise CommandSyntaxError("error: at least one tcp port specifier must be provided")
