"""Go's tabwriter and go-yaml v2's choices, checked on the cases kubectl output depends on."""

from __future__ import annotations

from sandbox.printing.formats import as_list, to_json, to_yaml
from sandbox.printing.tabwriter import tabwrite


def test_columns_align_per_block_and_the_last_cell_is_never_padded() -> None:
    text = "NAME\tAGE\nweb\t5s\n\nNAME\tTYPE\nkubernetes\tClusterIP\n"
    assert tabwrite(text, minwidth=6, padding=3) == (
        "NAME   AGE\nweb    5s\n\nNAME         TYPE\nkubernetes   ClusterIP\n")


def test_a_line_without_tabs_ends_a_block() -> None:
    text = "Name:\tx\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\n"
    assert tabwrite(text, minwidth=0, padding=2) == (
        "Name:  x\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\n")


def test_widths_count_characters_not_bytes() -> None:
    assert tabwrite("이름\tx\nab\ty\n", minwidth=0, padding=2) == "이름  x\nab  y\n"


def test_yaml_keys_in_go_yamls_natural_order() -> None:
    text = to_yaml({"b": 1, "a10": 2, "a9": 3, "A": 4, "_x": 5})
    assert [line.split(":")[0] for line in text.splitlines()] == ["_x", "A", "a9", "a10", "b"]


def test_yaml_quotes_like_go_yaml() -> None:
    obj = {"empty": "", "when": "2025-03-01T12:00:00Z", "flag": "y", "number": "3",
           "colon": "a: b", "plain": "nginx:1.27", "text": "two\nlines\n", "on": "on"}
    assert to_yaml(obj) == (
        'colon: \'a: b\'\nempty: ""\nflag: "y"\nnumber: "3"\n"on": "on"\nplain: nginx:1.27\n'
        'text: |\n  two\n  lines\nwhen: "2025-03-01T12:00:00Z"\n')


def test_json_escapes_html_characters_as_go_does() -> None:
    assert to_json({"cell": "<none> & more"}) == (
        '{\n    "cell": "\\u003cnone\\u003e \\u0026 more"\n}\n')


def test_an_empty_listing_is_an_empty_list() -> None:
    assert to_yaml(as_list([])) == (
        'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n')
