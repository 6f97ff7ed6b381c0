"""The printers against the real kubectl 1.32, on the same simulated-cluster state.

Each test builds state in the emulator (with kubectl itself), fetches what the
executor fetches (server-side Tables, objects, Status errors), prints it with our
functions and compares with kubectl's own output byte for byte. The clock is
stopped, so ages agree too.
"""

from __future__ import annotations

import pytest

from sandbox.printing import (
    TablePart,
    as_list,
    no_resources_found,
    print_table,
    print_tables,
    to_json,
    to_names,
    to_yaml,
    with_type,
)
from tests.sandbox.printing.conftest import Side, needs_kubectl

pytestmark = needs_kubectl

NS = "/api/v1/namespaces/default"
APPS = "/apis/apps/v1/namespaces/default"


async def _some_workloads(side: Side) -> None:
    await side.ok("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2")
    await side.ok("run", "solo", "--image=busybox", "--labels=tier=debug,app=solo")
    await side.ok("expose", "deployment", "web", "--port=80", "--target-port=8080")
    await side.ok("create", "configmap", "settings", "--from-literal=mode=fast",
                  "--from-literal=level=3")
    side.tick(125)


LISTINGS = [
    ("pods", f"{NS}/pods"),
    ("deployments", f"{APPS}/deployments"),
    ("replicasets", f"{APPS}/replicasets"),
    ("services", f"{NS}/services"),
    ("configmaps", f"{NS}/configmaps"),
    ("events", f"{NS}/events"),
    ("namespaces", "/api/v1/namespaces"),
    ("nodes", "/api/v1/nodes"),
]
FLAGS = [(), ("-o", "wide"), ("--show-labels",), ("--no-headers",),
         ("-o", "wide", "--show-labels", "--no-headers")]


@pytest.mark.parametrize(("resource", "path"), LISTINGS)
async def test_get_prints_the_servers_table_like_kubectl(side: Side, resource: str,
                                                         path: str) -> None:
    await _some_workloads(side)
    table = await side.table(path)
    for flags in FLAGS:
        expected = await side.ok("get", resource, *flags)
        printed = print_table(table, wide="wide" in flags, show_labels="--show-labels" in flags,
                              no_headers="--no-headers" in flags)
        assert printed == expected, flags


async def test_get_one_named_object(side: Side) -> None:
    await _some_workloads(side)
    table = await side.table(f"{APPS}/deployments/web")
    assert print_table(table) == await side.ok("get", "deployment", "web")


async def test_get_with_a_label_selector_matching_nothing(side: Side) -> None:
    await _some_workloads(side)
    table = await side.table(f"{NS}/pods?labelSelector=app%3Dnope")
    run = await side.kubectl("get", "pods", "-l", "app=nope")
    assert print_table(table) == run.out == ""
    assert no_resources_found("default") == run.err
    nodes = await side.kubectl("get", "nodes", "-l", "app=nope")
    assert no_resources_found(None) == nodes.err


ALL = [("pod", f"{NS}/pods"), ("service", f"{NS}/services"),
       ("deployment.apps", f"{APPS}/deployments"), ("replicaset.apps", f"{APPS}/replicasets")]


@pytest.mark.parametrize("flags", [(), ("--no-headers",), ("-o", "wide"), ("--show-labels",)])
async def test_get_all_prints_each_kind_with_prefixed_names(side: Side,
                                                            flags: tuple[str, ...]) -> None:
    await _some_workloads(side)
    parts = [TablePart(await side.table(path), prefix) for prefix, path in ALL]
    printed = print_tables(parts, wide="wide" in flags, show_labels="--show-labels" in flags,
                           no_headers="--no-headers" in flags)
    assert printed == await side.ok("get", "all", *flags)


async def test_get_all_skips_kinds_without_rows(side: Side) -> None:
    await side.ok("create", "configmap", "only", "--from-literal=a=b")
    await side.ok("delete", "service", "kubernetes")
    parts = [TablePart(await side.table(path), prefix) for prefix, path in ALL]
    run = await side.kubectl("get", "all")
    assert print_tables(parts) == run.out == ""
    assert no_resources_found("default") == run.err


async def test_output_formats_of_one_object(side: Side) -> None:
    await _some_workloads(side)
    for path, args in ((f"{APPS}/deployments/web", ("deployment", "web")),
                       (f"{NS}/pods/solo", ("pod", "solo")),
                       (f"{NS}/services/web", ("service", "web")),
                       (f"{NS}/configmaps/settings", ("configmap", "settings"))):
        obj = await side.get(path)
        assert to_yaml(obj) == await side.ok("get", *args, "-o", "yaml"), args
        assert to_json(obj) == await side.ok("get", *args, "-o", "json"), args
        assert to_names([obj]) == await side.ok("get", *args, "-o", "name"), args


async def test_output_formats_of_a_listing(side: Side) -> None:
    await _some_workloads(side)
    for path, resource, kind, version in ((f"{APPS}/deployments", "deployments", "Deployment",
                                           "apps/v1"),
                                          (f"{NS}/pods", "pods", "Pod", "v1"),
                                          (f"{NS}/events", "events", "Event", "v1")):
        items = with_type((await side.get(path))["items"], version, kind)
        assert to_yaml(as_list(items)) == await side.ok("get", resource, "-o", "yaml"), kind
        assert to_json(as_list(items)) == await side.ok("get", resource, "-o", "json"), kind
        assert to_names(items) == await side.ok("get", resource, "-o", "name"), kind


async def test_empty_listing_in_each_format(side: Side) -> None:
    empty = as_list([])
    assert to_yaml(empty) == await side.ok("get", "pods", "-l", "x=y", "-o", "yaml")
    assert to_json(empty) == await side.ok("get", "pods", "-l", "x=y", "-o", "json")
    run = await side.kubectl("get", "pods", "-l", "x=y", "-o", "name")
    assert (to_names([]), "") == (run.out, run.err)
