"""Manifests from the message: `apply -f -`, `create -f -` and `delete -f -`.

`apply` is kubectl's client-side apply: an object that does not exist is created with
the `last-applied-configuration` annotation; one that exists gets a three-way patch
computed from that annotation (fields dropped since the last apply are removed), the
live object (fields already as wanted are left out) and the new manifest. An empty
patch is "unchanged".
"""

from __future__ import annotations

import json
from typing import Any

from sandbox.commandline import Command, CommandSyntaxError, ResourceType, lookup_resource
from sandbox.kubeapi import MERGE_PATCH, ApiError, Obj
from sandbox.manifests import load_manifests
from sandbox.printing.actions import deleted, done
from sandbox.printing.errors import client_error, server_error, with_source
from sandbox.verbs.context import Context, Output, path_of

LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"


async def apply(command: Command, ctx: Context) -> Output:
    """Create or update every object in the message's YAML."""
    return await _each(command, ctx, _apply_one)


async def create_from_file(command: Command, ctx: Context) -> Output:
    """Create every object in the message's YAML (AlreadyExists is an error here)."""
    return await _each(command, ctx, _create_one)


async def delete_from_file(command: Command, ctx: Context) -> Output:
    """Delete every object the message's YAML names."""
    return await _each(command, ctx, _delete_one)


async def _each(command: Command, ctx: Context, action: Any) -> Output:
    out = Output()
    if not command.stdin or not command.stdin.strip():
        out.fail(client_error("no objects passed to " + command.verb[0] + ": put the YAML "
                              "after the command line, in the same message"))
        return out
    errors: list[str] = []
    for manifest in load_manifests(command.stdin):
        try:
            resource = _resource(manifest)
        except CommandSyntaxError:
            errors.append(client_error(
                f'resource mapping not found for name: "{manifest["metadata"]["name"]}" '
                f'namespace: "{ctx.namespace}" from "STDIN": no matches for kind '
                f'"{manifest["kind"]}" in version "{manifest["apiVersion"]}"'))
            continue
        obj = {**manifest, "metadata": {**manifest["metadata"], "namespace": ctx.namespace}}
        if not resource.namespaced:
            del obj["metadata"]["namespace"]
        await action(ctx, resource, obj, out, errors)
    for error in errors:
        out.fail(error)
    return out


def _resource(obj: Obj) -> ResourceType:
    resource = lookup_resource(str(obj["kind"]))
    group = str(obj["apiVersion"]).rpartition("/")[0]
    if resource.group != group or resource.kind != obj["kind"]:
        raise CommandSyntaxError(f"no kind {obj['kind']} in {obj['apiVersion']}")
    return resource


async def _create_one(ctx: Context, resource: ResourceType, obj: Obj, out: Output,
                      errors: list[str]) -> None:
    try:
        created = await ctx.api.create(path_of(resource, ctx.namespace), obj,
                                       {"fieldManager": "kubectl-create"})
    except ApiError as error:
        errors.append(server_error(with_source(error.status, "creating")))
        return
    out.write(done(resource.kind, resource.group, created["metadata"]["name"], "created"))


async def _delete_one(ctx: Context, resource: ResourceType, obj: Obj, out: Output,
                      errors: list[str]) -> None:
    name = str(obj["metadata"]["name"])
    try:
        await ctx.api.delete(path_of(resource, ctx.namespace, name),
                             {"propagationPolicy": "Background"})
    except ApiError as error:
        errors.append(server_error(with_source(error.status, "deleting")))
        return
    out.write(deleted(resource.kind, resource.group, name))


async def _apply_one(ctx: Context, resource: ResourceType, obj: Obj, out: Output,
                     errors: list[str]) -> None:
    name = str(obj["metadata"]["name"])
    path = path_of(resource, ctx.namespace, name)
    annotated = _annotated(obj)
    try:
        live = await ctx.api.get(path)
    except ApiError as error:
        if error.code != 404:
            errors.append(server_error(error.status))
            return
        try:
            await ctx.api.create(path_of(resource, ctx.namespace), annotated,
                                 {"fieldManager": "kubectl-client-side-apply"})
        except ApiError as failure:
            errors.append(server_error(with_source(failure.status, "creating")))
            return
        out.write(done(resource.kind, resource.group, name, "created"))
        return
    original = _last_applied(live)
    patch = three_way_patch(original, annotated, live)
    if not patch:
        out.write(done(resource.kind, resource.group, name, "unchanged"))
        return
    try:
        await ctx.api.patch(path, patch, content_type=MERGE_PATCH,
                            query={"fieldManager": "kubectl-client-side-apply"})
    except ApiError as error:
        errors.append(server_error(with_source(error.status, "patching")))
        return
    out.write(done(resource.kind, resource.group, name, "configured"))


def _annotated(obj: Obj) -> Obj:
    """The manifest carrying its own JSON in the last-applied annotation, as kubectl stores it."""
    metadata = dict(obj["metadata"])
    annotations = {k: v for k, v in (metadata.get("annotations") or {}).items()
                   if k != LAST_APPLIED}
    recorded = {**obj, "metadata": {**metadata, "annotations": annotations}}
    text = json.dumps(recorded, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    metadata["annotations"] = {**annotations, LAST_APPLIED: text + "\n"}
    return {**obj, "metadata": metadata}


def _last_applied(live: Obj) -> Obj:
    text = ((live.get("metadata") or {}).get("annotations") or {}).get(LAST_APPLIED)
    if not text:
        return {}
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def three_way_patch(original: Obj, modified: Obj, live: Obj) -> Obj:
    """A JSON merge patch taking `live` to `modified`, removing what `original` had and
    `modified` dropped; fields `modified` does not mention are left as the server has them.
    """
    patch: Obj = {}
    for key, wanted in modified.items():
        current = live.get(key)
        if isinstance(wanted, dict) and isinstance(current, dict):
            inner = three_way_patch(_dict(original.get(key)), wanted, current)
            if inner:
                patch[key] = inner
        elif not _covers(current, wanted):
            patch[key] = wanted
    for key in original:
        if key not in modified and key in live:
            patch[key] = None
    return patch


def _dict(value: Any) -> Obj:
    return value if isinstance(value, dict) else {}


def _covers(live: Any, wanted: Any) -> bool:
    """Whether the live value already is what the manifest asks for (defaults aside)."""
    if isinstance(wanted, dict):
        return isinstance(live, dict) and all(_covers(live.get(k), v) for k, v in wanted.items())
    if isinstance(wanted, list):
        return isinstance(live, list) and len(live) == len(wanted) and all(
            _covers(a, b) for a, b in zip(live, wanted, strict=True))
    return bool(live == wanted)
