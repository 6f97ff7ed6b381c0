"""Emulator figures: start-to-ready, a `get pods` round trip through the official client,
and list latency with 100 learners' namespaces of 5 deployments each.

Run: .venv/bin/python bench/emulator_bench.py
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from kubernetes import client

from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator


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


async def main() -> None:
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
