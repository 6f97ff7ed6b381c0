"""The frame of every `kubectl describe` page (k8s.io/kubectl/pkg/describe).

kubectl writes a describe page as tab-separated lines, indented two spaces per
level, through a tabwriter with padding 2; the events table is flushed on its
own, so it is aligned apart from the fields above it. `Page` collects those
lines; the helpers below print labels, annotations, tolerations, selectors and
events exactly as kubectl's do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sandbox.printing.ages import human_duration, parse_time, since
from sandbox.printing.tabwriter import tabwrite

_MAX_ANNOTATION = 140
_SKIPPED_ANNOTATIONS = frozenset({"kubectl.kubernetes.io/last-applied-configuration"})


class Page:
    """A describe page being written: kubectl's PrefixWriter over a tabwriter."""

    def __init__(self) -> None:
        self._flushed: list[str] = []
        self._pending: list[str] = []

    def write(self, level: int, text: str) -> None:
        """Write `text` indented by `level` (two spaces each), control characters escaped."""
        self._pending.append(_escape("  " * level + text))

    def flush(self) -> None:
        """Align what was written so far on its own, as kubectl does before the events."""
        self._flushed.append(tabwrite("".join(self._pending), minwidth=0, padding=2))
        self._pending = []

    def text(self) -> str:
        """The finished page."""
        self.flush()
        return "".join(self._flushed)

    def unaligned(self) -> str:
        """What was written, tabs left as they are (for text kubectl prints unaligned)."""
        return "".join(self._pending)


def join_pages(pages: Sequence[str]) -> str:
    """Several objects described at once: kubectl puts a blank line between them."""
    return "\n\n".join(pages)


def labels_block(page: Page, title: str, labels: Mapping[str, str] | None, *,
                 indent: str = "") -> None:
    """printLabelsMultiline: `Title:` then one `k=v` per line, sorted, or `<none>`."""
    page.write(0, f"{indent}{title}:\t")
    if not labels:
        page.write(0, "<none>\n")
        return
    for index, key in enumerate(sorted(labels)):
        if index:
            page.write(0, f"{indent}\t")
        page.write(0, f"{key}={labels[key]}\n")


def annotations_block(page: Page, title: str, annotations: Mapping[str, str] | None) -> None:
    """printAnnotationsMultiline: long or multi-line values on their own, shortened, lines."""
    page.write(0, f"{title}:\t")
    keys = sorted(k for k in (annotations or {}) if k not in _SKIPPED_ANNOTATIONS)
    if not annotations or not keys:
        page.write(0, "<none>\n")
        return
    for index, key in enumerate(keys):
        if index:
            page.write(0, "\t")
        value = annotations[key].removesuffix("\n")
        if len(value.encode()) + len(key.encode()) + 2 > _MAX_ANNOTATION or "\n" in value:
            page.write(0, f"{key}:\n")
            for line in value.split("\n"):
                page.write(0, f"\t  {_shorten(line, _MAX_ANNOTATION - 2)}\n")
        else:
            page.write(0, f"{key}: {value}\n")


def tolerations_block(page: Page, title: str, tolerations: Sequence[Mapping[str, Any]] | None,
                      *, indent: str = "") -> None:
    """printTolerationsMultiline: `key=value:Effect op=Exists for 300s`, sorted by key."""
    page.write(0, f"{indent}{title}:\t")
    if not tolerations:
        page.write(0, "<none>\n")
        return
    for index, toleration in enumerate(sorted(tolerations, key=lambda t: t.get("key", ""))):
        if index:
            page.write(0, f"{indent}\t")
        key, value = toleration.get("key", ""), toleration.get("value", "")
        effect = toleration.get("effect", "")
        text = key + (f"={value}" if value else "") + (f":{effect}" if effect else "")
        if toleration.get("operator") == "Exists" and not value:
            text += " op=Exists" if key or effect else "op=Exists"
        if toleration.get("tolerationSeconds") is not None:
            text += f" for {toleration['tolerationSeconds']}s"
        page.write(0, text + "\n")


def selector_text(selector: Mapping[str, Any] | None) -> str:
    """A LabelSelector as labels.Selector.String() prints it ("" when it selects all)."""
    if selector is None:
        return ""
    requirements: list[tuple[str, str]] = [
        (key, f"{key}={value}") for key, value in (selector.get("matchLabels") or {}).items()]
    for expression in selector.get("matchExpressions") or []:
        key, operator = expression.get("key", ""), expression.get("operator", "")
        values = ",".join(sorted(expression.get("values") or []))
        text = {"In": f"{key} in ({values})", "NotIn": f"{key} notin ({values})",
                "Exists": key, "DoesNotExist": f"!{key}"}.get(operator, key)
        requirements.append((key, text))
    return ",".join(text for _, text in sorted(requirements, key=lambda r: r[0]))


def format_selector(selector: Mapping[str, Any] | None) -> str:
    """metav1.FormatLabelSelector: the selector, or `<none>` when it is empty."""
    return selector_text(selector) or "<none>"


def events_block(page: Page, obj: Mapping[str, Any], events: Iterable[Mapping[str, Any]],
                 now: datetime) -> None:
    """DescribeEvents for the events about `obj`, ages taken against `now`.

    Args:
        page: the page being written.
        obj: the described object; events about other objects are left out, as the
            server's field selector (involvedObject name, namespace, kind, uid) would.
        events: the namespace's events (core/v1 Event objects), in server order.
        now: the current time.
    """
    about = [e for e in events if _is_about(e, obj)]
    if not about:
        page.write(0, "Events:\t<none>\n")
        return
    page.flush()
    about.sort(key=_last_timestamp)
    page.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
    page.write(1, "----\t------\t----\t----\t-------\n")
    for event in about:
        page.write(1, "\t".join((str(event.get("type", "")), str(event.get("reason", "")),
                                 _interval(event, now), _source(event),
                                 str(event.get("message", "")).strip())) + "\n")


def _is_about(event: Mapping[str, Any], obj: Mapping[str, Any]) -> bool:
    involved: Mapping[str, Any] = event.get("involvedObject") or {}
    metadata: Mapping[str, Any] = obj.get("metadata") or {}
    if involved.get("name") != metadata.get("name"):
        return False
    if obj.get("kind") and involved.get("kind") != obj.get("kind"):
        return False
    uid = metadata.get("uid")
    return not uid or not involved.get("uid") or involved.get("uid") == uid


def _last_timestamp(event: Mapping[str, Any]) -> datetime:
    stamp = event.get("lastTimestamp")
    return parse_time(stamp) if stamp else datetime.min.replace(tzinfo=UTC)


def _interval(event: Mapping[str, Any], now: datetime) -> str:
    first = (human_duration((now - parse_time(event["eventTime"])).total_seconds())
             if event.get("eventTime") else since(event.get("firstTimestamp"), now))
    series = event.get("series")
    if series:
        last = since(series.get("lastObservedTime"), now)
        return f"{last} (x{series.get('count', 0)} over {first})"
    if int(event.get("count") or 0) > 1:
        return f"{since(event.get('lastTimestamp'), now)} (x{event['count']} over {first})"
    return first


def _source(event: Mapping[str, Any]) -> str:
    component = str((event.get("source") or {}).get("component", ""))
    return component or str(event.get("reportingComponent", "") or "")


def _shorten(text: str, limit: int) -> str:
    data = text.encode()
    return text if len(data) <= limit else data[:limit].decode(errors="replace") + "..."


def _escape(text: str) -> str:
    return text.replace("\x1b", "^[").replace("\r", "\\r")
