"""The object limit counts what the learner made; every refusal reads well in both languages."""

from __future__ import annotations

import pytest

from sandbox.limits import Limits
from sandbox.quota import check_room, count_objects
from sandbox.refusal_texts import TEXTS
from sandbox.refusals import CommandRefused, render, shown


def _item(name: str, owned: bool = False) -> dict[str, object]:
    metadata: dict[str, object] = {"name": name}
    if owned:
        metadata["ownerReferences"] = [{"kind": "ReplicaSet", "name": "web-1"}]
    return {"metadata": metadata}


def test_count_skips_objects_the_cluster_made() -> None:
    lists = [
        {"items": [_item("web")]},
        {"items": [_item("web-1", owned=True), _item("web-1-x", owned=True)]},
        [_item("kube-root-ca.crt"), _item("settings")],
    ]
    assert count_objects(lists) == 2


def test_room_is_refused_past_the_limit() -> None:
    check_room(19, 1)
    with pytest.raises(CommandRefused) as refused:
        check_room(19, 2)
    assert refused.value.reason == "object_limit"
    check_room(19, 2, limits=Limits(max_objects=21))


@pytest.mark.parametrize("reason", sorted(TEXTS))
def test_every_reason_renders_in_both_languages_without_failing(reason: str) -> None:
    refusal = CommandRefused(reason)
    for language in ("ko", "en"):
        assert render(refusal, language)


def test_learner_text_is_shortened_and_made_visible() -> None:
    assert shown("a\nb") == "a\\nb"
    assert len(shown("x" * 1_000_000)) == 80
