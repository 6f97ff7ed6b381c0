"""REST calls to the API server as one identity, through the official client's ApiClient.

The executor works with the JSON the server sends (server-side tables, objects in the
server's own field order) rather than the client's generated models, so every call goes
through `ApiClient.param_serialize` and `call_api` with our own Accept and Content-Type
headers. Each call is blocking and bounded by `Timeouts`; `Api` runs it in a worker thread
so that the event loop (and lessons, quizzes, reviews) never waits on the cluster.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import urllib3
from kubernetes.client import ApiClient

JSON = "application/json"
TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;" \
    "g=meta.k8s.io,application/json"
MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_PATCH = "application/strategic-merge-patch+json"
Obj = dict[str, Any]
Query = Mapping[str, str | int | bool]


class ClusterUnavailable(Exception):
    """The cluster could not be reached or did not answer in time: temporary, try later."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"The practice cluster is not answering right now ({detail}).")
        self.detail = detail


class ApiError(Exception):
    """The API server refused a request with a metav1.Status (NotFound, Forbidden, ...)."""

    def __init__(self, code: int, status: Obj) -> None:
        super().__init__(str(status.get("message") or f"HTTP {code}"))
        self.code = code
        self.status = status

    @property
    def reason(self) -> str:
        """The Status reason, e.g. "NotFound", "Forbidden", "AlreadyExists"."""
        return str(self.status.get("reason") or "")


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait: to connect, for an ordinary answer, and for a whole watch."""

    connect: float = 3.0
    request: float = 10.0
    watch: float = 30.0
    watch_idle: float = 5.0


@dataclass(frozen=True)
class WatchEvent:
    """One line of a watch stream."""

    type: str
    object: Obj


class Api:
    """REST calls as one identity: the bot's own, or a learner's by impersonation.

    Impersonating `system:serviceaccount:<ns>:<name>` makes the API server add the
    service-account groups itself, so the cluster's RBAC judges the learner's requests
    exactly as it would judge a pod running under that ServiceAccount.
    """

    def __init__(self, client: ApiClient, timeouts: Timeouts,
                 impersonate: str | None = None) -> None:
        self._client = client
        self.timeouts = timeouts
        self.user = impersonate
        self._headers = {"Impersonate-User": impersonate} if impersonate else {}

    async def get(self, path: str, query: Query | None = None, *, accept: str = JSON) -> Any:
        """GET `path` and return the decoded JSON (or text, for logs)."""
        return await self.call("GET", path, query, accept=accept)

    async def table(self, path: str, query: Query | None = None) -> Obj:
        """GET `path` as a server-side Table, as kubectl asks for it."""
        found: Obj = await self.call("GET", path, query, accept=TABLE)
        return found

    async def create(self, path: str, body: Obj, query: Query | None = None) -> Obj:
        """POST a new object to the collection at `path`."""
        created: Obj = await self.call("POST", path, query, body=body)
        return created

    async def patch(self, path: str, body: Obj | list[Obj], *,
                    content_type: str = STRATEGIC_PATCH,
                    query: Query | None = None) -> Obj:
        """PATCH the object at `path`."""
        patched: Obj = await self.call("PATCH", path, query, body=body,
                                       content_type=content_type)
        return patched

    async def delete(self, path: str, query: Query | None = None) -> Obj:
        """DELETE the object at `path`."""
        deleted: Obj = await self.call("DELETE", path, query)
        return deleted

    async def call(self, method: str, path: str, query: Query | None = None, *,
                   body: Obj | list[Obj] | None = None, accept: str = JSON,
                   content_type: str = JSON) -> Any:
        """One request in a worker thread; JSON answers decoded, text answers as text.

        Raises:
            ApiError: the server answered with an error Status.
            ClusterUnavailable: no answer within the timeouts.
        """
        return await asyncio.to_thread(self.call_blocking, method, path, query, body=body,
                                       accept=accept, content_type=content_type)

    def call_blocking(self, method: str, path: str, query: Query | None = None, *,
                      body: Obj | list[Obj] | None = None, accept: str = JSON,
                      content_type: str = JSON) -> Any:
        """The same request on the calling thread (for worker threads and benchmarks)."""
        headers = {"Accept": accept, **self._headers}
        if body is not None:
            headers["Content-Type"] = content_type
        request = self._client.param_serialize(
            method, path, query_params=_query(query), header_params=headers, body=body,
            auth_settings=["BearerToken"])
        try:
            response: Any = self._client.call_api(
                *request, _request_timeout=(self.timeouts.connect, self.timeouts.request))
            data: bytes = response.read()
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise ClusterUnavailable(_describe(error)) from error
        if not 200 <= response.status <= 299:
            raise ApiError(response.status, _status(response.status, data))
        kind = response.headers.get("Content-Type", "")
        if "json" not in kind:
            return data.decode("utf-8", "replace")
        return json.loads(data) if data else {}

    async def watch(self, path: str, query: Query | None = None, *, accept: str = JSON,
                    max_events: int = 10) -> list[WatchEvent]:
        """Watch `path`, returning the events that arrived before it went quiet.

        A chat cannot stream, so a watch is bounded: at most `max_events` events, for at
        most `Timeouts.watch` seconds, ending early after `Timeouts.watch_idle` quiet ones.
        """
        return await asyncio.to_thread(self._watch, path, query, accept, max_events)

    def _watch(self, path: str, query: Query | None, accept: str,
               max_events: int) -> list[WatchEvent]:
        limit = max(1, int(self.timeouts.watch))
        params = {**(query or {}), "watch": "true", "timeoutSeconds": limit}
        request = self._client.param_serialize(
            "GET", path, query_params=_query(params),
            header_params={"Accept": accept, **self._headers}, auth_settings=["BearerToken"])
        events: list[WatchEvent] = []
        try:
            response: Any = self._client.call_api(
                *request, _request_timeout=(self.timeouts.connect, self.timeouts.watch_idle))
            raw = response.response
            if not 200 <= response.status <= 299:
                data = response.read()
                raise ApiError(response.status, _status(response.status, data))
            try:
                buffer = b""
                while len(events) < max_events:
                    chunk = raw.read1(65536) if hasattr(raw, "read1") else raw.read(65536)
                    if not chunk:
                        break
                    buffer += chunk
                    *lines, buffer = buffer.split(b"\n")
                    events.extend(_event(line) for line in lines if line.strip())
            except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
                pass  # a quiet watch ends at its time limit, as kubectl's does
            finally:
                raw.close()
                raw.release_conn()
        except (urllib3.exceptions.HTTPError, OSError) as error:
            if not events:
                raise ClusterUnavailable(_describe(error)) from error
        return events[:max_events]


def _event(line: bytes) -> WatchEvent:
    decoded = json.loads(line)
    return WatchEvent(str(decoded.get("type", "")), dict(decoded.get("object") or {}))


def _query(query: Query | None) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in (query or {}).items():
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        pairs.append((key, text))
    return pairs


def _status(code: int, data: bytes) -> Obj:
    try:
        decoded = json.loads(data)
    except ValueError:
        decoded = None
    if isinstance(decoded, dict) and decoded.get("kind") == "Status":
        return decoded
    text = data.decode("utf-8", "replace").strip() or f"HTTP {code}"
    return {"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": text,
            "reason": "InternalError" if code >= 500 else "", "code": code}


def _describe(error: BaseException) -> str:
    reason = getattr(error, "reason", None)
    text = str(reason or error)
    if "timed out" in text.lower() or isinstance(reason, TimeoutError):
        return "no answer in time"
    if "refused" in text.lower():
        return "connection refused"
    return text.split(":", 1)[-1].strip()[:120] or type(error).__name__


def object_path(resource: str, group: str, namespace: str | None, name: str | None = None,
                *, version: str = "v1", subresource: str | None = None) -> str:
    """The REST path of a collection or object, e.g. /apis/apps/v1/namespaces/x/deployments/y."""
    base = f"/apis/{group}/{version}" if group else f"/api/{version}"
    path = f"{base}/namespaces/{quote(namespace, safe='')}" if namespace else base
    path += f"/{resource}"
    if name is not None:
        path += f"/{quote(name, safe='')}"
    if subresource:
        path += f"/{subresource}"
    return path
