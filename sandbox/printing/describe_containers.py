"""Containers, volumes and pod templates as `kubectl describe` lists them.

Shared by the Pod page (containers with their statuses) and the Deployment and
ReplicaSet pages (the pod template, indented, without statuses).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sandbox.printing.ages import rfc1123z
from sandbox.printing.describe import Page, annotations_block, labels_block, tolerations_block

Obj = Mapping[str, Any]


def containers_block(page: Page, label: str, containers: Sequence[Obj],
                     statuses: Sequence[Obj] | None, pod: Obj | None, *,
                     space: str = "") -> None:
    """describeContainers: each container's image, ports, state, resources, env, mounts.

    Args:
        page: the page being written.
        label: "Containers" or "Init Containers".
        containers: the spec's containers.
        statuses: their statuses (None for a template).
        pod: the pod, to resolve `fieldRef` environment values (None for a template).
        space: "  " inside a pod template.
    """
    by_name = {status.get("name"): status for status in statuses or []}
    page.write(0, f"{space}{label}:{'' if containers else ' <none>'}\n")
    for container in containers:
        status = by_name.get(container.get("name"))
        _basic_info(page, container, status, space)
        _command(page, container)
        if status is not None:
            _state(page, "State", status.get("state") or {})
            last = status.get("lastState") or {}
            if last.get("terminated"):
                _state(page, "Last State", last)
            page.write(2, f"Ready:\t{'True' if status.get('ready') else 'False'}\n")
            page.write(2, f"Restart Count:\t{int(status.get('restartCount', 0))}\n")
        _resources(page, container.get("resources") or {}, 2)
        for title, key in (("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"),
                           ("Startup", "startupProbe")):
            if container.get(key):
                page.write(2, f"{title}:\t{describe_probe(container[key])}\n")
        if container.get("envFrom"):
            _env_from(page, container["envFrom"])
        _env(page, container, pod)
        _mounts(page, container)


def volumes_block(page: Page, volumes: Sequence[Obj] | None, *, space: str = "") -> None:
    """describeVolumes for the volume kinds a learner's pods can have."""
    if not volumes:
        page.write(0, f"{space}Volumes:\t<none>\n")
        return
    page.write(0, f"{space}Volumes:\n")
    for volume in volumes:
        page.write(1, f"{' ' if space else ''}{volume.get('name', '')}:\n")
        page.write(2, _volume_source(volume))


def pod_template_block(page: Page, template: Obj) -> None:
    """DescribePodTemplate, as the Deployment and ReplicaSet pages show it."""
    page.write(0, "Pod Template:\n")
    metadata: Obj = template.get("metadata") or {}
    spec: Obj = template.get("spec") or {}
    labels_block(page, "  Labels", metadata.get("labels"))
    if metadata.get("annotations"):
        annotations_block(page, "  Annotations", metadata["annotations"])
    if spec.get("serviceAccountName"):
        page.write(1, f"Service Account:\t{spec['serviceAccountName']}\n")
    if spec.get("initContainers"):
        containers_block(page, "Init Containers", spec["initContainers"], None, None, space="  ")
    containers_block(page, "Containers", spec.get("containers") or [], None, None, space="  ")
    volumes_block(page, spec.get("volumes"), space="  ")
    if spec.get("priorityClassName"):
        page.write(1, f"Priority Class Name:\t{spec['priorityClassName']}\n")
    labels_block(page, "  Node-Selectors", spec.get("nodeSelector"))
    tolerations_block(page, "  Tolerations", spec.get("tolerations"))


def describe_probe(probe: Obj) -> str:
    """DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s ...`."""
    attrs = (f"delay={probe.get('initialDelaySeconds', 0)}s "
             f"timeout={probe.get('timeoutSeconds', 0)}s period={probe.get('periodSeconds', 0)}s "
             f"#success={probe.get('successThreshold', 0)} "
             f"#failure={probe.get('failureThreshold', 0)}")
    if probe.get("exec") is not None:
        return f"exec [{' '.join(probe['exec'].get('command') or [])}] {attrs}"
    if probe.get("httpGet") is not None:
        get = probe["httpGet"]
        host, port = str(get.get("host", "")), str(get.get("port", ""))
        if ":" in host:
            host = f"[{host}]"
        address = f"{host}:{port}" if port else host
        path = str(get.get("path", ""))
        if path and not path.startswith("/"):
            path = "/" + path
        scheme = str(get.get("scheme", "")).lower()
        url = (f"{scheme}:" if scheme else "") + (f"//{address}" if address else "") + path
        return f"http-get {url} {attrs}"
    if probe.get("tcpSocket") is not None:
        socket = probe["tcpSocket"]
        return f"tcp-socket {socket.get('host', '')}:{socket.get('port', '')} {attrs}"
    if probe.get("grpc") is not None:
        grpc = probe["grpc"]
        return f"grpc <pod>:{grpc.get('port', 0)} {grpc.get('service', '')} {attrs}"
    return f"unknown {attrs}"


def _basic_info(page: Page, container: Obj, status: Obj | None, space: str) -> None:
    page.write(1, f"{' ' if space else ''}{container.get('name', '')}:\n")
    if status is not None:
        page.write(2, f"Container ID:\t{status.get('containerID', '')}\n")
    page.write(2, f"Image:\t{container.get('image', '')}\n")
    if status is not None:
        page.write(2, f"Image ID:\t{status.get('imageID', '')}\n")
    ports = container.get("ports") or []
    numbers = ", ".join(f"{p.get('containerPort', 0)}/{p.get('protocol', '')}" for p in ports)
    hosts = ", ".join(f"{p.get('hostPort', 0)}/{p.get('protocol', '')}" for p in ports)
    page.write(2, f"Ports:\t{numbers}\n" if "," in numbers else f"Port:\t{numbers or '<none>'}\n")
    page.write(2, f"Host Ports:\t{hosts}\n" if "," in hosts else
               f"Host Port:\t{hosts or '<none>'}\n")


def _command(page: Page, container: Obj) -> None:
    for title, key in (("Command", "command"), ("Args", "args")):
        if container.get(key):
            page.write(2, f"{title}:\n")
            for item in container[key]:
                for line in str(item).split("\n"):
                    page.write(3, f"{line}\n")


def _state(page: Page, title: str, state: Obj) -> None:
    if state.get("running") is not None:
        page.write(2, f"{title}:\tRunning\n")
        page.write(3, f"Started:\t{_date(state['running'].get('startedAt'))}\n")
    elif state.get("waiting") is not None:
        page.write(2, f"{title}:\tWaiting\n")
        if state["waiting"].get("reason"):
            page.write(3, f"Reason:\t{state['waiting']['reason']}\n")
    elif state.get("terminated") is not None:
        done = state["terminated"]
        page.write(2, f"{title}:\tTerminated\n")
        if done.get("reason"):
            page.write(3, f"Reason:\t{done['reason']}\n")
        if done.get("message"):
            page.write(3, f"Message:\t{done['message']}\n")
        page.write(3, f"Exit Code:\t{done.get('exitCode', 0)}\n")
        if int(done.get("signal", 0)) > 0:
            page.write(3, f"Signal:\t{done['signal']}\n")
        page.write(3, f"Started:\t{_date(done.get('startedAt'))}\n")
        page.write(3, f"Finished:\t{_date(done.get('finishedAt'))}\n")
    else:
        page.write(2, f"{title}:\tWaiting\n")


def _resources(page: Page, resources: Obj, level: int) -> None:
    for title, key in (("Limits", "limits"), ("Requests", "requests")):
        values: Obj = resources.get(key) or {}
        if values:
            page.write(level, f"{title}:\n")
        for name in sorted(values):
            page.write(level + 1, f"{name}:\t{values[name]}\n")


def _env_from(page: Page, sources: Sequence[Obj]) -> None:
    page.write(2, "Environment Variables from:\n")
    for source in sources:
        kind, ref = ("ConfigMap", source.get("configMapRef")) if source.get("configMapRef") \
            else ("Secret", source.get("secretRef") or {})
        optional = "true" if (ref or {}).get("optional") else "false"
        prefix = source.get("prefix", "")
        what = f"{kind} with prefix '{prefix}'" if prefix else kind
        page.write(3, f"{(ref or {}).get('name', '')}\t{what}\tOptional: {optional}\n")


def _env(page: Page, container: Obj, pod: Obj | None) -> None:
    env: Sequence[Obj] = container.get("env") or []
    page.write(2, "Environment:\n" if env else "Environment:\t<none>\n")
    for variable in env:
        name, source = variable.get("name", ""), variable.get("valueFrom")
        if source is None:
            for index, line in enumerate(str(variable.get("value", "")).split("\n")):
                page.write(3, f"{name}:\t{line}\n" if index == 0 else f"\t{line}\n")
        elif source.get("fieldRef") is not None:
            ref = source["fieldRef"]
            value = _field_value(pod, str(ref.get("fieldPath", ""))) if pod is not None else ""
            page.write(3, f"{name}:\t{value} ({ref.get('apiVersion', '')}:"
                          f"{ref.get('fieldPath', '')})\n")
        elif source.get("resourceFieldRef") is not None:
            page.write(3, f"{name}:\t ({source['resourceFieldRef'].get('resource', '')})\n")
        elif source.get("secretKeyRef") is not None:
            ref = source["secretKeyRef"]
            page.write(3, f"{name}:\t<set to the key '{ref.get('key', '')}' in secret "
                          f"'{ref.get('name', '')}'>\tOptional: "
                          f"{'true' if ref.get('optional') else 'false'}\n")
        elif source.get("configMapKeyRef") is not None:
            ref = source["configMapKeyRef"]
            page.write(3, f"{name}:\t<set to the key '{ref.get('key', '')}' of config map "
                          f"'{ref.get('name', '')}'>\tOptional: "
                          f"{'true' if ref.get('optional') else 'false'}\n")


def _field_value(pod: Obj, path: str) -> str:
    metadata: Obj = pod.get("metadata") or {}
    for prefix, mapping in (("metadata.labels", metadata.get("labels")),
                            ("metadata.annotations", metadata.get("annotations"))):
        if path.startswith(prefix + "['") and path.endswith("']"):
            return str((mapping or {}).get(path[len(prefix) + 2:-2], ""))
    simple = {"metadata.name": metadata.get("name"), "metadata.namespace":
              metadata.get("namespace"), "metadata.uid": metadata.get("uid"),
              "spec.nodeName": (pod.get("spec") or {}).get("nodeName"),
              "spec.serviceAccountName": (pod.get("spec") or {}).get("serviceAccountName"),
              "status.podIP": (pod.get("status") or {}).get("podIP"),
              "status.hostIP": (pod.get("status") or {}).get("hostIP")}
    return str(simple.get(path) or "")


def _mounts(page: Page, container: Obj) -> None:
    mounts: Sequence[Obj] = container.get("volumeMounts") or []
    page.write(2, "Mounts:\n" if mounts else "Mounts:\t<none>\n")
    for mount in sorted(mounts, key=lambda m: str(m.get("mountPath", ""))):
        flags = ["ro" if mount.get("readOnly") else "rw"]
        if mount.get("subPath"):
            flags.append(f'path="{mount["subPath"]}"')
        page.write(3, f"{mount.get('mountPath', '')} from {mount.get('name', '')} "
                      f"({','.join(flags)})\n")


def _volume_source(volume: Obj) -> str:
    if volume.get("emptyDir") is not None:
        empty = volume["emptyDir"]
        return ("Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
                f"    Medium:\t{empty.get('medium', '')}\n"
                f"    SizeLimit:\t{empty.get('sizeLimit') or '<unset>'}\n")
    if volume.get("configMap") is not None:
        source = volume["configMap"]
        return ("Type:\tConfigMap (a volume populated by a ConfigMap)\n"
                f"    Name:\t{source.get('name', '')}\n"
                f"    Optional:\t{'true' if source.get('optional') else 'false'}\n")
    if volume.get("secret") is not None:
        source = volume["secret"]
        return ("Type:\tSecret (a volume populated by a Secret)\n"
                f"    SecretName:\t{source.get('secretName', '')}\n"
                f"    Optional:\t{'true' if source.get('optional') else 'false'}\n")
    if volume.get("projected") is not None:
        return _projected(volume["projected"])
    return "<unknown>\n"


def _projected(projected: Obj) -> str:
    lines = ["Type:\tProjected (a volume that contains injected data from multiple sources)\n"]
    for source in projected.get("sources") or []:
        if source.get("secret") is not None:
            optional = "true" if source["secret"].get("optional") else "false"
            lines.append(f"    SecretName:\t{source['secret'].get('name', '')}\n"
                         f"    Optional:\t{optional}\n")
        elif source.get("downwardAPI") is not None:
            lines.append("    DownwardAPI:\ttrue\n")
        elif source.get("configMap") is not None:
            optional = "true" if source["configMap"].get("optional") else "false"
            lines.append(f"    ConfigMapName:\t{source['configMap'].get('name', '')}\n"
                         f"    Optional:\t{optional}\n")
        elif source.get("serviceAccountToken") is not None:
            seconds = source["serviceAccountToken"].get("expirationSeconds", 0)
            lines.append(f"    TokenExpirationSeconds:\t{seconds}\n")
    return "".join(lines)


def _date(timestamp: str | None) -> str:
    return rfc1123z(timestamp) if timestamp else "Mon, 01 Jan 0001 00:00:00 +0000"
