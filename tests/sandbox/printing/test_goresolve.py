"""go-yaml v2's reading of plain scalars and Go's float formatting, case by case."""

from __future__ import annotations

import pytest

from sandbox.printing.goresolve import go_float, needs_quotes
from sandbox.printing.goyaml import go_yaml


@pytest.mark.parametrize(("value", "text"), [
    (1.5, "1.5"), (-2.5, "-2.5"), (1e20, "1e+20"), (1e6, "1e+06"), (123456.5, "123456.5"),
    (0.0001, "0.0001"), (0.00001, "1e-05"), (1234567.5, "1.2345675e+06"),
    (float("inf"), ".inf"), (float("-inf"), "-.inf"), (float("nan"), ".nan"),
])
def test_floats_are_written_as_go_formats_them(value: float, text: str) -> None:
    assert go_float(value) == text


@pytest.mark.parametrize("text", [
    "", "~", "null", "y", "No", "on", "1", "-1", "+1", "012", "0x1F", "0o17", "0b101", "1_000",
    "1e3", "1.5", ".5", ".inf", "-.Inf", "2025-03-01", "2025-03-01T12:00:00Z", "12:30",
    "18446744073709551615",
])
def test_text_go_yaml_would_read_as_something_else_is_quoted(text: str) -> None:
    assert needs_quotes(text)
    assert go_yaml({"k": text}) == f'k: "{text}"\n'


@pytest.mark.parametrize("text", [
    "<<", "=", "yep", "nginx:1.25", "10.96.0.1", "80/TCP", "0x", "2025-13-01", "1.2.3",
    "99999999999999999999999x", "0xFFFFFFFFFFFFFFFFFF",
])
def test_text_go_yaml_reads_back_as_text_is_plain(text: str) -> None:
    assert not needs_quotes(text)
    assert go_yaml({"k": text}) == f"k: {text}\n"


def test_objects_shared_in_a_value_are_written_out_each_time() -> None:
    shared = {"a": 1}
    assert go_yaml({"p": shared, "q": shared}) == "p:\n  a: 1\nq:\n  a: 1\n"
