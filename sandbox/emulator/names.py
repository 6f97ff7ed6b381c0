"""Generated names and hashes, in the alphabet and shapes Kubernetes uses.

A Deployment's ReplicaSet is `<deployment>-<pod-template-hash>` and its pods are
`<replicaset>-<5 random characters>`; both draw on k8s.io/apimachinery/pkg/util/rand's
alphabet, which leaves out vowels and look-alike characters so no words are spelled.
"""

from __future__ import annotations

import json
import random
from typing import Any

SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"
_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193


def safe_encode(text: str) -> str:
    """rand.SafeEncodeString: map every character onto the safe alphabet."""
    return "".join(SAFE_ALPHABET[ord(ch) % len(SAFE_ALPHABET)] for ch in text)


def _fnv32a(data: bytes) -> int:
    value = _FNV_OFFSET
    for byte in data:
        value ^= byte
        value = (value * _FNV_PRIME) & 0xFFFFFFFF
    return value


def pod_template_hash(template: dict[str, Any], collision_count: int | None = None) -> str:
    """The pod-template-hash of a Deployment's template, as controller.ComputeHash shapes it.

    FNV-32a over the template (serialised canonically, so the same template always gives
    the same hash), with the collision count mixed in, then the decimal digits of the hash
    encoded into the safe alphabet: "5d9c7b8f6d" and the like.
    """
    data = json.dumps(template, sort_keys=True, separators=(",", ":")).encode()
    if collision_count is not None:
        data += collision_count.to_bytes(4, "little")
    return safe_encode(str(_fnv32a(data)))


def random_suffix(length: int = 5, rng: random.Random | None = None) -> str:
    """rand.String: `length` characters of the safe alphabet, as generateName appends."""
    chooser = rng or random
    return "".join(chooser.choice(SAFE_ALPHABET) for _ in range(length))
