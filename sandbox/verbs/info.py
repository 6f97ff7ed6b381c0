"""What the cluster says about itself: `version`, `cluster-info`, `api-resources`,
`config current-context` and `explain`."""

from __future__ import annotations

import json

from sandbox.commandline import Command
from sandbox.explain import explain_text
from sandbox.kubeapi import ApiError, Obj
from sandbox.printing.formats import to_yaml
from sandbox.printing.tabwriter import tabwrite
from sandbox.verbs.context import SERVICES, Context, Output, flag, path_of, switch

CLIENT_VERSION = {"major": "1", "minor": "32", "gitVersion": "v1.32.0"}
"""The kubectl the sandbox speaks like."""
KUSTOMIZE_VERSION = "v5.5.0"
_Row = tuple[str, str, str, bool, str, list[str]]


async def version(command: Command, ctx: Context) -> Output:
    """Client and server versions, as `kubectl version` prints them."""
    out = Output()
    server: Obj | None = None
    if not switch(command, "client"):
        try:
            server = await ctx.api.get("/version")
        except ApiError as error:
            out.api_error(error)
    fmt = flag(command, "output")
    if fmt in ("json", "yaml"):
        document: Obj = {"clientVersion": CLIENT_VERSION, "kustomizeVersion": KUSTOMIZE_VERSION}
        if server is not None:
            document["serverVersion"] = server
        out.write(json.dumps(document, indent=2) + "\n" if fmt == "json" else
                  to_yaml(document))
        return out
    out.write(f"Client Version: {CLIENT_VERSION['gitVersion']}\n"
              f"Kustomize Version: {KUSTOMIZE_VERSION}\n")
    if server is not None:
        out.write(f"Server Version: {server.get('gitVersion', '')}\n")
    return out


async def cluster_info(command: Command, ctx: Context) -> Output:
    """The control plane's address and the cluster services the learner may see."""
    out = Output()
    out.write(f"Kubernetes control plane is running at {ctx.cluster.server}\n")
    try:
        found = await ctx.api.get(path_of(SERVICES, "kube-system"),
                                  {"labelSelector": "kubernetes.io/cluster-service=true"})
    except ApiError:
        found = {}
    for service in found.get("items") or []:
        name = service["metadata"]["name"]
        title = (service["metadata"].get("labels") or {}).get("kubernetes.io/name", name)
        port = ((service.get("spec") or {}).get("ports") or [{}])[0].get("name", "")
        suffix = f"{name}:{port}" if port else name
        out.write(f"{title} is running at {ctx.cluster.server}/api/v1/namespaces/kube-system/"
                  f"services/{suffix}/proxy\n")
    out.write("\nTo further debug and diagnose cluster problems, use "
              "'kubectl cluster-info dump'.\n")
    return out


async def api_resources(command: Command, ctx: Context) -> Output:
    """The cluster's resource types from its discovery documents, sorted as kubectl sorts."""
    out = Output()
    rows: list[_Row] = []
    try:
        groups = [("", "v1", await ctx.api.get("/api/v1"))]
        for group in (await ctx.api.get("/apis")).get("groups") or []:
            preferred = group.get("preferredVersion") or {}
            groups.append((group["name"], preferred.get("version", ""),
                           await ctx.api.get(f"/apis/{preferred.get('groupVersion', '')}")))
    except ApiError as error:
        out.api_error(error)
        return out
    for group, _, listing in groups:
        for item in listing.get("resources") or []:
            if "/" in item["name"]:
                continue
            rows.append((group, item["name"], ",".join(item.get("shortNames") or []),
                         bool(item.get("namespaced")), item.get("kind", ""),
                         list(item.get("verbs") or [])))
    rows = _filtered(command, rows)
    rows.sort(key=lambda row: (row[0], row[1]))
    if flag(command, "output") == "name":
        out.write("".join(f"{name}.{group}\n" if group else f"{name}\n"
                          for group, name, *_ in rows))
        return out
    versions = {group: version for group, version, _ in groups}
    wide = flag(command, "output") == "wide"
    lines = ["NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND" + ("\tVERBS" if wide else "")]
    for group, name, shorts, namespaced, kind, verbs in rows:
        api_version = f"{group}/{versions[group]}" if group else versions[group]
        line = f"{name}\t{shorts}\t{api_version}\t{str(namespaced).lower()}\t{kind}"
        lines.append(line + (f"\t[{' '.join(verbs)}]" if wide else ""))
    if not switch(command, "no-headers"):
        out.write(tabwrite("\n".join(lines) + "\n", minwidth=6, padding=3))
    else:
        out.write(tabwrite("\n".join(lines[1:]) + "\n", minwidth=6, padding=3))
    return out


def _filtered(command: Command, rows: list[_Row]) -> list[_Row]:
    wanted_group = flag(command, "api-group", "\0")
    namespaced = flag(command, "namespaced")
    return [row for row in rows
            if (wanted_group == "\0" or row[0] == wanted_group)
            and (namespaced not in ("true", "false") or row[3] == (namespaced == "true"))]


async def current_context(command: Command, ctx: Context) -> Output:
    """The kubeconfig context the sandbox uses (`simulated` for the embedded cluster)."""
    out = Output()
    out.write(ctx.cluster.context + "\n")
    return out


async def explain(command: Command, ctx: Context) -> Output:
    """Field documentation from the cluster's OpenAPI, or the course glossary without it."""
    out = Output()
    target = command.targets[0] if command.targets else None
    if target is None or target.resource is None:
        out.fail("You must specify the type of resource to explain. Use \"kubectl "
                 "api-resources\" for a complete list of supported resources.\n")
        return out
    field_path = command.args[0].split(".")[1:] if command.args else []
    text, ok = await explain_text(ctx.api, target.resource, field_path)
    (out.write if ok else out.fail)(text)
    return out

