"""`minikube status|ip|version|dashboard|start|stop|service`, answered from the connected cluster.

The sandbox runs no minikube binary: it reads the node minikube created (its address,
its `minikube.k8s.io/*` labels) and says truthfully what the command would do here. The
node is read as the bot (learners may not read cluster-scoped objects); a learner's
Services are read as the learner.
"""

from __future__ import annotations

from sandbox.commandline import Command
from sandbox.kubeapi import ApiError, Obj, object_path
from sandbox.printing.errors import client_error
from sandbox.verbs.context import SERVICES, Context, Output, flag, path_of, switch

_TEXTS = {
    "start": {
        "en": "The cluster is already running ({where}), so there is nothing to start: in the "
              "sandbox you can go straight to kubectl, e.g. kubectl get nodes is answered "
              "for you by the course.\n",
        "ko": "클러스터가 이미 실행 중입니다({where}). 샌드박스에서는 minikube start 없이 바로 "
              "kubectl 명령을 입력하면 됩니다.\n"},
    "stop": {
        "en": "minikube stop would stop the whole cluster, which every learner shares, so the "
              "sandbox does not run it. To start over in your own namespace, use /sandbox "
              "reset.\n",
        "ko": "minikube stop은 모든 학습자가 함께 쓰는 클러스터 전체를 멈추므로 샌드박스에서는 "
              "실행하지 않습니다. 내 네임스페이스를 처음부터 다시 시작하려면 /sandbox reset을 "
              "사용하세요.\n"},
    "dashboard": {
        "en": "minikube dashboard would enable the Kubernetes Dashboard add-on and open it in "
              "your browser at http://127.0.0.1:<port>/api/v1/namespaces/kubernetes-dashboard/"
              "services/http:kubernetes-dashboard:/proxy/ . The sandbox has no browser: "
              "kubectl get all shows the same objects here.\n",
        "ko": "minikube dashboard는 Kubernetes Dashboard 애드온을 켜고 브라우저에서 "
              "http://127.0.0.1:<포트>/api/v1/namespaces/kubernetes-dashboard/services/"
              "http:kubernetes-dashboard:/proxy/ 를 엽니다. 샌드박스에는 브라우저가 없으니 "
              "kubectl get all 로 같은 오브젝트를 확인하세요.\n"},
    "browser": {
        "en": "(The sandbox cannot open a browser: on your own minikube this URL opens the "
              "service.)\n",
        "ko": "(샌드박스는 브라우저를 열 수 없습니다. 내 컴퓨터의 minikube에서는 이 URL이 "
              "서비스를 엽니다.)\n"},
}


async def status(command: Command, ctx: Context) -> Output:
    """The control plane's state as `minikube status` prints it, from the live cluster."""
    out = Output()
    node = await _node(ctx)
    running = "Running" if node is not None else "Stopped"
    name = _name(node)
    out.write(f"{name}\ntype: Control Plane\nhost: {running}\nkubelet: {_kubelet(node)}\n"
              f"apiserver: {running}\nkubeconfig: Configured\n\n")
    return out


async def ip(command: Command, ctx: Context) -> Output:
    """The node's address, as `minikube ip` prints it."""
    out = Output()
    address = _address(await _node(ctx))
    if address:
        out.write(address + "\n")
    else:
        out.fail(client_error("the cluster has no minikube node to take an address from"))
    return out


async def version(command: Command, ctx: Context) -> Output:
    """minikube's version as the node records it, and the Kubernetes version it runs."""
    out = Output()
    node = await _node(ctx)
    labels = ((node or {}).get("metadata") or {}).get("labels") or {}
    found = labels.get("minikube.k8s.io/version")
    if found:
        out.write(f"minikube version: {found}\n")
        commit = labels.get("minikube.k8s.io/commit")
        if commit and not switch(command, "short"):
            out.write(f"commit: {commit}\n")
    else:
        out.fail(client_error("this cluster was not created by minikube: no "
                              "minikube.k8s.io/version label on its node"))
    return out


async def start(command: Command, ctx: Context) -> Output:
    """Explain that the cluster is already running."""
    out = Output()
    node = await _node(ctx)
    kubelet = (((node or {}).get("status") or {}).get("nodeInfo") or {}).get("kubeletVersion")
    where = f"node {_name(node)}, Kubernetes {kubelet}" if kubelet else ctx.cluster.server
    if ctx.cluster.simulated:
        where += ", simulated"
    out.write(_TEXTS["start"][ctx.language].format(where=where))
    return out


async def stop(command: Command, ctx: Context) -> Output:
    """Refuse politely: the cluster is shared."""
    out = Output()
    out.fail(_TEXTS["stop"][ctx.language])
    return out


async def dashboard(command: Command, ctx: Context) -> Output:
    """Explain what `minikube dashboard` would open."""
    out = Output()
    out.write(_TEXTS["dashboard"][ctx.language])
    return out


async def service(command: Command, ctx: Context) -> Output:
    """The URL of one of the learner's NodePort Services, as `minikube service` finds it."""
    out = Output()
    target = command.targets[0] if command.targets else None
    if target is None or target.name is None:
        out.fail(client_error('"minikube service" requires exactly one argument: the '
                              "service name"))
        return out
    try:
        svc = await ctx.api.get(path_of(SERVICES, ctx.namespace, target.name))
    except ApiError as error:
        if error.code != 404:
            raise
        out.fail(f"❌  Exiting due to SVC_NOT_FOUND: Service '{target.name}' was not found in "
                 f"'{ctx.namespace}' namespace.\n")
        return out
    ports = [p for p in (svc.get("spec") or {}).get("ports") or [] if p.get("nodePort")]
    if not ports:
        out.write(f"😿  service {ctx.namespace}/{target.name} has no node port\n")
        return out
    address = _address(await _node(ctx)) or "127.0.0.1"
    urls = [f"http://{address}:{p['nodePort']}" for p in ports]
    if switch(command, "url") or flag(command, "format"):
        out.write("".join(url + "\n" for url in urls))
        return out
    out.write(_service_table(ctx.namespace, target.name, ports, urls))
    out.write(f"🎉  Opening service {ctx.namespace}/{target.name} in default browser...\n")
    out.write(_TEXTS["browser"][ctx.language])
    return out


def _service_table(namespace: str, name: str, ports: list[Obj], urls: list[str]) -> str:
    rows = [["NAMESPACE", "NAME", "TARGET PORT", "URL"]]
    for index, (port, url) in enumerate(zip(ports, urls, strict=True)):
        shown = f"{port.get('name')}/{port['port']}" if port.get("name") else str(port["port"])
        rows.append([namespace if index == 0 else "", name if index == 0 else "", shown, url])
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|\n"

    def line(row: list[str], header: bool) -> str:
        cells = []
        for i, cell in enumerate(row):
            if header:
                cells.append(cell.center(widths[i]))
            else:
                cells.append(cell.rjust(widths[i]) if i == 2 else cell.ljust(widths[i]))
        return "| " + " | ".join(cells) + " |\n"

    return rule + line(rows[0], True) + rule + "".join(line(r, False) for r in rows[1:]) + rule


async def _node(ctx: Context) -> Obj | None:
    try:
        found = await ctx.cluster.bot.get(object_path("nodes", "", None), {
            "labelSelector": "minikube.k8s.io/primary=true"})
        items = found.get("items") or []
        if not items:
            found = await ctx.cluster.bot.get(object_path("nodes", "", None))
            items = found.get("items") or []
    except ApiError:
        return None
    return items[0] if items else None


def _name(node: Obj | None) -> str:
    labels = ((node or {}).get("metadata") or {}).get("labels") or {}
    return str(labels.get("minikube.k8s.io/name") or (node or {}).get("metadata", {}).get(
        "name", "minikube"))


def _kubelet(node: Obj | None) -> str:
    for condition in ((node or {}).get("status") or {}).get("conditions") or []:
        if condition.get("type") == "Ready":
            return "Running" if condition.get("status") == "True" else "Stopped"
    return "Stopped"


def _address(node: Obj | None) -> str:
    for address in ((node or {}).get("status") or {}).get("addresses") or []:
        if address.get("type") == "InternalIP":
            return str(address.get("address", ""))
    return ""
