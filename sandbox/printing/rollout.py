"""`kubectl rollout status` and `kubectl rollout history` for Deployments.

Status lines follow polymorphichelpers' DeploymentStatusViewer; history follows
DeploymentHistoryViewer: the revisions of the ReplicaSets the Deployment controls,
with their change-cause annotations, aligned by a tabwriter (padding 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sandbox.printing.actions import resource_ref
from sandbox.printing.describe import Page
from sandbox.printing.describe_containers import pod_template_block
from sandbox.printing.tabwriter import tabwrite

REVISION_ANNOTATION = "deployment.kubernetes.io/revision"
CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause"


@dataclass(frozen=True)
class RolloutStatus:
    """One look at a Deployment's rollout.

    Attributes:
        message: the line kubectl prints, with its newline; for a failed rollout,
            the whole error line (`error: deployment "x" exceeded its progress deadline`).
        done: the rollout finished (kubectl stops watching and exits 0).
        failed: the rollout cannot finish (kubectl exits 1).
    """

    message: str
    done: bool
    failed: bool = False


def rollout_status(deployment: Mapping[str, Any]) -> RolloutStatus:
    """What `kubectl rollout status deployment/x` prints for the Deployment as it is now."""
    name = deployment["metadata"]["name"]
    spec: Mapping[str, Any] = deployment.get("spec") or {}
    status: Mapping[str, Any] = deployment.get("status") or {}
    generation = int(deployment["metadata"].get("generation", 0))
    if generation > int(status.get("observedGeneration", 0)):
        return RolloutStatus("Waiting for deployment spec update to be observed...\n", False)
    for condition in status.get("conditions") or []:
        if condition.get("type") == "Progressing" and \
                condition.get("reason") == "ProgressDeadlineExceeded":
            return RolloutStatus(f'error: deployment "{name}" exceeded its progress deadline\n',
                                 False, failed=True)
    updated = int(status.get("updatedReplicas", 0))
    replicas = int(status.get("replicas", 0))
    available = int(status.get("availableReplicas", 0))
    wanted = spec.get("replicas")
    prefix = f'Waiting for deployment "{name}" rollout to finish: '
    if wanted is not None and updated < int(wanted):
        return RolloutStatus(f"{prefix}{updated} out of {wanted} new replicas have been "
                             "updated...\n", False)
    if replicas > updated:
        return RolloutStatus(f"{prefix}{replicas - updated} old replicas are pending "
                             "termination...\n", False)
    if available < updated:
        return RolloutStatus(f"{prefix}{available} of {updated} updated replicas are "
                             "available...\n", False)
    return RolloutStatus(f'deployment "{name}" successfully rolled out\n', True)


def rollout_status_lines(observations: Iterable[Mapping[str, Any]]) -> str:
    """The lines `rollout status` prints while watching: each new message once, in order.

    Args:
        observations: the Deployment as seen at each watch event, oldest first; the
            caller stops after the first one that is done or failed.
    """
    lines: list[str] = []
    for deployment in observations:
        message = rollout_status(deployment).message
        if not lines or lines[-1] != message:
            lines.append(message)
    return "".join(lines)


def revisions(deployment: Mapping[str, Any],
              replicasets: Iterable[Mapping[str, Any]]) -> dict[int, Mapping[str, Any]]:
    """The Deployment's ReplicaSets by revision, as kubectl's history viewer finds them."""
    uid = deployment["metadata"].get("uid")
    found: dict[int, Mapping[str, Any]] = {}
    for rs in replicasets:
        owners = rs["metadata"].get("ownerReferences") or []
        if not any(o.get("controller") and o.get("uid") == uid for o in owners):
            continue
        found[int((rs["metadata"].get("annotations") or {}).get(REVISION_ANNOTATION, "0"))] = rs
    return found


def rollout_history(deployment: Mapping[str, Any],
                    replicasets: Sequence[Mapping[str, Any]]) -> str:
    """`kubectl rollout history deployment/x`: the header line, then REVISION/CHANGE-CAUSE.

    Args:
        deployment: the Deployment object.
        replicasets: the ReplicaSets of its namespace (those it controls are picked out).
    """
    history = revisions(deployment, replicasets)
    head = resource_ref("Deployment", "apps", deployment["metadata"]["name"]) + " \n"
    if not history:
        return head + "No rollout history found.\n"
    text = "REVISION\tCHANGE-CAUSE\n" + "".join(
        f"{number}\t{_change_cause(history[number]) or '<none>'}\n" for number in sorted(history))
    return head + tabwrite(text, minwidth=0, padding=2) + "\n"


def rollout_history_revision(deployment: Mapping[str, Any],
                             replicasets: Sequence[Mapping[str, Any]], revision: int) -> str:
    """`kubectl rollout history deployment/x --revision=N`: that revision's pod template.

    kubectl prints this template without aligning it, tabs and all. Returns kubectl's
    error line when the revision is not in the history.
    """
    history = revisions(deployment, replicasets)
    if revision not in history:
        return "error: unable to find the specified revision\n"
    template = dict((history[revision].get("spec") or {}).get("template") or {})
    cause = _change_cause(history[revision])
    if cause:
        metadata = dict(template.get("metadata") or {})
        metadata["annotations"] = {**(metadata.get("annotations") or {}),
                                   CHANGE_CAUSE_ANNOTATION: cause}
        template["metadata"] = metadata
    page = Page()
    pod_template_block(page, template)
    head = resource_ref("Deployment", "apps", deployment["metadata"]["name"])
    return f"{head} with revision #{revision}\n{page.unaligned()}\n"


def _change_cause(rs: Mapping[str, Any]) -> str:
    return str((rs["metadata"].get("annotations") or {}).get(CHANGE_CAUSE_ANNOTATION, ""))
