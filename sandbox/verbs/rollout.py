"""`kubectl rollout status|history|undo|restart` for Deployments.

`undo` works as kubectl's deployment rollbacker does: it finds the ReplicaSet of the
wanted revision (the previous one by default) and patches that template, without its
pod-template-hash label, back into the Deployment together with its annotations.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sandbox.commandline import Command, ResourceType
from sandbox.kubeapi import ApiError, Obj
from sandbox.printing.actions import done, skipped_rollback
from sandbox.printing.errors import client_error
from sandbox.printing.rollout import (
    revisions,
    rollout_history,
    rollout_history_revision,
    rollout_status,
)
from sandbox.verbs.context import DEPLOYMENTS, REPLICASETS, Context, Output, flag, path_of

JSON_PATCH = "application/json-patch+json"
_HASH_LABEL = "pod-template-hash"
_KEPT_ANNOTATIONS = frozenset({
    "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
    "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"})


async def status(command: Command, ctx: Context) -> Output:
    """Watch the rollout until it finishes, fails, or the watch bound runs out."""
    out, name = Output(), _deployment(command)
    if name is None:
        return _only_deployments(command)
    path = path_of(DEPLOYMENTS, ctx.namespace, name)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + ctx.cluster.timeouts.watch
    seen: list[str] = []
    try:
        deployment = await ctx.api.get(path)
        while True:
            state = rollout_status(deployment)
            if not seen or seen[-1] != state.message:
                seen.append(state.message)
                (out.fail if state.failed else out.write)(state.message)
            if state.done or state.failed:
                return out
            if loop.time() >= deadline:
                out.fail(client_error("timed out waiting for the condition"))
                return out
            events = await ctx.api.watch(
                path_of(DEPLOYMENTS, ctx.namespace),
                {"fieldSelector": f"metadata.name={name}",
                 "resourceVersion": deployment["metadata"]["resourceVersion"]}, max_events=1)
            if events and events[0].type == "DELETED":
                out.fail(client_error(f'object has been deleted: deployment "{name}"'))
                return out
            deployment = events[0].object if events else await ctx.api.get(path)
    except ApiError as error:
        out.api_error(error)
    return out


async def history(command: Command, ctx: Context) -> Output:
    """The revisions of a Deployment and their change causes, or one revision's template."""
    out, name = Output(), _deployment(command)
    if name is None:
        return _only_deployments(command)
    revision = int(flag(command, "revision", "0") or 0)
    if revision < 0:
        out.fail(client_error(f"revision must be a positive integer: {revision}"))
        return out
    try:
        deployment, sets = await _with_replicasets(ctx, name)
    except ApiError as error:
        out.api_error(error)
        return out
    if revision == 0:
        out.write(rollout_history(deployment, sets))
    else:
        page = rollout_history_revision(deployment, sets, revision)
        if page.startswith("error: "):
            out.fail(page)
        else:
            out.write(page)
    return out


async def undo(command: Command, ctx: Context) -> Output:
    """Roll a Deployment back to the previous (or `--to-revision`) template."""
    out, name = Output(), _deployment(command)
    if name is None:
        return _only_deployments(command)
    wanted = int(flag(command, "to-revision", "0") or 0)
    try:
        deployment, sets = await _with_replicasets(ctx, name)
    except ApiError as error:
        out.api_error(error)
        return out
    by_revision = revisions(deployment, sets)
    if wanted:
        if wanted not in by_revision:
            out.fail(client_error(f"unable to find specified revision {wanted} in history"))
            return out
        revision = wanted
    else:
        known = sorted(by_revision)
        if len(known) < 2:
            out.fail(client_error(f'no rollout history found for deployment "{name}"'))
            return out
        revision = known[-2]
    target = by_revision[revision]
    template = copy.deepcopy(dict(target["spec"]["template"]))
    if _without_hash(template) == _without_hash(deployment["spec"]["template"]):
        out.write(skipped_rollback("Deployment", "apps", name, revision))
        return out
    (template.get("metadata") or {}).get("labels", {}).pop(_HASH_LABEL, None)
    annotations = {k: v for k, v in _annotations(deployment).items() if k in _KEPT_ANNOTATIONS}
    annotations.update({k: v for k, v in _annotations(target).items()
                        if k not in _KEPT_ANNOTATIONS})
    patch = [{"op": "replace", "path": "/spec/template", "value": template},
             {"op": "replace", "path": "/metadata/annotations", "value": annotations}]
    try:
        await ctx.api.patch(path_of(DEPLOYMENTS, ctx.namespace, name), patch,
                            content_type=JSON_PATCH)
    except ApiError as error:
        out.api_error(error)
        return out
    out.write(done("Deployment", "apps", name, "rolled back"))
    return out


async def restart(command: Command, ctx: Context) -> Output:
    """Restart a Deployment's pods by stamping its template with the time."""
    out, name = Output(), _deployment(command)
    if name is None:
        return _only_deployments(command)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    patch = {"spec": {"template": {"metadata": {"annotations": {
        "kubectl.kubernetes.io/restartedAt": stamp}}}}}
    try:
        await ctx.api.patch(path_of(DEPLOYMENTS, ctx.namespace, name), patch,
                            query={"fieldManager": "kubectl-rollout"})
    except ApiError as error:
        out.api_error(error)
        return out
    out.write(done("Deployment", "apps", name, "restarted"))
    return out


def _deployment(command: Command) -> str | None:
    targets = command.targets
    if len(targets) != 1 or targets[0].name is None:
        return None
    resource: ResourceType | None = targets[0].resource
    return targets[0].name if resource is not None and resource.kind == "Deployment" else None


def _only_deployments(command: Command) -> Output:
    out = Output()
    targets = command.targets
    if not targets or targets[0].name is None:
        out.fail(client_error("required resource not specified"))
    else:
        resource = targets[0].resource
        kind = resource.qualified if resource is not None else "that kind"
        out.fail(client_error(f"the sandbox runs rollout {command.verb[-1]} for deployments "
                              f"only (deployment/NAME), not for {kind}"))
    return out


async def _with_replicasets(ctx: Context, name: str) -> tuple[Obj, list[Obj]]:
    deployment = await ctx.api.get(path_of(DEPLOYMENTS, ctx.namespace, name))
    found = await ctx.api.get(path_of(REPLICASETS, ctx.namespace))
    return deployment, list(found.get("items") or [])


def _annotations(obj: Mapping[str, Any]) -> dict[str, str]:
    return dict((obj.get("metadata") or {}).get("annotations") or {})


def _without_hash(template: Mapping[str, Any]) -> Obj:
    copied = copy.deepcopy(dict(template))
    metadata = copied.setdefault("metadata", {})
    labels = dict(metadata.get("labels") or {})
    labels.pop(_HASH_LABEL, None)
    metadata["labels"] = labels
    return copied
