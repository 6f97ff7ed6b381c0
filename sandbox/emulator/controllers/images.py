"""What pulling an image does on the simulated node.

There is no registry behind the emulator, so whether an image exists is decided by its
reference alone:

- a reference that is not a valid image name (upper-case letters, spaces, a stray ":" ...)
  fails at once with InvalidImageName, as the kubelet does;
- a reference whose repository path or tag contains one of the words "doesnotexist",
  "nonexistent", "notexist", "invalid" or "nosuchimage" cannot be pulled: ErrImagePull,
  then ImagePullBackOff, with the Docker daemon's messages (a missing repository gets
  "pull access denied", a missing tag on a real-looking repository "manifest unknown");
- every other reference pulls successfully.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_UNPULLABLE = ("doesnotexist", "nonexistent", "notexist", "invalid", "nosuchimage")
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN = r"(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*(?::[0-9]+)?/)?"
_REFERENCE = re.compile(
    rf"^{_DOMAIN}{_COMPONENT}(?:/{_COMPONENT})*(?::[\w][\w.-]{{0,127}})?(?:@sha256:[0-9a-f]{{64}})?$"
)


@dataclass(frozen=True)
class Image:
    """An image reference split into the parts the kubelet and Docker report."""

    reference: str
    repository: str
    tag: str

    @property
    def valid(self) -> bool:
        """Whether the reference parses as a Docker image name."""
        return bool(_REFERENCE.match(self.reference))

    @property
    def pullable(self) -> bool:
        """Whether a pull would find the image (see the module rules)."""
        return self.valid and not any(w in self.reference.lower() for w in _UNPULLABLE)

    @property
    def shown(self) -> str:
        """The image as containerStatuses[].image shows it: with a tag."""
        return f"{self.repository}:{self.tag}"

    @property
    def image_id(self) -> str:
        """A stable docker-pullable image ID."""
        digest = hashlib.sha256(self.shown.encode()).hexdigest()
        return f"docker-pullable://{self.repository}@sha256:{digest}"

    @property
    def size(self) -> int:
        """A plausible, stable image size in bytes."""
        return 40_000_000 + int(hashlib.sha256(self.reference.encode()).hexdigest()[:6], 16) * 8

    def pull_error(self) -> str:
        """The Docker daemon's answer to pulling an image that does not exist."""
        if not any(w in self.repository.lower() for w in _UNPULLABLE):
            return (f"Error response from daemon: manifest for {self.shown} not found: "
                    "manifest unknown: manifest unknown")
        name = self.repository.removeprefix("docker.io/").removeprefix("library/")
        return (f"Error response from daemon: pull access denied for {name}, repository does "
                "not exist or may require 'docker login': denied: requested access to the "
                "resource is denied")


def parse_image(reference: str) -> Image:
    """Split `reference` into repository and tag (default "latest")."""
    without_digest = reference.split("@", 1)[0]
    slash = without_digest.rfind("/")
    colon = without_digest.rfind(":")
    if colon > slash:
        return Image(reference, without_digest[:colon], without_digest[colon + 1:])
    return Image(reference, without_digest, "latest")


def go_duration(seconds: float) -> str:
    """A short duration as Go's time.Duration prints it ("1.2s", "812ms")."""
    if seconds <= 0:
        return "0s"
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    return f"{round(seconds, 3):g}s"
