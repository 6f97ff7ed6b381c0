"""A parsed command: what the learner asked for, in kubectl's own terms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sandbox.commandline.resources import ResourceType

FlagValue = str | bool | tuple[str, ...]


@dataclass(frozen=True)
class Target:
    """One resource reference: `pods x` gives (pods, "x"), `pods` alone (pods, None).

    A category (`all`) has no single resource: its target carries the category's
    name, and the executor expands it to the kinds the learner may see.
    """

    resource: ResourceType | None
    name: str | None
    category: str | None = None


@dataclass(frozen=True)
class Command:
    """A kubectl or minikube command line, parsed but not judged.

    Attributes:
        program: "kubectl" (also for `k`) or "minikube".
        verb: the command path by canonical name: ("get",), ("create", "deployment"),
            ("rollout", "status"), ("addons", "enable"); () for a bare `kubectl`.
        targets: resource references, in the order typed.
        flags: by canonical long name (`-o` is "output"); booleans as bool, lists
            (repeatable flags) as tuples, everything else as the text given.
        args: other positional arguments (run's NAME, label updates, set image's
            container=image, words after `--`).
        stdin: the text after the command line (YAML for `-f -`), unfenced.
        raw: the command text as received.
    """

    program: Literal["kubectl", "minikube"]
    verb: tuple[str, ...]
    targets: tuple[Target, ...]
    flags: Mapping[str, FlagValue]
    args: tuple[str, ...]
    stdin: str | None
    raw: str
