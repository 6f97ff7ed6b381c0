"""Parse `minikube ...` commands: the few a learner meets in the course, loosely the rest.

minikube has hundreds of flags (most of them on `start`); the sandbox only
answers start, stop, status, ip, version, dashboard, service, addons and
kubectl, so those commands know their main flags and accept others as given,
and every other command is kept as typed for the sandbox to explain.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from sandbox.commandline.command import Command, Target
from sandbox.commandline.errors import CommandSyntaxError
from sandbox.commandline.flagparse import FlagTable, parse_flags
from sandbox.commandline.flagspec import specs
from sandbox.commandline.resources import lookup_resource
from sandbox.commandline.suggest import close_words, did_you_mean_this
from sandbox.commandline.targets import checked_name

_GLOBAL = (
    "--alsologtostderr=false --log_dir='' --logtostderr=false -p, --profile='minikube' "
    "--rootless=false --skip-audit=false --stderrthreshold=2 --user='' -v, --v=0"
)
_FLAGS = {
    "start": "--addons=[] --container-runtime='' --cpus='2' --driver='' --extra-config=[] "
    "--force=false --kubernetes-version='' --memory='' -n, --nodes=1 --wait=[]",
    "stop": "--all=false --keep-context-active=false",
    "status": "-f, --format='' -l, --layout='' -n, --node='' -o, --output='text' -w, --watch=1s",
    "ip": "-n, --node=''",
    "version": "-o, --output='' --short=false --components=false",
    "dashboard": "--url=false --port=0",
    "service": "--all=false --format='' --https=false -n, --namespace='default' --url=false",
    "addons": "-o, --output=''",
    "kubectl": "--node=''",
}
_ADDON_ACTIONS = ("list", "enable", "disable", "configure", "images", "open")
COMMANDS = (
    "addons", "cache", "completion", "config", "cp", "dashboard", "delete", "docker-env",
    "help", "image", "ip", "kubectl", "license", "logs", "mount", "node", "options", "pause",
    "podman-env", "profile", "service", "ssh", "ssh-host", "ssh-key", "start", "status",
    "stop", "tunnel", "unpause", "update-check", "update-context", "version",
)


def parse_minikube(words: Sequence[str], stdin: str | None, raw: str) -> Command:
    """Parse what follows `minikube`.

    Raises:
        CommandSyntaxError: for an unknown command or a bad value of a known flag.
    """
    position = _command_position(words)
    if position is None:
        verb: tuple[str, ...] = ()
        rest = list(words)
    else:
        name = words[position]
        if name not in COMMANDS:
            raise CommandSyntaxError(
                f'Error: unknown command "{name}" for "minikube"',
                did_you_mean_this(close_words(name, COMMANDS)),
            )
        verb = (name,)
        rest = [*words[:position], *words[position + 1 :]]
    table = FlagTable(specs(f"{_GLOBAL} {_FLAGS.get(verb[0] if verb else '', '')}"), loose=True)
    parsed = parse_flags(rest, table, " ".join(("minikube", *verb)))
    args = list(parsed.positionals)
    if verb == ("addons",) and args and args[0] in _ADDON_ACTIONS:
        verb = ("addons", args.pop(0))
    targets: tuple[Target, ...] = ()
    if verb == ("service",) and args:
        targets = (Target(lookup_resource("services"), checked_name(args.pop(0))),)
    return Command(
        program="minikube",
        verb=verb,
        targets=targets,
        flags=MappingProxyType(parsed.values),
        args=(*args, *(parsed.after_dashes or [])),
        stdin=stdin,
        raw=raw,
    )


_GLOBAL_TABLE = FlagTable(specs(_GLOBAL))


def _command_position(words: Sequence[str]) -> int | None:
    """Where the command word is, past global flags and their values (`-p other`)."""
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return None
        if not word.startswith("-") or word == "-":
            return index
        long = word.startswith("--")
        name = word[2:] if long else word[1:]
        spec = _GLOBAL_TABLE.long(name) if long else _GLOBAL_TABLE.short(name)
        index += 2 if spec is not None and spec.bare_value is None else 1
    return None
