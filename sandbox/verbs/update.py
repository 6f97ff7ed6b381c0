"""Changes to existing objects: `scale`, `set image`, `label` and `annotate`.

Each reads the object, works out the change as kubectl does (including its refusals,
such as a label that already has a value without --overwrite), and sends a patch.
"""

from __future__ import annotations

from sandbox.commandline import Command, ResourceType
from sandbox.kubeapi import MERGE_PATCH, ApiError, Obj
from sandbox.printing.actions import done, label_operation
from sandbox.printing.errors import client_error
from sandbox.verbs.context import Context, Output, flag, name_of, path_of

_POD_TEMPLATE_KINDS = ("Deployment", "ReplicaSet")


async def scale(command: Command, ctx: Context) -> Output:
    """`kubectl scale deployment/x --replicas=N`: a patch of the scale subresource."""
    out = Output()
    replicas = flag(command, "replicas")
    if not replicas.isdigit():
        out.fail(client_error("The --replicas=COUNT flag is required, and COUNT must be "
                              "greater than or equal to 0"))
        return out
    errors: list[ApiError] = []
    for resource, name in await _targets(command, ctx, errors):
        try:
            await ctx.api.patch(path_of(resource, ctx.namespace, name, "scale"),
                                {"spec": {"replicas": int(replicas)}},
                                content_type=MERGE_PATCH)
        except ApiError as error:
            errors.append(error)
            continue
        out.write(done(resource.kind, resource.group, name, "scaled"))
    for failure in errors:
        out.api_error(failure)
    return out


async def set_image(command: Command, ctx: Context) -> Output:
    """`kubectl set image deployment/x CONTAINER=IMAGE ...` (`*` for every container)."""
    out = Output()
    updates = dict(arg.partition("=")[::2] for arg in command.args if "=" in arg)
    if not updates:
        out.fail(client_error("at least one image update is required"))
        return out
    errors: list[ApiError] = []
    for resource, name in await _targets(command, ctx, errors):
        try:
            obj = await ctx.api.get(path_of(resource, ctx.namespace, name))
        except ApiError as error:
            errors.append(error)
            continue
        spec = _pod_spec(obj)
        containers = spec.get("containers") or []
        changed: list[Obj] = []
        for container_name, image in updates.items():
            matching = [c for c in containers if container_name in ("*", c.get("name"))]
            if not matching:
                out.fail(client_error(f'unable to find container named "{container_name}"'))
                return out
            changed += [{"name": c["name"], "image": image} for c in matching
                        if c.get("image") != image]
        if not changed:
            continue
        patch: Obj = {"spec": {"containers": changed}}
        if obj.get("kind") in _POD_TEMPLATE_KINDS:
            patch = {"spec": {"template": patch}}
        try:
            await ctx.api.patch(path_of(resource, ctx.namespace, name), patch,
                                query={"fieldManager": "kubectl-set"})
        except ApiError as error:
            errors.append(error)
            continue
        out.write(done(resource.kind, resource.group, name, "image updated"))
    for failure in errors:
        out.api_error(failure)
    return out


async def label(command: Command, ctx: Context) -> Output:
    """`kubectl label TYPE NAME key=value key-` (`--overwrite` to change a value)."""
    return await _relabel(command, ctx, "labels", "label", "labeled")


async def annotate(command: Command, ctx: Context) -> Output:
    """`kubectl annotate TYPE NAME key=value key-` (`--overwrite` to change a value)."""
    return await _relabel(command, ctx, "annotations", "annotation", "annotated")


async def _relabel(command: Command, ctx: Context, field: str, word: str,
                   verb: str) -> Output:
    out = Output()
    overwrite = command.flags.get("overwrite") is True
    additions = dict(arg.partition("=")[::2] for arg in command.args if "=" in arg)
    removals = [arg[:-1] for arg in command.args if arg.endswith("-") and "=" not in arg]
    if not additions and not removals:
        out.fail(client_error(f"at least one {word} update is required"))
        return out
    errors: list[ApiError] = []
    for resource, name in await _targets(command, ctx, errors):
        try:
            obj = await ctx.api.get(path_of(resource, ctx.namespace, name))
        except ApiError as error:
            errors.append(error)
            continue
        before: dict[str, str] = dict((obj.get("metadata") or {}).get(field) or {})
        for key, value in additions.items():
            if key in before and before[key] != value and not overwrite:
                out.fail(client_error(f"'{key}' already has a value ({before[key]}), and "
                                      "--overwrite is false"))
                return out
        after = {**before, **additions}
        for key in removals:
            if key not in after:
                out.write(f'{word} "{key}" not found.\n')
            after.pop(key, None)
        change: dict[str, str | None] = {k: v for k, v in after.items() if before.get(k) != v}
        change.update({k: None for k in before if k not in after})
        if change:
            try:
                await ctx.api.patch(path_of(resource, ctx.namespace, name),
                                    {"metadata": {field: change}}, content_type=MERGE_PATCH)
            except ApiError as error:
                errors.append(error)
                continue
        operation = label_operation(before, after, overwrite=overwrite) if field == "labels" \
            else verb
        out.write(done(resource.kind, resource.group, name, operation))
    for failure in errors:
        out.api_error(failure)
    return out


async def _targets(command: Command, ctx: Context,
                   errors: list[ApiError]) -> list[tuple[ResourceType, str]]:
    """The named targets, or those the label selector (`-l`) picks."""
    named = [(t.resource, t.name) for t in command.targets
             if t.resource is not None and t.name is not None]
    if named or not flag(command, "selector"):
        return named
    picked: list[tuple[ResourceType, str]] = []
    for target in command.targets:
        assert target.resource is not None
        try:
            found = await ctx.api.get(path_of(target.resource, ctx.namespace),
                                      {"labelSelector": flag(command, "selector")})
        except ApiError as error:
            errors.append(error)
            continue
        picked += [(target.resource, name_of(item)) for item in found.get("items") or []]
    return picked


def _pod_spec(obj: Obj) -> Obj:
    spec: Obj = obj.get("spec") or {}
    if obj.get("kind") in _POD_TEMPLATE_KINDS:
        return dict((spec.get("template") or {}).get("spec") or {})
    return spec
