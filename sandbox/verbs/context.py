"""What every verb receives and returns, and the small helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sandbox.cluster import Cluster
from sandbox.commandline import Command, FlagValue, ResourceType, lookup_resource
from sandbox.kubeapi import Api, ApiError, Obj, object_path
from sandbox.printing.errors import server_error


@dataclass(frozen=True)
class Context:
    """One learner's command: who runs it, where, and on which cluster."""

    api: Api
    namespace: str
    cluster: Cluster
    language: Literal["ko", "en"] = "en"


@dataclass
class Output:
    """What kubectl would write: stdout and stderr interleaved as a chat shows them."""

    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def write(self, text: str) -> None:
        """Append printed text (with its own trailing newline)."""
        if text:
            self.lines.append(text)

    def fail(self, text: str) -> None:
        """Append an error message and mark the command as failed."""
        self.ok = False
        self.write(text)

    def api_error(self, error: ApiError) -> None:
        """Append a server error as kubectl prints it."""
        self.fail(server_error(error.status))

    @property
    def text(self) -> str:
        """Everything printed, in order."""
        return "".join(self.lines)


def flag(command: Command, name: str, default: str = "") -> str:
    """A string flag's value, or `default` when it was not given."""
    value: FlagValue | None = command.flags.get(name)
    return value if isinstance(value, str) else default


def switch(command: Command, name: str) -> bool:
    """Whether a boolean flag was given (and not set to false)."""
    return command.flags.get(name) is True


def many(command: Command, name: str) -> tuple[str, ...]:
    """A repeatable flag's values, in the order typed."""
    value = command.flags.get(name)
    if isinstance(value, tuple):
        return value
    return (value,) if isinstance(value, str) else ()


def path_of(resource: ResourceType, namespace: str, name: str | None = None,
            subresource: str | None = None) -> str:
    """The REST path of `resource` (in `namespace` when it is namespaced)."""
    return object_path(resource.plural, resource.group,
                       namespace if resource.namespaced else None, name,
                       version=resource.version, subresource=subresource)


def kind_prefix(resource: ResourceType) -> str:
    """`pod`, `deployment.apps`: how kubectl names a kind in `kind/name` output."""
    return f"{resource.singular}.{resource.group}" if resource.group else resource.singular


def display_kind(resource: ResourceType) -> str:
    """`pods`, `deployments.apps`: how kubectl names a kind in `"x" deleted` lines."""
    return resource.qualified


def resource(plural: str) -> ResourceType:
    """The resource type called `plural` (a name the command line knows)."""
    return lookup_resource(plural)


PODS = resource("pods")
DEPLOYMENTS = resource("deployments.apps")
REPLICASETS = resource("replicasets.apps")
SERVICES = resource("services")
CONFIGMAPS = resource("configmaps")
EVENTS = resource("events")
ENDPOINTS = resource("endpoints")


def name_of(obj: Obj) -> str:
    """An object's metadata.name."""
    return str((obj.get("metadata") or {}).get("name", ""))


def labels_of(obj: Obj) -> dict[str, Any]:
    """An object's labels (an empty dict when it has none)."""
    return dict((obj.get("metadata") or {}).get("labels") or {})
