"""Container image references, read as the container runtime reads them, and the deny list.

`nginx`, `docker.io/nginx`, `index.docker.io/library/nginx:latest` and
`nginx@sha256:...` all name the same repository, so a deny-list entry must
match each of them: references are normalised the way the Docker reference
library does (default registry `docker.io`, default namespace `library`)
before they are compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sandbox.object_names import foreign_character
from sandbox.refusals import CommandRefused

_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN_PART = r"[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
_DOMAIN = rf"{_DOMAIN_PART}(?:\.{_DOMAIN_PART})*(?::[0-9]+)?"
_REFERENCE = re.compile(
    rf"(?:(?P<domain>{_DOMAIN})/)?(?P<path>{_COMPONENT}(?:/{_COMPONENT})*)"
    r"(?::(?P<tag>[\w][\w.-]{0,127}))?"
    r"(?:@(?P<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?"
)
_PATH = re.compile(rf"{_COMPONENT}(?:/{_COMPONENT})*")
_DEFAULT_DOMAIN = "docker.io"
_LONGEST_NAME = 255


@dataclass(frozen=True)
class ImageReference:
    """A normalised image reference: `docker.io/library/nginx`, tag `1.27`, no digest."""

    repository: str
    tag: str | None
    digest: str | None


def parse_image(image: str) -> ImageReference:
    """Read `image` as a container runtime would, normalising the registry and namespace.

    Raises:
        CommandRefused: "invalid_image" for anything that is not an image reference.
    """
    foreign = foreign_character(image)
    if foreign is not None:
        raise CommandRefused("invalid_image", image=image, problem=f"it contains {foreign}")
    match = _REFERENCE.fullmatch(image)
    if match is None or not image:
        raise CommandRefused(
            "invalid_image", image=image, problem="invalid reference format"
        )
    domain, path = match["domain"], match["path"]
    if domain is not None and not _is_registry(domain):
        # `bravecat81/playground`: the first part is a Docker Hub account, not a registry.
        path, domain = f"{domain}/{path}", None
        if _PATH.fullmatch(path) is None:
            raise CommandRefused(
                "invalid_image", image=image, problem="repository name must be lowercase"
            )
    domain = _DEFAULT_DOMAIN if domain in (None, "index.docker.io") else domain
    if domain == _DEFAULT_DOMAIN and "/" not in path:
        path = f"library/{path}"
    repository = f"{domain}/{path}"
    if len(repository) > _LONGEST_NAME:
        raise CommandRefused(
            "invalid_image", image=image, problem="repository name must not be more than 255 "
            "characters"
        )
    return ImageReference(repository, match["tag"], match["digest"])


def _is_registry(first: str) -> bool:
    return "." in first or ":" in first or first == "localhost"


def check_image(image: str, denylist: Sequence[str]) -> None:
    """Refuse an invalid image, or one the deny list names.

    A deny-list entry names a repository (any tag or digest matches), a
    repository with a tag or digest (only that one matches), or a prefix ending
    in `/*` (`evil.example.com/*`, `docker.io/someone/*`).

    Raises:
        CommandRefused: "invalid_image" or "image_denied".
    """
    reference = parse_image(image)
    for rule in denylist:
        if _matches(reference, rule):
            raise CommandRefused("image_denied", image=image, rule=rule)


def _matches(reference: ImageReference, rule: str) -> bool:
    if rule.endswith("/*"):
        prefix = rule[:-2]
        canonical = prefix if _is_registry(prefix.split("/", 1)[0]) else f"docker.io/{prefix}"
        return reference.repository.startswith(f"{canonical}/")
    denied = parse_image(rule)
    if denied.repository != reference.repository:
        return False
    if denied.tag is not None and denied.tag != reference.tag:
        return False
    return denied.digest is None or denied.digest == reference.digest
