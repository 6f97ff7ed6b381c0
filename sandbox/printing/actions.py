"""The one-line results kubectl prints after changing something.

`deployment.apps/x created`, `deployment.apps "x" deleted`, `pod/x labeled` ...:
kubectl names an object by its lower-case kind, its API group (none for the core
group) and its name (printers.NamePrinter, delete.go's PrintObj).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

DryRun = Literal["client", "server"] | None
_DRY_RUN_SUFFIX = {"client": " (dry run)", "server": " (server dry run)", None: ""}


def kind_ref(kind: str, group: str) -> str:
    """`deployment.apps` for apps/Deployment, `pod` for core Pod."""
    return f"{kind.lower()}.{group}" if group else kind.lower()


def resource_ref(kind: str, group: str, name: str) -> str:
    """`deployment.apps/x`: what `-o name` prints and what action results start with."""
    return f"{kind_ref(kind, group)}/{name}"


def api_group(api_version: str) -> str:
    """The group part of an apiVersion: "apps" for apps/v1, "" for v1."""
    return api_version.rpartition("/")[0]


def object_ref(obj: Mapping[str, Any]) -> str:
    """`resource_ref` for an object with apiVersion, kind and metadata.name."""
    return resource_ref(str(obj.get("kind", "")), api_group(str(obj.get("apiVersion", ""))),
                        str((obj.get("metadata") or {}).get("name", "")))


def done(kind: str, group: str, name: str, operation: str, *, dry_run: DryRun = None) -> str:
    """An action's result line: `deployment.apps/x created`.

    Args:
        kind: the object's kind, e.g. "Deployment".
        group: its API group, "" for the core group.
        name: the object's name.
        operation: what kubectl says it did: "created", "configured", "unchanged",
            "scaled", "exposed", "image updated", "labeled", "not labeled", "unlabeled",
            "annotated", "restarted", "rolled back", "patched", "replaced".
        dry_run: "client" or "server" for `--dry-run`.
    """
    return f"{resource_ref(kind, group, name)} {operation}{_DRY_RUN_SUFFIX[dry_run]}\n"


def deleted(kind: str, group: str, name: str, *, dry_run: DryRun = None,
            force: bool = False) -> str:
    """`deployment.apps "x" deleted`, as `kubectl delete` prints each object."""
    operation = "force deleted" if force else "deleted"
    return f'{kind_ref(kind, group)} "{name}" {operation}{_DRY_RUN_SUFFIX[dry_run]}\n'


def label_operation(before: Mapping[str, str], after: Mapping[str, str], *,
                    overwrite: bool = False) -> str:
    """"labeled", "unlabeled" or "not labeled", as `kubectl label` decides it.

    kubectl compares the object's JSON before and after: unchanged is "not labeled";
    smaller without --overwrite is "unlabeled" (a key was removed); else "labeled".
    """
    if dict(before) == dict(after):
        return "not labeled"
    if not overwrite and len(_go_json(after)) < len(_go_json(before)):
        return "unlabeled"
    return "labeled"


def skipped_rollback(kind: str, group: str, name: str, revision: int) -> str:
    """`rollout undo` to the template already running."""
    return (f"{resource_ref(kind, group, name)} skipped rollback (current template already "
            f"matches revision {revision})\n")


def _go_json(labels: Mapping[str, str]) -> bytes:
    return json.dumps(dict(sorted(labels.items())), separators=(",", ":"),
                      ensure_ascii=False).encode()
