"""Names and labels are judged by Kubernetes' own rules, in Kubernetes' own words."""

from __future__ import annotations

import pytest

from sandbox.object_names import label_value_problem, name_problem, qualified_name_problem


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("web", "dns1123_subdomain"), ("example-app.v2", "dns1123_subdomain"),
        ("a" * 253, "dns1123_subdomain"), ("0web", "dns1123_label"), ("a" * 63, "dns1123_label"),
        ("web-1", "dns1035_label"),
    ],
)
def test_valid_names(name: str, rule: str) -> None:
    assert name_problem(name, rule) is None  # type: ignore[arg-type]


def test_subdomain_message_is_kubernetes_own() -> None:
    assert name_problem("Web") == (
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
        "'-' or '.', and must start and end with an alphanumeric character (e.g. "
        "'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    )


@pytest.mark.parametrize(
    ("name", "rule", "problem"),
    [
        ("a" * 254, "dns1123_subdomain", "must be no more than 253 characters"),
        ("a" * 64, "dns1123_label", "must be no more than 63 characters"),
        ("a.b", "dns1123_label", "a lowercase RFC 1123 label must consist of"),
        ("1web", "dns1035_label", "a DNS-1035 label must consist of"),
        ("..", "dns1123_subdomain", "may not be '..'"),
        ("-web", "dns1123_subdomain", "must start and end with an alphanumeric"),
        ("web\n", "dns1123_subdomain", "U+000A"),
        ("wеb", "dns1123_subdomain", "U+0435 (CYRILLIC SMALL LETTER IE)"),
        ("ｗeb", "dns1123_subdomain", "which looks like 'w'"),
    ],
)
def test_invalid_names(name: str, rule: str, problem: str) -> None:
    found = name_problem(name, rule)  # type: ignore[arg-type]
    assert found is not None and problem in found


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("app", None), ("app.kubernetes.io/name", None), ("A_b.c-D", None),
        ("/a", "prefix part must be non-empty"),
        ("a/", "name part must be non-empty"),
        ("a/b/c", "a qualified name must consist of"),
        ("-a", "name part must consist of alphanumeric characters"),
        ("a" * 64, "name part must be no more than 63 characters"),
        ("Example.com/a", "prefix part a lowercase RFC 1123 subdomain"),
    ],
)
def test_label_keys(key: str, problem: str | None) -> None:
    found = qualified_name_problem(key)
    assert found == problem if problem is None else (found is not None and problem in found)


@pytest.mark.parametrize(
    ("value", "valid"),
    [("", True), ("v1.2_b-c", True), ("a" * 63, True), ("a" * 64, False), ("-a", False),
     ('"a"', False), ("a b", False), ("<b>", False)],
)
def test_label_values(value: str, valid: bool) -> None:
    assert (label_value_problem(value) is None) is valid
