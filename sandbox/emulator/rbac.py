"""Who is asking and what they may do: bearer-token authentication, impersonation, and the
RBAC authorizer's rule evaluation over Roles, RoleBindings and their cluster-wide kin."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.emulator.errors import forbidden
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.store import Store

ADMIN_NAME = "kubetutor-admin"
_RBAC = "rbac.authorization.k8s.io"


@dataclass(frozen=True)
class User:
    """An authenticated identity: a name and its groups."""

    name: str
    groups: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        """Members of system:masters bypass authorization, as on a real cluster."""
        return "system:masters" in self.groups


ADMIN = User(ADMIN_NAME, ("system:masters", "system:authenticated"))
# Who a request without credentials is; RBAC grants this user nothing unless bound.
ANONYMOUS = User("system:anonymous", ("system:unauthenticated",))


@dataclass(frozen=True)
class Attributes:
    """What a request wants to do, in the authorizer's terms."""

    verb: str
    group: str
    resource: str
    subresource: str = ""
    namespace: str = ""
    name: str = ""


def impersonate(caller: User, headers: Mapping[str, str], groups: list[str]) -> User:
    """The user a request acts as, after Impersonate-User / Impersonate-Group headers."""
    target = headers.get("Impersonate-User")
    if not target:
        return caller
    if not caller.is_admin:
        raise forbidden("", "users", target,
                        f'User "{caller.name}" cannot impersonate resource "users" in API group '
                        '"" at the cluster scope')
    acting = list(groups)
    parts = target.split(":")
    if len(parts) == 4 and parts[:2] == ["system", "serviceaccount"] and not acting:
        acting = ["system:serviceaccounts", f"system:serviceaccounts:{parts[2]}"]
    if "system:authenticated" not in acting:
        acting.append("system:authenticated")
    return User(target, tuple(acting))


def _subject_matches(subject: dict[str, Any], user: User, binding_ns: str) -> bool:
    kind, name = subject.get("kind"), subject.get("name")
    if kind == "User":
        return bool(name == user.name)
    if kind == "Group":
        return name in user.groups
    if kind == "ServiceAccount":
        namespace = subject.get("namespace") or binding_ns
        return user.name == f"system:serviceaccount:{namespace}:{name}"
    return False


def _binds(binding: dict[str, Any], user: User, binding_ns: str) -> bool:
    return any(_subject_matches(s, user, binding_ns) for s in binding.get("subjects") or [])


def _rule_allows(rule: dict[str, Any], attrs: Attributes) -> bool:
    verbs, groups = rule.get("verbs") or [], rule.get("apiGroups") or []
    if "*" not in verbs and attrs.verb not in verbs:
        return False
    if "*" not in groups and attrs.group not in groups:
        return False
    resources = rule.get("resources") or []
    wanted = f"{attrs.resource}/{attrs.subresource}" if attrs.subresource else attrs.resource
    candidates = {"*", wanted}
    if attrs.subresource:
        candidates |= {f"*/{attrs.subresource}", f"{attrs.resource}/*"}
    if not candidates & set(resources):
        return False
    names = rule.get("resourceNames") or []
    return not names or attrs.name in names


@dataclass(frozen=True)
class _Grant:
    rules: list[dict[str, Any]]
    describe: str


def _grants(store: Store, user: User, namespace: str) -> Iterator[_Grant]:
    """Every role bound to the user that applies in `namespace` (cluster bindings too)."""
    roles = kind_by_plural(_RBAC, "roles")
    bindings = kind_by_plural(_RBAC, "rolebindings")
    cluster_roles = kind_by_plural(_RBAC, "clusterroles")
    cluster_bindings = kind_by_plural(_RBAC, "clusterrolebindings")
    assert roles and bindings and cluster_roles and cluster_bindings
    # Every request scans the cluster bindings (as the API server's authorizer does);
    # only the ones naming the user are copied out of the store.
    for binding in store.list(cluster_bindings, where=lambda b: _binds(b, user, "")):
        role = store.get(cluster_roles, None, binding.get("roleRef", {}).get("name", ""))
        if role is not None:
            yield _Grant(role.get("rules") or [], f'ClusterRoleBinding "{_name(binding)}"')
    if not namespace:
        return
    for binding in store.list(bindings, namespace, where=lambda b: _binds(b, user, namespace)):
        subjects = [s for s in binding.get("subjects") or []
                    if _subject_matches(s, user, namespace)]
        ref = binding.get("roleRef") or {}
        role_kind = roles if ref.get("kind") == "Role" else cluster_roles
        role = store.get(role_kind, namespace if role_kind is roles else None, ref.get("name", ""))
        if role is not None:
            subject = subjects[0]
            who = f'{subject["kind"]} "{subject["name"]}'
            who += f'/{subject.get("namespace") or namespace}"' if subject["kind"] == \
                "ServiceAccount" else '"'
            yield _Grant(role.get("rules") or [],
                         f'RoleBinding "{_name(binding)}/{namespace}" of {ref.get("kind")} '
                         f'"{ref.get("name")}" to {who}')


def _name(obj: dict[str, Any]) -> str:
    return str(obj["metadata"]["name"])


def decide(store: Store, user: User, attrs: Attributes) -> tuple[bool, str]:
    """(allowed, reason) as the RBAC authorizer reports them."""
    if user.is_admin:
        return True, ""
    if attrs.group == "authorization.k8s.io" and attrs.resource == "selfsubjectaccessreviews":
        return True, ""
    for grant in _grants(store, user, attrs.namespace):
        if any(_rule_allows(rule, attrs) for rule in grant.rules):
            return True, f"RBAC: allowed by {grant.describe}"
    return False, ""


def authorize(store: Store, user: User, attrs: Attributes) -> None:
    """Raise the real 403 Forbidden when `user` may not do `attrs`."""
    allowed, _ = decide(store, user, attrs)
    if allowed:
        return
    resource = f"{attrs.resource}/{attrs.subresource}" if attrs.subresource else attrs.resource
    scope = (f'in the namespace "{attrs.namespace}"' if attrs.namespace else
             "at the cluster scope")
    raise forbidden(attrs.group, attrs.resource, attrs.name,
                    f'User "{user.name}" cannot {attrs.verb} resource "{resource}" in API group '
                    f'"{attrs.group}" {scope}')


def access_review(store: Store, user: User, review: dict[str, Any]) -> dict[str, Any]:
    """Answer a SelfSubjectAccessReview for `user`."""
    spec = review.get("spec") or {}
    res = spec.get("resourceAttributes")
    if res is not None:
        attrs = Attributes(res.get("verb", ""), res.get("group", ""), res.get("resource", ""),
                           res.get("subresource", ""), res.get("namespace", ""),
                           res.get("name", ""))
        allowed, reason = decide(store, user, attrs)
    else:
        allowed, reason = user.is_admin, ""
    status: dict[str, Any] = {"allowed": allowed}
    if reason:
        status["reason"] = reason
    return {"kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1",
            "metadata": {"creationTimestamp": None}, "spec": spec, "status": status}
