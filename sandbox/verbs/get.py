"""`kubectl get`: server-side tables, `-o wide|yaml|json|name`, selectors, and a bounded `-w`.

kubectl visits the targets in the order typed, prints one table per kind (names
prefixed `kind/` when more than one kind answered), and reports the errors it met
after the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sandbox.commandline import Command, ResourceType
from sandbox.kubeapi import JSON, TABLE, ApiError, Obj, Query
from sandbox.printing.empty import no_resources_found
from sandbox.printing.formats import as_list, to_json, to_names, to_yaml, with_type
from sandbox.printing.table import TablePart, print_table, print_tables
from sandbox.verbs.context import Context, Output, flag, kind_prefix, many, path_of, switch

_WATCH_EVENTS = 10


@dataclass
class _Kind:
    """One kind's rows (a table) or objects (for -o yaml/json/name), gathered in order."""

    resource: ResourceType
    table: Obj | None = None
    objects: list[Obj] = field(default_factory=list)
    answered: bool = False


async def get(command: Command, ctx: Context) -> Output:
    """Run `kubectl get` in the learner's namespace."""
    out = Output()
    fmt = flag(command, "output")
    structured = fmt in ("yaml", "json", "name")
    query = _selectors(command)
    kinds: dict[str, _Kind] = {}
    errors: list[ApiError] = []
    listed_only = all(t.name is None for t in command.targets)
    for target in command.targets:
        assert target.resource is not None
        gathered = kinds.setdefault(target.resource.qualified, _Kind(target.resource))
        path = path_of(target.resource, ctx.namespace, target.name)
        try:
            if structured:
                found = await ctx.api.get(path, None if target.name else query)
                gathered.objects.extend(_items(found, target.resource) if target.name is None
                                        else [found])
            else:
                table = await ctx.api.table(path, None if target.name else query)
                _merge(gathered, table)
            gathered.answered = True
        except ApiError as error:
            if not (error.code == 404 and switch(command, "ignore-not-found")):
                errors.append(error)
    printed = [k for k in kinds.values() if (k.objects if structured else _rows(k.table))]
    watching = switch(command, "watch") and len(command.targets) == 1 and not errors
    remembered: list[int] = []
    if structured:
        single = not listed_only and len(command.targets) == 1
        if not single or printed:
            out.write(print_objects([o for k in printed for o in k.objects], fmt,
                                    single=single))
    else:
        answered = sum(k.answered for k in kinds.values())
        out.write(_print(printed, command, with_kind=answered > 1,
                         remembered=remembered if watching else None))
    if not printed and listed_only and not errors and not structured and not watching:
        out.write(no_resources_found(ctx.namespace))
    for failure in errors:
        out.api_error(failure)
    if watching:
        await _watch(command, ctx, query, kinds, out, remembered=remembered,
                     headed=bool(printed))
    return out


def _selectors(command: Command) -> Query:
    query: dict[str, str] = {}
    if flag(command, "selector"):
        query["labelSelector"] = flag(command, "selector")
    if flag(command, "field-selector"):
        query["fieldSelector"] = flag(command, "field-selector")
    return query


def _items(found: Obj, resource: ResourceType) -> list[Obj]:
    api_version = f"{resource.group}/{resource.version}" if resource.group else resource.version
    return with_type(found.get("items") or [], api_version, resource.kind)


def print_objects(objects: list[Obj], fmt: str, *, single: bool) -> str:
    """`-o name|yaml|json`: one object alone when one was named, else a `kind: List`."""
    if fmt == "name":
        return to_names(objects)
    document = objects[0] if single and len(objects) == 1 else as_list(objects)
    return to_yaml(document) if fmt == "yaml" else to_json(document)


def _rows(table: Obj | None) -> list[Obj]:
    return list((table or {}).get("rows") or [])


def _merge(gathered: _Kind, table: Obj) -> None:
    if gathered.table is None:
        gathered.table = table
    else:
        gathered.table = {**gathered.table, "rows": _rows(gathered.table) + _rows(table)}


def _print(kinds: list[_Kind], command: Command, *, with_kind: bool,
           remembered: list[int] | None = None) -> str:
    """The kinds' tables; names carry `kind/` when more than one kind answered, as kubectl
    decides from what the server returned (an empty list counts, a NotFound does not).

    A watched kind's table remembers its column widths for the watch rows after it.
    """
    if remembered is not None and len(kinds) == 1:
        return print_table(kinds[0].table or {}, wide=flag(command, "output") == "wide",
                           show_labels=switch(command, "show-labels"),
                           no_headers=switch(command, "no-headers"),
                           label_columns=_label_columns(command), remembered=remembered)
    parts = [TablePart(k.table or {}, kind_prefix(k.resource) if with_kind else None)
             for k in kinds]
    return print_tables(parts, wide=flag(command, "output") == "wide",
                        show_labels=switch(command, "show-labels"),
                        no_headers=switch(command, "no-headers"),
                        label_columns=_label_columns(command))


def _label_columns(command: Command) -> tuple[str, ...]:
    return tuple(key for value in many(command, "label-columns") for key in value.split(",")
                 if key)


async def _watch(command: Command, ctx: Context, query: Query, kinds: dict[str, _Kind],
                 out: Output, *, remembered: list[int], headed: bool) -> None:
    """Follow changes after the listing, as `-w` does, until the watch goes quiet.

    Rows line up under the listing's columns (kubectl's writer remembers their widths,
    widening a column only for a longer cell); headers come with the first row when the
    listing had none.
    """
    target = command.targets[0]
    assert target.resource is not None
    table = kinds[target.resource.qualified].table or {}
    since = str((table.get("metadata") or {}).get("resourceVersion", ""))
    watch_query: dict[str, str | int | bool] = dict(query)
    if target.name is not None:
        watch_query["fieldSelector"] = f"metadata.name={target.name}"
    if since:
        watch_query["resourceVersion"] = since
    path = path_of(target.resource, ctx.namespace)
    structured = flag(command, "output") in ("yaml", "json", "name")
    events = await ctx.api.watch(path, watch_query, max_events=_WATCH_EVENTS,
                                 accept=JSON if structured else TABLE)
    for event in events:
        if event.type in ("BOOKMARK", "ERROR"):
            continue
        if structured:
            out.write(print_objects([event.object], flag(command, "output"), single=True))
        else:
            row = print_table(event.object, wide=flag(command, "output") == "wide",
                              show_labels=switch(command, "show-labels"),
                              no_headers=headed or switch(command, "no-headers"),
                              label_columns=_label_columns(command), remembered=remembered)
            headed = headed or bool(row)
            out.write(row)

