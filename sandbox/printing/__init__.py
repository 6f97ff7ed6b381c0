"""kubectl's output, printed from what the API server returns: pure functions, no I/O.

The executor fetches server-side Tables, objects, events and Status errors with the
official client and hands them here; every function returns the exact text kubectl
1.32 would print for the same data, trailing newline included.
"""

from sandbox.printing.actions import (
    api_group,
    deleted,
    done,
    kind_ref,
    label_operation,
    object_ref,
    resource_ref,
    skipped_rollback,
)
from sandbox.printing.describe import join_pages
from sandbox.printing.describe_pod import describe_pod
from sandbox.printing.describe_service import describe_service, endpoints_text
from sandbox.printing.describe_workloads import describe_deployment, describe_replicaset
from sandbox.printing.empty import no_resources_found
from sandbox.printing.errors import (
    client_error,
    connection_refused,
    failed_to_create,
    server_error,
    unable_to_connect,
    with_source,
)
from sandbox.printing.formats import as_list, to_json, to_names, to_yaml, with_type
from sandbox.printing.rollout import (
    RolloutStatus,
    rollout_history,
    rollout_history_revision,
    rollout_status,
    rollout_status_lines,
)
from sandbox.printing.table import TablePart, format_labels, print_table, print_tables

__all__ = [
    "RolloutStatus",
    "TablePart",
    "api_group",
    "as_list",
    "client_error",
    "connection_refused",
    "deleted",
    "describe_deployment",
    "describe_pod",
    "describe_replicaset",
    "describe_service",
    "done",
    "endpoints_text",
    "failed_to_create",
    "format_labels",
    "join_pages",
    "kind_ref",
    "label_operation",
    "no_resources_found",
    "object_ref",
    "print_table",
    "print_tables",
    "resource_ref",
    "rollout_history",
    "rollout_history_revision",
    "rollout_status",
    "rollout_status_lines",
    "server_error",
    "skipped_rollback",
    "to_json",
    "to_names",
    "to_yaml",
    "unable_to_connect",
    "with_source",
    "with_type",
]
