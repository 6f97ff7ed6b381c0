"""Resource arguments (`pods x y`, `deploy/x`, `pod/x svc/y`, `pods,deploy`, `all`) as targets.

The rules and error texts are kubectl's resource builder's: either every
argument is TYPE/NAME, or the first is a comma-separated list of types and the
rest are names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from sandbox.commandline.command import Target
from sandbox.commandline.errors import CommandSyntaxError
from sandbox.commandline.resources import CATEGORIES, ResourceType, lookup_resource

_MIXED = (
    "error: there is no need to specify a resource type as a separate argument when passing "
    "arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of "
    "'kubectl get resource resource/<resource_name>'"
)
_ONE_SLASH = "error: arguments in resource/name form may not have more than one slash"
_ONE_RESOURCE = "error: you must specify only one resource"
_SINGLE = "error: arguments in resource/name form must have a single resource and name"


def resource_targets(args: Sequence[str]) -> tuple[Target, ...]:
    """Targets named by resource arguments, in the order kubectl visits them.

    Raises:
        CommandSyntaxError: kubectl's error for a malformed argument, an unknown
            type, or a name no Kubernetes object can have.
    """
    if not args:
        return ()
    slashed = sum("/" in arg for arg in args)
    if slashed and slashed != len(args):
        raise CommandSyntaxError(_MIXED)
    if slashed:
        return tuple(_slashed(arg) for arg in args)
    kinds = args[0].split(",")
    if any(not kind for kind in kinds):
        raise CommandSyntaxError(_SINGLE)
    if len(args) == 1:
        return tuple(Target(None, None, category=kind) if kind in CATEGORIES
                     else Target(lookup_resource(kind), None) for kind in kinds)
    if len(kinds) == 1 and kinds[0] in CATEGORIES:
        # kubectl expands the category into several types, then refuses names for them.
        raise CommandSyntaxError(_ONE_RESOURCE)
    resources = [lookup_resource(kind) for kind in kinds]
    names = [checked_name(name) for name in args[1:]]
    return tuple(Target(resource, name) for resource in resources for name in names)


def _slashed(arg: str) -> Target:
    kind, _, name = arg.partition("/")
    if "/" in name:
        raise CommandSyntaxError(_ONE_SLASH)
    if not kind or not name:
        raise CommandSyntaxError(_SINGLE)
    return Target(lookup_resource(kind), checked_name(name))


def typed_target(resource: ResourceType, name: str) -> Target:
    """A target whose type the command implies (`create deployment NAME`, `logs POD`)."""
    return Target(resource, checked_name(name))


def checked_name(name: str) -> str:
    """`name` itself, if it is printable ASCII as every Kubernetes name is.

    Full DNS-1123 rules belong to the server (and the sandbox policy); this only
    stops names that could never match anything, such as full-width letters or
    Cyrillic look-alikes, with a clear word instead of a confusing NotFound.

    Raises:
        CommandSyntaxError: for a name with non-ASCII or invisible characters.
    """
    if name and name.isascii() and name.isprintable() and " " not in name:
        return name
    plain = unicodedata.normalize("NFKC", name)
    hint = f'did you mean "{plain}"?' if plain != name and plain.isascii() else None
    raise CommandSyntaxError(
        f'error: invalid resource name "{name}": Kubernetes names use only lowercase ASCII '
        "letters, digits, '-' and '.'",
        hint,
    )
