"""Printers on inputs the simulated cluster does not produce: a real cluster's shapes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sandbox.printing import (
    client_error,
    endpoints_text,
    label_operation,
    print_table,
    rollout_status,
    rollout_status_lines,
    server_error,
)
from sandbox.printing.ages import human_duration
from sandbox.printing.describe import Page, events_block

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _slice(*ready: bool, port_name: str = "") -> dict[str, Any]:
    return {"ports": [{"name": port_name, "port": 8080, "protocol": "TCP"}],
            "endpoints": [{"addresses": [f"10.244.0.{i}"], "conditions": {"ready": r}}
                          for i, r in enumerate(ready, start=3)]}


def test_service_endpoints_from_slices_skip_unready_and_cut_after_three() -> None:
    assert endpoints_text([_slice(True, False, True)], "") == "10.244.0.3:8080,10.244.0.5:8080"
    assert endpoints_text([_slice(True, True, True, True, True)], "") == (
        "10.244.0.3:8080,10.244.0.4:8080,10.244.0.5:8080 + 2 more...")
    assert endpoints_text([_slice(True, port_name="http")], "") == ""
    assert endpoints_text([], "") == "<none>"


def test_invalid_error_without_details_or_with_one_cause() -> None:
    assert server_error({"reason": "Invalid", "message": "x"}) == "The request is invalid\n"
    status = {"reason": "Invalid", "details": {"kind": "Deployment", "name": "web", "causes": [
        {"field": "spec.replicas", "message": "Invalid value: -1: must be >= 0"}]}}
    assert server_error(status) == (
        'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be >= 0\n')


def test_unauthorized_and_reasonless_errors() -> None:
    assert server_error({"reason": "Unauthorized", "message": "Unauthorized"}) == (
        "error: You must be logged in to the server (Unauthorized)\n")
    assert server_error({"message": "boom"}) == "Error from server: boom\n"
    assert client_error("error: already prefixed") == "error: already prefixed\n"


def test_label_operation_words() -> None:
    assert label_operation({"a": "1"}, {"a": "1"}) == "not labeled"
    assert label_operation({"a": "1"}, {"a": "1", "b": "2"}) == "labeled"
    assert label_operation({"a": "1", "b": "2"}, {"a": "1"}) == "unlabeled"
    assert label_operation({"a": "11"}, {"a": "2"}, overwrite=True) == "labeled"


def _deployment(**status: int) -> dict[str, Any]:
    return {"metadata": {"name": "web", "generation": 2}, "spec": {"replicas": 2},
            "status": {"observedGeneration": 2, **status}}


def test_rollout_status_lines_follow_the_rollout_once_each() -> None:
    seen = [_deployment(updatedReplicas=1, replicas=2),
            _deployment(updatedReplicas=1, replicas=2),
            _deployment(updatedReplicas=2, replicas=3),
            _deployment(updatedReplicas=2, replicas=2, availableReplicas=1),
            _deployment(updatedReplicas=2, replicas=2, availableReplicas=2)]
    assert rollout_status_lines(seen) == (
        'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been '
        'updated...\n'
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending '
        'termination...\n'
        'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are '
        'available...\n'
        'deployment "web" successfully rolled out\n')
    assert rollout_status(seen[-1]).done


def test_rollout_past_its_deadline_fails() -> None:
    stuck = _deployment(updatedReplicas=1)
    stuck["status"]["conditions"] = [{"type": "Progressing", "status": "False",
                                      "reason": "ProgressDeadlineExceeded"}]
    result = rollout_status(stuck)
    assert result.failed
    assert result.message == 'error: deployment "web" exceeded its progress deadline\n'


def test_repeated_events_show_count_and_span() -> None:
    page = Page()
    event = {"involvedObject": {"kind": "Pod", "name": "p"}, "type": "Warning",
             "reason": "BackOff", "message": "Back-off pulling image ", "count": 5,
             "firstTimestamp": "2025-03-01T11:50:00Z", "lastTimestamp": "2025-03-01T11:59:00Z",
             "source": {"component": "kubelet"}}
    events_block(page, {"kind": "Pod", "metadata": {"name": "p"}}, [event], NOW)
    assert page.text() == (
        "Events:\n  Type     Reason   Age                From     Message\n"
        "  ----     ------   ----               ----     -------\n"
        "  Warning  BackOff  60s (x5 over 10m)  kubelet  Back-off pulling image\n")


def test_human_durations() -> None:
    cases = {0: "0s", 119: "119s", 125: "2m5s", 600: "10m", 3 * 3600 + 240: "3h4m",
             10 * 3600: "10h", 51 * 3600: "2d3h", 45 * 86400: "45d", -5: "<invalid>"}
    assert {s: human_duration(s) for s in cases} == cases


def test_cells_cut_at_line_breaks_and_booleans_as_go_prints_them() -> None:
    table = {"columnDefinitions": [{"name": "Name", "type": "string", "format": "name",
                                    "priority": 0},
                                   {"name": "Ok", "type": "boolean", "priority": 0}],
             "rows": [{"cells": ["a\nb", True], "object": {"metadata": {}}}]}
    assert print_table(table) == "NAME   OK\na...   true\n"
