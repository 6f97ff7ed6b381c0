"""metav1.Status errors with the reasons, codes, details and message texts a real API server uses.

Clients branch on `reason` and print `message`, so both are reproduced verbatim from
k8s.io/apimachinery/pkg/api/errors and the apiserver's authorization filter.
"""

from __future__ import annotations

from typing import Any

from sandbox.emulator.kinds import Kind


class StatusError(Exception):
    """A failed request, carried up to the HTTP layer and written out as a metav1.Status."""

    def __init__(
        self, code: int, reason: str, message: str, details: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details

    def to_status(self) -> dict[str, object]:
        """The metav1.Status body, with fields in the order the real server writes them."""
        body: dict[str, object] = {
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": self.message,
        }
        if self.reason:
            body["reason"] = self.reason
        if self.details is not None:
            body["details"] = self.details
        body["code"] = self.code
        return body


def _details(group: str, kind: str, name: str) -> dict[str, object]:
    """StatusDetails with Go's omitempty: empty name and group are left out."""
    details: dict[str, object] = {}
    if name:
        details["name"] = name
    if group:
        details["group"] = group
    details["kind"] = kind
    return details


def not_found(kind: Kind, name: str) -> StatusError:
    """404 for a named object that does not exist."""
    return StatusError(
        404, "NotFound", f'{kind.qualified} "{name}" not found',
        _details(kind.group, kind.plural, name),
    )


def already_exists(kind: Kind, name: str) -> StatusError:
    """409 for a create whose name is taken."""
    return StatusError(
        409, "AlreadyExists", f'{kind.qualified} "{name}" already exists',
        _details(kind.group, kind.plural, name),
    )


def conflict(kind: Kind, name: str, why: str | None = None) -> StatusError:
    """409 for an update that carried a stale resourceVersion (or another optimistic clash)."""
    why = why or (
        "the object has been modified; please apply your changes to the latest version "
        "and try again"
    )
    return StatusError(
        409, "Conflict", f'Operation cannot be fulfilled on {kind.qualified} "{name}": {why}',
        _details(kind.group, kind.plural, name),
    )


def invalid(kind: Kind, name: str, causes: list[tuple[str, str, str]]) -> StatusError:
    """422 from field errors given as (field path, cause type, error body).

    The cause type is the field.ErrorType string, e.g. "FieldValueInvalid"; the body is what
    follows the field path, e.g. 'Invalid value: "X": a lowercase RFC 1123 ...'.
    """
    rendered: list[str] = []
    for field, _, body in causes:
        text = f"{field}: {body}" if field else body
        if text not in rendered:
            rendered.append(text)
    message = f'{kind.qualified_kind} "{name}" is invalid'
    if len(rendered) == 1:
        message += f": {rendered[0]}"
    elif rendered:
        message += f": [{', '.join(rendered)}]"
    details = _details(kind.group, kind.kind, name)
    details["causes"] = [
        {"reason": reason, "message": body, "field": field} for field, reason, body in causes
    ]
    return StatusError(422, "Invalid", message, details)


def forbidden(group: str, resource: str, name: str, why: str) -> StatusError:
    """403 with the message shape of apierrors.NewForbidden."""
    qualified = f"{resource}.{group}" if group else resource
    if not resource:
        message = f"forbidden: {why}"
    elif name:
        message = f'{qualified} "{name}" is forbidden: {why}'
    else:
        message = f"{qualified} is forbidden: {why}"
    return StatusError(403, "Forbidden", message, _details(group, resource, name))


def bad_request(message: str) -> StatusError:
    """400 with no details, as the server answers undecodable or inconsistent bodies."""
    return StatusError(400, "BadRequest", message)


def method_not_allowed() -> StatusError:
    """405 for a verb the resource does not serve."""
    return StatusError(
        405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
        {},
    )


def unsupported_media_type() -> StatusError:
    """415 for a patch type the server does not accept."""
    return StatusError(
        415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
        "accepted media types include: application/json-patch+json, "
        "application/merge-patch+json, application/strategic-merge-patch+json, "
        "application/apply-patch+yaml",
    )


def unauthorized() -> StatusError:
    """401 for a missing or wrong bearer token."""
    return StatusError(401, "Unauthorized", "Unauthorized")


def resource_not_found() -> StatusError:
    """404 for a path the server does not serve at all."""
    return StatusError(404, "NotFound", "the server could not find the requested resource", {})


def as_details(obj: dict[str, Any], kind: Kind) -> dict[str, object]:
    """StatusDetails naming an object, as a successful delete of some kinds returns."""
    details = _details(kind.group, kind.plural, obj["metadata"]["name"])
    details["uid"] = obj["metadata"].get("uid", "")
    return details
