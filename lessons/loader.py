"""Reading the course from YAML, refusing bad content with a precise error.

An error names the file, the lesson and the field, because the people who
fix content are writers, not the engineers who know the model by heart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from lessons.catalog import Catalog
from lessons.model import Lesson

CONTENT_DIR = Path(__file__).parent / "content"

# Button payloads carry "<lesson id>:<item id>" and Telegram allows 64 bytes
# of callback data, with room left for a version and an action tag.
MAX_REFERENCE_LENGTH = 48

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(ValueError):
    """Course content that does not meet the model."""

    def __init__(self, path: Path, lesson: str | None, field: str, problem: str) -> None:
        self.path = path
        self.lesson = lesson
        self.field = field
        self.problem = problem
        where = f"{path.name}: lesson {lesson!r}" if lesson else path.name
        super().__init__(f"{where}: {field}: {problem}")


def _field_path(location: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part in {"choice", "command"}:
            continue
        else:
            parts.append(f".{part}" if parts else part)
    return "".join(parts) or "(top level)"


def load_lesson(path: Path) -> Lesson:
    """One lesson file, validated.

    Raises:
        ContentError: the file is not valid YAML or does not meet the model.
    """
    try:
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as error:
        raise ContentError(path, None, "(file)", f"not valid YAML: {error}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(path, None, "(file)", f"cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise ContentError(path, None, "(top level)", "must be a mapping of lesson fields")
    lesson_id = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        lesson = Lesson.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise ContentError(path, lesson_id, _field_path(first["loc"]), first["msg"]) from error
    for item_id in (
        [c.id for c in lesson.cards]
        + [q.id for q in lesson.questions]
        + [p.id for p in lesson.practice]
    ):
        if len(lesson.id) + len(item_id) + 1 > MAX_REFERENCE_LENGTH:
            raise ContentError(
                path,
                lesson.id,
                "id",
                f"{lesson.id}:{item_id} is longer than {MAX_REFERENCE_LENGTH} characters",
            )
    return lesson


def load_catalog(directory: Path = CONTENT_DIR) -> Catalog:
    """Every lesson under ``directory``, in course order.

    Raises:
        ContentError: any file is bad, or two lessons share an id or an order.
    """
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise ContentError(directory, None, "(folder)", "holds no lesson files")
    lessons: list[Lesson] = []
    by_id: dict[str, Path] = {}
    by_order: dict[int, Path] = {}
    for path in paths:
        lesson = load_lesson(path)
        if lesson.id in by_id:
            raise ContentError(path, lesson.id, "id", f"already used by {by_id[lesson.id].name}")
        if lesson.order in by_order:
            raise ContentError(
                path,
                lesson.id,
                "order",
                f"{lesson.order} is already used by {by_order[lesson.order].name}",
            )
        by_id[lesson.id] = path
        by_order[lesson.order] = path
        lessons.append(lesson)
    return Catalog(sorted(lessons, key=lambda lesson: lesson.order))
