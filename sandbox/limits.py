"""The numbers that bound one learner's sandbox, in one place an operator can change.

Every check in the policy modules reads its limits from a `Limits` value
passed in by the caller, so a test or an operator can tighten or loosen one
number without touching the checks; `DEFAULT_LIMITS` holds the course's values.
"""

from __future__ import annotations

from dataclasses import dataclass

# Images known to be used for abuse of shared clusters (crypto miners), by repository.
DEFAULT_IMAGE_DENYLIST: tuple[str, ...] = (
    "xmrig/xmrig",
    "metal3d/xmrig",
    "minerboy/xmrig",
    "ghcr.io/xmrig/xmrig",
    "kannix/monero-miner",
    "pmietlicki/monero-miner",
)


@dataclass(frozen=True)
class Limits:
    """Configurable limits of the sandbox policy.

    Attributes:
        max_replicas: the most replicas a Deployment or ReplicaSet may ask for.
        max_objects: the most objects a learner may keep in their namespace.
        max_yaml_bytes: the largest YAML a message may carry (UTF-8 bytes).
        max_documents: the most YAML documents in one message.
        max_depth: the deepest nesting of mappings and lists in a document.
        max_message_bytes: the largest message looked at at all (UTF-8 bytes).
        commands_per_minute: commands a learner may run in any 60 seconds.
        rate_window_seconds: the length of that sliding window.
        image_denylist: images refused in pod specs: a repository (`xmrig/xmrig`,
            any tag or digest), a repository with a tag or digest (`busybox:1.36`),
            or a registry or repository prefix ending in `/*` (`evil.example.com/*`).
    """

    max_replicas: int = 5
    max_objects: int = 20
    max_yaml_bytes: int = 16 * 1024
    max_documents: int = 10
    max_depth: int = 20
    max_message_bytes: int = 20 * 1024
    commands_per_minute: int = 20
    rate_window_seconds: float = 60.0
    image_denylist: tuple[str, ...] = DEFAULT_IMAGE_DENYLIST


DEFAULT_LIMITS = Limits()
