"""`kubectl describe`: the object, what it owns, and the events about it.

As kubectl does, a name that matches no object exactly describes every object whose
name starts with it (`describe pod web` finds `web-7995b8d97d-n5n4n`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from sandbox.commandline import Command, ResourceType
from sandbox.kubeapi import ApiError, Obj, object_path
from sandbox.printing.describe import join_pages
from sandbox.printing.describe_pod import describe_pod
from sandbox.printing.describe_service import describe_service
from sandbox.printing.describe_workloads import describe_deployment, describe_replicaset
from sandbox.printing.empty import no_resources_found
from sandbox.printing.errors import client_error
from sandbox.verbs.context import (
    EVENTS,
    PODS,
    REPLICASETS,
    Context,
    Output,
    flag,
    name_of,
    path_of,
)

Describer = Callable[[Context, Obj, datetime], Awaitable[str]]


async def describe(command: Command, ctx: Context) -> Output:
    """Describe each named (or listed, or label-selected) object in the learner's namespace."""
    out = Output()
    pages: list[str] = []
    errors: list[ApiError] = []
    for target in command.targets:
        assert target.resource is not None
        describer = _DESCRIBERS.get(target.resource.kind)
        if describer is None:
            out.fail(client_error(
                f"the sandbox describes pods, deployments, replicasets and services; use "
                f"kubectl get {target.resource.plural} -o yaml for {target.resource.plural}"))
            return out
        try:
            objects = await _find(ctx, target.resource, target.name, flag(command, "selector"))
        except ApiError as error:
            errors.append(error)
            continue
        now = datetime.now(UTC)
        pages += [await describer(ctx, obj, now) for obj in objects]
    if pages:
        out.write(join_pages(pages))
    elif not errors and all(t.name is None for t in command.targets):
        out.write(no_resources_found(ctx.namespace))
    for failure in errors:
        out.api_error(failure)
    return out


async def _find(ctx: Context, resource: ResourceType, name: str | None,
                selector: str) -> list[Obj]:
    """The object named, else those whose names start with `name`, else all (selected)."""
    if name is not None:
        try:
            return [_typed(await ctx.api.get(path_of(resource, ctx.namespace, name)), resource)]
        except ApiError as error:
            if error.code != 404:
                raise
            listed = await _list(ctx, resource, "")
            prefixed = [o for o in listed if name_of(o).startswith(name)]
            if not prefixed:
                raise
            return prefixed
    return await _list(ctx, resource, selector)


async def _list(ctx: Context, resource: ResourceType, selector: str) -> list[Obj]:
    found = await ctx.api.get(path_of(resource, ctx.namespace),
                              {"labelSelector": selector} if selector else None)
    return [_typed(item, resource) for item in found.get("items") or []]


def _typed(obj: Obj, resource: ResourceType) -> Obj:
    api_version = f"{resource.group}/{resource.version}" if resource.group else resource.version
    return {"apiVersion": api_version, "kind": resource.kind, **obj}


async def _events(ctx: Context, obj: Obj) -> list[Obj]:
    metadata = obj.get("metadata") or {}
    selector = (f"involvedObject.name={metadata.get('name', '')},"
                f"involvedObject.namespace={ctx.namespace},"
                f"involvedObject.uid={metadata.get('uid', '')}")
    try:
        found = await ctx.api.get(path_of(EVENTS, ctx.namespace), {"fieldSelector": selector})
    except ApiError as error:
        if error.code != 400:
            raise
        found = await ctx.api.get(path_of(EVENTS, ctx.namespace))
    return list(found.get("items") or [])


async def _pod(ctx: Context, pod: Obj, now: datetime) -> str:
    return describe_pod(pod, await _events(ctx, pod), now=now)


async def _deployment(ctx: Context, deployment: Obj, now: datetime) -> str:
    sets = await _list(ctx, REPLICASETS, "")
    return describe_deployment(deployment, sets, await _events(ctx, deployment), now=now)


async def _replicaset(ctx: Context, replicaset: Obj, now: datetime) -> str:
    pods = await _list(ctx, PODS, "")
    return describe_replicaset(replicaset, pods, await _events(ctx, replicaset), now=now)


async def _service(ctx: Context, service: Obj, now: datetime) -> str:
    try:
        found = await ctx.api.get(
            object_path("endpointslices", "discovery.k8s.io", ctx.namespace),
            {"labelSelector": f"kubernetes.io/service-name={name_of(service)}"})
        slices = list(found.get("items") or [])
    except ApiError:
        slices = []
    return describe_service(service, slices, await _events(ctx, service), now=now)


_DESCRIBERS: dict[str, Describer] = {
    "Pod": _pod, "Deployment": _deployment, "ReplicaSet": _replicaset, "Service": _service,
}
