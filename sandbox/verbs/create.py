"""The generators: `create deployment|service|configmap`, `run` and `expose`.

Each builds the object kubectl 1.32 would build for the same flags (names, labels,
ports, container names), sends it with kubectl's field manager, and prints kubectl's
one-line result.
"""

from __future__ import annotations

from typing import Any

from sandbox.commandline import Command
from sandbox.kubeapi import ApiError, Obj
from sandbox.printing.actions import done
from sandbox.printing.errors import client_error, failed_to_create
from sandbox.verbs.context import (
    CONFIGMAPS,
    DEPLOYMENTS,
    PODS,
    SERVICES,
    Context,
    Output,
    flag,
    labels_of,
    many,
    path_of,
    switch,
)

_SERVICE_TYPES = {"clusterip": "ClusterIP", "nodeport": "NodePort",
                  "loadbalancer": "LoadBalancer", "externalname": "ExternalName"}


async def create_deployment(command: Command, ctx: Context) -> Output:
    """`kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]`."""
    name = _name(command)
    images = many(command, "image")
    if not images:
        return _failed(client_error('required flag(s) "image" not set'))
    labels = {"app": name}
    containers: list[Obj] = [{"image": image, "name": container} for image, container
                             in zip(images, _container_names(images), strict=True)]
    port = flag(command, "port", "-1")
    if port != "-1":
        containers[0]["ports"] = [{"containerPort": _int(port)}]
    for container in containers:
        container["resources"] = {}
    body = {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"labels": labels, "name": name},
            "spec": {"replicas": _int(flag(command, "replicas", "1")),
                     "selector": {"matchLabels": labels}, "strategy": {},
                     "template": {"metadata": {"labels": labels},
                                  "spec": {"containers": containers}}},
            "status": {}}
    return await _create(ctx, "deployment", body, "kubectl-create")


async def create_service(command: Command, ctx: Context) -> Output:
    """`kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=PORT[:TARGET]`."""
    name = _name(command)
    service_type = _SERVICE_TYPES[command.verb[-1]]
    spec: Obj = {}
    ports = [_service_port(text) for text in many(command, "tcp")]
    if ports:
        spec["ports"] = ports
    spec["selector"] = {"app": name}
    cluster_ip = flag(command, "clusterip")
    if cluster_ip:
        spec["clusterIP"] = cluster_ip
    spec["type"] = service_type
    node_port = _int(flag(command, "node-port", "0"))
    if node_port and ports:
        ports[0]["nodePort"] = node_port
    body = {"kind": "Service", "apiVersion": "v1",
            "metadata": {"name": name, "labels": {"app": name}}, "spec": spec,
            "status": {"loadBalancer": {}}}
    return await _create(ctx, f"{service_type} service", body, "kubectl-create")


async def create_configmap(command: Command, ctx: Context) -> Output:
    """`kubectl create configmap NAME --from-literal=KEY=VALUE ...`."""
    data: dict[str, str] = {}
    for literal in many(command, "from-literal"):
        key, sep, value = literal.partition("=")
        if not sep or not key:
            return _failed(client_error(
                f'invalid literal source {literal}, expected key=value'))
        data[key] = value
    if many(command, "from-file") or many(command, "from-env-file"):
        return _failed(client_error(
            "the sandbox has no files to read: use --from-literal=KEY=VALUE"))
    body: Obj = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": _name(command)}}
    if data:
        body["data"] = data
    return await _create(ctx, "configmap", body, "kubectl-create")


async def run(command: Command, ctx: Context) -> Output:
    """`kubectl run NAME --image=IMAGE [--port] [--labels] [--env] [--restart] [-- ARGS]`."""
    if not command.args:
        return _failed(client_error("NAME is required for run"))
    name, *arguments = command.args
    image = flag(command, "image")
    if not image:
        return _failed(client_error("--image is required"))
    labels = _pairs(flag(command, "labels")) or {"run": name}
    container: Obj = {"name": name, "image": image}
    if arguments:
        container["command" if switch(command, "command") else "args"] = arguments
    env = [{"name": k, "value": v} for k, v in
           (item.partition("=")[::2] for item in many(command, "env"))]
    if env:
        container["env"] = env
    if flag(command, "image-pull-policy"):
        container["imagePullPolicy"] = flag(command, "image-pull-policy")
    if flag(command, "port"):
        container["ports"] = [{"containerPort": _int(flag(command, "port"))}]
    container["resources"] = {}
    metadata: Obj = {"labels": labels, "name": name}
    annotations = _pairs(",".join(many(command, "annotations")))
    if annotations:
        metadata["annotations"] = annotations
    body = {"apiVersion": "v1", "kind": "Pod", "metadata": metadata,
            "spec": {"containers": [container], "dnsPolicy": "ClusterFirst",
                     "restartPolicy": flag(command, "restart", "Always")},
            "status": {}}
    out = Output()
    try:
        created = await ctx.api.create(path_of(PODS, ctx.namespace), body,
                                       {"fieldManager": "kubectl-run"})
    except ApiError as error:
        out.api_error(error)
        return out
    out.write(done("Pod", "", created["metadata"]["name"], "created"))
    return out


async def expose(command: Command, ctx: Context) -> Output:
    """`kubectl expose deployment|pod|service NAME --port=P [--target-port] [--type] [--name]`."""
    out = Output()
    target = command.targets[0]
    assert target.resource is not None and target.name is not None
    try:
        source = await ctx.api.get(path_of(target.resource, ctx.namespace, target.name))
    except ApiError as error:
        out.api_error(error)
        return out
    selector = _selector_of(source)
    if not selector:
        return _failed(client_error(
            f"couldn't retrieve selectors via --selector flag or introspection: the "
            f"{target.resource.kind} has no labels to select its pods by"))
    port_text = flag(command, "port") or _introspected_port(source)
    if not port_text:
        return _failed(client_error("couldn't find port via --port flag or introspection"))
    port: Obj = {"port": _int(port_text), "protocol": flag(command, "protocol", "TCP"),
                 "targetPort": _target_port(flag(command, "target-port") or port_text)}
    spec: Obj = {"ports": [port], "selector": selector}
    if flag(command, "type"):
        spec["type"] = flag(command, "type")
    name = flag(command, "name") or target.name
    metadata: Obj = {"name": name}
    labels = labels_of(source)
    if labels:
        metadata["labels"] = labels
    body = {"apiVersion": "v1", "kind": "Service", "metadata": metadata, "spec": spec,
            "status": {"loadBalancer": {}}}
    try:
        await ctx.api.create(path_of(SERVICES, ctx.namespace), body,
                             {"fieldManager": "kubectl-expose"})
    except ApiError as error:
        out.api_error(error)
        return out
    out.write(done("Service", "", name, "exposed"))
    return out


async def _create(ctx: Context, what: str, body: Obj, manager: str) -> Output:
    out = Output()
    resource = {"Deployment": DEPLOYMENTS, "Service": SERVICES,
                "ConfigMap": CONFIGMAPS}[body["kind"]]
    try:
        created = await ctx.api.create(path_of(resource, ctx.namespace), body,
                                       {"fieldManager": manager})
    except ApiError as error:
        out.fail(failed_to_create(what, error.status))
        return out
    out.write(done(resource.kind, resource.group, created["metadata"]["name"], "created"))
    return out


def _failed(text: str) -> Output:
    out = Output()
    out.fail(text)
    return out


def _name(command: Command) -> str:
    target = command.targets[0]
    assert target.name is not None
    return target.name


def _container_names(images: tuple[str, ...]) -> list[str]:
    """Container names as kubectl derives them: the image's last path part, no tag, unique."""
    names: list[str] = []
    for image in images:
        base = image.rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0].replace("_", "-")
        name, number = base, 1
        while name in names:
            name, number = f"{base}-{number}", number + 1
        names.append(name)
    return names


def _service_port(text: str) -> Obj:
    port, _, target = text.partition(":")
    return {"name": text.replace(":", "-"), "protocol": "TCP", "port": _int(port),
            "targetPort": _target_port(target or port)}


def _target_port(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


def _pairs(text: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in text.split(","):
        key, sep, value = item.partition("=")
        if key and sep:
            pairs[key] = value
    return pairs


def _selector_of(source: Obj) -> dict[str, Any]:
    kind = source.get("kind")
    spec = source.get("spec") or {}
    if kind in ("Deployment", "ReplicaSet"):
        return dict((spec.get("selector") or {}).get("matchLabels") or {})
    if kind == "Service":
        return dict(spec.get("selector") or {})
    return labels_of(source)


def _introspected_port(source: Obj) -> str:
    spec = source.get("spec") or {}
    if source.get("kind") == "Service":
        ports = spec.get("ports") or []
        return str(ports[0]["port"]) if len(ports) == 1 else ""
    if source.get("kind") != "Pod":
        spec = (spec.get("template") or {}).get("spec") or {}
    found = [p for c in spec.get("containers") or [] for p in c.get("ports") or []]
    return str(found[0]["containerPort"]) if found else ""
