"""From a parsed, allowed command to the API calls that carry it out.

`execute` looks the command's verb up in one table and runs its handler with the
learner's impersonated connection; every handler returns what kubectl would print.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sandbox import minikube
from sandbox.commandline import Command
from sandbox.printing.errors import client_error
from sandbox.verbs import apply, create, delete, describe, get, info, logs, rollout, update
from sandbox.verbs.categories import expand_categories
from sandbox.verbs.context import Context, Output

Handler = Callable[[Command, Context], Awaitable[Output]]

KUBECTL: dict[tuple[str, ...], Handler] = {
    ("get",): get.get,
    ("describe",): describe.describe,
    ("create", "deployment"): create.create_deployment,
    ("create", "service", "clusterip"): create.create_service,
    ("create", "service", "nodeport"): create.create_service,
    ("create", "service", "loadbalancer"): create.create_service,
    ("create", "configmap"): create.create_configmap,
    ("create",): apply.create_from_file,
    ("apply",): apply.apply,
    ("run",): create.run,
    ("expose",): create.expose,
    ("delete",): delete.delete,
    ("scale",): update.scale,
    ("set", "image"): update.set_image,
    ("label",): update.label,
    ("annotate",): update.annotate,
    ("rollout", "status"): rollout.status,
    ("rollout", "history"): rollout.history,
    ("rollout", "undo"): rollout.undo,
    ("rollout", "restart"): rollout.restart,
    ("logs",): logs.logs,
    ("explain",): info.explain,
    ("version",): info.version,
    ("cluster-info",): info.cluster_info,
    ("api-resources",): info.api_resources,
    ("config", "current-context"): info.current_context,
}
"""Every kubectl command the sandbox runs, by its command path."""

MINIKUBE: dict[tuple[str, ...], Handler] = {
    ("status",): minikube.status,
    ("ip",): minikube.ip,
    ("version",): minikube.version,
    ("dashboard",): minikube.dashboard,
    ("start",): minikube.start,
    ("stop",): minikube.stop,
    ("service",): minikube.service,
}
"""The minikube commands the sandbox answers from the connected cluster."""


def supports(command: Command) -> bool:
    """Whether the sandbox has a handler for this command (policy decides if it may run)."""
    table = KUBECTL if command.program == "kubectl" else MINIKUBE
    return command.verb in table


async def execute(command: Command, ctx: Context) -> Output:
    """Run an allowed command as the learner and return what kubectl (or minikube) prints.

    A category (`all`) becomes the kinds it holds that the learner may use.
    """
    table = KUBECTL if command.program == "kubectl" else MINIKUBE
    handler = table.get(command.verb)
    if handler is None:
        out = Output()
        out.fail(client_error(f"{command.program} {' '.join(command.verb)} is not supported "
                              "in the sandbox"))
        return out
    return await handler(expand_categories(command), ctx)
