"""HTTP routing: turns a Kubernetes REST path and verb into a resource operation, checks who
is asking and whether they may, and writes JSON, Table and watch-stream responses."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from sandbox.emulator import discovery, openapi, openapi_proto
from sandbox.emulator.errors import (
    StatusError,
    method_not_allowed,
    resource_not_found,
    unauthorized,
    unsupported_media_type,
)
from sandbox.emulator.field_validation import FieldValidation
from sandbox.emulator.kinds import Kind, kind_by_plural
from sandbox.emulator.rbac import (
    ADMIN,
    ANONYMOUS,
    Attributes,
    User,
    access_review,
    authorize,
    impersonate,
)
from sandbox.emulator.resources import Resources, decode
from sandbox.emulator.selectors import (
    fields_match,
    labels_match,
    parse_field_selector,
    parse_label_selector,
)
from sandbox.emulator.tables import to_table
from sandbox.emulator.watch import Watch, Watchers, bookmark

logger = logging.getLogger(__name__)
Obj = dict[str, Any]
PodLog = Callable[[Obj, str | None, int | None, bool], str]
_PUBLIC = frozenset({"/version", "/version/", "/healthz", "/readyz", "/livez"})


@dataclass(frozen=True)
class Target:
    """The resource a REST path names."""

    kind: Kind
    namespace: str | None
    name: str
    subresource: str


def parse_path(path: str) -> Target | None:
    """Map /api/v1/... or /apis/<g>/v1/... to a Target; None for anything else."""
    parts = [p for p in path.split("/") if p]
    if parts[:2] == ["api", "v1"]:
        group, rest = "", parts[2:]
    elif len(parts) >= 3 and parts[0] == "apis" and parts[2] == "v1":
        group, rest = parts[1], parts[3:]
    else:
        return None
    namespace: str | None = None
    if len(rest) >= 3 and rest[0] == "namespaces" and rest[2] not in ("status", "finalize"):
        namespace, rest = rest[1], rest[2:]
    if not rest or len(rest) > 3:
        return None
    kind = kind_by_plural(group, rest[0])
    if kind is None or (namespace is not None and not kind.namespaced):
        return None
    subresource = rest[2] if len(rest) == 3 else ""
    if subresource and subresource not in kind.subresources:
        return None
    return Target(kind, namespace, rest[1] if len(rest) > 1 else "", subresource)


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, body=json.dumps(body, separators=(",", ":")).encode(),
                        content_type="application/json", headers=headers)


def _error(error: StatusError) -> web.Response:
    return _json(error.to_status(), error.code)


def _verb(method: str, target: Target, query: Any) -> str:
    watching = query.get("watch") in ("1", "true")
    if method == "GET":
        return "watch" if watching else ("get" if target.name else "list")
    table = {"POST": "create", "PUT": "update", "PATCH": "patch",
             "DELETE": "delete" if target.name else "deletecollection"}
    if method not in table:
        raise method_not_allowed()
    return table[method]


def _openapi(path: str, accept: str) -> web.Response:
    """/openapi/v2 (protobuf when asked for it, as kubectl does) and the /openapi/v3 index
    and group-version documents."""
    if path == "/openapi/v2":
        if "protobuf" in accept and "json" not in accept:
            return web.Response(body=openapi_proto.encode_document(openapi.v2_spec()),
                                headers={"Content-Type": openapi_proto.MEDIA_TYPE})
        return web.Response(body=openapi.v2_json(), content_type="application/json")
    if path == "/openapi/v3":
        return web.Response(body=openapi.v3_index(), content_type="application/json")
    group = openapi.v3_group(path.removeprefix("/openapi/v3/"))
    if group is None:
        raise resource_not_found()
    return web.Response(body=openapi.v3_document(group), content_type="application/json")


class Api:
    """The request handler behind every /api and /apis path."""

    def __init__(self, resources: Resources, watchers: Watchers, token: str,
                 pod_log: PodLog) -> None:
        self.resources, self.watchers, self.token, self.pod_log = (
            resources, watchers, token, pod_log)

    @property
    def store(self) -> Any:
        """The store behind the resources."""
        return self.resources.store

    def authenticate(self, request: web.Request) -> User:
        """The bearer token's identity, after impersonation.

        No credentials at all make the request anonymous, as a real API server with its
        default --anonymous-auth does; credentials that do not match are a 401.
        """
        sent = request.headers.get("Authorization")
        if sent is None:
            caller = ANONYMOUS
        elif sent == f"Bearer {self.token}":
            caller = ADMIN
        else:
            raise unauthorized()
        groups = request.headers.getall("Impersonate-Group", [])
        return impersonate(caller, request.headers, list(groups))

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Serve one request, turning StatusErrors into Status responses."""
        try:
            return await self._handle(request)
        except StatusError as error:
            return _error(error)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path in _PUBLIC:
            return (_json(discovery.VERSION) if path.startswith("/version")
                    else web.Response(text="ok"))
        user = self.authenticate(request)
        if user == ANONYMOUS and parse_path(path) is None:
            raise StatusError(403, "Forbidden", f'forbidden: User "{user.name}" cannot '
                              f'{request.method.lower()} path "{path}"', {})
        static = self._discovery(request)
        if static is not None:
            return static
        target = parse_path(path)
        if target is None:
            raise resource_not_found()
        verb = _verb(request.method, target, request.query)
        if (target.subresource == "log" and verb != "get") or (
                verb not in target.kind.verbs and not target.subresource):
            raise method_not_allowed()
        authorize(self.store, user, Attributes(
            verb, target.kind.group, target.kind.plural, target.subresource,
            target.namespace or "", target.name))
        if target.kind.plural == "selfsubjectaccessreviews":
            review = decode(await request.read(), request.content_type)
            return _json(access_review(self.store, user, review), 201)
        return await self._serve(request, verb, target)

    def _discovery(self, request: web.Request) -> web.Response | None:
        path = request.path.rstrip("/")
        accept = request.headers.get("Accept", "")
        aggregated = "as=APIGroupDiscoveryList" in accept and "v=v2" in accept
        if path in ("/api", "/apis") and aggregated:
            body = discovery.aggregated(core=path == "/api")
            return web.Response(
                body=json.dumps(body).encode(),
                headers={"Content-Type": "application/json;g=apidiscovery.k8s.io;v=v2;"
                                         "as=APIGroupDiscoveryList"})
        if path == "/api":
            return _json(discovery.api_versions())
        if path == "/apis":
            return _json(discovery.api_group_list())
        if path.startswith("/openapi/"):
            return _openapi(path, accept)
        parts = path.split("/")
        if path == "/api/v1" or (len(parts) == 4 and parts[1] == "apis"):
            group, version = ("", "v1") if path == "/api/v1" else (parts[2], parts[3])
            found = discovery.api_resource_list(group, version)
            if found is None:
                raise resource_not_found()
            return _json(found)
        if len(parts) == 3 and parts[1] == "apis":
            group_doc = discovery.api_group(parts[2])
            if group_doc is None:
                raise resource_not_found()
            return _json(group_doc)
        return None

    async def _serve(self, request: web.Request, verb: str, t: Target) -> web.StreamResponse:
        query = request.query
        dry_run = query.get("dryRun") == "All"
        res, kind = self.resources, t.kind
        if verb == "get":
            if t.subresource == "scale":
                return _json(res.scale(kind, t.namespace, t.name))
            obj = res.get(kind, t.namespace, t.name)
            if t.subresource == "log":
                return self._log(obj, query)
            return self._respond(request, kind, [obj], single=True)
        if verb == "list":
            return self._respond(request, kind, self._select(kind, t.namespace, query))
        if verb == "watch":
            return await self._watch(request, kind, t.namespace)
        body = await request.read()
        payload = decode(body, request.content_type) if body and verb != "patch" else {}
        fields = FieldValidation.from_query(query.get("fieldValidation"))
        if verb == "create":
            created = res.create(kind, t.namespace, payload, dry_run=dry_run, fields=fields)
            return _json(created, 201, fields.headers())
        if verb == "update":
            if t.subresource == "scale":
                return _json(res.update_scale(kind, t.namespace, t.name, payload,
                                              dry_run=dry_run))
            updated = res.update(kind, t.namespace, t.name, payload, subresource=t.subresource,
                                 dry_run=dry_run, fields=fields)
            return _json(updated, 200, fields.headers())
        if verb == "patch":
            content_type = request.headers.get("Content-Type", "")
            if "patch" not in content_type:
                raise unsupported_media_type()
            existed = res.store.get(kind, t.namespace, t.name) is not None
            patched = res.patch(kind, t.namespace, t.name, content_type, body,
                                subresource=t.subresource, dry_run=dry_run, fields=fields)
            return _json(patched, 200 if existed else 201, fields.headers())
        options = payload
        for key in ("propagationPolicy", "gracePeriodSeconds"):
            if key in query:
                options[key] = int(query[key]) if key == "gracePeriodSeconds" else query[key]
        if verb == "delete":
            return _json(res.delete(kind, t.namespace, t.name, options, dry_run=dry_run))
        deleted = [res.delete(kind, t.namespace, o["metadata"]["name"], options, dry_run=dry_run)
                   for o in self._select(kind, t.namespace, query)]
        return _json({"kind": f"{kind.kind}List", "apiVersion": kind.api_version,
                      "metadata": {"resourceVersion": str(res.store.resource_version)},
                      "items": [d for d in deleted if d.get("kind") != "Status"]})

    def _select(self, kind: Kind, namespace: str | None, query: Any) -> list[Obj]:
        labels = parse_label_selector(query.get("labelSelector", ""))
        fields = parse_field_selector(kind, query.get("fieldSelector", ""),
                                      query.get("labelSelector", ""))
        return [o for o in self.resources.store.list(kind, namespace)
                if labels_match(labels, o) and fields_match(fields, o)]

    def _respond(self, request: web.Request, kind: Kind, objs: list[Obj], *,
                 single: bool = False) -> web.Response:
        rv = str(self.resources.store.resource_version)
        if "as=Table" in request.headers.get("Accept", ""):
            table = to_table(kind, objs, self.resources.clock.now(), resource_version=rv,
                             include_object=request.query.get("includeObject", "Metadata"))
            return _json(table)
        if single:
            return _json(objs[0])
        for obj in objs:
            obj.pop("apiVersion", None)
            obj.pop("kind", None)
        return _json({"kind": f"{kind.kind}List", "apiVersion": kind.api_version,
                      "metadata": {"resourceVersion": rv}, "items": objs})

    def _log(self, pod: Obj, query: Any) -> web.Response:
        tail = int(query["tailLines"]) if "tailLines" in query else None
        text = self.pod_log(pod, query.get("container"), tail,
                            query.get("timestamps") in ("1", "true"))
        return web.Response(text=text, content_type="text/plain")

    async def _watch(self, request: web.Request, kind: Kind,
                     namespace: str | None) -> web.StreamResponse:
        query = request.query
        labels = parse_label_selector(query.get("labelSelector", ""))
        fields = parse_field_selector(kind, query.get("fieldSelector", ""))
        watch = Watch(kind, namespace, labels, fields)
        store = self.resources.store
        since = query.get("resourceVersion", "")
        if since in ("", "0"):
            for obj in store.list(kind, namespace):
                watch.offer("ADDED", obj)
        else:
            if int(since) < store.oldest_watchable:
                raise StatusError(410, "Expired", f"too old resource version: {since} "
                                  f"({store.oldest_watchable})")
            for obj in store.list(kind, namespace):
                if int(obj["metadata"]["resourceVersion"]) <= int(since) and watch.matches(obj):
                    watch.seen.add(obj["metadata"]["uid"])
            for change in store.changes_since(int(since)):
                if change.kind == kind:
                    watch.offer(change.type, change.obj)
        return await self._stream(request, watch, kind)

    async def _stream(self, request: web.Request, watch: Watch,
                      kind: Kind) -> web.StreamResponse:
        query = request.query
        timeout = float(query.get("timeoutSeconds", 1800))
        bookmarks = query.get("allowWatchBookmarks") in ("1", "true")
        table = "as=Table" in request.headers.get("Accept", "")
        response = web.StreamResponse(headers={"Content-Type": "application/json",
                                               "Transfer-Encoding": "chunked"})
        await response.prepare(request)
        stop = self.watchers.open(watch)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while (left := deadline - loop.time()) > 0:
                try:
                    event, obj = await asyncio.wait_for(watch.queue.get(), min(left, 60))
                except TimeoutError:
                    if bookmarks and deadline - loop.time() > 0:
                        await _send(response, "BOOKMARK",
                                    bookmark(kind, self.resources.store.resource_version))
                    continue
                if table:
                    obj = to_table(kind, [obj], self.resources.clock.now(),
                                   resource_version=obj["metadata"]["resourceVersion"])
                await _send(response, event, obj)
        except ConnectionResetError:
            stop()
            return response
        except asyncio.CancelledError:
            stop()
            raise
        stop()
        with contextlib.suppress(ConnectionResetError):
            await response.write_eof()
        return response


async def _send(response: web.StreamResponse, event: str, obj: Obj) -> None:
    line = json.dumps({"type": event, "object": obj}, separators=(",", ":")) + "\n"
    await response.write(line.encode())

