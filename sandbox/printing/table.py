"""Server-side Tables printed as `kubectl get` prints them.

kubectl asks the API server for `as=Table` and prints the columns it is given:
names upper-cased, priority-1 columns only with `-o wide`, optional NAMESPACE
first and LABELS last, `kind/` before the name when several kinds are printed
(`get all`), then a tabwriter with at least 6 columns per cell and 3 spaces of
padding (k8s.io/cli-runtime printers/tableprinter.go).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sandbox.printing.tabwriter import tabwrite

_MIN_WIDTH = 6
_PADDING = 3


@dataclass(frozen=True)
class TablePart:
    """One kind's table in a multi-kind listing, with the prefix for its names."""

    table: Mapping[str, Any]
    kind_prefix: str | None = None


def print_table(table: Mapping[str, Any], *, wide: bool = False, show_labels: bool = False,
                no_headers: bool = False, with_namespace: bool = False,
                kind_prefix: str | None = None, label_columns: Sequence[str] = (),
                remembered: list[int] | None = None) -> str:
    """Render one server-side Table (meta.k8s.io/v1) exactly as kubectl 1.32 does.

    Args:
        table: the Table JSON the server returned for `as=Table;v=v1;g=meta.k8s.io`.
        wide: `-o wide`: include priority-1 columns.
        show_labels: `--show-labels`: a LABELS column from each row's metadata.
        no_headers: `--no-headers`.
        with_namespace: `-A`: a NAMESPACE column first.
        kind_prefix: e.g. "deployment.apps" to print names as `deployment.apps/x`
            (kubectl does so when several kinds are listed).
        label_columns: `-L key` columns, in order.
        remembered: column widths kept from the tables printed before on the same
            output (`get -w`), updated in place; see `tabwrite`.

    Returns:
        The text with a trailing newline, or "" when the table has no rows (kubectl
        then prints nothing, not even headers; see `no_resources_found`).
    """
    return tabwrite(_tab_text(table, wide=wide, show_labels=show_labels, no_headers=no_headers,
                              with_namespace=with_namespace, kind_prefix=kind_prefix,
                              label_columns=label_columns),
                    minwidth=_MIN_WIDTH, padding=_PADDING, remembered=remembered)


def print_tables(parts: Sequence[TablePart], *, wide: bool = False, show_labels: bool = False,
                 no_headers: bool = False, with_namespace: bool = False,
                 label_columns: Sequence[str] = ()) -> str:
    """Render several kinds' tables as `kubectl get all` or `get pods,svc` does.

    Each kind is aligned on its own; a blank line separates kinds that printed rows,
    unless headers are off. Kinds with no rows print nothing.
    """
    printed: list[str] = []
    for part in parts:
        text = print_table(part.table, wide=wide, show_labels=show_labels,
                           no_headers=no_headers, with_namespace=with_namespace,
                           kind_prefix=part.kind_prefix, label_columns=label_columns)
        if text:
            printed.append(text)
    return ("" if no_headers else "\n").join(printed)


def _tab_text(table: Mapping[str, Any], *, wide: bool, show_labels: bool, no_headers: bool,
              with_namespace: bool, kind_prefix: str | None,
              label_columns: Sequence[str]) -> str:
    rows: list[Mapping[str, Any]] = list(table.get("rows") or [])
    if not rows:
        return ""
    definitions: list[Mapping[str, Any]] = list(table.get("columnDefinitions") or [])
    shown = [i for i, column in enumerate(definitions)
             if wide or int(column.get("priority", 0)) == 0]
    name_column = _name_column(definitions) if kind_prefix else None
    lines: list[str] = []
    if not no_headers:
        header = [str(definitions[i].get("name", "")).upper() for i in shown]
        if with_namespace:
            header.insert(0, "NAMESPACE")
        header += [_label_header(key) for key in label_columns]
        if show_labels:
            header.append("LABELS")
        lines.append("\t".join(header))
    for row in rows:
        cells: list[Any] = list(row.get("cells") or [])
        metadata: Mapping[str, Any] = (row.get("object") or {}).get("metadata") or {}
        labels: Mapping[str, str] = metadata.get("labels") or {}
        texts = [_cell(cells[i], f"{kind_prefix}/" if i == name_column else "")
                 for i in shown if i < len(cells)]
        if with_namespace:
            texts.insert(0, _escape(str(metadata.get("namespace", ""))))
        texts += [_escape(labels.get(key, "")) for key in label_columns]
        if show_labels:
            texts.append(_escape(format_labels(labels)))
        lines.append("\t".join(texts))
    return "\n".join(lines) + "\n"


def format_labels(labels: Mapping[str, str]) -> str:
    """`k=v` pairs sorted by key and joined by commas, or `<none>` (labels.FormatLabels)."""
    if not labels:
        return "<none>"
    return ",".join(f"{key}={labels[key]}" for key in sorted(labels))


def _name_column(definitions: Sequence[Mapping[str, Any]]) -> int | None:
    for index, column in enumerate(definitions):
        if column.get("format") == "name" and column.get("type") == "string":
            return index
    return None


def _label_header(key: str) -> str:
    return key.rsplit("/", 1)[-1].upper()


def _cell(value: Any, prefix: str) -> str:
    """One cell as Go's fmt prints it, cut at the first line break as kubectl does."""
    if value is None:
        return prefix if prefix else ""
    if isinstance(value, str):
        for index, char in enumerate(value):
            if char in "\f\n\r":
                return _escape(prefix + value[:index]) + "..."
        return _escape(prefix + value)
    return _escape(prefix + go_sprint(value))


def go_sprint(value: Any) -> str:
    """A JSON value as Go's fmt.Sprint shows it (true, 3, 1.5, [a b], map[k:v])."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, list):
        return "[" + " ".join(go_sprint(item) for item in value) + "]"
    if isinstance(value, dict):
        return "map[" + " ".join(f"{k}:{go_sprint(value[k])}" for k in sorted(value)) + "]"
    if value is None:
        return "<nil>"
    return str(value)


def _escape(text: str) -> str:
    """Terminal control characters made visible (printers.EscapeTerminal)."""
    return text.replace("\x1b", "^[").replace("\r", "\\r")
