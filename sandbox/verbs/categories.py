"""Categories (`kubectl get all`) expanded to the kinds a learner may see.

kubectl expands `all` through the server's discovery into every kind of the
category (pods, replicationcontrollers, services, daemonsets, deployments,
replicasets, statefulsets, horizontalpodautoscalers, cronjobs, jobs on
Kubernetes 1.32). The sandbox keeps the ones the learner may read (or change,
for a writing verb), so `get all` lists what the learner's namespace can hold
rather than Forbidden errors for kinds the course never uses.
"""

from __future__ import annotations

from dataclasses import replace

from sandbox.allowed_kinds import READABLE_PLURALS, WRITABLE_PLURALS
from sandbox.commandline import Command, Target
from sandbox.commandline.resources import CATEGORIES
from sandbox.policy_rules import READ_VERBS


def expand_categories(command: Command) -> Command:
    """`command` with each category target replaced by the kinds the learner may use."""
    if all(target.category is None for target in command.targets):
        return command
    allowed = READABLE_PLURALS if command.verb in READ_VERBS else WRITABLE_PLURALS
    targets: list[Target] = []
    for target in command.targets:
        if target.category is None:
            targets.append(target)
            continue
        targets.extend(Target(resource, None) for resource in CATEGORIES[target.category]
                       if resource.plural in allowed)
    return replace(command, targets=tuple(targets))
