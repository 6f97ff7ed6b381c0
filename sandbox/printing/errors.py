"""Errors worded as kubectl words them (k8s.io/kubectl/pkg/cmd/util/helpers.go).

A failed API call comes back as a metav1.Status. kubectl prints most of them as
`Error from server (Reason): message`; Invalid ones as `The Kind "name" is
invalid: ` followed by their causes (one on the same line, several as a `* `
list); Unauthorized ones as a login hint. Client-side failures read `error: ...`.
Every function returns the text with its trailing newline, as kubectl writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def server_error(status: Mapping[str, Any]) -> str:
    """The message kubectl prints for an API error returned as a metav1.Status.

    Args:
        status: the Status body (`kind: Status`, `reason`, `message`, `details`).
    """
    reason = str(status.get("reason") or "")
    message = str(status.get("message") or "")
    if reason == "Invalid":
        return _invalid(status.get("details"))
    if reason == "Unauthorized":
        return f"error: You must be logged in to the server ({message})\n"
    if reason:
        return f"Error from server ({reason}): {message}\n"
    return f"Error from server: {message}\n"


def with_source(status: Mapping[str, Any], verb: str, source: str = "STDIN") -> dict[str, Any]:
    """The Status as kubectl rewrites it for objects read from a file (`create -f -`).

    kubectl prefixes the message with `error when creating "STDIN": `; Invalid errors
    keep their own wording, which is built from the details only.

    Args:
        status: the Status the server returned.
        verb: the participle kubectl uses: "creating", "applying", "patching", "deleting".
        source: the file name; "STDIN" for `-f -`.
    """
    changed = dict(status)
    changed["message"] = f'error when {verb} "{source}": {status.get("message", "")}'
    return changed


def client_error(message: str) -> str:
    """A client-side error: `error: <message>`, as kubectl's CheckErr prints it."""
    text = message if message.startswith("error: ") else f"error: {message}"
    return text if text.endswith("\n") else text + "\n"


def failed_to_create(what: str, status: Mapping[str, Any]) -> str:
    """`kubectl create deployment|configmap|service ...` failing on the server.

    These generators wrap the server's message: `error: failed to create deployment:
    deployments.apps "x" already exists`.

    Args:
        what: "deployment", "configmap", "ClusterIP service", "NodePort service", ...
        status: the Status the server returned.
    """
    return client_error(f"failed to create {what}: {status.get('message', '')}")


def connection_refused(host: str) -> str:
    """What kubectl prints when nothing listens at the API server's address."""
    return (f"The connection to the server {host} was refused - did you specify the right "
            "host or port?\n")


def unable_to_connect(reason: str) -> str:
    """What kubectl prints for other transport failures (timeouts, DNS, TLS)."""
    return f"Unable to connect to the server: {reason}\n"


def _invalid(details: Any) -> str:
    if not isinstance(details, Mapping):
        return "The request is invalid\n"
    kind, name = str(details.get("kind") or ""), str(details.get("name") or "")
    head = "The request is invalid"
    if kind or name:
        head = f'The {kind} "{_go_quote_body(name)}" is invalid'
    messages: list[str] = []
    for cause in details.get("causes") or []:
        text = f"{cause.get('field', '')}: {cause.get('message', '')}"
        if text not in messages:
            messages.append(text)
    if not messages:
        return head + "\n"
    if len(messages) == 1:
        return f"{head}: {messages[0]}\n"
    return f"{head}: \n" + "".join(f"* {text}\n" for text in messages)


def _go_quote_body(text: str) -> str:
    """The inside of Go's %q for ordinary names: backslashes and quotes escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')
