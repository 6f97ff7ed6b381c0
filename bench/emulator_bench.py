"""Emulator figures: start-to-ready, a `get pods` round trip through the official client,
building 100 learners' namespaces of 5 deployments each (in process, and through the
client), and list latency among them.

Run: .venv/bin/python bench/emulator_bench.py
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from kubernetes import client

from sandbox.emulator.admission import admit
from sandbox.emulator.clock import SystemClock
from sandbox.emulator.controllers import Controllers, Delays
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.resources import Resources
from sandbox.emulator.seed import seed
from sandbox.emulator.server import Emulator
from sandbox.emulator.store import Store


def _api(emulator: Emulator) -> client.ApiClient:
    config = client.Configuration(host=emulator.url)
    config.api_key = {"authorization": emulator.token}
    config.api_key_prefix = {"authorization": "Bearer"}
    return client.ApiClient(config)


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"


def _deployment(name: str) -> dict[str, Any]:
    labels = {"app": name}
    return {"metadata": {"name": name},
            "spec": {"replicas": 1, "selector": {"matchLabels": labels},
                     "template": {"metadata": {"labels": labels},
                                  "spec": {"containers": [{"name": "web", "image": "nginx"}]}}}}


def build_in_process() -> float:
    """Seconds to create 100 namespaces x 5 deployments (every pod Running) without HTTP."""
    clock = SystemClock()
    store = Store(clock)
    seed(store)
    controllers = Controllers(store, clock, Delays.instant())
    resources = Resources(store, clock, admit, controllers.reconcile)
    namespaces, deployments = kind_by_plural("", "namespaces"), kind_by_plural("apps",
                                                                               "deployments")
    assert namespaces is not None and deployments is not None
    began = time.perf_counter()
    for n in range(100):
        resources.create(namespaces, None, {"metadata": {"name": f"learner-{n}"}},
                         dry_run=False)
        for d in range(5):
            resources.create(deployments, f"learner-{n}", _deployment(f"app-{d}"),
                             dry_run=False)
    return time.perf_counter() - began


async def main() -> None:
    print(f"built 100 namespaces x 5 deployments in process in {build_in_process():.2f} s")

    starts = []
    for _ in range(20):
        began = time.perf_counter()
        async with Emulator(delays=Delays.instant()):
            starts.append(time.perf_counter() - began)
    print(f"start-to-ready: {_percentiles(starts)}")

    async with Emulator(delays=Delays.instant()) as emulator:
        core, apps = client.CoreV1Api(_api(emulator)), client.AppsV1Api(_api(emulator))

        def timed_gets(count: int) -> list[float]:
            samples = []
            for _ in range(count):
                began = time.perf_counter()
                core.list_namespaced_pod("default")
                samples.append(time.perf_counter() - began)
            return samples

        await asyncio.to_thread(apps.create_namespaced_deployment, "default", _deployment("web"))
        gets = await asyncio.to_thread(timed_gets, 300)
        print(f"get pods round trip (1 pod): {_percentiles(gets)}")

        def populate() -> None:
            for n in range(100):
                namespace = f"learner-{n}"
                core.create_namespace({"metadata": {"name": namespace}})
                for d in range(5):
                    apps.create_namespaced_deployment(namespace, _deployment(f"app-{d}"))

        began = time.perf_counter()
        await asyncio.to_thread(populate)
        print(f"created 100 namespaces x 5 deployments in {time.perf_counter() - began:.1f} s")

        def timed_lists(count: int) -> tuple[list[float], list[float]]:
            one, every = [], []
            for i in range(count):
                began = time.perf_counter()
                core.list_namespaced_pod(f"learner-{i % 100}")
                one.append(time.perf_counter() - began)
                began = time.perf_counter()
                apps.list_namespaced_deployment(f"learner-{i % 100}")
                every.append(time.perf_counter() - began)
            return one, every

        pods, deployments = await asyncio.to_thread(timed_lists, 200)
        print(f"list pods in one learner namespace (of 100): {_percentiles(pods)}")
        print(f"list deployments in one learner namespace: {_percentiles(deployments)}")


if __name__ == "__main__":
    asyncio.run(main())
