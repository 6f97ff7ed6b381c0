"""kubectl's command tree: every command it knows, and the flags of those the sandbox runs.

Commands are listed in the order kubectl registers them, because cobra offers
suggestions in that order (`gett` suggests `set` before `get`). Flag tables are
copied from `kubectl <command> --help` of kubectl 1.32. Commands the sandbox
refuses (exec, drain, ...) carry no table: they are parsed loosely, just well
enough for the refusal to name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sandbox.commandline.flagspec import FlagSpec, specs

Shape = Literal[
    "resources",  # TYPE NAME..., TYPE/NAME..., TYPE1,TYPE2
    "resources+updates",  # resources followed by k=v / k- updates (label, annotate, set image)
    "named",  # exactly one NAME of the type the command creates
    "run",  # NAME [-- COMMAND ARGS...]
    "logs",  # POD | TYPE/NAME [CONTAINER]
    "explain",  # TYPE[.FIELD...]
    "names",  # optional plain names (config get-contexts)
    "none",  # no positional arguments
    "loose",  # a command the sandbox does not run: arguments kept as typed
]


@dataclass(frozen=True)
class CommandNode:
    """One kubectl command: its name, aliases, flags, subcommands and argument shape.

    `flags` is None for commands the sandbox does not model; `runnable` is False
    for groups such as `rollout` that only hold subcommands; `creates` names the
    resource type a `create <kind>` command makes.
    """

    name: str
    shape: Shape = "loose"
    flags: tuple[FlagSpec, ...] | None = None
    children: tuple[CommandNode, ...] = ()
    aliases: tuple[str, ...] = ()
    runnable: bool = True
    creates: str | None = None

    def child(self, word: str) -> CommandNode | None:
        """The subcommand called `word` (by name or alias), if there is one."""
        for node in self.children:
            if word == node.name or word in node.aliases:
                return node
        return None


GLOBAL_FLAGS = specs(
    "--as='' --as-group=[] --as-uid='' --cache-dir='/root/.kube/cache' "
    "--certificate-authority='' --client-certificate='' --client-key='' --cluster='' "
    "--context='' --disable-compression=false --insecure-skip-tls-verify=false "
    "--kubeconfig='' --log-flush-frequency=5s --match-server-version=false "
    "-n, --namespace='' --password='' --profile='none' --profile-output='profile.pprof' "
    "--request-timeout='0' -s, --server='' --tls-server-name='' --token='' --user='' "
    "--username='' -v, --v=0 --vmodule='' --warnings-as-errors=false"
)

_PRINT = (
    "--allow-missing-template-keys=true -o, --output='' --show-managed-fields=false --template=''"
)
_FILES = "-f, --filename=[] -k, --kustomize='' -R, --recursive=false"
_DRY_RUN = "--dry-run='none'"
_CREATE_SUB = (
    f"{_PRINT} {_DRY_RUN} --field-manager='kubectl-create' --save-config=false --validate='strict'"
)
_ROLLOUT_PATCH = f"{_PRINT} {_FILES} --field-manager='kubectl-rollout' -l, --selector=''"
_LABELLING = (
    f"{_PRINT} {_FILES} {_DRY_RUN} --all=false -A, --all-namespaces=false --field-selector='' "
    "--list=false --local=false --overwrite=false --resource-version='' -l, --selector=''"
)


def _node(
    name: str, shape: Shape, flags: str, *aliases: str, creates: str | None = None
) -> CommandNode:
    return CommandNode(name, shape, specs(flags), (), aliases, True, creates)


def _loose(name: str, *aliases: str) -> CommandNode:
    return CommandNode(name, aliases=aliases)


def _group(name: str, *children: CommandNode, aliases: tuple[str, ...] = ()) -> CommandNode:
    return CommandNode(name, "none", specs(""), children, aliases, runnable=False)


_SERVICE_TYPES = tuple(
    _node(kind, "named", f"{_CREATE_SUB} --tcp=[] {extra}", creates="services")
    for kind, extra in (
        ("clusterip", "--clusterip=''"),
        ("externalname", "--external-name=''"),
        ("loadbalancer", ""),
        ("nodeport", "--node-port=0"),
    )
)

_CREATE = CommandNode(
    "create",
    "none",
    specs(
        f"{_PRINT} {_FILES} {_DRY_RUN} --edit=false --field-manager='kubectl-create' --raw='' "
        "--save-config=false -l, --selector='' --validate='strict' --windows-line-endings=false"
    ),
    (
        _loose("clusterrole"),
        _loose("clusterrolebinding"),
        _node("configmap", "named", f"{_CREATE_SUB} --append-hash=false --from-env-file=[] "
              "--from-file=[] --from-literal=[]", "cm", creates="configmaps"),
        _loose("cronjob", "cj"),
        _node("deployment", "named", f"{_CREATE_SUB} --image=[] --port=-1 -r, --replicas=1",
              "deploy", creates="deployments"),
        _loose("ingress", "ing"),
        _loose("job"),
        _node("namespace", "named", _CREATE_SUB, "ns", creates="namespaces"),
        _loose("poddisruptionbudget", "pdb"),
        _loose("priorityclass", "pc"),
        _loose("quota", "resourcequota"),
        _loose("role"),
        _loose("rolebinding"),
        _loose("secret"),
        CommandNode("service", "none", specs(""), _SERVICE_TYPES, ("svc",), runnable=False),
        _loose("serviceaccount", "sa"),
        _loose("token"),
    ),
)

KUBECTL = _group(
    "kubectl",
    _CREATE,
    _node("expose", "resources", f"{_PRINT} {_FILES} {_DRY_RUN} --cluster-ip='' --external-ip='' "
          "--field-manager='kubectl-expose' -l, --labels='' --load-balancer-ip='' --name='' "
          "--override-type='merge' --overrides='' --port='' --protocol='' --save-config=false "
          "--selector='' --session-affinity='' --target-port='' --type=''"),
    _node("run", "run", f"{_PRINT} {_DRY_RUN} --annotations=[] --attach=false "
          "--cascade='background' --command=false --env=[] --expose=false "
          "--field-manager='kubectl-run' -f, --filename=[] --force=false --grace-period=-1 "
          "--image='' --image-pull-policy='' -k, --kustomize='' -l, --labels='' "
          "--leave-stdin-open=false --override-type='merge' --overrides='' "
          "--pod-running-timeout=1m0s --port='' --privileged=false -q, --quiet=false "
          "-R, --recursive=false --restart='Always' --rm=false --save-config=false "
          "-i, --stdin=false --timeout=0s -t, --tty=false --wait=false"),
    _group(
        "set",
        _loose("env"),
        _node("image", "resources+updates", f"{_PRINT} {_FILES} {_DRY_RUN} --all=false "
              "--field-manager='kubectl-set' --local=false -l, --selector=''"),
        _loose("resources"),
        _loose("selector"),
        _loose("serviceaccount", "sa"),
        _loose("subject"),
    ),
    _node("explain", "explain", "--api-version='' -o, --output='plaintext' --recursive=false"),
    _node("get", "resources", f"{_PRINT} {_FILES} -A, --all-namespaces=false --chunk-size=500 "
          "--field-selector='' --ignore-not-found=false -L, --label-columns=[] "
          "--no-headers=false --output-watch-events=false --raw='' -l, --selector='' "
          "--server-print=true --show-kind=false --show-labels=false --sort-by='' "
          "--subresource='' -w, --watch=false --watch-only=false"),
    _loose("edit"),
    _node("delete", "resources", f"{_FILES} {_DRY_RUN} --all=false -A, --all-namespaces=false "
          "--cascade='background' --field-selector='' --force=false --grace-period=-1 "
          "--ignore-not-found=false -i, --interactive=false --now=false -o, --output='' "
          "--raw='' -l, --selector='' --timeout=0s --wait=true"),
    _group(
        "rollout",
        _node("history", "resources", f"{_PRINT} {_FILES} --revision=0 -l, --selector=''"),
        _node("pause", "resources", _ROLLOUT_PATCH),
        _node("restart", "resources", _ROLLOUT_PATCH),
        _node("resume", "resources", _ROLLOUT_PATCH),
        _node("status", "resources", f"{_FILES} --revision=0 -l, --selector='' --timeout=0s "
              "-w, --watch=true"),
        _node("undo", "resources", f"{_PRINT} {_FILES} {_DRY_RUN} -l, --selector='' "
              "--to-revision=0"),
    ),
    _node("scale", "resources", f"{_PRINT} {_FILES} {_DRY_RUN} --all=false "
          "--current-replicas=-1 --replicas=0 --resource-version='' -l, --selector='' "
          "--timeout=0s"),
    _loose("autoscale"),
    _loose("certificate"),
    CommandNode("cluster-info", "none", specs(""), (_loose("dump"),)),
    _loose("top"),
    _loose("cordon"),
    _loose("uncordon"),
    _loose("drain"),
    _loose("taint"),
    _node("describe", "resources", f"{_FILES} -A, --all-namespaces=false --chunk-size=500 "
          "-l, --selector='' --show-events=true"),
    _node("logs", "logs", "--all-containers=false --all-pods=false -c, --container='' "
          "-f, --follow=false --ignore-errors=false --insecure-skip-tls-verify-backend=false "
          "--limit-bytes=0 --max-log-requests=5 --pod-running-timeout=20s --prefix=false "
          "-p, --previous=false -l, --selector='' --since=0s --since-time='' --tail=-1 "
          "--timestamps=false"),
    _loose("attach"),
    _loose("exec"),
    _loose("port-forward"),
    _loose("proxy"),
    _loose("cp"),
    _loose("auth"),
    _loose("debug"),
    _loose("events"),
    _loose("diff"),
    _node("apply", "none", f"{_PRINT} {_FILES} {_DRY_RUN} --all=false --cascade='background' "
          "--field-manager='kubectl-client-side-apply' --force=false --force-conflicts=false "
          "--grace-period=-1 --openapi-patch=true --overwrite=true --prune=false "
          "--prune-allowlist=[] -l, --selector='' --server-side=false --subresource='' "
          "--timeout=0s --validate='strict' --wait=false"),
    _loose("patch"),
    _loose("replace"),
    _loose("wait"),
    _loose("kustomize"),
    _node("label", "resources+updates", _LABELLING),
    _node("annotate", "resources+updates", _LABELLING),
    _loose("completion"),
    _loose("alpha"),
    _node("api-resources", "none", "--api-group='' --cached=false --categories=[] "
          "--namespaced=true --no-headers=false -o, --output='' --sort-by='' --verbs=[]"),
    _loose("api-versions"),
    _group(
        "config",
        _node("current-context", "none", ""),
        _loose("delete-cluster"),
        _loose("delete-context"),
        _loose("delete-user"),
        _loose("get-clusters"),
        _node("get-contexts", "names", "--no-headers=false -o, --output=''"),
        _loose("get-users"),
        _loose("rename-context"),
        _loose("set"),
        _loose("set-cluster"),
        _loose("set-context"),
        _loose("set-credentials"),
        _loose("unset"),
        _loose("use-context", "use"),
        _node("view", "none", "--allow-missing-template-keys=true -o, --output='yaml' "
              "--show-managed-fields=false --template='' --flatten=false --merge=true "
              "--minify=false --raw=false"),
    ),
    _loose("plugin"),
    _node("version", "none", "--client=false -o, --output=''"),
    _loose("options"),
    _loose("help"),
)
