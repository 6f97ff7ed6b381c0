"""YAML builders for hostile manifests: a Pod or a Deployment around a pod spec."""

from __future__ import annotations

import json
from typing import Any

NAMESPACE = "kt-1a2b3c4d"


def apply(*objects: dict[str, Any]) -> str:
    """`kubectl apply -f -` followed by the objects as YAML documents (JSON is YAML)."""
    return "kubectl apply -f -\n" + "\n---\n".join(json.dumps(obj) for obj in objects)


def pod(spec: dict[str, Any], name: str = "web", **metadata: Any) -> dict[str, Any]:
    """A Pod with `spec` (an nginx container unless spec names containers)."""
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, **metadata},
        "spec": {"containers": [{"name": "web", "image": "nginx"}], **spec},
    }


def deployment(spec: dict[str, Any], replicas: int = 1, kind: str = "Deployment") -> dict[str, Any]:
    """A Deployment (or another templated kind) whose pod template has `spec`."""
    return {
        "apiVersion": "apps/v1",
        "kind": kind,
        "metadata": {"name": "web"},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"app": "web"}},
            "template": {
                "metadata": {"labels": {"app": "web"}},
                "spec": {"containers": [{"name": "web", "image": "nginx"}], **spec},
            },
        },
    }


def cron_job(spec: dict[str, Any]) -> dict[str, Any]:
    """A CronJob whose job template's pod template has `spec`."""
    template = deployment(spec)["spec"]["template"]
    return {
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": {"name": "tick"},
        "spec": {"schedule": "* * * * *", "jobTemplate": {"spec": {"template": template}}},
    }


def container(**fields: Any) -> dict[str, Any]:
    """One container: nginx, with extra fields."""
    return {"name": "web", "image": "nginx", **fields}


def typed(kind: str, api_version: str = "v1", **extra: Any) -> dict[str, Any]:
    """A minimal object of any kind."""
    return {"apiVersion": api_version, "kind": kind, "metadata": {"name": "x"}, **extra}
