"""`kubectl logs`: a pod's log, or the log of one pod of a Deployment or ReplicaSet.

Simulated pods print a Node.js server's lines; pods on minikube print their real
output. `-f` cannot stream into a chat, so it shows the log as it is now.
"""

from __future__ import annotations

from sandbox.commandline import Command
from sandbox.kubeapi import ApiError, Obj
from sandbox.printing.errors import client_error
from sandbox.verbs.context import PODS, Context, Output, flag, name_of, path_of, switch

_MAX_PODS = 5


async def logs(command: Command, ctx: Context) -> Output:
    """Print the log of the pod named (or picked by the owner, or by `-l`)."""
    out = Output()
    query: dict[str, str] = {}
    container = flag(command, "container") or (command.args[0] if command.args else "")
    if container:
        query["container"] = container
    if flag(command, "tail", "-1") != "-1":
        query["tailLines"] = flag(command, "tail")
    if switch(command, "timestamps"):
        query["timestamps"] = "true"
    if switch(command, "previous"):
        query["previous"] = "true"
    try:
        pods = await _pods(command, ctx, out)
        for pod in pods:
            text = await ctx.api.get(path_of(PODS, ctx.namespace, pod, "log"), query)
            out.write(str(text))
    except ApiError as error:
        out.api_error(error)
    return out


async def _pods(command: Command, ctx: Context, out: Output) -> list[str]:
    if flag(command, "selector"):
        found = await ctx.api.get(path_of(PODS, ctx.namespace),
                                  {"labelSelector": flag(command, "selector")})
        names = [name_of(p) for p in found.get("items") or []]
        if not names:
            out.write("No resources found in " + ctx.namespace + " namespace.\n")
        return names[:_MAX_PODS]
    if not command.targets:
        out.fail(client_error("expected POD, TYPE/NAME, or --selector: kubectl logs POD"))
        return []
    target = command.targets[0]
    assert target.resource is not None and target.name is not None
    if target.resource.kind == "Pod":
        return [target.name]
    owner = await ctx.api.get(path_of(target.resource, ctx.namespace, target.name))
    selector = ((owner.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
    if not selector:
        out.fail(client_error(f"cannot get the logs of a {target.resource.kind}: name a pod "
                              "or a deployment"))
        return []
    found = await ctx.api.get(path_of(PODS, ctx.namespace), {
        "labelSelector": ",".join(f"{k}={v}" for k, v in sorted(selector.items()))})
    pods = sorted(found.get("items") or [], key=_for_logging)
    if not pods:
        out.fail(client_error(f"timed out waiting for the condition: no pods of "
                              f"{target.resource.kind.lower()}/{target.name} yet"))
        return []
    if len(pods) > 1:
        out.write(f"Found {len(pods)} pods, using pod/{name_of(pods[0])}\n")
    return [name_of(pods[0])]


def _for_logging(pod: Obj) -> tuple[int, int, str]:
    """Ready, running pods first, then the newest, as kubectl's ByLogging order prefers."""
    status = pod.get("status") or {}
    ready = any(c.get("type") == "Ready" and c.get("status") == "True"
                for c in status.get("conditions") or [])
    running = status.get("phase") == "Running"
    stamp = str((pod.get("metadata") or {}).get("creationTimestamp", ""))
    return (0 if ready else 1, 0 if running else 1, "".join(chr(255 - ord(c)) for c in stamp))
