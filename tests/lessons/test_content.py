"""The shipped course, and the loader's refusals of bad content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from lessons.loader import CONTENT_DIR, ContentError, load_catalog
from lessons.model import ChoiceQuestion, CommandQuestion


def test_the_shipped_course_loads_with_every_lesson_complete() -> None:
    catalog = load_catalog()
    assert 10 <= len(catalog) <= 16
    for lesson in catalog:
        assert 2 <= len(lesson.cards) <= 6
        assert len(lesson.questions) >= 2
        for card in lesson.cards:
            assert card.text.ko.strip() and card.text.en.strip()


def test_every_command_answer_in_the_course_is_a_command_we_can_parse() -> None:
    from sandbox.commandline import same_meaning

    for lesson in load_catalog():
        for question in lesson.questions:
            if isinstance(question, CommandQuestion):
                for answer in question.answers:
                    assert same_meaning(answer, answer), (lesson.id, question.id, answer)


def test_choice_answers_point_at_an_option() -> None:
    for lesson in load_catalog():
        for question in lesson.questions:
            if isinstance(question, ChoiceQuestion):
                assert 0 <= question.answer < len(question.options)


def _copy_course(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(path: Path, change: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_missing_translation_is_refused_naming_file_lesson_and_field(tmp_path: Path) -> None:
    content = _copy_course(tmp_path)
    path = sorted(content.glob("*.yaml"))[2]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["cards"][1]["text"]["en"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(content)
    message = str(caught.value)
    assert path.name in message
    assert repr(data["id"]) in message
    assert "cards[1].text.en" in message


def test_an_answer_past_the_last_option_is_refused(tmp_path: Path) -> None:
    content = _copy_course(tmp_path)
    path = sorted(content.glob("*.yaml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][0] = {**data["questions"][0], "kind": "choice", "answer": 42}
    data["questions"][0].pop("answers", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match="questions\\[0\\]"):
        load_catalog(content)


def test_two_lessons_with_one_id_are_refused(tmp_path: Path) -> None:
    content = _copy_course(tmp_path)
    first, second = sorted(content.glob("*.yaml"))[:2]
    _edit(second, {"id": yaml.safe_load(first.read_text(encoding="utf-8"))["id"]})
    with pytest.raises(ContentError, match="already used by"):
        load_catalog(content)


def test_broken_yaml_is_refused_with_the_file_named(tmp_path: Path) -> None:
    content = _copy_course(tmp_path)
    (content / "99-broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"99-broken\.yaml.*not valid YAML"):
        load_catalog(content)


def test_lessons_check_exits_non_zero_on_bad_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _copy_course(tmp_path)
    (content / "99-broken.yaml").write_text("- just a list\n", encoding="utf-8")
    assert main(["lessons", "check", "--dir", str(content)]) == 1
    assert "99-broken.yaml" in capsys.readouterr().err


def test_lessons_check_passes_on_the_shipped_course(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_a_check_path_in_another_notation_is_refused(tmp_path: Path) -> None:
    content = _copy_course(tmp_path)
    path = next(p for p in sorted(content.glob("*.yaml")) if "field_equals" in p.read_text("utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for step in data["practice"]:
        for check in step["checks"]:
            if check["kind"] == "field_equals":
                check["path"] = "spec.template.spec.containers.0..image"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=r"practice\[\d+\]\.checks\[\d+\]\.path"):
        load_catalog(content)
