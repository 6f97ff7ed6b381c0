"""The kubeconfig that points kubectl (or the official client) at a running emulator."""

from __future__ import annotations

import base64
from pathlib import Path

import yaml

CLUSTER = "kubetutor"
USER = "kubetutor-admin"


def kubeconfig(url: str, token: str, ca_cert: Path | None = None) -> dict[str, object]:
    """A kubeconfig with one cluster, user and context, all current."""
    cluster: dict[str, str] = {"server": url}
    if ca_cert is not None:
        cluster["certificate-authority-data"] = base64.b64encode(ca_cert.read_bytes()).decode()
    return {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": CLUSTER, "cluster": cluster}],
        "users": [{"name": USER, "user": {"token": token}}],
        "contexts": [{"name": CLUSTER, "context": {"cluster": CLUSTER, "user": USER,
                                                   "namespace": "default"}}],
        "current-context": CLUSTER,
        "preferences": {},
    }


def write_kubeconfig(path: Path, url: str, token: str, ca_cert: Path | None = None) -> None:
    """Write the kubeconfig to `path`, readable by its owner only (it holds the token)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(kubeconfig(url, token, ca_cert), sort_keys=False))
    path.chmod(0o600)
