"""What kubectl says when a listing matched nothing."""

from __future__ import annotations


def no_resources_found(namespace: str | None) -> str:
    """`No resources found in <ns> namespace.` for namespaced listings, else `No resources found`.

    kubectl names the namespace only when every kind asked for is namespaced and the
    listing was not across all namespaces; `delete -l` with no match says the short form.
    Only table output says it: `-o name` prints nothing, `-o json|yaml` an empty List.

    Args:
        namespace: the namespace listed, or None for cluster-scoped kinds, `-A`, and delete.
    """
    if namespace is None:
        return "No resources found\n"
    return f"No resources found in {namespace} namespace.\n"
