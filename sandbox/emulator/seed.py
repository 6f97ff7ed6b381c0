"""What a freshly started minikube cluster already holds: its namespaces, its one node, the
`kubernetes` Service, default ServiceAccounts, and the cluster-admin ClusterRole."""

from __future__ import annotations

from typing import Any

from sandbox.emulator.defaults import apply_defaults
from sandbox.emulator.kinds import Kind, kind_by_plural
from sandbox.emulator.store import Store

NODE_IP = "192.168.49.2"
SYSTEM_NAMESPACES = ("default", "kube-node-lease", "kube-public", "kube-system")


def _kind(group: str, plural: str) -> Kind:
    kind = kind_by_plural(group, plural)
    assert kind is not None, plural
    return kind


def _node() -> dict[str, Any]:
    capacity = {"cpu": "4", "ephemeral-storage": "61202244Ki", "hugepages-1Gi": "0",
                "hugepages-2Mi": "0", "memory": "8039428Ki", "pods": "110"}
    return {
        "metadata": {
            "name": "minikube",
            "labels": {
                "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": "minikube",
                "kubernetes.io/os": "linux", "minikube.k8s.io/name": "minikube",
                "minikube.k8s.io/primary": "true", "minikube.k8s.io/version": "v1.35.0",
                "node-role.kubernetes.io/control-plane": "",
                "node.kubernetes.io/exclude-from-external-load-balancers": "",
            },
            "annotations": {
                "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/cri-dockerd.sock",
                "node.alpha.kubernetes.io/ttl": "0",
                "volumes.kubernetes.io/controller-managed-attach-detach": "true",
            },
        },
        "spec": {"podCIDR": "10.244.0.0/24", "podCIDRs": ["10.244.0.0/24"]},
        "status": {
            "capacity": capacity,
            "allocatable": capacity,
            "conditions": [
                _condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                           "kubelet has sufficient memory available"),
                _condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                           "kubelet has no disk pressure"),
                _condition("PIDPressure", "False", "KubeletHasSufficientPID",
                           "kubelet has sufficient PID available"),
                _condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
            ],
            "addresses": [{"type": "InternalIP", "address": NODE_IP},
                          {"type": "Hostname", "address": "minikube"}],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {
                "machineID": "b8f5d0a0c8a34f0e9d0f3c7b0e6a1d2c",
                "systemUUID": "3f1d2c4b-5a6e-4f7d-8c9b-0a1b2c3d4e5f",
                "bootID": "0c7d5e1a-2b3c-4d5e-8f9a-1b2c3d4e5f60",
                "kernelVersion": "6.8.0-51-generic", "osImage": "Ubuntu 22.04.5 LTS",
                "containerRuntimeVersion": "docker://27.4.1", "kubeletVersion": "v1.32.0",
                "kubeProxyVersion": "v1.32.0", "operatingSystem": "linux",
                "architecture": "amd64",
            },
        },
    }


def _condition(kind: str, status: str, reason: str, message: str) -> dict[str, str]:
    return {"type": kind, "status": status, "lastHeartbeatTime": "", "lastTransitionTime": "",
            "reason": reason, "message": message}


def seed(store: Store) -> None:
    """Fill an empty store with what `minikube start` leaves behind."""
    namespaces = _kind("", "namespaces")
    for name in SYSTEM_NAMESPACES:
        namespace: dict[str, Any] = {"metadata": {"name": name}}
        apply_defaults(namespaces, namespace)
        store.create(namespaces, namespace)
        ensure_default_service_account(store, name)
    node = _node()
    stored = store.create(_kind("", "nodes"), node)
    created = stored["metadata"]["creationTimestamp"]
    for condition in stored["status"]["conditions"]:
        condition["lastHeartbeatTime"] = condition["lastTransitionTime"] = created
    store.update(_kind("", "nodes"), stored)
    services = _kind("", "services")
    service: dict[str, Any] = {
        "metadata": {"name": "kubernetes", "namespace": "default",
                     "labels": {"component": "apiserver", "provider": "kubernetes"}},
        "spec": {"clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"],
                 "ports": [{"name": "https", "port": 443, "targetPort": 8443}]},
    }
    apply_defaults(services, service)
    store.create(services, service)
    store.create(_kind("", "endpoints"), {
        "metadata": {"name": "kubernetes", "namespace": "default",
                     "labels": {"endpointslice.kubernetes.io/skip-mirror": "true"}},
        "subsets": [{"addresses": [{"ip": NODE_IP}],
                     "ports": [{"name": "https", "port": 8443, "protocol": "TCP"}]}],
    })
    store.create(_kind("discovery.k8s.io", "endpointslices"), {
        "metadata": {"name": "kubernetes", "namespace": "default",
                     "labels": {"kubernetes.io/service-name": "kubernetes"}},
        "addressType": "IPv4",
        "endpoints": [{"addresses": [NODE_IP], "conditions": {"ready": True}}],
        "ports": [{"name": "https", "port": 8443, "protocol": "TCP"}],
    })
    store.create(_kind("rbac.authorization.k8s.io", "clusterroles"), {
        "metadata": {"name": "cluster-admin",
                     "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}},
        "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]},
                  {"nonResourceURLs": ["*"], "verbs": ["*"]}],
    })


def ensure_default_service_account(store: Store, namespace: str) -> None:
    """Create the `default` ServiceAccount, as the serviceaccount controller does."""
    accounts = _kind("", "serviceaccounts")
    if store.get(accounts, namespace, "default") is None:
        store.create(accounts, {"metadata": {"name": "default", "namespace": namespace}})
