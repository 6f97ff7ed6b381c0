"""`kubectl delete`: by name, by label selector, or `--all`, always inside the learner's namespace.

Selections are listed first and each object deleted on its own, as kubectl does, so
every deleted object gets its own line and errors come after them.
"""

from __future__ import annotations

from sandbox.commandline import Command, ResourceType
from sandbox.kubeapi import ApiError
from sandbox.printing.actions import deleted
from sandbox.printing.empty import no_resources_found
from sandbox.printing.errors import client_error
from sandbox.verbs.apply import delete_from_file
from sandbox.verbs.context import Context, Output, flag, many, name_of, path_of, switch

_NO_NAME = "error: resource(s) were provided, but no name was specified\n"
_NAME_AND_SELECTOR = "error: name cannot be provided when a selector is specified\n"


async def delete(command: Command, ctx: Context) -> Output:
    """Delete the named or selected objects and print a line for each."""
    if many(command, "filename"):
        return await delete_from_file(command, ctx)
    out = Output()
    named = [t for t in command.targets if t.name is not None]
    selecting = bool(flag(command, "selector")) or switch(command, "all")
    if not command.targets:
        out.fail(client_error("You must provide one or more resources by argument or "
                              "filename."))
        return out
    if named and selecting:
        out.fail(_NAME_AND_SELECTOR)
        return out
    if not named and not selecting:
        out.fail(_NO_NAME)
        return out
    victims: list[tuple[ResourceType, str]] = []
    errors: list[ApiError] = []
    if named:
        victims = [(t.resource, t.name) for t in named if t.resource is not None
                   and t.name is not None]
    else:
        query = {"labelSelector": flag(command, "selector")} if flag(command, "selector") else {}
        for target in command.targets:
            assert target.resource is not None
            try:
                found = await ctx.api.get(path_of(target.resource, ctx.namespace), query)
            except ApiError as error:
                errors.append(error)
                continue
            victims += [(target.resource, name_of(item)) for item in found.get("items") or []]
        if not victims and not errors:
            out.write(no_resources_found(None))
            return out
    options = {"propagationPolicy": "Background"}
    # With --all or a selector kubectl ignores NotFound unless told otherwise: a ReplicaSet
    # listed with its Deployment may be collected before its own turn comes.
    ignore_missing = command.flags.get("ignore-not-found", selecting) is True
    for resource, name in victims:
        try:
            await ctx.api.delete(path_of(resource, ctx.namespace, name), options)
        except ApiError as error:
            if not (error.code == 404 and ignore_missing):
                errors.append(error)
            continue
        out.write(deleted(resource.kind, resource.group, name))
    for failure in errors:
        out.api_error(failure)
    return out
