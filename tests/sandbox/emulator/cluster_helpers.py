"""A store with the controllers running on a manual clock, for controller and admission tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sandbox.emulator.clock import ManualClock
from sandbox.emulator.controllers import Controllers, Delays
from sandbox.emulator.defaults import apply_defaults
from sandbox.emulator.kinds import Kind, kind_by_plural
from sandbox.emulator.seed import seed
from sandbox.emulator.store import Store
from sandbox.emulator.tables import to_table


def kind(group: str, plural: str) -> Kind:
    kind = kind_by_plural(group, plural)
    assert kind is not None
    return kind


DEPLOYMENTS = kind("apps", "deployments")
REPLICASETS = kind("apps", "replicasets")
PODS = kind("", "pods")
EVENTS = kind("", "events")


class Cluster:
    """A store with the controllers running on a manual clock."""

    def __init__(self, delays: Delays | None = None) -> None:
        self.clock = ManualClock(datetime(2025, 3, 1, 12, 0, tzinfo=UTC))
        self.store = Store(self.clock)
        seed(self.store)
        self.controllers = Controllers(self.store, self.clock, delays or Delays.instant())

    def create(self, kind: Kind, obj: dict[str, Any]) -> dict[str, Any]:
        apply_defaults(kind, obj)
        created = self.store.create(kind, obj)
        self.controllers.reconcile()
        return created

    def deploy(self, name: str, image: str, replicas: int = 1, **spec: Any) -> dict[str, Any]:
        return self.create(DEPLOYMENTS, {
            "metadata": {"name": name, "namespace": "default", "labels": {"app": name}},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "app", "image": image}]}},
                     **spec},
        })

    def change(self, name: str, edit: Any) -> None:
        deployment = self.store.get(DEPLOYMENTS, "default", name)
        assert deployment is not None
        edit(deployment)
        self.store.update(DEPLOYMENTS, deployment)
        self.controllers.reconcile()

    def set_image(self, name: str, image: str) -> None:
        self.change(name, lambda d: d["spec"]["template"]["spec"]["containers"][0].update(
            image=image))

    def tick(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.controllers.reconcile()

    def pods(self) -> list[list[str]]:
        table = to_table(PODS, self.store.list(PODS, "default"), self.clock.now(),
                         resource_version="1")
        return [[str(cell) for cell in row["cells"][:3]] for row in table["rows"]]

    def sets(self) -> dict[str, dict[str, Any]]:
        return {rs["metadata"]["name"]: rs for rs in self.store.list(REPLICASETS, "default")}

    def deployment(self, name: str) -> dict[str, Any]:
        found = self.store.get(DEPLOYMENTS, "default", name)
        assert found is not None
        return found

    def reasons(self, name_prefix: str) -> list[str]:
        return [e["reason"] for e in sorted(self.store.list(EVENTS, "default"),
                                            key=lambda e: e["metadata"]["name"])
                if e["involvedObject"]["name"].startswith(name_prefix)]
