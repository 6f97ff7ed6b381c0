"""`-o yaml` of awkward text, against the real kubectl: quoting, escapes, blocks, folding.

A ConfigMap carries every value (and every key go-yaml might quote) into the
cluster; kubectl prints it through sigs.k8s.io/yaml, we print the same object,
and the two must agree byte for byte. (A raw NEL or BOM is left out: kubectl reads
its own JSON back as YAML, which folds a NEL into a space and garbles what follows a
BOM.)
"""

from __future__ import annotations

from typing import Any

from sandbox.printing import as_list, to_yaml, with_type
from tests.sandbox.printing.conftest import Side, needs_kubectl

pytestmark = needs_kubectl

NS = "/api/v1/namespaces/default"

VALUES = (
    "", " ", "y", "Y", "n", "N", "yes", "no", "on", "off", "true", "False", "null", "~", "-",
    "---", "0", "1", "1.5", "1e3", "0x1F", "0o17", "012", "+1", ".5", ".inf", ".nan",
    "2025-03-01", "2025-03-01T12:00:00Z", "12:30", "1:20:30", "a: b", "a:b", "#x", "x #y",
    "@a", "`a", "!a", "&a", "*a", "%a", "|a", ">a", "'a", '"a', "a'b", "{a}", "[a]", "a,b",
    "? a", ": a", "a ", " a", "\ta", "a\tb", "ünïcödé", "한국어 텍스트", "emoji 😄",
    "\u00a0x", "x\u2028y", "line1\nline2", "line1\nline2\n", "trail \nx", "  indented\nx",
    "\nleading", "x\n\n", "a\r\nb", "\x07bell", "long " * 30, "x" * 100,
    "word " * 17 + "end", "a" * 79 + " b", "http://example.com/a?b=c&d=e", "1_000", "0b101",
    "Yes", "NULL", "<<", "=", "\\",
)


def _configmap(name: str, data: dict[str, str]) -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": data}


async def test_awkward_values_print_as_kubectl_prints_them(side: Side) -> None:
    data = {f"v{index:03d}": value for index, value in enumerate(VALUES)}
    await side.send("POST", f"{NS}/configmaps", _configmap("values", data))
    obj = await side.get(f"{NS}/configmaps/values")
    assert obj["data"] == data
    assert to_yaml(obj) == await side.ok("get", "configmap", "values", "-o", "yaml")


async def test_awkward_keys_and_annotations_print_as_kubectl_prints_them(side: Side) -> None:
    keys = ["1", "0x1F", "true", "y", "a.b", "a_b", "a-b", "A", "a10", "a9", "_x", "-x", ".x"]
    body = _configmap("keys", dict.fromkeys(keys, "v"))
    body["metadata"]["annotations"] = {f"example.com/a{index}": value
                                       for index, value in enumerate(VALUES[:40])}
    await side.send("POST", f"{NS}/configmaps", body)
    await side.send("POST", f"{NS}/configmaps", _configmap("other", {"k": "emoji 😄"}))
    items = with_type((await side.get(f"{NS}/configmaps"))["items"], "v1", "ConfigMap")
    assert to_yaml(as_list(items)) == await side.ok("get", "configmaps", "-o", "yaml")
