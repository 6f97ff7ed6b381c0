"""Who a request is without credentials, and a cluster that outlives its process."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp
from kubernetes import client

from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.conftest import ApiClients
from tests.sandbox.emulator.test_server_client import call, deployment


async def _get(emulator: Emulator, path: str, token: str | None) -> tuple[int, dict[str, object]]:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    async with aiohttp.ClientSession() as session, session.get(emulator.url + path,
                                                               headers=headers) as response:
        return response.status, json.loads(await response.text())


async def test_no_token_is_anonymous_and_forbidden(emulator: Emulator) -> None:
    code, status = await _get(emulator, "/api/v1/namespaces/default/pods", None)
    assert code == 403
    assert status["reason"] == "Forbidden"
    assert status["message"] == (
        'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group '
        '"" in the namespace "default"')


async def test_anonymous_may_not_read_discovery(emulator: Emulator) -> None:
    code, status = await _get(emulator, "/apis", None)
    assert (code, status["message"]) == (
        403, 'forbidden: User "system:anonymous" cannot get path "/apis"')


async def test_anonymous_may_read_the_version(emulator: Emulator) -> None:
    code, version = await _get(emulator, "/version", None)
    assert (code, version["gitVersion"]) == (200, "v1.32.0")


async def test_wrong_token_is_unauthorized_even_for_discovery(emulator: Emulator) -> None:
    code, status = await _get(emulator, "/apis", "not-the-token")
    assert (code, status["reason"], status["message"]) == (401, "Unauthorized", "Unauthorized")


async def test_state_file_keeps_objects_across_restarts(tmp_path: Path,
                                                        api_client: ApiClients) -> None:
    state = tmp_path / "state.json"
    async with Emulator(delays=Delays.instant(), token="t", state_file=state) as first:
        apps = client.AppsV1Api(api_client(first))
        core = client.CoreV1Api(api_client(first))
        created = await call(apps.create_namespaced_deployment, "default", deployment("web"))
        pods = {p.metadata.name: p.metadata.uid
                for p in (await call(core.list_namespaced_pod, "default")).items}
        last_version = int((await call(core.list_namespaced_pod, "default"))
                           .metadata.resource_version)
    assert state.exists() and len(pods) == 1

    async with Emulator(delays=Delays.instant(), token="t", state_file=state) as second:
        apps = client.AppsV1Api(api_client(second))
        core = client.CoreV1Api(api_client(second))
        kept = await call(apps.read_namespaced_deployment, "web", "default")
        assert kept.metadata.uid == created.metadata.uid
        listed = await call(core.list_namespaced_pod, "default")
        assert {p.metadata.name: p.metadata.uid for p in listed.items} == pods
        assert [p.status.phase for p in listed.items] == ["Running"]
        scaled = await call(apps.patch_namespaced_deployment_scale, "web", "default",
                            {"spec": {"replicas": 2}})
        assert int(scaled.metadata.resource_version) > last_version
        listed = await call(core.list_namespaced_pod, "default")
        assert len(listed.items) == 2
